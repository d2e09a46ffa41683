// Tests of node selection (examples/reference/selector.hpp): IsFailed, the
// fail and backup filters, the round-robin, FIFO and random strategies,
// DefaultSelector and NewRoundRobinSelector. Items are chain::Nodes (they are
// Markable and Metadatable); a kit MockMarker stands in where a test needs a
// marker whose last failure lies in the past.
#include <any>
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/fmt.hpp>
#include <gost/core/go/time.hpp>
#include <gost/core/testing/mocks/logger.hpp>
#include <gost/core/testing/mocks/metadata.hpp>
#include <gost/core/testing/mocks/selector.hpp>

#include "reference/logger.hpp"
#include "reference/metadata.hpp"
#include "reference/selector.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using gc::chain::NodePtr;

NodePtr Node(std::string name, const std::map<std::string, std::any>& md = {}) {
  if (md.empty()) return gc::chain::NewNode(std::move(name), "127.0.0.1:0");
  return gc::chain::NewNode(std::move(name), "127.0.0.1:0", {gc::chain::MetadataNodeOption(x::NewMetadata(md))});
}

NodePtr Failed(std::string name, int times = 1, const std::map<std::string, std::any>& md = {}) {
  auto n = Node(std::move(name), md);
  for (int i = 0; i < times; ++i) n->Marker()->Mark();
  return n;
}

// Three plain nodes, "a", "b" and "c", for the strategies and selectors.
std::array<NodePtr, 3> ABC() { return {Node("a"), Node("b"), Node("c")}; }

// The items a mocked filter or strategy was given, as a vector.
::testing::Matcher<gc::Variadic<NodePtr>> Items(::testing::Matcher<std::vector<NodePtr>> m) {
  return ::testing::ResultOf(
      "the items", [](gc::Variadic<NodePtr> v) { return std::vector<NodePtr>(v.begin(), v.end()); }, std::move(m));
}

// Something Markable and Metadatable whose marker and metadata the test sets
// (each base is a NiceMock of its own: NiceMock<MockItem> would quiet only the
// first).
struct MockItem : NiceMock<gc::selector::MockMarkable>, NiceMock<gc::metadata::MockMetadatable> {};

// A MockItem whose marker counts `count` failures, the latest `ago` ago, and
// whose metadata is `md` (none when empty).
std::shared_ptr<MockItem> ItemFailed(std::int64_t count, gc::Duration ago,
                                     const std::map<std::string, std::any>& md = {}) {
  auto marker = std::make_shared<NiceMock<gc::selector::MockMarker>>();
  ON_CALL(*marker, Count()).WillByDefault(Return(count));
  ON_CALL(*marker, Time()).WillByDefault(Return(gc::Now() - ago));
  auto item = std::make_shared<MockItem>();
  ON_CALL(*item, Marker()).WillByDefault(Return(marker));
  ON_CALL(*item, Metadata()).WillByDefault(Return(md.empty() ? nullptr : x::NewMetadata(md)));
  return item;
}

// Collects what a mock logger's Debugf calls render.
struct DebugLines {
  std::shared_ptr<NiceMock<gc::logger::MockLogger>> log = std::make_shared<NiceMock<gc::logger::MockLogger>>();
  std::vector<std::string> lines;
  DebugLines() {
    ON_CALL(*log, Debugf(_, _)).WillByDefault([this](std::string_view f, const gc::fmt::Args& a) {
      lines.push_back(gc::fmt::Sprintf(f, a));
    });
  }
};

// --- IsFailed --------------------------------------------------------------

TEST(IsFailed, ItemsWithoutAMarkerNeverFail) {
  auto metadatable_only = std::make_shared<NiceMock<gc::metadata::MockMetadatable>>();
  EXPECT_FALSE(x::IsFailed(metadatable_only, 1, 10s));

  auto no_marker = std::make_shared<NiceMock<gc::selector::MockMarkable>>();
  ON_CALL(*no_marker, Marker()).WillByDefault(Return(nullptr));
  EXPECT_FALSE(x::IsFailed(no_marker, 1, 10s));

  EXPECT_FALSE(x::IsFailed(NodePtr(), 1, 10s)) << "a null item";
}

