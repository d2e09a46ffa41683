// Tests of the hop package's functional options (hop/hop.hpp): each option
// sets its one field and nothing else, later options win, empty ones are
// skipped (tests/support/option_check.hpp), and an option keeps copies of
// what it was built from.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <type_traits>

#include "support/option_check.hpp"

namespace gost::core {
namespace {

using namespace option_check;

TEST(HopOptions, SelectOption) {
  const auto ip = net::IP::V4(192, 0, 2, 7);
  const url::Values query{{"q", {"1", "2"}}};
  const http::Header header{{"X-Test", "yes"}, {"Accept", "*/*"}};
  CheckCases<hop::SelectOptions>({
      {"ClientIPSelectOption", "ClientIP", hop::ClientIPSelectOption(ip), [&](auto& o) { o.ClientIP = ip; }},
      {"ClientIPSelectOption(empty)", "ClientIP", hop::ClientIPSelectOption(net::IP{}),
       [](auto& o) { o.ClientIP = net::IP{}; }},
      {"NetworkSelectOption", "Network", hop::NetworkSelectOption("udp"), [](auto& o) { o.Network = "udp"; }},
      {"AddrSelectOption", "Addr", hop::AddrSelectOption("dst:53"), [](auto& o) { o.Addr = "dst:53"; }},
      {"ProtocolSelectOption", "Protocol", hop::ProtocolSelectOption("socks5"), [](auto& o) { o.Protocol = "socks5"; }},
      {"HostSelectOption", "Host", hop::HostSelectOption("example.org"), [](auto& o) { o.Host = "example.org"; }},
      {"MethodSelectOption", "Method", hop::MethodSelectOption("GET"), [](auto& o) { o.Method = "GET"; }},
      {"PathSelectOption", "Path", hop::PathSelectOption("/index"), [](auto& o) { o.Path = "/index"; }},
      {"QuerySelectOption", "Query", hop::QuerySelectOption(query), [&](auto& o) { o.Query = query; }},
      {"HeaderSelectOption", "Header", hop::HeaderSelectOption(header), [&](auto& o) { o.Header = header; }},
      {"BodySelectOption", "Body", hop::BodySelectOption(Bytes(std::string_view("hello"))),
       [](auto& o) { o.Body = Bytes(std::string_view("hello")); }},
      {"BodySelectOption(empty)", "Body", hop::BodySelectOption(Bytes{}), [](auto& o) { o.Body = Bytes{}; }},
  });
  CheckOrderAndEmpty(hop::HostSelectOption, &hop::SelectOptions::Host, "a", "b");
}

TEST(OptionCapture, StringArgumentsAreCopied) {
  ExpectStringCopied<hop::SelectOptions>(hop::PathSelectOption, &hop::SelectOptions::Path);
}

TEST(OptionCapture, ValueArgumentsAreCopied) {
  Bytes body(std::string_view("abc"));
  url::Values query{{"a", {"1"}}};
  http::Header header{{"X-A", "1"}};
  auto ip = net::IP::V4(1, 2, 3, 4);
  const auto body_opt = hop::BodySelectOption(body);
  const auto query_opt = hop::QuerySelectOption(query);
  const auto header_opt = hop::HeaderSelectOption(header);
  const auto ip_opt = hop::ClientIPSelectOption(ip);
  body[0] = std::byte{'X'};
  body.resize(1);
  query.Add("b", "2");
  header.Set("X-A", "changed");
  ip = net::IP::V4(5, 6, 7, 8);
  const auto o = MakeOptions<hop::SelectOptions>({body_opt, query_opt, header_opt, ip_opt});
  EXPECT_EQ(o.Body.str(), "abc");
  EXPECT_EQ(o.Query, (url::Values{{"a", {"1"}}}));
  EXPECT_EQ(o.Header.Get("X-A"), "1");
  EXPECT_EQ(o.ClientIP, net::IP::V4(1, 2, 3, 4));
  // Each struct gets its own copy of the bytes.
  auto again = MakeOptions<hop::SelectOptions>(body_opt);
  again.Body[0] = std::byte{'Z'};
  EXPECT_EQ(MakeOptions<hop::SelectOptions>(body_opt).Body.str(), "abc");
}

// Each option type is OptionFunc of its struct (Go: `func(*Options)`); a
// default-built one is the empty "nil option" (OptionFuncTest.EmptyForms).
static_assert(std::is_same_v<hop::SelectOption, OptionFunc<hop::SelectOptions>>);

}  // namespace
}  // namespace gost::core
