// gost-core testing kit: GoogleMock mock of ingress::Ingress.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string_view>

#include "gost/core/ingress/ingress.hpp"

namespace gost::core::ingress {

/// Mock of Ingress. Unconfigured, SetRule answers false and GetRule null.
class MockIngress : public Ingress {
 public:
  MOCK_METHOD(bool, SetRule, (const context::Context& ctx, std::shared_ptr<Rule> rule, Variadic<Option> opts),
              (override));
  MOCK_METHOD(std::shared_ptr<Rule>, GetRule,
              (const context::Context& ctx, std::string_view host, Variadic<Option> opts), (override));
};

}  // namespace gost::core::ingress
