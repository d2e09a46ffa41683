#include "reference/hosts.hpp"

#include <gtest/gtest.h>

namespace {

namespace core = gost::core;
using gost::x::hosts::HostMapper;

std::string First(HostMapper& m, std::string_view network, std::string_view host) {
  auto r = m.Lookup(core::context::Background(), network, host);
  return r.ok ? r.ips.front().String() : "";
}

TEST(HostMapper, ExactThenLongestDomainThenCatchAll) {
  auto m = HostMapper::FromList("a.example.com:10.0.0.1,.example.com:10.0.0.2,.b.example.com:10.0.0.3");
  ASSERT_TRUE(m) << m.error().Message();
  EXPECT_EQ(First(**m, "ip", "A.example.com"), "10.0.0.1");
  EXPECT_EQ(First(**m, "ip", "example.com"), "10.0.0.2");
  EXPECT_EQ(First(**m, "ip", "x.example.com"), "10.0.0.2");
  EXPECT_EQ(First(**m, "ip", "x.b.example.com"), "10.0.0.3");
  EXPECT_EQ(First(**m, "ip", "example.org"), "");
  auto all = HostMapper::FromList(".:10.9.9.9");
  ASSERT_TRUE(all);
  EXPECT_EQ(First(**all, "ip", "anything"), "10.9.9.9");
}

TEST(HostMapper, NetworkFiltersTheFamily) {
  auto m = HostMapper::FromList("h:10.0.0.1,h:::1");
  ASSERT_TRUE(m);
  auto r = (*m)->Lookup(core::context::Background(), "ip", "h");
  EXPECT_EQ(r.ips.size(), 2U);
  EXPECT_EQ(First(**m, "ip4", "h"), "10.0.0.1");
  EXPECT_EQ(First(**m, "ip6", "h"), "::1");
}

TEST(HostMapper, BadListsAreErrors) {
  EXPECT_FALSE(HostMapper::FromList(""));
  EXPECT_FALSE(HostMapper::FromList("h"));
  EXPECT_FALSE(HostMapper::FromList(":1.2.3.4"));
  EXPECT_FALSE(HostMapper::FromList("h:999.1.1.1"));
}

}  // namespace