TEST(IsFailed, CountAgainstMaxFails) {
  auto n = Node("a");
  EXPECT_FALSE(x::IsFailed(n, 1, 10s)) << "never marked";
  n->Marker()->Mark();
  EXPECT_TRUE(x::IsFailed(n, 1, 10s));
  EXPECT_FALSE(x::IsFailed(n, 2, 10s));
  n->Marker()->Mark();
  EXPECT_TRUE(x::IsFailed(n, 2, 10s));
  EXPECT_FALSE(x::IsFailed(n, 3, 10s));
  n->Marker()->Reset();
  EXPECT_FALSE(x::IsFailed(n, 1, 10s)) << "after Reset";
}

TEST(IsFailed, AnOldFailureNoLongerCounts) {
  EXPECT_TRUE(x::IsFailed(ItemFailed(3, 5s), 1, 10s));
  EXPECT_FALSE(x::IsFailed(ItemFailed(3, 30s), 1, 10s)) << "the last failure is older than failTimeout";
  EXPECT_TRUE(x::IsFailed(ItemFailed(3, 30s), 1, 1min));
}

TEST(IsFailed, MetadataOverridesTheSettings) {
  auto n = Failed("a", 2, {{"maxFails", 3}});
  EXPECT_FALSE(x::IsFailed(n, 1, 10s)) << "metadata maxFails 3 beats the argument 1";
  n->Marker()->Mark();
  EXPECT_TRUE(x::IsFailed(n, 1, 10s));

  auto s = Failed("b", 1, {{"MAXFAILS", std::string("2")}});
  EXPECT_FALSE(x::IsFailed(s, 1, 10s)) << "keys ignore case, strings convert";

  EXPECT_TRUE(x::IsFailed(ItemFailed(1, 30s, {{"failTimeout", std::string("1m")}}), 1, 10s))
      << "metadata failTimeout 1m beats the argument 10s";
  EXPECT_FALSE(x::IsFailed(ItemFailed(1, 30s, {{"failTimeout", 5}}), 1, 1h)) << "an int counts seconds";
  EXPECT_FALSE(x::IsFailed(ItemFailed(1, 5s, {{"maxFails", 2}}), 1, 10s));
}

TEST(IsFailed, ZeroOrNegativeSettingsMeanTheDefaults) {
  static_assert(x::kDefaultMaxFails == 1);
  static_assert(x::kDefaultFailTimeout == 10s);
  EXPECT_FALSE(x::IsFailed(ItemFailed(0, 0s), 0, 10s)) << "maxFails 0 means 1, not 0";
  EXPECT_FALSE(x::IsFailed(ItemFailed(0, 0s), -2, 10s));
  EXPECT_TRUE(x::IsFailed(ItemFailed(1, 0s), -2, 10s));
  EXPECT_TRUE(x::IsFailed(ItemFailed(1, 5s), 1, 0s)) << "failTimeout 0 means 10s";
  EXPECT_TRUE(x::IsFailed(ItemFailed(1, 5s), 1, -1s));
  EXPECT_FALSE(x::IsFailed(ItemFailed(1, 11s), 1, 0s));
  EXPECT_FALSE(x::IsFailed(ItemFailed(0, 0s, {{"maxFails", 0}}), 5, 10s)) << "from metadata as well";
  EXPECT_TRUE(x::IsFailed(ItemFailed(1, 5s, {{"failTimeout", std::string("0s")}}), 1, 1s));
}

// --- FailFilter ------------------------------------------------------------

TEST(FailFilter, DropsFailedItemsAndSaysSo) {
  DebugLines debug;
  x::FailFilter<NodePtr> filter(1, 10s, debug.log);
  auto a = Node("a1");
  auto b = Failed("b1");
  auto c = Node("c1");
  auto d = Failed("d1");
  EXPECT_THAT(filter.FilterItems(kBg, std::vector{a, b, c, d}), ElementsAre(a, c));
  EXPECT_THAT(debug.lines, ElementsAre("fail filter skips b1: marked failed", "fail filter skips d1: marked failed"));
}

TEST(FailFilter, EveryItemFailedLeavesNone) {
  x::FailFilter<NodePtr> filter(1, 10s);
  EXPECT_TRUE(filter.FilterItems(kBg, std::vector{Failed("a"), Failed("b")}).empty());
  EXPECT_TRUE(filter.FilterItems(kBg, std::vector<NodePtr>{}).empty());
}

