// gost-core: time and durations, as std::chrono types.
//
// Go's time.Duration is a count of nanoseconds and time.Time a wall-clock
// instant whose zero value means "unset" (no deadline, never failed). The same
// conventions hold here: Duration is std::chrono::nanoseconds and Time is a
// system_clock time point whose default value (the epoch) means "unset".
#pragma once

#include <chrono>

namespace gost::core {

/// A span of time in nanoseconds (Go's time.Duration).
using Duration = std::chrono::nanoseconds;

/// A wall-clock instant (Go's time.Time). Time{} is the zero value: for
/// deadlines it means "none".
using Time = std::chrono::system_clock::time_point;

/// The current wall-clock time (Go's time.Now).
inline Time Now() noexcept { return std::chrono::system_clock::now(); }

/// True for the zero Time (Go's Time.IsZero).
constexpr bool IsZero(Time t) noexcept { return t == Time{}; }

}  // namespace gost::core
