// The interfaces composed end to end, in memory: a Router asks a Chainer
// for a Route, the Chainer picks one Node from each Hop, and the Route dials
// through the nodes' Transporters the way go-gost/x/chain/route.go does:
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

namespace gost::core::chain {
namespace {

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
  Result<net::ListenerUniquePtr> Bind(const context::Context& /*ctx*/, net::ConnUniquePtr conn, std::string_view /*network*/,
                                std::string_view /*address*/, Variadic<connector::BindOption> opts) override {
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

// go-gost/x's chainRoute, without address resolution and metrics.
class ChainRoute final : public Route {
 public:
  void AddNode(NodePtr node) { nodes_.push_back(std::move(node)); }

  Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view network, std::string_view address,
                            Variadic<DialOption> /*opts*/) override {
    if (nodes_.empty()) return errors::New("no direct connections in this test");
    auto conn = ConnectNodes(ctx);
    if (!conn) return conn;
    return nodes_.back()->Options().Transport->Connect(ctx, std::move(*conn), network, address);
  }
  Result<net::ListenerUniquePtr> Bind(const context::Context& ctx, std::string_view network, std::string_view address,
                                Variadic<BindOption> opts) override {
    if (nodes_.empty()) return errors::New("no direct listeners in this test");
    const auto o = MakeOptions<BindOptions>(opts);
    auto conn = ConnectNodes(ctx);
    if (!conn) return conn.error();
    return nodes_.back()->Options().Transport->Bind(
        ctx, std::move(*conn), network, address,
        {connector::BacklogBindOption(o.Backlog), connector::MuxBindOption(o.Mux),
         connector::UDPConnTTLBindOption(o.UDPConnTTL), connector::UDPDataBufferSizeBindOption(o.UDPDataBufferSize),
         connector::UDPDataQueueSizeBindOption(o.UDPDataQueueSize)});
  }
  [[nodiscard]] std::vector<NodePtr> Nodes() const override { return nodes_; }

 private:
  // A connection that has gone through every node of the route.
  Result<net::ConnUniquePtr> ConnectNodes(const context::Context& ctx) {
    const NodePtr& first = nodes_.front();
    auto dialed = first->Options().Transport->Dial(ctx, first->Addr);
    if (!dialed) {
      first->Marker()->Mark();
      return dialed;
    }
    auto conn = first->Options().Transport->Handshake(ctx, std::move(*dialed));
    if (!conn) {
      first->Marker()->Mark();
      return conn;
    }
    first->Marker()->Reset();
    for (std::size_t i = 1; i < nodes_.size(); ++i) {
      const NodePtr& prev = nodes_[i - 1];
      const NodePtr& node = nodes_[i];
      auto next = prev->Options().Transport->Connect(ctx, std::move(*conn), "tcp", node->Addr);
      if (!next) {
        node->Marker()->Mark();
        return next;
      }
      conn = node->Options().Transport->Handshake(ctx, std::move(*next));
      if (!conn) {
        node->Marker()->Mark();
        return conn;
      }
      node->Marker()->Reset();
    }
    return conn;
  }

  std::vector<NodePtr> nodes_;
};

// Picks the first node that has not failed.
class FirstHealthyHop final : public hop::Hop {
 public:
  FirstHealthyHop(std::string name, std::vector<NodePtr> nodes, std::shared_ptr<Wire> wire)
      : name_(std::move(name)), nodes_(std::move(nodes)), wire_(std::move(wire)) {}
  NodePtr Select(const context::Context& /*ctx*/, Variadic<hop::SelectOption> opts) override {
    const auto o = MakeOptions<hop::SelectOptions>(opts);
    wire_->Add(name_ + ".Select " + o.Network + " " + o.Addr + " host=" + o.Host);
    for (const auto& n : nodes_) {
      if (n->Marker()->Count() == 0) return n;
    }
    return nullptr;
  }

