// docs/snippets: the guide's dialer (docs/implementing-a-transport.md).
//
// The "hello" dialer opens a connection to a proxy node and greets it: it
// sends "HELLO <token>" and expects "WELCOME" back. A real transport would
// run a TLS or WebSocket handshake at that point; the shape is the same.
#pragma once

#include <any>
#include <string>
#include <string_view>

#include <gost/core/dialer/dialer.hpp>
#include <gost/core/dialer/option.hpp>
#include <gost/core/go/option.hpp>
#include <gost/core/metadata/metadata.hpp>

#include "line_io.hpp"

namespace mytransport {

class HelloDialer final : public gc::dialer::Dialer, public gc::dialer::Handshaker {
 public:
  explicit HelloDialer(gc::Variadic<gc::dialer::Option> opts = {})
      : options_(gc::MakeOptions<gc::dialer::Options>(opts)) {}

  // Called once, before any Dial, with the node's metadata (null: none).
  gc::Error Init(gc::metadata::MetadataPtr md) override {
    if (md == nullptr || !md->IsExists("token")) return {};  // keep the default
    const std::any value = md->Get("token");
    const auto* token = std::any_cast<std::string>(&value);
    if (token == nullptr) return gc::errors::New("hello: metadata \"token\" must be a std::string");
    if (token->empty() || token->size() > 64 || token->find_first_of(" \r\n") != std::string::npos) {
      return gc::errors::New("hello: metadata \"token\" must be one word of at most 64 bytes");
    }
    token_ = *token;
    return {};
  }

  // Opens the raw connection to the node with the network dialer that the
  // caller passes in (dialer::NetDialerDialOption).
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view addr,
                                    gc::Variadic<gc::dialer::DialOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::dialer::DialOptions>(opts);
    if (o.Dialer == nullptr) return gc::errors::New("hello: no network dialer to reach " + std::string(addr));
    return o.Dialer->Dial(ctx, "tcp", addr);
  }

  // Takes `conn` over. On success it is handed back, ready for the
  // connector; on failure it is closed and released.
  gc::Result<gc::net::ConnUniquePtr> Handshake(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                         gc::Variadic<gc::dialer::HandshakeOption> /*opts*/ = {}) override {
    if (conn == nullptr) return gc::errors::New("hello: no connection to handshake on");
    if (gc::Error err = Greet(ctx, *conn)) {
      (void)conn->Close();
      return err;
    }
    return conn;
  }

 private:
  gc::Error Greet(const gc::context::Context& ctx, gc::net::Conn& conn) const {
    ContextBinding bound(ctx, conn);
    if (gc::Error err = WriteLine(conn, "HELLO " + token_)) return Explain(ctx, err);
    auto reply = ReadLine(conn);
    if (!reply) return Explain(ctx, reply.error());
    if (*reply != "WELCOME") return gc::errors::New("hello: node answered \"" + *reply + "\"");
    return {};
  }

  gc::dialer::Options options_;  // build-time settings (logger, TLS...)
  std::string token_ = "guest";  // set by Init, read-only afterwards
};

}  // namespace mytransport
