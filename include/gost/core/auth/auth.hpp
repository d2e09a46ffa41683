// gost-core port of go-gost/core auth/auth.go.
//
// User authentication: proxy handlers check the credentials a client sends
// (SOCKS5 user/password, HTTP Proxy-Authorization, ...) against an
// Authenticator before serving any request on its connection.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::auth {

/// Per-call details an Authenticator may take into account.
struct Options {
  /// Name of the service asking; empty when not known.
  std::string Service;

  friend bool operator==(const Options&, const Options&) = default;
};

/// Sets fields of Options (Go: `func(*Options)`); an empty Option is skipped.
using Option = OptionFunc<Options>;

/// Sets Options::Service.
inline constexpr FieldOption<&Options::Service> WithService{};

/// The outcome of Authenticator::Authenticate (Go: `(id string, ok bool)`).
struct AuthenticateResult {
  /// Identifies the authenticated client for later authorization and
  /// auditing (often the user name, but an implementation may map users to
  /// other ids). May be empty even on success; meaningless when !ok.
  std::string id;
  /// True when the credentials were accepted.
  bool ok = false;

  friend bool operator==(const AuthenticateResult&, const AuthenticateResult&) = default;
};

/// Checks a client's credentials.
///
/// Implementations must be safe to call from many threads at once. A call may
/// consult a remote service; it should give up when `ctx` ends and then
/// report failure (ok == false).
class Authenticator {
  GOST_CORE_INTERFACE(Authenticator);

  /// Verifies `user` and `password` (either may be empty, e.g. when the
  /// client sent none). Rejection is `ok == false`; there is no separate
  /// error, so lookup failures also reject.
  [[nodiscard]] virtual AuthenticateResult Authenticate(const context::Context& ctx, std::string_view user,
                                                        std::string_view password, Variadic<Option> opts = {}) = 0;
};

/// A shared Authenticator; null means "no authentication required".
using AuthenticatorPtr = std::shared_ptr<Authenticator>;

}  // namespace gost::core::auth
