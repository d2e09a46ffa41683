// docs/snippets: a chain::Transporter made of a dialer and a connector
// (docs/implementing-a-transport.md). examples/custom_transport has a fuller
// one, with logging and the optional interfaces wired the same way.
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include <gost/core/chain/transport.hpp>
#include <gost/core/common/net/dialer.hpp>
#include <gost/core/connector/binder.hpp>
#include <gost/core/connector/connector.hpp>
#include <gost/core/dialer/dialer.hpp>

namespace mytransport {

class Transport final : public gc::chain::Transporter {
 public:
  // `netd` opens the raw connections for the dialer (a real program passes
  // one that opens sockets).
  Transport(gc::dialer::DialerPtr d, gc::connector::ConnectorPtr c, gc::common::net::DialerPtr netd,
            gc::Variadic<gc::chain::TransportOption> opts = {})
      : dialer_(std::move(d)), connector_(std::move(c)), netd_(std::move(netd)) {
    gc::ApplyOptions(options_, opts);
  }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view addr) override {
    return dialer_->Dial(ctx, addr, gc::dialer::NetDialerDialOption(netd_));
  }

  // The optional interfaces are found with dynamic_cast, as Go finds them
  // with type assertions.
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

  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn, std::string_view network,
                                       std::string_view address) override {
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

}  // namespace mytransport
