// gost-core port of go-gost/core common/bufpool/pool.go.
//
// A pool of byte buffers in ten size classes ("tiers"), from 128 bytes to
// 65 KiB, so that hot I/O paths (relays copying between two connections) do
// not go through the allocator for every buffer. Upstream builds it from one
// sync.Pool per tier; this port keeps the two calls, Get and Put, and the tier
// rules, and bounds the memory it keeps (sync.Pool is bounded by the garbage
// collector instead).
//
// Design
// ------
// * Each thread that uses the pool owns a cache. Per tier it holds a "hot"
//   slot and a small stack, kThreadSlots buffers in all. Put fills the hot
//   slot when it is empty and Get takes from it first; the stack absorbs
//   bursts. This fast path takes no lock and writes no memory that another
//   thread writes, so threads scale independently, and once the cache is warm
//   a Get+Put pair performs no heap allocation.
// * Behind the caches is one shared depot per tier: a bounded stack guarded by
//   a mutex (kSharedSlots). A thread whose cache is full for a tier moves a
//   batch (half its slots) to the depot; a thread whose cache is empty takes
//   a batch from it. This is how a buffer got on one thread is reused after
//   another thread returns it (producer/consumer hand-offs), and it amortises
//   the mutex over several buffers. When the depot is full too, the buffer is
//   freed.
// * When a thread exits, its cache moves what fits into the depot, frees the
//   rest, and unregisters. Trim() frees the calling thread's cache and the
//   depot.
//
// Memory bound
// ------------
// The buffers the pool holds (not those handed out by Get, which belong to
// the caller) never add up to more than
//     MaxHeldBytes(T) = kMaxSharedBytes + T * kMaxThreadCacheBytes
// bytes of capacity, where T is the number of live threads that have used the
// pool: 338,944 bytes (331 KiB) per such thread, plus 2,990,080 bytes (about
// 2.85 MiB) for the depot. A thread that exits holds nothing. HeldBytes()
// reports the current figure, ThreadHeldBytes() the calling thread's share.
//
// Thread safety
// -------------
// Get, Put, HeldBytes, ThreadHeldBytes and Trim may be called from any thread
// at any time, including from destructors of static and thread_local objects
// that run at thread or program exit: once the calling thread's cache has been
// destroyed, Get allocates (or takes from the depot) and Put frees. A buffer,
// like any Bytes, has one owner at a time; it may be returned by a different
// thread than the one that got it. (One corner: a thread that first touches
// the pool after its own thread_local destructors have run, such as the main
// thread in a static destructor at exit, gets a cache that is never flushed;
// it stays registered and counted until the process ends.)
//
// Speed
// -----
// Get and Put are forced inline and their fast paths only touch the hot slot,
// so that in a loop the caller's Bytes can live in registers: every other
// case is handled out of line by functions that never see the caller's Bytes
// (they leave a buffer in a per-thread spare slot, or make room in the hot
// slot), and the buffer's capacity is matched to a tier with predicted
// branches rather than arithmetic on the loaded value.
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
/// (16, 32, 64 and 65 KiB for the last four.)
inline constexpr std::array<std::size_t, kTierCount> kTierSizes = {128,  512,   1024,  2048,  4096,
                                                                   8192, 16384, 32768, 65536, 66560};

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

/// Where each tier's slots start in a flat array holding all tiers.
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
/// alive.
constexpr std::size_t MaxHeldBytes(std::size_t threads) noexcept {
  return kMaxSharedBytes + threads * kMaxThreadCacheBytes;
}

