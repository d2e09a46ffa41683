// gost-core testing kit: GoogleMock mock of listener::Listener (the gost
// listener; the vocabulary net::Listener is net::MockListener).
#pragma once

#include <gmock/gmock.h>

#include "gost/core/listener/listener.hpp"

namespace gost::core::listener {

/// Mock of the gost Listener. Accept returns a move-only Result: use an
/// action that builds the connection, or Return(ByMove(...)) once; a test
/// that needs Accept to block until Close is better served by
/// net::PipeListener (gost/core/testing/pipe.hpp).
class MockListener : public Listener {
 public:
  MOCK_METHOD(Error, Init, (metadata::MetadataPtr md), (override));
  MOCK_METHOD(Result<net::ConnUniquePtr>, Accept, (), (override));
  MOCK_METHOD(net::Addr, Addr, (), (const, override));
  MOCK_METHOD(Error, Close, (), (override));
};

}  // namespace gost::core::listener
