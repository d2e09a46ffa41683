// mini_gost: what a listener wraps around each accepted connection when the
// service has the options for it, as go-gost/x's listener wrappers do:
//   * a place under the connection limiter, given back when the connection
//     closes (limiter/conn/wrapper);
//   * traffic limits: reads wait for the "in" limiters, writes for the "out"
//     ones, service-wide and per connection (limiter/traffic/wrapper);
//   * byte counts into the service's stats (observer/stats/wrapper).
// A connection without any of them is not wrapped, so it keeps splice(2).
#pragma once

#include <algorithm>
#include <atomic>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include <gost/core/limiter/conn/limiter.hpp>
#include <gost/core/limiter/traffic/limiter.hpp>
#include <gost/core/observer/stats/stats.hpp>

#include "support.hpp"

namespace mini_gost {

class WrappedConn final : public HalfClosingConn {
 public:
  struct Hooks {
    std::shared_ptr<gc::limiter::conn::Limiter> place;  ///< holds one place; Allow(-1) on close
    std::vector<std::shared_ptr<gc::limiter::traffic::Limiter>> in, out;
    gc::observer::stats::StatsPtr stats;
    [[nodiscard]] bool empty() const { return !place && in.empty() && out.empty() && !stats; }
  };

  WrappedConn(gc::net::ConnUniquePtr inner, Hooks hooks) : HalfClosingConn(std::move(inner)), hooks_(std::move(hooks)) {
    if (hooks_.stats) {
      hooks_.stats->Add(gc::observer::stats::KindTotalConns, 1);
      hooks_.stats->Add(gc::observer::stats::KindCurrentConns, 1);
    }
  }
  WrappedConn(const WrappedConn&) = delete;
  WrappedConn& operator=(const WrappedConn&) = delete;
  ~WrappedConn() override { Release(); }

  gc::io::IOResult Read(std::span<std::byte> b) override {
    std::size_t n = b.size();
    for (const auto& lim : hooks_.in) n = std::min(n, static_cast<std::size_t>(Grant(*lim, n)));
    auto r = Inner().Read(b.first(n));
    if (hooks_.stats && r.n > 0) hooks_.stats->Add(gc::observer::stats::KindInputBytes, static_cast<std::int64_t>(r.n));
    return r;
  }

  gc::io::IOResult Write(std::span<const std::byte> b) override {
    std::size_t done = 0;
    while (done < b.size()) {
      std::size_t n = b.size() - done;
      for (const auto& lim : hooks_.out) n = std::min(n, static_cast<std::size_t>(Grant(*lim, n)));
      auto r = Inner().Write(b.subspan(done, n));
      done += r.n;
      if (hooks_.stats && r.n > 0) hooks_.stats->Add(gc::observer::stats::KindOutputBytes, static_cast<std::int64_t>(r.n));
      if (r.err) return {done, r.err};
    }
    return {done, {}};
  }

  gc::Error Close() override {
    auto err = HalfClosingConn::Close();
    Release();
    return err;
  }
  // CloseWrite, the addresses and the deadlines pass through (HalfClosingConn).

 private:
  // At least one byte, so that a read or write always makes progress.
  static int Grant(gc::limiter::traffic::Limiter& lim, std::size_t want) {
    const int asked = static_cast<int>(std::min<std::size_t>(want, 1 << 30));
    return std::max(1, lim.Wait(gc::context::Background(), asked));
  }

  void Release() {
    if (released_.exchange(true)) return;
    if (hooks_.place) (void)hooks_.place->Allow(-1);
    if (hooks_.stats) hooks_.stats->Add(gc::observer::stats::KindCurrentConns, -1);
  }

  Hooks hooks_;
  std::atomic<bool> released_{false};
};

}  // namespace mini_gost