namespace detail {

static_assert(kMaxThreadCacheBytes == 338944);
static_assert(kMaxSharedBytes == 2990080);

/// Index of the smallest tier whose size is >= n, or -1 when n exceeds them all.
constexpr int TierForSize(std::size_t n) noexcept {
  if (n <= 128) return 0;
  if (n <= kTierSizes[kTierCount - 2]) {
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
/// Compares and branches on purpose: in a Get+Put loop the capacity comes from
/// memory the previous Get just wrote, and predicted branches keep the tier off
/// that data dependency, where arithmetic on the value (bit scans, table
/// look-ups) would lengthen it.
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
    if (kThreadSlots[i] == 0 || kSharedSlots[i] < kThreadSlots[i]) return false;
    if (TierForCapacity(kTierSizes[i]) != static_cast<int>(i)) return false;
    if (TierForSize(kTierSizes[i]) != static_cast<int>(i)) return false;
    if (i + 1 < kTierCount && TierForSize(kTierSizes[i] + 1) != static_cast<int>(i + 1)) return false;
  }
  return TierForSize(0) == 0 && TierForSize(kMaxTierSize + 1) == -1 && TierForCapacity(0) == -1 &&
         TierForCapacity(256) == -1 && TierForCapacity(64) == -1 && TierForCapacity(131072) == -1 &&
         TierForCapacity(4095) == -1;
}
static_assert(CheckTiers());

/// How many buffers move between a thread's cache and the depot at a time.
constexpr std::size_t BatchSize(std::size_t tier) noexcept {
  return kThreadSlots[tier] / 2 == 0 ? 1 : kThreadSlots[tier] / 2;
}

/// Per tier, a thread's cache has the hot slot plus a stack of the rest.
constexpr std::array<std::size_t, kTierCount> StackSlots() noexcept {
  std::array<std::size_t, kTierCount> slots{};
  for (std::size_t t = 0; t < kTierCount; ++t) slots[t] = kThreadSlots[t] - 1;
  return slots;
}
inline constexpr std::array<std::size_t, kTierCount> kStackSlots = StackSlots();
inline constexpr std::array<std::size_t, kTierCount> kStackOffsets = Offsets(kStackSlots);
inline constexpr std::array<std::size_t, kTierCount> kSharedOffsets = Offsets(kSharedSlots);

/// Bytes::resize, kept out of line so that it does not weigh on the inlining
/// of Get. Within the capacity it only sets the length.
[[gnu::noinline]] inline void SetLength(Bytes& b, std::size_t size) { b.resize(size); }

/// Holds a T that is built at compile time and never destroyed, so that the
/// pool keeps working while static objects are destroyed at exit (and what
/// the depot holds then stays reachable rather than leaked).
template <class T>
union NoDestroy {
  constexpr NoDestroy() : value() {}
  NoDestroy(const NoDestroy&) = delete;
  NoDestroy& operator=(const NoDestroy&) = delete;
  ~NoDestroy() {}  // NOLINT(modernize-use-equals-default): "= default" would be deleted
  T value;
};

// The pool's state and its slow paths, used by Get, Put and the other
// functions below.
/// One thread's cache.
///
/// A thread alternating Get and Put touches only the hot slot of the tier: its
/// emptiness is a predicted branch, and no counter is read back and rewritten
/// on each call (a load/store chain through memory would bound a tight loop).
/// The stack lives in raw storage: slot i of tier t holds a live Bytes exactly
/// when i < Count(t), so pushes and pops are one move each.
///
/// Only the owning thread touches the slots. What HeldBytes() reads from other
/// threads is atomic, and written by the owner alone: the stack counts (a
/// relaxed load and store, no read-modify-write) and one flag per hot slot
/// (relaxed stores of 0 or 1).
struct alignas(64) ThreadCache {
  std::array<Bytes, kTierCount> hot{};
  std::array<std::atomic<std::uint8_t>, kTierCount> hot_held{};
  std::array<std::atomic<std::uint32_t>, kTierCount> counts{};
  // Links in Shared's registry, guarded by Shared::registry_mu.
  ThreadCache* prev = nullptr;
  ThreadCache* next = nullptr;
  // Raw storage: the stack's slots are built and destroyed one by one.
  alignas(Bytes) std::array<std::byte, SumSlots(kStackSlots) * sizeof(Bytes)> storage{};

  ThreadCache() noexcept = default;
  ThreadCache(const ThreadCache&) = delete;
  ThreadCache& operator=(const ThreadCache&) = delete;
  ~ThreadCache() {
    for (std::size_t t = 0; t < kTierCount; ++t) {
      for (std::uint32_t i = 0; i < Count(t); ++i) Slot(t, i)->~Bytes();
    }
  }

