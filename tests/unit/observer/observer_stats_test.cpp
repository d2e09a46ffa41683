// Tests for gost/core/observer/stats/stats.hpp: Kind's values and the Stats
// interface.
#include "gost/core/observer/stats/stats.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

#include "gost/core/testing/mocks/observer/stats.hpp"
#include "support/threads.hpp"

namespace gost::core::observer::stats {
namespace {

static_assert(detail::kIsInterface<Stats>);
static_assert(std::is_same_v<std::underlying_type_t<Kind>, int>);

TEST(StatsKind, HasUpstreamValues) {
  EXPECT_EQ(KindTotalConns, 1);
  EXPECT_EQ(KindCurrentConns, 2);
  EXPECT_EQ(KindInputBytes, 3);
  EXPECT_EQ(KindOutputBytes, 4);
  EXPECT_EQ(KindTotalErrs, 5);
  static_assert(static_cast<int>(KindTotalErrs) == 5);
}

// Atomic counters indexed by Kind; kinds outside 1..5 are ignored.
class Counters final : public Stats {
 public:
  void Add(Kind kind, std::int64_t n) override {
    if (auto* c = Slot(kind)) {
      c->fetch_add(static_cast<std::uint64_t>(n));  // two's complement: negative n counts down
      updated_.store(true);
    }
  }
  std::uint64_t Get(Kind kind) const override {
    const auto* c = Slot(kind);
    return c ? c->load() : 0;
  }
  bool IsUpdated() const override { return updated_.load(); }
  void Reset() override {
    for (auto& c : c_) c.store(0);
    updated_.store(false);
  }

 private:
  std::atomic<std::uint64_t>* Slot(Kind k) {
    const int i = static_cast<int>(k);
    return i >= KindTotalConns && i <= KindTotalErrs ? &c_[static_cast<std::size_t>(i - 1)] : nullptr;
  }
  const std::atomic<std::uint64_t>* Slot(Kind k) const { return const_cast<Counters*>(this)->Slot(k); }
  std::array<std::atomic<std::uint64_t>, 5> c_{};
  std::atomic<bool> updated_{false};
};

TEST(Stats, CountsThroughTheInterface) {
  const StatsPtr s = std::make_shared<Counters>();
  EXPECT_FALSE(s->IsUpdated());
  s->Add(KindTotalConns, 1);
  s->Add(KindCurrentConns, 1);
  s->Add(KindInputBytes, 1500);
  s->Add(KindOutputBytes, 40);
  s->Add(KindCurrentConns, -1);
  s->Add(KindTotalErrs, 2);
  EXPECT_TRUE(s->IsUpdated());
  EXPECT_EQ(s->Get(KindTotalConns), 1U);
  EXPECT_EQ(s->Get(KindCurrentConns), 0U);
  EXPECT_EQ(s->Get(KindInputBytes), 1500U);
  EXPECT_EQ(s->Get(KindOutputBytes), 40U);
  EXPECT_EQ(s->Get(KindTotalErrs), 2U);
  s->Reset();
  EXPECT_FALSE(s->IsUpdated());
  for (Kind k : {KindTotalConns, KindCurrentConns, KindInputBytes, KindOutputBytes, KindTotalErrs}) {
    EXPECT_EQ(s->Get(k), 0U) << k;
  }
}

TEST(Stats, UnknownKindsAreIgnored) {
  const StatsPtr s = std::make_shared<Counters>();
  s->Add(static_cast<Kind>(0), 5);
  s->Add(static_cast<Kind>(6), 5);
  s->Add(static_cast<Kind>(-1), 5);
  EXPECT_FALSE(s->IsUpdated());
  EXPECT_EQ(s->Get(static_cast<Kind>(0)), 0U);
  EXPECT_EQ(s->Get(static_cast<Kind>(99)), 0U);
}

TEST(Stats, ConcurrentAdds) {
  const StatsPtr s = std::make_shared<Counters>();
  testsupport::RunOnThreads(4, [&](int) {
    for (int i = 0; i < 1000; ++i) {
      s->Add(KindInputBytes, 3);
      s->Add(KindCurrentConns, 1);
      s->Add(KindCurrentConns, -1);
      (void)s->Get(KindInputBytes);
      (void)s->IsUpdated();
    }
  });
  EXPECT_EQ(s->Get(KindInputBytes), 12000U);
  EXPECT_EQ(s->Get(KindCurrentConns), 0U);
}

TEST(Stats, Mock) {
  auto m = std::make_shared<MockStats>();
  ::testing::InSequence seq;
  EXPECT_CALL(*m, Add(KindOutputBytes, -7));
  EXPECT_CALL(*m, IsUpdated()).WillOnce(::testing::Return(true));
  EXPECT_CALL(*m, Get(KindOutputBytes)).WillOnce(::testing::Return(9U));
  EXPECT_CALL(*m, Reset());
  const StatsPtr s = m;
  s->Add(KindOutputBytes, -7);
  EXPECT_TRUE(s->IsUpdated());
  EXPECT_EQ(s->Get(KindOutputBytes), 9U);
  s->Reset();
}

}  // namespace
}  // namespace gost::core::observer::stats
