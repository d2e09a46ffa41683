// Unit tests for gost/core/go/net.hpp: Addr, IP, IPNet/ParseCIDR,
// SplitHostPort/JoinHostPort, hashing and printers, with Go's net package
// (and its test tables) as the reference.
#include "gost/core/go/net.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "gost/core/detail/interface.hpp"

namespace {

namespace net = gost::core::net;
namespace errors = gost::core::errors;
using gost::core::Error;
using net::IP;
using net::IPNet;

IP MustParse(std::string_view s) {
  auto r = net::ParseIP(s);
  if (!r) throw std::runtime_error("test setup: cannot parse " + std::string(s));
  return *r;
}

std::array<std::uint8_t, 16> Bytes16(std::initializer_list<int> v) {
  std::array<std::uint8_t, 16> out{};
  std::size_t i = 0;
  for (int x : v) out[i++] = static_cast<std::uint8_t>(x);
  return out;
}

template <class T>
std::string Streamed(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

// ---------------------------------------------------------------------------
// Interfaces and Addr

static_assert(gost::core::detail::kIsInterface<net::Conn>);
static_assert(gost::core::detail::kIsInterface<net::Listener>);

TEST(AddrTest, Basics) {
  const net::Addr empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.Network(), "");
  EXPECT_EQ(empty.String(), "");
  const net::Addr a("tcp", "127.0.0.1:8080");
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a.Network(), "tcp");
  EXPECT_EQ(a.String(), "127.0.0.1:8080");
  EXPECT_FALSE(net::Addr("udp", "").empty());
  EXPECT_FALSE(net::Addr("", "x").empty());
}

TEST(AddrTest, CompareHashPrint) {
  const net::Addr a("tcp", "1.2.3.4:80");
  const net::Addr b("udp", "1.2.3.4:80");
  const net::Addr c("tcp", "1.2.3.4:81");
  EXPECT_EQ(a, net::Addr("tcp", "1.2.3.4:80"));
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_LT(a, b);  // network first
  EXPECT_LT(a, c);
  const std::hash<net::Addr> h;
  EXPECT_EQ(h(a), h(net::Addr("tcp", "1.2.3.4:80")));
  const std::unordered_set<net::Addr, std::hash<net::Addr>> set{a, b, c, a};
  EXPECT_EQ(set.size(), 3U);
  EXPECT_EQ(Streamed(a), "tcp/1.2.3.4:80");
  EXPECT_EQ(::testing::PrintToString(b), "udp/1.2.3.4:80");
}

// ---------------------------------------------------------------------------
// ParseIP: IPv4

TEST(ParseIPTest, IPv4Valid) {
  struct Case {
    std::string_view in;
    std::array<std::uint8_t, 4> want;
  };
  const Case cases[] = {
      {"1.2.3.4", {1, 2, 3, 4}},
      {"0.0.0.0", {0, 0, 0, 0}},
      {"255.255.255.255", {255, 255, 255, 255}},
      {"127.0.0.1", {127, 0, 0, 1}},
      {"192.168.100.10", {192, 168, 100, 10}},
      {"10.0.0.255", {10, 0, 0, 255}},
  };
  for (const auto& c : cases) {
    auto r = net::ParseIP(c.in);
    ASSERT_TRUE(r) << c.in << ": " << r.error();
    EXPECT_TRUE(r->Is4()) << c.in;
    ASSERT_TRUE(r->To4().has_value()) << c.in;
    EXPECT_EQ(*r->To4(), c.want) << c.in;
    EXPECT_EQ(*r, IP::V4(c.want[0], c.want[1], c.want[2], c.want[3])) << c.in;
    EXPECT_EQ(r->String(), c.in);
  }
}

TEST(ParseIPTest, IPv4Invalid) {
  const std::string_view bad[] = {
      "",          "1.2.3.04",    "01.2.3.4", "1.2.3.00",   "1.02.3.4",  "256.1.1.1",  "1.2.3.256",    "1.2.3.1000",
      "1.2.3",     "1.2.3.4.5",   "1.2.3.",   "1.2.3.4.",   ".1.2.3.4",  "1..2.3",     " 1.2.3.4",     "1.2.3.4 ",
      "1.2 .3.4",  "1.2.3.-4",    "+1.2.3.4", "1.2.3.4a",   "a.b.c.d",   "1.2.3.4/24", "1.2.3.4%eth0", "0x1.2.3.4",
      "1.2.3.4\n", "99999999999", "1",        "1.2.3.4:80", "[1.2.3.4]", "4294967296", "1.2.3.0x4",
  };
  for (auto s : bad) {
    auto r = net::ParseIP(s);
    EXPECT_FALSE(r) << "accepted \"" << s << "\" as " << (r ? r->String() : "");
    if (!r) {
      EXPECT_TRUE(errors::Is(r.error(), Error(errors::Code::InvalidArgument))) << s;
      EXPECT_THAT(r.error().Message(), ::testing::StartsWith("net: invalid IP address \"")) << s;
    }
  }
}

