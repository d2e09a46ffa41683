// gost-core port of go-gost/core connector/binder.go: reverse tunnels.
#pragma once

#include <string_view>

#include "gost/core/connector/option.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::connector {

/// Returned by connectors (and routes) that cannot set up a reverse tunnel.
/// Message: "bind unsupported". An errors::New value, as upstream's: it
/// matches, under errors::Is, itself and the errors that wrap it.
inline const Error ErrBindUnsupported = errors::New("bind unsupported");

/// Optional: a Connector that can ask the proxy node to listen on its side and
/// pass the connections it accepts back over the tunnel (a reverse tunnel).
/// Found with dynamic_cast; connectors without it make callers fail with
/// ErrBindUnsupported.
class Binder {
  GOST_CORE_INTERFACE(Binder);

  /// Takes `conn` (open to the node) over and returns a listener whose
  /// connections come from peers that reached `address` on the node. On
  /// failure `conn` has been closed and released.
  virtual Result<net::ListenerUniquePtr> Bind(const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network,
                                        std::string_view address, Variadic<BindOption> opts = {}) = 0;
};

}  // namespace gost::core::connector
