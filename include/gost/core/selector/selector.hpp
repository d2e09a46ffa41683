// gost-core port of go-gost/core selector/selector.go.
//
// Generic selection of one item (a node, a hop) out of several: a Strategy
// picks, Filters narrow the candidates first, and a Marker records failures
// so that filters can skip items that failed recently. NewFailMarker is the
// Marker that upstream ships and chain::Node uses.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <memory>
#include <vector>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/time.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::selector {

/// Picks one of `items` (Go: `Select(ctx, ...T) T`). Returns a
/// value-initialized T (null for pointers) when nothing can be chosen.
/// Implementations are shared between connections and must be thread-safe.
template <class T>
class Selector {
  GOST_CORE_INTERFACE(Selector);

  /// One of `items`, or T{} when none fits.
  virtual T Select(const context::Context& ctx, Variadic<T> items) = 0;
};

/// The algorithm a Selector applies after filtering: round robin, random,
/// hashing, weights... Returns T{} for an empty list.
template <class T>
class Strategy {
  GOST_CORE_INTERFACE(Strategy);

  /// The chosen item, or T{} when `items` is empty.
  virtual T Apply(const context::Context& ctx, Variadic<T> items) = 0;
};

/// Narrows a list of candidates before a Strategy chooses among them.
///
/// Upstream names the method `Filter`; C++ cannot give a member the name of
/// its class template (it would declare a constructor), so it is
/// `FilterItems` here (see docs/api-renames.tsv).
template <class T>
class Filter {
  GOST_CORE_INTERFACE(Filter);

  /// The items that pass, in their original order.
  virtual std::vector<T> FilterItems(const context::Context& ctx, Variadic<T> items) = 0;
};

/// Records the failures of one selectable item. All methods are safe to call
/// from many threads at once.
class Marker {
  GOST_CORE_INTERFACE(Marker);

  /// When the item last failed; the Unix epoch (Time{}) if it never did.
  [[nodiscard]] virtual core::Time Time() const = 0;
  /// Failures since the last Reset.
  [[nodiscard]] virtual std::int64_t Count() const = 0;
  /// Records one failure now.
  virtual void Mark() = 0;
  /// Forgets the failures (the count); the time of the last one is kept.
  virtual void Reset() = 0;
};

/// A shared Marker.
using MarkerPtr = std::shared_ptr<Marker>;

/// Implemented by items that carry a Marker (chain::Node does). Filters find
/// it with dynamic_cast, as Go finds it with a type assertion.
class Markable {
  GOST_CORE_INTERFACE(Markable);

  /// The item's marker; null if it has none.
  [[nodiscard]] virtual MarkerPtr Marker() const = 0;
};

namespace detail {

// The marker upstream ships: two atomics. Time is kept in whole seconds, as
// upstream does, but read with std::time rather than a full system_clock
// read (a few nanoseconds against tens). std::time reads the kernel's coarse
// wall clock, which trails the precise one by at most a clock tick (a few
// milliseconds), so a Mark made in the first milliseconds of a second may be
// stamped with the second before. Fail filters count in seconds or more, so
// the difference does not matter to them.
class FailMarker final : public selector::Marker {
 public:
  [[nodiscard]] core::Time Time() const override {
    return core::Time{} + std::chrono::seconds(fail_time_.load(std::memory_order_relaxed));
  }
  [[nodiscard]] std::int64_t Count() const override { return fail_count_.load(std::memory_order_relaxed); }
  void Mark() override {
    fail_count_.fetch_add(1, std::memory_order_relaxed);
    fail_time_.store(static_cast<std::int64_t>(std::time(nullptr)), std::memory_order_relaxed);
  }
  void Reset() override { fail_count_.store(0, std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> fail_time_{0};
  std::atomic<std::int64_t> fail_count_{0};
};

}  // namespace detail

/// A new Marker with no failures: Count() 0 and Time() the Unix epoch.
/// Mark adds one and stamps the current second; Reset zeroes the count and
/// keeps the time. Thread-safe.
inline MarkerPtr NewFailMarker() { return std::make_shared<detail::FailMarker>(); }

}  // namespace gost::core::selector
