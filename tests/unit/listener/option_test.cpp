// Tests of the listener package's functional options (listener/option.hpp): each option
// sets its one field and nothing else, later options win, empty ones are
// skipped (tests/support/option_check.hpp), and an option keeps copies of
// what it was built from.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>

#include "support/option_check.hpp"

namespace gost::core {
namespace {

using namespace option_check;

TEST(ListenerOptions, Option) {
  auto auther = New<auth::Authenticator, auth::MockAuthenticator>();
  auto user = url::User("u");
  auto tls_config = std::make_shared<const tls::Config>();
  auto adm = New<admission::Admission, admission::MockAdmission>();
  auto tl = New<limiter::traffic::TrafficLimiter, limiter::traffic::MockTrafficLimiter>();
  auto cl = New<limiter::conn::ConnLimiter, limiter::conn::MockConnLimiter>();
  auto stats = New<observer::stats::Stats, observer::stats::MockStats>();
  auto log = New<logger::Logger, logger::MockLogger>();
  auto router = New<chain::Router, chain::MockRouter>();
  // Options::Chain has no option function upstream either; every option must
  // leave it alone (checked through the filled base).
  CheckCases<listener::Options>(
      {
          {"AddrOption", "Addr", listener::AddrOption(":8080"), [](auto& o) { o.Addr = ":8080"; }},
          {"AutherOption", "Auther", listener::AutherOption(auther), [&](auto& o) { o.Auther = auther; }},
          {"AuthOption", "Auth", listener::AuthOption(user), [&](auto& o) { o.Auth = user; }},
          {"TLSConfigOption", "TLSConfig", listener::TLSConfigOption(tls_config),
           [&](auto& o) { o.TLSConfig = tls_config; }},
          {"AdmissionOption", "Admission", listener::AdmissionOption(adm), [&](auto& o) { o.Admission = adm; }},
          {"TrafficLimiterOption", "TrafficLimiter", listener::TrafficLimiterOption(tl),
           [&](auto& o) { o.TrafficLimiter = tl; }},
          {"ConnLimiterOption", "ConnLimiter", listener::ConnLimiterOption(cl), [&](auto& o) { o.ConnLimiter = cl; }},
          {"StatsOption", "Stats", listener::StatsOption(stats), [&](auto& o) { o.Stats = stats; }},
          {"LoggerOption", "Logger", listener::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
          {"ServiceOption", "Service", listener::ServiceOption("svc-2"), [](auto& o) { o.Service = "svc-2"; }},
          {"ProxyProtocolOption", "ProxyProtocol", listener::ProxyProtocolOption(1),
           [](auto& o) { o.ProxyProtocol = 1; }},
          {"NetnsOption", "Netns", listener::NetnsOption("ns5"), [](auto& o) { o.Netns = "ns5"; }},
          {"RouterOption", "Router", listener::RouterOption(router), [&](auto& o) { o.Router = router; }},
          {"RouterOption(null)", "Router", listener::RouterOption(nullptr), [](auto& o) { o.Router = nullptr; }},
      },
      {"Chain"});
  CheckOrderAndEmpty(listener::AddrOption, &listener::Options::Addr, ":1", ":2");
}

TEST(OptionCapture, StringArgumentsAreCopied) {
  ExpectStringCopied<listener::Options>(listener::AddrOption, &listener::Options::Addr);
}

// Each option type is OptionFunc of its struct (Go: `func(*Options)`); a
// default-built one is the empty "nil option" (OptionFuncTest.EmptyForms).
static_assert(std::is_same_v<listener::Option, OptionFunc<listener::Options>>);

}  // namespace
}  // namespace gost::core
