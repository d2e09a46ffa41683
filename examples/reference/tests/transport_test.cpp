// gost::x::Transport: a node's dialer and connector joined, with the optional
// interfaces found by dynamic_cast (go-gost/x chain/transport.go).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/testing/mocks/chain.hpp>
#include <gost/core/testing/mocks/common/net.hpp>
#include <gost/core/testing/mocks/connector.hpp>
#include <gost/core/testing/mocks/dialer.hpp>

#include "reference/transport.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

// Optional interfaces come from the same object, as in Go.
class HandshakingDialer : public gc::dialer::MockDialer,
                          public gc::dialer::MockHandshaker,
                          public gc::dialer::MockMultiplexer {};
class FullConnector : public gc::connector::MockConnector,
                      public gc::connector::MockHandshaker,
                      public gc::connector::MockBinder {};

// Hands tr.Handshake a fresh connection and checks that the very same one
// comes back.
void HandshakeGivesTheConnectionBack(x::Transport& tr) {
  auto conn = AConn();
  auto* raw = conn.get();
  auto r = tr.Handshake(kBg, std::move(conn));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get(), raw);
}

TEST(Transport, DialHandsTheDialerTheNodeAddressHostAndNetworkDialer) {
  auto d = std::make_shared<gc::dialer::MockDialer>();
  auto c = std::make_shared<gc::connector::MockConnector>();
  auto netd = std::make_shared<gc::common::net::MockDialer>();
  x::Transport tr(d, c, netd, gc::chain::AddrTransportOption(std::string("node.example:1080")));
  gc::dialer::DialOptions seen;
  EXPECT_CALL(*d, Dial(_, "10.0.0.1:1080", _)).WillOnce([&](auto&, auto, gc::Variadic<gc::dialer::DialOption> o) {
    seen = gc::MakeOptions<gc::dialer::DialOptions>(o);
    return gc::Result<gc::net::ConnUniquePtr>(AConn());
  });
  ASSERT_TRUE(tr.Dial(kBg, "10.0.0.1:1080"));
  EXPECT_EQ(seen.Host, "node.example:1080");
  EXPECT_EQ(seen.Dialer, netd);
}

TEST(Transport, DialGoesThroughTheRouteInItsOptionsWhenThatHasNodes) {
  auto d = std::make_shared<gc::dialer::MockDialer>();
  auto netd = std::make_shared<gc::common::net::MockDialer>();
  auto route = std::make_shared<gc::chain::MockRoute>();
  x::Transport tr(d, std::make_shared<gc::connector::MockConnector>(), netd);
  tr.Options()->Route = route;
  EXPECT_CALL(*route, Nodes()).WillRepeatedly(Return(std::vector<gc::chain::NodePtr>{gc::chain::NewNode("a", "a:1")}));
  EXPECT_CALL(*route, Dial(_, "tcp", "10.0.0.1:1080", _)).WillOnce(Return(ByMove(AConn())));
  EXPECT_CALL(*netd, Dial).Times(0);
  EXPECT_CALL(*d, Dial(_, "10.0.0.1:1080", _))
      .WillOnce([](auto& ctx, auto addr, gc::Variadic<gc::dialer::DialOption> o) {
        // A dialer opens its raw connection with the dialer it is handed.
        return gc::MakeOptions<gc::dialer::DialOptions>(o).Dialer->Dial(ctx, "tcp", addr);
      });
  EXPECT_TRUE(tr.Dial(kBg, "10.0.0.1:1080"));

  // A route without nodes is not used.
  auto empty = std::make_shared<gc::chain::MockRoute>();
  EXPECT_CALL(*empty, Nodes()).WillRepeatedly(Return(std::vector<gc::chain::NodePtr>{}));
  tr.Options()->Route = empty;
  gc::common::net::DialerPtr handed;
  EXPECT_CALL(*d, Dial(_, "10.0.0.2:1080", _)).WillOnce([&](auto&, auto, gc::Variadic<gc::dialer::DialOption> o) {
    handed = gc::MakeOptions<gc::dialer::DialOptions>(o).Dialer;
    return gc::Result<gc::net::ConnUniquePtr>(AConn());
  });
  EXPECT_TRUE(tr.Dial(kBg, "10.0.0.2:1080"));
  EXPECT_EQ(handed, netd);
}

TEST(Transport, HandshakeRunsTheDialersThenTheConnectorsWhenTheyHaveOne) {
  auto d = std::make_shared<HandshakingDialer>();
  auto c = std::make_shared<FullConnector>();
  x::Transport tr(d, c, nullptr, gc::chain::AddrTransportOption(std::string("node:1")));
  {
    InSequence order;
    EXPECT_CALL(static_cast<gc::dialer::MockHandshaker&>(*d), Handshake(_, _, _))
        .WillOnce([](auto&, gc::net::ConnUniquePtr conn, gc::Variadic<gc::dialer::HandshakeOption> o) {
          EXPECT_EQ(gc::MakeOptions<gc::dialer::HandshakeOptions>(o).Addr, "node:1");
          return gc::Result<gc::net::ConnUniquePtr>(std::move(conn));
        });
    EXPECT_CALL(static_cast<gc::connector::MockHandshaker&>(*c), Handshake(_, _))
        .WillOnce(
            [](auto&, gc::net::ConnUniquePtr conn) { return gc::Result<gc::net::ConnUniquePtr>(std::move(conn)); });
  }
  HandshakeGivesTheConnectionBack(tr);
}

