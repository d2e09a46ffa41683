// gost::x::Router: resolution, routes from the chain, retries, per-attempt
// timeouts and recorders, as go-gost/x chain/router.go does them.
#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/recorder/recorder.hpp>
#include <gost/core/testing/mocks/chain.hpp>
#include <gost/core/testing/mocks/hosts.hpp>
#include <gost/core/testing/mocks/recorder.hpp>
#include <gost/core/testing/mocks/resolver.hpp>

#include "reference/router.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using namespace std::chrono_literals;

// A chain that always gives `route`, and remembers the address asked for.
std::shared_ptr<gc::chain::MockChainer> ChainOf(const gc::chain::RoutePtr& route, std::vector<std::string>* asked) {
  auto chain = std::make_shared<gc::chain::MockChainer>();
  EXPECT_CALL(*chain, Route).WillRepeatedly([route, asked](auto&, auto, std::string_view addr, auto) {
    if (asked != nullptr) asked->emplace_back(addr);
    return route;
  });
  return chain;
}

std::shared_ptr<gc::chain::MockRoute> RouteWithNodes() {
  auto route = std::make_shared<gc::chain::MockRoute>();
  EXPECT_CALL(*route, Nodes()).WillRepeatedly(Return(std::vector<gc::chain::NodePtr>{gc::chain::NewNode("a", "a:1")}));
  return route;
}

TEST(Router, WithoutAChainItDialsDirectly) {
  auto direct = std::make_shared<gc::chain::MockRoute>();
  x::Router router(direct);
  EXPECT_CALL(*direct, Dial(_, "tcp", "10.0.0.7:5432", _)).WillOnce(Return(ByMove(AConn())));
  EXPECT_TRUE(router.Dial(kBg, "tcp", "10.0.0.7:5432"));
  EXPECT_EQ(router.Options()->Timeout, 15s);  // go-gost/x's default
}

TEST(Router, RetriesUpToRetriesPlusOneAttempts) {
  auto route = RouteWithNodes();
  const gc::Error refused = gc::errors::New("refused");
  x::Router once(nullptr, {gc::chain::ChainRouterOption(ChainOf(route, nullptr))});
  EXPECT_CALL(*route, Dial).WillOnce(Return(ByMove(refused)));
  auto r = once.Dial(kBg, "tcp", "10.0.0.7:5432");
  ASSERT_FALSE(r);
  EXPECT_TRUE(gc::errors::Is(r.error(), refused));

  x::Router twice(nullptr, {gc::chain::ChainRouterOption(ChainOf(route, nullptr)), gc::chain::RetriesRouterOption(1)});
  EXPECT_CALL(*route, Dial).WillOnce(Return(ByMove(refused))).WillOnce(Return(ByMove(AConn())));
  EXPECT_TRUE(twice.Dial(kBg, "tcp", "10.0.0.7:5432"));
}

TEST(Router, EachAttemptRunsUnderItsOwnTimeout) {
  auto route = RouteWithNodes();
  x::Router router(nullptr, {gc::chain::ChainRouterOption(ChainOf(route, nullptr)),
                             gc::chain::TimeoutRouterOption(gc::Duration(5s))});
  EXPECT_CALL(*route, Dial).WillOnce([](const gc::context::Context& ctx, auto, auto, auto) {
    const auto deadline = ctx.Deadline();
    EXPECT_TRUE(deadline.has_value());
    if (deadline) {
      const auto left = *deadline - gc::Now();
      EXPECT_GT(left, 4s);
      EXPECT_LE(left, 5s);
    }
    return gc::Result<gc::net::ConnUniquePtr>(AConn());
  });
  EXPECT_TRUE(router.Dial(kBg, "tcp", "10.0.0.7:5432"));
}

TEST(Router, NamesGoToTheHostMapperFirstThenTheResolver) {
  auto route = RouteWithNodes();
  std::vector<std::string> asked;
  auto hosts = std::make_shared<gc::hosts::MockHostMapper>();
  auto resolver = std::make_shared<gc::resolver::MockResolver>();
  x::Router router(nullptr, {gc::chain::ChainRouterOption(ChainOf(route, &asked)),
                             gc::chain::HostMapperRouterOption(hosts), gc::chain::ResolverRouterOption(resolver)});
  EXPECT_CALL(*hosts, Lookup(_, "ip", "db.internal", _))
      .WillOnce(Return(gc::hosts::LookupResult{{*gc::net::ParseIP("10.0.0.7")}, true}));
  EXPECT_CALL(*hosts, Lookup(_, "ip", "api.internal", _)).WillOnce(Return(gc::hosts::LookupResult{}));
  EXPECT_CALL(*resolver, Resolve(_, "ip", "api.internal", _))
      .WillOnce(Return(std::vector<gc::net::IP>{*gc::net::ParseIP("10.0.0.9")}));
  EXPECT_CALL(*route, Dial(_, "tcp", "10.0.0.7:5432", _)).WillOnce(Return(ByMove(AConn())));
  EXPECT_CALL(*route, Dial(_, "tcp", "10.0.0.9:8080", _)).WillOnce(Return(ByMove(AConn())));
  EXPECT_TRUE(router.Dial(kBg, "tcp", "db.internal:5432"));
  EXPECT_TRUE(router.Dial(kBg, "tcp", "api.internal:8080"));
  EXPECT_EQ(asked, (std::vector<std::string>{"10.0.0.7:5432", "10.0.0.9:8080"}));
}

