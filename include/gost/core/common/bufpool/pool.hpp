// gost-core port of go-gost/core common/bufpool/pool.go.
//
// A pool of byte buffers in ten size classes ("tiers"), from 128 bytes to
// 65 KiB, so that hot I/O paths (relays copying between two connections) do
// not go through the allocator for every buffer. Go builds it from one
// sync.Pool per tier; this port has the same two calls, Get and Put, with the
// same tier rules, and bounds the memory it keeps.
//
// Design
// ------
// * Each thread that uses the pool owns a small cache: for every tier a
//   fixed-capacity stack of buffers (kThreadSlots). Get pops from the calling
//   thread's stack and Put pushes onto it. This fast path takes no lock and
//   writes no memory that another thread writes, so threads scale
//   independently, and once the cache is warm a Get+Put pair performs no heap
//   allocation.
// * Behind the caches is one shared depot per tier: a bounded stack guarded by
//   a mutex (kSharedSlots). A thread whose stack is full moves half of it to
//   the depot; a thread whose stack is empty takes a batch from it. This is
//   what lets a buffer taken on one thread be reused after another thread
//   returns it (producer/consumer hand-offs), and what amortises the mutex
//   over several buffers. When the depot is full too, the buffer is freed.
// * When a thread exits, its cache moves what fits into the depot, frees the
//   rest, and unregisters. Trim() releases the calling thread's cache and the
//   depot at once.
//
// Memory bound
// ------------
// The pool never holds more than
//     MaxHeldBytes(T) = kMaxSharedBytes + T * kMaxThreadCacheBytes
// bytes of buffer capacity, where T is the number of live threads that have
// used the pool: 338,944 bytes (331 KiB) per thread, plus 2,990,080 bytes
// (about 2.85 MiB) for the depot. Buffers handed out by Get are not counted:
// they belong to the caller. HeldBytes() reports the current figure.
//
// Thread safety
// -------------
// Get, Put, HeldBytes and Trim may be called from any thread at any time,
// including from destructors of static and thread_local objects that run at
// thread or program exit: once the calling thread's cache has been destroyed,
// Get allocates and Put frees. A buffer, like any Bytes, has one owner at a
// time; it may be returned by a different thread than the one that got it.
#pragma once

#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

#include "gost/core/go/bytes.hpp"

namespace gost::core::common::bufpool {

/// Number of size classes.
inline constexpr std::size_t kTierCount = 10;

/// The capacities the pool deals in, ascending. Get rounds a request up to the
/// first of them; Put keeps only buffers whose capacity is one of them.
inline constexpr std::array<std::size_t, kTierCount> kTierSizes = {
    128, 512, 1024, 2048, 4096, 8192, 16 * 1024, 32 * 1024, 64 * 1024, 65 * 1024};

/// The largest pooled capacity; Get allocates bigger requests exactly.
inline constexpr std::size_t kMaxTierSize = kTierSizes[kTierCount - 1];

/// How many buffers of each tier one thread's cache may hold.
inline constexpr std::array<std::size_t, kTierCount> kThreadSlots = {16, 16, 16, 8, 8, 4, 2, 2, 1, 1};

/// How many buffers of each tier the shared depot may hold.
inline constexpr std::array<std::size_t, kTierCount> kSharedSlots = {256, 128, 128, 64, 64, 32, 32, 16, 8, 8};

namespace detail {

constexpr std::size_t SumSlots(const std::array<std::size_t, kTierCount>& slots) noexcept {
  std::size_t n = 0;
  for (std::size_t s : slots) n += s;
  return n;
}

constexpr std::size_t SumBytes(const std::array<std::size_t, kTierCount>& slots) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < kTierCount; ++i) n += slots[i] * kTierSizes[i];
  return n;
}

constexpr std::array<std::size_t, kTierCount> Offsets(const std::array<std::size_t, kTierCount>& slots) noexcept {
  std::array<std::size_t, kTierCount> offsets{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < kTierCount; ++i) {
    offsets[i] = at;
    at += slots[i];
  }
  return offsets;
}

}  // namespace detail

/// Upper bound on the capacity held by one thread's cache, all tiers
/// together: 338,944 bytes.
inline constexpr std::size_t kMaxThreadCacheBytes = detail::SumBytes(kThreadSlots);

/// Upper bound on the capacity held by the shared depot: 2,990,080 bytes.
inline constexpr std::size_t kMaxSharedBytes = detail::SumBytes(kSharedSlots);

