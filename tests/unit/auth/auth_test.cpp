// Tests for gost/core/auth/auth.hpp: the options, AuthenticateResult and
// the Authenticator interface.
#include "gost/core/auth/auth.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/auth.hpp"
#include "support/option_cases.hpp"

namespace gost::core::auth {
namespace {

static_assert(detail::kIsInterface<Authenticator>);

TEST(AuthOptions, WithServiceSetsService) {
  testsupport::ExpectOneStringFieldOption<Options>("WithService", WithService, &Options::Service);
}

TEST(AuthenticateResult, DefaultIsARejection) {
  const AuthenticateResult r;
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.id.empty());
  EXPECT_EQ(r, (AuthenticateResult{"", false}));
  EXPECT_NE(r, (AuthenticateResult{"", true}));
  EXPECT_NE((AuthenticateResult{"a", true}), (AuthenticateResult{"b", true}));
}

// Accepts users from a fixed table; ids are "<service>/<user>" so the test
// can see the options arrive.
class TableAuthenticator final : public Authenticator {
 public:
  explicit TableAuthenticator(std::map<std::string, std::string, std::less<>> users) : users_(std::move(users)) {}

  AuthenticateResult Authenticate(const context::Context& ctx, std::string_view user, std::string_view password,
                                  Variadic<Option> opts) override {
    if (ctx.Err()) return {};
    auto it = users_.find(user);
    if (it == users_.end() || it->second != password) return {};
    const auto o = MakeOptions<Options>(opts);
    return {o.Service + "/" + it->first, true};
  }

 private:
  std::map<std::string, std::string, std::less<>> users_;
};

TEST(Authenticator, AcceptsOnlyKnownCredentials) {
  const AuthenticatorPtr a = std::make_shared<TableAuthenticator>(
      std::map<std::string, std::string, std::less<>>{{"alice", "s3cret"}, {"bob", ""}});
  const context::Context ctx;

  EXPECT_EQ(a->Authenticate(ctx, "alice", "s3cret"), (AuthenticateResult{"/alice", true}));
  EXPECT_EQ(a->Authenticate(ctx, "alice", "s3cret", WithService("socks")), (AuthenticateResult{"socks/alice", true}));
  // An empty password is a password like any other.
  EXPECT_TRUE(a->Authenticate(ctx, "bob", "").ok);

  // Bad input: wrong password, unknown or empty user, case differences,
  // embedded NUL, a password that is a prefix of the right one.
  EXPECT_FALSE(a->Authenticate(ctx, "alice", "wrong").ok);
  EXPECT_FALSE(a->Authenticate(ctx, "alice", "").ok);
  EXPECT_FALSE(a->Authenticate(ctx, "alice", "s3cre").ok);
  EXPECT_FALSE(a->Authenticate(ctx, "Alice", "s3cret").ok);
  EXPECT_FALSE(a->Authenticate(ctx, "", "").ok);
  EXPECT_FALSE(a->Authenticate(ctx, "carol", "s3cret").ok);
  EXPECT_FALSE(a->Authenticate(ctx, std::string_view("alice\0x", 7), "s3cret").ok);
  EXPECT_FALSE(a->Authenticate(ctx, "bob", std::string_view("\0", 1)).ok);
}

TEST(Authenticator, RejectsOnceTheContextEnds) {
  const AuthenticatorPtr a =
      std::make_shared<TableAuthenticator>(std::map<std::string, std::string, std::less<>>{{"u", "p"}});
  auto [ctx, cancel] = context::WithCancel(context::Background());
  EXPECT_TRUE(a->Authenticate(ctx, "u", "p").ok);
  cancel();
  EXPECT_EQ(a->Authenticate(ctx, "u", "p"), AuthenticateResult{});
}

TEST(Authenticator, MockSeesArgumentsAndOptions) {
  auto mock = std::make_shared<MockAuthenticator>();
  EXPECT_CALL(*mock, Authenticate(::testing::_, ::testing::Eq("user"), ::testing::Eq("pass"), ::testing::_))
      .WillOnce([](const context::Context&, std::string_view, std::string_view, Variadic<Option> opts) {
        return AuthenticateResult{MakeOptions<Options>(opts).Service, true};
      });
  const AuthenticatorPtr a = mock;
  EXPECT_EQ(a->Authenticate(context::Background(), "user", "pass", {WithService("x"), WithService("http")}),
            (AuthenticateResult{"http", true}));
}

}  // namespace
}  // namespace gost::core::auth
