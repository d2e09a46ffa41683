// gost-core port of go-gost/core resolver/resolver.go.
//
// Name resolution for routers and handlers: plain DNS, DNS over TLS/HTTPS,
// or anything else that turns a host name into addresses.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::resolver {

/// Returned by a resolver that is not configured well enough to resolve
/// anything (message "invalid resolver"). An errors::New value, as
/// upstream's: match it with errors::Is.
inline const Error ErrInvalid = errors::New("invalid resolver");

/// Per-call settings of Resolver::Resolve. Upstream defines none yet; the
/// type exists so that options can be added without changing the interface.
struct Options {
  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Turns host names into addresses.
///
/// Implementations must be safe to call from many threads at once. Resolve
/// usually does network I/O and blocks; it gives up when `ctx` ends.
class Resolver {
  GOST_CORE_INTERFACE(Resolver);

  /// The addresses of `host`. `network` picks the family: "ip" (the
  /// default: IPv4 and IPv6), "ip4" or "ip6". Fails with ErrInvalid when the
  /// resolver is unusable, with the context's error when `ctx` ends first,
  /// or with the lookup's own error. An empty list without an error means the
  /// name exists but has no address of that family.
  virtual Result<std::vector<net::IP>> Resolve(const context::Context& ctx, std::string_view network,
                                               std::string_view host, Variadic<Option> opts = {}) = 0;
};

/// A shared Resolver; null means "use the system resolver".
using ResolverPtr = std::shared_ptr<Resolver>;

}  // namespace gost::core::resolver
