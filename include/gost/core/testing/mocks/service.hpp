// gost-core testing kit: GoogleMock mock of service::Service.
#pragma once

#include <gmock/gmock.h>

#include "gost/core/service/service.hpp"

namespace gost::core::service {

/// Mock of Service. Unconfigured, Serve returns at once without an error.
class MockService : public Service {
 public:
  MOCK_METHOD(Error, Serve, (), (override));
  MOCK_METHOD(net::Addr, Addr, (), (const, override));
  MOCK_METHOD(Error, Close, (), (override));
};

}  // namespace gost::core::service
