// gost-core port of go-gost/core handler/handler.go.
//
// A Handler serves one inbound connection: it speaks the service's protocol
// with the client (HTTP proxy, SOCKS5, relay, port forwarding...), checks
// credentials, reaches the destination through a chain::Router and relays
// bytes until one side is done.
#pragma once

#include <memory>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/handler/option.hpp"
#include "gost/core/hop/hop.hpp"
#include "gost/core/metadata/metadata.hpp"

namespace gost::core::handler {

/// Serves inbound connections of a service.
///
/// Life cycle: built with Options, Init called once with the service's
/// metadata, then Handle runs once per accepted connection, concurrently.
class Handler {
  GOST_CORE_INTERFACE(Handler);

  /// Reads settings from `md` (may be null). An error means the handler is
  /// unusable.
  virtual Error Init(metadata::MetadataPtr md) = 0;
  /// Serves `conn` until the exchange ends, then closes it (the handler owns
  /// it). Returns why the exchange ended abnormally, or an empty Error.
  virtual Error Handle(const context::Context& ctx, net::ConnUniquePtr conn, Variadic<HandleOption> opts = {}) = 0;
};

/// A shared Handler.
using HandlerPtr = std::shared_ptr<Handler>;

/// Optional: a Handler whose forwarding target can be set after it is built
/// (port forwarding, reverse tunnels). Found with dynamic_cast.
class Forwarder {
  GOST_CORE_INTERFACE(Forwarder);

  /// Sets the hop that connections are forwarded to (null clears it).
  virtual void Forward(hop::HopPtr hop) = 0;
};

}  // namespace gost::core::handler
