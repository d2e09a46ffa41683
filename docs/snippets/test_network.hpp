// docs/snippets: what the guide's tests run the transport against
// (docs/implementing-a-transport.md): an in-memory network made of the
// testing kit's PipeListeners, the node's side of the protocol, and small
// servers (proxy nodes and an echo destination) on threads.
#pragma once

#include <algorithm>
#include <any>
#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <gost/core/common/net/dialer.hpp>
#include <gost/core/testing/pipe.hpp>

#include "line_io.hpp"

namespace mytransport::test {

/// Listeners by name ("a:1080"); its Dialer() connects to them by name.
class MemNet : public std::enable_shared_from_this<MemNet> {
 public:
  /// A new listener reachable as `addr`.
  std::shared_ptr<gc::net::PipeListener> Listen(const std::string& addr) {
    auto ln = std::make_shared<gc::net::PipeListener>(0, gc::net::Addr("tcp", addr));
    std::lock_guard lock(mu_);
    listeners_[addr] = ln;
    return ln;
  }

  /// A network dialer for this network; unknown names fail to dial.
  gc::common::net::DialerPtr Dialer() { return std::make_shared<MemDialer>(shared_from_this()); }

 private:
  class MemDialer final : public gc::common::net::Dialer {
   public:
    explicit MemDialer(std::shared_ptr<MemNet> net) : net_(std::move(net)) {}
    gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view /*network*/,
                                      std::string_view addr) override {
      std::shared_ptr<gc::net::PipeListener> ln;
      {
        std::lock_guard lock(net_->mu_);
        auto it = net_->listeners_.find(std::string(addr));
        if (it != net_->listeners_.end()) ln = it->second;
      }
      if (ln == nullptr) return gc::errors::New("memnet: connection refused by " + std::string(addr));
      return ln->Dial(ctx);
    }

   private:
    std::shared_ptr<MemNet> net_;
  };

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<gc::net::PipeListener>> listeners_;
};

/// The node's side of the handshake: reads "HELLO <token>" and answers
/// "WELCOME" when the token is `token`, "DENIED" (and an error) otherwise.
inline gc::Error AnswerHello(gc::net::Conn& conn, std::string_view token) {
  auto hello = ReadLine(conn);
  if (!hello) return hello.error();
  if (*hello != "HELLO " + std::string(token)) {
    (void)WriteLine(conn, "DENIED");
    return gc::errors::New("node: bad greeting \"" + *hello + "\"");
  }
  return WriteLine(conn, "WELCOME");
}

/// The node's side of Connect: reads "CONNECT <address>" and returns the
/// address (the caller answers "OK" or "ERR <why>").
inline gc::Result<std::string> ReadConnect(gc::net::Conn& conn) {
  auto line = ReadLine(conn);
  if (!line) return line.error();
  if (!line->starts_with("CONNECT ")) return gc::errors::New("node: bad request \"" + *line + "\"");
  return line->substr(8);
}

/// Copies from `from` to `to` until either fails.
inline void Pump(gc::net::Conn& from, gc::net::Conn& to) {
  std::array<std::byte, 4096> buf{};
  for (;;) {
    gc::io::IOResult r = from.Read(buf);
    if (r.n > 0 && to.Write({buf.data(), r.n}).err) return;
    if (r.err) return;
  }
}

/// Accepts connections on a listener of a MemNet and serves each on a thread
/// of its own with `serve`. The destructor closes the listener and every
/// connection still open, and joins the threads.
class Server {
 public:
  using Serve = std::function<void(gc::net::Conn&)>;

  Server(MemNet& net, const std::string& addr, Serve serve)
      : ln_(net.Listen(addr)), serve_(std::move(serve)), accepting_([this] { AcceptLoop(); }) {}
  ~Server() {
    (void)ln_->Close();
    accepting_.join();
    {
      std::lock_guard lock(mu_);
      for (const auto& c : open_) (void)c->Close();
    }
    for (auto& t : serving_) t.join();
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Registers a connection for the destructor to close (the node's
  /// upstream connections, say).
  void Track(const std::shared_ptr<gc::net::Conn>& c) {
    std::lock_guard lock(mu_);
    open_.push_back(c);
  }

 private:
  void AcceptLoop() {
    for (;;) {
      auto conn = ln_->Accept();
      if (!conn) return;  // closed
      std::shared_ptr<gc::net::Conn> c = std::move(*conn);
      Track(c);
      std::lock_guard lock(mu_);
      serving_.emplace_back([this, c] {
        serve_(*c);
        (void)c->Close();
      });
    }
  }

  std::shared_ptr<gc::net::PipeListener> ln_;
  Serve serve_;
  std::mutex mu_;
  std::vector<std::shared_ptr<gc::net::Conn>> open_;  // guarded by mu_
  std::vector<std::thread> serving_;                  // guarded by mu_
  std::thread accepting_;                             // last: starts once the rest is built
};

/// A proxy node that speaks the guide's protocol: greets with `token`, then
/// connects to the requested address on `net` and relays both ways.
class ProxyNode {
 public:
  ProxyNode(std::shared_ptr<MemNet> net, const std::string& addr, std::string token)
      : net_(std::move(net)),
        token_(std::move(token)),
        server_(*net_, addr, [this](gc::net::Conn& c) { Serve(c); }) {}

 private:
  void Serve(gc::net::Conn& conn) {
    if (AnswerHello(conn, token_)) return;
    auto target = ReadConnect(conn);
    if (!target) return;
    auto up = net_->Dialer()->Dial(gc::context::Background(), "tcp", *target);
    if (!up) {
      (void)WriteLine(conn, "ERR " + up.error().Message());
      return;
    }
    std::shared_ptr<gc::net::Conn> upstream = std::move(*up);
    server_.Track(upstream);
    if (WriteLine(conn, "OK")) return;
    std::thread back([&] {
      Pump(*upstream, conn);
      (void)conn.Close();
    });
    Pump(conn, *upstream);
    (void)upstream->Close();
    back.join();
  }

  std::shared_ptr<MemNet> net_;
  std::string token_;
  Server server_;  // last: serves only once the rest is built
};

/// A destination that sends back whatever it receives.
inline Server::Serve Echo() {
  return [](gc::net::Conn& c) { Pump(c, c); };
}

}  // namespace mytransport::test
