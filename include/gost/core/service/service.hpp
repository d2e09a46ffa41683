// gost-core port of go-gost/core service/service.go.
//
// A Service is a running proxy endpoint: one Listener accepting connections
// and one Handler serving each of them. A GOST process is a set of services.
#pragma once

#include <memory>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"

namespace gost::core::service {

/// A listener and a handler working together.
class Service {
  GOST_CORE_INTERFACE(Service);

  /// Accepts and serves connections until Close; blocks the calling thread.
  /// Returns why serving stopped (after Close, the listener's closed error).
  virtual Error Serve() = 0;
  /// The address the service listens on.
  [[nodiscard]] virtual net::Addr Addr() const = 0;
  /// Stops accepting and releases the listener; may be called from any thread.
  virtual Error Close() = 0;
};

/// A shared Service.
using ServicePtr = std::shared_ptr<Service>;

}  // namespace gost::core::service