 private:
  std::string name_;
  std::vector<NodePtr> nodes_;
  std::shared_ptr<Wire> wire_;
};

// go-gost/x's Chain::Route, without multiplexing.
class HopChain final : public Chainer {
 public:
  explicit HopChain(std::vector<hop::HopPtr> hops) : hops_(std::move(hops)) {}
  std::shared_ptr<chain::Route> Route(const context::Context& ctx, std::string_view network, std::string_view address,
                                      Variadic<RouteOption> opts) override {
    if (hops_.empty()) return nullptr;
    const auto o = MakeOptions<RouteOptions>(opts);
    auto route = std::make_shared<ChainRoute>();
    for (const auto& h : hops_) {
      auto node = h->Select(ctx, {hop::NetworkSelectOption(std::string(network)),
                                  hop::AddrSelectOption(std::string(address)), hop::HostSelectOption(o.Host)});
      if (!node) return route;
      route->AddNode(std::move(node));
    }
    return route;
  }

 private:
  std::vector<hop::HopPtr> hops_;
};

// go-gost/x's Router, reduced to routing and retries.
class RetryingRouter final : public Router {
 public:
  explicit RetryingRouter(Variadic<RouterOption> opts) { ApplyOptions(options_, opts); }
  RouterOptions* Options() override { return &options_; }
  Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view network, std::string_view address,
                            Variadic<DialOption> opts) override {
    Error err = errors::New("no route");
    for (int attempt = 0; attempt <= options_.Retries; ++attempt) {
      auto route = options_.Chain
                       ? options_.Chain->Route(ctx, network, address, WithHostRouteOption(std::string(address)))
                       : nullptr;
      if (!route) break;
      auto conn = route->Dial(ctx, network, address, opts);
      if (conn) return conn;
      err = conn.error();
    }
    return err;
  }
  Result<net::ListenerUniquePtr> Bind(const context::Context& ctx, std::string_view network, std::string_view address,
                                Variadic<BindOption> opts) override {
    auto route = options_.Chain ? options_.Chain->Route(ctx, network, address) : nullptr;
    if (!route) return errors::New("no route");
    return route->Bind(ctx, network, address, opts);
  }

 private:
  RouterOptions options_;
};

struct TwoHopChain {
  std::shared_ptr<Wire> wire = std::make_shared<Wire>();
  NodePtr a, b, b2;
  RouterPtr router;

