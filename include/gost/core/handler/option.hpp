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
template <class = void>
Option BypassOption(bypass::BypassPtr bypass) {
  return [v = std::move(bypass)](Options* o) { o->Bypass = v; };
}
/// Sets Options::Router.
template <class = void>
Option RouterOption(chain::RouterPtr router) {
  return [v = std::move(router)](Options* o) { o->Router = v; };
}
/// Sets Options::Auth.
template <class = void>
Option AuthOption(url::UserinfoPtr auth) {
  return [v = std::move(auth)](Options* o) { o->Auth = v; };
}
/// Sets Options::Auther.
template <class = void>
Option AutherOption(auth::AuthenticatorPtr auther) {
  return [v = std::move(auther)](Options* o) { o->Auther = v; };
}
/// Sets Options::RateLimiter.
template <class = void>
Option RateLimiterOption(limiter::rate::RateLimiterPtr limiter) {
  return [v = std::move(limiter)](Options* o) { o->RateLimiter = v; };
}
/// Sets Options::Limiter.
template <class = void>
Option TrafficLimiterOption(limiter::traffic::TrafficLimiterPtr limiter) {
  return [v = std::move(limiter)](Options* o) { o->Limiter = v; };
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
/// Sets Options::Observer.
template <class = void>
Option ObserverOption(observer::ObserverPtr observer) {
  return [v = std::move(observer)](Options* o) { o->Observer = v; };
}
/// Sets Options::Recorders to the given list (Go: variadic).
template <class = void>
Option RecordersOption(Variadic<recorder::RecorderObject> recorders) {
  return [v = std::vector<recorder::RecorderObject>(recorders.begin(), recorders.end())](Options* o) {
    o->Recorders = v;
  };
}
/// Sets Options::Rewriter.
template <class = void>
Option RewriterOption(rewriter::RewriterPtr rewriter) {
  return [v = std::move(rewriter)](Options* o) { o->Rewriter = v; };
}
/// Sets Options::Service.
template <class = void>
Option ServiceOption(std::string service) {
  return [v = std::move(service)](Options* o) { o->Service = v; };
}
/// Sets Options::Netns.
template <class = void>
Option NetnsOption(std::string netns) {
  return [v = std::move(netns)](Options* o) { o->Netns = v; };
}

/// Per-connection settings of Handler::Handle.
struct HandleOptions {
  /// Data the listener learned about this connection; null for none.
  metadata::MetadataPtr Metadata;
};

/// Sets fields of HandleOptions; an empty HandleOption is skipped.
using HandleOption = OptionFunc<HandleOptions>;

/// Sets HandleOptions::Metadata.
template <class = void>
HandleOption MetadataHandleOption(metadata::MetadataPtr md) {
  return [v = std::move(md)](HandleOptions* o) { o->Metadata = v; };
}

}  // namespace gost::core::handler
