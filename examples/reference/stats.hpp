// gost::x::observer / gost::x::observer::stats: go-gost/x's per-service
// counters (observer/stats), the event a service reports them in, and an
// observer that keeps the latest event of each service for a client to read.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <gost/core/observer/observer.hpp>
#include <gost/core/observer/stats/stats.hpp>

namespace gost::x::observer {

namespace core = gost::core;

namespace stats {

/// Lock-free counters. Add marks the set updated; IsUpdated reports and
/// clears that mark, so a service reports only when something changed. With
/// resetTraffic, reading a byte counter also zeroes it (GOST's
/// `observer.resetTraffic`).
class Stats final : public core::observer::stats::Stats {
 public:
  explicit Stats(bool resetTraffic = false) : reset_traffic_(resetTraffic) {}

  void Add(core::observer::stats::Kind kind, std::int64_t n) override {
    using enum core::observer::stats::Kind;
    const auto u = static_cast<std::uint64_t>(n);  // a negative n wraps, and so subtracts
    switch (kind) {
      case KindTotalConns:
        if (n > 0) total_conns_ += u;
        break;
      case KindCurrentConns:
        current_conns_ += u;
        break;
      case KindInputBytes:
        input_bytes_ += u;
        break;
      case KindOutputBytes:
        output_bytes_ += u;
        break;
      case KindTotalErrs:
        if (n > 0) total_errs_ += u;
        break;
    }
    updated_ = true;
  }

  [[nodiscard]] std::uint64_t Get(core::observer::stats::Kind kind) const override {
    using enum core::observer::stats::Kind;
    switch (kind) {
      case KindTotalConns:
        return total_conns_;
      case KindCurrentConns:
        return current_conns_;
      case KindInputBytes:
        return reset_traffic_ ? input_bytes_.exchange(0) : input_bytes_.load();
      case KindOutputBytes:
        return reset_traffic_ ? output_bytes_.exchange(0) : output_bytes_.load();
      case KindTotalErrs:
        return total_errs_;
    }
    return 0;
  }

  [[nodiscard]] bool IsUpdated() const override { return updated_.exchange(false); }

  void Reset() override {
    updated_ = false;
    total_conns_ = current_conns_ = input_bytes_ = output_bytes_ = total_errs_ = 0;
  }

 private:
  bool reset_traffic_;
  mutable std::atomic<bool> updated_{false};
  std::atomic<std::uint64_t> total_conns_{0}, current_conns_{0}, total_errs_{0};
  mutable std::atomic<std::uint64_t> input_bytes_{0}, output_bytes_{0};
};

/// A snapshot of one service's counters (go-gost/x's StatsEvent).
struct StatsEvent final : core::observer::Event {
  std::string Kind = "service";
  std::string Service;
  std::string Client;
  std::uint64_t TotalConns = 0;
  std::uint64_t CurrentConns = 0;
  std::uint64_t InputBytes = 0;
  std::uint64_t OutputBytes = 0;
  std::uint64_t TotalErrs = 0;

  [[nodiscard]] core::observer::EventType Type() const override { return core::observer::EventStats; }

  /// Takes every counter of `s` for `service`.
  static std::shared_ptr<StatsEvent> Of(const std::string& service, const core::observer::stats::Stats& s) {
    using enum core::observer::stats::Kind;
    auto e = std::make_shared<StatsEvent>();
    e->Service = service;
    e->TotalConns = s.Get(KindTotalConns);
    e->CurrentConns = s.Get(KindCurrentConns);
    e->InputBytes = s.Get(KindInputBytes);
    e->OutputBytes = s.Get(KindOutputBytes);
    e->TotalErrs = s.Get(KindTotalErrs);
    return e;
  }

  /// One JSON object with the field names GOST's observer plugins receive.
  [[nodiscard]] std::string JSON() const {
    auto str = [](const std::string& s) {
      std::string out = "\"";
      for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
      }
      return out + "\"";
    };
    return "{\"kind\":" + str(Kind) + ",\"service\":" + str(Service) + ",\"client\":" + str(Client) +
           ",\"totalConns\":" + std::to_string(TotalConns) + ",\"currentConns\":" + std::to_string(CurrentConns) +
           ",\"inputBytes\":" + std::to_string(InputBytes) + ",\"outputBytes\":" + std::to_string(OutputBytes) +
           ",\"totalErrs\":" + std::to_string(TotalErrs) + "}";
  }
};

}  // namespace stats

/// Keeps the latest stats event of each service (other events are ignored);
/// Snapshot gives them sorted by service name. Thread-safe.
class LatestStats final : public core::observer::Observer {
 public:
  core::Error Observe(const core::context::Context&, const std::vector<core::observer::EventPtr>& events,
                      core::Variadic<core::observer::Option> = {}) override {
    std::lock_guard lock(mu_);
    for (const auto& e : events) {
      if (auto s = std::dynamic_pointer_cast<stats::StatsEvent>(e)) latest_[s->Service] = s;
    }
    return {};
  }

  [[nodiscard]] std::vector<std::shared_ptr<const stats::StatsEvent>> Snapshot() const {
    std::lock_guard lock(mu_);
    std::vector<std::shared_ptr<const stats::StatsEvent>> out;
    for (const auto& [name, e] : latest_) out.push_back(e);
    return out;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<const stats::StatsEvent>> latest_;  // guarded by mu_
};

}  // namespace gost::x::observer
