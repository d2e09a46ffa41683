// Stand-ins for the benchmarks: a connection that moves no data and a
// Transporter that makes one (Dial) or passes it through (Handshake,
// Connect), so that what a benchmark measures is the code around them.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

#include "gost/core/chain/transport.hpp"
#include "gost/core/connector/binder.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"

namespace gost::bench {

namespace gc = gost::core;

// A connection that moves no data.
class NullConn final : public gc::net::Conn {
 public:
  gc::io::IOResult Read(std::span<std::byte>) override { return {0, gc::io::ErrEOF}; }
  gc::io::IOResult Write(std::span<const std::byte> b) override { return {b.size(), {}}; }
  gc::Error Close() override { return {}; }
  [[nodiscard]] gc::net::Addr LocalAddr() const override { return {}; }
  [[nodiscard]] gc::net::Addr RemoteAddr() const override { return {}; }
  gc::Error SetDeadline(gc::Time) override { return {}; }
  gc::Error SetReadDeadline(gc::Time) override { return {}; }
  gc::Error SetWriteDeadline(gc::Time) override { return {}; }
};

class PassTransporter final : public gc::chain::Transporter {
 public:
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view) override {
    if (auto err = ctx.Err()) return err;
    return gc::net::ConnUniquePtr(std::make_unique<NullConn>());
  }
  gc::Result<gc::net::ConnUniquePtr> Handshake(const gc::context::Context&, gc::net::ConnUniquePtr conn) override {
    return conn;
  }
  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                             std::string_view, std::string_view) override {
    if (auto err = ctx.Err()) return err;
    return conn;
  }
  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context&, gc::net::ConnUniquePtr, std::string_view,
                                              std::string_view, gc::Variadic<gc::connector::BindOption>) override {
    return gc::connector::ErrBindUnsupported;
  }
  [[nodiscard]] bool Multiplex() const override { return false; }
  gc::chain::TransportOptions* Options() override { return &options_; }
  [[nodiscard]] gc::chain::TransporterPtr Copy() const override { return std::make_shared<PassTransporter>(*this); }

 private:
  gc::chain::TransportOptions options_;
};

}  // namespace gost::bench
