// Tests for gost/core/limiter/rate/limiter.hpp: the rate Limiter and
// RateLimiter interfaces.
#include "gost/core/limiter/rate/limiter.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>

#include "support/threads.hpp"

namespace gost::core::limiter::rate {
namespace {

static_assert(detail::kIsInterface<Limiter>);
static_assert(detail::kIsInterface<RateLimiter>);

// A bucket of `burst` tokens that the test refills by hand (no clock, so
// the test is deterministic).
class Bucket final : public Limiter {
 public:
  Bucket(double rate, int burst) : rate_(rate), tokens_(burst) {}
  bool Allow(int n) override {
    std::lock_guard lock(mu_);
    if (n < 0 || n > tokens_) return false;
    tokens_ -= n;
    return true;
  }
  double Limit() const override { return rate_; }
  void Refill(int n) {
    std::lock_guard lock(mu_);
    tokens_ += n;
  }

 private:
  const double rate_;
  std::mutex mu_;
  int tokens_;
};

class PerKey final : public RateLimiter {
 public:
  std::shared_ptr<rate::Limiter> Limiter(std::string_view key) override {
    if (key.empty()) return nullptr;
    return limiters_.Get(std::string(key), [] { return std::make_shared<Bucket>(2.5, 3); });
  }

 private:
  testsupport::KeyedCache<rate::Limiter> limiters_;
};

TEST(RateLimiter, BucketThroughTheInterface) {
  const RateLimiterPtr rl = std::make_shared<PerKey>();
  const LimiterPtr l = rl->Limiter("client-a");
  ASSERT_NE(l, nullptr);
  EXPECT_DOUBLE_EQ(l->Limit(), 2.5);
  EXPECT_TRUE(l->Allow(2));
  EXPECT_TRUE(l->Allow(1));
  EXPECT_FALSE(l->Allow(1));
  EXPECT_FALSE(l->Allow(-1));  // nonsense request refused
  std::static_pointer_cast<Bucket>(l)->Refill(1);
  EXPECT_TRUE(l->Allow(1));
  EXPECT_EQ(l, rl->Limiter("client-a"));
  EXPECT_NE(l, rl->Limiter("client-b"));
  EXPECT_EQ(rl->Limiter(""), nullptr);
}

}  // namespace
}  // namespace gost::core::limiter::rate
