// Unit tests for gost/core/go/errors.hpp: the Error value, the sentinels of
// the vocabulary, and the errors:: helpers (New, WithCode, Wrap, Unwrap, Is,
// As), checked against what Go's errors package does.
#include "gost/core/go/errors.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

#include "gost/core/go/context.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"

namespace {

using gost::core::Error;
using gost::core::ErrorBase;
namespace errors = gost::core::errors;
namespace io = gost::core::io;
namespace net = gost::core::net;
namespace context = gost::core::context;

std::string Printed(const Error& e) {
  std::ostringstream os;
  os << e;
  return os.str();
}

// A user-defined rich error, found with errors::As through wrapping.
class TempError final : public ErrorBase {
 public:
  explicit TempError(int attempt) : attempt_(attempt) {}
  [[nodiscard]] std::string Error() const override { return "temporary failure #" + std::to_string(attempt_); }
  [[nodiscard]] std::error_code Code() const noexcept override { return errors::Code::Generic; }
  [[nodiscard]] bool Temporary() const noexcept override { return true; }
  [[nodiscard]] int attempt() const noexcept { return attempt_; }

 private:
  int attempt_;
};

// Another user type, to check that As<T> does not confuse types.
class OtherError final : public ErrorBase {
 public:
  [[nodiscard]] std::string Error() const override { return "other"; }
  [[nodiscard]] std::error_code Code() const noexcept override { return errors::Code::Generic; }
};

// A user error that wraps a cause of its own.
class OpError final : public ErrorBase {
 public:
  OpError(std::string op, gost::core::Error cause) : op_(std::move(op)), cause_(std::move(cause)) {}
  [[nodiscard]] std::string Error() const override { return op_ + " failed: " + cause_.Message(); }
  [[nodiscard]] std::error_code Code() const noexcept override { return cause_.Code(); }
  [[nodiscard]] bool Timeout() const noexcept override { return cause_.Timeout(); }
  [[nodiscard]] gost::core::Error Unwrap() const override { return cause_; }

