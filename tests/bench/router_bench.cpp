// Router::Dial through a chain of three nodes, with in-memory stand-ins and
// no I/O: what the interfaces themselves cost per connection (virtual calls,
// Result<ConnUniquePtr> hand-overs, options, marker updates, the chainer's route
// lookup).
//
// The router and the route are the reference set's (examples/reference:
// go-gost/x's chain/router.go and chain/route.go), with a silent logger:
//   Router::Dial   records nothing (no recorders), then per attempt: (with
//                  /1) a WithTimeout context, name resolution (none needed
//                  for an IP address), the Chainer's route, the dial;
//   Route::Dial    dials the first node and handshakes with it, then for each
//                  further node asks the previous one to Connect to it and
//                  handshakes with it, and finally asks the last node to
//                  Connect to the destination; resets each node's fail
//                  marker on success (marks it on failure);
// while the Chainer hands out one fixed route and the Transporter only makes
// a connection object (Dial) or passes it through (Handshake, Connect).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
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
#include "reference/logger.hpp"
#include "reference/route.hpp"
#include "reference/router.hpp"
#include "stand_ins.hpp"

namespace {

namespace gc = gost::core;
namespace chain = gost::core::chain;
namespace context = gost::core::context;
namespace net = gost::core::net;
using gost::bench::ReportAllocations;

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

void BM_RouterDial3Hops(benchmark::State& state) {
  const auto transport = std::make_shared<gost::bench::PassTransporter>();
  std::vector<chain::NodePtr> nodes;
  for (const char* addr : {"10.0.0.1:1080", "10.0.0.2:1080", "10.0.0.3:1080"}) {
    nodes.push_back(chain::NewNode(addr, addr, chain::TransportNodeOption(transport)));
  }
  const auto chainer = std::make_shared<FixedChainer>(std::make_shared<gost::x::NodeRoute>(std::move(nodes)));
  const bool with_timeout = state.range(0) != 0;
  // A negative timeout: no per-attempt context (zero would mean the 15 s default).
  gost::x::Router router(
      nullptr,
      {chain::ChainRouterOption(chainer), chain::RetriesRouterOption(1), chain::LoggerRouterOption(gost::x::Nop()),
       chain::TimeoutRouterOption(with_timeout ? gc::Duration(std::chrono::seconds(15)) : gc::Duration(-1))});
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