TEST(ParseIPTest, ErrorMessageQuotesInput) {
  auto r = net::ParseIP("1.2.3.04");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().Message(), "net: invalid IP address \"1.2.3.04\"");
}

TEST(ParseIPTest, ErrorMessageTruncatesLongInput) {
  const std::string long_input(1000, '9');
  auto r = net::ParseIP(long_input);
  ASSERT_FALSE(r);
  EXPECT_LT(r.error().Message().size(), 300U);
  EXPECT_THAT(r.error().Message(), ::testing::EndsWith("...\""));
}

// ---------------------------------------------------------------------------
// ParseIP: IPv6

TEST(ParseIPTest, IPv6Valid) {
  struct Case {
    std::string_view in;
    std::array<std::uint8_t, 16> want;
  };
  const Case cases[] = {
      {"::", Bytes16({})},
      {"::1", Bytes16({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})},
      {"1::", Bytes16({0, 1})},
      {"2001:db8::1", Bytes16({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})},
      {"2001:DB8::1", Bytes16({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})},
      {"fe80::1:2:3:4:5:6", Bytes16({0xfe, 0x80, 0, 0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6})},
      {"1:2:3:4:5:6:7:8", Bytes16({0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8})},
      {"0001:0002:0003:0004:0005:0006:0007:0008", Bytes16({0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8})},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
       Bytes16({255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255})},
      {"1:2:3:4:5:6:7::", Bytes16({0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0})},
      {"::2:3:4:5:6:7:8", Bytes16({0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8})},
      {"1:2::7:8", Bytes16({0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8})},
      {"::ffff:1.2.3.4", Bytes16({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4})},
      {"::FFFF:1.2.3.4", Bytes16({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4})},
      {"64:ff9b::1.2.3.4", Bytes16({0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4})},
      {"::1.2.3.4", Bytes16({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4})},
      {"1:2:3:4:5:6:1.2.3.4", Bytes16({0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4})},
      {"1::5:6:1.2.3.4", Bytes16({0, 1, 0, 0, 0, 0, 0, 0, 0, 5, 0, 6, 1, 2, 3, 4})},
  };
  for (const auto& c : cases) {
    auto r = net::ParseIP(c.in);
    ASSERT_TRUE(r) << c.in << ": " << r.error();
    EXPECT_EQ(r->To16(), c.want) << c.in;
    EXPECT_TRUE(r->valid()) << c.in;
  }
}

TEST(ParseIPTest, IPv6Invalid) {
  const std::string_view bad[] = {
      ":::",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8::",
      "::1:2:3:4:5:6:7:8",
      "1::2:3:4:5:6:7:8",
      "12345::",
      "::12345",
      "1::2::3",
      "fe80::1%eth0",
      "fe80::1%",
      "[::1]",
      "[::1]:80",
      "::1/128",
      ":",
      ":1",
      "1:",
      "1::2:",
      ":1::2",
      "1:::2",
      "g::1",
      "::ffff:1.2.3",
      "::ffff:1.2.3.4.5",
      "::ffff:1.2.3.04",
      "::ffff:256.1.1.1",
      "1.2.3.4::",
      "::1.2.3.4:5",
      "1:2:3:4:5:6:7:1.2.3.4",
      "1:2:3:4:5:6:7::1.2.3.4",
      "1:2:3:4:5:1.2.3.4",
      " ::1",
      "::1 ",
      ":: 1",
      "::-1",
      "::+1",
      "0x1::",
  };
  for (auto s : bad) {
    auto r = net::ParseIP(s);
    EXPECT_FALSE(r) << "accepted \"" << s << "\" as " << (r ? r->String() : "");
    if (!r) {
      EXPECT_TRUE(errors::Is(r.error(), Error(errors::Code::InvalidArgument))) << s;
    }
  }
}

// ---------------------------------------------------------------------------
// IP::String

