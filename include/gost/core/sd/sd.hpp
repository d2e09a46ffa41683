// gost-core port of go-gost/core sd/sd.go.
//
// Service discovery: services register themselves in a registry (Consul,
// etcd, Redis, a plugin...) and hops find the current instances of a
// service there.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::sd {

/// Per-call settings of SD::Register. Upstream defines none yet; the type
/// exists so that options can be added without changing the interface.
struct Options {
  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// One instance of a service.
struct Service {
  /// Identifies this instance; unique in the registry.
  std::string ID;
  /// The service the instance belongs to; instances share it.
  std::string Name;
  /// The node (host) the instance runs on.
  std::string Node;
  /// The network it serves ("tcp", "udp", ...).
  std::string Network;
  /// Where it listens ("host:port").
  std::string Address;

  friend bool operator==(const Service&, const Service&) = default;
};

/// A service registry.
///
/// Implementations must be safe to call from many threads at once. Every
/// call may talk to a remote registry and block; it gives up with the
/// context's error when `ctx` ends. A null `service` argument is refused with
/// an error.
class SD {
  GOST_CORE_INTERFACE(SD);

  /// Adds `service` to the registry (or refreshes it if already there).
  virtual Error Register(const context::Context& ctx, std::shared_ptr<Service> service,
                         Variadic<Option> opts = {}) = 0;
  /// Removes `service` (matched by its ID) from the registry.
  virtual Error Deregister(const context::Context& ctx, std::shared_ptr<Service> service) = 0;
  /// Extends the lease of a registered `service`, for registries whose
  /// entries expire.
  virtual Error Renew(const context::Context& ctx, std::shared_ptr<Service> service) = 0;
  /// The instances registered under `name`; an empty list when there are
  /// none. The caller owns the returned list (the services are shared).
  virtual Result<std::vector<std::shared_ptr<Service>>> Get(const context::Context& ctx, std::string_view name) = 0;
};

/// A shared SD; null means "no service discovery".
using SDPtr = std::shared_ptr<SD>;

}  // namespace gost::core::sd
