// A marker written from the contract alone, for the Marker suite to check
// beside the library's FailMarker. (The registry and metadata the suites
// run against are the reference set's: examples/reference.)
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include "gost/core/go/time.hpp"
#include "gost/core/selector/selector.hpp"

namespace gost_test {

namespace core = gost::core;

// A marker that keeps the exact time of the last failure (not whole seconds).
class PreciseMarker final : public core::selector::Marker {
 public:
  [[nodiscard]] core::Time Time() const override {
    std::lock_guard lock(mu_);
    return time_;
  }
  [[nodiscard]] std::int64_t Count() const override {
    std::lock_guard lock(mu_);
    return count_;
  }
  void Mark() override {
    std::lock_guard lock(mu_);
    ++count_;
    time_ = core::Now();
  }
  void Reset() override {
    std::lock_guard lock(mu_);
    count_ = 0;
  }

 private:
  mutable std::mutex mu_;
  std::int64_t count_ = 0;
  core::Time time_{};
};

}  // namespace gost_test
