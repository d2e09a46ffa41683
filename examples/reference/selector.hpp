// gost::x reference: node selection, after go-gost/x (selector/selector.go,
// strategy.go, filter.go).
//
// A selector narrows the candidates with its filters, then lets its
// strategy pick one:
//  * RoundRobinStrategy takes the candidates in turn (one shared counter);
//    RandomStrategy picks at random, weighted by the metadata key "weight";
//    FIFOStrategy always takes the first.
//  * BackupFilter keeps the candidates whose metadata does not say
//    "backup", unless that leaves none.
//  * FailFilter drops the candidates that failed recently: those whose
//    selector::Marker counts at least maxFails failures, the latest less
//    than failTimeout ago. Routes Mark() a node when reaching it fails and
//    Reset() its marker when a handshake with it succeeds.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gost/core/go/context.hpp>
#include <gost/core/go/time.hpp>
#include <gost/core/go/variadic.hpp>
#include <gost/core/logger/logger.hpp>
#include <gost/core/metadata/metadata.hpp>
#include <gost/core/selector/selector.hpp>

#include "metadata.hpp"

namespace gost::x {

namespace gc = gost::core;

/// The fail filter's defaults, as in go-gost/x.
inline constexpr int kDefaultMaxFails = 1;
inline constexpr gc::Duration kDefaultFailTimeout = std::chrono::seconds(10);

/// Optional: a strategy or selector that can say how it chooses, for logs
/// ("round robin"). Found with dynamic_cast.
class Named {
 public:
  virtual ~Named() = default;
  [[nodiscard]] virtual std::string Name() const = 0;

 protected:
  Named() = default;
  Named(const Named&) = default;
  Named& operator=(const Named&) = default;
};

/// Whether `v` counts as failed now: its marker holds at least `maxFails`
/// failures and the latest is less than `failTimeout` old. The item's
/// metadata keys "maxFails" and "failTimeout" override the arguments; zero
/// or negative settings mean the defaults. Items without a marker (or that
/// are not selector::Markable at all) never count as failed.
template <class T>
bool IsFailed(const std::shared_ptr<T>& v, int maxFails, gc::Duration failTimeout) {
  if (const auto* mi = dynamic_cast<const gc::metadata::Metadatable*>(v.get())) {
    if (auto md = mi->Metadata()) {
      if (md->IsExists("maxFails")) maxFails = GetInt(md, "maxFails");
      if (md->IsExists("failTimeout")) failTimeout = GetDuration(md, "failTimeout");
    }
  }
  if (maxFails <= 0) maxFails = kDefaultMaxFails;
  if (failTimeout <= gc::Duration::zero()) failTimeout = kDefaultFailTimeout;
  const auto* mi = dynamic_cast<const gc::selector::Markable*>(v.get());
  const gc::selector::MarkerPtr marker = mi != nullptr ? mi->Marker() : nullptr;
  if (!marker) return false;
  return marker->Count() >= maxFails && gc::Now() - marker->Time() < failTimeout;
}

/// Takes the items in turn: the n-th call picks item n modulo their number.
template <class T>
class RoundRobinStrategy final : public gc::selector::Strategy<T>, public Named {
 public:
  T Apply(const gc::context::Context& /*ctx*/, gc::Variadic<T> items) override {
    if (items.empty()) return T{};
    const std::uint64_t n = counter_.fetch_add(1, std::memory_order_relaxed);
    return items[static_cast<std::size_t>(n % items.size())];
  }
  [[nodiscard]] std::string Name() const override { return "round robin"; }

 private:
  std::atomic<std::uint64_t> counter_{0};
};

/// Picks at random; an item's metadata key "weight" (at least 1) makes it
/// that many times as likely.
template <class T>
class RandomStrategy final : public gc::selector::Strategy<T>, public Named {
 public:
  T Apply(const gc::context::Context& /*ctx*/, gc::Variadic<T> items) override {
    if (items.empty()) return T{};
    std::vector<int> weights;
    weights.reserve(items.size());
    for (const T& v : items) {
      const auto* mi = dynamic_cast<const gc::metadata::Metadatable*>(std::to_address(v));
      const int w = mi != nullptr ? GetInt(mi->Metadata(), "weight") : 0;
      weights.push_back(w > 0 ? w : 1);
    }
    std::lock_guard lock(mu_);
    std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
    return items[pick(rng_)];
  }
  [[nodiscard]] std::string Name() const override { return "random"; }

