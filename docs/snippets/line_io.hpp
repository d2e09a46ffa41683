// docs/snippets: the code of docs/implementing-a-transport.md (the guide
// quotes it; tests/docs checks that the quotes stay verbatim).
//
// Helpers shared by the guide's dialer and connector: line-based reads and
// writes on a net::Conn, and a binding that makes blocking calls on a
// connection honour a context.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <gost/core/go/bytes.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/io.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/go/time.hpp>

namespace mytransport {

namespace gc = gost::core;

/// The longest line either side accepts, without its newline.
inline constexpr std::size_t kMaxLine = 256;

/// Writes `line` and a newline.
inline gc::Error WriteLine(gc::net::Conn& conn, std::string_view line) {
  std::string out(line);
  out += '\n';
  return conn.Write(gc::AsBytes(out)).err;
}

/// Reads one line and returns it without its newline. It reads one byte at
/// a time on purpose: whatever follows the line already belongs to the
/// caller, and a bigger read could swallow it.
inline gc::Result<std::string> ReadLine(gc::net::Conn& conn) {
  std::string line;
  std::byte b{};
  while (line.size() <= kMaxLine) {
    gc::io::IOResult r = conn.Read({&b, 1});
    if (r.n == 1) {
      if (b == std::byte{'\n'}) return line;
      line += static_cast<char>(b);
    } else if (r.err) {
      return r.err;
    }
  }
  return gc::errors::New("mytransport: line longer than 256 bytes");
}

/// While it lives, blocking calls on `conn` end when `ctx` does: the
/// context's deadline becomes the connection's, and cancelling the context
/// moves that deadline into the past, which wakes the pending calls. On
/// destruction the connection has no deadline again.
class ContextBinding {
 public:
  ContextBinding(const gc::context::Context& ctx, gc::net::Conn& conn)
      : conn_(conn), state_(std::make_shared<State>()) {
    state_->conn = &conn;
    if (auto deadline = ctx.Deadline()) (void)conn.SetDeadline(*deadline);
    // Runs on the thread that cancels ctx (at once if it already is).
    stop_ = gc::context::AfterFunc(ctx, [state = state_] {
      std::lock_guard lock(state->mu);
      if (state->conn != nullptr) (void)state->conn->SetDeadline(kLongAgo);
    });
  }
  ~ContextBinding() {
    {
      std::lock_guard lock(state_->mu);
      state_->conn = nullptr;  // a late cancellation no longer touches conn_
    }
    stop_.Stop();
    (void)conn_.SetDeadline(gc::Time{});
  }
  ContextBinding(const ContextBinding&) = delete;
  ContextBinding& operator=(const ContextBinding&) = delete;

 private:
  // Long past, but not the zero Time, which means "no deadline".
  static constexpr gc::Time kLongAgo = gc::Time{} + std::chrono::seconds(1);
  struct State {
    std::mutex mu;
    gc::net::Conn* conn = nullptr;
  };
  gc::net::Conn& conn_;
  std::shared_ptr<State> state_;
  gc::context::AfterFuncHandle stop_;
};

/// What to report when a call under a ContextBinding failed with `err`: the
/// context's own error when the context has ended (the connection only saw
/// a deadline), else `err` itself.
inline gc::Error Explain(const gc::context::Context& ctx, gc::Error err) {
  if (gc::Error done = ctx.Err()) return done;
  return err;
}

}  // namespace mytransport
