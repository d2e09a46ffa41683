// gost::x::limiter: go-gost/x's three limiters with the limits a GOST command
// line sets:
//   conn    `?climiter=N`        at most N connections open at once
//   rate    `?rlimiter=R`        at most R requests per second (burst R+1)
//   traffic `?limiter.in=SIZE&limiter.out=SIZE&limiter.conn.in=SIZE&limiter.conn.out=SIZE`
//           bytes per second, for the whole service and for each connection
// The time source is std::chrono::steady_clock; nothing here touches sockets.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/go/context.hpp>
#include <gost/core/limiter/conn/limiter.hpp>
#include <gost/core/limiter/limiter.hpp>
#include <gost/core/limiter/rate/limiter.hpp>
#include <gost/core/limiter/traffic/limiter.hpp>

namespace gost::x::limiter {

namespace core = gost::core;

/// The key of the limit shared by a whole service (go-gost/x's "$").
inline constexpr std::string_view GlobalLimitKey = "$";
/// The key of the limit each connection gets on its own ("$$").
inline constexpr std::string_view ConnLimitKey = "$$";

/// A token bucket: `rate` tokens a second, holding at most `burst`; starts
/// full. Thread-safe.
class TokenBucket {
 public:
  TokenBucket(double rate, double burst) : rate_(rate), burst_(burst), tokens_(burst), last_(Clock::now()) {}

  /// Takes n tokens if there are that many.
  bool TryTake(double n) {
    std::lock_guard lock(mu_);
    Refill();
    if (tokens_ < n) return false;
    tokens_ -= n;
    return true;
  }

  /// Takes n tokens now (the balance may go negative) and returns how long
  /// the caller must wait before using them.
  std::chrono::nanoseconds Reserve(double n) {
    std::lock_guard lock(mu_);
    Refill();
    tokens_ -= n;
    if (tokens_ >= 0) return {};
    return std::chrono::nanoseconds(static_cast<long long>(std::ceil(-tokens_ / rate_ * 1e9)));
  }

  [[nodiscard]] double Rate() const { return rate_; }
  [[nodiscard]] double Burst() const { return burst_; }

 private:
  using Clock = std::chrono::steady_clock;
  void Refill() {
    const auto now = Clock::now();
    tokens_ = std::min(burst_, tokens_ + std::chrono::duration<double>(now - last_).count() * rate_);
    last_ = now;
  }

  std::mutex mu_;
  double rate_;
  double burst_;
  double tokens_;         // guarded by mu_
  Clock::time_point last_;  // guarded by mu_
};

/// A keyed limiter (Keyed: conn::ConnLimiter or rate::RateLimiter) with one
/// limit for the whole service (GlobalLimitKey): every key gets the same
/// Lim, made from the constructor's arguments.
template <class Keyed, class Lim>
class GlobalLimiter final : public Keyed {
 public:
  template <class... Args>
  explicit GlobalLimiter(Args... args) : global_(std::make_shared<Lim>(args...)) {}
  // Returns the pointer type Keyed's own Limiter(key) declares.
  decltype(std::declval<Keyed&>().Limiter(GlobalLimitKey)) Limiter(std::string_view) override { return global_; }

 private:
  std::shared_ptr<Lim> global_;
};

namespace conn {

/// Counts open connections against a limit: Allow(1) takes a place (false
/// when none is left), Allow(-1) gives one back.
class Limiter final : public core::limiter::conn::Limiter {
 public:
  explicit Limiter(int limit) : limit_(limit) {}
  [[nodiscard]] bool Allow(int n) override {
    std::lock_guard lock(mu_);
    if (n > 0 && current_ + n > limit_) return false;
    current_ = std::max(0, current_ + n);
    return true;
  }
  [[nodiscard]] int Limit() const override { return limit_; }

 private:
  std::mutex mu_;
  int limit_;
  int current_ = 0;  // guarded by mu_
};

/// One limit for the whole service (GlobalLimitKey). Thread-safe.
using ConnLimiter = GlobalLimiter<core::limiter::conn::ConnLimiter, Limiter>;

}  // namespace conn

namespace rate {

/// A request-rate limiter: a token bucket of `rate` a second with a burst of
/// the rate's whole part plus one, as go-gost/x builds it.
class Limiter final : public core::limiter::rate::Limiter {
 public:
  explicit Limiter(double rate) : bucket_(rate, std::floor(rate) + 1) {}
  [[nodiscard]] bool Allow(int n) override { return bucket_.TryTake(n); }
  [[nodiscard]] double Limit() const override { return bucket_.Rate(); }

