// Tests of the dialer package's functional options (dialer/option.hpp): each option
// sets its one field and nothing else, later options win, empty ones are
// skipped (tests/support/option_check.hpp), and an option keeps copies of
// what it was built from.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

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

// Every option type is a std::function that can be empty, so that a null in
// a list is the "nil option" upstream skips.
TEST(OptionTypes, DefaultBuiltOptionsAreEmpty) {
  EXPECT_FALSE(dialer::Option{});
  EXPECT_FALSE(dialer::DialOption{});
  EXPECT_FALSE(dialer::HandshakeOption{});
}

}  // namespace
}  // namespace gost::core
