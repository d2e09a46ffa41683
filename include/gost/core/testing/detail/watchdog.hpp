// gost-core testing kit: the watchdog the conformance suites run their cases
// under, so that an implementation that blocks forever makes a case fail
// instead of hanging the test program. Not part of the public API.
//
// A Session runs a case's body on a thread of its own, plus any helper
// threads the body starts, and waits for it at most a time limit. When the
// limit passes it records a GoogleTest failure and calls the session's stop
// function (which closes the connections or the listener under test, so
// that pending calls wake). If the threads still have not finished after a
// second period of the same length, nothing in the process can end them:
// the session prints what happened to stderr and ends the process with
// std::_Exit(EXIT_FAILURE). GoogleTest's summary and XML report are lost in
// that case, but the run fails instead of hanging.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gost/core/go/time.hpp"

namespace gost::core::detail::testkit {

/// The name of the running GoogleTest case, "Suite.Name", or "" outside one.
inline std::string CurrentTestName() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  if (info == nullptr) return {};
  return std::string(info->test_suite_name()) + "." + info->name();
}

/// Milliseconds, for messages.
inline long long Millis(Duration d) noexcept {
  return static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}

// Coverage: the code that ends the process through Abandon is marked out of
// the gcovr report (GCOVR_EXCL_*). std::_Exit skips the exit handlers that
// write gcov's counters, so no run can ever show it as executed;
// tests/unit/testing/watchdog_test.cpp checks each of these paths with a
// death test instead.

/// Ends the process after a watchdog gave up on a thread that cannot be
/// joined. Prints `what` first.
// GCOVR_EXCL_START
[[noreturn]] inline void Abandon(const std::string& what) {
  std::fflush(stdout);
  std::fprintf(stderr,
               "\n[gost-core watchdog] %s\n[gost-core watchdog] a blocked thread cannot be ended; "
               "stopping the test program with a failure status\n",
               what.c_str());
  std::fflush(stderr);
  std::_Exit(EXIT_FAILURE);
}
// GCOVR_EXCL_STOP

/// A thread running one function, whose end can be awaited with a limit.
/// An exception escaping the function is reported as a test failure.
class Task {
 public:
  explicit Task(std::function<void()> f) : state_(std::make_shared<State>()) {
    thread_ = std::thread([s = state_, f = std::move(f)] {
      try {
        f();
      } catch (const std::exception& e) {
        ADD_FAILURE() << "exception thrown: " << e.what();
      } catch (...) {
        ADD_FAILURE() << "unknown exception thrown";
      }
      std::lock_guard lock(s->mu);
      s->done = true;
      s->cv.notify_all();
    });
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  /// Precondition: Join() was called (a running thread cannot be destroyed).
  ~Task() {
    if (thread_.joinable()) Abandon("a watched thread was destroyed while still running");
  }

  /// Waits at most `limit` for the function to return; true if it did.
  bool WaitFor(Duration limit) {
    std::unique_lock lock(state_->mu);
    return state_->cv.wait_for(lock, limit, [&] { return state_->done; });
  }
  /// Waits for the function to return, without a limit (the session's
  /// watchdog bounds the whole case).
  void Wait() {
    std::unique_lock lock(state_->mu);
    state_->cv.wait(lock, [&] { return state_->done; });
  }
  /// True once the function has returned.
  [[nodiscard]] bool Done() {
    std::lock_guard lock(state_->mu);
    return state_->done;
  }
  /// Joins the thread. Precondition: Done().
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  struct State {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
  };
  std::shared_ptr<State> state_;
  std::thread thread_;
};

using TaskPtr = std::shared_ptr<Task>;

/// Runs one conformance case under the watchdog (see the top of this file).
class Session {
 public:
  /// `what` names the case in messages; `limit` bounds the body and, again,
  /// the clean-up; `stop` makes blocked calls return (close what is under
  /// test) and may be empty. `stop` runs at most once, on the thread that
  /// calls Run.
  Session(std::string what, Duration limit, std::function<void()> stop)
      : what_(std::move(what)), limit_(limit), stop_(std::move(stop)) {}
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() = default;

  /// Starts a helper thread (Go's `go f()`); any thread may call it while
  /// the body runs. The session joins every helper before Run returns, after
  /// calling stop, so helpers may loop until the connection fails.
  TaskPtr Go(std::function<void()> f) {
    auto task = std::make_shared<Task>(std::move(f));
    std::lock_guard lock(mu_);
    helpers_.push_back(task);
    return task;
  }

  /// Runs `body` on its own thread under the watchdog, then calls stop and
  /// joins the helpers (also under the watchdog).
  void Run(std::function<void()> body) {
    Task main(std::move(body));
    if (!main.WaitFor(limit_)) {
      ADD_FAILURE() << what_ << " did not finish within " << Millis(limit_)
                    << " ms; stopping it (closing what is under test)";
      Stop();
      if (!main.WaitFor(limit_)) {
        // GCOVR_EXCL_START
        Abandon(what_ + ": still blocked " + std::to_string(Millis(limit_)) + " ms after the watchdog closed " +
                "what is under test");
        // GCOVR_EXCL_STOP
      }
    }
    main.Join();
    Stop();
    for (;;) {
      std::vector<TaskPtr> helpers;
      {
        std::lock_guard lock(mu_);
        helpers.swap(helpers_);
      }
      if (helpers.empty()) break;
      for (auto& h : helpers) {
        if (!h->WaitFor(limit_)) {
          // GCOVR_EXCL_START
          ADD_FAILURE() << what_ << ": a helper thread is still blocked " << Millis(limit_)
                        << " ms after the case was stopped";
          Abandon(what_ + ": a helper thread did not return after the connections were closed");
          // GCOVR_EXCL_STOP
        }
        h->Join();
      }
    }
  }

 private:
  void Stop() {
    if (stopped_) return;
    stopped_ = true;
    if (stop_) stop_();
  }

  std::string what_;
  Duration limit_;
  std::function<void()> stop_;
  bool stopped_ = false;  // used by the thread that calls Run only
  std::mutex mu_;
  std::vector<TaskPtr> helpers_;  // guarded by mu_
};

}  // namespace gost::core::detail::testkit