 private:
  std::string op_;
  gost::core::Error cause_;
};

// ---------------------------------------------------------------------------
// The empty Error

TEST(ErrorTest, DefaultIsEmptyAndFalsy) {
  const Error e;
  EXPECT_FALSE(e);
  EXPECT_EQ(e.Message(), "");
  EXPECT_FALSE(e.Code());
  EXPECT_FALSE(e.Timeout());
  EXPECT_FALSE(e.Temporary());
  EXPECT_FALSE(e.Unwrap());
  EXPECT_EQ(e.Get(), nullptr);
}

TEST(ErrorTest, ZeroCodeAndNullRepAreEmpty) {
  EXPECT_FALSE(Error(std::error_code()));
  EXPECT_FALSE(Error(std::error_code(0, errors::category())));
  EXPECT_FALSE(Error(std::shared_ptr<const ErrorBase>()));
  EXPECT_EQ(Error(std::error_code()), Error());
}

TEST(ErrorTest, NonZeroCodeIsTruthy) {
  const Error e(std::make_error_code(std::errc::connection_refused));
  EXPECT_TRUE(e);
  EXPECT_EQ(e.Code(), std::errc::connection_refused);
  EXPECT_EQ(e.Message(), std::make_error_code(std::errc::connection_refused).message());
  EXPECT_EQ(e.Get(), nullptr);
}

TEST(ErrorTest, IsCheapValueType) {
  static_assert(std::is_nothrow_default_constructible_v<Error>);
  static_assert(std::is_nothrow_move_constructible_v<Error>);
  static_assert(std::is_copy_constructible_v<Error>);
  static_assert(!std::is_convertible_v<Error, bool>, "operator bool must be explicit");
  static_assert(std::is_constructible_v<bool, Error>);
  static_assert(std::is_convertible_v<errors::Code, Error>);
  static_assert(std::is_convertible_v<std::error_code, Error>);
  SUCCEED();
}

// ---------------------------------------------------------------------------
// Sentinels

TEST(SentinelTest, Messages) {
  EXPECT_EQ(io::ErrEOF.Message(), "EOF");
  EXPECT_EQ(net::ErrClosed.Message(), "use of closed network connection");
  EXPECT_EQ(net::ErrDeadlineExceeded.Message(), "i/o timeout");
  EXPECT_EQ(context::Canceled.Message(), "context canceled");
  EXPECT_EQ(context::DeadlineExceeded.Message(), "context deadline exceeded");
}

TEST(SentinelTest, AreTruthyBareCodes) {
  for (const Error* e :
       {&io::ErrEOF, &net::ErrClosed, &net::ErrDeadlineExceeded, &context::Canceled, &context::DeadlineExceeded}) {
    EXPECT_TRUE(*e) << *e;
    EXPECT_EQ(e->Get(), nullptr) << *e;
    EXPECT_EQ(e->Code().category(), errors::category()) << *e;
    EXPECT_FALSE(e->Unwrap()) << *e;
  }
}

TEST(SentinelTest, Codes) {
  EXPECT_EQ(io::ErrEOF.Code(), errors::Code::EndOfFile);
  EXPECT_EQ(net::ErrClosed.Code(), errors::Code::ClosedConnection);
  EXPECT_EQ(net::ErrDeadlineExceeded.Code(), errors::Code::IOTimeout);
  EXPECT_EQ(context::Canceled.Code(), errors::Code::ContextCanceled);
  EXPECT_EQ(context::DeadlineExceeded.Code(), errors::Code::ContextDeadlineExceeded);
}

TEST(SentinelTest, TimeoutAndTemporary) {
  // os.ErrDeadlineExceeded and context.DeadlineExceeded are both timeouts and
  // temporary in Go; the others are neither.
  EXPECT_TRUE(net::ErrDeadlineExceeded.Timeout());
  EXPECT_TRUE(net::ErrDeadlineExceeded.Temporary());
  EXPECT_TRUE(context::DeadlineExceeded.Timeout());
  EXPECT_TRUE(context::DeadlineExceeded.Temporary());
  EXPECT_FALSE(context::Canceled.Timeout());
  EXPECT_FALSE(context::Canceled.Temporary());
  EXPECT_FALSE(io::ErrEOF.Timeout());
  EXPECT_FALSE(io::ErrEOF.Temporary());
  EXPECT_FALSE(net::ErrClosed.Timeout());
  EXPECT_FALSE(net::ErrClosed.Temporary());
}

TEST(SentinelTest, AreDistinct) {
  const std::vector<Error> all = {io::ErrEOF, net::ErrClosed, net::ErrDeadlineExceeded, context::Canceled,
                                  context::DeadlineExceeded};
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = 0; j < all.size(); ++j) {
      EXPECT_EQ(errors::Is(all[i], all[j]), i == j) << all[i] << " vs " << all[j];
      EXPECT_EQ(all[i] == all[j], i == j) << all[i] << " vs " << all[j];
    }
  }
}

TEST(SentinelTest, ForeignTimedOutCodeIsTimeout) {
  const Error e(std::make_error_code(std::errc::timed_out));
  EXPECT_TRUE(e.Timeout());
  EXPECT_TRUE(e.Temporary());
  EXPECT_FALSE(Error(std::make_error_code(std::errc::connection_reset)).Timeout());
}

// ---------------------------------------------------------------------------
// std::error_code interop

TEST(ErrorCodeTest, CategoryName) {
  EXPECT_STREQ(errors::category().name(), "gost");
  EXPECT_EQ(&errors::category(), &errors::category());
}

