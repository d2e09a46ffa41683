// gost-core port of go-gost/core metrics/metrics.go.
//
// A Prometheus-shaped metrics facade: components ask a Metrics for the
// counter, gauge or observer of a name and a label set, and update it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "gost/core/detail/interface.hpp"

namespace gost::core::metrics {

/// The name of a metric (Go: `type MetricName string`), such as
/// "gost_service_requests_total"; the names in use are the implementation's.
using MetricName = std::string;

/// Label names to values (Go: `type Labels map[string]string`); one metric
/// name with different labels is a different series.
using Labels = std::map<std::string, std::string>;

/// A value that goes up and down (open connections, say).
/// Implementations must be safe to call from many threads at once.
class Gauge {
  GOST_CORE_INTERFACE(Gauge);

  /// Adds 1.
  virtual void Inc() = 0;
  /// Subtracts 1.
  virtual void Dec() = 0;
  /// Adds `v` (which may be negative).
  virtual void Add(double v) = 0;
  /// Replaces the value with `v`.
  virtual void Set(double v) = 0;
};

/// A shared Gauge.
using GaugePtr = std::shared_ptr<Gauge>;

/// A value that only goes up (requests served, say).
/// Implementations must be safe to call from many threads at once.
class Counter {
  GOST_CORE_INTERFACE(Counter);

  /// Adds 1.
  virtual void Inc() = 0;
  /// Adds `v`, which must not be negative (implementations may ignore or
  /// reject a negative value, as Prometheus does).
  virtual void Add(double v) = 0;
};

/// A shared Counter.
using CounterPtr = std::shared_ptr<Counter>;

/// Records samples for a distribution (a histogram or a summary: request
/// durations, say). Implementations must be safe to call from many threads.
class Observer {
  GOST_CORE_INTERFACE(Observer);

  /// Records one sample.
  virtual void Observe(double v) = 0;
};

/// A shared Observer.
using ObserverPtr = std::shared_ptr<Observer>;

/// Creates or finds metric series by name and labels.
///
/// Implementations must be safe to call from many threads at once. Asking
/// twice for the same name and labels gives the same series (not necessarily
/// the same object). Each getter returns null for a name the implementation
/// does not know, so callers must check before use.
class Metrics {
  GOST_CORE_INTERFACE(Metrics);

  /// The counter `name` with `labels`; null when unknown.
  virtual std::shared_ptr<metrics::Counter> Counter(const MetricName& name, const Labels& labels) = 0;
  /// The gauge `name` with `labels`; null when unknown.
  virtual std::shared_ptr<metrics::Gauge> Gauge(const MetricName& name, const Labels& labels) = 0;
  /// The observer `name` with `labels`; null when unknown.
  virtual std::shared_ptr<metrics::Observer> Observer(const MetricName& name, const Labels& labels) = 0;
};

/// A shared Metrics; null means "metrics are off".
using MetricsPtr = std::shared_ptr<Metrics>;

}  // namespace gost::core::metrics
