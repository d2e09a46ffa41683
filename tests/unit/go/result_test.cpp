// Unit tests for gost/core/go/result.hpp: Result<T>, a value or an Error,
// shaped like std::expected<T, Error>.
#include "gost/core/go/result.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"

namespace {

using gost::core::BadResultAccess;
using gost::core::Error;
using gost::core::Result;
namespace errors = gost::core::errors;
namespace io = gost::core::io;
namespace net = gost::core::net;

Result<int> Parse(const std::string& s) {
  if (s == "42") return 42;
  return errors::WithCode(errors::Code::InvalidArgument, "bad number \"" + s + "\"");
}

struct Base {
  virtual ~Base() = default;
  [[nodiscard]] virtual int Id() const { return 1; }
};
struct Derived : Base {
  [[nodiscard]] int Id() const override { return 2; }
};

struct Point {
  int x = 0;
  int y = 0;
  [[nodiscard]] int Sum() const { return x + y; }
};

TEST(ResultTest, HoldsValue) {
  const Result<int> r = 7;
  EXPECT_TRUE(r.has_value());
  EXPECT_TRUE(r);
  EXPECT_EQ(r.value(), 7);
  EXPECT_EQ(*r, 7);
  EXPECT_FALSE(r.error());
  EXPECT_EQ(r.value_or(9), 7);
}

TEST(ResultTest, HoldsError) {
  const Result<int> r = io::ErrEOF;
  EXPECT_FALSE(r.has_value());
  EXPECT_FALSE(r);
  EXPECT_EQ(r.error(), io::ErrEOF);
  EXPECT_TRUE(errors::Is(r.error(), io::ErrEOF));
  EXPECT_EQ(r.value_or(9), 9);
}

TEST(ResultTest, FromFunction) {
  auto ok = Parse("42");
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 42);
  auto bad = Parse("x");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().Message(), "bad number \"x\"");
  EXPECT_TRUE(errors::Is(bad.error(), Error(errors::Code::InvalidArgument)));
}

TEST(ResultTest, DefaultHoldsValueInitializedT) {
  const Result<int> r;
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, 0);
  const Result<std::string> s;
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(*s, "");
}

TEST(ResultTest, ValueOnErrorThrowsBadResultAccessCarryingTheError) {
  const Error err = errors::Wrap(net::ErrClosed, "write");
  Result<int> r = err;
  try {
    (void)r.value();
    FAIL() << "value() did not throw";
  } catch (const BadResultAccess& e) {
    EXPECT_EQ(e.error(), err);
    EXPECT_EQ(e.error().Get(), err.Get());
    EXPECT_TRUE(errors::Is(e.error(), net::ErrClosed));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("write: use of closed network connection"));
  }
  // Every overload checks.
  const Result<int>& cr = r;
  EXPECT_THROW((void)cr.value(), BadResultAccess);
  EXPECT_THROW((void)std::move(r).value(), BadResultAccess);
  // It is a std::logic_error (misuse, not an I/O failure).
  EXPECT_THROW((void)cr.value(), std::logic_error);
}

TEST(ResultTest, BuildingFromEmptyErrorThrows) {
  EXPECT_THROW(Result<int>{Error{}}, std::invalid_argument);
  EXPECT_THROW(Result<std::string>{Error{}}, std::invalid_argument);
  EXPECT_THROW(Result<int>{std::error_code{}}, std::invalid_argument);
  EXPECT_THROW(Result<int>{errors::Wrap(Error{}, "nothing")}, std::invalid_argument);
  auto returns_empty = []() -> Result<int> { return Error{}; };
  EXPECT_THROW((void)returns_empty(), std::invalid_argument);
}

TEST(ResultTest, FromErrorCodeEnum) {
  const Result<int> r = errors::Code::InvalidArgument;
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().Code(), errors::Code::InvalidArgument);
  EXPECT_EQ(r.error().Message(), "invalid argument");
  // The enum is never taken as a value, even for a T it could convert to.
  const Result<std::error_code> rc = errors::Code::IOTimeout;
  ASSERT_FALSE(rc);
  EXPECT_TRUE(rc.error().Timeout());
  // A std::error_code value converts to an Error, not to a T like bool.
  const Result<bool> rb = Error(std::make_error_code(std::errc::timed_out));
  ASSERT_FALSE(rb);
}

