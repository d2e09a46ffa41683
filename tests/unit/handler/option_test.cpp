// Tests of the handler package's functional options (handler/option.hpp): each option
// sets its one field and nothing else, later options win, empty ones are
// skipped (tests/support/option_check.hpp), and an option keeps copies of
// what it was built from.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "support/option_check.hpp"

namespace gost::core {
namespace {

using namespace option_check;

TEST(HandlerOptions, Option) {
  auto bp = New<bypass::Bypass, bypass::MockBypass>();
  auto router = New<chain::Router, chain::MockRouter>();
  auto user = url::UserPassword("u", "");
  auto auther = New<auth::Authenticator, auth::MockAuthenticator>();
  auto rl = New<limiter::rate::RateLimiter, limiter::rate::MockRateLimiter>();
  auto tl = New<limiter::traffic::TrafficLimiter, limiter::traffic::MockTrafficLimiter>();
  auto tls_config = std::make_shared<const tls::Config>();
  auto log = New<logger::Logger, logger::MockLogger>();
  auto obs = New<observer::Observer, observer::MockObserver>();
  auto rw = New<rewriter::Rewriter, rewriter::MockRewriter>();
  const auto r1 = Rec("r1");
  CheckCases<handler::Options>({
      {"BypassOption", "Bypass", handler::BypassOption(bp), [&](auto& o) { o.Bypass = bp; }},
      {"RouterOption", "Router", handler::RouterOption(router), [&](auto& o) { o.Router = router; }},
      {"AuthOption", "Auth", handler::AuthOption(user), [&](auto& o) { o.Auth = user; }},
      {"AutherOption", "Auther", handler::AutherOption(auther), [&](auto& o) { o.Auther = auther; }},
      {"RateLimiterOption", "RateLimiter", handler::RateLimiterOption(rl), [&](auto& o) { o.RateLimiter = rl; }},
      {"TrafficLimiterOption", "Limiter", handler::TrafficLimiterOption(tl), [&](auto& o) { o.Limiter = tl; }},
      {"TLSConfigOption", "TLSConfig", handler::TLSConfigOption(tls_config),
       [&](auto& o) { o.TLSConfig = tls_config; }},
      {"LoggerOption", "Logger", handler::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
      {"ObserverOption", "Observer", handler::ObserverOption(obs), [&](auto& o) { o.Observer = obs; }},
      {"RecordersOption(r1)", "Recorders", handler::RecordersOption(r1), [&](auto& o) { o.Recorders = {r1}; }},
      {"RecordersOption()", "Recorders", handler::RecordersOption({}), [](auto& o) { o.Recorders.clear(); }},
      {"RewriterOption", "Rewriter", handler::RewriterOption(rw), [&](auto& o) { o.Rewriter = rw; }},
      {"ServiceOption", "Service", handler::ServiceOption("svc-1"), [](auto& o) { o.Service = "svc-1"; }},
      {"NetnsOption", "Netns", handler::NetnsOption("ns4"), [](auto& o) { o.Netns = "ns4"; }},
  });
  CheckOrderAndEmpty(handler::ServiceOption, &handler::Options::Service, "a", "b");
}

TEST(HandlerOptions, HandleOption) {
  CheckOnePointerOption("MetadataHandleOption", "Metadata", handler::MetadataHandleOption,
                        &handler::HandleOptions::Metadata, New<metadata::Metadata, metadata::MockMetadata>(),
                        New<metadata::Metadata, metadata::MockMetadata>());
}

TEST(OptionCapture, StringArgumentsAreCopied) {
  ExpectStringCopied<handler::Options>(handler::ServiceOption, &handler::Options::Service);
}

// The option keeps its object alive on its own.
TEST(OptionCapture, PointerArgumentsAreCopiedNotReferenced) {
  ExpectOptionOwns<handler::HandleOptions>(handler::MetadataHandleOption, &handler::HandleOptions::Metadata,
                                           New<metadata::Metadata, metadata::MockMetadata>());
}

// RecordersOption takes a borrowed list (a Go variadic); the option must
// copy it, since the list is gone by the time the option is applied.
TEST(OptionCapture, RecordersOptionCopiesTheList) {
  const auto r1 = Rec("one");
  handler::Option opt;
  {
    std::vector<recorder::RecorderObject> list{r1, Rec("two")};
    opt = handler::RecordersOption(list);
    list.clear();
  }
  const auto from_braces = handler::RecordersOption({Rec("x"), Rec("y"), Rec("z")});

  auto a = MakeOptions<handler::Options>(opt);
  ASSERT_EQ(a.Recorders.size(), 2U);
  EXPECT_EQ(a.Recorders[0].Record, "one");
  EXPECT_EQ(a.Recorders[0].Recorder, r1.Recorder);
  EXPECT_EQ(a.Recorders[1].Record, "two");
  a.Recorders[0].Record = "edited";
  EXPECT_EQ(MakeOptions<handler::Options>(opt).Recorders[0].Record, "one");

  const auto b = MakeOptions<handler::Options>(from_braces);
  std::vector<std::string> names;
  for (const auto& r : b.Recorders) names.push_back(r.Record);
  EXPECT_THAT(names, ::testing::ElementsAre("x", "y", "z"));
}

// Each option type is OptionFunc of its struct (Go: `func(*Options)`); a
// default-built one is the empty "nil option" (OptionFuncTest.EmptyForms).
static_assert(std::is_same_v<handler::Option, OptionFunc<handler::Options>>);
static_assert(std::is_same_v<handler::HandleOption, OptionFunc<handler::HandleOptions>>);

}  // namespace
}  // namespace gost::core
