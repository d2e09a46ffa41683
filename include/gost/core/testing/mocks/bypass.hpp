// gost-core testing kit: GoogleMock mock of bypass::Bypass.
#pragma once

#include <gmock/gmock.h>

#include <string_view>

#include "gost/core/bypass/bypass.hpp"

namespace gost::core::bypass {

/// Mock of Bypass. Unconfigured, it is a blacklist that catches nothing.
class MockBypass : public Bypass {
 public:
  MOCK_METHOD(bool, IsWhitelist, (), (const, override));
  MOCK_METHOD(bool, Contains,
              (const context::Context& ctx, std::string_view network, std::string_view addr, Variadic<Option> opts),
              (override));
};

}  // namespace gost::core::bypass
