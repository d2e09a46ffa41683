// gost-core: CondVar, the condition variable behind the context's waits.
//
// Internal. It offers the part of std::condition_variable that the context
// needs (wait, wait_until a wall-clock time, notify_all) for a lock on a
// std::mutex. Where POSIX threads are available it is a pthread_cond_t used
// with the std::mutex's native handle, which is what libstdc++ and libc++
// build std::condition_variable on. The reason is compile time: the standard
// header <condition_variable> brings <stop_token>, <semaphore> and the atomic
// timed-wait machinery, about an eighth of what <gost/core.hpp> costs to
// compile in every file that includes it (docs/performance.md), while
// <pthread.h> is already included by <mutex> there.
//
// Elsewhere, or when GOST_CORE_USE_STD_CONDITION_VARIABLE is defined, CondVar
// is std::condition_variable itself. Define that macro for the whole program
// (a compile definition), never in some files only: the context's internal
// structures would differ between them. The tests build both versions.
#pragma once

#include <chrono>
#include <mutex>

#if !defined(GOST_CORE_USE_STD_CONDITION_VARIABLE) && !__has_include(<pthread.h>)
#define GOST_CORE_USE_STD_CONDITION_VARIABLE 1
#endif

#if defined(GOST_CORE_USE_STD_CONDITION_VARIABLE)
#include <condition_variable>
#else
#include <pthread.h>
#include <time.h>  // NOLINT(modernize-deprecated-headers): timespec, as pthread_cond_timedwait takes it

#include <type_traits>
#endif

namespace gost::core::detail {

#if defined(GOST_CORE_USE_STD_CONDITION_VARIABLE)

using CondVar = std::condition_variable;

#else

static_assert(std::is_same_v<std::mutex::native_handle_type, pthread_mutex_t*>,
              "std::mutex is not built on pthread_mutex_t here: define GOST_CORE_USE_STD_CONDITION_VARIABLE");

/// A condition variable for std::unique_lock<std::mutex>, as
/// std::condition_variable (the members the library uses). Waits may wake
/// spuriously: callers loop on their condition, as with the standard one.
class CondVar {
 public:
  CondVar() noexcept = default;
  CondVar(const CondVar&) = delete;
  CondVar& operator=(const CondVar&) = delete;
  ~CondVar() { pthread_cond_destroy(&cond_); }

  /// Wakes every waiting thread.
  void notify_all() noexcept { pthread_cond_broadcast(&cond_); }

  /// Releases `lock`, waits for a notification and takes `lock` again.
  /// Precondition: `lock` owns its mutex.
  void wait(std::unique_lock<std::mutex>& lock) noexcept {
    pthread_cond_wait(&cond_, lock.mutex()->native_handle());
  }

  /// As wait, and also returns once the system clock reads `until` (the
  /// default pthread condition measures time on CLOCK_REALTIME, the clock of
  /// std::chrono::system_clock). The caller checks the time to tell which.
  void wait_until(std::unique_lock<std::mutex>& lock,
                  std::chrono::system_clock::time_point until) noexcept {
    // Whole seconds, then the nanoseconds left: no intermediate count can
    // overflow, whatever the clock's period.
    const auto since = until.time_since_epoch();
    timespec ts{};
    if (since.count() > 0) {  // an instant before 1970 has passed: leave ts at 0
      const auto secs = std::chrono::duration_cast<std::chrono::seconds>(since);
      ts.tv_sec = static_cast<time_t>(secs.count());
      ts.tv_nsec = static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(since - secs).count());
    }
    pthread_cond_timedwait(&cond_, lock.mutex()->native_handle(), &ts);
  }

 private:
  pthread_cond_t cond_ = PTHREAD_COND_INITIALIZER;
};

#endif

}  // namespace gost::core::detail