 private:
  TokenBucket bucket_;
};

/// One rate for the whole service (GlobalLimitKey). Thread-safe.
using RateLimiter = GlobalLimiter<core::limiter::rate::RateLimiter, Limiter>;

}  // namespace rate

namespace traffic {

/// Bytes per second with a burst of one second's worth. Wait(n) grants at
/// most the burst, blocking until the bucket has paid for what it grants;
/// it returns 0 when the context ends first.
class Limiter final : public core::limiter::traffic::Limiter {
 public:
  explicit Limiter(int bytesPerSecond) : bucket_(std::make_unique<TokenBucket>(bytesPerSecond, bytesPerSecond)) {}

  [[nodiscard]] int Wait(const core::context::Context& ctx, int n) override {
    std::shared_ptr<TokenBucket> b;
    {
      std::lock_guard lock(mu_);
      b = bucket_;
    }
    n = std::min(n, static_cast<int>(b->Burst()));
    if (n <= 0) return 0;
    const auto wait = b->Reserve(n);
    if (wait > std::chrono::nanoseconds::zero() && ctx.WaitFor(wait)) return 0;
    return n;
  }

  [[nodiscard]] int Limit() const override {
    std::lock_guard lock(mu_);
    return static_cast<int>(bucket_->Rate());
  }

  /// A new rate (and burst); waits already reserved are not shortened.
  void Set(int n) override {
    std::lock_guard lock(mu_);
    bucket_ = std::make_shared<TokenBucket>(n, n);
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<TokenBucket> bucket_;  // guarded by mu_
};

/// Limits in bytes per second; 0 means none.
struct Limits {
  int in = 0;        ///< limiter.in: everything the service reads from clients
  int out = 0;       ///< limiter.out: everything it writes to them
  int conn_in = 0;   ///< limiter.conn.in: each connection, reading
  int conn_out = 0;  ///< limiter.conn.out: each connection, writing
};

/// The service's limiters (scope limiter::ScopeService, the default) and a
/// new pair for each connection key (scope limiter::ScopeConn). A direction
/// without a limit gives null. Thread-safe.
class TrafficLimiter final : public core::limiter::traffic::TrafficLimiter {
 public:
  explicit TrafficLimiter(Limits l) : limits_(l) {
    if (l.in > 0) in_ = std::make_shared<Limiter>(l.in);
    if (l.out > 0) out_ = std::make_shared<Limiter>(l.out);
  }

  std::shared_ptr<core::limiter::traffic::Limiter> In(const core::context::Context&, std::string_view,
                                                      core::Variadic<core::limiter::Option> opts = {}) override {
    if (!IsConn(opts)) return in_;
    return limits_.conn_in > 0 ? std::make_shared<Limiter>(limits_.conn_in) : nullptr;
  }
  std::shared_ptr<core::limiter::traffic::Limiter> Out(const core::context::Context&, std::string_view,
                                                       core::Variadic<core::limiter::Option> opts = {}) override {
    if (!IsConn(opts)) return out_;
    return limits_.conn_out > 0 ? std::make_shared<Limiter>(limits_.conn_out) : nullptr;
  }

 private:
  static bool IsConn(core::Variadic<core::limiter::Option> opts) {
    return core::MakeOptions<core::limiter::Options>(opts).Scope == core::limiter::ScopeConn;
  }

  Limits limits_;
  std::shared_ptr<Limiter> in_;
  std::shared_ptr<Limiter> out_;
};

}  // namespace traffic

/// A byte size as GOST writes it: a number with an optional unit, B, KB, MB,
/// GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), case-insensitive
/// ("512KB", "1.5MiB", "100000"). Nothing for anything else, or for a size
/// that is not positive or does not fit an int.
inline std::optional<int> ParseBytes(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p == s.data()) return std::nullopt;
  std::string unit(p, s.data() + s.size());
  for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::map<std::string, double, std::less<>> kUnits{
      {"", 1},           {"b", 1},          {"k", 1e3},        {"kb", 1e3},          {"m", 1e6},
      {"mb", 1e6},       {"g", 1e9},        {"gb", 1e9},       {"ki", 1024.0},       {"kib", 1024.0},
      {"mi", 1048576.0}, {"mib", 1048576.0}, {"gi", 1073741824.0}, {"gib", 1073741824.0}};
  const auto it = kUnits.find(unit);
  if (it == kUnits.end()) return std::nullopt;
  const double bytes = v * it->second;
  if (!(bytes >= 1) || bytes > 2147483647.0) return std::nullopt;
  return static_cast<int>(bytes);
}

}  // namespace gost::x::limiter