 private:
  std::mutex mu_;
  std::mt19937_64 rng_{std::random_device{}()};
};

/// Always the first item: a hop sticks to its first node until the fail
/// filter takes it out.
template <class T>
class FIFOStrategy final : public gc::selector::Strategy<T>, public Named {
 public:
  T Apply(const gc::context::Context& /*ctx*/, gc::Variadic<T> items) override {
    return items.empty() ? T{} : items[0];
  }
  [[nodiscard]] std::string Name() const override { return "fifo"; }
};

/// Leaves out the items marked as backups (metadata "backup" true) while
/// any other item is there.
template <class T>
class BackupFilter final : public gc::selector::Filter<T> {
 public:
  std::vector<T> FilterItems(const gc::context::Context& /*ctx*/, gc::Variadic<T> items) override {
    if (items.size() <= 1) return {items.begin(), items.end()};
    std::vector<T> primary;
    std::vector<T> backups;
    for (const T& v : items) {
      const auto* mi = dynamic_cast<const gc::metadata::Metadatable*>(std::to_address(v));
      (mi != nullptr && GetBool(mi->Metadata(), "backup") ? backups : primary).push_back(v);
    }
    return primary.empty() ? backups : primary;
  }
};

namespace detail {

// A name for an item in logs: its Name member if it has one.
template <class T>
std::string NameOf(const T& v) {
  if constexpr (requires { std::string(v->Name); }) {
    return v ? std::string(v->Name) : std::string("<null>");
  } else {
    return "item";
  }
}

}  // namespace detail

/// Drops the items IsFailed reports (with the given settings), and says so
/// on `log` (may be null). A list of one item passes unchanged: with
/// nothing else to choose, a failed item is better than none.
template <class T>
class FailFilter final : public gc::selector::Filter<T> {
 public:
  FailFilter(int maxFails, gc::Duration failTimeout, gc::logger::LoggerPtr log = nullptr)
      : max_fails_(maxFails), fail_timeout_(failTimeout), log_(std::move(log)) {}

  std::vector<T> FilterItems(const gc::context::Context& /*ctx*/, gc::Variadic<T> items) override {
    if (items.size() <= 1) {
      if (log_ && items.size() == 1 && IsFailed(items[0], max_fails_, fail_timeout_)) {
        log_->Debugf("fail filter keeps %s: marked failed, but the only candidate", {detail::NameOf(items[0])});
      }
      return {items.begin(), items.end()};
    }
    std::vector<T> out;
    for (const T& v : items) {
      if (!IsFailed(v, max_fails_, fail_timeout_)) {
        out.push_back(v);
      } else if (log_) {
        log_->Debugf("fail filter skips %s: marked failed", {detail::NameOf(v)});
      }
    }
    return out;
  }

 private:
  int max_fails_;
  gc::Duration fail_timeout_;
  gc::logger::LoggerPtr log_;
};

/// Runs the filters in order, then the strategy on what is left (T{} when
/// nothing is). Its Name() is the strategy's.
template <class T>
class DefaultSelector final : public gc::selector::Selector<T>, public Named {
 public:
  DefaultSelector(std::shared_ptr<gc::selector::Strategy<T>> strategy,
                  std::vector<std::shared_ptr<gc::selector::Filter<T>>> filters)
      : strategy_(std::move(strategy)), filters_(std::move(filters)) {}

  T Select(const gc::context::Context& ctx, gc::Variadic<T> items) override {
    std::vector<T> left(items.begin(), items.end());
    for (const auto& f : filters_) left = f->FilterItems(ctx, left);
    if (left.empty()) return T{};
    return strategy_->Apply(ctx, left);
  }
  [[nodiscard]] std::string Name() const override {
    const auto* named = dynamic_cast<const Named*>(strategy_.get());
    return named != nullptr ? named->Name() : "strategy";
  }

 private:
  std::shared_ptr<gc::selector::Strategy<T>> strategy_;
  std::vector<std::shared_ptr<gc::selector::Filter<T>>> filters_;
};

/// The selector go-gost/x builds by default: round robin behind a fail
/// filter, which reports what it skips on `log` (may be null).
template <class T>
std::shared_ptr<gc::selector::Selector<T>> NewRoundRobinSelector(gc::logger::LoggerPtr log = nullptr,
                                                                 int maxFails = kDefaultMaxFails,
                                                                 gc::Duration failTimeout = kDefaultFailTimeout) {
  return std::make_shared<DefaultSelector<T>>(
      std::make_shared<RoundRobinStrategy<T>>(),
      std::vector<std::shared_ptr<gc::selector::Filter<T>>>{
          std::make_shared<FailFilter<T>>(maxFails, failTimeout, std::move(log))});
}

}  // namespace gost::x
