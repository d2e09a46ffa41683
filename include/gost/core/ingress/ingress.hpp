// gost-core port of go-gost/core ingress/ingress.go.
//
// Ingress rules route reverse-proxied traffic by host name: a public request
// for "app.example.com" is handed to the tunnel (endpoint) that serves it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::ingress {

/// Per-call details an Ingress may take into account.
struct Options {
  /// Name of the service asking; empty when not known.
  std::string Service;

  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Service.
inline constexpr FieldOption<&Options::Service> WithService{};

/// One routing rule: traffic for Hostname goes to Endpoint.
struct Rule {
  /// The host name pattern: an exact name ("example.com"), a wildcard
  /// ("*.example.org") or a domain with its subdomains (".example.com").
  std::string Hostname;
  /// The tunnel id that serves matching traffic.
  std::string Endpoint;

  friend bool operator==(const Rule&, const Rule&) = default;
};

/// A table of host name rules.
///
/// Implementations must be safe to call from many threads at once (lookups
/// from every request, updates from the tunnel side).
class Ingress {
  GOST_CORE_INTERFACE(Ingress);

  /// Adds `rule`, or replaces the rule with the same Hostname. Returns true
  /// when the table changed; false when it did not (a null or unusable rule,
  /// a read-only table, a failing backend). The implementation may keep
  /// `rule` (shared), so callers must not modify it afterwards.
  virtual bool SetRule(const context::Context& ctx, std::shared_ptr<Rule> rule, Variadic<Option> opts = {}) = 0;
  /// The rule that matches `host`; null when none does.
  [[nodiscard]] virtual std::shared_ptr<Rule> GetRule(const context::Context& ctx, std::string_view host,
                                                      Variadic<Option> opts = {}) = 0;
};

/// A shared Ingress; null means "no ingress rules".
using IngressPtr = std::shared_ptr<Ingress>;

}  // namespace gost::core::ingress
