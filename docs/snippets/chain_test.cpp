// docs/snippets: the guide's transport in a chain: nodes whose Transporter
// is the reference set's gost::x::Transport over the HelloDialer and the
// LineConnector, and the reference gost::x::NodeRoute through them
// (docs/implementing-a-transport.md).
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

#include <gost/core/chain/node.hpp>

#include "hello_dialer.hpp"
#include "line_connector.hpp"
#include "reference/metadata.hpp"
#include "reference/route.hpp"
#include "reference/transport.hpp"
#include "test_network.hpp"

namespace {

namespace gc = gost::core;
using mytransport::test::Echo;
using mytransport::test::MemNet;
using mytransport::test::ProxyNode;
using mytransport::test::Server;

// A node named `name` at `addr` that greets with `token`.
gc::chain::NodePtr MakeNode(const std::string& name, const std::string& addr, const std::string& token,
                            const gc::common::net::DialerPtr& network) {
  auto md = gost::x::NewMetadata();
  md->Set("token", token);
  auto dialer = std::make_shared<mytransport::HelloDialer>();
  if (gc::Error err = dialer->Init(md)) throw std::runtime_error(err.Message());
  auto connector = std::make_shared<mytransport::LineConnector>();
  auto transport = gost::x::NewTransport(dialer, connector, network, gc::chain::AddrTransportOption(addr));
  return gc::chain::NewNode(name, addr, {gc::chain::TransportNodeOption(transport), gc::chain::MetadataNodeOption(md)});
}

// Writes `text` on `conn` and reads as many bytes back.
std::string RoundTrip(gc::net::Conn& conn, const std::string& text) {
  if (conn.Write(gc::AsBytes(text)).err) return "<write failed>";
  std::string got(text.size(), '\0');
  std::size_t n = 0;
  while (n < got.size()) {
    auto r = conn.Read(std::as_writable_bytes(std::span(got)).subspan(n));
    n += r.n;
    if (r.err) return "<read failed: " + r.err.Message() + ">";
  }
  return got;
}

// An echo server at echo:7 behind two proxies: a:1080 wants the greeting
// "alpha", b:1080 wants "beta".
class TwoProxies : public ::testing::Test {
 protected:
  // A route through a then b, greeting b with `b_token`.
  gost::x::NodeRoute Route(const std::string& b_token = "beta") const {
    return gost::x::NodeRoute(std::vector<gc::chain::NodePtr>{MakeNode("a", "a:1080", "alpha", net->Dialer()),
                                                              MakeNode("b", "b:1080", b_token, net->Dialer())});
  }

  std::shared_ptr<MemNet> net = std::make_shared<MemNet>();
  Server echo{*net, "echo:7", Echo()};
  ProxyNode a{net, "a:1080", "alpha"};
  ProxyNode b{net, "b:1080", "beta"};
};

TEST_F(TwoProxies, DialsThroughBoth) {
  auto route = Route();
  auto [ctx, cancel] = gc::context::WithTimeout(gc::context::Background(), std::chrono::seconds(10));
  auto conn = route.Dial(ctx, "tcp", "echo:7");
  ASSERT_TRUE(conn) << conn.error().Message();

  EXPECT_EQ(RoundTrip(**conn, "ping"), "ping");
  EXPECT_EQ(RoundTrip(**conn, std::string(10000, 'z')), std::string(10000, 'z'));
  for (const auto& node : route.Nodes()) EXPECT_EQ(node->Marker()->Count(), 0) << node->Name;
  (void)(*conn)->Close();
  cancel();
}

TEST_F(TwoProxies, ANodeThatRefusesTheGreetingIsMarked) {
  auto route = Route("wrong");
  auto conn = route.Dial(gc::context::Background(), "tcp", "echo:7");
  ASSERT_FALSE(conn);
  EXPECT_NE(conn.error().Message().find("DENIED"), std::string::npos) << conn.error().Message();
  EXPECT_EQ(route.Nodes()[0]->Marker()->Count(), 0);
  EXPECT_EQ(route.Nodes()[1]->Marker()->Count(), 1);
}

TEST(Chain, AnUnreachableDestinationIsReported) {
  auto net = std::make_shared<MemNet>();
  ProxyNode a(net, "a:1080", "alpha");

  gost::x::NodeRoute route(std::vector<gc::chain::NodePtr>{MakeNode("a", "a:1080", "alpha", net->Dialer())});
  auto conn = route.Dial(gc::context::Background(), "tcp", "nowhere:1");
  ASSERT_FALSE(conn);
  EXPECT_NE(conn.error().Message().find("cannot reach nowhere:1"), std::string::npos) << conn.error().Message();
}

TEST(Chain, AnUnreachableFirstNodeIsMarked) {
  auto net = std::make_shared<MemNet>();
  gost::x::NodeRoute route(std::vector<gc::chain::NodePtr>{MakeNode("a", "a:1080", "alpha", net->Dialer())});
  auto conn = route.Dial(gc::context::Background(), "tcp", "echo:7");
  ASSERT_FALSE(conn);
  EXPECT_EQ(route.Nodes()[0]->Marker()->Count(), 1);
}

TEST(Chain, RoutesNeedNodesWithTransports) {
  auto none = gost::x::NodeRoute(std::vector<gc::chain::NodePtr>{}).Dial(gc::context::Background(), "tcp", "echo:7");
  ASSERT_FALSE(none);
  EXPECT_TRUE(gc::errors::Is(none.error(), gost::x::ErrEmptyRoute));
  gost::x::NodeRoute bare(std::vector<gc::chain::NodePtr>{gc::chain::NewNode("bare", "bare:1")});
  auto dialed = bare.Dial(gc::context::Background(), "tcp", "echo:7");
  ASSERT_FALSE(dialed);
  EXPECT_TRUE(gc::errors::Is(dialed.error(), gost::x::ErrEmptyRoute));
  EXPECT_TRUE(gc::errors::Is(bare.Bind(gc::context::Background(), "tcp", ":80").error(), gost::x::ErrEmptyRoute));
  EXPECT_EQ(bare.Nodes()[0]->Marker()->Count(), 2);
}

TEST(Chain, TheTransportBindsOnlyWithABinder) {
  auto net = std::make_shared<MemNet>();
  auto node = MakeNode("a", "a:1080", "alpha", net->Dialer());
  auto [client, server] = gc::net::Pipe();
  auto ln = node->Options().Transport->Bind(gc::context::Background(), std::move(client), "tcp", ":80");
  ASSERT_FALSE(ln);
  EXPECT_TRUE(gc::errors::Is(ln.error(), gc::connector::ErrBindUnsupported));
  EXPECT_FALSE(node->Options().Transport->Multiplex());
  // A copy has options of its own.
  auto copy = node->Options().Transport->Copy();
  copy->Options()->Addr = "elsewhere:1";
  EXPECT_EQ(node->Options().Transport->Options()->Addr, "a:1080");
}

}  // namespace
