// gost-core port of go-gost/core dialer/dialer.go.
//
// A Dialer opens the raw connection from this process to the next proxy node
// of a chain (TCP, TLS, WebSocket, QUIC, ...). What travels over it afterwards
// is the Connector's business.
#pragma once

#include <memory>
#include <string_view>

#include "gost/core/dialer/option.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/metadata/metadata.hpp"

namespace gost::core::dialer {

/// Connects to a proxy node.
///
/// Life cycle: built with Options, Init called once with the node's metadata
/// before any Dial; after that Dial may be called from many threads at once.
class Dialer {
  GOST_CORE_INTERFACE(Dialer);

  /// Reads settings from `md` (may be null). An error means the dialer is
  /// unusable.
  virtual Error Init(metadata::MetadataPtr md) = 0;
  /// Opens a connection to the node at `addr` ("host:port"). Fails with the
  /// context's error if `ctx` ends first.
  virtual Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view addr,
                                    Variadic<DialOption> opts = {}) = 0;
};

/// An owned Dialer.
using DialerPtr = std::shared_ptr<Dialer>;

/// Optional: a Dialer that also runs a transport-level handshake (TLS, say)
/// on the connection it dialed. Found with dynamic_cast.
class Handshaker {
  GOST_CORE_INTERFACE(Handshaker);

  /// Takes `conn` over and returns the connection to use from now on (often a
  /// wrapper around it). On failure `conn` has been closed and released.
  virtual Result<net::ConnUniquePtr> Handshake(const context::Context& ctx, net::ConnUniquePtr conn,
                                         Variadic<HandshakeOption> opts = {}) = 0;
};

/// Optional: a Dialer whose connections carry many streams at once.
/// Found with dynamic_cast.
class Multiplexer {
  GOST_CORE_INTERFACE(Multiplexer);

  /// True when the dialed connection is multiplexed.
  [[nodiscard]] virtual bool Multiplex() const = 0;
};

}  // namespace gost::core::dialer
