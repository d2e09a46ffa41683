// gost-core testing kit: GoogleMock mock of auth::Authenticator.
#pragma once

#include <gmock/gmock.h>

#include <string_view>

#include "gost/core/auth/auth.hpp"

namespace gost::core::auth {

/// Mock of Authenticator. Unconfigured, Authenticate rejects ({"", false}).
class MockAuthenticator : public Authenticator {
 public:
  MOCK_METHOD(AuthenticateResult, Authenticate,
              (const context::Context& ctx, std::string_view user, std::string_view password, Variadic<Option> opts),
              (override));
};

}  // namespace gost::core::auth