TEST(IPStringTest, GoFormatting) {
  struct Case {
    std::string_view in;
    std::string_view want;
  };
  const Case cases[] = {
      {"::", "::"},
      {"::1", "::1"},
      {"1::", "1::"},
      {"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
      {"2001:DB8::ABCD", "2001:db8::abcd"},
      {"1:0:0:4:5:6:7:8", "1::4:5:6:7:8"},
      {"1:0:3:4:5:6:7:8", "1:0:3:4:5:6:7:8"},  // a single zero group is not compressed
      {"1:0:0:4:0:0:7:8", "1::4:0:0:7:8"},     // tie: the first run wins
      {"1:0:0:4:0:0:0:8", "1:0:0:4::8"},       // the longest run wins
      {"0:0:3:4:5:6:7:0", "::3:4:5:6:7:0"},
      {"0:2:3:4:5:6:7:0", "0:2:3:4:5:6:7:0"},
      {"1:2:3:4:5:6:0:0", "1:2:3:4:5:6::"},
      {"fe80::1:2:3:4:5:6", "fe80:0:1:2:3:4:5:6"},
      {"0001:0020:0300:4000::", "1:20:300:4000::"},
      {"::ffff:1.2.3.4", "1.2.3.4"},  // IPv4-mapped prints as IPv4
      {"::ffff:0.0.0.0", "0.0.0.0"},
      {"64:ff9b::1.2.3.4", "64:ff9b::102:304"},
      {"::1.2.3.4", "::102:304"},
      {"::fffe:1.2.3.4", "::fffe:102:304"},
      {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
  };
  for (const auto& c : cases) {
    auto r = net::ParseIP(c.in);
    ASSERT_TRUE(r) << c.in;
    EXPECT_EQ(r->String(), c.want) << c.in;
  }
}

TEST(IPStringTest, EmptyIP) {
  const IP empty;
  EXPECT_FALSE(empty.valid());
  EXPECT_FALSE(empty);
  EXPECT_EQ(empty.String(), "<nil>");
  EXPECT_EQ(Streamed(empty), "<nil>");
  EXPECT_EQ(::testing::PrintToString(empty), "<nil>");
}

TEST(IPStringTest, Printers) {
  EXPECT_EQ(Streamed(MustParse("2001:db8::1")), "2001:db8::1");
  EXPECT_EQ(::testing::PrintToString(MustParse("10.0.0.1")), "10.0.0.1");
}

TEST(IPStringTest, RoundTrip) {
  const std::string_view inputs[] = {
      "0.0.0.0",
      "1.2.3.4",
      "255.255.255.255",
      "::",
      "::1",
      "1::",
      "2001:db8::1",
      "fe80::1:2:3:4:5:6",
      "1:2:3:4:5:6:7:8",
      "::ffff:1.2.3.4",
      "64:ff9b::1.2.3.4",
      "1:0:0:4:0:0:7:8",
      "1:0:0:4:0:0:0:8",
      "0:0:3:4:5:6:7:0",
      "abcd:ef01:2345:6789:abcd:ef01:2345:6789",
      "::1.2.3.4",
      "1:2:3:4:5:6:0:0",
      "0:1:0:1:0:1:0:1",
  };
  for (auto s : inputs) {
    const IP ip = MustParse(s);
    auto again = net::ParseIP(ip.String());
    ASSERT_TRUE(again) << s << " -> " << ip.String();
    EXPECT_EQ(*again, ip) << s;
    EXPECT_EQ(again->String(), ip.String()) << s;
  }
}

// ---------------------------------------------------------------------------
// IP properties

TEST(IPTest, V4AndMappedAreEqual) {
  EXPECT_EQ(MustParse("1.2.3.4"), MustParse("::ffff:1.2.3.4"));
  EXPECT_EQ(MustParse("1.2.3.4"), IP::V4(1, 2, 3, 4));
  EXPECT_EQ(IP::V4(1, 2, 3, 4), IP::From16(Bytes16({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4})));
  EXPECT_NE(MustParse("1.2.3.4"), MustParse("::1.2.3.4"));
  EXPECT_NE(MustParse("1.2.3.4"), MustParse("1.2.3.5"));
  EXPECT_NE(MustParse("::"), IP());
  EXPECT_NE(MustParse("0.0.0.0"), MustParse("::"));
}

TEST(IPTest, Is4To4To16) {
  const IP v4 = MustParse("192.0.2.1");
  EXPECT_TRUE(v4.Is4());
  ASSERT_TRUE(v4.To4().has_value());
  EXPECT_EQ(*v4.To4(), (std::array<std::uint8_t, 4>{192, 0, 2, 1}));
  EXPECT_EQ(v4.To16(), Bytes16({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1}));

  const IP v6 = MustParse("2001:db8::1");
  EXPECT_FALSE(v6.Is4());
  EXPECT_FALSE(v6.To4().has_value());
  EXPECT_EQ(v6.To16()[0], 0x20);

  EXPECT_TRUE(MustParse("::ffff:10.1.2.3").Is4());
  EXPECT_FALSE(MustParse("::10.1.2.3").Is4());
  EXPECT_FALSE(MustParse("0:0:0:0:0:fffe:a01:203").Is4());
  EXPECT_FALSE(MustParse("1::ffff:10.1.2.3").Is4());

  const IP empty;
  EXPECT_FALSE(empty.Is4());
  EXPECT_FALSE(empty.To4().has_value());
  EXPECT_EQ(empty.To16(), Bytes16({}));
}

TEST(IPTest, IsLoopbackAndIsUnspecified) {
  // Each address (empty: the zero IP) and what the two predicates say of it.
  struct Case {
    std::string_view text;
    bool loopback;
    bool unspecified;
  };
  const Case cases[] = {
      {"127.0.0.1", true, false},
      {"127.255.255.254", true, false},
      {"::1", true, false},
      {"::ffff:127.0.0.1", true, false},
      {"128.0.0.1", false, false},
      {"1.0.0.127", false, false},
      {"::2", false, false},
      {"1::1", false, false},
      {"::127.0.0.1", false, false},
      {"0.0.0.0", false, true},
      {"::", false, true},
      {"::ffff:0.0.0.0", false, true},
      {"0.0.0.1", false, false},
      {"1::", false, false},
      {"", false, false},
  };
  for (const auto& c : cases) {
    const IP ip = c.text.empty() ? IP() : MustParse(c.text);
    EXPECT_EQ(ip.IsLoopback(), c.loopback) << c.text;
    EXPECT_EQ(ip.IsUnspecified(), c.unspecified) << c.text;
  }
}

TEST(IPTest, ConstexprAndOrdering) {
  constexpr IP a = IP::V4(10, 0, 0, 1);
  static_assert(a.Is4());
  static_assert(a.valid());
  static_assert(a.To4().has_value());
  static_assert(!IP().valid());
  static_assert(IP::V4(127, 0, 0, 1).IsLoopback());
  EXPECT_LT(MustParse("1.2.3.4"), MustParse("1.2.3.5"));
  EXPECT_LT(IP(), MustParse("::"));
  const std::set<IP> s{MustParse("::1"), MustParse("1.2.3.4"), MustParse("::ffff:1.2.3.4")};
  EXPECT_EQ(s.size(), 2U);
}

TEST(IPTest, HashConsistentWithEquality) {
  const std::hash<IP> h;
  EXPECT_EQ(h(MustParse("1.2.3.4")), h(MustParse("::ffff:1.2.3.4")));
  EXPECT_EQ(h(MustParse("2001:db8::1")), h(MustParse("2001:0db8:0:0:0:0:0:1")));
  EXPECT_NE(h(IP()), h(MustParse("::")));  // unequal values; these must differ for the set below
  std::unordered_set<IP> set;
  for (auto s : {"1.2.3.4", "::ffff:1.2.3.4", "::1", "0:0:0:0:0:0:0:1", "::", "0.0.0.0", "2001:db8::1"}) {
    set.insert(MustParse(s));
  }
  set.insert(IP());
  EXPECT_EQ(set.size(), 6U);
  EXPECT_EQ(set.count(IP::V4(1, 2, 3, 4)), 1U);
  EXPECT_EQ(set.count(IP()), 1U);
}

// ---------------------------------------------------------------------------
// IPNet and ParseCIDR

TEST(ParseCIDRTest, IPv4) {
  auto r = net::ParseCIDR("192.168.1.7/24");
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->IP, MustParse("192.168.1.7"));
  EXPECT_EQ(r->Net.IP(), MustParse("192.168.1.0"));
  EXPECT_EQ(r->Net.Bits(), 24);
  EXPECT_EQ(r->Net.String(), "192.168.1.0/24");
  EXPECT_EQ(r->Net, IPNet(MustParse("192.168.1.200"), 24));
}

TEST(ParseCIDRTest, IPv6) {
  auto r = net::ParseCIDR("2001:db8::/32");
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->IP, MustParse("2001:db8::"));
  EXPECT_EQ(r->Net.IP(), MustParse("2001:db8::"));
  EXPECT_EQ(r->Net.Bits(), 32);
  EXPECT_EQ(r->Net.String(), "2001:db8::/32");

  auto h = net::ParseCIDR("2001:db8:abcd:1234::1/50");
  ASSERT_TRUE(h) << h.error();
  EXPECT_EQ(h->IP, MustParse("2001:db8:abcd:1234::1"));
  EXPECT_EQ(h->Net.String(), "2001:db8:abcd::/50");
}