/// Upper bound on HeldBytes() while `threads` threads that used the pool are
/// alive (threads that exited hold nothing).
constexpr std::size_t MaxHeldBytes(std::size_t threads) noexcept {
  return kMaxSharedBytes + threads * kMaxThreadCacheBytes;
}

namespace detail {

static_assert(kMaxThreadCacheBytes == 338944);
static_assert(kMaxSharedBytes == 2990080);

/// Index of the smallest tier whose size is >= n, or -1 when n exceeds them all.
constexpr int TierForSize(std::size_t n) noexcept {
  if (n <= 128) return 0;
  if (n <= 64 * 1024) {
    // ceil(log2(n)) is 8 for 129..256 and 9 for 257..512, both in the 512
    // tier; from 513 on each power of two has its own tier.
    const auto w = static_cast<int>(std::bit_width(n - 1));
    return w <= 9 ? 1 : w - 8;
  }
  if (n <= kMaxTierSize) return static_cast<int>(kTierCount) - 1;
  return -1;
}

/// Index of the tier whose size is exactly `capacity`, or -1.
///
/// Written as compares and branches on purpose: in a Get+Put loop the
/// capacity comes from memory the previous Get just wrote, and predicted
/// branches keep the tier off that data dependency, where arithmetic on the
/// value (bit scans, table look-ups) would lengthen it.
constexpr int TierForCapacity(std::size_t capacity) noexcept {
  switch (capacity) {
    case kTierSizes[0]: return 0;
    case kTierSizes[1]: return 1;
    case kTierSizes[2]: return 2;
    case kTierSizes[3]: return 3;
    case kTierSizes[4]: return 4;
    case kTierSizes[5]: return 5;
    case kTierSizes[6]: return 6;
    case kTierSizes[7]: return 7;
    case kTierSizes[8]: return 8;
    case kTierSizes[9]: return 9;
    default: return -1;
  }
}

constexpr bool CheckTiers() noexcept {
  for (std::size_t i = 0; i < kTierCount; ++i) {
    if (TierForCapacity(kTierSizes[i]) != static_cast<int>(i)) return false;
    if (TierForSize(kTierSizes[i]) != static_cast<int>(i)) return false;
    if (i + 1 < kTierCount && TierForSize(kTierSizes[i] + 1) != static_cast<int>(i + 1)) return false;
  }
  return TierForSize(0) == 0 && TierForSize(kMaxTierSize + 1) == -1 && TierForCapacity(0) == -1 &&
         TierForCapacity(256) == -1 && TierForCapacity(64) == -1 && TierForCapacity(131072) == -1 &&
         TierForCapacity(4095) == -1;
}
static_assert(CheckTiers());

/// How many buffers move between a thread's stack and the depot at a time.
constexpr std::size_t BatchSize(std::size_t tier) noexcept {
  return kThreadSlots[tier] / 2 == 0 ? 1 : kThreadSlots[tier] / 2;
}

inline constexpr std::array<std::size_t, kTierCount> kThreadOffsets = Offsets(kThreadSlots);
inline constexpr std::array<std::size_t, kTierCount> kSharedOffsets = Offsets(kSharedSlots);

/// One thread's cache: per tier, a stack of buffers in raw storage (slot i of
/// tier t holds a live Bytes exactly when i < Count(t)), so that pushing and
/// popping are a move each, with no test of what the slot held before.
///
/// Only the owning thread touches the stacks. The counts are atomic so that
/// HeldBytes() may read them from other threads, but only the owner writes
/// them (a relaxed load and a store, no read-modify-write), so the fast path
/// costs what plain integers would.
struct alignas(64) ThreadCache {
  std::array<std::atomic<std::uint32_t>, kTierCount> counts{};
  // Registry links, guarded by Shared::registry_mu.
  ThreadCache* prev = nullptr;
  ThreadCache* next = nullptr;
  alignas(Bytes) std::array<std::byte, SumSlots(kThreadSlots) * sizeof(Bytes)> storage;

  ThreadCache() noexcept = default;
  ThreadCache(const ThreadCache&) = delete;
  ThreadCache& operator=(const ThreadCache&) = delete;
  ~ThreadCache() {
    for (std::size_t t = 0; t < kTierCount; ++t) {
      for (std::uint32_t i = 0; i < Count(t); ++i) Slot(t, i)->~Bytes();
    }
  }

