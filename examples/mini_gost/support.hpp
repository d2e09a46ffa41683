// mini_gost: the small pieces every component uses: a registry, a logger,
// metadata, a connection with bytes pushed back in front of it, the glue that
// lets a context interrupt blocking I/O, and the two-way relay.
#pragma once

#include <algorithm>
#include <any>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include <gost/core/common/bufpool/pool.hpp>
#include <gost/core/detail/interface.hpp>
#include <gost/core/go/bytes.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/io.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/time.hpp>
#include <gost/core/logger/logger.hpp>
#include <gost/core/metadata/metadata.hpp>
#include <gost/core/registry/registry.hpp>

namespace mini_gost {

namespace gc = gost::core;
using namespace std::chrono_literals;

// ---------------------------------------------------------------------------
// Registry

/// What Register returns for a name that is already taken.
inline const gc::Error ErrDup = gc::errors::New("registry: duplicate object");

/// A thread-safe name -> value map with go-gost/x's rules: a taken name is an
/// error (the first value stays), an empty name is silently ignored, an
/// unknown name gives T{}.
template <class T>
class MapRegistry final : public gc::registry::Registry<T> {
 public:
  gc::Error Register(std::string_view name, T v) override {
    if (name.empty()) return {};
    std::lock_guard lock(mu_);
    if (!m_.try_emplace(std::string(name), std::move(v)).second) return ErrDup;
    return {};
  }
  void Unregister(std::string_view name) override {
    std::lock_guard lock(mu_);
    if (auto it = m_.find(name); it != m_.end()) m_.erase(it);
  }
  [[nodiscard]] bool IsRegistered(std::string_view name) const override {
    std::lock_guard lock(mu_);
    return m_.find(name) != m_.end();
  }
  [[nodiscard]] T Get(std::string_view name) const override {
    if (name.empty()) return T{};
    std::lock_guard lock(mu_);
    auto it = m_.find(name);
    return it == m_.end() ? T{} : it->second;
  }
  [[nodiscard]] std::map<std::string, T> GetAll() const override {
    std::lock_guard lock(mu_);
    return {m_.begin(), m_.end()};
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, T, std::less<>> m_;
};

// ---------------------------------------------------------------------------
// Logger

inline int LevelRank(std::string_view level) {
  if (level == gc::logger::TraceLevel) return 0;
  if (level == gc::logger::DebugLevel) return 1;
  if (level == gc::logger::InfoLevel) return 2;
  if (level == gc::logger::WarnLevel) return 3;
  if (level == gc::logger::ErrorLevel) return 4;
  if (level == gc::logger::FatalLevel) return 5;
  return 2;
}

/// Renders a field value: strings, integers, booleans, Errors and durations.
inline std::string RenderAny(const std::any& v) {
  if (const auto* s = std::any_cast<std::string>(&v)) return *s;
  if (const auto* s = std::any_cast<const char*>(&v)) return *s;
  if (const auto* i = std::any_cast<int>(&v)) return std::to_string(*i);
  if (const auto* i = std::any_cast<long>(&v)) return std::to_string(*i);
  if (const auto* i = std::any_cast<long long>(&v)) return std::to_string(*i);
  if (const auto* u = std::any_cast<unsigned long>(&v)) return std::to_string(*u);
  if (const auto* b = std::any_cast<bool>(&v)) return *b ? "true" : "false";
  if (const auto* e = std::any_cast<gc::Error>(&v)) return e->Message();
  if (const auto* d = std::any_cast<gc::Duration>(&v)) {
    return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(*d).count()) + "ms";
  }
  return v.has_value() ? "?" : "<nil>";
}

/// Writes one line per message to stderr: time, level, text, fields. Messages
/// below the level are dropped. Thread-safe; Fatal logs and does not exit
/// (the caller decides what happens next).
class StderrLogger final : public gc::logger::Logger {
 public:
  explicit StderrLogger(gc::logger::LogLevel level, gc::logger::Fields fields = {})
      : level_(std::move(level)), rank_(LevelRank(level_)), fields_(std::move(fields)) {}