TEST(ParseCIDRTest, Table) {
  // Go's ParseCIDR examples: input, the network's text.
  struct Case {
    std::string_view in;
    std::string_view ip;
    std::string_view net;
  };
  const Case cases[] = {
      {"135.104.0.0/32", "135.104.0.0", "135.104.0.0/32"},
      {"0.0.0.0/24", "0.0.0.0", "0.0.0.0/24"},
      {"135.104.0.0/24", "135.104.0.0", "135.104.0.0/24"},
      {"135.104.0.1/32", "135.104.0.1", "135.104.0.1/32"},
      {"135.104.0.1/24", "135.104.0.1", "135.104.0.0/24"},
      {"10.255.255.255/9", "10.255.255.255", "10.128.0.0/9"},
      {"1.2.3.4/0", "1.2.3.4", "0.0.0.0/0"},
      {"::1/128", "::1", "::1/128"},
      {"abcd:2345::/127", "abcd:2345::", "abcd:2345::/127"},
      {"abcd:2345::/65", "abcd:2345::", "abcd:2345::/65"},
      {"abcd:2345::/64", "abcd:2345::", "abcd:2345::/64"},
      {"abcd:2345::/63", "abcd:2345::", "abcd:2345::/63"},
      {"abcd:2345::/33", "abcd:2345::", "abcd:2345::/33"},
      {"abcd:2345::/32", "abcd:2345::", "abcd:2345::/32"},
      {"abcd:2344::/31", "abcd:2344::", "abcd:2344::/31"},
      {"abcd:2300::/24", "abcd:2300::", "abcd:2300::/24"},
      {"abcd:2345::/24", "abcd:2345::", "abcd:2300::/24"},
      {"2001:DB8::/48", "2001:db8::", "2001:db8::/48"},
      {"2001:DB8::1/48", "2001:db8::1", "2001:db8::/48"},
      {"ffff::1/0", "ffff::1", "::/0"},
  };
  for (const auto& c : cases) {
    auto r = net::ParseCIDR(c.in);
    ASSERT_TRUE(r) << c.in << ": " << r.error();
    EXPECT_EQ(r->IP.String(), c.ip) << c.in;
    EXPECT_EQ(r->Net.String(), c.net) << c.in;
  }
}

