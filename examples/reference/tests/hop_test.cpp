// Tests of x::Hop (examples/reference/hop.hpp): bypasses, selection among the
// candidates, the fail rules without a selector, the last resort, and what
// the hop logs. Bypasses and selectors are the kit's mocks.
#include <any>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gost/core/bypass/bypass.hpp>
#include <gost/core/chain/node.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/option.hpp>
#include <gost/core/hop/hop.hpp>
#include <gost/core/testing/mocks/bypass.hpp>
#include <gost/core/testing/mocks/selector.hpp>

#include "reference/hop.hpp"
#include "reference/logger.hpp"
#include "reference/metadata.hpp"
#include "reference/selector.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using gc::chain::NodePtr;

using MockBypassPtr = std::shared_ptr<NiceMock<gc::bypass::MockBypass>>;

// A bypass that catches every destination.
MockBypassPtr CatchAll() {
  auto bp = std::make_shared<NiceMock<gc::bypass::MockBypass>>();
  ON_CALL(*bp, Contains(_, _, _, _)).WillByDefault(Return(true));
  return bp;
}

NodePtr Node(std::string name, gc::bypass::BypassPtr bypass = nullptr) {
  return gc::chain::NewNode(std::move(name), "10.0.0.1:1080", {gc::chain::BypassNodeOption(std::move(bypass))});
}

NodePtr Failed(std::string name, int times = 1) {
  auto n = Node(std::move(name));
  for (int i = 0; i < times; ++i) n->Marker()->Mark();
  return n;
}

// The bypass options' Host, as the hop passed them.
::testing::Matcher<gc::Variadic<gc::bypass::Option>> HostIs(std::string host) {
  return ::testing::ResultOf(
      "the Host option",
      [](gc::Variadic<gc::bypass::Option> opts) { return gc::MakeOptions<gc::bypass::Options>(opts).Host; },
      ::testing::Eq(std::move(host)));
}

// The items the selector was given, as a vector.
::testing::Matcher<gc::Variadic<NodePtr>> Items(::testing::Matcher<std::vector<NodePtr>> m) {
  return ::testing::ResultOf(
      "the items", [](gc::Variadic<NodePtr> v) { return std::vector<NodePtr>(v.begin(), v.end()); }, std::move(m));
}

// Select for a TCP connection to `addr`.
NodePtr SelectFor(x::Hop& hop, const std::string& addr, const std::string& host = "") {
  return hop.Select(
      kBg, {gc::hop::NetworkSelectOption("tcp"), gc::hop::AddrSelectOption(addr), gc::hop::HostSelectOption(host)});
}

// Options with these nodes and name, reporting on a Format::Line logger when
// `logged`; tests set the other fields themselves.
x::HopOptions Opts(std::vector<NodePtr> nodes, std::string name = "", bool logged = false) {
  x::HopOptions o;
  o.Name = std::move(name);
  o.Nodes = std::move(nodes);
  if (logged) o.Logger = x::NewLogger("test");
  return o;
}

// The same with a selector.
x::HopOptions Opts(std::vector<NodePtr> nodes, std::shared_ptr<gc::selector::Selector<NodePtr>> selector,
                   std::string name = "", bool logged = false) {
  auto o = Opts(std::move(nodes), std::move(name), logged);
  o.Selector = std::move(selector);
  return o;
}

// What `select` prints on stdout.
std::string Stdout(const std::function<void()>& select) {
  ::testing::internal::CaptureStdout();
  select();
  return ::testing::internal::GetCapturedStdout();
}

TEST(Hop, ItsBypassCatchingGivesNoNode) {
  auto bypass = std::make_shared<gc::bypass::MockBypass>();
  EXPECT_CALL(*bypass, Contains(_, std::string_view("tcp"), std::string_view("example.com:80"), HostIs("example.com")))
      .WillOnce(Return(true));
  auto opts = Opts({Node("a1")}, "hop 1", true);
  opts.Bypass = bypass;
  x::Hop hop(opts);
  NodePtr got;
  EXPECT_EQ(Stdout([&] { got = SelectFor(hop, "example.com:80", "example.com"); }),
            "hop 1: bypass catches example.com: no node from this hop\n");
  EXPECT_EQ(got, nullptr);
}

TEST(Hop, ItsBypassNotCatchingLetsTheNodesThrough) {
  auto bypass = std::make_shared<gc::bypass::MockBypass>();
  EXPECT_CALL(*bypass, Contains(_, std::string_view("tcp"), std::string_view("10.1.1.1:22"), HostIs("")))
      .WillOnce(Return(false));
  auto a1 = Node("a1");
  auto opts = Opts({a1});
  opts.Bypass = bypass;
  x::Hop hop(opts);
  EXPECT_EQ(SelectFor(hop, "10.1.1.1:22"), a1);
}

TEST(Hop, ANodesOwnBypassRemovesIt) {
  auto own = std::make_shared<gc::bypass::MockBypass>();
  EXPECT_CALL(*own, Contains(_, std::string_view("tcp"), std::string_view("example.com:443"), HostIs("example.com")))
      .WillOnce(Return(true));
  auto a1 = Node("a1", own);
  auto a2 = Node("a2");
  x::Hop hop(Opts({a1, a2}));
  EXPECT_EQ(SelectFor(hop, "example.com:443", "example.com"), a2);
}

TEST(Hop, EveryNodeBypassedGivesNoNode) {
  x::Hop hop(Opts({Node("a1", CatchAll()), Node("a2", CatchAll())}, x::NewRoundRobinSelector<NodePtr>()));
  EXPECT_EQ(SelectFor(hop, "example.com:80"), nullptr);
}

