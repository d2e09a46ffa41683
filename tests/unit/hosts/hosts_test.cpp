// Tests for gost/core/hosts/hosts.hpp: the (empty) options, LookupResult
// and the HostMapper interface.
#include "gost/core/hosts/hosts.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/hosts.hpp"
#include "support/option_cases.hpp"

namespace gost::core::hosts {
namespace {

static_assert(detail::kIsInterface<HostMapper>);

TEST(HostsOptions, OptionsApplyInOrderAndEmptyOnesAreSkipped) {
  testsupport::ExpectEmptyOptionsRunInOrder<Options, Option>();
}

TEST(LookupResult, DefaultIsNotFound) {
  const LookupResult r;
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.ips.empty());
  EXPECT_NE(r, (LookupResult{{}, true}));
  EXPECT_NE((LookupResult{{net::IP::V4(1, 2, 3, 4)}, true}), (LookupResult{{net::IP::V4(1, 2, 3, 5)}, true}));
}

// A fixed table; names are case-insensitive like /etc/hosts, and `network`
// filters the address family.
class Table final : public HostMapper {
 public:
  explicit Table(std::map<std::string, std::vector<net::IP>> m) : m_(std::move(m)) {}

  LookupResult Lookup(const context::Context& ctx, std::string_view network, std::string_view host,
                      Variadic<Option> opts) override {
    (void)MakeOptions<Options>(opts);
    if (ctx.Done() || host.empty()) return {};
    std::string key;
    for (char c : host) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    auto it = m_.find(key);
    if (it == m_.end()) return {};
    LookupResult r{{}, true};
    for (const auto& ip : it->second) {
      if (network == "ip" || (network == "ip4" && ip.Is4()) || (network == "ip6" && !ip.Is4())) {
        r.ips.push_back(ip);
      }
    }
    return r;
  }

 private:
  std::map<std::string, std::vector<net::IP>> m_;
};

TEST(HostMapper, LookupThroughTheInterface) {
  const auto v4 = net::IP::V4(192, 0, 2, 1);
  const auto v6 = net::ParseIP("2001:db8::1").value();
  const HostMapperPtr hm = std::make_shared<Table>(std::map<std::string, std::vector<net::IP>>{
      {"example.com", {v4, v6}}, {"v4only.test", {v4}}});
  const context::Context ctx;

  EXPECT_EQ(hm->Lookup(ctx, "ip", "example.com"), (LookupResult{{v4, v6}, true}));
  EXPECT_EQ(hm->Lookup(ctx, "ip4", "EXAMPLE.com", Option{}), (LookupResult{{v4}, true}));
  EXPECT_EQ(hm->Lookup(ctx, "ip6", "example.com"), (LookupResult{{v6}, true}));
  // Known name, no address of that family: found, but empty.
  EXPECT_EQ(hm->Lookup(ctx, "ip6", "v4only.test"), (LookupResult{{}, true}));
  // Unknown, empty or malformed names: not found (fall back to DNS).
  EXPECT_FALSE(hm->Lookup(ctx, "ip", "missing.test").ok);
  EXPECT_FALSE(hm->Lookup(ctx, "ip", "").ok);
  EXPECT_FALSE(hm->Lookup(ctx, "ip", "example.com.").ok);
  EXPECT_FALSE(hm->Lookup(ctx, "ip", std::string_view("example.com\0", 12)).ok);
  // Unknown network: found, nothing of that family.
  EXPECT_EQ(hm->Lookup(ctx, "tcp", "example.com"), (LookupResult{{}, true}));
}

TEST(HostMapper, MockReturnsAResult) {
  auto mock = std::make_shared<MockHostMapper>();
  EXPECT_CALL(*mock, Lookup(::testing::_, ::testing::Eq("ip4"), ::testing::Eq("h"), ::testing::_))
      .WillOnce(::testing::Return(LookupResult{{net::IP::V4(127, 0, 0, 1)}, true}));
  const HostMapperPtr hm = mock;
  const auto r = hm->Lookup(context::Background(), "ip4", "h");
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.ips.size(), 1U);
  EXPECT_TRUE(r.ips[0].IsLoopback());
}

}  // namespace
}  // namespace gost::core::hosts