TEST(Transport, HandshakeStopsAtTheDialersFailure) {
  auto d = std::make_shared<HandshakingDialer>();
  auto c = std::make_shared<FullConnector>();
  x::Transport tr(d, c, nullptr);
  const gc::Error refused = gc::errors::New("refused");
  EXPECT_CALL(static_cast<gc::dialer::MockHandshaker&>(*d), Handshake(_, _, _)).WillOnce(Return(ByMove(refused)));
  EXPECT_CALL(static_cast<gc::connector::MockHandshaker&>(*c), Handshake).Times(0);
  auto r = tr.Handshake(kBg, AConn());
  ASSERT_FALSE(r);
  EXPECT_TRUE(gc::errors::Is(r.error(), refused));
}

TEST(Transport, WithoutHandshakersTheConnectionPassesThrough) {
  x::Transport tr(std::make_shared<gc::dialer::MockDialer>(), std::make_shared<gc::connector::MockConnector>(),
                  nullptr);
  HandshakeGivesTheConnectionBack(tr);
}

TEST(Transport, ConnectHandsTheConnectorTheNetworkDialer) {
  auto c = std::make_shared<gc::connector::MockConnector>();
  auto netd = std::make_shared<gc::common::net::MockDialer>();
  x::Transport tr(std::make_shared<gc::dialer::MockDialer>(), c, netd);
  EXPECT_CALL(*c, Connect(_, _, "tcp", "db:5432", _))
      .WillOnce([&](auto&, gc::net::ConnUniquePtr conn, auto, auto, gc::Variadic<gc::connector::ConnectOption> o) {
        EXPECT_EQ(gc::MakeOptions<gc::connector::ConnectOptions>(o).Dialer, netd);
        return gc::Result<gc::net::ConnUniquePtr>(std::move(conn));
      });
  EXPECT_TRUE(tr.Connect(kBg, AConn(), "tcp", "db:5432"));
}

TEST(Transport, BindNeedsABinderAndPassesItsOptionsOn) {
  auto c = std::make_shared<FullConnector>();
  x::Transport tr(std::make_shared<gc::dialer::MockDialer>(), c, nullptr);
  EXPECT_CALL(static_cast<gc::connector::MockBinder&>(*c), Bind(_, _, "tcp", ":8080", _))
      .WillOnce([](auto&, auto, auto, auto, gc::Variadic<gc::connector::BindOption> o) {
        const auto opts = gc::MakeOptions<gc::connector::BindOptions>(o);
        EXPECT_EQ(opts.Backlog, 7);
        EXPECT_TRUE(opts.Mux);
        return gc::Result<gc::net::ListenerUniquePtr>(std::make_unique<gc::net::PipeListener>());
      });
  EXPECT_TRUE(
      tr.Bind(kBg, AConn(), "tcp", ":8080", {gc::connector::BacklogBindOption(7), gc::connector::MuxBindOption(true)}));

  x::Transport plain(std::make_shared<gc::dialer::MockDialer>(), std::make_shared<gc::connector::MockConnector>(),
                     nullptr);
  auto ln = plain.Bind(kBg, AConn(), "tcp", ":8080");
  ASSERT_FALSE(ln);
  EXPECT_TRUE(gc::errors::Is(ln.error(), gc::connector::ErrBindUnsupported));
}

TEST(Transport, MultiplexIsTheDialersAnswer) {
  auto d = std::make_shared<HandshakingDialer>();
  x::Transport tr(d, std::make_shared<gc::connector::MockConnector>(), nullptr);
  EXPECT_CALL(*d, Multiplex()).WillOnce(Return(true)).WillOnce(Return(false));
  EXPECT_TRUE(tr.Multiplex());
  EXPECT_FALSE(tr.Multiplex());
  x::Transport plain(std::make_shared<gc::dialer::MockDialer>(), std::make_shared<gc::connector::MockConnector>(),
                     nullptr);
  EXPECT_FALSE(plain.Multiplex());
}

TEST(Transport, ACopyHasOptionsOfItsOwn) {
  auto tr =
      x::NewTransport(std::make_shared<gc::dialer::MockDialer>(), std::make_shared<gc::connector::MockConnector>(),
                      nullptr, gc::chain::AddrTransportOption(std::string("a:1")));
  auto copy = tr->Copy();
  ASSERT_NE(copy, tr);
  copy->Options()->Addr = "b:2";
  EXPECT_EQ(tr->Options()->Addr, "a:1");
  EXPECT_EQ(copy->Options()->Addr, "b:2");
}

}  // namespace
}  // namespace gost::x::test