  [[nodiscard]] std::uint32_t Count(std::size_t tier) const noexcept {
    return counts[tier].load(std::memory_order_relaxed);
  }
  void SetCount(std::size_t tier, std::uint32_t n) noexcept { counts[tier].store(n, std::memory_order_relaxed); }
  void* Raw(std::size_t tier, std::size_t i) noexcept {
    return storage.data() + (kThreadOffsets[tier] + i) * sizeof(Bytes);
  }
  Bytes* Slot(std::size_t tier, std::size_t i) noexcept { return std::launder(static_cast<Bytes*>(Raw(tier, i))); }

  /// Pushes onto a stack whose count is `n` (< kThreadSlots[tier]).
  void PushAt(std::size_t tier, std::uint32_t n, Bytes&& b) noexcept {
    ::new (Raw(tier, n)) Bytes(std::move(b));
    SetCount(tier, n + 1);
  }
  /// Pops from a stack whose count is `n` (> 0) and sets the length to `size`
  /// (<= the tier's size, so no allocation).
  Bytes PopAt(std::size_t tier, std::uint32_t n, std::size_t size) {
    SetCount(tier, n - 1);
    Bytes* slot = Slot(tier, n - 1);
    // The length is set in the slot, before the move, so that the caller's
    // Bytes never has its address taken here and can live in registers.
    if (slot->size() != size) slot->resize(size);
    Bytes b(std::move(*slot));
    slot->~Bytes();
    return b;
  }

  [[nodiscard]] std::size_t HeldBytes() const noexcept {
    std::size_t total = 0;
    for (std::size_t t = 0; t < kTierCount; ++t) total += Count(t) * kTierSizes[t];
    return total;
  }
};

/// The depot stack of one tier.
struct alignas(64) SharedTier {
  std::mutex mu;
  std::atomic<std::uint32_t> count{0};  // written under mu, read without it as a hint and by HeldBytes
};

/// Process-wide state: the depot and the list of live thread caches.
struct Shared {
  std::array<SharedTier, kTierCount> tiers{};
  std::array<Bytes, SumSlots(kSharedSlots)> slots{};
  std::mutex registry_mu;
  ThreadCache* head = nullptr;

  Bytes& Slot(std::size_t tier, std::size_t i) noexcept { return slots[kSharedOffsets[tier] + i]; }
};

/// Holds a T that is built at compile time and never destroyed, so that the
/// pool still works while static objects are being destroyed at exit (and
/// whatever the depot holds then stays reachable, not leaked).
template <class T>
union NoDestroy {
  constexpr NoDestroy() : value() {}
  NoDestroy(const NoDestroy&) = delete;
  NoDestroy& operator=(const NoDestroy&) = delete;
  ~NoDestroy() {}  // NOLINT(modernize-use-equals-default): "= default" would be deleted
  T value;
};

inline constinit NoDestroy<Shared> g_shared{};

// The fast path reads only this pointer; it is null before the thread's first
// use and again once the thread's cache has been destroyed at thread exit.
inline constinit thread_local ThreadCache* tls_cache = nullptr;
// Set when the cache was destroyed, so that late callers do not rebuild it.
inline constinit thread_local bool tls_dead = false;

inline Shared& SharedState() noexcept { return g_shared.value; }

/// Moves up to `max` buffers of `tier` from `c`'s stack to the depot; the
/// caller holds the tier's mutex.
inline void FlushLocked(ThreadCache& c, std::size_t tier, std::size_t max) noexcept {
  Shared& s = SharedState();
  SharedTier& st = s.tiers[tier];
  std::uint32_t dn = st.count.load(std::memory_order_relaxed);
  std::uint32_t ln = c.Count(tier);
  for (std::size_t moved = 0; moved < max && ln != 0 && dn < kSharedSlots[tier]; ++moved) {
    Bytes* slot = c.Slot(tier, --ln);
    s.Slot(tier, dn++) = std::move(*slot);
    slot->~Bytes();
  }
  // The thread's count drops first: a concurrent HeldBytes may miss a buffer
  // in transit but never counts it twice.
  c.SetCount(tier, ln);
  st.count.store(dn, std::memory_order_relaxed);
}

/// Unregisters and destroys the thread's cache at thread exit.
struct CacheReaper {
  ThreadCache* cache = nullptr;

