// gost-core testing kit: GoogleMock mocks of limiter::rate::Limiter and
// limiter::rate::RateLimiter.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string_view>

#include "gost/core/limiter/rate/limiter.hpp"

namespace gost::core::limiter::rate {

/// Mock of the rate Limiter. Unconfigured, Allow refuses.
class MockLimiter : public Limiter {
 public:
  MOCK_METHOD(bool, Allow, (int n), (override));
  MOCK_METHOD(double, Limit, (), (const, override));
};

/// Mock of RateLimiter. Unconfigured, Limiter returns null (no limit).
class MockRateLimiter : public RateLimiter {
 public:
  MOCK_METHOD(std::shared_ptr<rate::Limiter>, Limiter, (std::string_view key), (override));
};

}  // namespace gost::core::limiter::rate
