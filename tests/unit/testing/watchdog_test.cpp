// Unit tests for gost/core/testing/detail/watchdog.hpp, the watchdog the
// conformance suites run their cases under: Task (a thread whose end can be
// awaited with a limit, and which turns an escaping exception into a test
// failure), Session (the time limit, the stop function, the helpers) and the
// paths that give up and end the process (checked as death tests).
#include "gost/core/testing/detail/watchdog.hpp"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <stdexcept>
#include <thread>

namespace {

namespace testkit = gost::core::detail::testkit;
using namespace std::chrono_literals;

// Blocks the calling thread for good (the death tests' stuck threads).
[[noreturn]] void BlockForever() {
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

TEST(WatchdogTest, CurrentTestNameIsSuiteDotName) {
  EXPECT_EQ(testkit::CurrentTestName(), "WatchdogTest.CurrentTestNameIsSuiteDotName");
}

TEST(WatchdogTest, MillisTruncatesToWholeMilliseconds) {
  EXPECT_EQ(testkit::Millis(1500us), 1);
  EXPECT_EQ(testkit::Millis(2s), 2000);
  EXPECT_EQ(testkit::Millis(0ns), 0);
}

TEST(WatchdogTest, TaskDoneAndWaitForFollowTheFunction) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  testkit::Task task([released] { released.wait(); });
  EXPECT_FALSE(task.Done());
  EXPECT_FALSE(task.WaitFor(20ms));
  EXPECT_FALSE(task.Done());
  release.set_value();
  EXPECT_TRUE(task.WaitFor(30s));
  EXPECT_TRUE(task.Done());
  task.Join();
  task.Join();  // a second Join is harmless
}

TEST(WatchdogTest, TaskReportsAStdExceptionAsAFailure) {
  EXPECT_NONFATAL_FAILURE_ON_ALL_THREADS(
      {
        testkit::Task task([] { throw std::runtime_error("boom from the task"); });
        task.Wait();
        task.Join();
      },
      "exception thrown: boom from the task");
}

TEST(WatchdogTest, TaskReportsAnyOtherExceptionAsAFailure) {
  EXPECT_NONFATAL_FAILURE_ON_ALL_THREADS(
      {
        testkit::Task task([] { throw 42; });
        task.Wait();
        task.Join();
      },
      "unknown exception thrown");
}

// Runs a case whose body waits for the stop function, under a 20 ms limit;
// returns how many times stop ran. (A function, not a macro argument: the
// commas would split it.)
int RunBodyThatWaitsForStop() {
  std::promise<void> stop_signal;
  std::shared_future<void> stopped = stop_signal.get_future().share();
  int stops = 0;
  testkit::Session session("slow case", 20ms, [&] {
    ++stops;
    stop_signal.set_value();
  });
  session.Run([stopped] { stopped.wait(); });
  return stops;
}

// Read by the EXPECT_NONFATAL_FAILURE statement below, which cannot use
// local variables.
int g_stops = -1;

TEST(WatchdogTest, RunStopsABodyThatOverrunsItsLimitOnceAndReportsIt) {
  g_stops = -1;
  EXPECT_NONFATAL_FAILURE_ON_ALL_THREADS(g_stops = RunBodyThatWaitsForStop(), "slow case did not finish within 20 ms");
  EXPECT_EQ(g_stops, 1);
}

TEST(WatchdogTest, RunCallsStopOnceAndJoinsEveryHelperBeforeReturning) {
  std::atomic<int> stops{0};
  std::atomic<int> helpers_done{0};
  std::atomic<bool> stopped{false};
  testkit::Session session("helpers case", 30s, [&] {
    ++stops;
    stopped = true;
  });
  session.Run([&] {
    // A helper that runs until stop, and one that starts a helper of its own.
    session.Go([&] {
      while (!stopped) std::this_thread::sleep_for(1ms);
      ++helpers_done;
    });
    session.Go([&] {
      session.Go([&] { ++helpers_done; });
      ++helpers_done;
    });
  });
  EXPECT_EQ(stops.load(), 1);
  EXPECT_EQ(helpers_done.load(), 3);
}

TEST(WatchdogTest, RunWithoutAStopFunctionWorks) {
  std::atomic<bool> ran{false};
  testkit::Session session("no stop", 30s, nullptr);
  session.Run([&] { ran = true; });
  EXPECT_TRUE(ran.load());
}

// The give-up paths end the process with std::_Exit(EXIT_FAILURE); each runs
// in a child process of its own.
class WatchdogDeathTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(WatchdogDeathTest, AbandonPrintsWhyAndExitsWithAFailureStatus) {
  EXPECT_EXIT(testkit::Abandon("the reason given"), ::testing::ExitedWithCode(EXIT_FAILURE),
              "\\[gost-core watchdog\\] the reason given");
  EXPECT_EXIT(testkit::Abandon("x"), ::testing::ExitedWithCode(EXIT_FAILURE), "a blocked thread cannot be ended");
}

void RunStuckBody() {
  testkit::Session session("stuck case", 20ms, [] {});
  session.Run([] { BlockForever(); });
}

void RunStuckHelper() {
  testkit::Session session("stuck helper", 20ms, [] {});
  session.Run([&session] { session.Go([] { BlockForever(); }); });
}

TEST_F(WatchdogDeathTest, RunGivesUpOnABodyThatIgnoresStop) {
  EXPECT_EXIT(RunStuckBody(), ::testing::ExitedWithCode(EXIT_FAILURE),
              "stuck case: still blocked 20 ms after the watchdog closed");
}

TEST_F(WatchdogDeathTest, RunGivesUpOnAHelperThatIgnoresStop) {
  EXPECT_EXIT(RunStuckHelper(), ::testing::ExitedWithCode(EXIT_FAILURE),
              "stuck helper: a helper thread did not return");
}

TEST_F(WatchdogDeathTest, DestroyingARunningTaskEndsTheProcess) {
  EXPECT_EXIT({ testkit::Task task([] { BlockForever(); }); }, ::testing::ExitedWithCode(EXIT_FAILURE),
              "a watched thread was destroyed while still running");
}

}  // namespace
