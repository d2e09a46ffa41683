// Tests for gost/core/limiter/conn/limiter.hpp: the connection-count
// Limiter and ConnLimiter interfaces.
#include "gost/core/limiter/conn/limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>

#include "reference/limiter.hpp"
#include "support/threads.hpp"

namespace gost::core::limiter::conn {
namespace {

static_assert(detail::kIsInterface<Limiter>);
static_assert(detail::kIsInterface<ConnLimiter>);

// The reference set's ConnLimiter (go-gost/x's, one limit for the whole
// service), used only through the interfaces: clients that ask with different
// keys, on several threads at once, share the one limit and never exceed it.
TEST(ConnLimiter, ClientsShareTheLimitThroughTheInterface) {
  const ConnLimiterPtr cl = std::make_shared<x::limiter::conn::ConnLimiter>(3);
  std::atomic<int> admitted{0};
  std::atomic<int> open{0};  // places taken and not yet given back
  testsupport::RunOnThreads(4, [&](int t) {
    const LimiterPtr l = cl->Limiter("10.0.0." + std::to_string(t + 1));
    ASSERT_NE(l, nullptr);
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
  const LimiterPtr l = cl->Limiter("10.0.0.9");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->Limit(), 3);
  EXPECT_FALSE(l->Allow(4));  // a batch over the limit is refused whole
  EXPECT_TRUE(l->Allow(3));   // every place was given back
  EXPECT_FALSE(l->Allow(1));
  // The limit is one for every key: the places taken under 10.0.0.9 are
  // gone for another client too.
  EXPECT_FALSE(cl->Limiter("10.0.0.1")->Allow(1));
  EXPECT_TRUE(l->Allow(-3));
  EXPECT_TRUE(cl->Limiter("10.0.0.1")->Allow(1));
}

}  // namespace
}  // namespace gost::core::limiter::conn