TEST(ParseCIDRTest, IPv4MappedInIPv6Form) {
  // Go counts the prefix against the 128 bits of the IPv6 text.
  auto r = net::ParseCIDR("::ffff:192.168.1.7/120");
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->IP, MustParse("192.168.1.7"));
  EXPECT_EQ(r->Net, IPNet(MustParse("192.168.1.0"), 24));
  EXPECT_TRUE(r->Net.Contains(MustParse("192.168.1.200")));
  EXPECT_FALSE(r->Net.Contains(MustParse("192.168.2.1")));

  auto all = net::ParseCIDR("::ffff:0.0.0.0/96");
  ASSERT_TRUE(all) << all.error();
  EXPECT_EQ(all->Net, IPNet(MustParse("0.0.0.0"), 0));
  EXPECT_TRUE(all->Net.Contains(MustParse("8.8.8.8")));

  auto full = net::ParseCIDR("::ffff:1.2.3.4/128");
  ASSERT_TRUE(full) << full.error();
  EXPECT_EQ(full->Net.String(), "1.2.3.4/32");

  // Shorter than 96 bits: an IPv6 network that no IPv4 address is in.
  auto wide = net::ParseCIDR("::ffff:1.2.3.4/64");
  ASSERT_TRUE(wide) << wide.error();
  EXPECT_EQ(wide->Net.String(), "::/64");
  EXPECT_FALSE(wide->Net.IP().Is4());
  EXPECT_TRUE(wide->Net.Contains(MustParse("::1")));
  auto part = net::ParseCIDR("::ffff:1.2.3.4/88");
  ASSERT_TRUE(part) << part.error();
  EXPECT_EQ(part->Net.String(), "::ff00:0:0/88");

  EXPECT_FALSE(net::ParseCIDR("::ffff:1.2.3.4/129"));
  // Dotted text keeps the IPv4 limit.
  EXPECT_FALSE(net::ParseCIDR("1.2.3.4/120"));
}

