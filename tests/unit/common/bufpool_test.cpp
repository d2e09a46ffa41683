// Tests for gost/core/common/bufpool/pool.hpp: tier selection, reuse, the
// memory bound, bad input, and the thread-exit paths.
//
// Every test starts from an empty pool (Trim() in SetUp) and the tests that
// spawn threads join them before returning, so HeldBytes() is exact here: no
// other thread uses the pool while a test body checks it.
#include "gost/core/common/bufpool/pool.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <climits>
#include <condition_variable>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace {

namespace bufpool = gost::core::common::bufpool;
using gost::core::Bytes;

// A Put from a static destructor runs after the main thread's cache is gone;
// it must fall back to freeing (LSan/ASan would report a leak or a bad access
// at exit otherwise).
struct PutAtExit {
  Bytes held = bufpool::Get(1000);
  PutAtExit() = default;
  PutAtExit(const PutAtExit&) = delete;
  PutAtExit& operator=(const PutAtExit&) = delete;
  ~PutAtExit() {
    bufpool::Put(std::move(held));
    Bytes late = bufpool::Get(100);
    bufpool::Put(std::move(late));
  }
};
PutAtExit g_put_at_exit;

class BufpoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bufpool::Trim();
    ASSERT_EQ(bufpool::HeldBytes(), 0u);
  }
  void TearDown() override { bufpool::Trim(); }
};

struct TierCase {
  int size;
  std::size_t capacity;
};

TEST_F(BufpoolTest, GetPicksTheSmallestTierThatFits) {
  const std::array<TierCase, 27> cases = {{
      {0, 128},       {1, 128},         {127, 128},         {128, 128},     {129, 512},     {256, 512},
      {257, 512},     {512, 512},       {513, 1024},        {1024, 1024},   {1025, 2048},   {2048, 2048},
      {2049, 4096},   {4096, 4096},     {4097, 8192},       {8192, 8192},   {8193, 16384},  {16384, 16384},
      {16385, 32768}, {32768, 32768},   {32769, 65536},     {65536, 65536}, {65537, 66560}, {66560, 66560},
      {66561, 66561}, {100000, 100000}, {1 << 20, 1 << 20},
  }};
  for (const TierCase& c : cases) {
    SCOPED_TRACE(c.size);
    Bytes b = bufpool::Get(c.size);
    EXPECT_EQ(b.size(), static_cast<std::size_t>(c.size));
    EXPECT_EQ(b.capacity(), c.capacity);
    EXPECT_EQ(b.empty(), c.size == 0);
    EXPECT_NE(b.data(), nullptr);
    if (c.size > 0) {
      // The whole length is writable (ASan checks the bounds).
      std::memset(b.data(), 0xab, b.size());
      EXPECT_EQ(b[b.size() - 1], std::byte{0xab});
    }
  }
}

TEST_F(BufpoolTest, TierHelpersAgreeWithALinearSearchForEverySize) {
  for (std::size_t n = 0; n <= bufpool::kMaxTierSize + 2; ++n) {
    int expected = -1;
    for (std::size_t i = 0; i < bufpool::kTierCount; ++i) {
      if (n <= bufpool::kTierSizes[i]) {
        expected = static_cast<int>(i);
        break;
      }
    }
    ASSERT_EQ(bufpool::detail::TierForSize(n), expected) << n;
    int exact = -1;
    for (std::size_t i = 0; i < bufpool::kTierCount; ++i) {
      if (n == bufpool::kTierSizes[i]) exact = static_cast<int>(i);
    }
    ASSERT_EQ(bufpool::detail::TierForCapacity(n), exact) << n;
  }
}

TEST_F(BufpoolTest, NegativeSizeThrows) {
  EXPECT_THROW((void)bufpool::Get(-1), std::invalid_argument);
  EXPECT_THROW((void)bufpool::Get(INT_MIN), std::invalid_argument);
  try {
    (void)bufpool::Get(-7);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("negative size -7"));
  }
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
}

