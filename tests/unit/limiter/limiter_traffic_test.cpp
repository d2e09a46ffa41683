// Tests for gost/core/limiter/traffic/limiter.hpp: the bandwidth Limiter
// and TrafficLimiter interfaces, including a Wait that honours its context.
#include "gost/core/limiter/traffic/limiter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "gost/core/testing/mocks/limiter/traffic.hpp"
#include "support/threads.hpp"

namespace gost::core::limiter::traffic {
namespace {

using namespace std::chrono_literals;

static_assert(detail::kIsInterface<Limiter>);
static_assert(detail::kIsInterface<TrafficLimiter>);

// A bucket that Set refills to `n` tokens (the test's stand-in for time
// passing). Wait grants what is available, up to n, and blocks while the
// bucket is empty until a refill or the end of the context.
class Bucket final : public Limiter {
 public:
  explicit Bucket(int limit) : limit_(limit), tokens_(limit) {}

  int Wait(const context::Context& ctx, int n) override {
    if (n <= 0) return 0;
    // Registered before taking mu_: AfterFunc runs at once on a done context.
    auto wake = context::AfterFunc(ctx, [this] {
      std::lock_guard lock(mu_);
      cv_.notify_all();
    });
    int granted = 0;
    {
      std::unique_lock lock(mu_);
      auto ready = [&] { return tokens_ > 0 || ctx.Done(); };
      if (auto d = ctx.Deadline()) {
        cv_.wait_until(lock, *d, ready);
      } else {
        cv_.wait(lock, ready);
      }
      if (tokens_ > 0 && !ctx.Done()) {
        granted = std::min(n, tokens_);
        tokens_ -= granted;
      }
    }
    wake.Stop();
    return granted;
  }
  int Limit() const override {
    std::lock_guard lock(mu_);
    return limit_;
  }
  void Set(int n) override {
    std::lock_guard lock(mu_);
    limit_ = n;
    tokens_ = std::max(n, 0);
    cv_.notify_all();
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  int limit_;
  int tokens_;
};

// In and Out limiters per key; the per-client scope gets its own limit.
class PerKey final : public TrafficLimiter {
 public:
  std::shared_ptr<traffic::Limiter> In(const context::Context&, std::string_view key,
                                       Variadic<limiter::Option> opts) override {
    return Get(in_, key, opts);
  }
  std::shared_ptr<traffic::Limiter> Out(const context::Context&, std::string_view key,
                                        Variadic<limiter::Option> opts) override {
    return Get(out_, key, opts);
  }

 private:
  using Map = testsupport::KeyedCache<traffic::Limiter>;
  static std::shared_ptr<traffic::Limiter> Get(Map& m, std::string_view key, Variadic<limiter::Option> opts) {
    const auto o = MakeOptions<limiter::Options>(opts);
    if (key.empty()) return nullptr;
    return m.Get(o.Scope + "/" + std::string(key),
                 [&o] { return std::make_shared<Bucket>(o.Scope == limiter::ScopeClient ? 100 : 1000); });
  }
  Map in_, out_;
};

TEST(TrafficLimiter, InAndOutAreSeparateAndOptionsArrive) {
  const TrafficLimiterPtr tl = std::make_shared<PerKey>();
  const context::Context ctx;
  const LimiterPtr in = tl->In(ctx, "k", limiter::ScopeOption(limiter::ScopeClient));
  const LimiterPtr out = tl->Out(ctx, "k", {limiter::ServiceOption("svc"), limiter::ScopeOption(limiter::ScopeClient)});
  ASSERT_NE(in, nullptr);
  ASSERT_NE(out, nullptr);
  EXPECT_NE(in, out);
  EXPECT_EQ(in->Limit(), 100);
  EXPECT_EQ(tl->In(ctx, "k")->Limit(), 1000);  // no scope: the service-wide default
  EXPECT_EQ(in, tl->In(ctx, "k", limiter::ScopeOption(limiter::ScopeClient)));
  EXPECT_EQ(tl->Out(ctx, ""), nullptr);
}

TEST(TrafficLimiter, WaitGrantsAtMostWhatIsAvailable) {
  const LimiterPtr l = std::make_shared<Bucket>(10);
  const context::Context ctx;
  EXPECT_EQ(l->Wait(ctx, 4), 4);
  EXPECT_EQ(l->Wait(ctx, 100), 6);  // less than asked
  EXPECT_EQ(l->Wait(ctx, 0), 0);    // nothing asked, nothing granted
  EXPECT_EQ(l->Wait(ctx, -3), 0);   // bad input
  l->Set(5);
  EXPECT_EQ(l->Limit(), 5);
  EXPECT_EQ(l->Wait(ctx, 5), 5);
}

TEST(TrafficLimiter, WaitReturnsWhenTheContextIsCancelled) {
  const LimiterPtr l = std::make_shared<Bucket>(1);
  EXPECT_EQ(l->Wait(context::Background(), 1), 1);  // bucket now empty
  auto [ctx, cancel] = context::WithCancel(context::Background());
  auto waiting = std::async(std::launch::async, [&, c = ctx] { return l->Wait(c, 1); });
  EXPECT_EQ(waiting.wait_for(20ms), std::future_status::timeout);  // it blocks...
  cancel();
  ASSERT_EQ(waiting.wait_for(30s), std::future_status::ready);  // ...until cancelled
  EXPECT_EQ(waiting.get(), 0);
  // An already-cancelled context does not block at all.
  EXPECT_EQ(l->Wait(ctx, 1), 0);
}

TEST(TrafficLimiter, WaitReturnsAtTheDeadline) {
  const LimiterPtr l = std::make_shared<Bucket>(0);
  auto [ctx, cancel] = context::WithTimeout(context::Background(), 10ms);
  EXPECT_EQ(l->Wait(ctx, 1), 0);
  EXPECT_TRUE(ctx.Done());
  cancel();
}

TEST(TrafficLimiter, SetWakesAWaiter) {
  const LimiterPtr l = std::make_shared<Bucket>(0);
  auto [ctx, cancel] = context::WithTimeout(context::Background(), 30s);
  auto waiting = std::async(std::launch::async, [&, c = ctx] { return l->Wait(c, 8); });
  l->Set(3);
  ASSERT_EQ(waiting.wait_for(30s), std::future_status::ready);
  EXPECT_EQ(waiting.get(), 3);
  cancel();
}

TEST(TrafficLimiter, Mocks) {
  auto lim = std::make_shared<MockLimiter>();
  auto tl = std::make_shared<MockTrafficLimiter>();
  EXPECT_CALL(*tl, In(::testing::_, ::testing::Eq("k"), ::testing::_))
      .WillOnce([&](const context::Context&, std::string_view, Variadic<limiter::Option> opts) {
        EXPECT_EQ(MakeOptions<limiter::Options>(opts).Client, "c");
        return lim;
      });
  EXPECT_CALL(*tl, Out(::testing::_, ::testing::_, ::testing::_)).WillOnce(::testing::Return(nullptr));
  EXPECT_CALL(*lim, Wait(::testing::_, 10)).WillOnce(::testing::Return(4));
  EXPECT_CALL(*lim, Set(9));
  const TrafficLimiterPtr t = tl;
  const context::Context ctx;
  const auto in = t->In(ctx, "k", limiter::ClientOption("c"));
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(in->Wait(ctx, 10), 4);
  in->Set(9);
  EXPECT_EQ(t->Out(ctx, "k"), nullptr);
}

}  // namespace
}  // namespace gost::core::limiter::traffic