TEST(Router, AResolverFailureFailsTheAttempt) {
  auto route = RouteWithNodes();
  auto resolver = std::make_shared<gc::resolver::MockResolver>();
  x::Router router(nullptr, {gc::chain::ChainRouterOption(ChainOf(route, nullptr)),
                             gc::chain::ResolverRouterOption(resolver), gc::chain::RetriesRouterOption(1)});
  const gc::Error nxdomain = gc::errors::New("no such host");
  EXPECT_CALL(*resolver, Resolve).WillOnce(Return(nxdomain)).WillOnce(Return(std::vector<gc::net::IP>{}));
  EXPECT_CALL(*route, Dial).Times(0);
  auto r = router.Dial(kBg, "tcp", "gone.example:80");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().Message().find("gone.example"), std::string::npos);  // the second attempt's error
}

TEST(Router, RecordsTheHostAndWhetherTheDialFailed) {
  auto direct = std::make_shared<gc::chain::MockRoute>();
  auto rec = std::make_shared<gc::recorder::MockRecorder>();
  auto errs = std::make_shared<gc::recorder::MockRecorder>();
  x::Router router(
      direct, gc::chain::RecordersRouterOption(
                  {gc::recorder::RecorderObject{rec, gc::recorder::RecorderServiceRouterDialAddress, {}, {}},
                   gc::recorder::RecorderObject{errs, gc::recorder::RecorderServiceRouterDialAddressError, {}, {}}}));
  std::vector<std::string> recorded;
  std::vector<std::string> failed;
  EXPECT_CALL(*rec, Record).WillRepeatedly([&](auto&, gc::ByteView b, auto) {
    recorded.emplace_back(gc::AsString(b));
    return gc::Error();
  });
  EXPECT_CALL(*errs, Record).WillRepeatedly([&](auto&, gc::ByteView b, auto) {
    failed.emplace_back(gc::AsString(b));
    return gc::Error();
  });
  EXPECT_CALL(*direct, Dial(_, _, "10.0.0.7:5432", _)).WillOnce(Return(ByMove(AConn())));
  EXPECT_CALL(*direct, Dial(_, _, "10.0.0.8:80", _)).WillOnce(Return(ByMove(gc::errors::New("refused"))));
  EXPECT_TRUE(router.Dial(kBg, "tcp", "10.0.0.7:5432"));
  EXPECT_FALSE(router.Dial(kBg, "tcp", "10.0.0.8:80"));
  EXPECT_EQ(recorded, (std::vector<std::string>{"10.0.0.7", "10.0.0.8"}));
  EXPECT_EQ(failed, (std::vector<std::string>{"10.0.0.8"}));
}

TEST(Router, TheCallersDialOptionsComeLast) {
  auto direct = std::make_shared<gc::chain::MockRoute>();
  auto mine = x::Nop();
  x::Router router(direct, {gc::chain::InterfaceRouterOption(std::string("eth0"))});
  EXPECT_CALL(*direct, Dial).WillOnce([&](auto&, auto, auto, gc::Variadic<gc::chain::DialOption> o) {
    const auto opts = gc::MakeOptions<gc::chain::DialOptions>(o);
    EXPECT_EQ(opts.Interface, "eth0");
    EXPECT_EQ(opts.Logger, mine);
    return gc::Result<gc::net::ConnUniquePtr>(AConn());
  });
  EXPECT_TRUE(router.Dial(kBg, "tcp", "10.0.0.7:5432", gc::chain::LoggerDialOption(mine)));
}

TEST(Router, BindNeedsARouteWithNodesWhenThereIsAChain) {
  auto empty = std::make_shared<gc::chain::MockRoute>();
  EXPECT_CALL(*empty, Nodes()).WillRepeatedly(Return(std::vector<gc::chain::NodePtr>{}));
  x::Router none(nullptr, {gc::chain::ChainRouterOption(ChainOf(empty, nullptr)), gc::chain::RetriesRouterOption(2)});
  auto ln = none.Bind(kBg, "tcp", ":8080");
  ASSERT_FALSE(ln);
  EXPECT_TRUE(gc::errors::Is(ln.error(), x::ErrEmptyRoute));

  auto route = RouteWithNodes();
  x::Router router(nullptr, {gc::chain::ChainRouterOption(ChainOf(route, nullptr))});
  EXPECT_CALL(*route, Bind(_, "tcp", ":8080", _))
      .WillOnce(Return(ByMove(gc::net::ListenerUniquePtr(std::make_unique<gc::net::PipeListener>()))));
  EXPECT_TRUE(router.Bind(kBg, "tcp", ":8080"));

  // Without a chain, Bind listens through the direct route.
  auto direct = std::make_shared<gc::chain::MockRoute>();
  x::Router plain(direct);
  EXPECT_CALL(*direct, Bind(_, "tcp", ":9090", _))
      .WillOnce(Return(ByMove(gc::net::ListenerUniquePtr(std::make_unique<gc::net::PipeListener>()))));
  EXPECT_TRUE(plain.Bind(kBg, "tcp", ":9090"));
}

}  // namespace
}  // namespace gost::x::test
