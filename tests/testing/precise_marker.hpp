// A marker written from the contract alone, for the Marker suite to check
// beside the library's FailMarker (contracts_conformance_test.cpp), and,
// broken on purpose, for the suite to catch (broken_test.cpp). (The
// registry and metadata the suites run against are the reference set's:
// examples/reference.)
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include "gost/core/go/time.hpp"
#include "gost/core/selector/selector.hpp"

namespace gost_test {

namespace core = gost::core;

// A marker that keeps the exact time of the last failure (not whole
// seconds). Built with reset_clears_time, its Reset forgets that time as
// well as the count, which the contract forbids.
class PreciseMarker final : public core::selector::Marker {
 public:
  explicit PreciseMarker(bool reset_clears_time = false) : reset_clears_time_(reset_clears_time) {}
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
    if (reset_clears_time_) time_ = {};
  }

 private:
  const bool reset_clears_time_;
  mutable std::mutex mu_;
  std::int64_t count_ = 0;
  core::Time time_{};
};

}  // namespace gost_test
