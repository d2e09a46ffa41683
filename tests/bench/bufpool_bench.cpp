// Get+Put through the buffer pool against a plain allocation of the same
// size, one thread and two. Every benchmark reports "allocs_per_op", the
// operator new calls per iteration made by the benchmark thread (see
// alloc_counter.hpp); malloc is not operator new, so BM_MallocFree reports 0
// there, and BM_BytesAlloc (one Bytes allocation per iteration, what the pool
// saves) shows that the counter works.
//
// Time is wall-clock time per operation across all threads (UseRealTime), so
// "1 thread time / 2 threads time" is the throughput gained by the second
// thread.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "alloc_counter.hpp"
#include "gost/core/common/bufpool/pool.hpp"
#include "gost/core/go/bytes.hpp"

namespace {

namespace bufpool = gost::core::common::bufpool;
using gost::core::Bytes;

using gost::bench::ReportAllocations;

void BM_BufpoolGetPut(benchmark::State& state) {
  const auto size = static_cast<int>(state.range(0));
  bufpool::Put(bufpool::Get(size));  // warm this thread's cache
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    Bytes b = bufpool::Get(size);
    benchmark::DoNotOptimize(b.data());
    b[0] = std::byte{1};
    benchmark::ClobberMemory();
    bufpool::Put(std::move(b));
  }
  ReportAllocations(state, before);
}

void BM_MallocFree(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    void* p = std::malloc(size);
    benchmark::DoNotOptimize(p);
    if (p != nullptr) static_cast<unsigned char*>(p)[0] = 1;
    benchmark::ClobberMemory();
    std::free(p);
  }
  ReportAllocations(state, before);
}

void BM_BytesAlloc(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    Bytes b = Bytes::Uninitialized(size, size);
    benchmark::DoNotOptimize(b.data());
    b[0] = std::byte{1};
    benchmark::ClobberMemory();
  }
  ReportAllocations(state, before);
}

void Sizes(benchmark::internal::Benchmark* b) {
  for (std::int64_t size : {128, 1024, 4096, 32768, 65536}) b->Arg(size);
  b->Threads(1)->Threads(2)->UseRealTime();
}

}  // namespace

BENCHMARK(BM_BufpoolGetPut)->Apply(Sizes);
BENCHMARK(BM_MallocFree)->Apply(Sizes);
BENCHMARK(BM_BytesAlloc)->Apply(Sizes);
