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
template <class = void>
Option AuthOption(url::UserinfoPtr auth) {
  return [v = std::move(auth)](Options* o) { o->Auth = v; };
}
/// Sets Options::TLSConfig.
template <class = void>
Option TLSConfigOption(tls::ConfigPtr tlsConfig) {
  return [v = std::move(tlsConfig)](Options* o) { o->TLSConfig = v; };
}
/// Sets Options::Logger.
template <class = void>
Option LoggerOption(logger::LoggerPtr logger) {
  return [v = std::move(logger)](Options* o) { o->Logger = v; };
}

/// Per-call settings of Connector::Connect.
struct ConnectOptions {
  /// Dialer for protocols that open further connections; null for the default.
  common::net::DialerPtr Dialer;
};

/// Sets fields of ConnectOptions; an empty ConnectOption is skipped.
using ConnectOption = OptionFunc<ConnectOptions>;

/// Sets ConnectOptions::Dialer.
template <class = void>
ConnectOption DialerConnectOption(common::net::DialerPtr dialer) {
  return [v = std::move(dialer)](ConnectOptions* o) { o->Dialer = v; };
}

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
template <class = void>
BindOption MuxBindOption(bool mux) {
  return [mux](BindOptions* o) { o->Mux = mux; };
}
/// Sets BindOptions::Backlog.
template <class = void>
BindOption BacklogBindOption(int backlog) {
  return [backlog](BindOptions* o) { o->Backlog = backlog; };
}
/// Sets BindOptions::UDPDataQueueSize.
template <class = void>
BindOption UDPDataQueueSizeBindOption(int size) {
  return [size](BindOptions* o) { o->UDPDataQueueSize = size; };
}
/// Sets BindOptions::UDPDataBufferSize.
template <class = void>
BindOption UDPDataBufferSizeBindOption(int size) {
  return [size](BindOptions* o) { o->UDPDataBufferSize = size; };
}
/// Sets BindOptions::UDPConnTTL.
template <class = void>
BindOption UDPConnTTLBindOption(Duration ttl) {
  return [ttl](BindOptions* o) { o->UDPConnTTL = ttl; };
}

}  // namespace gost::core::connector
