// gost-core testing kit: the mocks that limiter/conn and limiter/rate share.
// Not part of the public API: use conn::MockLimiter, conn::MockConnLimiter,
// rate::MockLimiter and rate::MockRateLimiter.
//
// The two packages declare the same pair of interfaces (a Limiter with Allow
// and Limit, and a keyed limiter that hands one out per key); only the type
// of the limit differs (int connections, double requests a second). So each
// mock is written once, for both.
#pragma once

#include <gmock/gmock.h>

#include <string_view>
#include <utility>

namespace gost::core::detail::testkit {

// Mock of a counting Limiter. Unconfigured, Allow refuses and Limit is 0.
template <class Lim>
class MockCountingLimiter : public Lim {
 public:
  using Value = decltype(std::declval<const Lim&>().Limit());
  MOCK_METHOD(bool, Allow, (int n), (override));
  MOCK_METHOD(Value, Limit, (), (const, override));
};

// Mock of a keyed limiter. Unconfigured, Limiter returns null (no limit).
template <class Keyed>
class MockKeyedLimiter : public Keyed {
 public:
  using LimiterPtr = decltype(std::declval<Keyed&>().Limiter(std::string_view()));
  MOCK_METHOD(LimiterPtr, Limiter, (std::string_view key), (override));
};

}  // namespace gost::core::detail::testkit
