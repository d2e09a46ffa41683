// gost::x reference: a chain::Transporter made of a dialer and a connector, after
// go-gost/x (chain/transport.go).
//
// A node's Transport is how a route gets through that node:
//   Dial       the dialer opens a connection to the node: over the network,
//              or, when the transport's options carry a route with nodes
//              (a multiplexing node, see Chain), through that route,
//   Handshake  the dialer's transport handshake (if it is a
//              dialer::Handshaker), then the connector's protocol greeting
//              (if it is a connector::Handshaker),
//   Connect    the connector asks the node to go on to the next address,
//   Bind       the connector asks the node to listen (if it is a
//              connector::Binder; connector::ErrBindUnsupported otherwise).
// The optional interfaces are found with dynamic_cast, as Go finds them with
// type assertions.
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include <gost/core/chain/transport.hpp>
#include <gost/core/common/net/dialer.hpp>
#include <gost/core/connector/binder.hpp>
#include <gost/core/connector/connector.hpp>
#include <gost/core/dialer/dialer.hpp>

namespace gost::x {

namespace gc = gost::core;

/// A common::net::Dialer that dials through a route.
class RouteDialer final : public gc::common::net::Dialer {
 public:
  explicit RouteDialer(gc::chain::RoutePtr route) : route_(std::move(route)) {}
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view addr) override {
    return route_->Dial(ctx, network, addr);
  }

 private:
  gc::chain::RoutePtr route_;
};

/// Joins a dialer and a connector into a node's Transporter.
class Transport final : public gc::chain::Transporter {
 public:
  /// `netd` opens the raw connections: it is handed to the dialer and the
  /// connector on every call (go-gost/x hands them the system's dialer; a
  /// Network is one).
  Transport(gc::dialer::DialerPtr d, gc::connector::ConnectorPtr c, gc::common::net::DialerPtr netd,
            gc::Variadic<gc::chain::TransportOption> opts = {})
      : dialer_(std::move(d)), connector_(std::move(c)), netd_(std::move(netd)) {
    gc::ApplyOptions(options_, opts);
  }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view addr) override {
    gc::common::net::DialerPtr netd = netd_;
    if (options_.Route && !options_.Route->Nodes().empty()) netd = std::make_shared<RouteDialer>(options_.Route);
    return dialer_->Dial(ctx, addr, {gc::dialer::HostDialOption(options_.Addr), gc::dialer::NetDialerDialOption(netd)});
  }

  gc::Result<gc::net::ConnUniquePtr> Handshake(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn) override {
    if (auto* hs = dynamic_cast<gc::dialer::Handshaker*>(dialer_.get())) {
      auto r = hs->Handshake(ctx, std::move(conn), gc::dialer::AddrHandshakeOption(options_.Addr));
      if (!r) return r.error();
      conn = std::move(*r);
    }
    if (auto* hs = dynamic_cast<gc::connector::Handshaker*>(connector_.get())) {
      return hs->Handshake(ctx, std::move(conn));
    }
    return conn;
  }

  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                             std::string_view network, std::string_view address) override {
    return connector_->Connect(ctx, std::move(conn), network, address, gc::connector::DialerConnectOption(netd_));
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                              std::string_view network, std::string_view address,
                                              gc::Variadic<gc::connector::BindOption> opts = {}) override {
    if (auto* binder = dynamic_cast<gc::connector::Binder*>(connector_.get())) {
      return binder->Bind(ctx, std::move(conn), network, address, opts);
    }
    return gc::connector::ErrBindUnsupported;  // `conn` is released (closed) here
  }

  [[nodiscard]] bool Multiplex() const override {
    const auto* mux = dynamic_cast<const gc::dialer::Multiplexer*>(dialer_.get());
    return mux != nullptr && mux->Multiplex();
  }

  gc::chain::TransportOptions* Options() override { return &options_; }

  [[nodiscard]] gc::chain::TransporterPtr Copy() const override { return std::make_shared<Transport>(*this); }

 private:
  gc::dialer::DialerPtr dialer_;
  gc::connector::ConnectorPtr connector_;
  gc::common::net::DialerPtr netd_;
  gc::chain::TransportOptions options_;
};

/// A shared Transport.
inline gc::chain::TransporterPtr NewTransport(gc::dialer::DialerPtr d, gc::connector::ConnectorPtr c,
                                              gc::common::net::DialerPtr netd,
                                              gc::Variadic<gc::chain::TransportOption> opts = {}) {
  return std::make_shared<Transport>(std::move(d), std::move(c), std::move(netd), opts);
}

}  // namespace gost::x
