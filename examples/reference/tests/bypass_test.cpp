// Tests of the local bypass (examples/reference/bypass.hpp): a matching
// address is bypassed, a tilde makes the list a whitelist, a bad list is an
// error. The pattern forms themselves are matcher_test's.
#include <string>
#include <string_view>

#include "reference/bypass.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using x::bypass::Bypass;

bool Contains(Bypass& b, std::string_view addr) { return b.Contains(kBg, "tcp", addr); }

TEST(Bypass, BypassesWhatItsListKeepsOut) {
  auto black = Bypass::FromList("10.0.0.0/8,*.test:8000-8080");
  auto white = Bypass::FromList("~10.0.0.0/8,*.test:8000-8080");
  ASSERT_TRUE(black && white);
  EXPECT_FALSE((*black)->IsWhitelist());
  EXPECT_TRUE((*white)->IsWhitelist());
  struct Case {
    std::string_view addr;
    bool by_blacklist;
    bool by_whitelist;
  };
  for (const auto& c : {Case{"10.1.2.3:80", true, false}, Case{"api.test:8080", true, false},
                        Case{"api.test:8081", false, true}, Case{"11.1.2.3:80", false, true},
                        Case{"", false, false}}) {  // an empty address is never bypassed
    EXPECT_EQ(Contains(**black, c.addr), c.by_blacklist) << "'" << c.addr << "'";
    EXPECT_EQ(Contains(**white, c.addr), c.by_whitelist) << "'" << c.addr << "'";
  }
}

TEST(Bypass, ABadListIsAnError) {
  auto b = Bypass::FromList("host:9-1");
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().Message().find("host:9-1"), std::string::npos) << b.error().Message();
}

}  // namespace
}  // namespace gost::x::test