  CacheReaper() = default;
  CacheReaper(const CacheReaper&) = delete;
  CacheReaper& operator=(const CacheReaper&) = delete;
  ~CacheReaper() {
    tls_cache = nullptr;
    tls_dead = true;
    ThreadCache* c = std::exchange(cache, nullptr);
    if (c == nullptr) return;
    // Hand what fits to the depot, so that other threads can reuse it.
    for (std::size_t t = 0; t < kTierCount; ++t) {
      if (c->Count(t) == 0) continue;
      std::lock_guard<std::mutex> lock(SharedState().tiers[t].mu);
      FlushLocked(*c, t, kThreadSlots[t]);
    }
    {
      Shared& s = SharedState();
      std::lock_guard<std::mutex> lock(s.registry_mu);
      if (c->prev != nullptr) {
        c->prev->next = c->next;
      } else {
        s.head = c->next;
      }
      if (c->next != nullptr) c->next->prev = c->prev;
    }
    delete c;  // frees whatever the depot had no room for
  }
};

/// The calling thread's cache, created on first use; null once the thread's
/// thread_local objects are being destroyed, or if it cannot be allocated.
inline ThreadCache* AcquireCache() noexcept {
  if (ThreadCache* c = tls_cache) return c;
  if (tls_dead) return nullptr;
  static thread_local CacheReaper reaper;
  auto* c = new (std::nothrow) ThreadCache;
  if (c == nullptr) return nullptr;
  {
    Shared& s = SharedState();
    std::lock_guard<std::mutex> lock(s.registry_mu);
    c->next = s.head;
    if (s.head != nullptr) s.head->prev = c;
    s.head = c;
  }
  reaper.cache = c;
  tls_cache = c;
  return c;
}

[[noreturn, gnu::noinline, gnu::cold]] inline void ThrowNegativeSize(int size) {
  throw std::invalid_argument("gost: bufpool::Get: negative size " + std::to_string(size));
}

/// Get when the thread's stack for `tier` is empty or the thread has no cache
/// yet: take from the depot (refilling the thread's stack with a batch), or
/// allocate.
[[gnu::noinline]] inline Bytes GetSlow(std::size_t tier, std::size_t size) {
  Bytes out;
  ThreadCache* c = AcquireCache();
  Shared& s = SharedState();
  SharedTier& st = s.tiers[tier];
  if (st.count.load(std::memory_order_relaxed) != 0) {
    std::lock_guard<std::mutex> lock(st.mu);
    std::uint32_t dn = st.count.load(std::memory_order_relaxed);
    if (dn != 0) {
      out = std::move(s.Slot(tier, --dn));
      if (c != nullptr) {
        std::uint32_t ln = c->Count(tier);
        for (std::size_t k = 1; k < BatchSize(tier) && dn != 0 && ln < kThreadSlots[tier]; ++k) {
          ::new (c->Raw(tier, ln++)) Bytes(std::move(s.Slot(tier, --dn)));
        }
        // Depot first, then the thread: never counted twice (see FlushLocked).
        st.count.store(dn, std::memory_order_relaxed);
        c->SetCount(tier, ln);
      } else {
        st.count.store(dn, std::memory_order_relaxed);
      }
    }
  }
  if (out.capacity() != kTierSizes[tier]) {
    out = Bytes::Uninitialized(size, kTierSizes[tier]);
  } else if (out.size() != size) {
    out.resize(size);
  }
  return out;
}

/// Put when the thread's stack for `tier` is full or the thread has no cache
/// yet. Takes the buffer by value so that the caller's Bytes does not have its
/// address taken on the fast path.
[[gnu::noinline]] inline void PutSlow(std::size_t tier, Bytes spill) noexcept {
  // `spill` is freed on return unless it finds a place.
  ThreadCache* c = AcquireCache();
  if (c == nullptr) return;  // the thread is exiting
  if (const std::uint32_t ln = c->Count(tier); ln < kThreadSlots[tier]) {  // the cache was just created
    c->PushAt(tier, ln, std::move(spill));
    return;
  }
  std::lock_guard<std::mutex> lock(SharedState().tiers[tier].mu);
  // Move a batch to the depot, which leaves room for this Put and the next ones.
  FlushLocked(*c, tier, BatchSize(tier));
  if (const std::uint32_t ln = c->Count(tier); ln < kThreadSlots[tier]) c->PushAt(tier, ln, std::move(spill));
  // Otherwise the depot is full: `spill` is freed (after the lock is
  // released, as `lock` was declared after it).
}

}  // namespace detail

