// gost-core port of go-gost/core observer/stats/stats.go.
//
// Running counters of a service or a connection (connections, bytes,
// errors), read periodically and reported to observers as EventStats.
#pragma once

#include <cstdint>
#include <memory>

#include "gost/core/detail/interface.hpp"

namespace gost::core::observer::stats {

/// Which counter (Go: `type Kind int`, with upstream's values).
enum Kind : int {
  KindTotalConns = 1,    ///< connections accepted so far
  KindCurrentConns = 2,  ///< connections open now
  KindInputBytes = 3,    ///< bytes received
  KindOutputBytes = 4,   ///< bytes sent
  KindTotalErrs = 5,     ///< errors so far
};

/// A set of counters, one per Kind.
///
/// Implementations must be safe to call from many threads at once (every
/// connection of a service adds to the same Stats); they typically use
/// atomics. A Kind they do not track is ignored by Add and reads as 0.
class Stats {
  GOST_CORE_INTERFACE(Stats);

  /// Adds `n` to the counter `kind`; `n` is negative to count down
  /// (KindCurrentConns when a connection closes). Marks the set updated.
  virtual void Add(Kind kind, std::int64_t n) = 0;
  /// The current value of the counter `kind`.
  [[nodiscard]] virtual std::uint64_t Get(Kind kind) const = 0;
  /// True when some counter changed since the last Reset (or since the
  /// start), which tells a reporter whether a new snapshot is worth sending.
  [[nodiscard]] virtual bool IsUpdated() const = 0;
  /// Sets every counter back to zero and clears the updated flag.
  virtual void Reset() = 0;
};

/// A shared Stats; null means "not counted".
using StatsPtr = std::shared_ptr<Stats>;

}  // namespace gost::core::observer::stats
