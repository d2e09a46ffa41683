// Tests for gost/core/router/router.hpp: the options, Route and the Router
// interface.
#include "gost/core/router/router.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/router.hpp"
#include "support/option_cases.hpp"

namespace gost::core::router {
namespace {

static_assert(detail::kIsInterface<Router>);

TEST(RouterOptions, IDOptionSetsID) {
  testsupport::ExpectOneStringFieldOption<Options>("IDOption", IDOption, &Options::ID);
}

TEST(Route, Fields) {
  const Route empty;
  EXPECT_FALSE(empty.Net.has_value());
  EXPECT_TRUE(empty.Dst.empty());
  EXPECT_TRUE(empty.Gateway.empty());

  const auto cidr = net::ParseCIDR("172.10.10.5/24").value();
  const Route r{cidr.Net, "172.10.10.0/24", "10.0.0.1"};
  ASSERT_TRUE(r.Net);
  EXPECT_EQ(r.Net->String(), "172.10.10.0/24");
  EXPECT_EQ(r, (Route{net::IPNet(net::IP::V4(172, 10, 10, 0), 24), "172.10.10.0/24", "10.0.0.1"}));
  EXPECT_NE(r, (Route{std::nullopt, "172.10.10.0/24", "10.0.0.1"}));
}

// Longest-prefix match over Dst strings in CIDR form, per table ID.
class Table final : public Router {
 public:
  void Add(const std::string& id, Route r) { tables_[id].push_back(std::make_shared<Route>(std::move(r))); }

  std::shared_ptr<Route> GetRoute(const context::Context& ctx, std::string_view dst, Variadic<Option> opts) override {
    if (ctx.Done()) return nullptr;
    auto ip = net::ParseIP(dst);
    if (!ip) return nullptr;  // not an address
    const auto o = MakeOptions<Options>(opts);
    auto t = tables_.find(o.ID);
    if (t == tables_.end()) return nullptr;
    std::shared_ptr<Route> best;
    int best_bits = -1;
    for (const auto& r : t->second) {
      auto c = net::ParseCIDR(r->Dst);
      if (c && c->Net.Contains(*ip) && c->Net.Bits() > best_bits) {
        best = r;
        best_bits = c->Net.Bits();
      }
    }
    return best;
  }

 private:
  std::map<std::string, std::vector<std::shared_ptr<Route>>> tables_;
};

TEST(Router, GetRouteThroughTheInterface) {
  auto table = std::make_shared<Table>();
  table->Add("", {std::nullopt, "0.0.0.0/0", "192.0.2.1"});
  table->Add("", {std::nullopt, "10.0.0.0/8", "10.255.255.254"});
  table->Add("", {std::nullopt, "10.1.0.0/16", ""});
  table->Add("vpn", {std::nullopt, "10.0.0.0/8", "100.64.0.1"});
  const RouterPtr r = table;
  const context::Context ctx;

  auto route = r->GetRoute(ctx, "10.1.2.3");
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->Dst, "10.1.0.0/16");
  EXPECT_TRUE(route->Gateway.empty());
  EXPECT_EQ(r->GetRoute(ctx, "10.9.9.9")->Gateway, "10.255.255.254");
  EXPECT_EQ(r->GetRoute(ctx, "8.8.8.8")->Gateway, "192.0.2.1");
  EXPECT_EQ(r->GetRoute(ctx, "10.1.2.3", IDOption("vpn"))->Gateway, "100.64.0.1");
  EXPECT_EQ(r->GetRoute(ctx, "10.1.2.3", {IDOption("vpn"), IDOption("")})->Dst, "10.1.0.0/16");

  // Bad input and misses give null.
  EXPECT_EQ(r->GetRoute(ctx, ""), nullptr);
  EXPECT_EQ(r->GetRoute(ctx, "not-an-ip"), nullptr);
  EXPECT_EQ(r->GetRoute(ctx, "10.1.2.300"), nullptr);
  EXPECT_EQ(r->GetRoute(ctx, "2001:db8::1"), nullptr);  // no IPv6 route
  EXPECT_EQ(r->GetRoute(ctx, "8.8.8.8", IDOption("vpn")), nullptr);
  EXPECT_EQ(r->GetRoute(ctx, "8.8.8.8", IDOption("missing")), nullptr);
}

TEST(Router, Mock) {
  auto mock = std::make_shared<MockRouter>();
  auto route = std::make_shared<Route>(Route{std::nullopt, "0.0.0.0/0", "gw"});
  EXPECT_CALL(*mock, GetRoute(::testing::_, ::testing::Eq("1.1.1.1"), ::testing::_))
      .WillOnce(::testing::Return(route));
  EXPECT_CALL(*mock, GetRoute(::testing::_, ::testing::Eq("x"), ::testing::_)).WillOnce(::testing::Return(nullptr));
  const RouterPtr r = mock;
  EXPECT_EQ(r->GetRoute(context::Background(), "1.1.1.1"), route);
  EXPECT_EQ(r->GetRoute(context::Background(), "x"), nullptr);
}

}  // namespace
}  // namespace gost::core::router