  explicit TwoHopChain(bool b_fails = false, int retries = 0) {
    a = NewNode("a", "a.proxy:1080", TransportNodeOption(std::make_shared<FakeTransport>("A", wire)));
    b = NewNode("b", "b.proxy:1080", TransportNodeOption(std::make_shared<FakeTransport>("B", wire, b_fails)));
    b2 = NewNode("b2", "b2.proxy:1080", TransportNodeOption(std::make_shared<FakeTransport>("B2", wire)));
    auto chain = std::make_shared<HopChain>(
        std::vector<hop::HopPtr>{std::make_shared<FirstHealthyHop>("hop1", std::vector<NodePtr>{a}, wire),
                                 std::make_shared<FirstHealthyHop>("hop2", std::vector<NodePtr>{b, b2}, wire)});
    router = std::make_shared<RetryingRouter>(
        Variadic<RouterOption>{ChainRouterOption(chain), RetriesRouterOption(retries)});
  }
};

TEST(RouteShape, DialsThroughTwoNodesInUpstreamsOrder) {
  TwoHopChain s;
  auto conn = s.router->Dial(context::Background(), "tcp", "example.com:80");
  ASSERT_TRUE(conn) << conn.error();
  ASSERT_NE(*conn, nullptr);
  (*conn)->Write(AsBytes("GET / HTTP/1.1"));
  EXPECT_THAT(s.wire->Take(), ElementsAre("hop1.Select tcp example.com:80 host=example.com:80",
                                          "hop2.Select tcp example.com:80 host=example.com:80",            //
                                          "A.Dial a.proxy:1080", "A.Handshake", "wire: hello A",           //
                                          "A.Connect tcp b.proxy:1080", "wire: CONNECT b.proxy:1080",      //
                                          "B.Handshake", "wire: hello B",                                  //
                                          "B.Connect tcp example.com:80", "wire: CONNECT example.com:80",  //
                                          "wire: GET / HTTP/1.1"));
  EXPECT_EQ(s.a->Marker()->Count(), 0);
  EXPECT_EQ(s.b->Marker()->Count(), 0);
}

TEST(RouteShape, TheChainerBuildsTheRouteFromTheHops) {
  TwoHopChain s;
  const auto route = s.router->Options()->Chain->Route(context::Background(), "udp", "dns:53");
  ASSERT_NE(route, nullptr);
  EXPECT_THAT(route->Nodes(), ElementsAre(s.a, s.b));
  EXPECT_THAT(s.wire->Take(), ElementsAre("hop1.Select udp dns:53 host=", "hop2.Select udp dns:53 host="));
}

TEST(RouteShape, AFailedNodeIsMarkedAndAvoidedOnRetry) {
  TwoHopChain s(/*b_fails=*/true, /*retries=*/1);
  auto conn = s.router->Dial(context::Background(), "tcp", "example.com:443");
  ASSERT_TRUE(conn) << conn.error();
  EXPECT_EQ(s.b->Marker()->Count(), 1);
  EXPECT_NE(s.b->Marker()->Time(), Time{});
  EXPECT_EQ(s.b2->Marker()->Count(), 0);
  const auto events = s.wire->Take();
  // First attempt: B's handshake fails and the connection is closed.
  EXPECT_THAT(std::vector<std::string>(events.begin(), events.begin() + 9),
              ElementsAre("hop1.Select tcp example.com:443 host=example.com:443",
                          "hop2.Select tcp example.com:443 host=example.com:443", "A.Dial a.proxy:1080", "A.Handshake",
                          "wire: hello A", "A.Connect tcp b.proxy:1080", "wire: CONNECT b.proxy:1080", "B.Handshake",
                          "wire closed"));
  // Retry: the hop now picks B2, and the route ends at the destination.
  EXPECT_THAT(events, ::testing::Contains("B2.Handshake"));
  EXPECT_EQ(events.back(), "wire: CONNECT example.com:443");
}

TEST(RouteShape, WithoutRetriesTheNodesErrorComesBack) {
  TwoHopChain s(/*b_fails=*/true);
  auto conn = s.router->Dial(context::Background(), "tcp", "example.com:443");
  ASSERT_FALSE(conn);
  EXPECT_TRUE(errors::Is(conn.error(), kHandshakeFailed));
  EXPECT_EQ(s.b->Marker()->Count(), 1);
  EXPECT_EQ(s.a->Marker()->Count(), 0);
}

TEST(RouteShape, ACanceledContextStopsTheFirstDial) {
  TwoHopChain s;
  auto [ctx, cancel] = context::WithCancel(context::Background());
  cancel();
  auto conn = s.router->Dial(ctx, "tcp", "example.com:80");
  ASSERT_FALSE(conn);
  EXPECT_TRUE(errors::Is(conn.error(), context::Canceled));
  EXPECT_EQ(s.a->Marker()->Count(), 1);
}

TEST(RouteShape, BindGoesThroughTheRouteToTheLastNode) {
  TwoHopChain s;
  auto ln = s.router->Bind(context::Background(), "tcp", ":8000", {BacklogBindOption(32), MuxBindOption(true)});
  ASSERT_FALSE(ln);
  EXPECT_TRUE(errors::Is(ln.error(), connector::ErrBindUnsupported));
  const auto events = s.wire->Take();
  ASSERT_GE(events.size(), 2U);
  EXPECT_EQ(events[events.size() - 2], "B.Bind backlog=32");
  EXPECT_EQ(events.back(), "wire closed");
}

TEST(RouteShape, ARouterWithoutAChainHasNoRoute) {
  RouterPtr r = std::make_shared<RetryingRouter>(Variadic<RouterOption>{});
  EXPECT_EQ(r->Options()->Chain, nullptr);
  auto conn = r->Dial(context::Background(), "tcp", "example.com:80");
  ASSERT_FALSE(conn);
  EXPECT_EQ(conn.error().Message(), "no route");
}

}  // namespace
}  // namespace gost::core::chain
