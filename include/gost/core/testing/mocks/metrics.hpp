// gost-core testing kit: GoogleMock mocks of the metrics interfaces (Gauge,
// Counter, Observer, Metrics).
#pragma once

#include <gmock/gmock.h>

#include <memory>

#include "gost/core/metrics/metrics.hpp"

namespace gost::core::metrics {

/// Mock of Gauge.
class MockGauge : public Gauge {
 public:
  MOCK_METHOD(void, Inc, (), (override));
  MOCK_METHOD(void, Dec, (), (override));
  MOCK_METHOD(void, Add, (double v), (override));
  MOCK_METHOD(void, Set, (double v), (override));
};

/// Mock of Counter.
class MockCounter : public Counter {
 public:
  MOCK_METHOD(void, Inc, (), (override));
  MOCK_METHOD(void, Add, (double v), (override));
};

/// Mock of the metrics Observer (not observer::MockObserver).
class MockObserver : public Observer {
 public:
  MOCK_METHOD(void, Observe, (double v), (override));
};

/// Mock of Metrics. Unconfigured, every getter returns null (unknown name).
class MockMetrics : public Metrics {
 public:
  MOCK_METHOD(std::shared_ptr<metrics::Counter>, Counter, (const MetricName& name, const Labels& labels), (override));
  MOCK_METHOD(std::shared_ptr<metrics::Gauge>, Gauge, (const MetricName& name, const Labels& labels), (override));
  MOCK_METHOD(std::shared_ptr<metrics::Observer>, Observer, (const MetricName& name, const Labels& labels), (override));
};

}  // namespace gost::core::metrics
