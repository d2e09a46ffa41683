// gost-core port of go-gost/core routing/matcher.go.
//
// Request-level routing: handlers describe what they know of a request
// (client, host, HTTP method, path, headers, the start of the body) in a
// Request, and a node's Matcher decides whether the node may serve it.
#pragma once

#include <memory>
#include <string>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/bytes.hpp"
#include "gost/core/go/http.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/url.hpp"

namespace gost::core::routing {

/// What a handler knows about a request, for matching. Fields that do not
/// apply to the protocol (HTTP fields of a SOCKS request, say) stay empty.
struct Request {
  /// The client's address; empty when unknown.
  net::IP ClientIP;
  /// The target host name (from the request, a Host header or TLS SNI).
  std::string Host;
  /// The network of the connection ("tcp", "udp").
  std::string Network;
  /// The proxy protocol the request arrived with ("http", "socks5", ...).
  std::string Protocol;
  /// The HTTP method.
  std::string Method;
  /// The HTTP path.
  std::string Path;
  /// The HTTP query parameters.
  url::Values Query;
  /// The HTTP request headers.
  http::Header Header;
  /// The first bytes of the HTTP request body, only when some node matches
  /// on the body (and capped in size); empty otherwise. The whole body is
  /// still forwarded: this copy exists for matching only.
  Bytes Body;

  friend bool operator==(const Request&, const Request&) = default;
};

/// Decides whether a request fits a rule.
///
/// Implementations must be safe to call from many threads at once; Match
/// has no side effects.
class Matcher {
  GOST_CORE_INTERFACE(Matcher);

  /// True when `req` matches. The request is borrowed for the call only.
  [[nodiscard]] virtual bool Match(const Request& req) const = 0;
};

/// A shared Matcher; null means "matches everything" (no rule).
using MatcherPtr = std::shared_ptr<Matcher>;

}  // namespace gost::core::routing
