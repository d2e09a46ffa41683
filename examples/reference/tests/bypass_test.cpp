// Tests of the local bypass (examples/reference/bypass.hpp) and of the
// matcher's glob: each pattern form, the whitelist and the lists it refuses.
#include <string_view>

#include "reference/bypass.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using x::bypass::Bypass;

bool Contains(Bypass& b, std::string_view addr) { return b.Contains(kBg, "tcp", addr); }

TEST(Bypass, BlacklistMatchesEachPatternForm) {
  auto b = Bypass::FromList("10.0.0.0/8,192.168.1.1-192.168.1.9,example.com,.corp.lan,*.test:8000-8080,1.2.3.4:443");
  ASSERT_TRUE(b) << b.error().Message();
  Bypass& bp = **b;
  EXPECT_FALSE(bp.IsWhitelist());
  EXPECT_TRUE(Contains(bp, "10.1.2.3:80"));
  EXPECT_TRUE(Contains(bp, "10.1.2.3"));
  EXPECT_FALSE(Contains(bp, "11.1.2.3:80"));
  EXPECT_TRUE(Contains(bp, "192.168.1.5:1"));
  EXPECT_FALSE(Contains(bp, "192.168.1.10:1"));
  EXPECT_TRUE(Contains(bp, "EXAMPLE.com:443"));
  EXPECT_FALSE(Contains(bp, "www.example.com:443"));
  EXPECT_TRUE(Contains(bp, "corp.lan:22"));
  EXPECT_TRUE(Contains(bp, "a.b.corp.lan:22"));
  EXPECT_FALSE(Contains(bp, "xcorp.lan:22"));
  EXPECT_TRUE(Contains(bp, "api.test:8080"));
  EXPECT_FALSE(Contains(bp, "api.test:8081"));
  EXPECT_TRUE(Contains(bp, "1.2.3.4:443"));
  EXPECT_FALSE(Contains(bp, "1.2.3.4:80"));
  EXPECT_FALSE(Contains(bp, ""));
}

TEST(Bypass, TildeMakesAWhitelist) {
  auto b = Bypass::FromList("~*.example.com");
  ASSERT_TRUE(b);
  EXPECT_TRUE((*b)->IsWhitelist());
  EXPECT_FALSE(Contains(**b, "www.example.com:80"));
  EXPECT_TRUE(Contains(**b, "example.org:80"));
  EXPECT_FALSE(Contains(**b, "")) << "an empty address is never bypassed, in either mode";
}

TEST(Bypass, BadListsAreErrors) {
  EXPECT_FALSE(Bypass::FromList(""));
  EXPECT_FALSE(Bypass::FromList("~,,"));
  EXPECT_FALSE(Bypass::FromList("host:99999"));
  EXPECT_FALSE(Bypass::FromList("host:9-1"));
  EXPECT_FALSE(Bypass::FromList(":80"));
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
