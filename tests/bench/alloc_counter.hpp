// Counts the calls to the global operator new made by the calling thread, so
// that a benchmark can report heap allocations per iteration. The counting
// operators are defined in alloc_counter.cpp and replace the standard ones for
// the whole gost_core_bench executable.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>

namespace gost::bench {

/// Number of operator new calls (every form: scalar, array, aligned,
/// nothrow) made so far by the calling thread.
std::uint64_t ThreadAllocations() noexcept;

/// Sets the counter allocs_per_op from the thread's operator new calls since
/// `before`, and counts one item per iteration.
inline void ReportAllocations(benchmark::State& state, std::uint64_t before) {
  const std::uint64_t allocs = ThreadAllocations() - before;
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["allocs_per_op"] = benchmark::Counter(iterations == 0 ? 0.0 : static_cast<double>(allocs) / iterations,
                                                       benchmark::Counter::kAvgThreads);
  state.SetItemsProcessed(state.iterations());
}

}  // namespace gost::bench
