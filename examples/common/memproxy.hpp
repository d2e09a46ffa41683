// Examples: "memproxy", a made-up line protocol spoken by the in-memory proxy
// nodes, with both of its sides.
//
// Client side, plugged into a node's Transport:
//   MemDialer      dialer::Dialer that opens a connection to the node, and
//                  dialer::Handshaker that greets it:  HELLO -> WELCOME <node>
//   MemConnector   connector::Connector: CONNECT <host:port> -> OK | ERR <why>
//   MemBinder      MemConnector plus connector::Binder:
//                  BIND <host:port> -> OK | ERR <why>, later ACCEPT when a
//                  peer has connected to that address on the node
// After OK (or ACCEPT) the connection carries raw bytes to and from the
// destination (or the peer).
//
// Server side: ProxyHandler, a handler::Handler that answers all of the
// above; its Router reaches CONNECT targets, the Network hosts BIND
// addresses. And EchoHandler, the destination servers: they answer each
// line they receive.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/router.hpp>
#include <gost/core/connector/binder.hpp>
#include <gost/core/connector/connector.hpp>
#include <gost/core/dialer/dialer.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/handler/handler.hpp>
#include <gost/core/handler/option.hpp>
#include <gost/core/listener/listener.hpp>

#include "io.hpp"
#include "memnet.hpp"
#include "reference/logger.hpp"

namespace example {

namespace gc = gost::core;

// ---------------------------------------------------------------------------
// Client side

/// Opens connections to memproxy nodes with the network dialer the Transport
/// passes in (dialer::DialOptions::Dialer), and greets them.
class MemDialer final : public gc::dialer::Dialer, public gc::dialer::Handshaker {
 public:
  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override { return {}; }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view addr,
                                          gc::Variadic<gc::dialer::DialOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::dialer::DialOptions>(opts);
    if (!o.Dialer) return gc::errors::New("memproxy: no network dialer");
    return o.Dialer->Dial(ctx, "tcp", addr);
  }

  gc::Result<gc::net::ConnUniquePtr> Handshake(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                               gc::Variadic<gc::dialer::HandshakeOption> /*opts*/ = {}) override {
    auto reply = Exchange(ctx, *conn, "HELLO");
    if (!reply) return reply.error();
    if (reply->rfind("WELCOME", 0) != 0) return gc::errors::New("memproxy: unexpected greeting \"" + *reply + "\"");
    return conn;
  }
};

/// Asks a memproxy node to connect onwards.
class MemConnector : public gc::connector::Connector {
 public:
  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override { return {}; }

  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                             std::string_view /*network*/, std::string_view address,
                                             gc::Variadic<gc::connector::ConnectOption> /*opts*/ = {}) override {
    if (gc::Error err = Request(ctx, *conn, "CONNECT " + std::string(address))) return err;
    return conn;
  }

 protected:
  // Sends one request line and waits for "OK". The error of an "ERR <why>"
  // reply says <why>; any other reply is an error too.
  static gc::Error Request(const gc::context::Context& ctx, gc::net::Conn& conn, const std::string& line) {
    auto reply = Exchange(ctx, conn, line);
    if (!reply) return reply.error();
    if (*reply == "OK") return {};
    return gc::errors::New(reply->rfind("ERR ", 0) == 0 ? reply->substr(4)
                                                        : "memproxy: unexpected reply \"" + *reply + "\"");
  }
};

namespace detail {

// The listener a MemBinder returns: the tunnel connection itself, handed
// out by Accept once the node reports (ACCEPT) that a peer has connected.
// Like a SOCKS5 BIND, one tunnel carries one peer: later Accepts wait for
// Close.
class TunnelListener final : public gc::net::Listener {
 public:
  TunnelListener(gc::net::ConnUniquePtr tunnel, std::string addr)
      : tunnel_(std::move(tunnel)), addr_(std::move(addr)) {}
  TunnelListener(const TunnelListener&) = delete;
  TunnelListener& operator=(const TunnelListener&) = delete;
  ~TunnelListener() override { (void)Close(); }

  gc::Result<gc::net::ConnUniquePtr> Accept() override {
    gc::net::Conn* tunnel = nullptr;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return closed_ || (tunnel_ && !accepting_); });
      if (closed_) return gc::listener::ErrClosed;
      accepting_ = true;
      tunnel = tunnel_.get();
    }
    auto line = ReadLine(*tunnel);  // Close may close the tunnel meanwhile: this read then fails
    std::lock_guard lock(mu_);
    accepting_ = false;
    cv_.notify_all();
    if (closed_) return gc::listener::ErrClosed;
    if (!line) return line.error();
    if (*line != "ACCEPT") return gc::errors::New("memproxy: unexpected line \"" + *line + "\"");
    return std::move(tunnel_);
  }

  gc::Error Close() override {
    gc::net::ConnUniquePtr unused;
    {
      std::lock_guard lock(mu_);
      if (closed_) return gc::listener::ErrClosed;
      closed_ = true;
      if (tunnel_) (void)tunnel_->Close();  // wakes a pending Accept
      if (!accepting_) unused = std::move(tunnel_);
      cv_.notify_all();
    }
    return {};
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return {"tcp", addr_}; }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  gc::net::ConnUniquePtr tunnel_;  // guarded by mu_; null once handed out
  bool accepting_ = false;         // guarded by mu_: an Accept is reading from tunnel_
  bool closed_ = false;            // guarded by mu_
  std::string addr_;
};

}  // namespace detail

