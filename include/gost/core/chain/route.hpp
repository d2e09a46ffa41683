// gost-core port of go-gost/core chain/route.go.
//
// A Route is one concrete path through the nodes of a chain. Dialing through
// it connects to the first node, then asks each node to connect to the next,
// and the last to the destination.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/time.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/logger/logger.hpp"

namespace gost::core::chain {

class Node;
struct SockOpts;  // defined in chain/router.hpp

/// Per-call settings of Route::Dial and Router::Dial.
struct DialOptions {
  /// Network interface to send from; empty for the system's choice.
  std::string Interface;
  /// Network namespace to dial in; empty for the current one.
  std::string Netns;
  /// Socket options for the outgoing socket; null for none.
  std::shared_ptr<chain::SockOpts> SockOpts;
  /// Where this dial logs; null to use the component's own logger.
  logger::LoggerPtr Logger;
};

/// Sets fields of DialOptions; an empty DialOption is skipped.
using DialOption = OptionFunc<DialOptions>;

/// Sets DialOptions::Interface.
inline constexpr FieldOption<&DialOptions::Interface> InterfaceDialOption{};
/// Sets DialOptions::Netns.
inline constexpr FieldOption<&DialOptions::Netns> NetnsDialOption{};
/// Sets DialOptions::SockOpts.
inline constexpr FieldOption<&DialOptions::SockOpts> SockOptsDialOption{};
/// Sets DialOptions::Logger.
inline constexpr FieldOption<&DialOptions::Logger> LoggerDialOption{};

/// Per-call settings of Route::Bind and Router::Bind.
struct BindOptions {
  /// Multiplex the connections of the bound listener over one tunnel.
  bool Mux = false;
  /// Accept queue length of the bound listener.
  int Backlog = 0;
  /// UDP: packets queued per association.
  int UDPDataQueueSize = 0;
  /// UDP: size of one packet buffer.
  int UDPDataBufferSize = 0;
  /// UDP: how long an idle association lives.
  Duration UDPConnTTL{};
  /// Where this bind logs; null to use the component's own logger.
  logger::LoggerPtr Logger;
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
/// Sets BindOptions::Logger.
inline constexpr FieldOption<&BindOptions::Logger> LoggerBindOption{};

/// A path through a chain of nodes. Thread-safe: a route is shared by the
/// connections that take it.
class Route {
  GOST_CORE_INTERFACE(Route);

  /// A connection to `address` through every node of the route. Fails with
  /// the context's error if `ctx` ends first.
  virtual Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view network,
                                    std::string_view address, Variadic<DialOption> opts = {}) = 0;
  /// A listener at the far end of the route (a reverse tunnel): peers that
  /// connect to `address` there arrive through the returned listener.
  virtual Result<net::ListenerUniquePtr> Bind(const context::Context& ctx, std::string_view network,
                                        std::string_view address, Variadic<BindOption> opts = {}) = 0;
  /// The nodes of the route, first hop first.
  [[nodiscard]] virtual std::vector<std::shared_ptr<Node>> Nodes() const = 0;
};

/// A shared Route.
using RoutePtr = std::shared_ptr<Route>;

}  // namespace gost::core::chain
