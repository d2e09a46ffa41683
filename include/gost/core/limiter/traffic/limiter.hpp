// gost-core port of go-gost/core limiter/traffic/limiter.go.
//
// Bandwidth limits: how many bytes per second may flow in each direction,
// per key (a client, a connection, a service...). Connections wrapped by a
// traffic limiter call Wait before each read or write.
#pragma once

#include <memory>
#include <string_view>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/limiter/limiter.hpp"

namespace gost::core::limiter::traffic {

/// One bandwidth limit, in bytes per second.
///
/// Implementations must be safe to call from many threads at once; Set may
/// race with Wait and takes effect for later waits.
class Limiter {
  GOST_CORE_INTERFACE(Limiter);

  /// Blocks until up to `n` bytes may pass, then returns how many may: a
  /// value between 0 and `n` (a limiter may grant less than asked, its burst
  /// size say, and the caller then transfers only that much). Returns early
  /// when `ctx` ends; what it returns then is what was granted, possibly 0.
  [[nodiscard]] virtual int Wait(const context::Context& ctx, int n) = 0;
  /// The current limit in bytes per second.
  [[nodiscard]] virtual int Limit() const = 0;
  /// Changes the limit to `n` bytes per second.
  virtual void Set(int n) = 0;
};

/// A shared bandwidth limiter; null means "no limit".
using LimiterPtr = std::shared_ptr<Limiter>;

/// Hands out the inbound and outbound limiters for each key.
///
/// Implementations must be safe to call from many threads at once.
class TrafficLimiter {
  GOST_CORE_INTERFACE(TrafficLimiter);

  /// The limiter for data received (downloaded) under `key`; null when no
  /// limit applies. `opts` say who asks (see limiter::Options).
  virtual std::shared_ptr<traffic::Limiter> In(const context::Context& ctx, std::string_view key,
                                               Variadic<limiter::Option> opts = {}) = 0;
  /// The limiter for data sent (uploaded) under `key`; null when no limit
  /// applies. `opts` say who asks (see limiter::Options).
  virtual std::shared_ptr<traffic::Limiter> Out(const context::Context& ctx, std::string_view key,
                                                Variadic<limiter::Option> opts = {}) = 0;
};

/// A shared TrafficLimiter; null means "no bandwidth limits".
using TrafficLimiterPtr = std::shared_ptr<TrafficLimiter>;

}  // namespace gost::core::limiter::traffic
