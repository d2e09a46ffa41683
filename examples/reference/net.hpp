// gost::x reference: the network the pieces reach destinations on.
//
// go-gost/x dials and listens with the operating system's sockets. The
// reference pieces take the network as a parameter instead, so that the same
// routes, transports and routers run over real sockets (examples/mini_gost)
// and over the in-memory network of the other examples and of the tests.
#pragma once

#include <memory>
#include <string_view>

#include <gost/core/common/net/dialer.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>

namespace gost::x {

namespace gc = gost::core;

/// Opens connections (common::net::Dialer) and listeners on one network.
class Network : public gc::common::net::Dialer {
 public:
  /// Listens on `address` ("host:port") of `network` ("tcp", ...).
  virtual gc::Result<gc::net::ListenerUniquePtr> Listen(std::string_view network, std::string_view address) = 0;

 protected:
  Network() = default;
  Network(const Network&) = default;
  Network& operator=(const Network&) = default;
};

/// A shared Network.
using NetworkPtr = std::shared_ptr<Network>;

}  // namespace gost::x
