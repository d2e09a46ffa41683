// gost-core testing kit: GoogleMock mock of router::Router (the routing
// table; the chain router is chain::MockRouter).
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string_view>

#include "gost/core/router/router.hpp"

namespace gost::core::router {

/// Mock of Router. Unconfigured, GetRoute returns null (no route).
class MockRouter : public Router {
 public:
  MOCK_METHOD(std::shared_ptr<Route>, GetRoute,
              (const context::Context& ctx, std::string_view dst, Variadic<Option> opts), (override));
};

}  // namespace gost::core::router
