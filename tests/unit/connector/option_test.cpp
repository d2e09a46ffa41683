// Tests of the connector package's functional options (connector/option.hpp): each option
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

TEST(ConnectorOptions, Option) {
  auto user = url::UserPassword("u", "p");
  auto tls_config = std::make_shared<const tls::Config>();
  auto log = New<logger::Logger, logger::MockLogger>();
  CheckCases<connector::Options>({
      {"AuthOption", "Auth", connector::AuthOption(user), [&](auto& o) { o.Auth = user; }},
      {"AuthOption(null)", "Auth", connector::AuthOption(nullptr), [](auto& o) { o.Auth = nullptr; }},
      {"TLSConfigOption", "TLSConfig", connector::TLSConfigOption(tls_config),
       [&](auto& o) { o.TLSConfig = tls_config; }},
      {"LoggerOption", "Logger", connector::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
  });
  CheckOrderAndEmpty(connector::AuthOption, &connector::Options::Auth, user, nullptr);
}

TEST(ConnectorOptions, ConnectOption) {
  CheckOnePointerOption("DialerConnectOption", "Dialer", connector::DialerConnectOption,
                        &connector::ConnectOptions::Dialer, New<common::net::Dialer, common::net::MockDialer>(),
                        New<common::net::Dialer, common::net::MockDialer>());
}

TEST(ConnectorOptions, BindOption) {
  CheckCases<connector::BindOptions>({
      {"MuxBindOption(true)", "Mux", connector::MuxBindOption(true), [](auto& o) { o.Mux = true; }},
      {"MuxBindOption(false)", "Mux", connector::MuxBindOption(false), [](auto& o) { o.Mux = false; }},
      {"BacklogBindOption", "Backlog", connector::BacklogBindOption(256), [](auto& o) { o.Backlog = 256; }},
      {"UDPDataQueueSizeBindOption", "UDPDataQueueSize", connector::UDPDataQueueSizeBindOption(32),
       [](auto& o) { o.UDPDataQueueSize = 32; }},
      {"UDPDataBufferSizeBindOption", "UDPDataBufferSize", connector::UDPDataBufferSizeBindOption(1500),
       [](auto& o) { o.UDPDataBufferSize = 1500; }},
      {"UDPConnTTLBindOption", "UDPConnTTL", connector::UDPConnTTLBindOption(90s), [](auto& o) { o.UDPConnTTL = 90s; }},
  });
  CheckOrderAndEmpty(connector::UDPConnTTLBindOption, &connector::BindOptions::UDPConnTTL, 1s, 2s);
}

// The option keeps its object alive on its own.
TEST(OptionCapture, PointerArgumentsAreCopiedNotReferenced) {
  ExpectOptionOwns<connector::Options>(connector::LoggerOption, &connector::Options::Logger,
                                       New<logger::Logger, logger::MockLogger>());
}

// Each option type is OptionFunc of its struct (Go: `func(*Options)`); a
// default-built one is the empty "nil option" (OptionFuncTest.EmptyForms).
static_assert(std::is_same_v<connector::Option, OptionFunc<connector::Options>>);
static_assert(std::is_same_v<connector::ConnectOption, OptionFunc<connector::ConnectOptions>>);
static_assert(std::is_same_v<connector::BindOption, OptionFunc<connector::BindOptions>>);

}  // namespace
}  // namespace gost::core
