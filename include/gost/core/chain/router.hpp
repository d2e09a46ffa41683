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
inline constexpr FieldOption<&RouterOptions::IfceName> InterfaceRouterOption{};
/// Sets RouterOptions::Netns.
inline constexpr FieldOption<&RouterOptions::Netns> NetnsRouterOption{};
/// Sets RouterOptions::SockOpts.
inline constexpr FieldOption<&RouterOptions::SockOpts> SockOptsRouterOption{};
/// Sets RouterOptions::Timeout.
inline constexpr FieldOption<&RouterOptions::Timeout> TimeoutRouterOption{};
/// Sets RouterOptions::Retries.
inline constexpr FieldOption<&RouterOptions::Retries> RetriesRouterOption{};
/// Sets RouterOptions::Chain.
inline constexpr FieldOption<&RouterOptions::Chain> ChainRouterOption{};
/// Sets RouterOptions::Resolver.
inline constexpr FieldOption<&RouterOptions::Resolver> ResolverRouterOption{};
/// Sets RouterOptions::HostMapper.
inline constexpr FieldOption<&RouterOptions::HostMapper> HostMapperRouterOption{};
/// Sets RouterOptions::Recorders to the given list (Go: variadic).
inline RouterOption RecordersRouterOption(Variadic<recorder::RecorderObject> recorders) {
  return [v = std::vector<recorder::RecorderObject>(recorders.begin(), recorders.end())](RouterOptions* o) {
    o->Recorders = v;
  };
}
/// Sets RouterOptions::Logger.
inline constexpr FieldOption<&RouterOptions::Logger> LoggerRouterOption{};

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
