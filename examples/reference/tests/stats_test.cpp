#include "reference/stats.hpp"

#include <gtest/gtest.h>

namespace {

namespace core = gost::core;
namespace xo = gost::x::observer;
using enum core::observer::stats::Kind;

TEST(Stats, CountsAndReportsUpdatesOnce) {
  xo::stats::Stats s;
  EXPECT_FALSE(s.IsUpdated());
  s.Add(KindTotalConns, 2);
  s.Add(KindCurrentConns, 2);
  s.Add(KindCurrentConns, -1);
  s.Add(KindInputBytes, 10);
  s.Add(KindOutputBytes, 20);
  s.Add(KindTotalErrs, 1);
  s.Add(KindTotalConns, -5);  // totals only grow
  EXPECT_TRUE(s.IsUpdated());
  EXPECT_FALSE(s.IsUpdated());
  EXPECT_EQ(s.Get(KindTotalConns), 2U);
  EXPECT_EQ(s.Get(KindCurrentConns), 1U);
  EXPECT_EQ(s.Get(KindInputBytes), 10U);
  EXPECT_EQ(s.Get(KindOutputBytes), 20U);
  EXPECT_EQ(s.Get(KindTotalErrs), 1U);
  s.Reset();
  EXPECT_EQ(s.Get(KindTotalConns), 0U);
}

TEST(Stats, ResetTrafficZeroesByteCountersOnRead) {
  xo::stats::Stats s(true);
  s.Add(KindInputBytes, 7);
  EXPECT_EQ(s.Get(KindInputBytes), 7U);
  EXPECT_EQ(s.Get(KindInputBytes), 0U);
}

TEST(LatestStats, KeepsTheLatestEventPerService) {
  xo::LatestStats obs;
  xo::stats::Stats s;
  s.Add(KindTotalConns, 1);
  auto e1 = xo::stats::StatsEvent::Of("b", s);
  s.Add(KindTotalConns, 1);
  auto e2 = xo::stats::StatsEvent::Of("b", s);
  auto e3 = xo::stats::StatsEvent::Of("a\"x", s);
  EXPECT_EQ(e1->Type(), core::observer::EventStats);
  EXPECT_FALSE(obs.Observe(core::context::Background(), {e1, e3}));
  EXPECT_FALSE(obs.Observe(core::context::Background(), {e2}));
  auto snap = obs.Snapshot();
  ASSERT_EQ(snap.size(), 2U);
  EXPECT_EQ(snap[0]->Service, "a\"x");
  EXPECT_EQ(snap[1]->TotalConns, 2U);
  EXPECT_EQ(snap[0]->JSON(),
            "{\"kind\":\"service\",\"service\":\"a\\\"x\",\"client\":\"\",\"totalConns\":2,\"currentConns\":0,"
            "\"inputBytes\":0,\"outputBytes\":0,\"totalErrs\":0}");
}

}  // namespace
