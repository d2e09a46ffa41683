// gost-core testing kit: GoogleMock mocks of the dialer interfaces (Dialer,
// Handshaker, Multiplexer).
#pragma once

#include <gmock/gmock.h>

#include <string_view>

#include "gost/core/dialer/dialer.hpp"

namespace gost::core::dialer {

/// Mock of Dialer. Dial returns a move-only Result: use an action that
/// builds the connection on each call, or Return(ByMove(...)) once.
class MockDialer : public Dialer {
 public:
  MOCK_METHOD(Error, Init, (metadata::MetadataPtr md), (override));
  MOCK_METHOD(Result<net::ConnUniquePtr>, Dial,
              (const context::Context& ctx, std::string_view addr, Variadic<DialOption> opts), (override));
};

/// Mock of the transport-level Handshaker (not connector::MockHandshaker).
class MockHandshaker : public Handshaker {
 public:
  MOCK_METHOD(Result<net::ConnUniquePtr>, Handshake,
              (const context::Context& ctx, net::ConnUniquePtr conn, Variadic<HandshakeOption> opts), (override));
};

/// Mock of Multiplexer.
class MockMultiplexer : public Multiplexer {
 public:
  MOCK_METHOD(bool, Multiplex, (), (const, override));
};

}  // namespace gost::core::dialer
