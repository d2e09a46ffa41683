// gost-core port of go-gost/core common/net/dialer.go.
//
// A minimal dialer that both the dialer and the connector packages accept as
// a call-time option, so that neither depends on the other.
#pragma once

#include <memory>
#include <string_view>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"

namespace gost::core::common::net {

/// Opens a connection to `addr` on `network` ("tcp", "udp", ...).
/// Thread-safe implementations are expected: one Dialer serves many calls.
class Dialer {
  GOST_CORE_INTERFACE(Dialer);

  /// The new connection, or why it could not be made (ctx's error when ctx
  /// ended first).
  virtual Result<core::net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view network,
                                          std::string_view addr) = 0;
};

/// A shared Dialer; null means "use the default".
using DialerPtr = std::shared_ptr<Dialer>;

}  // namespace gost::core::common::net
