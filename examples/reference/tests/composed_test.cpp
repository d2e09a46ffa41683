// The reference pieces composed end to end with the library's Node and fail
// marker, in memory: the x::Router asks the x::Chain for a route, the chain
// picks one node from each x::Hop, and the x::NodeRoute dials through the
// nodes' transports (recording fakes here) as go-gost/x/chain/route.go does:
// Dial and Handshake the first node, then for each next node ask the
// previous one to Connect to it and Handshake it, and finally ask the last
// node to Connect to the destination. Markers record which node failed so
// that the hop avoids it on the router's retry.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gost/core/chain/chain.hpp"
#include "gost/core/chain/node.hpp"
#include "gost/core/chain/route.hpp"
#include "gost/core/chain/router.hpp"
#include "gost/core/chain/transport.hpp"
#include "gost/core/connector/binder.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/hop/hop.hpp"
#include "reference/chain.hpp"
#include "reference/hop.hpp"
#include "reference/router.hpp"

namespace gost::core::chain {
namespace {

namespace x = gost::x;

using ::testing::ElementsAre;

// Everything that happens, in order (all of it on the test's thread).
struct Wire {
  std::vector<std::string> events;
  void Add(std::string e) { events.push_back(std::move(e)); }
  std::vector<std::string> Take() { return std::exchange(events, {}); }
};

// A connection that records what is written to it.
class MemConn final : public net::Conn {
 public:
  explicit MemConn(std::shared_ptr<Wire> wire) : wire_(std::move(wire)) {}
  io::IOResult Read(std::span<std::byte> /*b*/) override { return {0, io::ErrEOF}; }
  io::IOResult Write(std::span<const std::byte> b) override {
    wire_->Add("wire: " + std::string(AsString(b)));
    return {b.size(), {}};
  }
  Error Close() override {
    wire_->Add("wire closed");
    return {};
  }
  [[nodiscard]] net::Addr LocalAddr() const override { return {"mem", "local"}; }
  [[nodiscard]] net::Addr RemoteAddr() const override { return {"mem", "remote"}; }
  Error SetDeadline(Time /*t*/) override { return {}; }
  Error SetReadDeadline(Time /*t*/) override { return {}; }
  Error SetWriteDeadline(Time /*t*/) override { return {}; }

 private:
  std::shared_ptr<Wire> wire_;
};

const Error kHandshakeFailed = errors::New("handshake failed");

// One node's transport: each step is recorded and leaves a mark on the wire.
class FakeTransport final : public Transporter {
 public:
  FakeTransport(std::string name, std::shared_ptr<Wire> wire, bool fail_handshake = false)
      : name_(std::move(name)), wire_(std::move(wire)), fail_handshake_(fail_handshake) {}
  Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view addr) override {
    wire_->Add(name_ + ".Dial " + std::string(addr));
    if (Error err = ctx.Err()) return err;
    return net::ConnUniquePtr(std::make_unique<MemConn>(wire_));
  }
  Result<net::ConnUniquePtr> Handshake(const context::Context& /*ctx*/, net::ConnUniquePtr conn) override {
    wire_->Add(name_ + ".Handshake");
    if (fail_handshake_) {
      conn->Close();
      return kHandshakeFailed;
    }
    conn->Write(AsBytes("hello " + name_));
    return conn;
  }
  Result<net::ConnUniquePtr> Connect(const context::Context& /*ctx*/, net::ConnUniquePtr conn, std::string_view network,
                                     std::string_view address) override {
    wire_->Add(name_ + ".Connect " + std::string(network) + " " + std::string(address));
    conn->Write(AsBytes("CONNECT " + std::string(address)));
    return conn;
  }
  Result<net::ListenerUniquePtr> Bind(const context::Context& /*ctx*/, net::ConnUniquePtr conn,
                                      std::string_view /*network*/, std::string_view /*address*/,
                                      Variadic<connector::BindOption> opts) override {
    wire_->Add(name_ + ".Bind backlog=" + std::to_string(MakeOptions<connector::BindOptions>(opts).Backlog));
    conn->Close();
    return connector::ErrBindUnsupported;
  }
  [[nodiscard]] bool Multiplex() const override { return false; }
  TransportOptions* Options() override { return &options_; }
  [[nodiscard]] TransporterPtr Copy() const override { return std::make_shared<FakeTransport>(*this); }

 private:
  std::string name_;
  std::shared_ptr<Wire> wire_;
  bool fail_handshake_;
  TransportOptions options_;
};

struct TwoHopChain {
  std::shared_ptr<Wire> wire = std::make_shared<Wire>();
  NodePtr a, b, b2;
  RouterPtr router;

