// Router::Dial through a chain of three nodes, with in-memory stand-ins and
// no I/O: what the interfaces themselves cost per connection (virtual calls,
// Result<ConnUniquePtr> hand-overs, options, marker updates, the chainer's route
// lookup).
//
// The pipeline is the shape go-gost/x gives it, cut to the bone:
//   Router::Dial   per attempt: (with /1) a WithTimeout context, then asks
//                  the Chainer for a route and dials through it;
//   Route::Dial    dials the first node and handshakes with it, then for each
//                  further node asks the previous one to Connect to it and
//                  handshakes with it, and finally asks the last node to
//                  Connect to the destination; resets each node's fail
//                  marker on success (marks it on failure);
//   Transporter    Dial makes a connection object; Handshake and Connect
//                  pass it through (a real connector would wrap it).
// So one dial allocates the connection (and, with /1, the timeout context).
// examples/common/ has a fuller version (logging, name resolution, an
// in-memory network with real pipes), which would measure those instead.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <chrono>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "alloc_counter.hpp"
#include "gost/core/chain/chain.hpp"
#include "gost/core/chain/node.hpp"
#include "gost/core/chain/route.hpp"
#include "gost/core/chain/router.hpp"
#include "gost/core/chain/transport.hpp"
#include "gost/core/connector/binder.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"

namespace {

namespace gc = gost::core;
namespace chain = gost::core::chain;
namespace context = gost::core::context;
namespace net = gost::core::net;
using gost::bench::ReportAllocations;

// A connection that moves no data.
class NullConn final : public net::Conn {
 public:
  gc::io::IOResult Read(std::span<std::byte>) override { return {0, gc::io::ErrEOF}; }
  gc::io::IOResult Write(std::span<const std::byte> b) override { return {b.size(), {}}; }
  gc::Error Close() override { return {}; }
  [[nodiscard]] net::Addr LocalAddr() const override { return {}; }
  [[nodiscard]] net::Addr RemoteAddr() const override { return {}; }
  gc::Error SetDeadline(gc::Time) override { return {}; }
  gc::Error SetReadDeadline(gc::Time) override { return {}; }
  gc::Error SetWriteDeadline(gc::Time) override { return {}; }
};

class PassTransporter final : public chain::Transporter {
 public:
  gc::Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view) override {
    if (auto err = ctx.Err()) return err;
    return net::ConnUniquePtr(std::make_unique<NullConn>());
  }
  gc::Result<net::ConnUniquePtr> Handshake(const context::Context&, net::ConnUniquePtr conn) override { return conn; }
  gc::Result<net::ConnUniquePtr> Connect(const context::Context& ctx, net::ConnUniquePtr conn, std::string_view,
                                   std::string_view) override {
    if (auto err = ctx.Err()) return err;
    return conn;
  }
  gc::Result<net::ListenerUniquePtr> Bind(const context::Context&, net::ConnUniquePtr, std::string_view, std::string_view,
                                    gc::Variadic<gc::connector::BindOption>) override {
    return gc::connector::ErrBindUnsupported;
  }
  [[nodiscard]] bool Multiplex() const override { return false; }
  chain::TransportOptions* Options() override { return &options_; }
  [[nodiscard]] chain::TransporterPtr Copy() const override { return std::make_shared<PassTransporter>(*this); }

 private:
  chain::TransportOptions options_;
};

class NodeRoute final : public chain::Route {
 public:
  explicit NodeRoute(std::vector<chain::NodePtr> nodes) : nodes_(std::move(nodes)) {}