TEST_F(BufpoolTest, PutOfAForeignCapacityIsIgnored) {
  std::array<Bytes, 6> buffers = {
      Bytes(100),                        // capacity 100
      Bytes::Uninitialized(10, 256),     // 256 is not a tier
      Bytes::Uninitialized(0, 127),      // just under a tier
      Bytes::Uninitialized(4097, 4097),  // just over a tier
      Bytes(std::size_t{1} << 20),       // above every tier
      Bytes(),                           // no storage at all
  };
  for (Bytes& b : buffers) {
    SCOPED_TRACE(b.capacity());
    bufpool::Put(std::move(b));
    EXPECT_EQ(b.capacity(), 0u);  // NOLINT(bugprone-use-after-move): Put leaves it empty
    EXPECT_EQ(b.data(), nullptr);
    EXPECT_EQ(bufpool::HeldBytes(), 0u);
  }
  // The big buffers Get makes above the last tier are not kept either.
  bufpool::Put(bufpool::Get(bufpool::kMaxTierSize + 1));
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
}

TEST_F(BufpoolTest, PutKeepsATierBufferAndGetReusesIt) {
  for (std::size_t tier = 0; tier < bufpool::kTierCount; ++tier) {
    const std::size_t cap = bufpool::kTierSizes[tier];
    SCOPED_TRACE(cap);
    Bytes b = bufpool::Get(static_cast<int>(cap));
    const std::byte* storage = b.data();
    b[0] = std::byte{0x5a};
    b[cap - 1] = std::byte{0xa5};

    bufpool::Put(std::move(b));
    EXPECT_EQ(b.data(), nullptr);  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(bufpool::HeldBytes(), cap);
    EXPECT_EQ(bufpool::ThreadHeldBytes(), cap);

    // Any size of the same tier gets the same storage back, contents kept.
    const int smaller = static_cast<int>(tier == 0 ? 1 : bufpool::kTierSizes[tier - 1] + 1);
    Bytes again = bufpool::Get(smaller);
    EXPECT_EQ(again.data(), storage);
    EXPECT_EQ(again.size(), static_cast<std::size_t>(smaller));
    EXPECT_EQ(again.capacity(), cap);
    EXPECT_EQ(again[0], std::byte{0x5a});
    EXPECT_EQ(bufpool::HeldBytes(), 0u);

    // The length grows back within the capacity without moving the storage.
    again.resize(cap);
    EXPECT_EQ(again.data(), storage);
    EXPECT_EQ(again[cap - 1], std::byte{0xa5});
    bufpool::Put(std::move(again));
    EXPECT_EQ(bufpool::HeldBytes(), cap);
    Bytes full = bufpool::Get(static_cast<int>(cap));
    EXPECT_EQ(full.data(), storage);
    EXPECT_EQ(full.size(), cap);
  }
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
}

// Puts `b` into the (empty) pool, which then holds `held` bytes, and
// expects Get(size) to hand the same storage back.
void ExpectPooledAndReused(Bytes b, std::size_t held, int size) {
  const std::byte* storage = b.data();
  bufpool::Put(std::move(b));
  EXPECT_EQ(bufpool::HeldBytes(), held);
  Bytes got = bufpool::Get(size);
  EXPECT_EQ(got.data(), storage);
  EXPECT_EQ(got.size(), static_cast<std::size_t>(size));
}

TEST_F(BufpoolTest, PutAcceptsATierBufferAllocatedElsewhere) {
  ExpectPooledAndReused(Bytes(std::size_t{4096}), 4096u, 3000);
}

TEST_F(BufpoolTest, AnEmptyBufferOfATierIsPooledToo) {
  // Get(0) has capacity 128: it goes back to the pool like any other.
  ExpectPooledAndReused(bufpool::Get(0), 128u, 128);
}

