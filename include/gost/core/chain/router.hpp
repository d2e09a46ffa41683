// gost-core port of go-gost/core chain/router.go.
//
// The Router is what handlers and listeners call to reach a destination: it
// resolves the address (host mapper first, then resolver), asks the Chainer
// for a route, dials through it with retries and a timeout, and records.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gost/core/chain/chain.hpp"
#include "gost/core/chain/route.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/time.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/hosts/hosts.hpp"
#include "gost/core/logger/logger.hpp"
#include "gost/core/recorder/recorder.hpp"
#include "gost/core/resolver/resolver.hpp"

namespace gost::core::chain {

/// Socket-level options of outgoing connections.
struct SockOpts {
  /// SO_MARK (Linux firewall mark); 0 for none.
  int Mark = 0;
};

/// Settings a Router is built with.
struct RouterOptions {
  /// Extra attempts after a failed dial (0: one attempt).
  int Retries = 0;
  /// Time limit of one dial; zero for none.
  Duration Timeout{};
  /// Network interface to send from; empty for the system's choice.
  std::string IfceName;
  /// Network namespace to dial in; empty for the current one.
  std::string Netns;
  /// Socket options for outgoing sockets; null for none.
  std::shared_ptr<chain::SockOpts> SockOpts;
  /// Picks routes; null means every destination is dialed directly.
  ChainerPtr Chain;
  /// Resolves host names; null for the system resolver.
  resolver::ResolverPtr Resolver;
  /// Static host mappings consulted before the resolver; null for none.
  hosts::HostMapperPtr HostMapper;
  /// Recorders fed by the router (dial addresses and errors).
  std::vector<recorder::RecorderObject> Recorders;
  /// Where the router logs; null to use logger::Default().
  logger::LoggerPtr Logger;
};

/// Sets fields of RouterOptions; an empty RouterOption is skipped.
using RouterOption = OptionFunc<RouterOptions>;

/// Sets RouterOptions::IfceName.
template <class = void>
RouterOption InterfaceRouterOption(std::string ifceName) {
  return [v = std::move(ifceName)](RouterOptions* o) { o->IfceName = v; };
}
/// Sets RouterOptions::Netns.
template <class = void>
RouterOption NetnsRouterOption(std::string netns) {
  return [v = std::move(netns)](RouterOptions* o) { o->Netns = v; };
}
/// Sets RouterOptions::SockOpts.
template <class = void>
RouterOption SockOptsRouterOption(std::shared_ptr<chain::SockOpts> so) {
  return [v = std::move(so)](RouterOptions* o) { o->SockOpts = v; };
}
/// Sets RouterOptions::Timeout.
template <class = void>
RouterOption TimeoutRouterOption(Duration timeout) {
  return [timeout](RouterOptions* o) { o->Timeout = timeout; };
}
/// Sets RouterOptions::Retries.
template <class = void>
RouterOption RetriesRouterOption(int retries) {
  return [retries](RouterOptions* o) { o->Retries = retries; };
}
/// Sets RouterOptions::Chain.
template <class = void>
RouterOption ChainRouterOption(ChainerPtr chain) {
  return [v = std::move(chain)](RouterOptions* o) { o->Chain = v; };
}
/// Sets RouterOptions::Resolver.
template <class = void>
RouterOption ResolverRouterOption(resolver::ResolverPtr resolver) {
  return [v = std::move(resolver)](RouterOptions* o) { o->Resolver = v; };
}
/// Sets RouterOptions::HostMapper.
template <class = void>
RouterOption HostMapperRouterOption(hosts::HostMapperPtr m) {
  return [v = std::move(m)](RouterOptions* o) { o->HostMapper = v; };
}
/// Sets RouterOptions::Recorders to the given list (Go: variadic).
template <class = void>
RouterOption RecordersRouterOption(Variadic<recorder::RecorderObject> recorders) {
  return [v = std::vector<recorder::RecorderObject>(recorders.begin(), recorders.end())](RouterOptions* o) {
    o->Recorders = v;
  };
}
/// Sets RouterOptions::Logger.
template <class = void>
RouterOption LoggerRouterOption(logger::LoggerPtr logger) {
  return [v = std::move(logger)](RouterOptions* o) { o->Logger = v; };
}

/// Reaches destinations for handlers and listeners. Thread-safe.
class Router {
  GOST_CORE_INTERFACE(Router);

  /// The router's settings; null if it has none. Callers may read them; the
  /// pointer lives as long as the router.
  virtual RouterOptions* Options() = 0;
  /// A connection to `address` on `network`: resolved, routed through the
  /// chain (or direct when there is no route), retried as configured.
  virtual Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view network,
                                    std::string_view address, Variadic<DialOption> opts = {}) = 0;
  /// A listener at the far end of the chain (reverse tunnel), or a local one
  /// when there is no route.
  virtual Result<net::ListenerUniquePtr> Bind(const context::Context& ctx, std::string_view network,
                                        std::string_view address, Variadic<BindOption> opts = {}) = 0;
};

/// A shared Router.
using RouterPtr = std::shared_ptr<Router>;

}  // namespace gost::core::chain
