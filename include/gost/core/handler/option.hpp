// gost-core port of go-gost/core handler/option.go: the settings a Handler is
// built with and the options of one Handle call.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "gost/core/auth/auth.hpp"
#include "gost/core/bypass/bypass.hpp"
#include "gost/core/chain/router.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/tls.hpp"
#include "gost/core/go/url.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/limiter/rate/limiter.hpp"
#include "gost/core/limiter/traffic/limiter.hpp"
#include "gost/core/logger/logger.hpp"
#include "gost/core/metadata/metadata.hpp"
#include "gost/core/observer/observer.hpp"
#include "gost/core/recorder/recorder.hpp"
#include "gost/core/rewriter/rewriter.hpp"

namespace gost::core::handler {

/// Settings a Handler is built with. Null pointers mean "not used".
struct Options {
  /// Destinations that skip the chain (or that are refused, per its mode).
  bypass::BypassPtr Bypass;
  /// How the handler reaches destinations.
  chain::RouterPtr Router;
  /// The one set of credentials clients must present (when no Auther).
  url::UserinfoPtr Auth;
  /// Checks client credentials.
  auth::AuthenticatorPtr Auther;
  /// Limits the rate of requests per client or service.
  limiter::rate::RateLimiterPtr RateLimiter;
  /// Bandwidth limits.
  limiter::traffic::TrafficLimiterPtr Limiter;
  /// TLS settings for protocols that terminate TLS.
  tls::ConfigPtr TLSConfig;
  /// Where the handler logs; null to use logger::Default().
  logger::LoggerPtr Logger;
  /// Receives events (status, statistics).
  observer::ObserverPtr Observer;
  /// Recorders fed by the handler.
  std::vector<recorder::RecorderObject> Recorders;
  /// Rewrites traffic passing through.
  rewriter::RewriterPtr Rewriter;
  /// Name of the service the handler belongs to.
  std::string Service;
  /// Network namespace to work in; empty for the current one.
  std::string Netns;
};

/// Sets fields of Options; an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Bypass.
inline constexpr FieldOption<&Options::Bypass> BypassOption{};
/// Sets Options::Router.
inline constexpr FieldOption<&Options::Router> RouterOption{};
/// Sets Options::Auth.
inline constexpr FieldOption<&Options::Auth> AuthOption{};
/// Sets Options::Auther.
inline constexpr FieldOption<&Options::Auther> AutherOption{};
/// Sets Options::RateLimiter.
inline constexpr FieldOption<&Options::RateLimiter> RateLimiterOption{};
/// Sets Options::Limiter.
inline constexpr FieldOption<&Options::Limiter> TrafficLimiterOption{};
/// Sets Options::TLSConfig.
inline constexpr FieldOption<&Options::TLSConfig> TLSConfigOption{};
/// Sets Options::Logger.
inline constexpr FieldOption<&Options::Logger> LoggerOption{};
/// Sets Options::Observer.
inline constexpr FieldOption<&Options::Observer> ObserverOption{};
/// Sets Options::Recorders to the given list (Go: variadic).
inline Option RecordersOption(Variadic<recorder::RecorderObject> recorders) {
  return [v = std::vector<recorder::RecorderObject>(recorders.begin(), recorders.end())](Options* o) {
    o->Recorders = v;
  };
}
/// Sets Options::Rewriter.
inline constexpr FieldOption<&Options::Rewriter> RewriterOption{};
/// Sets Options::Service.
inline constexpr FieldOption<&Options::Service> ServiceOption{};
/// Sets Options::Netns.
inline constexpr FieldOption<&Options::Netns> NetnsOption{};

/// Per-connection settings of Handler::Handle.
struct HandleOptions {
  /// Data the listener learned about this connection; null for none.
  metadata::MetadataPtr Metadata;
};

/// Sets fields of HandleOptions; an empty HandleOption is skipped.
using HandleOption = OptionFunc<HandleOptions>;

/// Sets HandleOptions::Metadata.
inline constexpr FieldOption<&HandleOptions::Metadata> MetadataHandleOption{};

}  // namespace gost::core::handler
