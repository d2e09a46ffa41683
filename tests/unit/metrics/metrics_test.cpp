// Tests for gost/core/metrics/metrics.hpp: MetricName, Labels and the Gauge,
// Counter, Observer and Metrics interfaces.
#include "gost/core/metrics/metrics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/metrics.hpp"
#include "support/threads.hpp"

namespace gost::core::metrics {
namespace {

static_assert(detail::kIsInterface<Gauge>);
static_assert(detail::kIsInterface<Counter>);
static_assert(detail::kIsInterface<Observer>);
static_assert(detail::kIsInterface<Metrics>);
static_assert(std::is_same_v<MetricName, std::string>);
static_assert(std::is_same_v<Labels, std::map<std::string, std::string>>);

// One mutex-guarded double per series; good enough to show the contract.
class Value final : public Gauge, public Counter, public Observer {
 public:
  void Inc() override { Add(1); }
  void Dec() override { Add(-1); }
  void Add(double v) override {
    std::lock_guard lock(mu_);
    v_ += v;
  }
  void Set(double v) override {
    std::lock_guard lock(mu_);
    v_ = v;
  }
  void Observe(double v) override {
    std::lock_guard lock(mu_);
    samples_.push_back(v);
  }
  double Get() const {
    std::lock_guard lock(mu_);
    return v_;
  }
  std::vector<double> Samples() const {
    std::lock_guard lock(mu_);
    return samples_;
  }

 private:
  mutable std::mutex mu_;
  double v_ = 0;
  std::vector<double> samples_;
};

// Knows a fixed set of names per kind; unknown names give null, as the
// header allows.
class Registry final : public Metrics {
 public:
  std::shared_ptr<metrics::Counter> Counter(const MetricName& name, const Labels& labels) override {
    return Series("counter", name, labels);
  }
  std::shared_ptr<metrics::Gauge> Gauge(const MetricName& name, const Labels& labels) override {
    return Series("gauge", name, labels);
  }
  std::shared_ptr<metrics::Observer> Observer(const MetricName& name, const Labels& labels) override {
    return Series("observer", name, labels);
  }

  std::shared_ptr<Value> Find(const std::string& kind, const MetricName& name, const Labels& labels) {
    std::lock_guard lock(mu_);
    auto it = series_.find({kind, name, labels});
    return it == series_.end() ? nullptr : it->second;
  }

 private:
  std::shared_ptr<Value> Series(const std::string& kind, const MetricName& name, const Labels& labels) {
    static const std::set<std::pair<std::string, std::string>> known{
        {"counter", "gost_requests_total"}, {"gauge", "gost_conns"}, {"observer", "gost_duration_seconds"}};
    if (!known.contains({kind, name})) return nullptr;
    std::lock_guard lock(mu_);
    auto& s = series_[{kind, name, labels}];
    if (!s) s = std::make_shared<Value>();
    return s;
  }
  std::mutex mu_;
  std::map<std::tuple<std::string, MetricName, Labels>, std::shared_ptr<Value>> series_;
};

TEST(Metrics, SeriesAreKeyedByNameAndLabels) {
  auto reg = std::make_shared<Registry>();
  const MetricsPtr m = reg;
  const Labels a{{"service", "a"}};
  const Labels b{{"service", "b"}};

  const CounterPtr ca = m->Counter("gost_requests_total", a);
  ASSERT_NE(ca, nullptr);
  ca->Inc();
  ca->Add(2.5);
  m->Counter("gost_requests_total", a)->Inc();  // same series
  m->Counter("gost_requests_total", b)->Inc();  // another series
  EXPECT_DOUBLE_EQ(reg->Find("counter", "gost_requests_total", a)->Get(), 4.5);
  EXPECT_DOUBLE_EQ(reg->Find("counter", "gost_requests_total", b)->Get(), 1.0);

  const GaugePtr g = m->Gauge("gost_conns", {});
  ASSERT_NE(g, nullptr);
  g->Inc();
  g->Inc();
  g->Dec();
  g->Add(-3);
  EXPECT_DOUBLE_EQ(reg->Find("gauge", "gost_conns", {})->Get(), -2.0);
  g->Set(42);
  EXPECT_DOUBLE_EQ(reg->Find("gauge", "gost_conns", {})->Get(), 42.0);

  const ObserverPtr o = m->Observer("gost_duration_seconds", a);
  ASSERT_NE(o, nullptr);
  o->Observe(0.25);
  o->Observe(1.5);
  EXPECT_EQ(reg->Find("observer", "gost_duration_seconds", a)->Samples(), (std::vector<double>{0.25, 1.5}));
}

TEST(Metrics, UnknownNamesGiveNull) {
  const MetricsPtr m = std::make_shared<Registry>();
  EXPECT_EQ(m->Counter("", {}), nullptr);
  EXPECT_EQ(m->Counter("gost_conns", {}), nullptr);  // a gauge's name, asked as a counter
  EXPECT_EQ(m->Gauge("nope", {{"k", "v"}}), nullptr);
  EXPECT_EQ(m->Observer("gost_requests_total", {}), nullptr);
}

TEST(Metrics, ConcurrentUpdates) {
  auto reg = std::make_shared<Registry>();
  const MetricsPtr m = reg;
  testsupport::RunOnThreads(4, [&](int) {
    for (int i = 0; i < 250; ++i) m->Counter("gost_requests_total", {{"t", "x"}})->Inc();
  });
  EXPECT_DOUBLE_EQ(reg->Find("counter", "gost_requests_total", {{"t", "x"}})->Get(), 1000.0);
}

TEST(Metrics, Mocks) {
  auto c = std::make_shared<MockCounter>();
  auto g = std::make_shared<MockGauge>();
  auto o = std::make_shared<MockObserver>();
  auto m = std::make_shared<MockMetrics>();
  const Labels l{{"host", "h"}};
  EXPECT_CALL(*m, Counter(MetricName("c"), l)).WillOnce(::testing::Return(c));
  EXPECT_CALL(*m, Gauge(MetricName("g"), Labels{})).WillOnce(::testing::Return(g));
  EXPECT_CALL(*m, Observer(MetricName("o"), l)).WillOnce(::testing::Return(o));
  EXPECT_CALL(*c, Add(2.0));
  EXPECT_CALL(*g, Dec());
  EXPECT_CALL(*o, Observe(0.5));
  const MetricsPtr mp = m;
  mp->Counter("c", l)->Add(2.0);
  mp->Gauge("g", {})->Dec();
  mp->Observer("o", l)->Observe(0.5);
}

}  // namespace
}  // namespace gost::core::metrics
