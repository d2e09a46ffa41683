// Examples: an in-memory network.
//
// Network maps addresses ("10.1.0.1:1080") to in-memory listeners built on
// the testing kit's net::PipeListener. Listen claims an address, Dial
// connects to whoever listens there (a synchronous net::Pipe), and dialing
// an address nobody listens on fails at once with "connection refused", as
// TCP does. Nothing touches the operating system's network, so the
// examples run anywhere, in parallel, with deterministic output.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/common/net/dialer.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/testing/pipe.hpp>

#include "reference/net.hpp"

namespace example {

namespace gc = gost::core;

/// A set of in-memory listeners, found by address: the network the
/// reference pieces (gost::x) dial and listen on in the examples.
/// Thread-safe.
class Network final : public gost::x::Network, public std::enable_shared_from_this<Network> {
 public:
  /// Starts listening on `addr`. Fails when the address is taken. Closing
  /// (or destroying) the returned listener frees the address.
  gc::Result<gc::net::ListenerUniquePtr> Listen(const std::string& addr) {
    std::lock_guard lock(mu_);
    if (listeners_.count(addr) != 0) return gc::errors::New("listen tcp " + addr + ": address already in use");
    auto ln = std::make_shared<gc::net::PipeListener>(0, gc::net::Addr("tcp", addr));
    listeners_[addr] = ln;
    return gc::net::ListenerUniquePtr(std::make_unique<Bound>(weak_from_this(), addr, std::move(ln)));
  }

  /// A connection to whoever listens on `addr`. Fails with "connection
  /// refused" when nobody does (or when RefuseNext says so), and with the
  /// context's error when `ctx` ends first.
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, const std::string& addr) {
    std::shared_ptr<gc::net::PipeListener> ln;
    {
      std::lock_guard lock(mu_);
      if (auto it = refuse_.find(addr); it != refuse_.end() && it->second > 0) {
        --it->second;
      } else if (auto found = listeners_.find(addr); found != listeners_.end()) {
        ln = found->second;
      }
    }
    if (!ln) return gc::errors::New("dial tcp " + addr + ": connection refused");
    return ln->Dial(ctx);  // outside the lock: it waits for the server's Accept
  }

  /// Makes the next `n` dials to `addr` fail with "connection refused" even
  /// if something listens there (a server that is briefly overloaded).
  void RefuseNext(const std::string& addr, int n) {
    std::lock_guard lock(mu_);
    refuse_[addr] = n;
  }

  /// As gost::x::Network: `network` is ignored (every address is "tcp").
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view /*network*/,
                                          std::string_view addr) override {
    return Dial(ctx, std::string(addr));
  }
  gc::Result<gc::net::ListenerUniquePtr> Listen(std::string_view /*network*/, std::string_view addr) override {
    return Listen(std::string(addr));
  }

 private:
  // The listener handed out by Listen: frees the address when closed.
  class Bound final : public gc::net::Listener {
   public:
    Bound(std::weak_ptr<Network> net, std::string addr, std::shared_ptr<gc::net::PipeListener> ln)
        : net_(std::move(net)), addr_(std::move(addr)), ln_(std::move(ln)) {}
    Bound(const Bound&) = delete;
    Bound& operator=(const Bound&) = delete;
    ~Bound() override { (void)Close(); }

    gc::Result<gc::net::ConnUniquePtr> Accept() override { return ln_->Accept(); }
    gc::Error Close() override {
      if (auto net = net_.lock()) net->Forget(addr_, ln_.get());
      return ln_->Close();
    }
    [[nodiscard]] gc::net::Addr Addr() const override { return ln_->Addr(); }

   private:
    std::weak_ptr<Network> net_;
    std::string addr_;
    std::shared_ptr<gc::net::PipeListener> ln_;
  };

  void Forget(const std::string& addr, const gc::net::PipeListener* ln) {
    std::lock_guard lock(mu_);
    if (auto it = listeners_.find(addr); it != listeners_.end() && it->second.get() == ln) listeners_.erase(it);
  }

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<gc::net::PipeListener>> listeners_;  // guarded by mu_
  std::map<std::string, int> refuse_;                                        // guarded by mu_
};

/// A new, empty network (always used through a shared_ptr).
inline std::shared_ptr<Network> NewNetwork() { return std::make_shared<Network>(); }

}  // namespace example
