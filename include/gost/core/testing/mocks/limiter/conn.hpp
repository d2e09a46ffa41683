// gost-core testing kit: GoogleMock mocks of limiter::conn::Limiter and
// limiter::conn::ConnLimiter.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string_view>

#include "gost/core/limiter/conn/limiter.hpp"

namespace gost::core::limiter::conn {

/// Mock of the connection-count Limiter. Unconfigured, Allow refuses.
class MockLimiter : public Limiter {
 public:
  MOCK_METHOD(bool, Allow, (int n), (override));
  MOCK_METHOD(int, Limit, (), (const, override));
};

/// Mock of ConnLimiter. Unconfigured, Limiter returns null (no limit).
class MockConnLimiter : public ConnLimiter {
 public:
  MOCK_METHOD(std::shared_ptr<conn::Limiter>, Limiter, (std::string_view key), (override));
};

}  // namespace gost::core::limiter::conn
