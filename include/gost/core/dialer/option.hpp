// gost-core port of go-gost/core dialer/option.go: the options of a Dialer
// (set once, when it is built) and of its Dial and Handshake calls.
#pragma once

#include <string>
#include <utility>

#include "gost/core/common/net/dialer.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/tls.hpp"
#include "gost/core/go/url.hpp"
#include "gost/core/logger/logger.hpp"

namespace gost::core::dialer {

/// Settings a Dialer is built with.
struct Options {
  /// Credentials to present to the proxy; null for none.
  url::UserinfoPtr Auth;
  /// TLS settings for outgoing connections; null for plain connections.
  tls::ConfigPtr TLSConfig;
  /// Where the dialer logs; null to use logger::Default().
  logger::LoggerPtr Logger;
  /// PROXY protocol version to send (0 = off, 1 or 2).
  int ProxyProtocol = 0;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Auth.
inline constexpr FieldOption<&Options::Auth> AuthOption{};
/// Sets Options::TLSConfig.
inline constexpr FieldOption<&Options::TLSConfig> TLSConfigOption{};
/// Sets Options::Logger.
inline constexpr FieldOption<&Options::Logger> LoggerOption{};
/// Sets Options::ProxyProtocol.
inline constexpr FieldOption<&Options::ProxyProtocol> ProxyProtocolOption{};

/// Per-call settings of Dialer::Dial.
struct DialOptions {
  /// The host name the caller is ultimately trying to reach (for SNI or a
  /// Host header); may be empty.
  std::string Host;
  /// The dialer to open the raw connection with; null for the default.
  common::net::DialerPtr Dialer;
};

/// Sets fields of DialOptions; an empty DialOption is skipped.
using DialOption = OptionFunc<DialOptions>;

/// Sets DialOptions::Host.
inline constexpr FieldOption<&DialOptions::Host> HostDialOption{};
/// Sets DialOptions::Dialer.
inline constexpr FieldOption<&DialOptions::Dialer> NetDialerDialOption{};

/// Per-call settings of Handshaker::Handshake.
struct HandshakeOptions {
  /// The address of the proxy node being handshaken with.
  std::string Addr;
};

/// Sets fields of HandshakeOptions; an empty HandshakeOption is skipped.
using HandshakeOption = OptionFunc<HandshakeOptions>;

/// Sets HandshakeOptions::Addr.
inline constexpr FieldOption<&HandshakeOptions::Addr> AddrHandshakeOption{};

}  // namespace gost::core::dialer
