// gost-core testing kit: GoogleMock mocks of handler::Handler and
// handler::Forwarder.
#pragma once

#include <gmock/gmock.h>

#include "gost/core/handler/handler.hpp"

namespace gost::core::handler {

/// Mock of Handler. Handle receives the connection by value; an Invoke
/// action owns it (an unconfigured call lets it close on return).
class MockHandler : public Handler {
 public:
  MOCK_METHOD(Error, Init, (metadata::MetadataPtr md), (override));
  MOCK_METHOD(Error, Handle, (const context::Context& ctx, net::ConnUniquePtr conn, Variadic<HandleOption> opts), (override));
};

/// Mock of Forwarder.
class MockForwarder : public Forwarder {
 public:
  MOCK_METHOD(void, Forward, (hop::HopPtr hop), (override));
};

}  // namespace gost::core::handler
