// gost-core port of go-gost/core connector/option.go: the options of a
// Connector (set when it is built) and of its Connect and Bind calls.
#pragma once

#include <utility>

#include "gost/core/common/net/dialer.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/time.hpp"
#include "gost/core/go/tls.hpp"
#include "gost/core/go/url.hpp"
#include "gost/core/logger/logger.hpp"

namespace gost::core::connector {

/// Settings a Connector is built with.
struct Options {
  /// Credentials to present to the proxy node; null for none.
  url::UserinfoPtr Auth;
  /// TLS settings the connector uses, if its protocol needs any; null for none.
  tls::ConfigPtr TLSConfig;
  /// Where the connector logs; null to use logger::Default().
  logger::LoggerPtr Logger;
};

/// Sets fields of Options; an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Auth.
inline constexpr FieldOption<&Options::Auth> AuthOption{};
/// Sets Options::TLSConfig.
inline constexpr FieldOption<&Options::TLSConfig> TLSConfigOption{};
/// Sets Options::Logger.
inline constexpr FieldOption<&Options::Logger> LoggerOption{};

/// Per-call settings of Connector::Connect.
struct ConnectOptions {
  /// Dialer for protocols that open further connections; null for the default.
  common::net::DialerPtr Dialer;
};

/// Sets fields of ConnectOptions; an empty ConnectOption is skipped.
using ConnectOption = OptionFunc<ConnectOptions>;

/// Sets ConnectOptions::Dialer.
inline constexpr FieldOption<&ConnectOptions::Dialer> DialerConnectOption{};

/// Per-call settings of Binder::Bind.
struct BindOptions {
  /// Multiplex the accepted connections over the one tunnel.
  bool Mux = false;
  /// Accept queue length of the remote listener.
  int Backlog = 0;
  /// UDP: packets queued per association.
  int UDPDataQueueSize = 0;
  /// UDP: size of one packet buffer.
  int UDPDataBufferSize = 0;
  /// UDP: how long an idle association lives.
  Duration UDPConnTTL{};
};

/// Sets fields of BindOptions; an empty BindOption is skipped.
using BindOption = OptionFunc<BindOptions>;

/// Sets BindOptions::Mux.
inline constexpr FieldOption<&BindOptions::Mux> MuxBindOption{};
/// Sets BindOptions::Backlog.
inline constexpr FieldOption<&BindOptions::Backlog> BacklogBindOption{};
/// Sets BindOptions::UDPDataQueueSize.
inline constexpr FieldOption<&BindOptions::UDPDataQueueSize> UDPDataQueueSizeBindOption{};
/// Sets BindOptions::UDPDataBufferSize.
inline constexpr FieldOption<&BindOptions::UDPDataBufferSize> UDPDataBufferSizeBindOption{};
/// Sets BindOptions::UDPConnTTL.
inline constexpr FieldOption<&BindOptions::UDPConnTTL> UDPConnTTLBindOption{};

}  // namespace gost::core::connector
