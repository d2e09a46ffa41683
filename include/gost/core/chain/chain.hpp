// gost-core port of go-gost/core chain/chain.go.
//
// A Chainer holds the proxy chains a router can use and picks the Route for
// each destination.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::chain {

class Route;

/// Per-call settings of Chainer::Route.
struct RouteOptions {
  /// The destination host name, for host-based route selection; may be empty.
  std::string Host;
};

/// Sets fields of RouteOptions; an empty RouteOption is skipped.
using RouteOption = OptionFunc<RouteOptions>;

/// Sets RouteOptions::Host.
inline constexpr FieldOption<&RouteOptions::Host> WithHostRouteOption{};

/// Chooses the route to a destination. Thread-safe: one Chainer serves all
/// connections of a service.
class Chainer {
  GOST_CORE_INTERFACE(Chainer);

  /// The route to `address` on `network`, or null when there is none (the
  /// caller then connects directly).
  virtual std::shared_ptr<chain::Route> Route(const context::Context& ctx, std::string_view network,
                                              std::string_view address, Variadic<RouteOption> opts = {}) = 0;
};

/// A shared Chainer.
using ChainerPtr = std::shared_ptr<Chainer>;

}  // namespace gost::core::chain
