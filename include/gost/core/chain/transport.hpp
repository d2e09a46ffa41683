// gost-core port of go-gost/core chain/transport.go.
//
// A Transporter is a node's way of moving traffic: its Dialer opens the
// connection to the node (Dial, then Handshake), and its Connector asks the
// node to go on to the next hop or the destination (Connect, Bind).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/connector/option.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::chain {

class Route;
struct SockOpts;  // defined in chain/router.hpp

/// Settings of a Transporter.
struct TransportOptions {
  /// The node address to dial.
  std::string Addr;
  /// Network interface to send from; empty for the system's choice.
  std::string IfceName;
  /// Network namespace to dial in; empty for the current one.
  std::string Netns;
  /// Socket options; null for none.
  std::shared_ptr<chain::SockOpts> SockOpts;
  /// A route to dial the node through (nested chains); null to dial directly.
  std::shared_ptr<chain::Route> Route;
};

/// Sets fields of TransportOptions; an empty TransportOption is skipped.
using TransportOption = OptionFunc<TransportOptions>;

/// Sets TransportOptions::Addr.
inline constexpr FieldOption<&TransportOptions::Addr> AddrTransportOption{};
/// Sets TransportOptions::IfceName.
inline constexpr FieldOption<&TransportOptions::IfceName> InterfaceTransportOption{};
/// Sets TransportOptions::Netns.
inline constexpr FieldOption<&TransportOptions::Netns> NetnsTransportOption{};
/// Sets TransportOptions::SockOpts.
inline constexpr FieldOption<&TransportOptions::SockOpts> SockOptsTransportOption{};
/// Sets TransportOptions::Route.
inline constexpr FieldOption<&TransportOptions::Route> RouteTransportOption{};

class Transporter;
/// A shared Transporter.
using TransporterPtr = std::shared_ptr<Transporter>;

/// Moves traffic through one node. Dial, Handshake, Connect and Bind may run
/// from many threads at once; Options() is not synchronized (set it up
/// before use, as upstream does).
class Transporter {
  GOST_CORE_INTERFACE(Transporter);

  /// A connection to the node at `addr`.
  virtual Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view addr) = 0;
  /// The transport handshake (TLS, ...) on a freshly dialed connection. Takes
  /// `conn` over; on failure it has been closed and released.
  virtual Result<net::ConnUniquePtr> Handshake(const context::Context& ctx, net::ConnUniquePtr conn) = 0;
  /// Asks the node behind `conn` to connect to `address`. Takes `conn` over;
  /// on failure it has been closed and released.
  virtual Result<net::ConnUniquePtr> Connect(const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network,
                                       std::string_view address) = 0;
  /// Asks the node behind `conn` to listen on `address` (reverse tunnel).
  /// Takes `conn` over; fails with connector::ErrBindUnsupported when the
  /// node's connector cannot bind.
  virtual Result<net::ListenerUniquePtr> Bind(const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network,
                                        std::string_view address, Variadic<connector::BindOption> opts = {}) = 0;
  /// True when connections to the node are multiplexed.
  [[nodiscard]] virtual bool Multiplex() const = 0;
  /// The settings, which callers may change before use; null if there are none.
  virtual TransportOptions* Options() = 0;
  /// An independent copy (its Options can change without touching this one's).
  [[nodiscard]] virtual TransporterPtr Copy() const = 0;
};

}  // namespace gost::core::chain