TEST(ParseCIDRTest, Invalid) {
  const std::string_view bad[] = {
      "192.168.1.1/33",
      "2001:db8::/129",
      "192.168.1.1",
      "192.168.1.1/",
      "192.168.1.1/-1",
      "192.168.1.1/08",
      "192.168.1.1/00",
      "::/0128",
      "1.2.3.4/1a",
      "1.2.3.4/ 8",
      "1.2.3.4/8 ",
      "1.2.3.04/8",
      "/8",
      "",
      "1.2.3.4//8",
      "1.2.3.4/8/8",
      "1.2.3.4/+8",
      "fe80::1%eth0/64",
      "[::1]/64",
      "1.2.3.4/4294967304",
      "1.2.3.4/1000",
      "::/1000",
      "1.2.3/8",
      "192.168.1.1/32a",
  };
  for (auto s : bad) {
    auto r = net::ParseCIDR(s);
    EXPECT_FALSE(r) << "accepted \"" << s << "\" as " << (r ? r->Net.String() : "");
    if (!r) {
      EXPECT_TRUE(errors::Is(r.error(), Error(errors::Code::InvalidArgument))) << s;
      EXPECT_EQ(r.error().Message(), "net: invalid CIDR address \"" + std::string(s) + "\"");
    }
  }
}

TEST(IPNetTest, ConstructorClearsHostBits) {
  EXPECT_EQ(IPNet(MustParse("10.1.2.3"), 8).String(), "10.0.0.0/8");
  EXPECT_EQ(IPNet(MustParse("10.1.2.3"), 32).String(), "10.1.2.3/32");
  EXPECT_EQ(IPNet(MustParse("10.1.2.3"), 0).String(), "0.0.0.0/0");
  EXPECT_EQ(IPNet(MustParse("10.255.2.3"), 12).String(), "10.240.0.0/12");
  EXPECT_EQ(IPNet(MustParse("2001:db8:ffff::1"), 40).String(), "2001:db8:ff00::/40");
  EXPECT_EQ(IPNet(MustParse("::1"), 128).String(), "::1/128");
  EXPECT_EQ(IPNet(MustParse("ffff::1"), 1).String(), "8000::/1");
  EXPECT_TRUE(IPNet(MustParse("10.1.2.3"), 8).IP().Is4());
}

TEST(IPNetTest, ConstructorRejectsBadInput) {
  EXPECT_THROW(IPNet(MustParse("10.0.0.0"), 33), std::invalid_argument);
  EXPECT_THROW(IPNet(MustParse("10.0.0.0"), -1), std::invalid_argument);
  EXPECT_THROW(IPNet(MustParse("::"), 129), std::invalid_argument);
  EXPECT_THROW(IPNet(MustParse("::"), -1), std::invalid_argument);
  EXPECT_THROW(IPNet(IP(), 0), std::invalid_argument);
  EXPECT_THROW(IPNet(IP(), 8), std::invalid_argument);
  EXPECT_NO_THROW(IPNet(MustParse("::"), 128));
  EXPECT_NO_THROW(IPNet(MustParse("0.0.0.0"), 32));
}

TEST(IPNetTest, Empty) {
  const IPNet n;
  EXPECT_EQ(n.String(), "<nil>");
  EXPECT_FALSE(n.IP().valid());
  EXPECT_EQ(n.Bits(), 0);
  EXPECT_FALSE(n.Contains(MustParse("1.2.3.4")));
  EXPECT_FALSE(n.Contains(MustParse("::")));
  EXPECT_EQ(Streamed(n), "<nil>");
}

TEST(IPNetTest, ContainsV4) {
  const IPNet n = net::ParseCIDR("192.168.1.0/24")->Net;
  EXPECT_TRUE(n.Contains(MustParse("192.168.1.0")));
  EXPECT_TRUE(n.Contains(MustParse("192.168.1.255")));
  EXPECT_TRUE(n.Contains(MustParse("::ffff:192.168.1.9")));
  EXPECT_FALSE(n.Contains(MustParse("192.168.2.1")));
  EXPECT_FALSE(n.Contains(MustParse("192.168.0.255")));
  EXPECT_FALSE(n.Contains(MustParse("::ffff:c0a8:200")));
  EXPECT_FALSE(n.Contains(IP()));
  // An IPv6 address is never in an IPv4 network, even one with bits 0.
  const IPNet all4 = net::ParseCIDR("0.0.0.0/0")->Net;
  EXPECT_TRUE(all4.Contains(MustParse("255.255.255.255")));
  EXPECT_FALSE(all4.Contains(MustParse("::1")));
  const IPNet odd = net::ParseCIDR("10.0.0.0/9")->Net;
  EXPECT_TRUE(odd.Contains(MustParse("10.127.255.255")));
  EXPECT_FALSE(odd.Contains(MustParse("10.128.0.0")));
  const IPNet host = net::ParseCIDR("10.1.2.3/32")->Net;
  EXPECT_TRUE(host.Contains(MustParse("10.1.2.3")));
  EXPECT_FALSE(host.Contains(MustParse("10.1.2.4")));
}

