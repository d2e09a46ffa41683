// Tests for gost/core/resolver/resolver.hpp: ErrInvalid, the (empty)
// options and the Resolver interface.
#include "gost/core/resolver/resolver.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/resolver.hpp"
#include "support/option_cases.hpp"

namespace gost::core::resolver {
namespace {

static_assert(detail::kIsInterface<Resolver>);

TEST(ResolverErrInvalid, IsASentinel) {
  ASSERT_TRUE(ErrInvalid);
  EXPECT_EQ(ErrInvalid.Message(), "invalid resolver");
  // An errors::New value, as upstream's: its identity is what matches.
  EXPECT_EQ(ErrInvalid.Code(), errors::Code::Generic);
  EXPECT_TRUE(errors::Is(ErrInvalid, ErrInvalid));
  // A copy and a wrapped one match.
  const Error copy = ErrInvalid;
  EXPECT_TRUE(errors::Is(copy, ErrInvalid));
  const Error wrapped = errors::Wrap(ErrInvalid, "resolve example.com");
  EXPECT_TRUE(errors::Is(wrapped, ErrInvalid));
  EXPECT_EQ(wrapped.Message(), "resolve example.com: invalid resolver");
  // Others do not.
  EXPECT_FALSE(errors::Is(errors::New("invalid resolver"), ErrInvalid));
  EXPECT_FALSE(errors::Is(context::Canceled, ErrInvalid));
  EXPECT_FALSE(errors::Is(Error{}, ErrInvalid));
  EXPECT_FALSE(errors::Is(ErrInvalid, context::Canceled));
  EXPECT_FALSE(ErrInvalid.Timeout());
}

TEST(ResolverOptions, OptionsApplyInOrderAndEmptyOnesAreSkipped) {
  testsupport::ExpectEmptyOptionsRunInOrder<Options, Option>();
}

// A table-backed resolver; without a table it is "not configured" and
// fails with ErrInvalid, as the header documents.
class TableResolver final : public Resolver {
 public:
  TableResolver() = default;
  explicit TableResolver(std::map<std::string, std::vector<net::IP>> table)
      : table_(std::move(table)), configured_(true) {}

  Result<std::vector<net::IP>> Resolve(const context::Context& ctx, std::string_view network, std::string_view host,
                                       Variadic<Option> opts) override {
    (void)MakeOptions<Options>(opts);
    if (!configured_) return ErrInvalid;
    if (auto err = ctx.Err()) return err;
    if (network.empty()) network = "ip";
    if (network != "ip" && network != "ip4" && network != "ip6") {
      return errors::WithCode(errors::Code::InvalidArgument, "unknown network " + std::string(network));
    }
    auto it = table_.find(std::string(host));
    if (host.empty() || it == table_.end()) return errors::New("no such host");
    std::vector<net::IP> out;
    for (const auto& ip : it->second) {
      if (network == "ip" || (network == "ip4") == ip.Is4()) out.push_back(ip);
    }
    return out;
  }

 private:
  std::map<std::string, std::vector<net::IP>> table_;
  bool configured_ = false;
};

TEST(Resolver, ResolvesThroughTheInterface) {
  const auto v4 = net::IP::V4(198, 51, 100, 7);
  const auto v6 = net::ParseIP("2001:db8::7").value();
  const ResolverPtr r = std::make_shared<TableResolver>(
      std::map<std::string, std::vector<net::IP>>{{"example.com", {v4, v6}}, {"v6.test", {v6}}});
  const context::Context ctx;

  auto all = r->Resolve(ctx, "ip", "example.com");
  ASSERT_TRUE(all) << all.error();
  EXPECT_EQ(*all, (std::vector<net::IP>{v4, v6}));
  EXPECT_EQ(r->Resolve(ctx, "ip4", "example.com", Option{}).value(), std::vector<net::IP>{v4});
  EXPECT_EQ(r->Resolve(ctx, "ip6", "example.com").value(), std::vector<net::IP>{v6});
  EXPECT_EQ(r->Resolve(ctx, "", "example.com").value().size(), 2U);  // "" means "ip"
  // Exists, but no address of the family: an empty list, no error.
  auto none = r->Resolve(ctx, "ip4", "v6.test");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST(Resolver, Failures) {
  const ResolverPtr unconfigured = std::make_shared<TableResolver>();
  const context::Context ctx;
  auto bad = unconfigured->Resolve(ctx, "ip", "example.com");
  ASSERT_FALSE(bad);
  EXPECT_TRUE(errors::Is(bad.error(), ErrInvalid));
  EXPECT_THROW((void)bad.value(), BadResultAccess);

  const ResolverPtr r =
      std::make_shared<TableResolver>(std::map<std::string, std::vector<net::IP>>{{"a.test", {net::IP::V4(1, 1, 1, 1)}}});
  auto missing = r->Resolve(ctx, "ip", "b.test");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().Message(), "no such host");
  EXPECT_FALSE(errors::Is(missing.error(), ErrInvalid));
  EXPECT_FALSE(r->Resolve(ctx, "ip", ""));
  auto net_err = r->Resolve(ctx, "tcp", "a.test");
  ASSERT_FALSE(net_err);
  EXPECT_EQ(net_err.error().Code(), errors::Code::InvalidArgument);

  auto [cctx, cancel] = context::WithCancel(ctx);
  cancel();
  EXPECT_TRUE(errors::Is(r->Resolve(cctx, "ip", "a.test").error(), context::Canceled));
}

TEST(Resolver, Mock) {
  auto mock = std::make_shared<MockResolver>();
  EXPECT_CALL(*mock, Resolve(::testing::_, ::testing::Eq("ip"), ::testing::Eq("x"), ::testing::_))
      .WillOnce(::testing::Return(Result<std::vector<net::IP>>(ErrInvalid)))
      .WillOnce(::testing::Return(Result<std::vector<net::IP>>(std::vector<net::IP>{net::IP::V4(10, 0, 0, 1)})));
  const ResolverPtr r = mock;
  EXPECT_TRUE(errors::Is(r->Resolve(context::Background(), "ip", "x").error(), ErrInvalid));
  EXPECT_EQ(r->Resolve(context::Background(), "ip", "x").value().at(0), net::IP::V4(10, 0, 0, 1));
}

}  // namespace
}  // namespace gost::core::resolver
