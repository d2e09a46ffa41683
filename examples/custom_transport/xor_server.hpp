// custom_transport: the other end of the "xor" transport, so that the
// example has nodes to talk to. A node is a service made of
//  * XorListener: accepts connections on the in-memory network and wraps
//    each in an XorConn with the node's key (read in Init, from metadata);
//  * HeaderHandler: reads the "TO <host:port>" line, reaches that address
//    with its Router, answers "OK" (or "NO <why>"), then relays bytes.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include <gost/core/handler/handler.hpp>
#include <gost/core/handler/option.hpp>
#include <gost/core/listener/listener.hpp>
#include <gost/core/listener/option.hpp>

#include "common/io.hpp"
#include "common/memnet.hpp"
#include "common/service.hpp"
#include "reference/logger.hpp"
#include "xor_transport.hpp"

namespace xor_transport {

namespace gc = gost::core;
namespace x = gost::x;

/// Listens on Options::Addr (an example::MemListener); every accepted
/// connection comes XOR-wrapped with the key Init reads from metadata.
class XorListener final : public gc::listener::Listener {
 public:
  XorListener(std::shared_ptr<example::Network> net, gc::Variadic<gc::listener::Option> opts)
      : inner_(std::move(net), opts) {}

  gc::Error Init(gc::metadata::MetadataPtr md) override {
    auto key = KeyFrom(md);
    if (!key) return key.error();
    key_ = *key;
    return inner_.Init(md);
  }

  gc::Result<gc::net::ConnUniquePtr> Accept() override {
    auto conn = inner_.Accept();
    if (!conn) return conn.error();
    return gc::net::ConnUniquePtr(std::make_unique<XorConn>(std::move(*conn), key_));
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return inner_.Addr(); }
  gc::Error Close() override { return inner_.Close(); }

 private:
  example::MemListener inner_;
  std::uint8_t key_ = 0;  // set by Init
};

/// Serves the header protocol. Logs each header (on Options::Logger, as
/// Options::Service) before answering it.
class HeaderHandler final : public gc::handler::Handler {
 public:
  explicit HeaderHandler(gc::Variadic<gc::handler::Option> opts)
      : options_(gc::MakeOptions<gc::handler::Options>(opts)), log_(x::Kind(options_.Logger, options_.Service)) {}

  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override { return {}; }

  gc::Error Handle(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                   gc::Variadic<gc::handler::HandleOption> /*opts*/ = {}) override {
    return example::ServeClosingOnCancel(ctx, std::move(conn), [&](const auto& client) { return Serve(ctx, client); });
  }

 private:
  gc::Error Serve(const gc::context::Context& ctx, const std::shared_ptr<gc::net::Conn>& client) {
    auto header = example::ReadLine(*client);
    if (!header) return header.error();
    log_->Infof("header \"%s\"", {*header});
    if (header->rfind("TO ", 0) != 0) {
      (void)example::WriteString(*client, "NO bad header\n");
      return gc::errors::New("header: bad header");
    }
    auto upstream = options_.Router->Dial(ctx, "tcp", header->substr(3));
    if (!upstream) {
      (void)example::WriteString(*client, "NO " + upstream.error().Message() + "\n");
      return upstream.error();
    }
    if (gc::Error err = example::WriteString(*client, "OK\n")) return err;
    example::Relay(ctx, client, std::move(*upstream));
    return {};
  }

  gc::handler::Options options_;
  gc::logger::LoggerPtr log_;
};

}  // namespace xor_transport