TEST_F(BufpoolTest, ReuseIsLastInFirstOut) {
  Bytes a = bufpool::Get(2048);
  Bytes b = bufpool::Get(2048);
  const std::byte* pa = a.data();
  const std::byte* pb = b.data();
  ASSERT_NE(pa, pb);
  bufpool::Put(std::move(a));
  bufpool::Put(std::move(b));
  EXPECT_EQ(bufpool::HeldBytes(), 4096u);
  EXPECT_EQ(bufpool::Get(2048).data(), pb);
  EXPECT_EQ(bufpool::Get(2048).data(), pa);
}

TEST_F(BufpoolTest, TheBoundsAddUp) {
  std::size_t thread_bytes = 0;
  std::size_t shared_bytes = 0;
  for (std::size_t t = 0; t < bufpool::kTierCount; ++t) {
    EXPECT_GE(bufpool::kThreadSlots[t], 1u);
    EXPECT_LE(bufpool::kThreadSlots[t], bufpool::kSharedSlots[t]);
    thread_bytes += bufpool::kThreadSlots[t] * bufpool::kTierSizes[t];
    shared_bytes += bufpool::kSharedSlots[t] * bufpool::kTierSizes[t];
  }
  EXPECT_EQ(bufpool::kMaxThreadCacheBytes, thread_bytes);
  EXPECT_EQ(bufpool::kMaxSharedBytes, shared_bytes);
  EXPECT_EQ(bufpool::MaxHeldBytes(0), shared_bytes);
  EXPECT_EQ(bufpool::MaxHeldBytes(3), shared_bytes + 3 * thread_bytes);
}

// The table helpers size the pool's storage; for the pool's own tables they
// run at compile time only, so here they also run on other tables.
TEST_F(BufpoolTest, TableHelpersSumAndLayOutAnyTable) {
  using Table = std::array<std::size_t, bufpool::kTierCount>;
  Table ascending{};
  for (std::size_t i = 0; i < ascending.size(); ++i) ascending[i] = i + 1;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < ascending.size(); ++i) bytes += (i + 1) * bufpool::kTierSizes[i];
  EXPECT_EQ(bufpool::detail::SumSlots(ascending), 55u);
  EXPECT_EQ(bufpool::detail::SumBytes(ascending), bytes);
  const Table offsets = bufpool::detail::Offsets(ascending);
  const Table expected_offsets = {0, 1, 3, 6, 10, 15, 21, 28, 36, 45};
  EXPECT_EQ(offsets, expected_offsets);

  Table one_tier{};
  one_tier[7] = 3;
  EXPECT_EQ(bufpool::detail::SumSlots(one_tier), 3u);
  EXPECT_EQ(bufpool::detail::SumBytes(one_tier), 3 * bufpool::kTierSizes[7]);
  const Table one_tier_offsets = bufpool::detail::Offsets(one_tier);
  for (std::size_t i = 0; i < one_tier_offsets.size(); ++i) EXPECT_EQ(one_tier_offsets[i], i <= 7 ? 0u : 3u) << i;

  const Table empty{};
  EXPECT_EQ(bufpool::detail::SumSlots(empty), 0u);
  EXPECT_EQ(bufpool::detail::SumBytes(empty), 0u);
  EXPECT_EQ(bufpool::detail::Offsets(empty), empty);

  // Run-time results for the pool's own tables match the compile-time ones.
  Table thread_slots = bufpool::kThreadSlots;
  EXPECT_EQ(bufpool::detail::SumBytes(thread_slots), bufpool::kMaxThreadCacheBytes);
  Table shared_slots = bufpool::kSharedSlots;
  EXPECT_EQ(bufpool::detail::SumBytes(shared_slots), bufpool::kMaxSharedBytes);
  EXPECT_EQ(bufpool::detail::Offsets(shared_slots), bufpool::detail::kSharedOffsets);
}