TEST(ResultTest, ArrowAndStar) {
  Result<Point> r = Point{3, 4};
  EXPECT_EQ(r->Sum(), 7);
  r->x = 10;
  EXPECT_EQ((*r).x, 10);
  const Result<Point>& cr = r;
  EXPECT_EQ(cr->y, 4);
  EXPECT_EQ((*cr).Sum(), 14);
  r.value().y = 1;
  EXPECT_EQ(r->Sum(), 11);
}

TEST(ResultTest, ValueOrConverts) {
  const Result<std::string> r = errors::New("x");
  EXPECT_EQ(r.value_or("fallback"), "fallback");
  const Result<std::string> v = std::string("v");
  EXPECT_EQ(v.value_or("fallback"), "v");
  const Result<double> d = io::ErrEOF;
  EXPECT_DOUBLE_EQ(d.value_or(1), 1.0);
}

TEST(ResultTest, MoveOnlyUniquePtr) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
  ASSERT_TRUE(r);
  EXPECT_EQ(**r, 5);
  std::unique_ptr<int> p = std::move(r).value();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 5);

  Result<std::unique_ptr<int>> r2 = std::make_unique<int>(6);
  std::unique_ptr<int> q = *std::move(r2);
  EXPECT_EQ(*q, 6);

  Result<std::unique_ptr<int>> e = net::ErrClosed;
  EXPECT_EQ(std::move(e).value_or(nullptr), nullptr);
  Result<std::unique_ptr<int>> e2 = net::ErrClosed;
  EXPECT_THROW((void)std::move(e2).value(), BadResultAccess);

  Result<std::unique_ptr<int>> moved_from = std::make_unique<int>(8);
  Result<std::unique_ptr<int>> moved_to = std::move(moved_from);
  ASSERT_TRUE(moved_to);
  EXPECT_EQ(**moved_to, 8);

  static_assert(!std::is_copy_constructible_v<Result<std::unique_ptr<int>>>);
  static_assert(std::is_move_constructible_v<Result<std::unique_ptr<int>>>);
}

TEST(ResultTest, ConvertingMoveOnly) {
  // unique_ptr<Derived> converts into Result<unique_ptr<Base>>, as a function
  // returning an interface pointer does.
  auto make = []() -> Result<std::unique_ptr<Base>> { return std::make_unique<Derived>(); };
  auto r = make();
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)->Id(), 2);
  auto fail = []() -> Result<std::unique_ptr<Base>> { return net::ErrClosed; };
  EXPECT_FALSE(fail());
  EXPECT_EQ(fail().error(), net::ErrClosed);
}

TEST(ResultTest, CopyKeepsBothAlternatives) {
  const Result<std::vector<int>> a = std::vector<int>{1, 2, 3};
  const Result<std::vector<int>> b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, (std::vector<int>{1, 2, 3}));
  const Result<std::vector<int>> e = io::ErrEOF;
  const Result<std::vector<int>> f = e;  // NOLINT(performance-unnecessary-copy-initialization)
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error(), io::ErrEOF);
}

TEST(ResultTest, AssignSwitchesAlternative) {
  Result<std::string> r = std::string("a");
  r = io::ErrEOF;
  EXPECT_FALSE(r);
  EXPECT_EQ(r.error(), io::ErrEOF);
  r = std::string("b");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "b");
}

TEST(ResultTest, TypeTraits) {
  static_assert(std::is_same_v<Result<int>::value_type, int>);
  static_assert(std::is_same_v<Result<int>::error_type, Error>);
  static_assert(std::is_convertible_v<int, Result<int>>);
  static_assert(std::is_convertible_v<Error, Result<int>>);
  static_assert(std::is_convertible_v<errors::Code, Result<int>>);
  static_assert(!std::is_convertible_v<Result<int>, bool>, "operator bool must be explicit");
  SUCCEED();
}

TEST(BadResultAccessTest, CarriesError) {
  const BadResultAccess e(io::ErrEOF);
  EXPECT_EQ(e.error(), io::ErrEOF);
  EXPECT_STREQ(e.what(), "gost: Result holds an error: EOF");
}

}  // namespace
