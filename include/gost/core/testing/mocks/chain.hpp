// gost-core testing kit: GoogleMock mocks of the chain interfaces (Chainer,
// Route, Router, Transporter, ProbeResultReader).
//
// Methods that return Result<net::ConnUniquePtr> or Result<net::ListenerUniquePtr> hold a
// move-only value; give them an action that builds the result on each call
// (Invoke, a lambda) or a one-shot Return(ByMove(...)). Unconfigured they
// return a Result holding a null pointer, which callers must not mistake for
// a live connection.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string_view>
#include <vector>

#include "gost/core/chain/chain.hpp"
#include "gost/core/chain/node.hpp"
#include "gost/core/chain/probe.hpp"
#include "gost/core/chain/route.hpp"
#include "gost/core/chain/router.hpp"
#include "gost/core/chain/transport.hpp"

namespace gost::core::detail::testkit {

// Dial and Bind, which Route and Router declare alike, mocked once for both.
template <class Interface>
class MockDialBind : public Interface {
 public:
  MOCK_METHOD(Result<net::ConnUniquePtr>, Dial,
              (const context::Context& ctx, std::string_view network, std::string_view address,
               Variadic<chain::DialOption> opts),
              (override));
  MOCK_METHOD(Result<net::ListenerUniquePtr>, Bind,
              (const context::Context& ctx, std::string_view network, std::string_view address,
               Variadic<chain::BindOption> opts),
              (override));
};

}  // namespace gost::core::detail::testkit

namespace gost::core::chain {

/// Mock of Chainer. Unconfigured, Route returns null (dial directly).
class MockChainer : public Chainer {
 public:
  MOCK_METHOD(std::shared_ptr<chain::Route>, Route,
              (const context::Context& ctx, std::string_view network, std::string_view address,
               Variadic<RouteOption> opts),
              (override));
};

/// Mock of Route: Dial, Bind and Nodes.
class MockRoute : public core::detail::testkit::MockDialBind<Route> {
 public:
  MOCK_METHOD(std::vector<std::shared_ptr<Node>>, Nodes, (), (const, override));
};

/// Mock of Router: Dial, Bind and Options. Unconfigured, Options returns null.
class MockRouter : public core::detail::testkit::MockDialBind<Router> {
 public:
  MOCK_METHOD(RouterOptions*, Options, (), (override));
};

/// Mock of Transporter. Unconfigured, Options and Copy return null.
class MockTransporter : public Transporter {
 public:
  MOCK_METHOD(Result<net::ConnUniquePtr>, Dial, (const context::Context& ctx, std::string_view addr), (override));
  MOCK_METHOD(Result<net::ConnUniquePtr>, Handshake, (const context::Context& ctx, net::ConnUniquePtr conn), (override));
  MOCK_METHOD(Result<net::ConnUniquePtr>, Connect,
              (const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network, std::string_view address),
              (override));
  MOCK_METHOD(Result<net::ListenerUniquePtr>, Bind,
              (const context::Context& ctx, net::ConnUniquePtr conn, std::string_view network, std::string_view address,
               Variadic<connector::BindOption> opts),
              (override));
  MOCK_METHOD(bool, Multiplex, (), (const, override));
  MOCK_METHOD(TransportOptions*, Options, (), (override));
  MOCK_METHOD(TransporterPtr, Copy, (), (const, override));
};

/// Mock of ProbeResultReader. Unconfigured, ProbeResult returns null.
class MockProbeResultReader : public ProbeResultReader {
 public:
  MOCK_METHOD(std::shared_ptr<const chain::ProbeResult>, ProbeResult, (), (const, override));
};

}  // namespace gost::core::chain
