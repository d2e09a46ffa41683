// gost::x::auth: a user/password table behind core::auth::Authenticator, as
// go-gost/x's auth package has it (the table a `user:pass@` in a GOST URL or
// an `auths` list in a config file fills).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/auth/auth.hpp>
#include <gost/core/go/url.hpp>

namespace gost::x::auth {

namespace core = gost::core;

/// Checks a user name and password against a fixed table. An empty table lets
/// everyone in (go-gost/x does the same: no credentials configured means no
/// check). A match answers with the user name as the client id. The table is
/// read-only after construction, so calls may come from any thread.
class Authenticator final : public core::auth::Authenticator {
 public:
  explicit Authenticator(std::map<std::string, std::string, std::less<>> users) : users_(std::move(users)) {}

  [[nodiscard]] core::auth::AuthenticateResult Authenticate(const core::context::Context&, std::string_view user,
                                                            std::string_view password,
                                                            core::Variadic<core::auth::Option> = {}) override {
    if (users_.empty()) return {"", true};
    const auto it = users_.find(user);
    if (it == users_.end() || it->second != password) return {"", false};
    return {it->first, true};
  }

 private:
  std::map<std::string, std::string, std::less<>> users_;
};

/// The authenticator for one URL's credentials (null when there are none),
/// as go-gost/x builds it for `-L scheme://user:pass@host:port`.
inline core::auth::AuthenticatorPtr FromUserinfo(const core::url::UserinfoPtr& u) {
  if (!u) return nullptr;
  return std::make_shared<Authenticator>(
      std::map<std::string, std::string, std::less<>>{{u->Username(), u->Password().value_or("")}});
}

}  // namespace gost::x::auth
