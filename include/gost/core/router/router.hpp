// gost-core port of go-gost/core router/router.go.
//
// Routes of the operating system's routing table, queried in TUN mode to
// decide where a packet for a destination goes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::router {

/// Per-call settings of Router::GetRoute.
struct Options {
  /// Which routing table to look in; empty for the implementation's default.
  std::string ID;

  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::ID.
inline constexpr FieldOption<&Options::ID> IDOption{};

/// One entry of a routing table.
struct Route {
  /// The destination network ("172.10.10.0/24"); nullopt when not set.
  /// Deprecated upstream in favour of Dst, kept for older implementations.
  std::optional<net::IPNet> Net;
  /// The destination, an address or a network in CIDR notation.
  std::string Dst;
  /// The gateway for the destination; empty for a directly reachable one.
  std::string Gateway;

  friend bool operator==(const Route&, const Route&) = default;
};

/// Looks routes up.
///
/// Implementations must be safe to call from many threads at once.
class Router {
  GOST_CORE_INTERFACE(Router);

  /// The route that serves `dst` (an address); null when none does. The
  /// returned route is shared: callers must not modify it.
  [[nodiscard]] virtual std::shared_ptr<Route> GetRoute(const context::Context& ctx, std::string_view dst,
                                                        Variadic<Option> opts = {}) = 0;
};

/// A shared Router; null means "no routing table".
using RouterPtr = std::shared_ptr<Router>;

}  // namespace gost::core::router
