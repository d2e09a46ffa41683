// gost-core port of go-gost/core limiter/rate/limiter.go.
//
// Rate limits: how many new connections or requests may start per second,
// per key (a client IP, a service name...).
#pragma once

#include <memory>
#include <string_view>

#include "gost/core/detail/interface.hpp"

namespace gost::core::limiter::rate {

/// One rate limit (a token bucket, typically). Never blocks.
///
/// Implementations must be safe to call from many threads at once.
class Limiter {
  GOST_CORE_INTERFACE(Limiter);

  /// True when `n` more events may happen now, in which case they are
  /// counted against the rate; false means the caller should refuse them.
  [[nodiscard]] virtual bool Allow(int n) = 0;
  /// The allowed rate in events per second.
  [[nodiscard]] virtual double Limit() const = 0;
};

/// A shared rate limiter; null means "no limit".
using LimiterPtr = std::shared_ptr<Limiter>;

/// Hands out the rate limiter for each key.
///
/// Implementations must be safe to call from many threads at once.
class RateLimiter {
  GOST_CORE_INTERFACE(RateLimiter);

  /// The limiter for `key` (created on first use, typically); null when no
  /// limit applies to that key.
  virtual std::shared_ptr<rate::Limiter> Limiter(std::string_view key) = 0;
};

/// A shared RateLimiter; null means "no rate limits".
using RateLimiterPtr = std::shared_ptr<RateLimiter>;

}  // namespace gost::core::limiter::rate