/// A buffer of `size` bytes taken from the pool.
///
/// Its capacity is the smallest tier >= size (a size of 0 gets an empty buffer
/// of capacity 128); above kMaxTierSize it is a new buffer whose capacity
/// equals size. The contents are unspecified: a reused buffer keeps what its
/// previous user wrote. Give it back with Put when done; dropping it instead is
/// fine too, it is then simply freed.
///
/// Throws std::invalid_argument if size is negative (Go would panic), and
/// std::bad_alloc if memory runs out.
inline Bytes Get(int size) {
  if (size < 0) [[unlikely]] detail::ThrowNegativeSize(size);
  const auto n = static_cast<std::size_t>(size);
  const int t = detail::TierForSize(n);
  if (t < 0) [[unlikely]] return Bytes::Uninitialized(n, n);
  const auto tier = static_cast<std::size_t>(t);
  // Every return below is a prvalue, so the result is built in place.
  if (detail::ThreadCache* c = detail::tls_cache; c != nullptr) [[likely]] {
    if (const std::uint32_t ln = c->Count(tier); ln != 0) [[likely]] return c->PopAt(tier, ln, n);
  }
  return detail::GetSlow(tier, n);
}

/// Gives a buffer back to the pool; `b` is left empty.
///
/// A buffer whose capacity is exactly one of kTierSizes is kept for a later
/// Get (whoever allocated it, and whatever its length); any other buffer is
/// freed, as upstream ignores it. Once the pool's bound is reached, buffers
/// are freed too.
inline void Put(Bytes&& b) noexcept {
  const int t = detail::TierForCapacity(b.capacity());
  if (t < 0) {  // not a pool buffer
    Bytes dropped = std::move(b);
    return;
  }
  const auto tier = static_cast<std::size_t>(t);
  detail::ThreadCache* c = detail::tls_cache;
  if (std::uint32_t ln = 0; c != nullptr && (ln = c->Count(tier)) < kThreadSlots[tier]) [[likely]] {
    c->PushAt(tier, ln, std::move(b));
    return;
  }
  detail::PutSlow(tier, std::move(b));
}

/// Total capacity, in bytes, of the buffers the pool holds right now: every
/// live thread's cache plus the shared depot. Always <= MaxHeldBytes(live
/// threads that used the pool). While other threads use the pool the figure is
/// a snapshot that may miss buffers moving between a thread and the depot;
/// with no concurrent use it is exact.
inline std::size_t HeldBytes() {
  detail::Shared& s = detail::SharedState();
  std::size_t total = 0;
  {
    std::lock_guard<std::mutex> lock(s.registry_mu);
    for (const detail::ThreadCache* c = s.head; c != nullptr; c = c->next) total += c->HeldBytes();
  }
  for (std::size_t t = 0; t < kTierCount; ++t) {
    total += s.tiers[t].count.load(std::memory_order_relaxed) * kTierSizes[t];
  }
  return total;
}

/// Capacity, in bytes, held by the calling thread's own cache; at most
/// kMaxThreadCacheBytes.
inline std::size_t ThreadHeldBytes() noexcept {
  const detail::ThreadCache* c = detail::tls_cache;
  return c == nullptr ? 0 : c->HeldBytes();
}

/// Frees the buffers held by the calling thread's cache and by the shared
/// depot. Other threads' caches are left alone (only their own thread may
/// touch them; they are released when it exits). Useful after a burst, and
/// in tests.
inline void Trim() noexcept {
  if (detail::ThreadCache* c = detail::tls_cache) {
    for (std::size_t t = 0; t < kTierCount; ++t) {
      for (std::uint32_t n = c->Count(t); n != 0; --n) {
        Bytes* slot = c->Slot(t, n - 1);
        c->SetCount(t, n - 1);
        slot->~Bytes();
      }
    }
  }
  detail::Shared& s = detail::SharedState();
  for (std::size_t t = 0; t < kTierCount; ++t) {
    // Take the buffers out under the lock, a few at a time, and free them
    // after releasing it.
    std::array<Bytes, 8> batch;
    for (bool more = true; more;) {
      std::size_t n = 0;
      {
        std::lock_guard<std::mutex> lock(s.tiers[t].mu);
        std::uint32_t dn = s.tiers[t].count.load(std::memory_order_relaxed);
        while (dn != 0 && n < batch.size()) batch[n++] = std::move(s.Slot(t, --dn));
        s.tiers[t].count.store(dn, std::memory_order_relaxed);
        more = dn != 0;
      }
      for (std::size_t i = 0; i < n; ++i) batch[i] = Bytes();
    }
  }
}

}  // namespace gost::core::common::bufpool
