// gost-core port of go-gost/core limiter/limiter.go.
//
// What the limiter packages share: the scopes a limit can apply to and the
// options a caller passes when it asks for a limiter (limiter::traffic uses
// them; limiter::conn and limiter::rate are keyed by a string alone).
#pragma once

#include <string>
#include <utility>

#include "gost/core/go/option.hpp"

namespace gost::core::limiter {

// Values for Options::Scope (upstream's exact strings).

/// A limit shared by the whole service.
inline const std::string ScopeService{"service"};
/// A limit for each connection.
inline const std::string ScopeConn{"conn"};
/// A limit for each client (usually keyed by source IP).
inline const std::string ScopeClient{"client"};

/// Describes who is asking for a limiter, so that an implementation can pick
/// the matching limit. Every field is optional; empty means "not known".
struct Options {
  /// Name of the service.
  std::string Service;
  /// Which kind of limit is wanted: ScopeService, ScopeConn or ScopeClient.
  std::string Scope;
  /// Network of the connection ("tcp", "udp", ...).
  std::string Network;
  /// Destination address.
  std::string Addr;
  /// Client identity, usually the source IP.
  std::string Client;
  /// Another source identifier, for implementations that key on it.
  std::string Src;

  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Service.
inline constexpr FieldOption<&Options::Service> ServiceOption{};
/// Sets Options::Scope (one of the Scope* constants).
inline constexpr FieldOption<&Options::Scope> ScopeOption{};
/// Sets Options::Network.
inline constexpr FieldOption<&Options::Network> NetworkOption{};
/// Sets Options::Addr.
inline constexpr FieldOption<&Options::Addr> AddrOption{};
/// Sets Options::Client.
inline constexpr FieldOption<&Options::Client> ClientOption{};
/// Sets Options::Src.
inline constexpr FieldOption<&Options::Src> SrcOption{};

}  // namespace gost::core::limiter
