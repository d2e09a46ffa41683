// gost-core port of go-gost/core listener/option.go: the settings a Listener
// is built with.
#pragma once

#include <string>
#include <utility>

#include "gost/core/admission/admission.hpp"
#include "gost/core/auth/auth.hpp"
#include "gost/core/chain/chain.hpp"
#include "gost/core/chain/router.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/tls.hpp"
#include "gost/core/go/url.hpp"
#include "gost/core/limiter/conn/limiter.hpp"
#include "gost/core/limiter/traffic/limiter.hpp"
#include "gost/core/logger/logger.hpp"
#include "gost/core/observer/stats/stats.hpp"

namespace gost::core::listener {

/// Settings a Listener is built with. Null pointers mean "not used".
struct Options {
  /// Address to listen on ("host:port").
  std::string Addr;
  /// Checks client credentials.
  auth::AuthenticatorPtr Auther;
  /// The one set of credentials clients must present (when no Auther).
  url::UserinfoPtr Auth;
  /// TLS settings for transports that need them.
  tls::ConfigPtr TLSConfig;
  /// Decides which clients may connect at all.
  admission::AdmissionPtr Admission;
  /// Bandwidth limits of accepted connections.
  limiter::traffic::TrafficLimiterPtr TrafficLimiter;
  /// Limits how many connections are open at once.
  limiter::conn::ConnLimiterPtr ConnLimiter;
  /// Chain for listeners that reach out themselves (reverse tunnels).
  chain::ChainerPtr Chain;
  /// Counts connections and bytes.
  observer::stats::StatsPtr Stats;
  /// Where the listener logs; null to use logger::Default().
  logger::LoggerPtr Logger;
  /// Name of the service the listener belongs to.
  std::string Service;
  /// PROXY protocol version expected from clients (0 = off).
  int ProxyProtocol = 0;
  /// Network namespace to listen in; empty for the current one.
  std::string Netns;
  /// Router for listeners that reach out themselves.
  chain::RouterPtr Router;
};

/// Sets fields of Options; an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Addr.
template <class = void>
Option AddrOption(std::string addr) {
  return [v = std::move(addr)](Options* o) { o->Addr = v; };
}
/// Sets Options::Auther.
template <class = void>
Option AutherOption(auth::AuthenticatorPtr auther) {
  return [v = std::move(auther)](Options* o) { o->Auther = v; };
}
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
/// Sets Options::Admission.
template <class = void>
Option AdmissionOption(admission::AdmissionPtr admission) {
  return [v = std::move(admission)](Options* o) { o->Admission = v; };
}
/// Sets Options::TrafficLimiter.
template <class = void>
Option TrafficLimiterOption(limiter::traffic::TrafficLimiterPtr limiter) {
  return [v = std::move(limiter)](Options* o) { o->TrafficLimiter = v; };
}
/// Sets Options::ConnLimiter.
template <class = void>
Option ConnLimiterOption(limiter::conn::ConnLimiterPtr limiter) {
  return [v = std::move(limiter)](Options* o) { o->ConnLimiter = v; };
}
/// Sets Options::Stats.
template <class = void>
Option StatsOption(observer::stats::StatsPtr stats) {
  return [v = std::move(stats)](Options* o) { o->Stats = v; };
}
/// Sets Options::Logger.
template <class = void>
Option LoggerOption(logger::LoggerPtr logger) {
  return [v = std::move(logger)](Options* o) { o->Logger = v; };
}
/// Sets Options::Service.
template <class = void>
Option ServiceOption(std::string service) {
  return [v = std::move(service)](Options* o) { o->Service = v; };
}
/// Sets Options::ProxyProtocol.
template <class = void>
Option ProxyProtocolOption(int ppv) {
  return [ppv](Options* o) { o->ProxyProtocol = ppv; };
}
/// Sets Options::Netns.
template <class = void>
Option NetnsOption(std::string netns) {
  return [v = std::move(netns)](Options* o) { o->Netns = v; };
}
/// Sets Options::Router.
template <class = void>
Option RouterOption(chain::RouterPtr router) {
  return [v = std::move(router)](Options* o) { o->Router = v; };
}

}  // namespace gost::core::listener
