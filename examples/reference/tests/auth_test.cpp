#include "reference/auth.hpp"

#include <gtest/gtest.h>

namespace {

namespace core = gost::core;
using gost::x::auth::Authenticator;

TEST(Authenticator, MatchesUserAndPassword) {
  Authenticator a({{"alice", "s3cret"}, {"bob", ""}});
  const auto ctx = core::context::Background();
  EXPECT_EQ(a.Authenticate(ctx, "alice", "s3cret"), (core::auth::AuthenticateResult{"alice", true}));
  EXPECT_FALSE(a.Authenticate(ctx, "alice", "wrong").ok);
  EXPECT_FALSE(a.Authenticate(ctx, "carol", "s3cret").ok);
  EXPECT_TRUE(a.Authenticate(ctx, "bob", "").ok);
  EXPECT_FALSE(a.Authenticate(ctx, "", "").ok);
}

TEST(Authenticator, EmptyTableLetsEveryoneIn) {
  Authenticator a({});
  EXPECT_TRUE(a.Authenticate(core::context::Background(), "anyone", "x").ok);
}

TEST(Authenticator, FromUserinfo) {
  EXPECT_EQ(gost::x::auth::FromUserinfo(nullptr), nullptr);
  auto a = gost::x::auth::FromUserinfo(core::url::User("u"));
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->Authenticate(core::context::Background(), "u", "").ok);
  EXPECT_FALSE(a->Authenticate(core::context::Background(), "u", "p").ok);
}

}  // namespace