TEST(IPNetTest, ContainsV6) {
  const IPNet n = net::ParseCIDR("2001:db8::/32")->Net;
  EXPECT_TRUE(n.Contains(MustParse("2001:db8::1")));
  EXPECT_TRUE(n.Contains(MustParse("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")));
  EXPECT_FALSE(n.Contains(MustParse("2001:db9::")));
  EXPECT_FALSE(n.Contains(MustParse("1.2.3.4")));
  const IPNet all6 = net::ParseCIDR("::/0")->Net;
  EXPECT_TRUE(all6.Contains(MustParse("ffff::")));
  EXPECT_FALSE(all6.Contains(MustParse("1.2.3.4")));  // IPv4 is not in an IPv6 net, as in Go
  const IPNet odd = net::ParseCIDR("fe80::/10")->Net;
  EXPECT_TRUE(odd.Contains(MustParse("febf::1")));
  EXPECT_FALSE(odd.Contains(MustParse("fec0::1")));
}

TEST(IPNetTest, EqualityAndHash) {
  const IPNet a(MustParse("10.1.2.3"), 8);
  const IPNet b(MustParse("10.200.0.0"), 8);
  const IPNet c(MustParse("10.0.0.0"), 9);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  const std::hash<IPNet> h;
  EXPECT_EQ(h(a), h(b));
  std::unordered_set<IPNet> set{a, b, c, IPNet(MustParse("::"), 8)};
  EXPECT_EQ(set.size(), 3U);
  EXPECT_EQ(::testing::PrintToString(a), "10.0.0.0/8");
}

// ---------------------------------------------------------------------------
// SplitHostPort / JoinHostPort (Go's net/ipsock_test.go tables)

// Go's splitJoinTests: SplitHostPort(hostport) gives host and port, and
// JoinHostPort(host, port) gives hostport back.
struct HostPortCase {
  std::string_view host;
  std::string_view port;
  std::string_view hostport;
};
constexpr HostPortCase kSplitJoinCases[] = {
    // host names
    {"localhost", "http", "localhost:http"},
    {"localhost", "80", "localhost:80"},
    {"host", "80", "host:80"},
    // Go-specific host name with zone
    {"localhost%lo0", "http", "localhost%lo0:http"},
    {"localhost%lo0", "80", "localhost%lo0:80"},
    // IP literals
    {"127.0.0.1", "http", "127.0.0.1:http"},
    {"127.0.0.1", "80", "127.0.0.1:80"},
    {"::1", "http", "[::1]:http"},
    {"::1", "80", "[::1]:80"},
    // with zone
    {"::1%lo0", "http", "[::1%lo0]:http"},
    {"::1%lo0", "80", "[::1%lo0]:80"},
    {"fe80::1%lo0", "80", "[fe80::1%lo0]:80"},
    // wildcard host
    {"", "http", ":http"},
    {"", "80", ":80"},
    // wildcard port
    {"golang.org", "", "golang.org:"},
    {"host", "", "host:"},
    {"127.0.0.1", "", "127.0.0.1:"},
    {"::1", "", "[::1]:"},
    // opaque service name
    {"golang.org", "https%foo", "golang.org:https%foo"},
    // both empty
    {"", "", ":"},
};

// Addresses SplitHostPort reads that JoinHostPort would write another way
// (without the brackets).
constexpr HostPortCase kSplitOnlyCases[] = {
    {"localhost%lo0", "http", "[localhost%lo0]:http"},
    {"localhost%lo0", "80", "[localhost%lo0]:80"},
    {"", "80", "[]:80"},
};

