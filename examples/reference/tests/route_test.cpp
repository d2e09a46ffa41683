// gost::x::DirectRoute and gost::x::NodeRoute: the walk through a route's
// nodes as go-gost/x chain/route.go makes it, and the markers it keeps.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/testing/mocks/chain.hpp>
#include <gost/core/testing/mocks/hosts.hpp>

#include "common/memnet.hpp"
#include "reference/chain.hpp"
#include "reference/logger.hpp"
#include "reference/route.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

// A node whose transport is a mock; the mock stays reachable through it.
struct MockNode {
  std::shared_ptr<NiceMock<gc::chain::MockTransporter>> tr = std::make_shared<NiceMock<gc::chain::MockTransporter>>();
  gc::chain::NodePtr node;
  MockNode(const std::string& name, const std::string& addr, gc::Variadic<gc::chain::NodeOption> opts = {}) {
    std::vector<gc::chain::NodeOption> all{gc::chain::TransportNodeOption(tr)};
    all.insert(all.end(), opts.begin(), opts.end());
    node = gc::chain::NewNode(name, addr, all);
    // By default every step succeeds and passes the connection on.
    ON_CALL(*tr, Dial).WillByDefault([](auto&, auto) { return gc::Result<gc::net::ConnUniquePtr>(AConn()); });
    ON_CALL(*tr, Handshake).WillByDefault([](auto&, gc::net::ConnUniquePtr c) {
      return gc::Result<gc::net::ConnUniquePtr>(std::move(c));
    });
    ON_CALL(*tr, Connect).WillByDefault([](auto&, gc::net::ConnUniquePtr c, auto, auto) {
      return gc::Result<gc::net::ConnUniquePtr>(std::move(c));
    });
  }
  [[nodiscard]] std::int64_t Failures() const { return node->Marker()->Count(); }
};

TEST(DirectRoute, DialsAndListensOnItsNetwork) {
  auto net = example::NewNetwork();
  x::DirectRoute direct(net);
  auto ln = direct.Bind(kBg, "tcp", "10.0.0.1:80");
  ASSERT_TRUE(ln) << ln.error().Message();
  std::thread server([&] { (void)(*ln)->Accept(); });
  auto conn = direct.Dial(kBg, "tcp", "10.0.0.1:80");
  server.join();
  EXPECT_TRUE(conn);
  EXPECT_TRUE(direct.Nodes().empty());
  auto refused = direct.Dial(kBg, "tcp", "10.0.0.2:80");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().Message().find("connection refused"), std::string::npos);
}

TEST(NodeRoute, WalksTheNodesInGoGostsOrder) {
  MockNode a("a", "10.0.0.1:1080");
  MockNode b("b", "10.0.0.2:1080");
  x::NodeRoute route(nullptr);
  route.AddNode(a.node);
  route.AddNode(b.node);
  {
    InSequence order;
    EXPECT_CALL(*a.tr, Dial(_, "10.0.0.1:1080"));
    EXPECT_CALL(*a.tr, Handshake);
    EXPECT_CALL(*a.tr, Connect(_, _, "tcp", "10.0.0.2:1080"));
    EXPECT_CALL(*b.tr, Handshake);
    EXPECT_CALL(*b.tr, Connect(_, _, "tcp", "db:5432"));
  }
  EXPECT_TRUE(route.Dial(kBg, "tcp", "db:5432"));
  EXPECT_EQ(route.Nodes(), (std::vector<gc::chain::NodePtr>{a.node, b.node}));
}

TEST(NodeRoute, ANodeThatCannotBeReachedIsMarkedAndTheChainToo) {
  MockNode a("a", "10.0.0.1:1080");
  MockNode b("b", "10.0.0.2:1080");
  auto chain = x::NewChain("c", nullptr);
  x::NodeRoute route(nullptr, chain);
  route.AddNode(a.node);
  route.AddNode(b.node);
  const gc::Error refused = gc::errors::New("refused");
  EXPECT_CALL(*a.tr, Connect(_, _, "tcp", "10.0.0.2:1080")).WillOnce(Return(ByMove(refused)));
  auto r = route.Dial(kBg, "tcp", "db:5432");
  ASSERT_FALSE(r);
  EXPECT_TRUE(gc::errors::Is(r.error(), refused));
  EXPECT_EQ(a.Failures(), 0);  // a answered: its step went well
  EXPECT_EQ(b.Failures(), 1);  // b could not be reached through a
  EXPECT_EQ(chain->Marker()->Count(), 1);

  // The next walk succeeds: b's failure is forgotten, and the chain's.
  EXPECT_CALL(*a.tr, Connect(_, _, "tcp", "10.0.0.2:1080")).WillOnce([](auto&, gc::net::ConnUniquePtr c, auto, auto) {
    return gc::Result<gc::net::ConnUniquePtr>(std::move(c));
  });
  EXPECT_TRUE(route.Dial(kBg, "tcp", "db:5432"));
  EXPECT_EQ(b.Failures(), 0);
  EXPECT_EQ(chain->Marker()->Count(), 0);
}

