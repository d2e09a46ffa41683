// gost-core port of go-gost/core limiter/conn/limiter.go.
//
// Connection-count limits: how many connections may be open at once, per
// key (a client IP, a service name...).
#pragma once

#include <memory>
#include <string_view>

#include "gost/core/detail/interface.hpp"

namespace gost::core::limiter::conn {

/// One concurrency limit.
///
/// Implementations must be safe to call from many threads at once. Whether
/// Allow also counts the connections in (and how they are counted out when
/// they close) is the implementation's business.
class Limiter {
  GOST_CORE_INTERFACE(Limiter);

  /// True when `n` more connections fit under the limit; false means the
  /// caller should refuse them. `n` may be negative to report connections
  /// that closed, for implementations that count this way.
  [[nodiscard]] virtual bool Allow(int n) = 0;
  /// The maximum number of concurrent connections this limiter allows.
  [[nodiscard]] virtual int Limit() const = 0;
};

/// A shared connection limiter; null means "no limit".
using LimiterPtr = std::shared_ptr<Limiter>;

/// Hands out the connection limiter for each key.
///
/// Implementations must be safe to call from many threads at once.
class ConnLimiter {
  GOST_CORE_INTERFACE(ConnLimiter);

  /// The limiter for `key` (created on first use, typically); null when no
  /// limit applies to that key.
  virtual std::shared_ptr<conn::Limiter> Limiter(std::string_view key) = 0;
};

/// A shared ConnLimiter; null means "no connection limits".
using ConnLimiterPtr = std::shared_ptr<ConnLimiter>;

}  // namespace gost::core::limiter::conn
