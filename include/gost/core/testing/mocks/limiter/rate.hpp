// gost-core testing kit: GoogleMock mocks of limiter::rate::Limiter and
// limiter::rate::RateLimiter.
#pragma once

#include "gost/core/limiter/rate/limiter.hpp"
#include "gost/core/testing/detail/limiter_mocks.hpp"

namespace gost::core::limiter::rate {

/// Mock of the rate Limiter. Unconfigured, Allow refuses.
class MockLimiter : public core::detail::testkit::MockCountingLimiter<Limiter> {};

/// Mock of RateLimiter. Unconfigured, Limiter returns null (no limit).
class MockRateLimiter : public core::detail::testkit::MockKeyedLimiter<RateLimiter> {};

}  // namespace gost::core::limiter::rate
