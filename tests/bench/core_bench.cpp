// Benchmarks of the per-connection hot paths other than the buffer pool: the
// fail marker, contexts, option application and errors. Each reports heap
// allocations per iteration (allocs_per_op, from alloc_counter.hpp).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "alloc_counter.hpp"
#include "gost/core/chain/node.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/selector/selector.hpp"

namespace {

namespace chain = gost::core::chain;
namespace context = gost::core::context;
namespace errors = gost::core::errors;
using gost::bench::ReportAllocations;

void BM_FailMarkerMarkCount(benchmark::State& state) {
  const auto marker = gost::core::selector::NewFailMarker();
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    marker->Mark();
    benchmark::DoNotOptimize(marker->Count());
  }
  ReportAllocations(state, before);
}
BENCHMARK(BM_FailMarkerMarkCount);

void BM_ContextWithCancel(benchmark::State& state) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto [ctx, cancel] = context::WithCancel(context::Background());
    cancel();
    benchmark::DoNotOptimize(ctx);
  }
  ReportAllocations(state, before);
}
BENCHMARK(BM_ContextWithCancel);

const context::Key<int> kKeys[5];

void BM_ContextValueDepth5(benchmark::State& state) {
  context::Context ctx;
  for (int i = 0; i < 5; ++i) ctx = context::WithValue(ctx, kKeys[i], i);
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) benchmark::DoNotOptimize(ctx.Value(kKeys[0]));  // the deepest layer
  ReportAllocations(state, before);
}
BENCHMARK(BM_ContextValueDepth5);

void BM_NewNode5Options(benchmark::State& state) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto node = chain::NewNode("node-1", "127.0.0.1:8080",
                               {chain::NetworkNodeOption("tcp"), chain::PriorityNodeOption(3),
                                chain::MatcherBodySizeNodeOption(512), chain::TransportNodeOption(nullptr),
                                chain::MetadataNodeOption(nullptr)});
    benchmark::DoNotOptimize(node.get());
  }
  ReportAllocations(state, before);
}
BENCHMARK(BM_NewNode5Options);

// The baseline the issue compares with: the same options as std::function.
void BM_NewNode5StdFunctionOptions(benchmark::State& state) {
  using Opt = std::function<void(chain::NodeOptions*)>;
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    const std::vector<Opt> opts{[v = std::string("tcp")](chain::NodeOptions* o) { o->Network = v; },
                                [](chain::NodeOptions* o) { o->Priority = 3; },
                                [](chain::NodeOptions* o) { o->MatcherBodySize = 512; },
                                [v = chain::TransporterPtr()](chain::NodeOptions* o) { o->Transport = v; },
                                [v = gost::core::metadata::MetadataPtr()](chain::NodeOptions* o) { o->Metadata = v; }};
    auto node = std::make_shared<chain::Node>("node-1", "127.0.0.1:8080");
    for (const auto& opt : opts) opt(&node->Options());
    benchmark::DoNotOptimize(node.get());
  }
  ReportAllocations(state, before);
}
BENCHMARK(BM_NewNode5StdFunctionOptions);

void BM_ErrorsIsWrapped3(benchmark::State& state) {
  const auto err = errors::Wrap(errors::Wrap(errors::Wrap(gost::core::net::ErrClosed, "a"), "b"), "c");
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) benchmark::DoNotOptimize(errors::Is(err, gost::core::net::ErrClosed));
  ReportAllocations(state, before);
}
BENCHMARK(BM_ErrorsIsWrapped3);

void BM_ParseIPv6(benchmark::State& state) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) benchmark::DoNotOptimize(gost::core::net::ParseIP("2001:db8::8a2e:370:7334"));
  ReportAllocations(state, before);
}
BENCHMARK(BM_ParseIPv6);

}  // namespace
