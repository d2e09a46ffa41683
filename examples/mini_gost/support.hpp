// mini_gost: the small pieces every component uses: a connection with bytes
// pushed back in front of it, the glue that lets a context interrupt blocking
// I/O, and the two-way relay. The registry, logger and metadata come from the
// reference set (examples/reference, namespace gost::x).
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

#include "common/forwarding_conn.hpp"
#include "reference/logger.hpp"
#include "reference/metadata.hpp"
#include "reference/registry.hpp"

namespace mini_gost {

namespace gc = gost::core;
namespace x = gost::x;
using namespace std::chrono_literals;

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

/// A base for mini_gost's connection wrappers: every net::Conn call goes to
/// the wrapped connection (example::ForwardingConn), and so does a
/// half-close when the wrapped connection can do one; otherwise CloseWrite
/// closes this connection.
class HalfClosingConn : public example::ForwardingConn, public HalfCloser {
 public:
  using example::ForwardingConn::ForwardingConn;

  gc::Error CloseWrite() override {
    if (auto* hc = dynamic_cast<HalfCloser*>(&Inner())) return hc->CloseWrite();
    return Close();
  }
};

/// A connection whose first reads return bytes already taken off the wire
/// (what a header parser read past the end of the header).
class BufferedConn final : public HalfClosingConn {
 public:
  BufferedConn(gc::net::ConnUniquePtr inner, std::string pending)
      : HalfClosingConn(std::move(inner)), pending_(std::move(pending)) {}

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
    return Inner().Read(b);
  }

 private:
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
