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
inline constexpr FieldOption<&Options::Addr> AddrOption{};
/// Sets Options::Auther.
inline constexpr FieldOption<&Options::Auther> AutherOption{};
/// Sets Options::Auth.
inline constexpr FieldOption<&Options::Auth> AuthOption{};
/// Sets Options::TLSConfig.
inline constexpr FieldOption<&Options::TLSConfig> TLSConfigOption{};
/// Sets Options::Admission.
inline constexpr FieldOption<&Options::Admission> AdmissionOption{};
/// Sets Options::TrafficLimiter.
inline constexpr FieldOption<&Options::TrafficLimiter> TrafficLimiterOption{};
/// Sets Options::ConnLimiter.
inline constexpr FieldOption<&Options::ConnLimiter> ConnLimiterOption{};
/// Sets Options::Stats.
inline constexpr FieldOption<&Options::Stats> StatsOption{};
/// Sets Options::Logger.
inline constexpr FieldOption<&Options::Logger> LoggerOption{};
/// Sets Options::Service.
inline constexpr FieldOption<&Options::Service> ServiceOption{};
/// Sets Options::ProxyProtocol.
inline constexpr FieldOption<&Options::ProxyProtocol> ProxyProtocolOption{};
/// Sets Options::Netns.
inline constexpr FieldOption<&Options::Netns> NetnsOption{};
/// Sets Options::Router.
inline constexpr FieldOption<&Options::Router> RouterOption{};

}  // namespace gost::core::listener