TEST(FailFilter, ASingleItemAlwaysPasses) {
  DebugLines debug;
  x::FailFilter<NodePtr> filter(1, 10s, debug.log);
  auto only = Failed("only");
  EXPECT_THAT(filter.FilterItems(kBg, std::vector{only}), ElementsAre(only));
  ASSERT_EQ(debug.lines.size(), 1U);
  EXPECT_THAT(debug.lines[0], ::testing::StartsWith("fail filter keeps only"));
  auto healthy = Node("healthy");
  EXPECT_THAT(filter.FilterItems(kBg, std::vector{healthy}), ElementsAre(healthy));
  EXPECT_EQ(debug.lines.size(), 1U) << "nothing to say about a healthy item";
}

TEST(FailFilter, UsesItsSettings) {
  x::FailFilter<NodePtr> lenient(2, 10s);
  auto once = Failed("once");
  auto twice = Failed("twice", 2);
  EXPECT_THAT(lenient.FilterItems(kBg, std::vector{once, twice}), ElementsAre(once));
}

TEST(FailFilter, LogsOnAnXLogger) {
  auto log = std::make_shared<x::Logger>(gc::logger::DebugLevel, x::Format::Line,
                                         gc::logger::Fields{{"kind", std::string("hop 1")}});
  x::FailFilter<NodePtr> filter(1, 10s, log);
  auto a = Node("a1");
  auto b = Failed("b1");
  ::testing::internal::CaptureStdout();
  (void)filter.FilterItems(kBg, std::vector{a, b});
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "hop 1: fail filter skips b1: marked failed\n");
}

// --- strategies ------------------------------------------------------------

TEST(RoundRobinStrategy, TakesTheItemsInTurn) {
  x::RoundRobinStrategy<NodePtr> rr;
  const auto [a, b, c] = ABC();
  const std::vector items{a, b, c};
  std::vector<NodePtr> got;
  got.reserve(7);
  for (int i = 0; i < 7; ++i) got.push_back(rr.Apply(kBg, items));
  EXPECT_THAT(got, ElementsAre(a, b, c, a, b, c, a));
  EXPECT_EQ(rr.Name(), "round robin");
}

TEST(RoundRobinStrategy, OneCounterForEveryCall) {
  x::RoundRobinStrategy<NodePtr> rr;
  const auto [a, b, c] = ABC();
  EXPECT_EQ(rr.Apply(kBg, std::vector{a, b}), a);     // call 0
  EXPECT_EQ(rr.Apply(kBg, std::vector{a, b, c}), b);  // call 1
  EXPECT_EQ(rr.Apply(kBg, std::vector{a, b, c}), c);  // call 2
  EXPECT_EQ(rr.Apply(kBg, std::vector{a, b}), b);     // call 3
  EXPECT_EQ(rr.Apply(kBg, std::vector<NodePtr>{}), nullptr);
}

TEST(RoundRobinStrategy, SharedAcrossThreadsEveryItemGetsItsShare) {
  constexpr int kThreads = 4;
  constexpr int kCalls = 300;
  x::RoundRobinStrategy<NodePtr> rr;
  const std::vector items{Node("a"), Node("b"), Node("c")};
  std::vector<std::vector<NodePtr>> picks(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      picks[static_cast<std::size_t>(t)].reserve(kCalls);
      for (int i = 0; i < kCalls; ++i) picks[static_cast<std::size_t>(t)].push_back(rr.Apply(kBg, items));
    });
  }
  for (auto& th : threads) th.join();
  std::map<NodePtr, int> counts;
  for (const auto& p : picks) {
    for (const auto& n : p) ++counts[n];
  }
  ASSERT_EQ(counts.size(), 3U);
  for (const auto& item : items) EXPECT_EQ(counts[item], kThreads * kCalls / 3) << item->Name;
}

TEST(FIFOStrategy, AlwaysTheFirst) {
  x::FIFOStrategy<NodePtr> fifo;
  auto a = Node("a");
  auto b = Node("b");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(fifo.Apply(kBg, std::vector{a, b}), a);
  EXPECT_EQ(fifo.Apply(kBg, std::vector{b, a}), b);
  EXPECT_EQ(fifo.Apply(kBg, std::vector<NodePtr>{}), nullptr);
  EXPECT_EQ(fifo.Name(), "fifo");
}

