// Examples: services on the in-memory network.
//
//  * MemListener  a listener::Listener that listens on a Network address.
//  * Service      a service::Service: Serve() accepts connections and runs
//                 the handler for each on its own thread, as go-gost runs a
//                 goroutine per connection; Close() stops it.
//  * Services     starts services on background threads and, when it goes
//                 away, closes them and waits for every thread to finish.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/handler/handler.hpp>
#include <gost/core/listener/listener.hpp>
#include <gost/core/listener/option.hpp>
#include <gost/core/service/service.hpp>

#include "memnet.hpp"

namespace example {

namespace gc = gost::core;

/// Listens on Options::Addr of a Network once Init is called.
class MemListener final : public gc::listener::Listener {
 public:
  MemListener(std::shared_ptr<Network> net, gc::Variadic<gc::listener::Option> opts)
      : net_(std::move(net)), options_(gc::MakeOptions<gc::listener::Options>(opts)) {}

  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override {
    auto ln = net_->Listen(options_.Addr);
    if (!ln) return ln.error();
    ln_ = std::move(*ln);
    return {};
  }

  gc::Result<gc::net::ConnUniquePtr> Accept() override {
    auto conn = ln_->Accept();
    if (!conn && gc::errors::Is(conn.error(), gc::net::ErrClosed)) return gc::listener::ErrClosed;
    return conn;
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return {"tcp", options_.Addr}; }

  gc::Error Close() override { return ln_->Close(); }

 private:
  std::shared_ptr<Network> net_;
  gc::listener::Options options_;
  gc::net::ListenerUniquePtr ln_;  // set by Init
};

/// A listener and a handler.
class Service final : public gc::service::Service {
 public:
  Service(gc::listener::ListenerPtr ln, gc::handler::HandlerPtr h) : ln_(std::move(ln)), h_(std::move(h)) {}

  /// Accepts until the listener fails for good (after Close: with
  /// listener::ErrClosed). Then cancels the handlers' context, which closes
  /// their connections, and waits for them. (Handler threads are joined only
  /// then: fine for examples that serve a handful of connections; a real
  /// server would reap them as they finish, or use a pool.)
  gc::Error Serve() override {
    auto [ctx, cancel] = gc::context::WithCancel(gc::context::Background());
    std::vector<std::thread> handlers;
    gc::Error err;
    for (;;) {
      auto conn = ln_->Accept();
      if (!conn) {
        if (conn.error().Temporary()) continue;
        err = conn.error();
        break;
      }
      handlers.emplace_back(
          [h = h_, c = ctx, conn = std::move(*conn)]() mutable { (void)h->Handle(c, std::move(conn)); });
    }
    cancel();
    for (auto& t : handlers) t.join();
    return err;
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return ln_->Addr(); }

  gc::Error Close() override { return ln_->Close(); }

 private:
  gc::listener::ListenerPtr ln_;
  gc::handler::HandlerPtr h_;
};

/// Running services. Destroying it (or Stop) closes them, last started
/// first, and joins their threads.
class Services {
 public:
  Services() = default;
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;
  ~Services() { Stop(); }

  /// Starts serving `handler` on `ln`, after calling Init on both with `md`
  /// (may be null). Fails if either Init fails.
  gc::Error Start(gc::listener::ListenerPtr ln, gc::handler::HandlerPtr handler,
                  const gc::metadata::MetadataPtr& md = nullptr) {
    if (gc::Error err = ln->Init(md)) return err;
    if (gc::Error err = handler->Init(md)) return err;
    auto svc = std::make_shared<Service>(std::move(ln), std::move(handler));
    running_.push_back({svc, std::thread([svc] { (void)svc->Serve(); })});
    return {};
  }

  /// Starts serving `handler` on a MemListener at `addr` of `net`. Fails if
  /// the address is taken or the handler's Init fails.
  gc::Error Start(const std::shared_ptr<Network>& net, const std::string& addr, gc::handler::HandlerPtr handler) {
    return Start(std::make_shared<MemListener>(net, gc::listener::AddrOption(addr)), std::move(handler));
  }

  /// Closes every service and waits for all of their threads.
  void Stop() {
    while (!running_.empty()) {
      auto& r = running_.back();
      (void)r.service->Close();
      r.thread.join();
      running_.pop_back();
    }
  }

 private:
  struct Running {
    gc::service::ServicePtr service;
    std::thread thread;
  };
  std::vector<Running> running_;
};

}  // namespace example