TEST(Hop, NoNodesGivesNoNode) {
  x::Hop empty(Opts({}, "empty"));
  EXPECT_EQ(SelectFor(empty, "example.com:80"), nullptr);
  x::Hop nulls(Opts({nullptr, nullptr}));
  EXPECT_EQ(SelectFor(nulls, "example.com:80"), nullptr);
  auto a1 = Node("a1");
  x::Hop some_null(Opts({nullptr, a1}));
  EXPECT_EQ(SelectFor(some_null, "example.com:80"), a1) << "null entries are skipped";
}

TEST(Hop, TheSelectorChoosesAmongTheCandidates) {
  auto a1 = Node("a1", CatchAll());
  auto a2 = Node("a2");
  auto a3 = Node("a3");
  auto selector = std::make_shared<gc::selector::MockSelector<NodePtr>>();
  EXPECT_CALL(*selector, Select(_, Items(ElementsAre(a2, a3)))).WillOnce(Return(a3));
  x::Hop hop(Opts({a1, a2, a3}, selector, "hop 1", true));
  NodePtr got;
  EXPECT_EQ(Stdout([&] { got = SelectFor(hop, "example.com:80"); }), "hop 1: selected node a3\n")
      << "a selector that is not x::Named adds no name";
  EXPECT_EQ(got, a3);
}

TEST(Hop, RoundRobinSelectorTakesTurnsAndSaysSo) {
  auto a1 = Node("a1");
  auto a2 = Node("a2");
  x::Hop hop(Opts({a1, a2}, x::NewRoundRobinSelector<NodePtr>(), "hop 1", true));
  std::vector<NodePtr> got;
  EXPECT_EQ(Stdout([&] {
              for (int i = 0; i < 3; ++i) got.push_back(SelectFor(hop, "example.com:80"));
            }),
            "hop 1: selected node a1 (round robin)\n"
            "hop 1: selected node a2 (round robin)\n"
            "hop 1: selected node a1 (round robin)\n");
  EXPECT_THAT(got, ElementsAre(a1, a2, a1));
}

TEST(Hop, ASingleCandidateNeedsNoStrategyName) {
  auto a1 = Node("a1");
  x::Hop hop(Opts({Node("a0", CatchAll()), a1}, x::NewRoundRobinSelector<NodePtr>(), "hop 2", true));
  EXPECT_EQ(Stdout([&] { EXPECT_EQ(SelectFor(hop, "example.com:80"), a1); }), "hop 2: selected node a1\n");
}

TEST(Hop, WithoutSelectorTheFirstNotFailed) {
  auto a1 = Failed("a1");
  auto a2 = Node("a2");
  auto a3 = Node("a3");
  x::Hop hop(Opts({a1, a2, a3}));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(SelectFor(hop, "example.com:80"), a2);
}

TEST(Hop, WithoutSelectorTheFailSettingsApply) {
  auto a1 = Failed("a1");
  auto a2 = Node("a2");
  auto lenient_opts = Opts({a1, a2});
  lenient_opts.FailMaxFails = 2;
  x::Hop lenient(lenient_opts);
  EXPECT_EQ(SelectFor(lenient, "example.com:80"), a1) << "one failure is below FailMaxFails 2";
  auto strict_opts = Opts({a1, a2});
  strict_opts.FailMaxFails = 1;
  strict_opts.FailTimeout = 1h;
  x::Hop strict(strict_opts);
  EXPECT_EQ(SelectFor(strict, "example.com:80"), a2);
}

TEST(Hop, EveryCandidateFailedGivesTheFirstFailedAsLastResort) {
  auto a0 = Node("a0", CatchAll());
  auto a1 = Failed("a1");
  auto a2 = Failed("a2", 3);
  x::Hop without(Opts({a0, a1, a2}, "hop 1", true));
  NodePtr got;
  EXPECT_EQ(Stdout([&] { got = SelectFor(without, "example.com:80"); }),
            "hop 1: every node is marked failed: last resort a1\n");
  EXPECT_EQ(got, a1);

  x::Hop with(Opts({a0, a1, a2}, x::NewRoundRobinSelector<NodePtr>()));
  EXPECT_EQ(SelectFor(with, "example.com:80"), a1) << "the selector's fail filter leaves none";
}

TEST(Hop, SelectorChoosingNothingAmongHealthyNodesGivesNoNode) {
  auto selector = std::make_shared<gc::selector::MockSelector<NodePtr>>();
  EXPECT_CALL(*selector, Select(_, _)).WillOnce(Return(nullptr));
  x::Hop hop(Opts({Node("a1"), Node("a2")}, selector));
  EXPECT_EQ(SelectFor(hop, "example.com:80"), nullptr) << "the last resort is only for failed nodes";
}

TEST(Hop, NodesListsThemAllInOrder) {
  auto a1 = Node("a1", CatchAll());
  auto a2 = Failed("a2");
  auto a3 = Node("a3");
  auto hop = x::NewHop(Opts({a1, a2, a3}, "hop 1"));
  ASSERT_NE(hop, nullptr);
  EXPECT_THAT(hop->Nodes(), ElementsAre(a1, a2, a3));
  gc::hop::NodeList& list = *hop;
  EXPECT_THAT(list.Nodes(), ElementsAre(a1, a2, a3));
  EXPECT_TRUE(x::NewHop(x::HopOptions())->Nodes().empty());
}

TEST(Hop, WithoutLoggerItSaysNothing) {
  x::Hop hop(Opts({Node("a1")}, "quiet"));
  EXPECT_EQ(Stdout([&] { EXPECT_NE(SelectFor(hop, "example.com:80"), nullptr); }), "");
}

}  // namespace
}  // namespace gost::x::test
