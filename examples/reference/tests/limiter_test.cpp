#include "reference/limiter.hpp"

#include <gtest/gtest.h>

namespace {

namespace core = gost::core;
namespace xl = gost::x::limiter;

TEST(ConnLimiter, CountsPlacesAndGivesThemBack) {
  xl::conn::ConnLimiter cl(2);
  auto a = cl.Limiter("10.0.0.1");
  auto b = cl.Limiter("10.0.0.2");
  EXPECT_EQ(a, b);  // one limit for the whole service
  EXPECT_EQ(a->Limit(), 2);
  EXPECT_TRUE(a->Allow(1));
  EXPECT_TRUE(b->Allow(1));
  EXPECT_FALSE(a->Allow(1));
  EXPECT_TRUE(a->Allow(-1));
  EXPECT_TRUE(b->Allow(1));
  EXPECT_FALSE(b->Allow(1));
}

TEST(RateLimiter, StartsWithABurstOfTheRatePlusOne) {
  xl::rate::RateLimiter rl(3.5);
  auto l = rl.Limiter("k");
  EXPECT_DOUBLE_EQ(l->Limit(), 3.5);
  EXPECT_TRUE(l->Allow(1));
  EXPECT_TRUE(l->Allow(3));
  EXPECT_FALSE(l->Allow(1));  // 4 taken; refilling one more takes over a quarter second
}

TEST(TrafficLimiter, GrantsAtMostTheBurst) {
  xl::traffic::Limiter l(1000);
  EXPECT_EQ(l.Limit(), 1000);
  EXPECT_EQ(l.Wait(core::context::Background(), 5000), 1000);  // the full bucket, no wait
  auto [ctx, cancel] = core::context::WithCancel(core::context::Background());
  cancel();
  EXPECT_EQ(l.Wait(ctx, 10), 0);  // empty bucket and a context already done
  l.Set(50);
  EXPECT_EQ(l.Limit(), 50);
  EXPECT_EQ(l.Wait(core::context::Background(), 80), 50);
}

TEST(TrafficLimiter, ServiceScopeIsSharedConnScopeIsPerCall) {
  xl::traffic::TrafficLimiter tl({.in = 100, .out = 0, .conn_in = 0, .conn_out = 10});
  const auto bg = core::context::Background();
  EXPECT_EQ(tl.In(bg, "a"), tl.In(bg, "b"));
  EXPECT_EQ(tl.Out(bg, "a"), nullptr);
  const auto conn = core::limiter::ScopeOption(core::limiter::ScopeConn);
  EXPECT_EQ(tl.In(bg, "a", {conn}), nullptr);
  auto o1 = tl.Out(bg, "a", {conn});
  auto o2 = tl.Out(bg, "a", {conn});
  ASSERT_NE(o1, nullptr);
  EXPECT_NE(o1, o2);
  EXPECT_EQ(o1->Limit(), 10);
}

TEST(ParseBytes, GostSizes) {
  EXPECT_EQ(xl::ParseBytes("100000"), 100000);
  EXPECT_EQ(xl::ParseBytes("256KB"), 256000);
  EXPECT_EQ(xl::ParseBytes("1.5MiB"), 1572864);
  EXPECT_EQ(xl::ParseBytes("2mb"), 2000000);
  EXPECT_EQ(xl::ParseBytes("1GB"), 1000000000);
  EXPECT_FALSE(xl::ParseBytes(""));
  EXPECT_FALSE(xl::ParseBytes("KB"));
  EXPECT_FALSE(xl::ParseBytes("0"));
  EXPECT_FALSE(xl::ParseBytes("-5KB"));
  EXPECT_FALSE(xl::ParseBytes("10XB"));
  EXPECT_FALSE(xl::ParseBytes("3GB"));  // over an int
}

}  // namespace