TEST(ErrorCodeTest, CodeConvertsToErrorCode) {
  const std::error_code ec = errors::Code::IOTimeout;
  EXPECT_EQ(ec.category(), errors::category());
  EXPECT_EQ(ec.value(), static_cast<int>(errors::Code::IOTimeout));
  EXPECT_EQ(ec.message(), "i/o timeout");
  EXPECT_EQ(ec, errors::Code::IOTimeout);
  EXPECT_NE(ec, errors::Code::EndOfFile);
  EXPECT_EQ(errors::make_error_code(errors::Code::EndOfFile).message(), "EOF");
}

TEST(ErrorCodeTest, CategoryMessages) {
  const auto& cat = errors::category();
  EXPECT_EQ(cat.message(static_cast<int>(errors::Code::Generic)), "error");
  EXPECT_EQ(cat.message(static_cast<int>(errors::Code::EndOfFile)), "EOF");
  EXPECT_EQ(cat.message(static_cast<int>(errors::Code::ClosedConnection)), "use of closed network connection");
  EXPECT_EQ(cat.message(static_cast<int>(errors::Code::IOTimeout)), "i/o timeout");
  EXPECT_EQ(cat.message(static_cast<int>(errors::Code::ContextCanceled)), "context canceled");
  EXPECT_EQ(cat.message(static_cast<int>(errors::Code::ContextDeadlineExceeded)), "context deadline exceeded");
  EXPECT_EQ(cat.message(static_cast<int>(errors::Code::InvalidArgument)), "invalid argument");
  EXPECT_EQ(cat.message(999), "unknown gost error 999");
}

TEST(ErrorCodeTest, ErrorFromCodeEnum) {
  const Error e = errors::Code::ClosedConnection;
  EXPECT_TRUE(e);
  EXPECT_EQ(e.Message(), "use of closed network connection");
  EXPECT_EQ(e.Code(), errors::Code::ClosedConnection);
  EXPECT_TRUE(errors::Is(e, Error(errors::Code::ClosedConnection)));
}

TEST(ErrorCodeTest, IsTimeoutCode) {
  EXPECT_TRUE(errors::IsTimeoutCode(errors::Code::IOTimeout));
  EXPECT_TRUE(errors::IsTimeoutCode(errors::Code::ContextDeadlineExceeded));
  EXPECT_TRUE(errors::IsTimeoutCode(std::make_error_code(std::errc::timed_out)));
  EXPECT_FALSE(errors::IsTimeoutCode(errors::Code::ContextCanceled));
  EXPECT_FALSE(errors::IsTimeoutCode(std::error_code()));
  // Same numeric value in another category is not a timeout.
  EXPECT_FALSE(
      errors::IsTimeoutCode(std::error_code(static_cast<int>(errors::Code::IOTimeout), std::generic_category())));
}

// ---------------------------------------------------------------------------
// errors::New

TEST(NewTest, MessageAndCode) {
  const Error e = errors::New("boom");
  EXPECT_TRUE(e);
  EXPECT_EQ(e.Message(), "boom");
  EXPECT_EQ(e.Code(), errors::Code::Generic);
  EXPECT_NE(e.Get(), nullptr);
  EXPECT_FALSE(e.Timeout());
  EXPECT_FALSE(e.Temporary());
  EXPECT_FALSE(e.Unwrap());
}

TEST(NewTest, EmptyTextIsStillAnError) {
  const Error e = errors::New("");
  EXPECT_TRUE(e);
  EXPECT_EQ(e.Message(), "");
  EXPECT_NE(e, Error());
}

TEST(NewTest, IdentitySemantics) {
  const Error a = errors::New("same text");
  const Error b = errors::New("same text");
  const Error a_copy = a;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_TRUE(errors::Is(a, a));
  EXPECT_TRUE(errors::Is(a_copy, a));
  EXPECT_TRUE(errors::Is(a, a_copy));
  EXPECT_FALSE(errors::Is(a, b));
  EXPECT_FALSE(errors::Is(b, a));
  EXPECT_EQ(a.Get(), a_copy.Get());
  EXPECT_NE(a.Get(), b.Get());
}