  gc::Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view network, std::string_view address,
                                gc::Variadic<chain::DialOption> opts = {}) override {
    const auto options = gc::MakeOptions<chain::DialOptions>(opts);
    (void)options;
    const chain::Node& first = *nodes_.front();
    auto conn = first.Options().Transport->Dial(ctx, first.Addr);
    if (!conn) return Fail(first, conn.error());
    conn = first.Options().Transport->Handshake(ctx, std::move(*conn));
    if (!conn) return Fail(first, conn.error());
    first.Marker()->Reset();
    for (std::size_t i = 1; i < nodes_.size(); ++i) {
      const chain::Node& prev = *nodes_[i - 1];
      const chain::Node& node = *nodes_[i];
      conn = prev.Options().Transport->Connect(ctx, std::move(*conn), "tcp", node.Addr);
      if (!conn) return Fail(prev, conn.error());
      conn = node.Options().Transport->Handshake(ctx, std::move(*conn));
      if (!conn) return Fail(node, conn.error());
      node.Marker()->Reset();
    }
    return nodes_.back()->Options().Transport->Connect(ctx, std::move(*conn), network, address);
  }

  gc::Result<net::ListenerUniquePtr> Bind(const context::Context&, std::string_view, std::string_view,
                                    gc::Variadic<chain::BindOption>) override {
    return gc::connector::ErrBindUnsupported;
  }

  [[nodiscard]] std::vector<chain::NodePtr> Nodes() const override { return nodes_; }

 private:
  static gc::Error Fail(const chain::Node& node, gc::Error err) {
    node.Marker()->Mark();
    return err;
  }
  std::vector<chain::NodePtr> nodes_;
};

class FixedChainer final : public chain::Chainer {
 public:
  explicit FixedChainer(chain::RoutePtr route) : route_(std::move(route)) {}
  chain::RoutePtr Route(const context::Context&, std::string_view, std::string_view,
                        gc::Variadic<chain::RouteOption>) override {
    return route_;
  }

 private:
  chain::RoutePtr route_;
};

class ChainRouter final : public chain::Router {
 public:
  explicit ChainRouter(gc::Variadic<chain::RouterOption> opts) { gc::ApplyOptions(options_, opts); }

  chain::RouterOptions* Options() override { return &options_; }

  gc::Result<net::ConnUniquePtr> Dial(const context::Context& ctx, std::string_view network, std::string_view address,
                                gc::Variadic<chain::DialOption> opts = {}) override {
    gc::Error last = gc::net::ErrClosed;
    for (int attempt = 0; attempt <= options_.Retries; ++attempt) {
      auto conn = options_.Timeout > gc::Duration::zero() ? DialOnce(context::WithTimeout(ctx, options_.Timeout),
                                                                     network, address, opts)
                                                          : DialOnce({ctx, {}}, network, address, opts);
      if (conn) return conn;
      last = conn.error();
    }
    return last;
  }

  gc::Result<net::ListenerUniquePtr> Bind(const context::Context&, std::string_view, std::string_view,
                                    gc::Variadic<chain::BindOption>) override {
    return gc::connector::ErrBindUnsupported;
  }

 private:
  gc::Result<net::ConnUniquePtr> DialOnce(const context::WithCancelResult& scope, std::string_view network,
                                    std::string_view address, gc::Variadic<chain::DialOption> opts) {
    auto route = options_.Chain->Route(scope.ctx, network, address);
    auto conn = route->Dial(scope.ctx, network, address, opts);
    scope.cancel();
    return conn;
  }
  chain::RouterOptions options_;
};

void BM_RouterDial3Hops(benchmark::State& state) {
  const auto transport = std::make_shared<PassTransporter>();
  std::vector<chain::NodePtr> nodes;
  for (const char* addr : {"10.0.0.1:1080", "10.0.0.2:1080", "10.0.0.3:1080"}) {
    nodes.push_back(chain::NewNode(addr, addr, chain::TransportNodeOption(transport)));
  }
  const auto chainer = std::make_shared<FixedChainer>(std::make_shared<NodeRoute>(std::move(nodes)));
  const bool with_timeout = state.range(0) != 0;
  ChainRouter router({chain::ChainRouterOption(chainer), chain::RetriesRouterOption(1),
                      chain::TimeoutRouterOption(with_timeout ? gc::Duration(std::chrono::seconds(15))
                                                              : gc::Duration::zero())});
  const context::Context ctx = context::Background();
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto conn = router.Dial(ctx, "tcp", "192.0.2.1:443");
    if (!conn) state.SkipWithError("dial failed");
    benchmark::DoNotOptimize(conn->get());
  }
  ReportAllocations(state, before);
}

}  // namespace

// /0: no per-attempt timeout; /1: a 15 s timeout context per attempt.
BENCHMARK(BM_RouterDial3Hops)->Arg(0)->Arg(1);
