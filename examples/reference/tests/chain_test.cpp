// gost::x::Chain: one node from each hop makes a route (go-gost/x
// chain/chain.go), multiplexing nodes carry the route before them.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/testing/mocks/chain.hpp>
#include <gost/core/testing/mocks/hop.hpp>

#include "reference/chain.hpp"
#include "reference/logger.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

// A hop that always gives `node` and remembers what it was asked.
std::shared_ptr<gc::hop::MockHop> HopOf(const gc::chain::NodePtr& node, gc::hop::SelectOptions* asked = nullptr) {
  auto hop = std::make_shared<gc::hop::MockHop>();
  EXPECT_CALL(*hop, Select).WillRepeatedly([node, asked](auto&, gc::Variadic<gc::hop::SelectOption> o) {
    if (asked != nullptr) *asked = gc::MakeOptions<gc::hop::SelectOptions>(o);
    return node;
  });
  return hop;
}

TEST(Chain, WithoutHopsThereIsNoRoute) {
  auto chain = x::NewChain("c", nullptr);
  EXPECT_EQ(chain->Route(kBg, "tcp", "db:5432"), nullptr);
  EXPECT_EQ(chain->Name(), "c");
  ASSERT_NE(chain->Marker(), nullptr);
}

TEST(Chain, TakesOneNodeFromEachHopInOrder) {
  auto a = gc::chain::NewNode("a", "10.0.0.1:1080");
  auto b = gc::chain::NewNode("b", "10.0.0.2:1080");
  gc::hop::SelectOptions asked;
  auto chain = x::NewChain("c", nullptr);
  chain->AddHop(HopOf(a, &asked));
  chain->AddHop(HopOf(b));
  auto route = chain->Route(kBg, "tcp", "10.0.0.7:5432", gc::chain::WithHostRouteOption(std::string("db:5432")));
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->Nodes(), (std::vector<gc::chain::NodePtr>{a, b}));
  EXPECT_EQ(asked.Network, "tcp");
  EXPECT_EQ(asked.Addr, "10.0.0.7:5432");
  EXPECT_EQ(asked.Host, "db:5432");
}

TEST(Chain, AHopWithoutANodeEndsTheRouteThere) {
  auto a = gc::chain::NewNode("a", "10.0.0.1:1080");
  auto c = gc::chain::NewNode("c", "10.0.0.3:1080");
  auto chain = x::NewChain("chain", nullptr, x::NewLogger(""));
  chain->AddHop(HopOf(a));
  chain->AddHop(HopOf(nullptr));
  chain->AddHop(HopOf(c));
  ::testing::internal::CaptureStdout();
  auto route = chain->Route(kBg, "tcp", "db:5432");
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "chain: hop 2 gave no node: the route ends with 1 node(s)\n");
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->Nodes(), (std::vector<gc::chain::NodePtr>{a}));

  // An empty route dials directly.
  auto direct = std::make_shared<gc::chain::MockRoute>();
  auto none = x::NewChain("none", direct);
  none->AddHop(HopOf(nullptr));
  auto empty = none->Route(kBg, "tcp", "db:5432");
  ASSERT_NE(empty, nullptr);
  EXPECT_TRUE(empty->Nodes().empty());
  EXPECT_CALL(*direct, Dial(_, "tcp", "db:5432", _)).WillOnce(Return(::testing::ByMove(gc::errors::New("direct"))));
  EXPECT_EQ(empty->Dial(kBg, "tcp", "db:5432").error().Message(), "direct");
}

TEST(Chain, AMultiplexingNodeCarriesTheRouteBeforeIt) {
  auto a = gc::chain::NewNode("a", "10.0.0.1:1080");
  auto mux_tr = std::make_shared<NiceMock<gc::chain::MockTransporter>>();
  auto copy_tr = std::make_shared<NiceMock<gc::chain::MockTransporter>>();
  gc::chain::TransportOptions copy_options;
  ON_CALL(*mux_tr, Multiplex()).WillByDefault(Return(true));
  EXPECT_CALL(*mux_tr, Copy()).WillOnce(Return(copy_tr));
  ON_CALL(*copy_tr, Options()).WillByDefault(Return(&copy_options));
  auto m = gc::chain::NewNode("m", "10.0.0.2:1080", gc::chain::TransportNodeOption(mux_tr));
  auto b = gc::chain::NewNode("b", "10.0.0.3:1080");

  auto chain = x::NewChain("c", nullptr);
  chain->AddHop(HopOf(a));
  chain->AddHop(HopOf(m));
  chain->AddHop(HopOf(b));
  auto route = chain->Route(kBg, "tcp", "db:5432");
  ASSERT_NE(route, nullptr);
  const auto nodes = route->Nodes();
  ASSERT_EQ(nodes.size(), 2U);
  // The route starts again at a copy of m, whose transport copy holds the
  // route through a; m itself is left as it was.
  EXPECT_NE(nodes[0], m);
  EXPECT_EQ(nodes[0]->Name, "m");
  EXPECT_EQ(nodes[0]->Options().Transport, copy_tr);
  EXPECT_EQ(m->Options().Transport, mux_tr);
  EXPECT_EQ(nodes[1], b);
  ASSERT_NE(copy_options.Route, nullptr);
  EXPECT_EQ(copy_options.Route->Nodes(), (std::vector<gc::chain::NodePtr>{a}));
}

}  // namespace
}  // namespace gost::x::test
