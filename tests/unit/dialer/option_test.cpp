// Tests of the dialer package's functional options (dialer/option.hpp): each option
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

TEST(DialerOptions, Option) {
  auto user = url::User("u");
  auto tls_config = std::make_shared<const tls::Config>();
  auto log = New<logger::Logger, logger::MockLogger>();
  CheckCases<dialer::Options>({
      {"AuthOption", "Auth", dialer::AuthOption(user), [&](auto& o) { o.Auth = user; }},
      {"TLSConfigOption", "TLSConfig", dialer::TLSConfigOption(tls_config), [&](auto& o) { o.TLSConfig = tls_config; }},
      {"TLSConfigOption(null)", "TLSConfig", dialer::TLSConfigOption(nullptr), [](auto& o) { o.TLSConfig = nullptr; }},
      {"LoggerOption", "Logger", dialer::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
      {"ProxyProtocolOption(1)", "ProxyProtocol", dialer::ProxyProtocolOption(1), [](auto& o) { o.ProxyProtocol = 1; }},
      {"ProxyProtocolOption(0)", "ProxyProtocol", dialer::ProxyProtocolOption(0), [](auto& o) { o.ProxyProtocol = 0; }},
  });
  CheckOrderAndEmpty(dialer::ProxyProtocolOption, &dialer::Options::ProxyProtocol, 1, 2);
}

TEST(DialerOptions, DialOption) {
  auto d = New<common::net::Dialer, common::net::MockDialer>();
  CheckCases<dialer::DialOptions>({
      {"HostDialOption", "Host", dialer::HostDialOption("sni.example"), [](auto& o) { o.Host = "sni.example"; }},
      {"NetDialerDialOption", "Dialer", dialer::NetDialerDialOption(d), [&](auto& o) { o.Dialer = d; }},
  });
  CheckOrderAndEmpty(dialer::HostDialOption, &dialer::DialOptions::Host, "a", "b");
}

TEST(DialerOptions, HandshakeOption) {
  CheckCases<dialer::HandshakeOptions>({
      {"AddrHandshakeOption", "Addr", dialer::AddrHandshakeOption("node:443"), [](auto& o) { o.Addr = "node:443"; }},
      {"AddrHandshakeOption(\"\")", "Addr", dialer::AddrHandshakeOption(""), [](auto& o) { o.Addr.clear(); }},
  });
  CheckOrderAndEmpty(dialer::AddrHandshakeOption, &dialer::HandshakeOptions::Addr, "a:1", "b:2");
}

TEST(OptionCapture, StringArgumentsAreCopied) {
  ExpectStringCopied<dialer::DialOptions>(dialer::HostDialOption, &dialer::DialOptions::Host);
  ExpectStringCopied<dialer::HandshakeOptions>(dialer::AddrHandshakeOption, &dialer::HandshakeOptions::Addr);
}

// Each option type is OptionFunc of its struct (Go: `func(*Options)`); a
// default-built one is the empty "nil option" (OptionFuncTest.EmptyForms).
static_assert(std::is_same_v<dialer::Option, OptionFunc<dialer::Options>>);
static_assert(std::is_same_v<dialer::DialOption, OptionFunc<dialer::DialOptions>>);
static_assert(std::is_same_v<dialer::HandshakeOption, OptionFunc<dialer::HandshakeOptions>>);

}  // namespace
}  // namespace gost::core
