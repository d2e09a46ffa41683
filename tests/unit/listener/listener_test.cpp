// Pins listener::AcceptError / BindError (built by NewAcceptError and
// NewBindError) and the sentinels listener::ErrClosed and
// connector::ErrBindUnsupported.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <system_error>
#include <vector>

#include "gost/core/connector/binder.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/listener/listener.hpp"

namespace gost::core::listener {
namespace {

static_assert(core::detail::kIsInterface<Listener>);

using Wrapper = Error (*)(Error);

struct Kind {
  const char* name;
  Wrapper wrap;
  bool is_accept;
};

// The checks below hold for both wrappers alike.
class WrapperTest : public ::testing::TestWithParam<Kind> {};

const Error kSentinel = errors::New("backend refused");

// A variety of causes: a sentinel made with errors::New, a bare code, a
// timeout, a wrapped chain, a custom code.
std::vector<Error> Causes() {
  return {
      kSentinel,
      io::ErrEOF,
      net::ErrClosed,
      net::ErrDeadlineExceeded,
      context::DeadlineExceeded,
      errors::Wrap(net::ErrDeadlineExceeded, "read tcp 1.2.3.4:80"),
      errors::Wrap(kSentinel, "dial"),
      Error(std::make_error_code(std::errc::connection_reset)),
      errors::WithCode(errors::Code::InvalidArgument, "bad header"),
  };
}

TEST_P(WrapperTest, IsTemporaryAndNeverATimeout) {
  for (const Error& cause : Causes()) {
    SCOPED_TRACE(cause.Message());
    const Error err = GetParam().wrap(cause);
    ASSERT_TRUE(err);
    EXPECT_TRUE(err.Temporary());
    EXPECT_FALSE(err.Timeout());
    ASSERT_NE(err.Get(), nullptr);
    EXPECT_TRUE(err.Get()->Temporary());
    EXPECT_FALSE(err.Get()->Timeout());
  }
  // Even though the cause itself is a timeout.
  ASSERT_TRUE(net::ErrDeadlineExceeded.Timeout());
  EXPECT_FALSE(GetParam().wrap(net::ErrDeadlineExceeded).Timeout());
}

TEST_P(WrapperTest, HasTheCausesTextAndCode) {
  for (const Error& cause : Causes()) {
    SCOPED_TRACE(cause.Message());
    const Error err = GetParam().wrap(cause);
    EXPECT_EQ(err.Message(), cause.Message());
    EXPECT_EQ(err.Get()->Error(), cause.Message());
    EXPECT_EQ(err.Code(), cause.Code());
  }
  EXPECT_EQ(GetParam().wrap(io::ErrEOF).Message(), "EOF");
  EXPECT_EQ(GetParam().wrap(errors::Wrap(kSentinel, "dial")).Message(), "dial: backend refused");
}

TEST_P(WrapperTest, UnwrapsToTheCause) {
  for (const Error& cause : Causes()) {
    SCOPED_TRACE(cause.Message());
    const Error err = GetParam().wrap(cause);
    EXPECT_EQ(err.Unwrap(), cause);
    EXPECT_EQ(errors::Unwrap(err), cause);
    EXPECT_EQ(err.Unwrap().Get(), cause.Get());  // the same object, not a copy of it
  }
}

TEST_P(WrapperTest, ErrorsIsSeesThroughIt) {
  const Error wrapped = GetParam().wrap(kSentinel);
  EXPECT_TRUE(errors::Is(wrapped, kSentinel));
  EXPECT_FALSE(errors::Is(wrapped, errors::New("backend refused")));  // same text, other identity
  EXPECT_FALSE(errors::Is(wrapped, io::ErrEOF));

  const Error deep = GetParam().wrap(errors::Wrap(kSentinel, "dial"));
  EXPECT_TRUE(errors::Is(deep, kSentinel));

  EXPECT_TRUE(errors::Is(GetParam().wrap(io::ErrEOF), io::ErrEOF));
  EXPECT_TRUE(errors::Is(GetParam().wrap(net::ErrDeadlineExceeded), net::ErrDeadlineExceeded));
  EXPECT_FALSE(errors::Is(GetParam().wrap(io::ErrEOF), net::ErrClosed));
  EXPECT_TRUE(errors::Is(GetParam().wrap(ErrClosed), ErrClosed));

  // And further wrapping keeps it findable.
  const Error outer = errors::Wrap(GetParam().wrap(kSentinel), "accept loop");
  EXPECT_TRUE(errors::Is(outer, kSentinel));
  EXPECT_EQ(outer.Message(), "accept loop: backend refused");
}

TEST_P(WrapperTest, ErrorsAsFindsItsOwnTypeOnly) {
  const Error err = GetParam().wrap(kSentinel);
  const auto* accept = errors::As<AcceptError>(err);
  const auto* bind = errors::As<BindError>(err);
  if (GetParam().is_accept) {
    ASSERT_NE(accept, nullptr);
    EXPECT_EQ(bind, nullptr);
    EXPECT_EQ(accept, err.Get());
    EXPECT_EQ(accept->Unwrap(), kSentinel);
  } else {
    ASSERT_NE(bind, nullptr);
    EXPECT_EQ(accept, nullptr);
    EXPECT_EQ(bind, err.Get());
    EXPECT_EQ(bind->Unwrap(), kSentinel);
  }
  // Found through an outer wrapper as well.
  const Error outer = errors::Wrap(err, "serve");
  EXPECT_EQ(errors::As<AcceptError>(outer) != nullptr, GetParam().is_accept);
  EXPECT_EQ(errors::As<BindError>(outer) != nullptr, !GetParam().is_accept);
  // A plain error is neither.
  EXPECT_EQ(errors::As<AcceptError>(kSentinel), nullptr);
  EXPECT_EQ(errors::As<BindError>(io::ErrEOF), nullptr);
}

TEST_P(WrapperTest, WrappingNoErrorGivesNoError) {
  EXPECT_FALSE(GetParam().wrap(Error{}));
  EXPECT_FALSE(GetParam().wrap(Error(std::error_code{})));
  EXPECT_FALSE(GetParam().wrap(Error(std::shared_ptr<const ErrorBase>{})));
  EXPECT_EQ(GetParam().wrap(Error{}), Error{});
}

TEST_P(WrapperTest, WrappingTwiceNestsTheWrappers) {
  const Error once = GetParam().wrap(kSentinel);
  const Error twice = GetParam().wrap(once);
  EXPECT_EQ(twice.Message(), "backend refused");
  EXPECT_EQ(twice.Unwrap().Get(), once.Get());
  EXPECT_TRUE(errors::Is(twice, kSentinel));
  EXPECT_TRUE(twice.Temporary());
}

INSTANTIATE_TEST_SUITE_P(Listener, WrapperTest,
                         ::testing::Values(Kind{"AcceptError", &NewAcceptError, true},
                                           Kind{"BindError", &NewBindError, false}),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(AcceptError, DirectConstruction) {
  const AcceptError a(io::ErrEOF);
  EXPECT_EQ(a.Error(), "EOF");
  EXPECT_TRUE(a.Temporary());
  EXPECT_FALSE(a.Timeout());
  EXPECT_EQ(a.Unwrap(), io::ErrEOF);
  const BindError b(net::ErrDeadlineExceeded);
  EXPECT_EQ(b.Error(), "i/o timeout");
  EXPECT_TRUE(b.Temporary());
  EXPECT_FALSE(b.Timeout());
  EXPECT_EQ(b.Code(), net::ErrDeadlineExceeded.Code());
}

TEST(AcceptError, AcceptAndBindErrorsOfOneCauseAreDifferentTypes) {
  const Error a = NewAcceptError(kSentinel);
  const Error b = NewBindError(kSentinel);
  EXPECT_NE(a.Get(), b.Get());
  EXPECT_EQ(errors::As<AcceptError>(b), nullptr);
  EXPECT_EQ(errors::As<BindError>(a), nullptr);
  // Both lead back to the cause.
  EXPECT_TRUE(errors::Is(a, kSentinel));
  EXPECT_TRUE(errors::Is(b, kSentinel));
}

// ---------------------------------------------------------------------------
// Sentinels

TEST(Sentinels, HaveUpstreamsMessages) {
  ASSERT_TRUE(ErrClosed);
  ASSERT_TRUE(connector::ErrBindUnsupported);
  EXPECT_EQ(ErrClosed.Message(), "accept on closed listener");
  EXPECT_EQ(connector::ErrBindUnsupported.Message(), "bind unsupported");
}

TEST(Sentinels, AreDistinctFromEachOtherAndFromLookalikes) {
  EXPECT_TRUE(errors::Is(ErrClosed, ErrClosed));
  EXPECT_TRUE(errors::Is(connector::ErrBindUnsupported, connector::ErrBindUnsupported));
  EXPECT_FALSE(errors::Is(ErrClosed, connector::ErrBindUnsupported));
  EXPECT_FALSE(errors::Is(connector::ErrBindUnsupported, ErrClosed));
  EXPECT_NE(ErrClosed, connector::ErrBindUnsupported);
  // Upstream's listener.ErrClosed is its own error, not net.ErrClosed.
  EXPECT_FALSE(errors::Is(ErrClosed, net::ErrClosed));
  EXPECT_FALSE(errors::Is(net::ErrClosed, ErrClosed));
  // Same text but another identity does not match.
  EXPECT_FALSE(errors::Is(errors::New("accept on closed listener"), ErrClosed));
  // Neither is temporary nor a timeout by itself.
  EXPECT_FALSE(ErrClosed.Temporary());
  EXPECT_FALSE(ErrClosed.Timeout());
  EXPECT_FALSE(connector::ErrBindUnsupported.Temporary());
  EXPECT_FALSE(connector::ErrBindUnsupported.Timeout());
}

TEST(Sentinels, AreFoundThroughWrapping) {
  const Error e = errors::Wrap(ErrClosed, "service foo");
  EXPECT_TRUE(errors::Is(e, ErrClosed));
  EXPECT_FALSE(errors::Is(e, connector::ErrBindUnsupported));
  EXPECT_EQ(e.Message(), "service foo: accept on closed listener");
  const Error b = NewBindError(connector::ErrBindUnsupported);
  EXPECT_TRUE(errors::Is(b, connector::ErrBindUnsupported));
  EXPECT_TRUE(b.Temporary());
  EXPECT_EQ(b.Message(), "bind unsupported");
}

}  // namespace
}  // namespace gost::core::listener
