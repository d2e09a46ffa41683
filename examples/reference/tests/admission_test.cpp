// Tests of the local admission (examples/reference/admission.hpp): blacklist,
// whitelist and the lists it refuses.
#include <string_view>

#include "reference/admission.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using x::admission::Admission;

bool Admit(Admission& a, std::string_view addr) { return a.Admit(kBg, "tcp", addr); }

TEST(Admission, BlacklistRefusesMatchingClients) {
  auto a = Admission::FromList("127.0.0.2,10.0.0.0/8,::1");
  ASSERT_TRUE(a) << a.error().Message();
  EXPECT_FALSE(Admit(**a, "127.0.0.2:5555"));
  EXPECT_FALSE(Admit(**a, "10.9.9.9:1"));
  EXPECT_FALSE(Admit(**a, "[::1]:1"));
  EXPECT_TRUE(Admit(**a, "127.0.0.1:5555"));
  EXPECT_TRUE(Admit(**a, ""));
}

TEST(Admission, WhitelistAdmitsOnlyMatchingClients) {
  auto a = Admission::FromList("~127.0.0.4");
  ASSERT_TRUE(a);
  EXPECT_TRUE(Admit(**a, "127.0.0.4:1"));
  EXPECT_FALSE(Admit(**a, "127.0.0.1:1"));
  EXPECT_TRUE(Admit(**a, "")) << "an empty address is admitted in either mode";
}

TEST(Admission, BadListsAreErrors) {
  EXPECT_FALSE(Admission::FromList(""));
  EXPECT_FALSE(Admission::FromList("1.1.1.1:70000"));
}

}  // namespace
}  // namespace gost::x::test
