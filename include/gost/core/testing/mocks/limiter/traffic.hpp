// gost-core testing kit: GoogleMock mocks of limiter::traffic::Limiter and
// limiter::traffic::TrafficLimiter.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string_view>

#include "gost/core/limiter/traffic/limiter.hpp"

namespace gost::core::limiter::traffic {

/// Mock of the bandwidth Limiter. Unconfigured, Wait grants 0 bytes, which
/// a caller that loops until granted would spin on: set an action.
class MockLimiter : public Limiter {
 public:
  MOCK_METHOD(int, Wait, (const context::Context& ctx, int n), (override));
  MOCK_METHOD(int, Limit, (), (const, override));
  MOCK_METHOD(void, Set, (int n), (override));
};

/// Mock of TrafficLimiter. Unconfigured, In and Out return null (no limit).
class MockTrafficLimiter : public TrafficLimiter {
 public:
  MOCK_METHOD(std::shared_ptr<traffic::Limiter>, In,
              (const context::Context& ctx, std::string_view key, Variadic<limiter::Option> opts), (override));
  MOCK_METHOD(std::shared_ptr<traffic::Limiter>, Out,
              (const context::Context& ctx, std::string_view key, Variadic<limiter::Option> opts), (override));
};

}  // namespace gost::core::limiter::traffic