  [[nodiscard]] bool HotEmpty(std::size_t tier) const noexcept { return hot[tier].data() == nullptr; }
  /// Marks the hot buffer (there must be one) as handed out and returns its
  /// slot, for the caller to move it out at once.
  Bytes* LeaveHot(std::size_t tier) noexcept {
    hot_held[tier].store(0, std::memory_order_relaxed);
    return &hot[tier];
  }
  /// Fills the empty hot slot. The Bytes there owns nothing, so the new one is
  /// built over it without destroying it first.
  void PutHot(std::size_t tier, Bytes&& b) noexcept {
    ::new (static_cast<void*>(&hot[tier])) Bytes(std::move(b));
    hot_held[tier].store(1, std::memory_order_relaxed);
  }
  /// Empties the hot slot, returning what it held (maybe nothing).
  Bytes EvictHot(std::size_t tier) noexcept {
    hot_held[tier].store(0, std::memory_order_relaxed);
    return {std::move(hot[tier])};
  }

  [[nodiscard]] std::uint32_t Count(std::size_t tier) const noexcept {
    return counts[tier].load(std::memory_order_relaxed);
  }
  void SetCount(std::size_t tier, std::uint32_t n) noexcept { counts[tier].store(n, std::memory_order_relaxed); }
  void* Raw(std::size_t tier, std::size_t i) noexcept {
    return storage.data() + (kStackOffsets[tier] + i) * sizeof(Bytes);
  }
  Bytes* Slot(std::size_t tier, std::size_t i) noexcept { return std::launder(static_cast<Bytes*>(Raw(tier, i))); }

  /// Pushes onto a stack whose count is `n` (< kStackSlots[tier]).
  void PushAt(std::size_t tier, std::uint32_t n, Bytes&& b) noexcept {
    ::new (Raw(tier, n)) Bytes(std::move(b));
    SetCount(tier, n + 1);
  }
  /// Removes one buffer of `tier`, from the stack first, then the hot slot;
  /// empty if there is none.
  Bytes PopAny(std::size_t tier) noexcept {
    if (const std::uint32_t n = Count(tier); n != 0) {
      SetCount(tier, n - 1);
      Bytes* slot = Slot(tier, n - 1);
      Bytes b(std::move(*slot));
      slot->~Bytes();
      return b;
    }
    return EvictHot(tier);
  }

  /// How many buffers of `tier` the cache holds (readable by other threads).
  [[nodiscard]] std::size_t Held(std::size_t tier) const noexcept {
    return Count(tier) + hot_held[tier].load(std::memory_order_relaxed);
  }
  [[nodiscard]] std::size_t HeldBytes() const noexcept {
    std::size_t total = 0;
    for (std::size_t t = 0; t < kTierCount; ++t) total += Held(t) * kTierSizes[t];
    return total;
  }
};

/// The depot stack of one tier.
struct alignas(64) SharedTier {
  std::mutex mu;
  std::atomic<std::uint32_t> count{0};  // written under mu; read without it as a hint and by HeldBytes
};

/// Process-wide state: the depot and the registry of live thread caches.
struct Shared {
  std::array<SharedTier, kTierCount> tiers{};
  std::array<Bytes, SumSlots(kSharedSlots)> slots{};
  std::mutex registry_mu;
  ThreadCache* head = nullptr;

