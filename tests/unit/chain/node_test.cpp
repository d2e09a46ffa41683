// Pins chain::Node: construction from options, the shallow Copy, the probe
// result slot and the probe cancel function (including what happens when
// threads use them at once), and the optional interfaces it implements.
#include "gost/core/chain/node.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <any>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/go/context.hpp"
#include "gost/core/go/regexp.hpp"
#include "reference/metadata.hpp"

namespace gost::core::chain {
namespace {

using namespace std::chrono_literals;

static_assert(core::detail::kIsInterface<ProbeResultReader>);
static_assert(!std::is_abstract_v<Node>);
// Copyable only through Copy().
static_assert(!std::is_copy_assignable_v<Node>);
static_assert(!std::is_move_assignable_v<Node>);
static_assert(std::has_virtual_destructor_v<Node>);
static_assert(std::is_base_of_v<selector::Markable, Node>);
static_assert(std::is_base_of_v<metadata::Metadatable, Node>);
static_assert(std::is_base_of_v<ProbeResultReader, Node>);

struct FakeTransporter final : Transporter {
  Result<net::ConnUniquePtr> Dial(const context::Context& /*ctx*/, std::string_view /*addr*/) override {
    return net::ErrClosed;
  }
  Result<net::ConnUniquePtr> Handshake(const context::Context& /*ctx*/, net::ConnUniquePtr /*conn*/) override {
    return net::ErrClosed;
  }
  Result<net::ConnUniquePtr> Connect(const context::Context& /*ctx*/, net::ConnUniquePtr /*conn*/, std::string_view /*n*/,
                               std::string_view /*a*/) override {
    return net::ErrClosed;
  }
  Result<net::ListenerUniquePtr> Bind(const context::Context& /*ctx*/, net::ConnUniquePtr /*conn*/, std::string_view /*n*/,
                                std::string_view /*a*/, Variadic<connector::BindOption> /*opts*/) override {
    return net::ErrClosed;
  }
  [[nodiscard]] bool Multiplex() const override { return false; }
  TransportOptions* Options() override { return &options; }
  [[nodiscard]] TransporterPtr Copy() const override { return std::make_shared<FakeTransporter>(*this); }
  TransportOptions options;
};

using MapMetadata = gost::x::MapMetadata;  // the reference set's

std::shared_ptr<const ProbeResult> MakeProbe(bool ok, Duration latency, std::string error) {
  auto r = std::make_shared<ProbeResult>();
  r->Success = ok;
  r->Latency = latency;
  r->Error = std::move(error);
  r->Timestamp = Time{} + std::chrono::seconds(1700000000);
  return r;
}

// ---------------------------------------------------------------------------
// Construction

TEST(Node, NewNodeWithoutOptionsHasDefaultsAndAMarker) {
  const auto n = NewNode("node-1", "10.0.0.1:8080");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->Name, "node-1");
  EXPECT_EQ(n->Addr, "10.0.0.1:8080");
  const auto& o = n->Options();
  EXPECT_TRUE(o.Network.empty());
  EXPECT_EQ(o.Transport, nullptr);
  EXPECT_EQ(o.Bypass, nullptr);
  EXPECT_EQ(o.Resolver, nullptr);
  EXPECT_EQ(o.HostMapper, nullptr);
  EXPECT_EQ(o.Filter, nullptr);
  EXPECT_EQ(o.HTTP, nullptr);
  EXPECT_EQ(o.TLS, nullptr);
  EXPECT_EQ(o.Metadata, nullptr);
  EXPECT_EQ(o.Matcher, nullptr);
  EXPECT_EQ(o.MatcherBodySize, 0);
  EXPECT_EQ(o.Priority, 0);
  ASSERT_NE(n->Marker(), nullptr);
  EXPECT_EQ(n->Marker()->Count(), 0);
  EXPECT_EQ(n->Marker()->Time(), Time{});
  EXPECT_EQ(n->Metadata(), nullptr);
  EXPECT_EQ(n->ProbeResult(), nullptr);
}

TEST(Node, EmptyNameAndAddressAreKeptAsGiven) {
  const auto n = NewNode("", "");
  EXPECT_TRUE(n->Name.empty());
  EXPECT_TRUE(n->Addr.empty());
  EXPECT_NE(n->Marker(), nullptr);
}

TEST(Node, NewNodeAppliesOptionsInOrderAndSkipsEmptyOnes) {
  auto tr = std::make_shared<FakeTransporter>();
  const auto n = NewNode("n", "a:1",
                         {nullptr, PriorityNodeOption(1), NodeOption{}, TransportNodeOption(tr),
                          NetworkNodeOption("tcp"), PriorityNodeOption(2), NetworkNodeOption("udp"), nullptr});
  EXPECT_EQ(n->Options().Priority, 2);
  EXPECT_EQ(n->Options().Network, "udp");
  EXPECT_EQ(n->Options().Transport, tr);

  const std::vector<NodeOption> runtime{MatcherBodySizeNodeOption(9), nullptr, MatcherBodySizeNodeOption(3)};
  EXPECT_EQ(NewNode("n", "a:1", runtime)->Options().MatcherBodySize, 3);
  EXPECT_EQ(NewNode("n", "a:1", PriorityNodeOption(5))->Options().Priority, 5);
  EXPECT_EQ(NewNode("n", "a:1", NodeOption{})->Options().Priority, 0);
  EXPECT_EQ(NewNode("n", "a:1", {nullptr, nullptr})->Options().Priority, 0);
}

TEST(Node, TheConstructorBehavesAsNewNode) {
  Node n("direct", "d:1", {PriorityNodeOption(4), nullptr});
  EXPECT_EQ(n.Name, "direct");
  EXPECT_EQ(n.Options().Priority, 4);
  EXPECT_NE(n.Marker(), nullptr);
}

TEST(Node, EveryNodeGetsItsOwnMarker) {
  const auto a = NewNode("a", "a:1");
  const auto b = NewNode("a", "a:1");
  ASSERT_NE(a->Marker(), nullptr);
  ASSERT_NE(b->Marker(), nullptr);
  EXPECT_NE(a->Marker(), b->Marker());
  a->Marker()->Mark();
  EXPECT_EQ(a->Marker()->Count(), 1);
  EXPECT_EQ(b->Marker()->Count(), 0);
  // The marker is stable: the same object every time.
  EXPECT_EQ(a->Marker(), a->Marker());
}

// ---------------------------------------------------------------------------
// Options and Metadata

TEST(Node, OptionsIsAMutableReferenceIntoTheNode) {
  const auto n = NewNode("n", "a:1", PriorityNodeOption(1));
  NodeOptions& o = n->Options();
  EXPECT_EQ(&o, &n->Options());
  o.Priority = 10;
  o.Network = "udp";
  auto tr = std::make_shared<FakeTransporter>();
  n->Options().Transport = tr;
  EXPECT_EQ(n->Options().Priority, 10);
  EXPECT_EQ(n->Options().Network, "udp");
  EXPECT_EQ(std::as_const(*n).Options().Transport, tr);
  EXPECT_EQ(&std::as_const(*n).Options(), &o);
}

TEST(Node, MetadataIsTheOptionsMetadata) {
  auto md = std::make_shared<MapMetadata>();
  md->Set("maxFails", 3);
  const auto n = NewNode("n", "a:1", MetadataNodeOption(md));
  EXPECT_EQ(n->Metadata(), md);
  EXPECT_EQ(std::any_cast<int>(n->Metadata()->Get("maxFails")), 3);

  auto other = std::make_shared<MapMetadata>();
  n->Options().Metadata = other;
  EXPECT_EQ(n->Metadata(), other);
  n->Options().Metadata = nullptr;
  EXPECT_EQ(n->Metadata(), nullptr);
}

// ---------------------------------------------------------------------------
// Copy

TEST(Node, CopyIsShallow) {
  auto tr = std::make_shared<FakeTransporter>();
  auto md = std::make_shared<MapMetadata>();
  auto filter = std::make_shared<NodeFilterSettings>(NodeFilterSettings{"http", "example.com", "/"});
  const auto orig = NewNode("orig", "o:1",
                            {TransportNodeOption(tr), MetadataNodeOption(md), NodeFilterOption(filter),
                             PriorityNodeOption(3), NetworkNodeOption("tcp")});
  orig->SetProbeResult(MakeProbe(true, 5ms, ""));

  const auto copy = orig->Copy();
  ASSERT_NE(copy, nullptr);
  ASSERT_NE(copy, orig);
  EXPECT_EQ(copy->Name, "orig");
  EXPECT_EQ(copy->Addr, "o:1");
  EXPECT_EQ(copy->Options().Transport, tr);  // same object, not a copy of it
  EXPECT_EQ(copy->Options().Metadata, md);
  EXPECT_EQ(copy->Metadata(), md);
  EXPECT_EQ(copy->Options().Filter, filter);
  EXPECT_EQ(copy->Options().Priority, 3);
  EXPECT_EQ(copy->Options().Network, "tcp");
  EXPECT_EQ(copy->ProbeResult(), orig->ProbeResult());  // the current result

  // One marker for both: a failure seen through the copy counts for the original.
  ASSERT_EQ(copy->Marker(), orig->Marker());
  copy->Marker()->Mark();
  EXPECT_EQ(orig->Marker()->Count(), 1);
  orig->Marker()->Reset();
  EXPECT_EQ(copy->Marker()->Count(), 0);

  // The options struct itself is the copy's own.
  EXPECT_NE(&copy->Options(), &orig->Options());
  auto tr2 = std::make_shared<FakeTransporter>();
  copy->Options().Transport = tr2;
  copy->Options().Priority = 99;
  copy->Options().Network = "udp";
  copy->Options().Metadata = nullptr;
  copy->Name = "renamed";
  copy->Addr = "c:2";
  EXPECT_EQ(orig->Options().Transport, tr);
  EXPECT_EQ(orig->Options().Priority, 3);
  EXPECT_EQ(orig->Options().Network, "tcp");
  EXPECT_EQ(orig->Metadata(), md);
  EXPECT_EQ(orig->Name, "orig");
  EXPECT_EQ(orig->Addr, "o:1");

  // ... while what the pointers point at is shared.
  filter->Host = "changed.example";
  EXPECT_EQ(copy->Options().Filter->Host, "changed.example");

  // Probe results are per node after the copy.
  copy->SetProbeResult(MakeProbe(false, 1s, "down"));
  EXPECT_TRUE(orig->ProbeResult()->Success);
  EXPECT_FALSE(copy->ProbeResult()->Success);
}

TEST(Node, CopyOfAFreshNodeHasNoProbeResult) {
  const auto orig = NewNode("n", "a:1");
  const auto copy = orig->Copy();
  EXPECT_EQ(copy->ProbeResult(), nullptr);
  copy->SetProbeResult(MakeProbe(true, 1ms, ""));
  EXPECT_EQ(orig->ProbeResult(), nullptr);
}

// ---------------------------------------------------------------------------
// Probe results

TEST(Node, ProbeResultIsNullUntilSetThenWhatWasSet) {
  const auto n = NewNode("n", "a:1");
  EXPECT_EQ(n->ProbeResult(), nullptr);
  const auto r1 = MakeProbe(true, 12ms, "");
  n->SetProbeResult(r1);
  EXPECT_EQ(n->ProbeResult(), r1);
  EXPECT_TRUE(n->ProbeResult()->Success);
  EXPECT_EQ(n->ProbeResult()->Latency, 12ms);

  const auto r2 = MakeProbe(false, 3s, "connection refused");
  n->SetProbeResult(r2);
  EXPECT_EQ(n->ProbeResult(), r2);
  EXPECT_EQ(n->ProbeResult()->Error, "connection refused");

  n->SetProbeResult(nullptr);
  EXPECT_EQ(n->ProbeResult(), nullptr);
}

TEST(Node, AReaderKeepsItsResultAfterTheNextWrite) {
  const auto n = NewNode("n", "a:1");
  n->SetProbeResult(MakeProbe(true, 1ms, "first"));
  const auto held = n->ProbeResult();
  n->SetProbeResult(MakeProbe(false, 2ms, "second"));
  EXPECT_EQ(held->Error, "first");  // still alive and unchanged
  EXPECT_EQ(n->ProbeResult()->Error, "second");
}

// Writers publish results whose fields all derive from (writer, i); readers
// check every result they see is whole and is one some writer published.
TEST(Node, ConcurrentProbeResultsAreSeenWhole) {
  constexpr int kWriters = 4;
  constexpr int kReaders = 4;
  constexpr int kWrites = 3000;
  const auto n = NewNode("n", "a:1");
  std::atomic<int> writers_left{kWriters};
  std::atomic<int> bad{0};
  std::atomic<long> seen{0};

  auto make = [](int w, int i) {
    auto r = std::make_shared<ProbeResult>();
    r->Success = (i % 2) == 0;
    r->Latency = std::chrono::microseconds(w * 100000 + i);
    r->Error = "w" + std::to_string(w) + "-" + std::to_string(i);
    r->Timestamp = Time{} + std::chrono::seconds(w * 100000 + i);
    return std::shared_ptr<const ProbeResult>(std::move(r));
  };

  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kWrites; ++i) n->SetProbeResult(make(w, i));
      writers_left.fetch_sub(1);
    });
  }
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&] {
      while (writers_left.load() > 0) {
        const auto res = n->ProbeResult();
        if (!res) continue;
        seen.fetch_add(1);
        const auto id = std::chrono::duration_cast<std::chrono::microseconds>(res->Latency).count();
        const int w = static_cast<int>(id / 100000);
        const int i = static_cast<int>(id % 100000);
        const bool whole = w >= 0 && w < kWriters && i < kWrites && res->Success == ((i % 2) == 0) &&
                           res->Error == "w" + std::to_string(w) + "-" + std::to_string(i) &&
                           res->Timestamp == Time{} + std::chrono::seconds(id);
        if (!whole) bad.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
  ASSERT_NE(n->ProbeResult(), nullptr);
  // The last value is the last write of one of the writers.
  EXPECT_THAT(n->ProbeResult()->Error, ::testing::AnyOf("w0-2999", "w1-2999", "w2-2999", "w3-2999"));
}

// ---------------------------------------------------------------------------
// Probe cancel and Close

TEST(Node, CloseWithoutACancelFunctionIsHarmless) {
  const auto n = NewNode("n", "a:1");
  EXPECT_FALSE(n->Close());
  EXPECT_FALSE(n->Close());
  n->SetProbeCancel(context::CancelFunc{});  // an empty function: also harmless
  EXPECT_FALSE(n->Close());
}

TEST(Node, CloseCancelsTheProbeContext) {
  const auto n = NewNode("n", "a:1");
  auto [ctx, cancel] = context::WithCancel(context::Background());
  n->SetProbeCancel(cancel);
  EXPECT_FALSE(ctx.Err());
  const Error err = n->Close();
  EXPECT_FALSE(err);
  EXPECT_EQ(ctx.Err(), context::Canceled);
  EXPECT_TRUE(ctx.Done());
  // A second Close is harmless and returns no error.
  EXPECT_FALSE(n->Close());
  EXPECT_EQ(ctx.Err(), context::Canceled);
}

TEST(Node, SetProbeCancelReplacesThePreviousFunction) {
  const auto n = NewNode("n", "a:1");
  auto [first, cancel_first] = context::WithCancel(context::Background());
  auto [second, cancel_second] = context::WithCancel(context::Background());
  n->SetProbeCancel(cancel_first);
  n->SetProbeCancel(cancel_second);
  EXPECT_FALSE(n->Close());
  EXPECT_FALSE(first.Err());  // no longer held by the node
  EXPECT_EQ(second.Err(), context::Canceled);
  cancel_first();
}

// As upstream: Copy copies the cancel function, so closing a copy stops the
// original's probe.
TEST(Node, ACopySharesTheProbeCancelFunction) {
  const auto orig = NewNode("n", "a:1");
  auto [ctx, cancel] = context::WithCancel(context::Background());
  orig->SetProbeCancel(cancel);
  const auto copy = orig->Copy();
  EXPECT_FALSE(ctx.Err());
  EXPECT_FALSE(copy->Close());
  EXPECT_EQ(ctx.Err(), context::Canceled);

  // After the copy, each node's slot is its own.
  auto [ctx2, cancel2] = context::WithCancel(context::Background());
  copy->SetProbeCancel(cancel2);
  EXPECT_FALSE(orig->Close());
  EXPECT_FALSE(ctx2.Err());
  EXPECT_FALSE(copy->Close());
  EXPECT_EQ(ctx2.Err(), context::Canceled);
}

// Upstream leaves SetProbeCancel and Close unsynchronized; the port must be
// race-free (this test is meant to be run under ThreadSanitizer too).
TEST(Node, CloseRacingSetProbeCancelIsSafe) {
  constexpr int kRounds = 2000;
  const auto n = NewNode("n", "a:1");
  std::vector<context::Context> contexts;
  std::vector<context::CancelFunc> cancels;
  contexts.reserve(kRounds);
  cancels.reserve(kRounds);
  for (int i = 0; i < kRounds; ++i) {
    auto [ctx, cancel] = context::WithCancel(context::Background());
    contexts.push_back(ctx);
    cancels.push_back(cancel);
  }
  std::atomic<bool> done{false};
  std::thread setter([&] {
    for (const auto& c : cancels) n->SetProbeCancel(c);
    done = true;
  });
  std::thread closer([&] {
    while (!done.load()) EXPECT_FALSE(n->Close());
  });
  std::thread copier([&] {
    while (!done.load()) (void)n->Copy();
  });
  setter.join();
  closer.join();
  copier.join();
  EXPECT_FALSE(n->Close());
  EXPECT_EQ(contexts.back().Err(), context::Canceled);  // the last one stored
  for (const auto& c : cancels) c();
}

// ---------------------------------------------------------------------------
// Optional interfaces, found the way selectors and filters find them.

TEST(Node, IsFoundThroughItsOptionalInterfaces) {
  auto md = std::make_shared<MapMetadata>();
  const auto n = NewNode("n", "a:1", MetadataNodeOption(md));
  n->SetProbeResult(MakeProbe(true, 7ms, ""));
  Node* raw = n.get();

  auto* markable = dynamic_cast<selector::Markable*>(raw);
  auto* mdable = dynamic_cast<metadata::Metadatable*>(raw);
  auto* reader = dynamic_cast<ProbeResultReader*>(raw);
  ASSERT_NE(markable, nullptr);
  ASSERT_NE(mdable, nullptr);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(markable->Marker(), n->Marker());
  EXPECT_EQ(mdable->Metadata(), md);
  EXPECT_EQ(reader->ProbeResult()->Latency, 7ms);

  // Cross casts between the optional interfaces, and back to the node.
  EXPECT_EQ(dynamic_cast<metadata::Metadatable*>(markable), mdable);
  EXPECT_EQ(dynamic_cast<ProbeResultReader*>(mdable), reader);
  EXPECT_EQ(dynamic_cast<Node*>(reader), raw);
  const selector::Markable* cm = raw;
  EXPECT_NE(dynamic_cast<const ProbeResultReader*>(cm), nullptr);

  // Through shared pointers too.
  std::shared_ptr<selector::Markable> sm = n;
  EXPECT_EQ(std::dynamic_pointer_cast<Node>(sm), n);
  EXPECT_EQ(std::dynamic_pointer_cast<metadata::Metadatable>(sm)->Metadata(), md);

  // Something that is not a node is not mistaken for one.
  FakeTransporter tr;
  EXPECT_EQ(dynamic_cast<selector::Markable*>(static_cast<Transporter*>(&tr)), nullptr);
}

// ---------------------------------------------------------------------------
// Node settings

static_assert(core::detail::kIsInterface<regexp::Regexp>);
static_assert(std::is_same_v<regexp::RegexpPtr, std::shared_ptr<const regexp::Regexp>>);

// regexp::Regexp is supplied by the user; the node settings only hold it.
class LiteralRegexp final : public regexp::Regexp {
 public:
  explicit LiteralRegexp(std::string lit) : lit_(std::move(lit)) {}
  [[nodiscard]] std::string String() const override { return lit_; }
  [[nodiscard]] bool MatchString(std::string_view s) const override { return s.find(lit_) != std::string_view::npos; }
  [[nodiscard]] std::string ReplaceAllString(std::string_view src, std::string_view repl) const override {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t hit; !lit_.empty() && (hit = src.find(lit_, pos)) != std::string_view::npos;
         pos = hit + lit_.size()) {
      out.append(src.substr(pos, hit - pos)).append(repl);
    }
    return out.append(src.substr(pos));
  }

 private:
  std::string lit_;
};

TEST(Interfaces, NodeSettingsHoldUserSuppliedRegexps) {
  auto http = std::make_shared<chain::HTTPNodeSettings>();
  const regexp::RegexpPtr re = std::make_shared<LiteralRegexp>("/old/");
  http->RewriteURL.push_back({re, "/new/"});
  const auto node = chain::NewNode("n", "n:1", chain::HTTPNodeOption(http));
  const auto& rule = node->Options().HTTP->RewriteURL.at(0);
  ASSERT_NE(rule.Pattern, nullptr);
  EXPECT_EQ(rule.Pattern->String(), "/old/");
  EXPECT_TRUE(rule.Pattern->MatchString("/a/old/b"));
  EXPECT_FALSE(rule.Pattern->MatchString("/a/b"));
  EXPECT_EQ(rule.Pattern->ReplaceAllString("/old/x/old/", rule.Replacement), "/new/x/new/");
  EXPECT_EQ(chain::HTTPURLRewriteSetting{}.Pattern, nullptr);
}

}  // namespace
}  // namespace gost::core::chain
