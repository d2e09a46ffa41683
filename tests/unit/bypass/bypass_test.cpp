// Tests for gost/core/bypass/bypass.hpp: the options and the Bypass
// interface.
#include "gost/core/bypass/bypass.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/go/net.hpp"
#include "gost/core/testing/mocks/bypass.hpp"
#include "support/option_cases.hpp"

namespace gost::core::bypass {
namespace {

static_assert(detail::kIsInterface<Bypass>);

std::string Describe(const Options& o) {
  return "{Service=" + o.Service + ", Host=" + o.Host + ", Path=" + o.Path + "}";
}

using OptionCase = testsupport::OptionCase<Options>;

TEST(BypassOptions, DefaultsAreEmpty) {
  const Options o;
  EXPECT_TRUE(o.Service.empty());
  EXPECT_TRUE(o.Host.empty());
  EXPECT_TRUE(o.Path.empty());
}

TEST(BypassOptions, EachOptionSetsExactlyItsField) {
  const std::vector<OptionCase> cases{
      {"WithService", WithService("svc"), [](Options& o) { o.Service = "svc"; }},
      {"WithHostOption", WithHostOption("example.com:443"), [](Options& o) { o.Host = "example.com:443"; }},
      {"WithPathOption", WithPathOption("/a/b?c"), [](Options& o) { o.Path = "/a/b?c"; }},
      {"WithHostOption empty", WithHostOption(""), [](Options& o) { o.Host.clear(); }},
  };
  testsupport::ExpectEachOptionSetsItsField<Options>(cases, {Options{}, Options{"s0", "h0", "p0"}}, Describe);
}

TEST(BypassOptions, LaterOptionWinsAndEmptyOnesAreSkipped) {
  const auto o = MakeOptions<Options>(
      {WithPathOption("/1"), WithHostOption("a"), nullptr, WithPathOption("/2"), Option{}, WithService("s")});
  EXPECT_EQ(o, (Options{"s", "a", "/2"})) << Describe(o);
}

// Rules: exact hosts and domain suffixes (".example.com"), in blacklist or
// whitelist mode; Contains applies the mode as the header documents.
class HostRules final : public Bypass {
 public:
  HostRules(std::vector<std::string> rules, bool whitelist) : rules_(std::move(rules)), whitelist_(whitelist) {}

  bool IsWhitelist() const override { return whitelist_; }
  bool Contains(const context::Context& ctx, std::string_view, std::string_view addr,
                Variadic<Option> opts) override {
    if (ctx.Done()) return false;
    const auto o = MakeOptions<Options>(opts);
    std::string host(addr);
    if (auto hp = net::SplitHostPort(addr)) host = hp->host;
    if (host.empty()) host = o.Host;  // fall back to the HTTP Host, if given
    if (host.empty()) return false;   // nothing to match
    const bool matched = Matches(host);
    return whitelist_ ? !matched : matched;
  }

 private:
  bool Matches(std::string_view host) const {
    for (const auto& r : rules_) {
      if (r == host) return true;
      if (!r.empty() && r.front() == '.' &&
          (host == std::string_view(r).substr(1) ||
           (host.size() > r.size() && host.substr(host.size() - r.size()) == r))) {
        return true;
      }
    }
    return false;
  }
  std::vector<std::string> rules_;
  bool whitelist_;
};

TEST(Bypass, BlacklistCatchesListedAddresses) {
  const BypassPtr bp = std::make_shared<HostRules>(std::vector<std::string>{"10.0.0.1", ".example.com"}, false);
  const context::Context ctx;
  EXPECT_FALSE(bp->IsWhitelist());
  EXPECT_TRUE(bp->Contains(ctx, "tcp", "10.0.0.1:80"));
  EXPECT_TRUE(bp->Contains(ctx, "tcp", "example.com:443"));
  EXPECT_TRUE(bp->Contains(ctx, "udp", "a.b.example.com:53"));
  EXPECT_FALSE(bp->Contains(ctx, "tcp", "notexample.com:443"));
  EXPECT_FALSE(bp->Contains(ctx, "tcp", "10.0.0.2:80"));
}

TEST(Bypass, WhitelistCatchesEverythingElse) {
  const BypassPtr bp = std::make_shared<HostRules>(std::vector<std::string>{".example.com"}, true);
  const context::Context ctx;
  EXPECT_TRUE(bp->IsWhitelist());
  EXPECT_FALSE(bp->Contains(ctx, "tcp", "www.example.com:80"));
  EXPECT_TRUE(bp->Contains(ctx, "tcp", "www.example.org:80"));
}

TEST(Bypass, OptionsAndBadInput) {
  const BypassPtr bp = std::make_shared<HostRules>(std::vector<std::string>{"example.com"}, false);
  const context::Context ctx;
  // No address: the HTTP Host option decides.
  EXPECT_TRUE(bp->Contains(ctx, "tcp", "", WithHostOption("example.com")));
  EXPECT_FALSE(bp->Contains(ctx, "tcp", "", {WithHostOption("example.com"), WithHostOption("other.org")}));
  // Nothing at all to match, or a cancelled context: not caught.
  EXPECT_FALSE(bp->Contains(ctx, "tcp", ""));
  EXPECT_FALSE(bp->Contains(ctx, "tcp", ":80"));
  auto [cctx, cancel] = context::WithCancel(ctx);
  cancel();
  EXPECT_FALSE(bp->Contains(cctx, "tcp", "example.com:80"));
}

TEST(Bypass, MockThroughConstPointer) {
  auto mock = std::make_shared<MockBypass>();
  EXPECT_CALL(*mock, IsWhitelist()).WillOnce(::testing::Return(true));
  EXPECT_CALL(*mock, Contains(::testing::_, ::testing::Eq("tcp"), ::testing::Eq("h:1"), ::testing::_))
      .WillOnce([](const context::Context&, std::string_view, std::string_view, Variadic<Option> opts) {
        return MakeOptions<Options>(opts).Path == "/x";
      });
  const std::shared_ptr<const Bypass> ro = mock;
  EXPECT_TRUE(ro->IsWhitelist());
  const BypassPtr bp = mock;
  EXPECT_TRUE(bp->Contains(context::Background(), "tcp", "h:1", WithPathOption("/x")));
}

}  // namespace
}  // namespace gost::core::bypass
