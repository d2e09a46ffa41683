// The Marker contract suite runs against the library's own
// selector::NewFailMarker and a marker written from the contract alone: both
// must pass. (The Registry and Metadata suites run against the reference
// set's registry and metadata, in examples/reference/tests.)
#include <gtest/gtest.h>

#include <memory>

#include "gost/core/selector/selector.hpp"
#include "gost/core/testing/conformance/marker.hpp"
#include "precise_marker.hpp"

namespace {

namespace core = gost::core;

using core::selector::MarkerConformanceTest;
using core::selector::MarkerFactory;

INSTANTIATE_TEST_SUITE_P(Library, MarkerConformanceTest,
                         ::testing::Values(MarkerFactory{"fail_marker", &core::selector::NewFailMarker}),
                         MarkerConformanceTest::ParamName);

INSTANTIATE_TEST_SUITE_P(Reference, MarkerConformanceTest,
                         ::testing::Values(MarkerFactory{
                             "precise_marker", [] { return std::make_shared<gost_test::PreciseMarker>(); }, false}),
                         MarkerConformanceTest::ParamName);

}  // namespace
