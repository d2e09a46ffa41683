// mini_gost self-test: checks the example's building blocks one by one
// (the built-in components' registrations, HTTP head parsing, and the
// POSIX connection's deadlines, cancellation, Close and half-close) without
// any test framework (the reference pieces it uses have their own tests in
// examples/reference/tests).
// Prints "mini_gost selftest: PASS" when every check holds.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "components.hpp"
#include "posix_net.hpp"
#include "support.hpp"

namespace {

using namespace mini_gost;
using namespace std::chrono_literals;

int g_failures = 0;
const gc::context::Context kBg;

void Check(bool ok, const char* what, int line) {
  std::printf("%s: %s (line %d)\n", ok ? "ok" : "FAILED", what, line);
  if (!ok) ++g_failures;
}
#define CHECK(cond) Check((cond), #cond, __LINE__)

void TestRegistry() {
  RegisterBuiltins();
  RegisterBuiltins();  // a second time changes nothing
  CHECK(static_cast<bool>(HandlerRegistry().Get("http")));
  CHECK(static_cast<bool>(HandlerRegistry().Get("socks5")));
  CHECK(!HandlerRegistry().Get("socks4"));
  CHECK(static_cast<bool>(ListenerRegistry().Get("tcp")));
  CHECK(static_cast<bool>(DialerRegistry().Get("tcp")));
  CHECK(static_cast<bool>(ConnectorRegistry().Get("http")));
  CHECK(static_cast<bool>(ConnectorRegistry().Get("socks5")));
  CHECK(!ConnectorRegistry().Get("socks4"));
  CHECK(static_cast<bool>(ListenerRegistry().Get("rtcp")));
  CHECK(static_cast<bool>(HandlerRegistry().Get("rtcp")));
}

void TestHttpParsing() {
  auto h = ParseHttpHead("GET http://a:1/x HTTP/1.1\r\nHost: a\r\nX-Y:  v \r\n\r\n", false);
  CHECK(h && h->start[0] == "GET" && h->start[1] == "http://a:1/x" && h->headers.size() == 2);
  CHECK(h && h->headers[1].second == "v");
  CHECK(ParseHttpHead("GET / HTTP/1.0\n\n", false).has_value());
  CHECK(!ParseHttpHead("GET / HTTP/2.0\r\n\r\n", false));
  CHECK(!ParseHttpHead("GET  / HTTP/1.1\r\n\r\n", false));
  CHECK(!ParseHttpHead("GET / HTTP/1.1\r\nNoColon\r\n\r\n", false));
  CHECK(!ParseHttpHead("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n", false));
  CHECK(!ParseHttpHead(std::string("GET / HTTP/1.1\r\nA: b\0c\r\n\r\n", 26), false));
  CHECK(!ParseHttpHead("G(T / HTTP/1.1\r\n\r\n", false));
  auto r = ParseHttpHead("HTTP/1.1 200 Connection established\r\n\r\n", true);
  CHECK(r && r->start[1] == "200" && r->start[2] == "Connection established");
  CHECK(ParseHttpHead("HTTP/1.0 502\r\n\r\n", true).has_value());
  CHECK(FindHeaderEnd("a\r\nb\r\n\r\nrest", 0) == 8);
  CHECK(FindHeaderEnd("a\nb\n\nrest", 0) == 5);
  CHECK(FindHeaderEnd("a\r\nb\r\n", 0) == std::string::npos);
  CHECK(ParseHostPort("example.com:443").has_value());
  CHECK(ParseHostPort("[::1]:80").has_value());
  CHECK(!ParseHostPort("example.com"));
  CHECK(!ParseHostPort("example.com:0"));
  CHECK(!ParseHostPort("example.com:65536"));
  CHECK(!ParseHostPort("example.com:8a"));
  CHECK(!ParseHostPort(":80"));
  CHECK(!ParseHostPort("a b:80"));
}

struct Pair {
  gc::net::ConnUniquePtr client;
  gc::net::ConnUniquePtr server;
};

Pair Connect(TcpNetListener& ln) {
  Pair p;
  std::thread t([&] {
    auto c = ln.Accept();
    if (c) p.server = std::move(*c);
  });
  auto c = DialTCP(gc::context::Background(), "tcp", ln.Addr().String());
  t.join();
  if (c) p.client = std::move(*c);
  return p;
}

void TestConn() {
  auto lnr = TcpNetListener::Listen("tcp", "127.0.0.1:0");
  CHECK(lnr.has_value());
  if (!lnr) return;
  auto& ln = **lnr;
  auto p = Connect(ln);
  CHECK(p.client && p.server);
  if (!p.client || !p.server) return;

  // Data both ways, then a read deadline.
  CHECK(!WriteString(*p.client, "ping"));
  std::byte buf[16];  // NOLINT
  CHECK(!ReadFull(*p.server, std::span(buf).first(4)) && gc::AsString(std::span(buf).first(4)) == "ping");
  (void)p.server->SetReadDeadline(gc::Now() + 50ms);
  auto start = std::chrono::steady_clock::now();
  auto r = p.server->Read(buf);
  CHECK(r.n == 0 && gc::errors::Is(r.err, gc::net::ErrDeadlineExceeded) && r.err.Timeout());
  CHECK(std::chrono::steady_clock::now() - start < 5s);
  (void)p.server->SetReadDeadline(gc::Time{});

  // A deadline moved while a Read is pending takes effect.
  std::thread mover([&] {
    std::this_thread::sleep_for(50ms);
    (void)p.server->SetReadDeadline(gc::Now());
  });
  r = p.server->Read(buf);
  mover.join();
  CHECK(gc::errors::Is(r.err, gc::net::ErrDeadlineExceeded));
  (void)p.server->SetReadDeadline(gc::Time{});

  // Cancelling a context interrupts a pending Read through the guard.
  {
    auto [ctx, cancel] = gc::context::WithCancel(gc::context::Background());
    ConnDeadlineGuard guard(ctx, *p.server);
    std::thread canceller([c = cancel] {
      std::this_thread::sleep_for(50ms);
      c();
    });
    r = p.server->Read(buf);
    canceller.join();
    CHECK(r.err.Timeout());
  }
  // ...and the guard cleared the deadline again: data flows.
  CHECK(!WriteString(*p.client, "x"));
  r = p.server->Read(buf);
  CHECK(r.n == 1 && !r.err);

  // Half-close: the server sees EOF and can still answer.
  CloseWriteOrClose(*p.client);
  r = p.server->Read(buf);
  CHECK(r.n == 0 && gc::errors::Is(r.err, gc::io::ErrEOF));
  CHECK(!WriteString(*p.server, "pong"));
  CHECK(!ReadFull(*p.client, std::span(buf).first(4)) && gc::AsString(std::span(buf).first(4)) == "pong");

  // Close from another thread unblocks a pending Read; a second Close fails.
  std::thread closer([&] {
    std::this_thread::sleep_for(50ms);
    (void)p.client->Close();
  });
  r = p.client->Read(buf);
  closer.join();
  CHECK(gc::errors::Is(r.err, gc::net::ErrClosed));
  CHECK(gc::errors::Is(p.client->Close(), gc::net::ErrClosed));
  CHECK(gc::errors::Is(p.client->Write(gc::AsBytes("x")).err, gc::net::ErrClosed));

  // Dialing with a cancelled context fails at once.
  auto [ctx, cancel] = gc::context::WithCancel(gc::context::Background());
  cancel();
  auto d = DialTCP(ctx, "tcp", ln.Addr().String());
  CHECK(!d && gc::errors::Is(d.error(), gc::context::Canceled));
  auto addr = ln.Addr().String();

  // Close unblocks a pending Accept; the port is released.
  std::thread acceptor([&] {
    auto c = ln.Accept();
    CHECK(!c && gc::errors::Is(c.error(), gc::net::ErrClosed));
  });
  std::this_thread::sleep_for(50ms);
  CHECK(!ln.Close());
  acceptor.join();
  d = DialTCP(gc::context::Background(), "tcp", addr);
  CHECK(!d && d.error().Code() == std::errc::connection_refused);
  CHECK(Socks5ReplyFor(d.error()) == kConnectionRefused);
  CHECK(Socks5ReplyFor(gc::context::DeadlineExceeded) == kHostUnreachable);
  CHECK(Socks5ReplyFor(gc::errors::New("other")) == kGeneralFailure);

  // A dial that cannot complete (a listener whose accept queue is full drops
  // the handshake) ends at the context's deadline, or when it is cancelled.
  {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof sin;
    const bool listening = ::bind(fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin) == 0 &&  // NOLINT
                           ::listen(fd, 0) == 0 &&
                           ::getsockname(fd, reinterpret_cast<sockaddr*>(&sin), &len) == 0;  // NOLINT
    CHECK(listening);
    const std::string full = "127.0.0.1:" + std::to_string(ntohs(sin.sin_port));
    std::vector<gc::net::ConnUniquePtr> queued;
    gc::Error timed_out;
    for (int i = 0; i < 8 && !timed_out; ++i) {
      auto [tctx, tcancel] = gc::context::WithTimeout(gc::context::Background(), 200ms);
      auto t0 = std::chrono::steady_clock::now();
      auto q = DialTCP(tctx, "tcp", full);
      tcancel();
      if (q) {
        queued.push_back(std::move(*q));
      } else {
        timed_out = q.error();
        CHECK(std::chrono::steady_clock::now() - t0 < 3s);
      }
    }
    CHECK(timed_out && timed_out.Timeout() && gc::errors::Is(timed_out, gc::context::DeadlineExceeded));
    auto [cctx, ccancel] = gc::context::WithCancel(gc::context::Background());
    std::thread canceller([c = ccancel] {
      std::this_thread::sleep_for(100ms);
      c();
    });
    auto q = DialTCP(cctx, "tcp", full);
    canceller.join();
    CHECK(!q && gc::errors::Is(q.error(), gc::context::Canceled));
    ::close(fd);
  }

  // Relay: bytes both ways, half-close passed on.
  auto l2 = TcpNetListener::Listen("tcp", "127.0.0.1:0");
  auto x = Connect(**l2);
  auto y = Connect(**l2);
  std::thread relay([&] { (void)Relay(gc::context::Background(), *x.server, *y.client); });
  CHECK(!WriteString(*x.client, "hello"));
  CHECK(!ReadFull(*y.server, std::span(buf).first(5)) && gc::AsString(std::span(buf).first(5)) == "hello");
  CloseWriteOrClose(*x.client);
  r = y.server->Read(buf);
  CHECK(gc::errors::Is(r.err, gc::io::ErrEOF));
  CHECK(!WriteString(*y.server, "back"));
  CHECK(!ReadFull(*x.client, std::span(buf).first(4)) && gc::AsString(std::span(buf).first(4)) == "back");
  CloseWriteOrClose(*y.server);
  relay.join();
  r = x.client->Read(buf);
  CHECK(gc::errors::Is(r.err, gc::io::ErrEOF));
}

}  // namespace

int main() {
  TestRegistry();
  TestHttpParsing();
  TestConn();
  if (g_failures != 0) {
    std::printf("mini_gost selftest: %d check(s) FAILED\n", g_failures);
    return 1;
  }
  std::printf("mini_gost selftest: PASS\n");
  return 0;
}
