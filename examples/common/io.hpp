// Examples: small I/O helpers over net::Conn: write a string, read one line,
// exchange a request line for a reply line, and relay bytes both ways
// between two connections.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <gost/core/go/bytes.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/io.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>

namespace example {

namespace gc = gost::core;

/// Writes all of `text`.
inline gc::Error WriteString(gc::net::Conn& conn, std::string_view text) { return conn.Write(gc::AsBytes(text)).err; }

/// Reads one line and returns it without its '\n'. Reads one byte at a time
/// so that nothing after the line is consumed: what follows a protocol line
/// belongs to whoever relays the connection next. Lines longer than
/// `max_len` are an error, as is a connection that ends mid-line.
inline gc::Result<std::string> ReadLine(gc::net::Conn& conn, std::size_t max_len = 1024) {
  std::string line;
  for (;;) {
    std::byte b{};
    const gc::io::IOResult r = conn.Read({&b, 1});
    if (r.n == 1) {
      const char c = static_cast<char>(b);
      if (c == '\n') return line;
      if (line.size() == max_len) return gc::errors::New("line too long");
      line += c;
    }
    if (r.err) return r.err;
  }
}

/// Sends `request` (one line) and returns the one-line reply. The exchange
/// is bounded by the context's deadline, if it has one.
inline gc::Result<std::string> Exchange(const gc::context::Context& ctx, gc::net::Conn& conn,
                                        const std::string& request) {
  if (auto deadline = ctx.Deadline()) (void)conn.SetDeadline(*deadline);
  gc::Error err = WriteString(conn, request + "\n");
  auto reply = err ? gc::Result<std::string>(err) : ReadLine(conn);
  (void)conn.SetDeadline(gc::Time{});  // later reads and writes have no deadline
  return reply;
}

/// Copies from `src` to `dst` until either side fails or ends.
inline void Copy(gc::net::Conn& dst, gc::net::Conn& src) {
  std::array<std::byte, 4096> buf{};
  for (;;) {
    const gc::io::IOResult r = src.Read(buf);
    if (r.n > 0 && dst.Write(std::span<const std::byte>(buf.data(), r.n)).err) return;
    if (r.err) return;
  }
}

/// Relays bytes between `a` and `b`, both ways, until one side ends; then
/// closes both and returns. Cancelling `ctx` closes both at once, which ends
/// the relay. The reverse direction runs on a second thread, joined before
/// returning. (Shared pointers, so that the cancellation callback can never
/// outlive the connections; a net::ConnUniquePtr converts.)
inline void Relay(const gc::context::Context& ctx, std::shared_ptr<gc::net::Conn> a, std::shared_ptr<gc::net::Conn> b) {
  auto close_both = [a, b] {
    (void)a->Close();  // closing an already closed end just reports an error
    (void)b->Close();
  };
  gc::context::AfterFuncHandle on_cancel = gc::context::AfterFunc(ctx, close_both);
  std::thread back([a, b, close_both] {
    Copy(*a, *b);
    close_both();
  });
  Copy(*b, *a);
  close_both();
  back.join();
  on_cancel.Stop();
}

/// A handler's Handle in one call: runs `serve(client)` on the connection,
/// made shared; cancelling `ctx` (the service is closing) closes the
/// connection, which unblocks whatever waits on it, and it is closed when
/// `serve` returns. Returns what `serve` returns.
template <class Serve>
gc::Error ServeClosingOnCancel(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn, Serve serve) {
  std::shared_ptr<gc::net::Conn> client(std::move(conn));
  gc::context::AfterFuncHandle on_cancel = gc::context::AfterFunc(ctx, [client] { (void)client->Close(); });
  gc::Error err = serve(client);
  on_cancel.Stop();
  (void)client->Close();
  return err;
}

}  // namespace example