  gc::logger::LoggerPtr WithFields(const gc::logger::Fields& fields) override {
    auto merged = fields_;
    for (const auto& [k, v] : fields) merged[k] = v;
    return std::make_shared<StderrLogger>(level_, std::move(merged));
  }
  void Trace(const gc::fmt::Args& a) override { Write(0, "trace", gc::fmt::Sprint(a)); }
  void Tracef(std::string_view f, const gc::fmt::Args& a) override { Writef(0, "trace", f, a); }
  void Debug(const gc::fmt::Args& a) override { Write(1, "debug", gc::fmt::Sprint(a)); }
  void Debugf(std::string_view f, const gc::fmt::Args& a) override { Writef(1, "debug", f, a); }
  void Info(const gc::fmt::Args& a) override { Write(2, "info", gc::fmt::Sprint(a)); }
  void Infof(std::string_view f, const gc::fmt::Args& a) override { Writef(2, "info", f, a); }
  void Warn(const gc::fmt::Args& a) override { Write(3, "warn", gc::fmt::Sprint(a)); }
  void Warnf(std::string_view f, const gc::fmt::Args& a) override { Writef(3, "warn", f, a); }
  void Error(const gc::fmt::Args& a) override { Write(4, "error", gc::fmt::Sprint(a)); }
  void Errorf(std::string_view f, const gc::fmt::Args& a) override { Writef(4, "error", f, a); }
  void Fatal(const gc::fmt::Args& a) override { Write(5, "fatal", gc::fmt::Sprint(a)); }
  void Fatalf(std::string_view f, const gc::fmt::Args& a) override { Writef(5, "fatal", f, a); }
  [[nodiscard]] gc::logger::LogLevel GetLevel() const override { return level_; }
  [[nodiscard]] bool IsLevelEnabled(const gc::logger::LogLevel& level) const override {
    return LevelRank(level) >= rank_;
  }

 private:
  void Writef(int rank, const char* name, std::string_view format, const gc::fmt::Args& a) {
    if (rank < rank_) return;
    Write(rank, name, gc::fmt::Sprintf(format, a));
  }
  void Write(int rank, const char* name, const std::string& text) {
    if (rank < rank_) return;
    const auto now = std::chrono::system_clock::now();
    const std::time_t secs = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    ::gmtime_r(&secs, &tm);
    char stamp[32];  // NOLINT
    std::snprintf(stamp, sizeof stamp, "%02d:%02d:%02d.%03d", tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms));
    std::string line = std::string(stamp) + " " + name + " " + text;
    for (const auto& [k, v] : fields_) line += " " + k + "=" + RenderAny(v);
    line += '\n';
    static std::mutex out_mu;
    std::lock_guard lock(out_mu);
    std::fwrite(line.data(), 1, line.size(), stderr);
  }

  gc::logger::LogLevel level_;
  int rank_;
  gc::logger::Fields fields_;
};

/// A logger that drops everything (used when no default logger is set).
inline gc::logger::LoggerPtr NopLogger() { return std::make_shared<StderrLogger>(gc::logger::FatalLevel); }

/// logger::Default(), or a silent logger when none is set.
inline gc::logger::LoggerPtr DefaultLogger() {
  auto l = gc::logger::Default();
  return l ? l : NopLogger();
}

// ---------------------------------------------------------------------------
// Metadata

/// Metadata in a map with case-insensitive keys (as go-gost/x treats them).
/// Thread-safe, although components only read it after Init.
class MapMetadata final : public gc::metadata::Metadata {
 public:
  MapMetadata() = default;
  MapMetadata(std::initializer_list<std::pair<std::string, std::any>> items) {
    for (const auto& [k, v] : items) m_[Lower(k)] = v;
  }
  [[nodiscard]] bool IsExists(std::string_view key) const override {
    std::lock_guard lock(mu_);
    return m_.count(Lower(key)) != 0;
  }
  void Set(std::string_view key, std::any value) override {
    std::lock_guard lock(mu_);
    m_[Lower(key)] = std::move(value);
  }
  [[nodiscard]] std::any Get(std::string_view key) const override {
    std::lock_guard lock(mu_);
    auto it = m_.find(Lower(key));
    return it == m_.end() ? std::any() : it->second;
  }