  Bytes& Slot(std::size_t tier, std::size_t i) noexcept { return slots[kSharedOffsets[tier] + i]; }
};

inline constinit NoDestroy<Shared> g_shared{};

inline Shared& SharedState() noexcept { return g_shared.value; }

// The fast paths read only this pointer: null before the thread's first use,
// and again once its cache has been destroyed at thread exit.
inline constinit thread_local ThreadCache* tls_cache = nullptr;
// Set when the cache has been destroyed, so that late callers do not rebuild it.
inline constinit thread_local bool tls_dead = false;
// Room for one Bytes, where the out-of-line paths of Get leave the buffer they
// produce for Get to move out. Raw storage with nothing to destroy, so it
// stays usable while the thread's thread_local objects are being destroyed.
alignas(Bytes) inline constinit thread_local std::array<std::byte, sizeof(Bytes)> tls_spare{};

/// Builds `b` in the spare slot. What the slot held was moved out by Get, so
/// it owns nothing and is simply built over.
inline Bytes* ToSpare(Bytes&& b) noexcept { return ::new (static_cast<void*>(tls_spare.data())) Bytes(std::move(b)); }

/// Moves up to `max` buffers of `tier` from `c`'s cache to the depot, as room
/// allows. The caller holds the tier's mutex.
inline void FlushLocked(ThreadCache& c, std::size_t tier, std::size_t max) noexcept {
  Shared& s = SharedState();
  SharedTier& st = s.tiers[tier];
  std::uint32_t dn = st.count.load(std::memory_order_relaxed);
  for (std::size_t moved = 0; moved < max && dn < kSharedSlots[tier]; ++moved) {
    // The thread's count drops before the depot's rises: a concurrent
    // HeldBytes may miss a buffer in transit but never counts it twice.
    Bytes b = c.PopAny(tier);
    if (b.data() == nullptr) break;
    s.Slot(tier, dn++) = std::move(b);
  }
  st.count.store(dn, std::memory_order_relaxed);
}

/// Flushes, unregisters and destroys the thread's cache at thread exit.
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
      if (c->Held(t) == 0) continue;
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
    delete c;  // frees what the depot had no room for
  }
};

/// The calling thread's cache, created and registered on first use. Null once
/// the thread's thread_local objects are being destroyed, or if it cannot be
/// allocated (the pool then works without it).
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

/// Get when the calling thread's hot slot for `tier` is empty (or it has no
/// cache): a buffer from its stack, else from the depot (taking a batch for
/// the stack too), else a new one. Leaves it in the spare slot.
[[gnu::noinline]] inline Bytes* GetSlow(std::size_t tier) {
  ThreadCache* c = AcquireCache();
  if (c != nullptr) {
    if (const std::uint32_t n = c->Count(tier); n != 0) {
      c->SetCount(tier, n - 1);
      Bytes* slot = c->Slot(tier, n - 1);
      Bytes* out = ToSpare(std::move(*slot));
      slot->~Bytes();
      return out;
    }
  }
  Shared& s = SharedState();
  SharedTier& st = s.tiers[tier];
  if (st.count.load(std::memory_order_relaxed) != 0) {
    std::lock_guard<std::mutex> lock(st.mu);
    std::uint32_t dn = st.count.load(std::memory_order_relaxed);
    if (dn != 0) {
      Bytes* out = ToSpare(std::move(s.Slot(tier, --dn)));
      // The thread's stack is empty here; refill it with the rest of a batch.
      std::uint32_t n = 0;
      for (std::size_t k = 1; c != nullptr && k < BatchSize(tier) && dn != 0 && n < kStackSlots[tier]; ++k) {
        ::new (c->Raw(tier, n++)) Bytes(std::move(s.Slot(tier, --dn)));
      }
      // The depot's count drops first: never counted twice (see FlushLocked).
      st.count.store(dn, std::memory_order_relaxed);
      if (n != 0) c->SetCount(tier, n);
      return out;
    }
  }
  return ToSpare(Bytes::Uninitialized(kTierSizes[tier], kTierSizes[tier]));
}

/// Get of a size beyond every tier: a new buffer of exactly that size, left in
/// the spare slot.
[[gnu::noinline]] inline Bytes* GetOversize(std::size_t size) { return ToSpare(Bytes::Uninitialized(size, size)); }