TEST(NewTest, DoesNotMatchGenericCodeByCode) {
  // Code::Generic is not a key: a New error is not Is-equal to a bare Generic
  // code, nor to an unrelated WithCode(Generic) error.
  const Error e = errors::New("x");
  EXPECT_FALSE(errors::Is(e, errors::WithCode(errors::Code::Generic, "x")));
  EXPECT_FALSE(errors::Is(errors::WithCode(errors::Code::Generic, "x"), e));
}

TEST(NewTest, CopiesAreSafeAcrossThreads) {
  const Error e = errors::Wrap(errors::New("shared"), "ctx");
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (std::size_t t = 0; t < ok.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) {
        const Error copy = e;  // NOLINT(performance-unnecessary-copy-initialization)
        if (copy.Message() == "ctx: shared" && errors::Is(copy, e.Unwrap())) ++ok[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 1000);
}

// ---------------------------------------------------------------------------
// errors::WithCode

TEST(WithCodeTest, MatchesAnyErrorWithTheSameCode) {
  const Error a = errors::WithCode(errors::Code::InvalidArgument, "net: invalid IP address \"x\"");
  const Error b = errors::WithCode(errors::Code::InvalidArgument, "other text");
  EXPECT_EQ(a.Message(), "net: invalid IP address \"x\"");
  EXPECT_EQ(a.Code(), errors::Code::InvalidArgument);
  EXPECT_TRUE(errors::Is(a, b));
  EXPECT_TRUE(errors::Is(b, a));
  EXPECT_TRUE(errors::Is(a, Error(errors::Code::InvalidArgument)));
  EXPECT_FALSE(errors::Is(a, Error(errors::Code::EndOfFile)));
  EXPECT_FALSE(errors::Is(a, errors::New("net: invalid IP address \"x\"")));
}

TEST(WithCodeTest, MatchesSentinel) {
  const Error e = errors::WithCode(errors::Code::EndOfFile, "unexpected EOF while reading header");
  EXPECT_TRUE(errors::Is(e, io::ErrEOF));
  EXPECT_FALSE(errors::Is(e, net::ErrClosed));
}

TEST(WithCodeTest, TimeoutComesFromTheCode) {
  EXPECT_TRUE(errors::WithCode(errors::Code::IOTimeout, "read tcp: i/o timeout").Timeout());
  EXPECT_TRUE(errors::WithCode(errors::Code::IOTimeout, "read tcp: i/o timeout").Temporary());
  EXPECT_FALSE(errors::WithCode(errors::Code::ClosedConnection, "closed").Timeout());
}

TEST(WithCodeTest, ForeignCategory) {
  const Error e = errors::WithCode(std::make_error_code(std::errc::connection_refused), "dial: refused");
  EXPECT_TRUE(errors::Is(e, Error(std::make_error_code(std::errc::connection_refused))));
  EXPECT_FALSE(errors::Is(e, Error(std::make_error_code(std::errc::connection_reset))));
}

// ---------------------------------------------------------------------------
// errors::Wrap / Unwrap / Is

TEST(WrapTest, MessageIsTextColonCause) {
  const Error e = errors::Wrap(io::ErrEOF, "read header");
  EXPECT_EQ(e.Message(), "read header: EOF");
  EXPECT_EQ(errors::Wrap(errors::New("inner"), "outer").Message(), "outer: inner");
}

TEST(WrapTest, EmptyTextKeepsCauseText) { EXPECT_EQ(errors::Wrap(io::ErrEOF, "").Message(), "EOF"); }

TEST(WrapTest, WrapOfEmptyIsEmpty) {
  const Error e = errors::Wrap(Error(), "context");
  EXPECT_FALSE(e);
  EXPECT_EQ(e, Error());
  EXPECT_EQ(e.Message(), "");
}

TEST(WrapTest, UnwrapGivesTheCause) {
  const Error cause = errors::New("cause");
  const Error w = errors::Wrap(cause, "w");
  EXPECT_EQ(errors::Unwrap(w).Get(), cause.Get());
  EXPECT_EQ(w.Unwrap().Get(), cause.Get());
  EXPECT_FALSE(errors::Unwrap(cause));
  EXPECT_FALSE(errors::Unwrap(io::ErrEOF));
  EXPECT_FALSE(errors::Unwrap(Error()));
}

TEST(WrapTest, KeepsCodeTimeoutAndTemporary) {
  const Error w = errors::Wrap(net::ErrDeadlineExceeded, "read tcp 1.2.3.4:80");
  EXPECT_EQ(w.Code(), errors::Code::IOTimeout);
  EXPECT_TRUE(w.Timeout());
  EXPECT_TRUE(w.Temporary());
  const Error c = errors::Wrap(context::Canceled, "dial");
  EXPECT_FALSE(c.Timeout());
  EXPECT_FALSE(c.Temporary());
  // The custom cause's Temporary shows through a wrapper.
  const Error t = errors::Wrap(Error(std::make_shared<const TempError>(1)), "retry");
  EXPECT_TRUE(t.Temporary());
  EXPECT_FALSE(t.Timeout());
}

TEST(WrapTest, IsThroughThreeLevels) {
  const Error root = errors::New("root");
  const Error w3 = errors::Wrap(errors::Wrap(errors::Wrap(root, "one"), "two"), "three");
  EXPECT_EQ(w3.Message(), "three: two: one: root");
  EXPECT_TRUE(errors::Is(w3, root));
  EXPECT_FALSE(errors::Is(w3, errors::New("root")));
  EXPECT_FALSE(errors::Is(root, w3));  // Is looks down the chain, not up

  const Error s3 = errors::Wrap(errors::Wrap(errors::Wrap(io::ErrEOF, "a"), "b"), "c");
  EXPECT_TRUE(errors::Is(s3, io::ErrEOF));
  EXPECT_FALSE(errors::Is(s3, net::ErrClosed));
  EXPECT_EQ(errors::Unwrap(errors::Unwrap(errors::Unwrap(s3))), io::ErrEOF);
  EXPECT_FALSE(errors::Unwrap(errors::Unwrap(errors::Unwrap(errors::Unwrap(s3)))));
}

TEST(IsTest, EmptyTarget) {
  // errors.Is(err, nil) is err == nil.
  EXPECT_TRUE(errors::Is(Error(), Error()));
  EXPECT_FALSE(errors::Is(io::ErrEOF, Error()));
  EXPECT_FALSE(errors::Is(errors::New("x"), Error()));
  EXPECT_FALSE(errors::Is(Error(), io::ErrEOF));
  EXPECT_FALSE(errors::Is(Error(), errors::New("x")));
}

TEST(IsTest, ThroughCustomWrapper) {
  const Error e(std::make_shared<const OpError>("read", errors::Wrap(net::ErrDeadlineExceeded, "conn")));
  EXPECT_EQ(e.Message(), "read failed: conn: i/o timeout");
  EXPECT_TRUE(errors::Is(e, net::ErrDeadlineExceeded));
  EXPECT_TRUE(e.Timeout());
  const Error root = errors::New("root");
  const Error e2(std::make_shared<const OpError>("write", root));
  EXPECT_TRUE(errors::Is(e2, root));
  EXPECT_FALSE(errors::Is(e2, net::ErrDeadlineExceeded));
}

TEST(IsTest, WrappedTargetMatchesItself) {
  const Error w = errors::Wrap(errors::New("x"), "y");
  const Error outer = errors::Wrap(w, "z");
  EXPECT_TRUE(errors::Is(outer, w));
  EXPECT_TRUE(errors::Is(w, w));
}

// ---------------------------------------------------------------------------
// errors::As

TEST(AsTest, FindsCustomTypeThroughWrapping) {
  const Error custom(std::make_shared<const TempError>(7));
  const Error w = errors::Wrap(errors::Wrap(errors::Wrap(custom, "a"), "b"), "c");
  const TempError* t = errors::As<TempError>(w);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->attempt(), 7);
  EXPECT_EQ(t, custom.Get());
  EXPECT_EQ(w.Message(), "c: b: a: temporary failure #7");
}

