// Concurrency tests for gost/core/common/bufpool/pool.hpp: several threads at
// every tier, buffers handed from one thread to another, and threads that come
// and go. Each buffer is stamped with a value unique to its current holder
// right after Get and checked right before Put, and a registry of outstanding
// storages catches a buffer handed out twice. Sized to run in well under a
// second normally and a few seconds under TSan.
#include "gost/core/common/bufpool/pool.hpp"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <utility>
#include <vector>

namespace {

namespace bufpool = gost::core::common::bufpool;
using gost::core::Bytes;

// Sizes at and around every tier boundary, plus 0 and beyond the last tier.
const std::vector<int>& Sizes() {
  static const std::vector<int> sizes = [] {
    std::vector<int> v = {0, 1};
    for (std::size_t cap : bufpool::kTierSizes) {
      v.push_back(static_cast<int>(cap) - 1);
      v.push_back(static_cast<int>(cap));
      v.push_back(static_cast<int>(cap) + 1);
    }
    v.push_back(100000);
    return v;
  }();
  return sizes;
}

// Storages currently handed out; inserting one twice means the pool gave the
// same buffer to two holders at once.
class Outstanding {
 public:
  bool Add(const std::byte* p) {
    if (p == nullptr) return true;
    std::lock_guard<std::mutex> lock(mu_);
    return set_.insert(p).second;
  }
  bool Remove(const std::byte* p) {
    if (p == nullptr) return true;
    std::lock_guard<std::mutex> lock(mu_);
    return set_.erase(p) == 1;
  }

 private:
  std::mutex mu_;
  std::set<const std::byte*> set_;
};

// Writes `stamp` at the start, the middle and the end of the buffer (as much
// of it as fits), and checks it is still there.
void Stamp(Bytes& b, std::uint64_t stamp) {
  const std::size_t n = b.size();
  const std::size_t w = n < sizeof stamp ? n : sizeof stamp;
  for (std::size_t at : {std::size_t{0}, (n - w) / 2, n - w}) std::memcpy(b.data() + at, &stamp, w);
}
bool HasStamp(const Bytes& b, std::uint64_t stamp) {
  const std::size_t n = b.size();
  const std::size_t w = n < sizeof stamp ? n : sizeof stamp;
  for (std::size_t at : {std::size_t{0}, (n - w) / 2, n - w}) {
    if (std::memcmp(b.data() + at, &stamp, w) != 0) return false;
  }
  return true;
}

struct Held {
  Bytes buf;
  std::uint64_t stamp = 0;
};

class BufpoolStressTest : public ::testing::Test {
 protected:
  void SetUp() override { bufpool::Trim(); }
  void TearDown() override { bufpool::Trim(); }