TEST(SplitHostPortTest, Valid) {
  const auto check = [](const HostPortCase& c) {
    auto r = net::SplitHostPort(c.hostport);
    ASSERT_TRUE(r) << c.hostport << ": " << r.error();
    EXPECT_EQ(r->host, c.host) << c.hostport;
    EXPECT_EQ(r->port, c.port) << c.hostport;
    EXPECT_EQ(*r, (net::HostPort{std::string(c.host), std::string(c.port)}));
  };
  for (const auto& c : kSplitJoinCases) check(c);
  for (const auto& c : kSplitOnlyCases) check(c);
}

TEST(SplitHostPortTest, Invalid) {
  struct Case {
    std::string_view hostport;
    std::string_view why;
  };
  const Case cases[] = {
      {"golang.org", "missing port in address"},
      {"host", "missing port in address"},
      {"127.0.0.1", "missing port in address"},
      {"[::1]", "missing port in address"},
      {"[fe80::1%lo0]", "missing port in address"},
      {"[localhost%lo0]", "missing port in address"},
      {"localhost%lo0", "missing port in address"},
      {"", "missing port in address"},

      {"::1", "too many colons in address"},
      {"::1:80", "too many colons in address"},
      {"fe80::1%lo0", "too many colons in address"},
      {"fe80::1%lo0:80", "too many colons in address"},

      {"[foo:bar]", "missing port in address"},
      {"[foo:bar]baz", "missing port in address"},
      {"[foo]bar:baz", "missing port in address"},
      {"[::1]80", "missing port in address"},
      {"[a]b:80", "missing port in address"},

      {"[foo]:[bar]:baz", "too many colons in address"},
      {"[::1]:80:90", "too many colons in address"},

      {"[foo]:[bar]baz", "unexpected '[' in address"},
      {"foo[bar]:baz", "unexpected '[' in address"},
      {"a[b]:80", "unexpected '[' in address"},

      {"foo]bar:baz", "unexpected ']' in address"},
      {"[foo]:b]az", "unexpected ']' in address"},

      {"[::1:80", "missing ']' in address"},
  };
  for (const auto& c : cases) {
    auto r = net::SplitHostPort(c.hostport);
    ASSERT_FALSE(r) << "accepted \"" << c.hostport << "\" as " << r->host << " / " << r->port;
    EXPECT_THAT(r.error().Message(), ::testing::EndsWith(std::string(": ") + std::string(c.why))) << c.hostport;
    if (!c.hostport.empty()) {
      EXPECT_THAT(r.error().Message(), ::testing::HasSubstr(std::string(c.hostport))) << c.hostport;
    }
    EXPECT_TRUE(errors::Is(r.error(), Error(errors::Code::InvalidArgument))) << c.hostport;
  }
}

// SplitHostPort reads only the view it is given: "[::1]" cut from
// "[::1]:80" lacks its port, even though a ':' follows in memory.
TEST(SplitHostPortTest, ReadsNothingPastTheView) {
  const std::string_view whole = "[::1]:80";
  auto r = net::SplitHostPort(whole.substr(0, 5));
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().Message(), ::testing::EndsWith(": missing port in address"));
}

TEST(SplitHostPortTest, MessageFormat) {
  auto r = net::SplitHostPort("example.com");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().Message(), "address example.com: missing port in address");
}

TEST(JoinHostPortTest, Table) {
  for (const auto& c : kSplitJoinCases) {
    EXPECT_EQ(net::JoinHostPort(c.host, c.port), c.hostport) << c.host << " " << c.port;
  }
}

TEST(JoinHostPortTest, SplitUndoesJoin) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"www.google.com", "80"},    {"127.0.0.1", "1234"}, {"::1", "80"},          {"fe80::1%lo0", "80"}, {"", "0"},
      {"google.com", "https%foo"}, {"127.0.0.1", ""},     {"www.google.com", ""},
  };
  for (const auto& [host, port] : cases) {
    const std::string joined = net::JoinHostPort(host, port);
    auto r = net::SplitHostPort(joined);
    ASSERT_TRUE(r) << joined << ": " << r.error();
    EXPECT_EQ(r->host, host) << joined;
    EXPECT_EQ(r->port, port) << joined;
  }
}

// ---------------------------------------------------------------------------
// Sentinels of the package

TEST(NetSentinelTest, ErrClosedAndDeadline) {
  EXPECT_EQ(net::ErrClosed.Message(), "use of closed network connection");
  EXPECT_EQ(net::ErrDeadlineExceeded.Message(), "i/o timeout");
  EXPECT_TRUE(net::ErrDeadlineExceeded.Timeout());
  EXPECT_FALSE(net::ErrClosed.Timeout());
}

}  // namespace
