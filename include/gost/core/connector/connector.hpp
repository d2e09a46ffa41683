// gost-core port of go-gost/core connector/connector.go.
//
// A Connector speaks a proxy protocol (HTTP CONNECT, SOCKS5, relay, ...) over
// a connection that is already open to a proxy node, asking the node to
// connect onwards to the destination.
#pragma once

#include <memory>
#include <string_view>

#include "gost/core/connector/option.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/metadata/metadata.hpp"

namespace gost::core::connector {

/// Asks a proxy node to connect to a destination.
///
/// Life cycle: built with Options, Init called once with the node's metadata,
/// then Connect may run from many threads at once.
class Connector {
  GOST_CORE_INTERFACE(Connector);

  /// Reads settings from `md` (may be null). An error means the connector is
  /// unusable.
  virtual Error Init(metadata::MetadataPtr md) = 0;
  /// Takes `conn` (open to the proxy node) over and returns a connection that
  /// reaches `address` on `network` through the node (often `conn` itself).
  /// On failure `conn` has been closed and released.
  virtual Result<net::ConnUniquePtr> Connect(const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network,
                                       std::string_view address, Variadic<ConnectOption> opts = {}) = 0;
};

/// A shared Connector.
using ConnectorPtr = std::shared_ptr<Connector>;

/// Optional: a Connector that needs a protocol-level greeting (a SOCKS5
/// method negotiation, say) before Connect. Not the same as the
/// transport-level dialer::Handshaker, which runs first. Found with
/// dynamic_cast.
class Handshaker {
  GOST_CORE_INTERFACE(Handshaker);

  /// Takes `conn` over and returns the connection to use from now on. On
  /// failure `conn` has been closed and released.
  virtual Result<net::ConnUniquePtr> Handshake(const context::Context& ctx, net::ConnUniquePtr conn) = 0;
};

}  // namespace gost::core::connector
