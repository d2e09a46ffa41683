// gost-core port of go-gost/core admission/admission.go.
//
// Admission control: before a service does any work for an incoming
// connection it asks an Admission whether the peer may connect at all (an IP
// allow/deny list, a domain rule, a remote policy plugin...).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::admission {

/// Per-call details an Admission may take into account. Every field is
/// optional; empty means "not known".
struct Options {
  /// Name of the service asking.
  std::string Service;
  /// Network of the connection being admitted ("tcp", "udp", ...).
  std::string Network;

  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Service.
inline constexpr FieldOption<&Options::Service> WithService{};
/// Sets Options::Network.
inline constexpr FieldOption<&Options::Network> WithNetwork{};

/// Decides whether a connection is let in.
///
/// Implementations must be safe to call from many threads at once (every
/// accepted connection asks). Admit may consult a remote service; it should
/// give up when `ctx` ends and then answer false.
class Admission {
  GOST_CORE_INTERFACE(Admission);

  /// True when a connection from `addr` ("host:port" or a bare host) over
  /// `network` may proceed; false rejects it. There is no error channel: an
  /// implementation that cannot decide picks its own safe answer.
  [[nodiscard]] virtual bool Admit(const context::Context& ctx, std::string_view network, std::string_view addr,
                                   Variadic<Option> opts = {}) = 0;
};

/// A shared Admission; null means "no admission control" (admit everyone).
using AdmissionPtr = std::shared_ptr<Admission>;

}  // namespace gost::core::admission