  explicit TwoHopChain(bool b_fails = false, int retries = 0) {
    a = NewNode("a", "a.proxy:1080", TransportNodeOption(std::make_shared<FakeTransport>("A", wire)));
    b = NewNode("b", "b.proxy:1080", TransportNodeOption(std::make_shared<FakeTransport>("B", wire, b_fails)));
    b2 = NewNode("b2", "b2.proxy:1080", TransportNodeOption(std::make_shared<FakeTransport>("B2", wire)));
    // Hops without a selector take their first node not marked failed.
    auto chain = x::NewChain("chain", nullptr);
    chain->AddHop(x::NewHop("hop1", {a}));
    chain->AddHop(x::NewHop("hop2", {b, b2}));
    router = x::NewRouter(nullptr, {ChainRouterOption(chain), RetriesRouterOption(retries)});
  }
};

TEST(Composed, DialsThroughTwoNodesInUpstreamsOrder) {
  TwoHopChain s;
  auto conn = s.router->Dial(context::Background(), "tcp", "example.com:80");
  ASSERT_TRUE(conn) << conn.error();
  ASSERT_NE(*conn, nullptr);
  (*conn)->Write(AsBytes("GET / HTTP/1.1"));
  EXPECT_THAT(s.wire->Take(), ElementsAre("A.Dial a.proxy:1080", "A.Handshake", "wire: hello A",           //
                                          "A.Connect tcp b.proxy:1080", "wire: CONNECT b.proxy:1080",      //
                                          "B.Handshake", "wire: hello B",                                  //
                                          "B.Connect tcp example.com:80", "wire: CONNECT example.com:80",  //
                                          "wire: GET / HTTP/1.1"));
  EXPECT_EQ(s.a->Marker()->Count(), 0);
  EXPECT_EQ(s.b->Marker()->Count(), 0);
}

TEST(Composed, TheChainerBuildsTheRouteFromTheHops) {
  TwoHopChain s;
  const auto route = s.router->Options()->Chain->Route(context::Background(), "udp", "dns:53");
  ASSERT_NE(route, nullptr);
  EXPECT_THAT(route->Nodes(), ElementsAre(s.a, s.b));
  EXPECT_TRUE(s.wire->Take().empty());  // choosing the route dials nothing
}

TEST(Composed, AFailedNodeIsMarkedAndAvoidedOnRetry) {
  TwoHopChain s(/*b_fails=*/true, /*retries=*/1);
  auto conn = s.router->Dial(context::Background(), "tcp", "example.com:443");
  ASSERT_TRUE(conn) << conn.error();
  EXPECT_EQ(s.b->Marker()->Count(), 1);
  EXPECT_NE(s.b->Marker()->Time(), Time{});
  EXPECT_EQ(s.b2->Marker()->Count(), 0);
  const auto events = s.wire->Take();
  // First attempt: B's handshake fails and the connection is closed.
  EXPECT_THAT(std::vector<std::string>(events.begin(), events.begin() + 7),
              ElementsAre("A.Dial a.proxy:1080", "A.Handshake", "wire: hello A", "A.Connect tcp b.proxy:1080",
                          "wire: CONNECT b.proxy:1080", "B.Handshake", "wire closed"));
  // Retry: the hop now picks B2, and the route ends at the destination.
  EXPECT_THAT(events, ::testing::Contains("B2.Handshake"));
  EXPECT_EQ(events.back(), "wire: CONNECT example.com:443");
}

TEST(Composed, WithoutRetriesTheNodesErrorComesBack) {
  TwoHopChain s(/*b_fails=*/true);
  auto conn = s.router->Dial(context::Background(), "tcp", "example.com:443");
  ASSERT_FALSE(conn);
  EXPECT_TRUE(errors::Is(conn.error(), kHandshakeFailed));
  EXPECT_EQ(s.b->Marker()->Count(), 1);
  EXPECT_EQ(s.a->Marker()->Count(), 0);
}

TEST(Composed, ACanceledContextStopsTheFirstDial) {
  TwoHopChain s;
  auto [ctx, cancel] = context::WithCancel(context::Background());
  cancel();
  auto conn = s.router->Dial(ctx, "tcp", "example.com:80");
  ASSERT_FALSE(conn);
  EXPECT_TRUE(errors::Is(conn.error(), context::Canceled));
  EXPECT_EQ(s.a->Marker()->Count(), 1);
}

TEST(Composed, BindGoesThroughTheRouteToTheLastNode) {
  TwoHopChain s;
  auto ln = s.router->Bind(context::Background(), "tcp", ":8000", {BacklogBindOption(32), MuxBindOption(true)});
  ASSERT_FALSE(ln);
  EXPECT_TRUE(errors::Is(ln.error(), connector::ErrBindUnsupported));
  const auto events = s.wire->Take();
  ASSERT_GE(events.size(), 2U);
  EXPECT_EQ(events[events.size() - 2], "B.Bind backlog=32");
  EXPECT_EQ(events.back(), "wire closed");
}

}  // namespace
}  // namespace gost::core::chain
