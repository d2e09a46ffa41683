// Unit tests for gost/core/detail/condvar.hpp, the condition variable behind
// the context's waits. CMake builds this file twice: as is (the pthread
// version, on POSIX) and with GOST_CORE_USE_STD_CONDITION_VARIABLE (the
// standard one), so both keep the same contract.
#include "gost/core/detail/condvar.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

using gost::core::detail::CondVar;
using Clock = std::chrono::system_clock;
using std::chrono::milliseconds;

TEST(CondVarTest, IsTheVersionThisBuildAskedFor) {
#if defined(GOST_CORE_USE_STD_CONDITION_VARIABLE)
  EXPECT_TRUE((std::is_same_v<CondVar, std::condition_variable>));
#else
  EXPECT_FALSE((std::is_same_v<CondVar, std::condition_variable>));
#endif
}

TEST(CondVarTest, NotifyAllWakesEveryWaiter) {
  std::mutex mu;
  CondVar cv;
  bool go = false;
  int woken = 0;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 4; ++i) {
    waiters.emplace_back([&] {
      std::unique_lock lock(mu);
      while (!go) cv.wait(lock);
      ++woken;
    });
  }
  {
    const std::lock_guard lock(mu);
    go = true;
  }
  cv.notify_all();
  for (auto& t : waiters) t.join();
  EXPECT_EQ(woken, 4);
}

TEST(CondVarTest, WaitUntilReturnsAtTheTimeGiven) {
  std::mutex mu;
  CondVar cv;
  std::unique_lock lock(mu);
  const auto until = Clock::now() + milliseconds(30);
  while (Clock::now() < until) cv.wait_until(lock, until);
  EXPECT_GE(Clock::now(), until);
  EXPECT_TRUE(lock.owns_lock());
}

TEST(CondVarTest, WaitUntilAPastTimeReturnsAtOnce) {
  std::mutex mu;
  CondVar cv;
  std::unique_lock lock(mu);
  const auto start = std::chrono::steady_clock::now();
  cv.wait_until(lock, Clock::now() - milliseconds(10));
  cv.wait_until(lock, Clock::time_point{});                            // the epoch
  cv.wait_until(lock, Clock::time_point{} - std::chrono::hours(24));   // before it
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(lock.owns_lock());
}

TEST(CondVarTest, WaitUntilFarFutureIsWokenByNotify) {
  std::mutex mu;
  CondVar cv;
  std::atomic<bool> waiting{false};
  bool done = false;
  std::thread waiter([&] {
    std::unique_lock lock(mu);
    waiting = true;
    // Far enough that converting it must not overflow, near enough to be a
    // valid time point on every clock period.
    const auto far = Clock::now() + std::chrono::hours(24 * 365 * 200);
    while (!done) cv.wait_until(lock, far);
  });
  while (!waiting) std::this_thread::yield();
  {
    const std::lock_guard lock(mu);
    done = true;
  }
  cv.notify_all();
  waiter.join();
  EXPECT_TRUE(done);
}

}  // namespace
