// Tests for gost/core/limiter/conn/limiter.hpp: the connection-count
// Limiter and ConnLimiter interfaces.
#include "gost/core/limiter/conn/limiter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "gost/core/testing/mocks/limiter/conn.hpp"
#include "reference/limiter.hpp"
#include "support/threads.hpp"

namespace gost::core::limiter::conn {
namespace {

static_assert(detail::kIsInterface<Limiter>);
static_assert(detail::kIsInterface<ConnLimiter>);

// One limiter per key, each the reference set's counting limiter (go-gost/x's);
// keys starting with "vip" are not limited (null).
class PerKey final : public ConnLimiter {
 public:
  explicit PerKey(int limit) : limit_(limit) {}
  std::shared_ptr<conn::Limiter> Limiter(std::string_view key) override {
    if (key.substr(0, 3) == "vip") return nullptr;
    return limiters_.Get(std::string(key), [this] { return std::make_shared<x::limiter::conn::Limiter>(limit_); });
  }

 private:
  const int limit_;
  testsupport::KeyedCache<conn::Limiter> limiters_;
};

TEST(ConnLimiter, PerKeyLimitsThroughTheInterface) {
  const ConnLimiterPtr cl = std::make_shared<PerKey>(2);
  const LimiterPtr a = cl->Limiter("10.0.0.1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, cl->Limiter("10.0.0.1"));  // same key, same limiter
  EXPECT_EQ(a->Limit(), 2);
  EXPECT_TRUE(a->Allow(1));
  EXPECT_TRUE(a->Allow(1));
  EXPECT_FALSE(a->Allow(1));  // third concurrent connection refused
  EXPECT_FALSE(a->Allow(5));  // a batch over the limit is refused whole
  EXPECT_TRUE(a->Allow(-1));  // one closes
  EXPECT_TRUE(a->Allow(1));

  const LimiterPtr b = cl->Limiter("10.0.0.2");
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a, b);
  EXPECT_TRUE(b->Allow(2));

  EXPECT_EQ(cl->Limiter("vip-1"), nullptr);  // no limit for that key
}

TEST(ConnLimiter, ConcurrentAllowNeverExceedsTheLimit) {
  const LimiterPtr l = std::make_shared<x::limiter::conn::Limiter>(3);
  std::atomic<int> admitted{0};
  std::atomic<int> open{0};  // places taken and not yet given back
  testsupport::RunOnThreads(4, [&](int) {
    for (int i = 0; i < 500; ++i) {
      if (l->Allow(1)) {
        admitted.fetch_add(1);
        EXPECT_LE(open.fetch_add(1) + 1, 3);
        open.fetch_sub(1);
        (void)l->Allow(-1);
      }
    }
  });
  EXPECT_GT(admitted.load(), 0);
  // Every place was given back: all three can be taken again, and no more.
  EXPECT_TRUE(l->Allow(3));
  EXPECT_FALSE(l->Allow(1));
}

TEST(ConnLimiter, Mocks) {
  auto lim = std::make_shared<MockLimiter>();
  auto cl = std::make_shared<MockConnLimiter>();
  EXPECT_CALL(*cl, Limiter(::testing::Eq("k"))).WillOnce(::testing::Return(lim));
  EXPECT_CALL(*cl, Limiter(::testing::Eq("none"))).WillOnce(::testing::Return(nullptr));
  EXPECT_CALL(*lim, Allow(1)).WillOnce(::testing::Return(false));
  EXPECT_CALL(*lim, Limit()).WillOnce(::testing::Return(7));
  const ConnLimiterPtr c = cl;
  EXPECT_EQ(c->Limiter("none"), nullptr);
  const auto l = c->Limiter("k");
  ASSERT_NE(l, nullptr);
  EXPECT_FALSE(l->Allow(1));
  EXPECT_EQ(l->Limit(), 7);
}

}  // namespace
}  // namespace gost::core::limiter::conn
