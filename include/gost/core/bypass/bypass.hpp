// gost-core port of go-gost/core bypass/bypass.go.
//
// A Bypass is an address filter attached to a service, a hop or a node: the
// destinations it catches are not served by the service, or not sent through
// that hop or node.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::bypass {

/// Per-call details a Bypass may match on. Every field is optional; empty
/// means "not known".
struct Options {
  /// Name of the service asking.
  std::string Service;
  /// The HTTP Host of the request, when the request is HTTP.
  std::string Host;
  /// The HTTP request path, when the request is HTTP.
  std::string Path;

  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Service.
inline constexpr FieldOption<&Options::Service> WithService{};
/// Sets Options::Host.
inline constexpr FieldOption<&Options::Host> WithHostOption{};
/// Sets Options::Path.
inline constexpr FieldOption<&Options::Path> WithPathOption{};

/// A set of address rules (hosts, domains, IP ranges...) used in one of two
/// modes: a blacklist (the default) catches the addresses it lists, a
/// whitelist catches every address it does not list.
///
/// A caught address bypasses whatever the Bypass is attached to: a service
/// refuses it, a hop or node is not used for it.
///
/// Implementations must be safe to call from many threads at once; rules may
/// be reloaded in the background meanwhile.
class Bypass {
  GOST_CORE_INTERFACE(Bypass);

  /// True when the rules are a whitelist, false for a blacklist. Contains
  /// already applies the mode; this reports it for callers that combine
  /// several Bypass objects.
  [[nodiscard]] virtual bool IsWhitelist() const = 0;
  /// True when `addr` ("host:port" or a bare host) over `network` is caught,
  /// the mode taken into account. A rule source that cannot answer (a remote
  /// plugin failing, `ctx` ending) answers false.
  [[nodiscard]] virtual bool Contains(const context::Context& ctx, std::string_view network, std::string_view addr,
                                      Variadic<Option> opts = {}) = 0;
};

/// A shared Bypass; null means "no bypass rules" (nothing is caught).
using BypassPtr = std::shared_ptr<Bypass>;

}  // namespace gost::core::bypass
