// gost-core testing kit: GoogleMock mocks of limiter::conn::Limiter and
// limiter::conn::ConnLimiter.
#pragma once

#include "gost/core/limiter/conn/limiter.hpp"
#include "gost/core/testing/detail/limiter_mocks.hpp"

namespace gost::core::limiter::conn {

/// Mock of the connection-count Limiter. Unconfigured, Allow refuses.
class MockLimiter : public core::detail::testkit::MockCountingLimiter<Limiter> {};

/// Mock of ConnLimiter. Unconfigured, Limiter returns null (no limit).
class MockConnLimiter : public core::detail::testkit::MockKeyedLimiter<ConnLimiter> {};

}  // namespace gost::core::limiter::conn
