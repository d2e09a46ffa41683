// gost-core testing kit: GoogleMock mock of resolver::Resolver.
#pragma once

#include <gmock/gmock.h>

#include <string_view>
#include <vector>

#include "gost/core/resolver/resolver.hpp"

namespace gost::core::resolver {

/// Mock of Resolver. Unconfigured, Resolve returns an empty list.
class MockResolver : public Resolver {
 public:
  MOCK_METHOD(Result<std::vector<net::IP>>, Resolve,
              (const context::Context& ctx, std::string_view network, std::string_view host, Variadic<Option> opts),
              (override));
};

}  // namespace gost::core::resolver