TEST(NodeRoute, EachStepsFailureMarksItsNode) {
  const gc::Error boom = gc::errors::New("boom");
  {
    MockNode a("a", "10.0.0.1:1080");
    x::NodeRoute route(std::vector<gc::chain::NodePtr>{a.node});
    EXPECT_CALL(*a.tr, Dial).WillOnce(Return(ByMove(boom)));
    EXPECT_FALSE(route.Dial(kBg, "tcp", "db:5432"));
    EXPECT_EQ(a.Failures(), 1);
  }
  {
    MockNode a("a", "10.0.0.1:1080");
    x::NodeRoute route(std::vector<gc::chain::NodePtr>{a.node});
    EXPECT_CALL(*a.tr, Handshake).WillOnce(Return(ByMove(boom)));
    EXPECT_CALL(*a.tr, Connect).Times(0);
    EXPECT_FALSE(route.Dial(kBg, "tcp", "db:5432"));
    EXPECT_EQ(a.Failures(), 1);
  }
  {
    // The last node's Connect to the destination is not the node's failure.
    MockNode a("a", "10.0.0.1:1080");
    x::NodeRoute route(std::vector<gc::chain::NodePtr>{a.node});
    EXPECT_CALL(*a.tr, Connect(_, _, "tcp", "db:5432")).WillOnce(Return(ByMove(boom)));
    auto r = route.Dial(kBg, "tcp", "db:5432");
    ASSERT_FALSE(r);
    EXPECT_TRUE(gc::errors::Is(r.error(), boom));
    EXPECT_EQ(a.Failures(), 0);
  }
}

TEST(NodeRoute, ANodeWithoutATransportEndsTheRoute) {
  auto bare = gc::chain::NewNode("bare", "10.0.0.9:1");
  x::NodeRoute route(std::vector<gc::chain::NodePtr>{bare});
  auto r = route.Dial(kBg, "tcp", "db:5432");
  ASSERT_FALSE(r);
  EXPECT_TRUE(gc::errors::Is(r.error(), x::ErrEmptyRoute));
  EXPECT_NE(r.error().Message().find("bare"), std::string::npos);
  EXPECT_EQ(bare->Marker()->Count(), 1);
}

TEST(NodeRoute, NodeAddressesGoThroughTheNodesHostMapper) {
  auto hosts = std::make_shared<gc::hosts::MockHostMapper>();
  EXPECT_CALL(*hosts, Lookup(_, "ip", "proxy.internal", _))
      .WillOnce(Return(gc::hosts::LookupResult{{*gc::net::ParseIP("10.9.9.9")}, true}));
  MockNode a("a", "proxy.internal:1080", {gc::chain::HostMapperNodeOption(hosts)});
  x::NodeRoute route(std::vector<gc::chain::NodePtr>{a.node});
  EXPECT_CALL(*a.tr, Dial(_, "10.9.9.9:1080"));
  EXPECT_TRUE(route.Dial(kBg, "tcp", "db:5432"));
}

TEST(NodeRoute, BindAsksTheLastNodeWithTheCallersSettings) {
  MockNode a("a", "10.0.0.1:1080");
  x::NodeRoute route(std::vector<gc::chain::NodePtr>{a.node});
  EXPECT_CALL(*a.tr, Bind(_, _, "tcp", "0.0.0.0:8080", _))
      .WillOnce([](auto&, auto, auto, auto, gc::Variadic<gc::connector::BindOption> o) {
        const auto opts = gc::MakeOptions<gc::connector::BindOptions>(o);
        EXPECT_EQ(opts.Backlog, 16);
        EXPECT_TRUE(opts.Mux);
        EXPECT_EQ(opts.UDPDataQueueSize, 3);
        return gc::Result<gc::net::ListenerUniquePtr>(std::make_unique<gc::net::PipeListener>());
      });
  EXPECT_TRUE(route.Bind(
      kBg, "tcp", "0.0.0.0:8080",
      {gc::chain::BacklogBindOption(16), gc::chain::MuxBindOption(true), gc::chain::UDPDataQueueSizeBindOption(3)}));
}

TEST(NodeRoute, WithoutNodesItIsItsDirectRoute) {
  auto direct = std::make_shared<gc::chain::MockRoute>();
  x::NodeRoute route(direct);
  EXPECT_CALL(*direct, Dial(_, "tcp", "db:5432", _)).WillOnce(Return(ByMove(AConn())));
  EXPECT_CALL(*direct, Bind(_, "tcp", ":80", _))
      .WillOnce(Return(ByMove(gc::net::ListenerUniquePtr(std::make_unique<gc::net::PipeListener>()))));
  EXPECT_TRUE(route.Dial(kBg, "tcp", "db:5432"));
  EXPECT_TRUE(route.Bind(kBg, "tcp", ":80"));

  x::NodeRoute nowhere(nullptr);
  auto r = nowhere.Dial(kBg, "tcp", "db:5432");
  ASSERT_FALSE(r);
  EXPECT_TRUE(gc::errors::Is(r.error(), x::ErrEmptyRoute));
}

TEST(NodeRoute, TellsTheLoggerEachStep) {
  MockNode a("a", "10.0.0.1:1080");
  x::NodeRoute route(std::vector<gc::chain::NodePtr>{a.node});
  const gc::Error boom = gc::errors::New("boom");
  EXPECT_CALL(*a.tr, Dial).WillOnce(Return(ByMove(boom)));
  ::testing::internal::CaptureStdout();
  (void)route.Dial(kBg, "tcp", "db:5432", gc::chain::LoggerDialOption(x::NewLogger("")));
  const std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(out,
            "route: dial a (10.0.0.1:1080)\n"
            "route: dial a failed: boom\n"
            "route: a marked: 1 failure(s)\n");
}

}  // namespace
}  // namespace gost::x::test
