// Tests of the pattern matcher (examples/reference/matcher.hpp) that bypass
// and admission are built on: each pattern form, the whitelist mode, the
// lists it refuses, port ranges and the glob.
#include <string>
#include <string_view>

#include "reference/matcher.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using x::matcher::ParsePatternList;
using x::matcher::PatternList;

PatternList MustParse(std::string_view list) {
  auto l = ParsePatternList(list);
  EXPECT_TRUE(l) << list << ": " << l.error().Message();
  return l ? std::move(*l) : PatternList{};
}

TEST(PatternList, ABlacklistBlocksWhatMatchesEachForm) {
  const auto l = MustParse("10.0.0.0/8,192.168.1.1-192.168.1.9,example.com,.corp.lan,*.test:8000-8080,1.2.3.4:443");
  EXPECT_FALSE(l.whitelist);
  EXPECT_TRUE(l.Blocks("10.1.2.3:80"));  // CIDR
  EXPECT_TRUE(l.Blocks("10.1.2.3"));
  EXPECT_FALSE(l.Blocks("11.1.2.3:80"));
  EXPECT_TRUE(l.Blocks("192.168.1.5:1"));  // IP range, ends included
  EXPECT_TRUE(l.Blocks("192.168.1.9:1"));
  EXPECT_FALSE(l.Blocks("192.168.1.10:1"));
  EXPECT_TRUE(l.Blocks("EXAMPLE.com:443"));  // a host, any case
  EXPECT_FALSE(l.Blocks("www.example.com:443"));
  EXPECT_TRUE(l.Blocks("corp.lan:22"));  // ".domain": the domain and below it
  EXPECT_TRUE(l.Blocks("a.b.corp.lan:22"));
  EXPECT_FALSE(l.Blocks("xcorp.lan:22"));
  EXPECT_TRUE(l.Blocks("api.test:8080"));  // a glob with a port range
  EXPECT_FALSE(l.Blocks("api.test:8081"));
  EXPECT_TRUE(l.Blocks("1.2.3.4:443"));  // host and one port
  EXPECT_FALSE(l.Blocks("1.2.3.4:80"));
  EXPECT_FALSE(l.Blocks(""));
}

TEST(PatternList, ATildeMakesAWhitelist) {
  const auto l = MustParse("~*.example.com,10.0.0.0/8");
  EXPECT_TRUE(l.whitelist);
  EXPECT_FALSE(l.Blocks("www.example.com:80"));
  EXPECT_FALSE(l.Blocks("10.9.9.9:1"));
  EXPECT_TRUE(l.Blocks("example.org:80"));
  EXPECT_FALSE(l.Blocks("")) << "an empty address is never blocked, in either mode";
}

TEST(PatternList, BadListsAreErrorsThatNameThePattern) {
  for (const std::string_view bad : {"", "~", "~,,", ","}) {
    auto l = ParsePatternList(bad);
    ASSERT_FALSE(l) << "'" << bad << "'";
    EXPECT_EQ(l.error().Message(), "empty pattern list") << "'" << bad << "'";
  }
  for (const std::string_view bad : {"host:99999", "host:9-1", ":80", "1.1.1.1:70000", "10.0.0.9-10.0.0.1"}) {
    auto l = ParsePatternList(std::string("ok.example,") + std::string(bad));
    ASSERT_FALSE(l) << bad;
    EXPECT_NE(l.error().Message().find(bad), std::string::npos) << l.error().Message();
  }
}

TEST(PortRange, OnePortOrAnOrderedRange) {
  using x::matcher::ParsePortRange;
  const auto one = ParsePortRange("80");
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->Contains(80));
  EXPECT_FALSE(one->Contains(81));
  const auto range = ParsePortRange("8000-8080");
  ASSERT_TRUE(range);
  EXPECT_TRUE(range->Contains(8000) && range->Contains(8080));
  EXPECT_FALSE(range->Contains(7999) || range->Contains(8081));
  for (const std::string_view bad : {"", "9-1", "70000", "-1", "a", "1-", "80x"}) {
    EXPECT_FALSE(ParsePortRange(bad)) << bad;
  }
}

TEST(Glob, StarAndQuestionMark) {
  using x::matcher::Glob;
  EXPECT_TRUE(Glob("*.a.com", "x.y.a.com"));
  EXPECT_FALSE(Glob("*.a.com", "a.com"));
  EXPECT_TRUE(Glob("h?st", "HOST"));
  EXPECT_FALSE(Glob("h?st", "hst"));
  EXPECT_TRUE(Glob("*", ""));
}

}  // namespace
}  // namespace gost::x::test