 private:
  static std::string Lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  mutable std::mutex mu_;
  std::map<std::string, std::any> m_;
};

/// Parses "10s", "250ms", "2m", "1h" or a bare number of seconds. Returns
/// nullopt for anything else (and for negative values).
inline std::optional<gc::Duration> ParseDuration(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) != 0) ++i;
  if (i == 0 || i > 9) return std::nullopt;
  long long n = 0;
  std::from_chars(s.data(), s.data() + i, n);
  const auto unit = s.substr(i);
  if (unit.empty() || unit == "s") return std::chrono::seconds(n);
  if (unit == "ms") return std::chrono::milliseconds(n);
  if (unit == "m") return std::chrono::minutes(n);
  if (unit == "h") return std::chrono::hours(n);
  return std::nullopt;
}

/// A lenient integer read from metadata (int, long, or numeric string).
inline std::optional<long long> MdInt(const gc::metadata::MetadataPtr& md, std::string_view key) {
  if (!md) return std::nullopt;
  const auto v = md->Get(key);
  if (const auto* i = std::any_cast<int>(&v)) return *i;
  if (const auto* i = std::any_cast<long>(&v)) return *i;
  if (const auto* i = std::any_cast<long long>(&v)) return *i;
  if (const auto* s = std::any_cast<std::string>(&v)) {
    long long n = 0;
    auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    if (ec == std::errc() && p == s->data() + s->size()) return n;
  }
  return std::nullopt;
}