TEST_F(BufpoolTest, PuttingMoreThanTheCapKeepsExactlyTheCap) {
  for (std::size_t tier = 0; tier < bufpool::kTierCount; ++tier) {
    const std::size_t cap = bufpool::kTierSizes[tier];
    const std::size_t limit = bufpool::kThreadSlots[tier] + bufpool::kSharedSlots[tier];
    SCOPED_TRACE(cap);
    std::vector<Bytes> out;
    out.reserve(limit + 20);
    for (std::size_t i = 0; i < limit + 20; ++i) out.push_back(bufpool::Get(static_cast<int>(cap)));
    std::vector<const std::byte*> given;
    given.reserve(out.size());
    for (const Bytes& b : out) given.push_back(b.data());
    std::sort(given.begin(), given.end());
    for (Bytes& b : out) {
      bufpool::Put(std::move(b));
      ASSERT_LE(bufpool::HeldBytes(), limit * cap);
      ASSERT_LE(bufpool::ThreadHeldBytes(), bufpool::kThreadSlots[tier] * cap);
    }
    // The thread's cache and the depot are both full; the extra 20 were freed.
    EXPECT_EQ(bufpool::HeldBytes(), limit * cap);
    EXPECT_EQ(bufpool::ThreadHeldBytes(), bufpool::kThreadSlots[tier] * cap);

    // Everything held can be got back without allocating: the storages come
    // back from the pool (distinct ones, none handed out twice).
    std::vector<Bytes> back;
    back.reserve(limit);
    for (std::size_t i = 0; i < limit; ++i) back.push_back(bufpool::Get(static_cast<int>(cap)));
    EXPECT_EQ(bufpool::HeldBytes(), 0u);
    std::vector<const std::byte*> ptrs;
    ptrs.reserve(back.size());
    for (const Bytes& b : back) ptrs.push_back(b.data());
    std::sort(ptrs.begin(), ptrs.end());
    EXPECT_EQ(std::adjacent_find(ptrs.begin(), ptrs.end()), ptrs.end());
    EXPECT_TRUE(std::includes(given.begin(), given.end(), ptrs.begin(), ptrs.end()));
    bufpool::Trim();
  }
}

TEST_F(BufpoolTest, EveryTierFullStaysWithinTheDocumentedBound) {
  for (std::size_t tier = 0; tier < bufpool::kTierCount; ++tier) {
    const auto cap = static_cast<int>(bufpool::kTierSizes[tier]);
    std::vector<Bytes> out;
    out.reserve(bufpool::kThreadSlots[tier] + bufpool::kSharedSlots[tier] + 4);
    for (std::size_t i = 0; i < bufpool::kThreadSlots[tier] + bufpool::kSharedSlots[tier] + 4; ++i) {
      out.push_back(bufpool::Get(cap));
    }
    for (Bytes& b : out) bufpool::Put(std::move(b));
  }
  EXPECT_EQ(bufpool::ThreadHeldBytes(), bufpool::kMaxThreadCacheBytes);
  EXPECT_EQ(bufpool::HeldBytes(), bufpool::MaxHeldBytes(1));
  bufpool::Trim();
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
  EXPECT_EQ(bufpool::ThreadHeldBytes(), 0u);
}

TEST_F(BufpoolTest, TrimReleasesTheThreadCacheAndTheDepot) {
  std::vector<Bytes> out;
  out.reserve(40);
  for (int i = 0; i < 40; ++i) out.push_back(bufpool::Get(512));
  for (Bytes& b : out) bufpool::Put(std::move(b));
  EXPECT_EQ(bufpool::HeldBytes(), 40u * 512u);
  EXPECT_LT(bufpool::ThreadHeldBytes(), bufpool::HeldBytes());  // part went to the depot
  bufpool::Trim();
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
  // Still usable afterwards.
  Bytes b = bufpool::Get(512);
  const std::byte* storage = b.data();
  bufpool::Put(std::move(b));
  EXPECT_EQ(bufpool::Get(512).data(), storage);
}