TEST(AsTest, ReturnsNullWhenAbsent) {
  EXPECT_EQ(errors::As<TempError>(Error()), nullptr);
  EXPECT_EQ(errors::As<TempError>(io::ErrEOF), nullptr);
  EXPECT_EQ(errors::As<TempError>(errors::Wrap(errors::New("x"), "y")), nullptr);
  const Error other(std::make_shared<const OtherError>());
  EXPECT_EQ(errors::As<TempError>(errors::Wrap(other, "w")), nullptr);
  EXPECT_NE(errors::As<OtherError>(errors::Wrap(other, "w")), nullptr);
}

TEST(AsTest, FindsTheFirstMatch) {
  const Error inner(std::make_shared<const TempError>(1));
  const Error outer(std::make_shared<const OpError>("op", errors::Wrap(inner, "w")));
  const Error top(std::make_shared<const OpError>("top", outer));
  const OpError* op = errors::As<OpError>(top);
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op, top.Get());
  const TempError* t = errors::As<TempError>(top);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->attempt(), 1);
}

TEST(AsTest, BaseTypeMatchesAnyRichError) {
  const Error w = errors::Wrap(io::ErrEOF, "x");
  EXPECT_EQ(errors::As<ErrorBase>(w), w.Get());
  EXPECT_EQ(errors::As<ErrorBase>(io::ErrEOF), nullptr);  // a bare code has no implementation
}

