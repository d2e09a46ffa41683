// Counts the calls to the global operator new made by the calling thread, so
// that a benchmark can report heap allocations per iteration. The counting
// operators are defined in alloc_counter.cpp and replace the standard ones for
// the whole gost_core_bench executable.
#pragma once

#include <cstdint>

namespace gost::bench {

/// Number of operator new calls (every form: scalar, array, aligned,
/// nothrow) made so far by the calling thread.
std::uint64_t ThreadAllocations() noexcept;

}  // namespace gost::bench