/// A lenient duration read from metadata (Duration, "10s" string, or an
/// integer number of seconds).
inline std::optional<gc::Duration> MdDuration(const gc::metadata::MetadataPtr& md, std::string_view key) {
  if (!md) return std::nullopt;
  const auto v = md->Get(key);
  if (const auto* d = std::any_cast<gc::Duration>(&v)) return *d;
  if (const auto* s = std::any_cast<std::string>(&v)) return ParseDuration(*s);
  if (auto n = MdInt(md, key)) return std::chrono::seconds(*n);
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Connections

/// Optional: a connection that can end its sending side alone (TCP's
/// shutdown(SHUT_WR)). The relay uses it to pass a half-close on.
class HalfCloser {
  GOST_CORE_INTERFACE(HalfCloser);
  virtual gc::Error CloseWrite() = 0;
};

/// Ends the sending side of `c` if it can; otherwise closes it.
inline void CloseWriteOrClose(gc::net::Conn& c) {
  if (auto* hc = dynamic_cast<HalfCloser*>(&c)) {
    (void)hc->CloseWrite();
  } else {
    (void)c.Close();
  }
}

/// A connection whose first reads return bytes already taken off the wire
/// (what a header parser read past the end of the header).
class BufferedConn final : public gc::net::Conn, public HalfCloser {
 public:
  BufferedConn(gc::net::ConnUniquePtr inner, std::string pending)
      : inner_(std::move(inner)), pending_(std::move(pending)) {}

  /// `conn` itself when there is nothing pending, else a wrapper.
  static gc::net::ConnUniquePtr Wrap(gc::net::ConnUniquePtr conn, std::string pending) {
    if (pending.empty()) return conn;
    return std::make_unique<BufferedConn>(std::move(conn), std::move(pending));
  }

  gc::io::IOResult Read(std::span<std::byte> b) override {
    if (off_ < pending_.size()) {
      const auto n = std::min(b.size(), pending_.size() - off_);
      std::copy_n(reinterpret_cast<const std::byte*>(pending_.data()) + off_, n, b.data());  // NOLINT
      off_ += n;
      if (off_ == pending_.size()) std::string().swap(pending_), off_ = 0;
      return {n, {}};
    }
    return inner_->Read(b);
  }
  gc::io::IOResult Write(std::span<const std::byte> b) override { return inner_->Write(b); }
  gc::Error Close() override { return inner_->Close(); }
  gc::Error CloseWrite() override {
    if (auto* hc = dynamic_cast<HalfCloser*>(inner_.get())) return hc->CloseWrite();
    return inner_->Close();
  }
  [[nodiscard]] gc::net::Addr LocalAddr() const override { return inner_->LocalAddr(); }
  [[nodiscard]] gc::net::Addr RemoteAddr() const override { return inner_->RemoteAddr(); }
  gc::Error SetDeadline(gc::Time t) override { return inner_->SetDeadline(t); }
  gc::Error SetReadDeadline(gc::Time t) override { return inner_->SetReadDeadline(t); }
  gc::Error SetWriteDeadline(gc::Time t) override { return inner_->SetWriteDeadline(t); }

 private:
  gc::net::ConnUniquePtr inner_;
  std::string pending_;
  std::size_t off_ = 0;
};

/// While alive, makes `conn`'s pending and future I/O fail once `ctx` is
/// cancelled, its deadline passes, or `timeout` (if non-zero) elapses,
/// whichever is first: it sets the connection's deadline and, on
/// cancellation, moves the deadline into the past. The destructor clears the
/// deadline. Use it around protocol exchanges (handshakes, CONNECT).
class ConnDeadlineGuard {
 public:
  ConnDeadlineGuard(const gc::context::Context& ctx, gc::net::Conn& conn, gc::Duration timeout = {})
      : state_(std::make_shared<State>()) {
    state_->conn = &conn;
    std::optional<gc::Time> dl = ctx.Deadline();
    if (timeout > gc::Duration::zero()) {
      const auto t = gc::Now() + std::chrono::duration_cast<gc::Time::duration>(timeout);
      if (!dl || t < *dl) dl = t;
    }
    if (dl) (void)conn.SetDeadline(*dl);
    handle_ = gc::context::AfterFunc(ctx, [s = state_] {
      std::lock_guard lock(s->mu);
      if (s->conn != nullptr) (void)s->conn->SetDeadline(gc::Time{} + std::chrono::seconds(1));
    });
  }
  ConnDeadlineGuard(const ConnDeadlineGuard&) = delete;
  ConnDeadlineGuard& operator=(const ConnDeadlineGuard&) = delete;
  ~ConnDeadlineGuard() {
    handle_.Stop();
    std::lock_guard lock(state_->mu);
    (void)state_->conn->SetDeadline(gc::Time{});
    state_->conn = nullptr;
  }

 private:
  struct State {
    std::mutex mu;
    gc::net::Conn* conn = nullptr;
  };
  std::shared_ptr<State> state_;
  gc::context::AfterFuncHandle handle_;
};

/// Fills `b` completely. io::ErrEOF when the stream ended before the first
/// byte, an "unexpected EOF" error when it ended part way.
inline gc::Error ReadFull(gc::net::Conn& c, std::span<std::byte> b) {
  std::size_t got = 0;
  while (got < b.size()) {
    auto r = c.Read(b.subspan(got));
    got += r.n;
    if (got == b.size()) return {};
    if (r.err) {
      if (gc::errors::Is(r.err, gc::io::ErrEOF) && got > 0) return gc::errors::New("unexpected EOF");
      return r.err;
    }
  }
  return {};
}

inline gc::Error WriteString(gc::net::Conn& c, std::string_view s) { return c.Write(gc::AsBytes(s)).err; }

/// The outcome of reading a header block (request or response head).
struct HeaderBlock {
  std::string head;  ///< up to and including the blank line
  std::string rest;  ///< bytes read past it
  gc::Error err;     ///< read error (io::ErrEOF when the peer left early)
  bool too_large = false;
};

/// Index just past the blank line ending a header block, or npos. Lines may
/// end in CRLF or a bare LF.
inline std::size_t FindHeaderEnd(std::string_view s, std::size_t from) {
  for (auto i = s.find('\n', from); i != std::string_view::npos; i = s.find('\n', i + 1)) {
    if (i + 1 < s.size() && s[i + 1] == '\n') return i + 2;
    if (i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

/// Reads until a blank line, keeping at most `max` bytes of header.
inline HeaderBlock ReadHeaderBlock(gc::net::Conn& c, std::size_t max) {
  HeaderBlock out;
  std::string buf;
  std::byte tmp[4096];  // NOLINT
  for (;;) {
    const auto r = c.Read(tmp);
    const auto scanned = buf.size();
    buf.append(reinterpret_cast<const char*>(tmp), r.n);  // NOLINT
    const auto end = FindHeaderEnd(buf, scanned < 2 ? 0 : scanned - 2);
    if (end != std::string::npos) {
      if (end > max) {
        out.too_large = true;
        return out;
      }
      out.rest = buf.substr(end);
      buf.resize(end);
      out.head = std::move(buf);
      return out;
    }
    if (buf.size() > max) {
      out.too_large = true;
      return out;
    }
    if (r.err) {
      out.err = r.err;
      return out;
    }
  }
}

/// After an error reply: stop sending, then swallow what the peer still sends
/// (for at most `linger`, 1 MiB), so that closing does not reset the
/// connection before the peer has read the reply.
inline void LingerClose(gc::net::Conn& c, gc::Duration linger = 500ms) {
  CloseWriteOrClose(c);
  (void)c.SetReadDeadline(gc::Now() + std::chrono::duration_cast<gc::Time::duration>(linger));
  std::byte tmp[4096];  // NOLINT
  std::size_t total = 0;
  while (total < (1U << 20U)) {
    auto r = c.Read(tmp);
    total += r.n;
    if (r.err) break;
  }
  (void)c.Close();
}

// ---------------------------------------------------------------------------
// Relay

namespace detail {

// Copies src to dst with io::Copy (which splices when both are sockets that
// can, and otherwise reads and writes through a pooled buffer) until src
// ends. On src's EOF, ends dst's sending side and returns empty; on any other
// failure closes both (so that the opposite direction stops too) and returns
// the error.
inline gc::Error CopyHalf(gc::net::Conn& src, gc::net::Conn& dst) {
  gc::Error result = gc::io::Copy(dst, src).err;
  if (result) {
    (void)src.Close();
    (void)dst.Close();
  } else {
    CloseWriteOrClose(dst);
  }
  return result;
}

}  // namespace detail

/// Copies bytes both ways between `a` and `b` until both directions have
/// ended. A direction that reaches EOF passes a half-close on and lets the
/// other direction finish; an error in either direction, or cancelling `ctx`,
/// closes both connections. Returns the first error other than EOF (a
/// cancellation counts as none).
inline gc::Error Relay(const gc::context::Context& ctx, gc::net::Conn& a, gc::net::Conn& b) {
  struct Shared {
    std::mutex mu;
    gc::net::Conn* a = nullptr;
    gc::net::Conn* b = nullptr;
  };
  auto shared = std::make_shared<Shared>();
  shared->a = &a;
  shared->b = &b;
  auto handle = gc::context::AfterFunc(ctx, [shared] {
    std::lock_guard lock(shared->mu);
    if (shared->a != nullptr) (void)shared->a->Close();
    if (shared->b != nullptr) (void)shared->b->Close();
  });
  gc::Error back;
  gc::Error forth;
  try {
    std::thread t([&] { back = detail::CopyHalf(b, a); });
    forth = detail::CopyHalf(a, b);
    t.join();
  } catch (const std::system_error& e) {  // no thread could be started
    (void)a.Close();
    (void)b.Close();
    forth = gc::errors::New(std::string("relay: ") + e.what());
  }
  handle.Stop();
  {
    std::lock_guard lock(shared->mu);
    shared->a = nullptr;
    shared->b = nullptr;
  }
  if (ctx.Err()) return {};
  return forth ? forth : back;
}

}  // namespace mini_gost
