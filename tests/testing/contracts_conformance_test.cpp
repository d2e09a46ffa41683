// The Registry, Marker and Metadata contract suites run against the
// reference set's registry and metadata (examples/reference), a marker
// written from the contract, and the library's own selector::NewFailMarker:
// all must pass.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "gost/core/selector/selector.hpp"
#include "gost/core/testing/conformance/marker.hpp"
#include "gost/core/testing/conformance/metadata.hpp"
#include "gost/core/testing/conformance/registry.hpp"
#include "precise_marker.hpp"
#include "reference/metadata.hpp"
#include "reference/registry.hpp"

namespace {

namespace core = gost::core;

// A registry of shared objects, compared by identity (the usual case).
struct SharedPtrTraits {
  using Value = std::shared_ptr<int>;
  static core::registry::RegistryPtr<Value> Make() { return std::make_shared<gost::x::Registry<Value>>(); }
  static Value Sample(int i) {
    static const Value samples[3] = {std::make_shared<int>(0), std::make_shared<int>(1), std::make_shared<int>(2)};
    return samples[i];
  }
};

// A registry of plain values, returned as a unique_ptr.
struct StringTraits {
  using Value = std::string;
  static std::unique_ptr<core::registry::Registry<Value>> Make() {
    return std::make_unique<gost::x::Registry<Value>>();
  }
  static Value Sample(int i) { return "value-" + std::to_string(i); }
};

// A registry of constructors: std::function has no ==, so Equal compares
// what they build.
struct FactoryTraits {
  using Value = std::function<int()>;
  static core::registry::RegistryPtr<Value> Make() { return std::make_shared<gost::x::Registry<Value>>(); }
  static Value Sample(int i) {
    return [i] { return i + 100; };
  }
  static bool Equal(const Value& a, const Value& b) {
    if (!a || !b) return !a && !b;
    return a() == b();
  }
};

// A list of several types goes through an alias: the macro would split it
// at its commas.
using ReferenceRegistries = ::testing::Types<SharedPtrTraits, StringTraits, FactoryTraits>;

}  // namespace

namespace gost::core::registry {
INSTANTIATE_TYPED_TEST_SUITE_P(Reference, RegistryConformanceTest, ReferenceRegistries);
}  // namespace gost::core::registry

namespace {

using core::metadata::MetadataConformanceTest;
using core::metadata::MetadataFactory;
using core::selector::MarkerConformanceTest;
using core::selector::MarkerFactory;

INSTANTIATE_TEST_SUITE_P(Library, MarkerConformanceTest,
                         ::testing::Values(MarkerFactory{"fail_marker", &core::selector::NewFailMarker}),
                         MarkerConformanceTest::ParamName);

INSTANTIATE_TEST_SUITE_P(Reference, MarkerConformanceTest,
                         ::testing::Values(MarkerFactory{
                             "precise_marker", [] { return std::make_shared<gost_test::PreciseMarker>(); }, false}),
                         MarkerConformanceTest::ParamName);

INSTANTIATE_TEST_SUITE_P(Reference, MetadataConformanceTest,
                         ::testing::Values(MetadataFactory{"map_metadata",
                                                           [] { return std::make_shared<gost::x::MapMetadata>(); }}),
                         MetadataConformanceTest::ParamName);

}  // namespace
