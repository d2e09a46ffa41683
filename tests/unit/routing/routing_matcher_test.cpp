// Tests for gost/core/routing/matcher.hpp: Request and the Matcher
// interface.
#include "gost/core/routing/matcher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/routing.hpp"

namespace gost::core::routing {
namespace {

static_assert(detail::kIsInterface<Matcher>);

TEST(RoutingRequest, DefaultIsEmpty) {
  const Request r;
  EXPECT_FALSE(r.ClientIP.valid());
  EXPECT_TRUE(r.Host.empty() && r.Network.empty() && r.Protocol.empty());
  EXPECT_TRUE(r.Method.empty() && r.Path.empty());
  EXPECT_TRUE(r.Query.empty());
  EXPECT_TRUE(r.Header.empty());
  EXPECT_TRUE(r.Body.empty());
}

Request Sample() {
  Request r;
  r.ClientIP = net::IP::V4(192, 0, 2, 10);
  r.Host = "api.example.com";
  r.Network = "tcp";
  r.Protocol = "http";
  r.Method = "POST";
  r.Path = "/v1/items";
  r.Query = url::ParseQuery("page=2&tag=a&tag=b").value();
  r.Header.Add("content-type", "application/json");
  r.Body = Bytes(std::string_view(R"({"kind":"x"})"));
  return r;
}

TEST(RoutingRequest, IsACopyableValue) {
  const Request a = Sample();
  Request b = a;
  EXPECT_EQ(a, b);
  b.Body.resize(1);  // deep copy: changing b leaves a alone
  EXPECT_NE(a, b);
  EXPECT_EQ(a.Body.str(), R"({"kind":"x"})");
  EXPECT_EQ(a.Query.ValuesOf("tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(a.Header.Get("Content-Type"), "application/json");
}

// Matches on host suffix, method, a path prefix, a header and a body
// substring; an empty criterion matches anything.
class Rule final : public Matcher {
 public:
  std::string host_suffix, method, path_prefix, header_key, header_value, body_contains;

  bool Match(const Request& req) const override {
    if (!host_suffix.empty() && (req.Host.size() < host_suffix.size() ||
                                 req.Host.compare(req.Host.size() - host_suffix.size(), std::string::npos,
                                                  host_suffix) != 0)) {
      return false;
    }
    if (!method.empty() && req.Method != method) return false;
    if (!path_prefix.empty() && req.Path.rfind(path_prefix, 0) != 0) return false;
    if (!header_key.empty() && req.Header.Get(header_key) != header_value) return false;
    if (!body_contains.empty() && req.Body.str().find(body_contains) == std::string_view::npos) return false;
    return true;
  }
};

TEST(Matcher, MatchesThroughTheInterface) {
  auto rule = std::make_shared<Rule>();
  rule->host_suffix = ".example.com";
  rule->method = "POST";
  rule->path_prefix = "/v1/";
  rule->header_key = "Content-Type";
  rule->header_value = "application/json";
  rule->body_contains = "\"kind\"";
  const MatcherPtr m = rule;
  const std::shared_ptr<const Matcher> ro = rule;  // Match is const

  Request r = Sample();
  EXPECT_TRUE(m->Match(r));
  EXPECT_TRUE(ro->Match(r));

  Request other = r;
  other.Method = "GET";
  EXPECT_FALSE(m->Match(other));
  other = r;
  other.Host = "example.org";
  EXPECT_FALSE(m->Match(other));
  other = r;
  other.Path = "/v2/items";
  EXPECT_FALSE(m->Match(other));
  other = r;
  other.Header.Del("content-type");
  EXPECT_FALSE(m->Match(other));
  other = r;
  other.Body = Bytes();  // the body was not captured
  EXPECT_FALSE(m->Match(other));

  // A bare request (a SOCKS request, say) only matches an empty rule.
  EXPECT_FALSE(m->Match(Request{}));
  EXPECT_TRUE(Rule{}.Match(Request{}));
}

TEST(Matcher, Mock) {
  auto mock = std::make_shared<MockMatcher>();
  EXPECT_CALL(*mock, Match(::testing::Field(&Request::Host, "h"))).WillOnce(::testing::Return(true));
  EXPECT_CALL(*mock, Match(::testing::Field(&Request::Host, ""))).WillOnce(::testing::Return(false));
  const MatcherPtr m = mock;
  Request r;
  EXPECT_FALSE(m->Match(r));
  r.Host = "h";
  EXPECT_TRUE(m->Match(r));
}

}  // namespace
}  // namespace gost::core::routing
