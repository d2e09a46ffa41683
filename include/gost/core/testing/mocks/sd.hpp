// gost-core testing kit: GoogleMock mock of sd::SD.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string_view>
#include <vector>

#include "gost/core/sd/sd.hpp"

namespace gost::core::sd {

/// Mock of SD. Unconfigured, every call succeeds and Get finds nothing.
class MockSD : public SD {
 public:
  MOCK_METHOD(Error, Register, (const context::Context& ctx, std::shared_ptr<Service> service, Variadic<Option> opts),
              (override));
  MOCK_METHOD(Error, Deregister, (const context::Context& ctx, std::shared_ptr<Service> service), (override));
  MOCK_METHOD(Error, Renew, (const context::Context& ctx, std::shared_ptr<Service> service), (override));
  MOCK_METHOD(Result<std::vector<std::shared_ptr<Service>>>, Get, (const context::Context& ctx, std::string_view name),
              (override));
};

}  // namespace gost::core::sd