TEST(RandomStrategy, ReturnsOnlyMembers) {
  x::RandomStrategy<NodePtr> random;
  const auto [a, b, c] = ABC();
  std::map<NodePtr, int> counts;
  for (int i = 0; i < 2000; ++i) ++counts[random.Apply(kBg, std::vector{a, b, c})];
  EXPECT_EQ(counts.size(), 3U) << "every item drawn at least once, and nothing else";
  EXPECT_EQ(counts.count(nullptr), 0U);
  EXPECT_EQ(random.Apply(kBg, std::vector<NodePtr>{}), nullptr);
  EXPECT_EQ(random.Name(), "random");
}

TEST(RandomStrategy, ASingleItemAlways) {
  x::RandomStrategy<NodePtr> random;
  auto only = Node("only", {{"weight", 5}});
  for (int i = 0; i < 100; ++i) ASSERT_EQ(random.Apply(kBg, std::vector{only}), only);
}

TEST(RandomStrategy, WeightsFromMetadata) {
  x::RandomStrategy<NodePtr> random;
  auto light = Node("light", {{"weight", 1}});
  auto heavy = Node("heavy", {{"weight", std::string("99")}});
  int heavy_wins = 0;
  for (int i = 0; i < 2000; ++i) heavy_wins += random.Apply(kBg, std::vector{light, heavy}) == heavy ? 1 : 0;
  // Expected 1980; 1500 is more than 100 standard deviations below.
  EXPECT_GE(heavy_wins, 1500);
}

TEST(RandomStrategy, BadWeightsCountAsOne) {
  x::RandomStrategy<NodePtr> random;
  auto zero = Node("zero", {{"weight", 0}});
  auto negative = Node("negative", {{"weight", -50}});
  auto word = Node("word", {{"weight", std::string("heavy")}});
  auto heavy = Node("heavy", {{"weight", 3}});
  std::map<NodePtr, int> counts;
  for (int i = 0; i < 6000; ++i) ++counts[random.Apply(kBg, std::vector{zero, negative, word, heavy})];
  // Weights 1, 1, 1, 3: the heavy one is expected 3000 times, each other 1000.
  EXPECT_GT(counts[heavy], 2500);
  for (const auto& n : {zero, negative, word}) EXPECT_GT(counts[n], 600) << n->Name;
}

// --- BackupFilter ----------------------------------------------------------

TEST(BackupFilter, DropsBackupsWhileAPrimaryRemains) {
  x::BackupFilter<NodePtr> filter;
  auto p1 = Node("p1");
  auto b1 = Node("b1", {{"backup", true}});
  auto p2 = Node("p2", {{"backup", false}});
  auto b2 = Node("b2", {{"Backup", std::string("true")}});
  EXPECT_THAT(filter.FilterItems(kBg, std::vector{b1, p1, b2, p2}), ElementsAre(p1, p2));
}

TEST(BackupFilter, AllBackupsAreAllKept) {
  x::BackupFilter<NodePtr> filter;
  auto b1 = Node("b1", {{"backup", true}});
  auto b2 = Node("b2", {{"backup", 1}});
  EXPECT_THAT(filter.FilterItems(kBg, std::vector{b1, b2}), ElementsAre(b1, b2));
  EXPECT_THAT(filter.FilterItems(kBg, std::vector{b1}), ElementsAre(b1));
  EXPECT_TRUE(filter.FilterItems(kBg, std::vector<NodePtr>{}).empty());
}

// --- DefaultSelector -------------------------------------------------------

TEST(DefaultSelector, RunsTheFiltersInOrderThenTheStrategy) {
  const auto [a, b, c] = ABC();
  auto first = std::make_shared<gc::selector::MockFilter<NodePtr>>();
  auto second = std::make_shared<gc::selector::MockFilter<NodePtr>>();
  auto strategy = std::make_shared<gc::selector::MockStrategy<NodePtr>>();
  {
    InSequence order;
    EXPECT_CALL(*first, FilterItems(_, Items(ElementsAre(a, b, c)))).WillOnce(Return(std::vector{b, c}));
    EXPECT_CALL(*second, FilterItems(_, Items(ElementsAre(b, c)))).WillOnce(Return(std::vector{c}));
    EXPECT_CALL(*strategy, Apply(_, Items(ElementsAre(c)))).WillOnce(Return(c));
  }
  x::DefaultSelector<NodePtr> selector(strategy, {first, second});
  EXPECT_EQ(selector.Select(kBg, std::vector{a, b, c}), c);
}

