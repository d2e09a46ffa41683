// gost-core testing kit: GoogleMock mocks of the connector interfaces
// (Connector, Handshaker, Binder).
//
// The connection argument is a net::ConnUniquePtr taken by value: matchers see it
// as `const net::ConnUniquePtr&`, and an Invoke action receives it by value and so
// owns it (return it, wrap it, or let it close).
#pragma once

#include <gmock/gmock.h>

#include <string_view>

#include "gost/core/connector/binder.hpp"
#include "gost/core/connector/connector.hpp"

namespace gost::core::connector {

/// Mock of Connector.
class MockConnector : public Connector {
 public:
  MOCK_METHOD(Error, Init, (metadata::MetadataPtr md), (override));
  MOCK_METHOD(Result<net::ConnUniquePtr>, Connect,
              (const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network, std::string_view address,
               Variadic<ConnectOption> opts),
              (override));
};

/// Mock of the connector-level Handshaker (not dialer::MockHandshaker).
class MockHandshaker : public Handshaker {
 public:
  MOCK_METHOD(Result<net::ConnUniquePtr>, Handshake, (const context::Context& ctx, net::ConnUniquePtr conn), (override));
};

/// Mock of Binder.
class MockBinder : public Binder {
 public:
  MOCK_METHOD(Result<net::ListenerUniquePtr>, Bind,
              (const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network, std::string_view address,
               Variadic<BindOption> opts),
              (override));
};

}  // namespace gost::core::connector
