// The library's functions are templates with a defaulted parameter (see
// docs/design.md). These tests pin what that means for callers: calls are
// written as for plain functions, with the same argument conversions, and an
// address is taken with an empty template argument list.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>

#include "gost/core.hpp"

namespace {

using namespace gost::core;  // NOLINT(google-build-using-namespace)

TEST(DeferredFunctions, CallsConvertArgumentsAsPlainFunctionsDo) {
  // std::string -> std::string_view, const char* -> std::string: the template
  // parameter is never deduced, so nothing depends on the argument types.
  const std::string text = "10.0.0.1";
  auto ip = net::ParseIP(text);
  ASSERT_TRUE(ip);
  EXPECT_EQ(ip->String(), "10.0.0.1");

  auto node = chain::NewNode("n1", "example.com:443", {chain::PriorityNodeOption(3), nullptr});
  EXPECT_EQ(node->Name, "n1");
  EXPECT_EQ(node->Options().Priority, 3);

  // A braced list for a Variadic parameter, as with a plain function.
  auto group = logger::LoggerGroup({nullptr, nullptr});
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->GetLevel(), logger::InfoLevel);
}

TEST(DeferredFunctions, AddressNeedsAnEmptyTemplateArgumentList) {
  Result<net::IP> (*parse)(std::string_view) = &net::ParseIP<>;
  EXPECT_TRUE(parse("::1"));
  EXPECT_FALSE(parse("not an ip"));

  // As a callback: through the address or a lambda.
  const std::function<std::string(std::string_view)> canon = &http::CanonicalHeaderKey<>;
  EXPECT_EQ(canon("content-type"), "Content-Type");
  const std::function<std::string(std::string_view)> escape = [](std::string_view s) {
    return url::QueryEscape(s);
  };
  EXPECT_EQ(escape("a b"), "a+b");

  // Methods made templates too.
  http::Header h;
  void (http::Header::*add)(std::string_view, std::string) = &http::Header::Add<>;
  (h.*add)("x-key", "v");
  EXPECT_EQ(h.Get("X-Key"), "v");
}

TEST(DeferredFunctions, ConstructingANodeStillTakesOptions) {
  const chain::Node node("n2", "host:1", {chain::NetworkNodeOption("udp")});
  EXPECT_EQ(node.Options().Network, "udp");
  static_assert(std::is_constructible_v<chain::Node, std::string, std::string>);
  static_assert(!std::is_constructible_v<chain::Node, int>);
}

}  // namespace
