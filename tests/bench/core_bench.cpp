// Per-connection hot paths other than the buffer pool (bufpool_bench.cpp),
// NewNode (node_bench.cpp) and a whole dial (router_bench.cpp): the fail
// marker, contexts, errors, address parsing and log formatting. Each
// benchmark reports "allocs_per_op" (operator new calls per iteration, see
// alloc_counter.hpp).
//
// BM_AtomicAddLoad is a reference point, not a feature: the cost of one
// relaxed atomic add and load on this machine, the floor for a fail marker.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "alloc_counter.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/logger/logger.hpp"
#include "gost/core/selector/selector.hpp"

namespace {

namespace gc = gost::core;
namespace context = gost::core::context;
using gost::bench::ReportAllocations;

void BM_AtomicAddLoad(benchmark::State& state) {
  std::atomic<std::int64_t> counter{0};
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    counter.fetch_add(1, std::memory_order_relaxed);
    benchmark::DoNotOptimize(counter.load(std::memory_order_relaxed));
  }
  ReportAllocations(state, before);
}

// Mark, then Count, through the Marker interface as a fail filter sees it.
void BM_FailMarkerMarkCount(benchmark::State& state) {
  const gc::selector::MarkerPtr marker = gc::selector::NewFailMarker();
  gc::selector::Marker* m = marker.get();
  benchmark::DoNotOptimize(m);  // keep the call virtual, as behind a MarkerPtr
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    m->Mark();
    benchmark::DoNotOptimize(m->Count());
  }
  ReportAllocations(state, before);
}

// WithCancel(Background()) and its cancel, as a request scope does.
void BM_ContextWithCancel(benchmark::State& state) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto [ctx, cancel] = context::WithCancel(context::Background());
    benchmark::DoNotOptimize(&ctx);
    cancel();
  }
  ReportAllocations(state, before);
}

// A child of a live cancellable parent: registration with the parent, then
// cancel (which deregisters it).
void BM_ContextWithCancelChild(benchmark::State& state) {
  auto [parent, cancel_parent] = context::WithCancel(context::Background());
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto [ctx, cancel] = context::WithCancel(parent);
    benchmark::DoNotOptimize(&ctx);
    cancel();
  }
  ReportAllocations(state, before);
  cancel_parent();
}

// Err() of a live cancellable context (a poll inside a loop).
void BM_ContextErr(benchmark::State& state) {
  auto [ctx, cancel] = context::WithCancel(context::Background());
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    benchmark::DoNotOptimize(ctx.Err());
  }
  ReportAllocations(state, before);
  cancel();
}

const context::Key<int> kKey0;
const context::Key<int> kKey1;
const context::Key<int> kKey2;
const context::Key<int> kKey3;
const context::Key<int> kKey4;

// Value() of the key set first, looked up through 5 WithValue layers.
void BM_ContextValueDepth5(benchmark::State& state) {
  context::Context ctx = context::Background();
  ctx = context::WithValue(ctx, kKey0, 0);
  ctx = context::WithValue(ctx, kKey1, 1);
  ctx = context::WithValue(ctx, kKey2, 2);
  ctx = context::WithValue(ctx, kKey3, 3);
  ctx = context::WithValue(ctx, kKey4, 4);
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    const int* v = ctx.Value(kKey0);
    benchmark::DoNotOptimize(v);
  }
  ReportAllocations(state, before);
}

// errors::Is(err, io::ErrEOF) with ErrEOF wrapped three times.
void BM_ErrorsIsWrapped3(benchmark::State& state) {
  const gc::Error err =
      gc::errors::Wrap(gc::errors::Wrap(gc::errors::Wrap(gc::io::ErrEOF, "read"), "relay"), "handler");
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    benchmark::DoNotOptimize(gc::errors::Is(err, gc::io::ErrEOF));
  }
  ReportAllocations(state, before);
}

// Builds a wrapped error (one shared allocation) and drops it.
void BM_ErrorsWrap(benchmark::State& state) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    gc::Error err = gc::errors::Wrap(gc::io::ErrEOF, "read");
    benchmark::DoNotOptimize(&err);
  }
  ReportAllocations(state, before);
}

void BM_ParseIP(benchmark::State& state, std::string_view text) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto ip = gc::net::ParseIP(text);
    benchmark::DoNotOptimize(&ip);
  }
  ReportAllocations(state, before);
}

void BM_SplitHostPort(benchmark::State& state) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto hp = gc::net::SplitHostPort("example.com:443");
    benchmark::DoNotOptimize(&hp);
  }
  ReportAllocations(state, before);
}

// A typical log line: Sprintf with a string and an integer.
void BM_LoggerSprintf(benchmark::State& state) {
  const std::string addr = "10.0.0.1:1080";
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    std::string line = gc::fmt::Sprintf("dial %s: %d bytes", {addr, 1500});
    benchmark::DoNotOptimize(line.data());
  }
  ReportAllocations(state, before);
}

}  // namespace

BENCHMARK(BM_AtomicAddLoad);
BENCHMARK(BM_FailMarkerMarkCount);
BENCHMARK(BM_ContextWithCancel);
BENCHMARK(BM_ContextWithCancelChild);
BENCHMARK(BM_ContextErr);
BENCHMARK(BM_ContextValueDepth5);
BENCHMARK(BM_ErrorsIsWrapped3);
BENCHMARK(BM_ErrorsWrap);
BENCHMARK_CAPTURE(BM_ParseIP, v4, std::string_view("192.168.100.200"));
BENCHMARK_CAPTURE(BM_ParseIP, v6, std::string_view("2001:db8:85a3::8a2e:370:7334"));
BENCHMARK(BM_SplitHostPort);
BENCHMARK(BM_LoggerSprintf);
