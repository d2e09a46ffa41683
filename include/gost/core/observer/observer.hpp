// gost-core port of go-gost/core observer/observer.go.
//
// Observers receive batches of events (status changes, traffic statistics)
// that services and handlers report, for dashboards, logs or a plugin.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::observer {

/// Per-call settings of Observer::Observe. Upstream defines none yet; the
/// type exists so that options can be added without changing the interface.
struct Options {
  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// What an event reports (Go: `type EventType string`).
using EventType = std::string;
/// A service or connection changed state.
inline const EventType EventStatus{"status"};
/// A snapshot of traffic statistics.
inline const EventType EventStats{"stats"};

/// One observed event. Concrete event types carry the data; an observer
/// switches on Type() and then downcasts (dynamic_cast) to the type it
/// expects. Events are shared and should be treated as immutable once
/// reported, so that many threads may read them.
class Event {
  GOST_CORE_INTERFACE(Event);

  /// The kind of event, such as EventStatus or EventStats.
  [[nodiscard]] virtual EventType Type() const = 0;
};

/// A shared event.
using EventPtr = std::shared_ptr<Event>;

/// Receives events.
///
/// Implementations must be safe to call from many threads at once. Observe
/// may forward the batch to a remote service and block while doing so; it
/// should give up when `ctx` ends.
class Observer {
  GOST_CORE_INTERFACE(Observer);

  /// Handles a batch of events, in order (null entries should be skipped).
  /// Returns an error when the batch could not be delivered (the context's
  /// error if `ctx` ended first); the caller may report it again later.
  virtual Error Observe(const context::Context& ctx, const std::vector<EventPtr>& events,
                        Variadic<Option> opts = {}) = 0;
};

/// A shared Observer; null means "nobody is observing".
using ObserverPtr = std::shared_ptr<Observer>;

}  // namespace gost::core::observer