TEST(AsTest, PointerOutlivesTheOriginalHandleViaCopy) {
  const TempError* p = nullptr;
  Error keep;
  {
    const Error e = errors::Wrap(Error(std::make_shared<const TempError>(3)), "w");
    keep = e;
    p = errors::As<TempError>(e);
  }
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->attempt(), 3);
}

// ---------------------------------------------------------------------------
// operator==, printing

TEST(EqualityTest, Semantics) {
  EXPECT_EQ(Error(), Error());
  EXPECT_EQ(io::ErrEOF, Error(errors::Code::EndOfFile));
  EXPECT_NE(io::ErrEOF, Error());
  EXPECT_NE(Error(), io::ErrEOF);
  const Error a = errors::New("x");
  const Error a_copy = a;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(a, a_copy);
  // == compares code and text: two News with one text are equal values even
  // though errors::Is tells them apart.
  EXPECT_EQ(errors::New("x"), errors::New("x"));
  EXPECT_NE(errors::New("x"), errors::New("y"));
  // A wrapper is not equal to its cause (different text).
  EXPECT_NE(errors::Wrap(io::ErrEOF, "read"), io::ErrEOF);
  // Same code, same text: equal whether bare or rich.
  EXPECT_EQ(errors::WithCode(errors::Code::EndOfFile, "EOF"), io::ErrEOF);
  EXPECT_NE(errors::WithCode(errors::Code::EndOfFile, "eof"), io::ErrEOF);
  // Same text, different code: not equal.
  EXPECT_NE(errors::WithCode(errors::Code::IOTimeout, "EOF"), io::ErrEOF);
}

TEST(PrintTest, StreamAndPrintTo) {
  EXPECT_EQ(Printed(Error()), "<nil>");
  EXPECT_EQ(Printed(io::ErrEOF), "EOF");
  EXPECT_EQ(Printed(errors::Wrap(io::ErrEOF, "read")), "read: EOF");
  EXPECT_EQ(::testing::PrintToString(Error()), "<nil>");
  EXPECT_EQ(::testing::PrintToString(context::Canceled), "context canceled");
  EXPECT_EQ(::testing::PrintToString(errors::New("x y")), "x y");
}

}  // namespace