TEST(DefaultSelector, NothingLeftGivesNullWithoutAskingTheStrategy) {
  auto filter = std::make_shared<gc::selector::MockFilter<NodePtr>>();
  auto strategy = std::make_shared<gc::selector::MockStrategy<NodePtr>>();
  EXPECT_CALL(*filter, FilterItems(_, _)).WillOnce(Return(std::vector<NodePtr>{}));
  EXPECT_CALL(*strategy, Apply(_, _)).Times(0);
  x::DefaultSelector<NodePtr> selector(strategy, {filter});
  EXPECT_EQ(selector.Select(kBg, std::vector{Node("a")}), nullptr);
}

TEST(DefaultSelector, WithoutFiltersTheStrategyGetsEverything) {
  auto a = Node("a");
  auto b = Node("b");
  x::DefaultSelector<NodePtr> selector(std::make_shared<x::FIFOStrategy<NodePtr>>(), {});
  EXPECT_EQ(selector.Select(kBg, std::vector{b, a}), b);
  EXPECT_EQ(selector.Select(kBg, std::vector<NodePtr>{}), nullptr);
}

TEST(DefaultSelector, NameComesFromTheStrategy) {
  EXPECT_EQ(x::DefaultSelector<NodePtr>(std::make_shared<x::RoundRobinStrategy<NodePtr>>(), {}).Name(), "round robin");
  EXPECT_EQ(x::DefaultSelector<NodePtr>(std::make_shared<x::RandomStrategy<NodePtr>>(), {}).Name(), "random");
  EXPECT_EQ(x::DefaultSelector<NodePtr>(std::make_shared<gc::selector::MockStrategy<NodePtr>>(), {}).Name(), "strategy")
      << "a strategy that is not x::Named";
}

TEST(DefaultSelector, FailAndBackupFiltersTogether) {
  auto failed = Failed("failed");
  auto backup = Node("backup", {{"backup", true}});
  auto healthy = Node("healthy");
  x::DefaultSelector<NodePtr> selector(
      std::make_shared<x::FIFOStrategy<NodePtr>>(),
      {std::make_shared<x::FailFilter<NodePtr>>(1, 10s), std::make_shared<x::BackupFilter<NodePtr>>()});
  EXPECT_EQ(selector.Select(kBg, std::vector{failed, backup, healthy}), healthy);
  EXPECT_EQ(selector.Select(kBg, std::vector{failed, backup}), backup);
}

// --- NewRoundRobinSelector -------------------------------------------------

TEST(NewRoundRobinSelector, RoundRobinOverTheHealthyOnes) {
  DebugLines debug;
  auto selector = x::NewRoundRobinSelector<NodePtr>(debug.log);
  ASSERT_NE(selector, nullptr);
  auto a = Node("a");
  auto b = Failed("b");
  auto c = Node("c");
  std::vector<NodePtr> got;
  got.reserve(4);
  for (int i = 0; i < 4; ++i) got.push_back(selector->Select(kBg, std::vector{a, b, c}));
  EXPECT_THAT(got, ElementsAre(a, c, a, c));
  EXPECT_EQ(debug.lines.size(), 4U);
  EXPECT_THAT(debug.lines, ::testing::Each(std::string("fail filter skips b: marked failed")));
  const auto* named = dynamic_cast<const x::Named*>(selector.get());
  ASSERT_NE(named, nullptr);
  EXPECT_EQ(named->Name(), "round robin");
}

TEST(NewRoundRobinSelector, PassesItsFailSettings) {
  auto selector = x::NewRoundRobinSelector<NodePtr>(nullptr, 2, 10s);
  auto once = Failed("once");
  auto twice = Failed("twice", 2);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(selector->Select(kBg, std::vector{twice, once}), once);
  EXPECT_EQ(selector->Select(kBg, std::vector{twice, Failed("again", 2)}), nullptr);
}

}  // namespace
}  // namespace gost::x::test