/// Put when the calling thread's hot slot for `tier` is taken (or it has no
/// cache): moves the hot buffer to the thread's stack, first moving a batch
/// from the stack to the depot if the stack is full; if the depot is full too,
/// the hot buffer is freed. Returns the cache with an empty hot slot, or null
/// when the thread has no cache (it is exiting; the caller frees its buffer).
[[gnu::noinline]] inline ThreadCache* MakeHotRoom(std::size_t tier) noexcept {
  ThreadCache* c = AcquireCache();
  if (c == nullptr || c->HotEmpty(tier)) return c;
  Bytes evicted = c->EvictHot(tier);
  if (const std::uint32_t n = c->Count(tier); n < kStackSlots[tier]) {
    c->PushAt(tier, n, std::move(evicted));
    return c;
  }
  {
    Shared& s = SharedState();
    SharedTier& st = s.tiers[tier];
    std::lock_guard<std::mutex> lock(st.mu);
    FlushLocked(*c, tier, BatchSize(tier));
    if (const std::uint32_t n = c->Count(tier); n < kStackSlots[tier]) {
      c->PushAt(tier, n, std::move(evicted));
    } else if (const std::uint32_t dn = st.count.load(std::memory_order_relaxed); dn < kSharedSlots[tier]) {
      s.Slot(tier, dn) = std::move(evicted);
      st.count.store(dn + 1, std::memory_order_relaxed);
    }
  }
  // If everything was full, `evicted` is freed here, outside the lock.
  return c;
}

}  // namespace detail

/// A buffer of `size` bytes taken from the pool.
///
/// Its capacity is the smallest tier >= size (a size of 0 gets an empty buffer
/// of capacity 128); above kMaxTierSize it is a new buffer whose capacity
/// equals size. The contents are unspecified: a reused buffer keeps what its
/// previous user wrote. Give it back with Put when done; dropping it instead
/// is fine too, it is then simply freed.
///
/// Throws std::invalid_argument if size is negative (Go would panic), and
/// std::bad_alloc if memory runs out.
[[gnu::always_inline]] inline Bytes Get(int size) {
  if (size < 0) [[unlikely]] {
    detail::ThrowNegativeSize(size);
  }
  const auto n = static_cast<std::size_t>(size);
  const int t = detail::TierForSize(n);
  Bytes* slot = nullptr;
  if (t >= 0) [[likely]] {
    const auto tier = static_cast<std::size_t>(t);
    if (detail::ThreadCache* c = detail::tls_cache; c != nullptr && !c->HotEmpty(tier)) [[likely]] {
      slot = c->LeaveHot(tier);
    } else {
      slot = detail::GetSlow(tier);
    }
  } else {
    slot = detail::GetOversize(n);
  }
  if (slot->size() != n) [[unlikely]] {
    detail::SetLength(*slot, n);
  }
  // A compiler-only barrier: the move below then reloads the slot's fields
  // together instead of reusing the length just compared, which lets both
  // compilers copy them the same way Put stored them (measurably faster in a
  // tight Get/Put loop). It orders nothing between threads.
  std::atomic_signal_fence(std::memory_order_seq_cst);
  return {std::move(*slot)};
}

/// Gives a buffer back to the pool; `b` is left empty.
///
/// A buffer whose capacity is exactly one of kTierSizes is kept for a later
/// Get (whoever allocated it, and whatever its length); any other buffer is
/// freed, as upstream ignores it. Once the pool's bound is reached, buffers
/// are freed too.
[[gnu::always_inline]] inline void Put(Bytes&& b) noexcept {
  const int t = detail::TierForCapacity(b.capacity());
  if (t < 0) {  // not a pool buffer
    Bytes dropped = std::move(b);
    return;
  }
  const auto tier = static_cast<std::size_t>(t);
  detail::ThreadCache* c = detail::tls_cache;
  if (c == nullptr || !c->HotEmpty(tier)) [[unlikely]] {
    c = detail::MakeHotRoom(tier);
    if (c == nullptr) {  // the thread is exiting
      Bytes dropped = std::move(b);
      return;
    }
  }
  c->PutHot(tier, std::move(b));
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
/// touch them; they are released when it exits). Useful after a burst, and in
/// tests.
inline void Trim() noexcept {
  if (detail::ThreadCache* c = detail::tls_cache) {
    for (std::size_t t = 0; t < kTierCount; ++t) {
      while (c->Held(t) != 0) (void)c->PopAny(t);
    }
  }
  detail::Shared& s = detail::SharedState();
  for (std::size_t t = 0; t < kTierCount; ++t) {
    // Take the buffers out under the lock a few at a time, and free them after
    // releasing it.
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