TEST_F(BufpoolTest, ABufferPutOnAnotherThreadIsReusedAfterThatThreadExits) {
  Bytes b = bufpool::Get(32768);
  const std::byte* storage = b.data();
  std::thread([&b] {
    bufpool::Put(std::move(b));
    EXPECT_EQ(bufpool::ThreadHeldBytes(), 32768u);
  }).join();
  // The exiting thread handed its cache to the depot.
  EXPECT_EQ(bufpool::HeldBytes(), 32768u);
  EXPECT_EQ(bufpool::ThreadHeldBytes(), 0u);
  Bytes again = bufpool::Get(30000);
  EXPECT_EQ(again.data(), storage);
  EXPECT_EQ(again.size(), 30000u);
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
}

TEST_F(BufpoolTest, ALiveThreadsCacheIsCountedAndReleasedWhenItExits) {
  std::mutex mu;
  std::condition_variable cv;
  bool filled = false;
  bool may_exit = false;
  std::thread worker([&] {
    std::vector<Bytes> out;
    out.reserve(3);
    for (int i = 0; i < 3; ++i) out.push_back(bufpool::Get(8192));
    for (Bytes& b : out) bufpool::Put(std::move(b));
    std::unique_lock<std::mutex> lock(mu);
    filled = true;
    cv.notify_all();
    cv.wait(lock, [&] { return may_exit; });
  });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return filled; });
    // The worker's cache is counted while it lives; Trim here cannot touch it.
    EXPECT_EQ(bufpool::HeldBytes(), 3u * 8192u);
    bufpool::Trim();
    EXPECT_EQ(bufpool::HeldBytes(), 3u * 8192u);
    may_exit = true;
    cv.notify_all();
  }
  worker.join();
  // Its buffers moved to the depot when it exited, and Trim can free them now.
  EXPECT_EQ(bufpool::HeldBytes(), 3u * 8192u);
  bufpool::Trim();
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
}

TEST_F(BufpoolTest, ExitingThreadFreesWhatTheFullDepotCannotTake) {
  // Fill the depot's 65536 tier, then let a thread exit with one more.
  const std::size_t limit = bufpool::kThreadSlots[8] + bufpool::kSharedSlots[8];
  std::vector<Bytes> out;
  out.reserve(limit);
  for (std::size_t i = 0; i < limit; ++i) out.push_back(bufpool::Get(65536));
  for (Bytes& b : out) bufpool::Put(std::move(b));
  ASSERT_EQ(bufpool::HeldBytes(), limit * 65536u);
  // The thread brings its own buffer (a Get would take one from the depot).
  std::thread([] { bufpool::Put(Bytes(std::size_t{65536})); }).join();
  EXPECT_EQ(bufpool::HeldBytes(), limit * 65536u);
}

// A thread_local object built before the thread first uses the pool is
// destroyed after the pool's per-thread cache: its destructor's Get and Put
// must still work (allocate and free).
struct LateUser {
  Bytes* sink = nullptr;
  const std::byte** seen = nullptr;
  LateUser() = default;
  LateUser(const LateUser&) = delete;
  LateUser& operator=(const LateUser&) = delete;
  LateUser(LateUser&&) = delete;
  LateUser& operator=(LateUser&&) = delete;
  ~LateUser() {
    Bytes b = bufpool::Get(512);
    *seen = b.data();
    b[0] = std::byte{1};
    bufpool::Put(std::move(b));
    bufpool::Put(std::move(*sink));
  }
};

TEST_F(BufpoolTest, GetAndPutFromALateThreadLocalDestructorFallBackToTheAllocator) {
  Bytes handed = bufpool::Get(1024);  // Put by the late destructor
  const std::byte* seen = nullptr;
  std::thread([&] {
    thread_local LateUser late;  // constructed first, so destroyed last
    late.sink = &handed;
    late.seen = &seen;
    bufpool::Put(bufpool::Get(128));  // now the thread's cache exists, holding 128 bytes
  }).join();
  EXPECT_NE(seen, nullptr);
  EXPECT_EQ(handed.data(), nullptr);
  // Only the 128 bytes the cache held at exit reached the depot; the late
  // Puts were freed.
  EXPECT_EQ(bufpool::HeldBytes(), 128u);
}

}  // namespace
