// gost-core testing kit: GoogleMock mocks of the selector interfaces
// (Selector<T>, Strategy<T>, Filter<T>, Marker, Markable).
#pragma once

#include <gmock/gmock.h>

#include <cstdint>
#include <vector>

#include "gost/core/selector/selector.hpp"

namespace gost::core::selector {

/// Mock of Selector<T>. Unconfigured, Select returns T{} (nothing chosen).
template <class T>
class MockSelector : public Selector<T> {
 public:
  MOCK_METHOD(T, Select, (const context::Context& ctx, Variadic<T> items), (override));
};

/// Mock of Strategy<T>. Unconfigured, Apply returns T{}.
template <class T>
class MockStrategy : public Strategy<T> {
 public:
  MOCK_METHOD(T, Apply, (const context::Context& ctx, Variadic<T> items), (override));
};

/// Mock of Filter<T> (its method is FilterItems, see docs/api-renames.tsv).
/// Unconfigured, FilterItems lets nothing through.
template <class T>
class MockFilter : public Filter<T> {
 public:
  MOCK_METHOD(std::vector<T>, FilterItems, (const context::Context& ctx, Variadic<T> items), (override));
};

/// Mock of Marker. For a marker that really counts, use NewFailMarker().
class MockMarker : public Marker {
 public:
  MOCK_METHOD(core::Time, Time, (), (const, override));
  MOCK_METHOD(std::int64_t, Count, (), (const, override));
  MOCK_METHOD(void, Mark, (), (override));
  MOCK_METHOD(void, Reset, (), (override));
};

/// Mock of Markable. Unconfigured, Marker returns null.
class MockMarkable : public Markable {
 public:
  MOCK_METHOD(MarkerPtr, Marker, (), (const, override));
};

}  // namespace gost::core::selector