  // The end of a run whose threads have all finished: none of them saw an
  // error, the pool holds no more than one thread's worth (the exited
  // threads' caches went to the depot), and Trim empties it.
  static void ExpectCleanEnd(const std::atomic<int>& errors) {
    EXPECT_EQ(errors.load(), 0);
    EXPECT_LE(bufpool::HeldBytes(), bufpool::MaxHeldBytes(1));
    bufpool::Trim();
    EXPECT_EQ(bufpool::HeldBytes(), 0u);
  }
};

TEST_F(BufpoolStressTest, ManyThreadsAtEveryTier) {
  constexpr int kThreads = 4;
  constexpr int kOpsPerThread = 50000;
  constexpr std::size_t kMaxHeldPerThread = 12;
  Outstanding outstanding;
  std::atomic<int> errors{0};
  std::atomic<bool> done{false};

  // Reads HeldBytes while the workers run: it must stay within the bound for
  // the live threads (workers, this one, the monitor).
  std::thread monitor([&] {
    while (!done.load(std::memory_order_acquire)) {
      if (bufpool::HeldBytes() > bufpool::MaxHeldBytes(kThreads + 2)) errors.fetch_add(1);
      std::this_thread::yield();
    }
  });

  std::vector<std::thread> workers;
  workers.reserve(kThreads);
  for (int id = 0; id < kThreads; ++id) {
    workers.emplace_back([&, id] {
      std::mt19937 rng(static_cast<std::uint32_t>(id) * 7919u + 1u);
      const std::vector<int>& sizes = Sizes();
      std::uniform_int_distribution<std::size_t> pick_size(0, sizes.size() - 1);
      std::vector<Held> held;
      std::uint64_t seq = 0;
      auto put_one = [&](std::size_t i) {
        Held h = std::move(held[i]);
        held[i] = std::move(held.back());
        held.pop_back();
        if (!HasStamp(h.buf, h.stamp)) errors.fetch_add(1);
        if (!outstanding.Remove(h.buf.data())) errors.fetch_add(1);
        bufpool::Put(std::move(h.buf));
        if (h.buf.capacity() != 0) errors.fetch_add(1);
      };
      for (int op = 0; op < kOpsPerThread; ++op) {
        const bool get = held.empty() || (held.size() < kMaxHeldPerThread && (rng() & 1u) != 0);
        if (get) {
          const int size = sizes[pick_size(rng)];
          Bytes b = bufpool::Get(size);
          if (b.size() != static_cast<std::size_t>(size) || b.capacity() < b.size()) errors.fetch_add(1);
          if (!outstanding.Add(b.data())) errors.fetch_add(1);
          const std::uint64_t stamp = (static_cast<std::uint64_t>(id + 1) << 48) | ++seq;
          Stamp(b, stamp);
          held.push_back({std::move(b), stamp});
        } else {
          put_one(static_cast<std::size_t>(rng() % held.size()));
        }
        if (op % 4096 == 0 && bufpool::ThreadHeldBytes() > bufpool::kMaxThreadCacheBytes) errors.fetch_add(1);
      }
      while (!held.empty()) put_one(held.size() - 1);
    });
  }
  for (std::thread& t : workers) t.join();
  done.store(true, std::memory_order_release);
  monitor.join();
  ExpectCleanEnd(errors);
}

TEST_F(BufpoolStressTest, BuffersGotOnOneThreadArePutOnAnother) {
  constexpr int kItems = 60000;
  constexpr std::size_t kQueueLimit = 64;
  const std::array<int, 6> sizes = {100, 512, 4000, 32768, 65536, 66000};
  Outstanding outstanding;
  std::atomic<int> errors{0};
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Held> queue;
  bool finished = false;

  std::thread producer([&] {
    for (int i = 0; i < kItems; ++i) {
      Bytes b = bufpool::Get(sizes[static_cast<std::size_t>(i) % sizes.size()]);
      if (!outstanding.Add(b.data())) errors.fetch_add(1);
      const std::uint64_t stamp = (std::uint64_t{1} << 60) | static_cast<std::uint64_t>(i);
      Stamp(b, stamp);
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return queue.size() < kQueueLimit; });
      queue.push_back({std::move(b), stamp});
      cv.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu);
    finished = true;
    cv.notify_all();
  });
  std::thread consumer([&] {
    for (;;) {
      Held h;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return !queue.empty() || finished; });
        if (queue.empty()) return;
        h = std::move(queue.front());
        queue.pop_front();
        cv.notify_all();
      }
      if (!HasStamp(h.buf, h.stamp)) errors.fetch_add(1);
      // Overwrite with the consumer's own stamp: if the producer had the same
      // storage at the same time, one of the two checks would fail.
      const std::uint64_t mine = h.stamp ^ (std::uint64_t{1} << 61);
      Stamp(h.buf, mine);
      if (!HasStamp(h.buf, mine)) errors.fetch_add(1);
      if (!outstanding.Remove(h.buf.data())) errors.fetch_add(1);
      bufpool::Put(std::move(h.buf));
    }
  });
  producer.join();
  consumer.join();
  ExpectCleanEnd(errors);
}

TEST_F(BufpoolStressTest, ThreadsThatComeAndGoLeaveNothingBehind) {
  constexpr int kRounds = 20;
  constexpr int kPerRound = 3;
  std::atomic<int> errors{0};
  for (int round = 0; round < kRounds; ++round) {
    std::vector<std::thread> threads;
    threads.reserve(kPerRound);
    for (int id = 0; id < kPerRound; ++id) {
      threads.emplace_back([&, id] {
        std::vector<Bytes> held;
        for (int i = 0; i < 200; ++i) {
          const auto size =
              static_cast<int>(bufpool::kTierSizes[static_cast<std::size_t>(i + id) % bufpool::kTierCount]);
          held.push_back(bufpool::Get(size));
          if (held.size() == 5) {
            for (Bytes& b : held) bufpool::Put(std::move(b));
            held.clear();
          }
        }
        for (Bytes& b : held) bufpool::Put(std::move(b));
        if (bufpool::ThreadHeldBytes() == 0) errors.fetch_add(1);  // it did cache something
      });
    }
    for (std::thread& t : threads) t.join();
    // The exited threads are unregistered; what they held is in the depot.
    EXPECT_LE(bufpool::HeldBytes(), bufpool::kMaxSharedBytes + bufpool::ThreadHeldBytes());
  }
  EXPECT_EQ(errors.load(), 0);
  bufpool::Trim();
  EXPECT_EQ(bufpool::HeldBytes(), 0u);
}

}  // namespace