/// A MemConnector that can also ask the node to listen (reverse tunnels).
class MemBinder final : public MemConnector, public gc::connector::Binder {
 public:
  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                              std::string_view /*network*/, std::string_view address,
                                              gc::Variadic<gc::connector::BindOption> /*opts*/ = {}) override {
    if (gc::Error err = Request(ctx, *conn, "BIND " + std::string(address))) return err;
    return gc::net::ListenerUniquePtr(std::make_unique<detail::TunnelListener>(std::move(conn), std::string(address)));
  }
};

// ---------------------------------------------------------------------------
// Server side

/// Serves memproxy clients. Logs each request (on the handler's logger)
/// before answering it.
class ProxyHandler final : public gc::handler::Handler {
 public:
  /// `net` hosts the addresses clients BIND; the options give the Router
  /// (required), the Logger and the Service name (used in WELCOME).
  ProxyHandler(std::shared_ptr<Network> net, gc::Variadic<gc::handler::Option> opts)
      : net_(std::move(net)),
        options_(gc::MakeOptions<gc::handler::Options>(opts)),
        log_(gost::x::Kind(options_.Logger, options_.Service)) {}

  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override { return {}; }

  gc::Error Handle(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                   gc::Variadic<gc::handler::HandleOption> /*opts*/ = {}) override {
    return ServeClosingOnCancel(ctx, std::move(conn), [&](const auto& client) { return Serve(ctx, client); });
  }

 private:
  gc::Error Serve(const gc::context::Context& ctx, const std::shared_ptr<gc::net::Conn>& client) {
    auto line = ReadLine(*client);
    if (line && *line == "HELLO") {
      if (gc::Error err = WriteString(*client, "WELCOME " + options_.Service + "\n")) return err;
      line = ReadLine(*client);
    }
    if (!line) return line.error();

    if (line->rfind("CONNECT ", 0) == 0) {
      const std::string target = line->substr(8);
      log_->Infof("CONNECT %s", {target});
      auto upstream = options_.Router->Dial(ctx, "tcp", target);
      if (!upstream) {
        log_->Infof("cannot reach %s: %v", {target, upstream.error()});
        (void)WriteString(*client, "ERR " + upstream.error().Message() + "\n");
        return upstream.error();
      }
      if (gc::Error err = WriteString(*client, "OK\n")) return err;
      Relay(ctx, client, std::move(*upstream));
      return {};
    }

    if (line->rfind("BIND ", 0) == 0) {
      const std::string addr = line->substr(5);
      log_->Infof("BIND %s", {addr});
      auto ln = net_->Listen(addr);
      if (!ln) {
        (void)WriteString(*client, "ERR " + ln.error().Message() + "\n");
        return ln.error();
      }
      std::shared_ptr<gc::net::Listener> bound(std::move(*ln));
      gc::context::AfterFuncHandle on_cancel = gc::context::AfterFunc(ctx, [bound] { (void)bound->Close(); });
      if (gc::Error err = WriteString(*client, "OK\n")) return err;
      auto peer = bound->Accept();  // one peer per tunnel
      on_cancel.Stop();
      (void)bound->Close();
      if (!peer) return peer.error();
      log_->Infof("a peer connected to %s: sending it through the tunnel", {addr});
      if (gc::Error err = WriteString(*client, "ACCEPT\n")) return err;
      Relay(ctx, client, std::move(*peer));
      return {};
    }

    (void)WriteString(*client, "ERR unknown command\n");
    return gc::errors::New("memproxy: unknown command \"" + *line + "\"");
  }

  std::shared_ptr<Network> net_;
  gc::handler::Options options_;
  gc::logger::LoggerPtr log_;
};

/// A ProxyHandler named `name` (its WELCOME and log prefix) that reaches
/// CONNECT targets with `router` and logs on `log` (may be null).
inline gc::handler::HandlerPtr NewProxyHandler(std::shared_ptr<Network> net, gc::chain::RouterPtr router,
                                               gc::logger::LoggerPtr log, std::string name) {
  const std::vector<gc::handler::Option> opts{gc::handler::RouterOption(std::move(router)),
                                              gc::handler::LoggerOption(std::move(log)),
                                              gc::handler::ServiceOption(std::move(name))};
  return std::make_shared<ProxyHandler>(std::move(net), opts);
}

/// A destination server: answers every line it receives with
/// "<name> got: <line>", logging the line first.
class EchoHandler final : public gc::handler::Handler {
 public:
  EchoHandler(std::string name, gc::logger::LoggerPtr log) : name_(std::move(name)), log_(gost::x::Kind(log, name_)) {}

  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override { return {}; }

  gc::Error Handle(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                   gc::Variadic<gc::handler::HandleOption> /*opts*/ = {}) override {
    std::shared_ptr<gc::net::Conn> c(std::move(conn));
    gc::context::AfterFuncHandle on_cancel = gc::context::AfterFunc(ctx, [c] { (void)c->Close(); });
    gc::Error err;
    for (;;) {
      auto line = ReadLine(*c);
      if (!line) break;  // the client is done
      log_->Infof("got \"%s\"", {*line});
      if ((err = WriteString(*c, name_ + " got: " + *line + "\n"))) break;
    }
    on_cancel.Stop();
    (void)c->Close();
    return err;
  }

 private:
  std::string name_;
  gc::logger::LoggerPtr log_;
};

}  // namespace example
