// gost-core testing kit: GoogleMock mocks of the vocabulary net::Conn and
// net::Listener.
//
// A mocked Conn suits tests that script a few calls (one failing Write, say).
// Tests that move real bytes, block, or need deadlines and Close to behave
// are better served by net::Pipe and net::PipeListener
// (gost/core/testing/pipe.hpp).
#pragma once

#include <gmock/gmock.h>

#include <cstddef>
#include <span>

#include "gost/core/go/net.hpp"

namespace gost::core::net {

/// Mock of Conn. Unconfigured, Read and Write return {0, no error}, which a
/// read loop would spin on: give Read an action. The buffer passed to Read
/// is the caller's; an action fills it, e.g.
/// `Invoke([](std::span<std::byte> b) { b[0] = std::byte{'x'}; return io::IOResult{1, {}}; })`.
class MockConn : public Conn {
 public:
  MOCK_METHOD(io::IOResult, Read, (std::span<std::byte> b), (override));
  MOCK_METHOD(io::IOResult, Write, (std::span<const std::byte> b), (override));
  MOCK_METHOD(Error, Close, (), (override));
  MOCK_METHOD(net::Addr, LocalAddr, (), (const, override));
  MOCK_METHOD(net::Addr, RemoteAddr, (), (const, override));
  MOCK_METHOD(Error, SetDeadline, (Time t), (override));
  MOCK_METHOD(Error, SetReadDeadline, (Time t), (override));
  MOCK_METHOD(Error, SetWriteDeadline, (Time t), (override));
};

/// Mock of the vocabulary Listener (not listener::MockListener).
class MockListener : public Listener {
 public:
  MOCK_METHOD(Result<ConnUniquePtr>, Accept, (), (override));
  MOCK_METHOD(Error, Close, (), (override));
  MOCK_METHOD(net::Addr, Addr, (), (const, override));
};

}  // namespace gost::core::net
