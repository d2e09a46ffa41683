// gost-core port of go-gost/core hosts/hosts.go.
//
// A HostMapper is a static name table, like /etc/hosts: it answers for the
// names it knows before any DNS resolver is asked.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::hosts {

/// Per-call settings of HostMapper::Lookup. Upstream defines none yet; the
/// type exists so that options can be added without changing the interface.
struct Options {
  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// The outcome of HostMapper::Lookup (Go: `([]net.IP, bool)`).
struct LookupResult {
  /// The addresses mapped to the name; may be empty even when ok (a name
  /// mapped only for the other address family, say).
  std::vector<net::IP> ips;
  /// True when the table has an entry for the name. False tells the caller to
  /// fall back to DNS.
  bool ok = false;

  friend bool operator==(const LookupResult&, const LookupResult&) = default;
};

/// A static host name to address table.
///
/// Implementations must be safe to call from many threads at once; the table
/// may be reloaded in the background meanwhile.
class HostMapper {
  GOST_CORE_INTERFACE(HostMapper);

  /// Looks `host` up. `network` picks the address family: "ip" (both), "ip4"
  /// or "ip6"; an implementation returns only addresses of that family.
  [[nodiscard]] virtual LookupResult Lookup(const context::Context& ctx, std::string_view network,
                                            std::string_view host, Variadic<Option> opts = {}) = 0;
};

/// A shared HostMapper; null means "no static table" (always use DNS).
using HostMapperPtr = std::shared_ptr<HostMapper>;

}  // namespace gost::core::hosts
