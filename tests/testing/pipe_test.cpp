// net::Pipe, net::PipeListener and its dialer: the behaviour
// gost/core/testing/pipe.hpp documents, case by case (the conformance suites
// cover the rest).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "gost/core/go/bytes.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/testing/pipe.hpp"

namespace {

namespace core = gost::core;
namespace net = gost::core::net;
using namespace std::chrono_literals;

// Long enough that a thread started before it has surely blocked; no test
// asserts on speed.
constexpr auto kSettle = 50ms;
// Generous bound for things that must happen.
constexpr auto kPatience = 10s;

std::string ReadString(net::Conn& c, std::size_t n) {
  std::string out(n, '\0');
  std::size_t got = 0;
  while (got < n) {
    auto r = c.Read(std::as_writable_bytes(std::span<char>(out.data() + got, n - got)));
    got += r.n;
    if (r.err) break;
  }
  out.resize(got);
  return out;
}

// Runs a function when the scope ends. Declared after the std::async
// futures of a test, it closes what they wait on before their destructors
// wait for them, so a failed assertion cannot leave the test hanging.
class AtExit {
 public:
  explicit AtExit(std::function<void()> f) : f_(std::move(f)) {}
  AtExit(const AtExit&) = delete;
  AtExit& operator=(const AtExit&) = delete;
  ~AtExit() { f_(); }

 private:
  std::function<void()> f_;
};

// Closes both ends of a pipe when the scope ends.
AtExit CloseAtExit(net::Conn& x, net::Conn& y) {
  return AtExit([&x, &y] {
    (void)x.Close();
    (void)y.Close();
  });
}

// Writes `s` into `from` on another thread and expects `to` to read it
// whole and the Write to report every byte without an error; then closes
// both ends.
void ExpectCrossingThenClose(net::Conn& from, net::Conn& to, std::string_view s) {
  auto w = std::async(std::launch::async, [&from, s] { return from.Write(core::AsBytes(s)); });
  const AtExit unblock = CloseAtExit(from, to);
  EXPECT_EQ(ReadString(to, s.size()), s);
  const auto wr = w.get();
  EXPECT_EQ(wr.n, s.size());
  EXPECT_FALSE(wr.err);
}

template <class T>
bool Ready(std::future<T>& f, std::chrono::milliseconds wait = 0ms) {
  return f.wait_for(wait) == std::future_status::ready;
}

TEST(PipeTest, BytesCrossBothWays) {
  auto [a, b] = net::Pipe();
  auto w = std::async(std::launch::async, [&a = *a] { return a.Write(core::AsBytes("hello")); });
  EXPECT_EQ(ReadString(*b, 5), "hello");
  const auto wr = w.get();
  EXPECT_EQ(wr.n, 5U);
  EXPECT_FALSE(wr.err);
  ExpectCrossingThenClose(*b, *a, "back");
}

TEST(PipeTest, WriteWaitsUntilEveryByteIsRead) {
  auto [a, b] = net::Pipe();
  auto w = std::async(std::launch::async, [&a = *a] { return a.Write(core::AsBytes("0123456789")); });
  const AtExit unblock = CloseAtExit(*a, *b);
  EXPECT_FALSE(Ready(w, kSettle)) << "Write returned before anyone read";
  std::byte small[4];
  auto r = b->Read(small);
  EXPECT_EQ(r.n, 4U) << "a Read takes at most its buffer's size";
  EXPECT_FALSE(Ready(w, kSettle)) << "Write returned with 6 bytes unread";
  EXPECT_EQ(ReadString(*b, 6), "456789");
  ASSERT_TRUE(Ready(w, kPatience));
  EXPECT_EQ(w.get().n, 10U);
}

TEST(PipeTest, ConcurrentWritesDoNotInterleave) {
  auto [a, b] = net::Pipe();
  const std::string xs(4096, 'x');
  const std::string ys(4096, 'y');
  auto w1 = std::async(std::launch::async, [&a = *a, &xs] { return a.Write(core::AsBytes(xs)); });
  auto w2 = std::async(std::launch::async, [&a = *a, &ys] { return a.Write(core::AsBytes(ys)); });
  const AtExit unblock = CloseAtExit(*a, *b);
  // Small reads, so that the writers get every chance to mix.
  std::string got;
  std::byte buf[100];
  while (got.size() < 8192) {
    auto r = b->Read(buf);
    ASSERT_FALSE(r.err) << r.err;
    got.append(core::AsString({buf, r.n}));
  }
  EXPECT_EQ(w1.get().n, 4096U);
  EXPECT_EQ(w2.get().n, 4096U);
  const std::string first = got.substr(0, 4096);
  const std::string second = got.substr(4096);
  EXPECT_TRUE((first == xs && second == ys) || (first == ys && second == xs)) << "the two Writes interleaved";
}

TEST(PipeTest, ZeroLengthCallsReturnAtOnce) {
  auto [a, b] = net::Pipe();
  auto w = a->Write({});
  EXPECT_EQ(w.n, 0U);
  EXPECT_FALSE(w.err);
  auto r = b->Read({});
  EXPECT_EQ(r.n, 0U);
  EXPECT_FALSE(r.err);
  ASSERT_FALSE(a->Close());
  EXPECT_TRUE(core::errors::Is(a->Write({}).err, net::ErrClosed)) << "a closed end fails even when empty";
  EXPECT_TRUE(core::errors::Is(b->Read({}).err, core::io::ErrEOF));
}

TEST(PipeTest, Addresses) {
  auto [a, b] = net::Pipe();
  EXPECT_EQ(a->LocalAddr(), net::Addr("pipe", "pipe"));
  EXPECT_EQ(a->RemoteAddr(), net::Addr("pipe", "pipe"));
  EXPECT_EQ(b->LocalAddr(), net::Addr("pipe", "pipe"));
}

TEST(PipeTest, CallsOnAClosedEndFailWithErrClosed) {
  auto [a, b] = net::Pipe();
  ASSERT_FALSE(a->Close());
  std::byte buf[8];
  EXPECT_EQ(a->Read(buf).err, net::ErrClosed);
  EXPECT_EQ(a->Write(core::AsBytes("x")).err, net::ErrClosed);
  EXPECT_EQ(a->SetDeadline(core::Now()), net::ErrClosed);
  EXPECT_EQ(a->SetReadDeadline(core::Now()), net::ErrClosed);
  EXPECT_EQ(a->SetWriteDeadline(core::Now()), net::ErrClosed);
  EXPECT_EQ(a->Close(), net::ErrClosed) << "closing twice is an error";
}

TEST(PipeTest, PeerSeesEofAndClosedPipe) {
  auto [a, b] = net::Pipe();
  ASSERT_FALSE(a->Close());
  std::byte buf[8];
  const auto r = b->Read(buf);
  EXPECT_EQ(r.n, 0U);
  EXPECT_TRUE(core::errors::Is(r.err, core::io::ErrEOF)) << r.err;
  const auto w = b->Write(core::AsBytes("x"));
  EXPECT_EQ(w.n, 0U);
  EXPECT_TRUE(core::errors::Is(w.err, net::ErrClosed)) << w.err;
  EXPECT_EQ(w.err.Message(), "io: read/write on closed pipe");
  EXPECT_FALSE(b->Close()) << "the peer's own first Close succeeds";
}

TEST(PipeTest, DestroyingAnEndClosesIt) {
  auto [a, b] = net::Pipe();
  a.reset();
  std::byte buf[8];
  EXPECT_TRUE(core::errors::Is(b->Read(buf).err, core::io::ErrEOF));
}

// What a blocked Read and a blocked Write returned once a Close woke them.
struct Woken {
  core::io::IOResult read;
  core::io::IOResult write;
};

// Blocks a Read and a Write on `blocked`, one end of the pipe a-b (nobody
// reads the other end), closes a, and stores what the two calls returned.
void CloseAWhileBlocked(net::Conn& a, net::Conn& b, net::Conn& blocked, Woken* out) {
  auto reading = std::async(std::launch::async, [&blocked] {
    std::byte buf[8];
    return blocked.Read(buf);
  });
  auto writing = std::async(std::launch::async, [&blocked] { return blocked.Write(core::AsBytes("stuck")); });
  const AtExit unblock = CloseAtExit(a, b);
  EXPECT_FALSE(Ready(reading, kSettle)) << "Read returned with nothing written";
  EXPECT_FALSE(Ready(writing)) << "Write returned with nobody reading";
  ASSERT_FALSE(a.Close());
  ASSERT_TRUE(Ready(reading, kPatience));
  ASSERT_TRUE(Ready(writing, kPatience));
  out->read = reading.get();
  out->write = writing.get();
}

TEST(PipeTest, CloseWakesPendingCallsOnTheClosedEnd) {
  auto [a, b] = net::Pipe();
  Woken woken;
  ASSERT_NO_FATAL_FAILURE(CloseAWhileBlocked(*a, *b, *a, &woken));
  EXPECT_EQ(woken.read.err, net::ErrClosed);
  EXPECT_EQ(woken.write.n, 0U);
  EXPECT_EQ(woken.write.err, net::ErrClosed);
}

TEST(PipeTest, CloseWakesPendingCallsOnThePeer) {
  auto [a, b] = net::Pipe();
  Woken woken;
  ASSERT_NO_FATAL_FAILURE(CloseAWhileBlocked(*a, *b, *b, &woken));
  EXPECT_TRUE(core::errors::Is(woken.read.err, core::io::ErrEOF));
  EXPECT_TRUE(core::errors::Is(woken.write.err, net::ErrClosed)) << woken.write.err;
}

TEST(PipeTest, WriteCutShortReportsWhatWentThrough) {
  auto [a, b] = net::Pipe();
  auto w = std::async(std::launch::async, [&a = *a] { return a.Write(core::AsBytes("0123456789")); });
  const AtExit unblock = CloseAtExit(*a, *b);
  EXPECT_EQ(ReadString(*b, 3), "012");
  ASSERT_FALSE(b->Close());
  ASSERT_TRUE(Ready(w, kPatience));
  const auto r = w.get();
  EXPECT_EQ(r.n, 3U);
  EXPECT_TRUE(core::errors::Is(r.err, net::ErrClosed));
}

TEST(PipeTest, PastDeadlineFailsAtOnceWithATimeout) {
  auto [a, b] = net::Pipe();
  ASSERT_FALSE(a->SetDeadline(core::Now() - 1s));
  std::byte buf[8];
  const auto r = a->Read(buf);
  EXPECT_EQ(r.n, 0U);
  EXPECT_EQ(r.err, net::ErrDeadlineExceeded);
  EXPECT_TRUE(r.err.Timeout());
  const auto w = a->Write(core::AsBytes("x"));
  EXPECT_EQ(w.n, 0U);
  EXPECT_EQ(w.err, net::ErrDeadlineExceeded);
  // The other end's deadlines are its own.
  auto w2 = std::async(std::launch::async, [&b = *b] { return b.Write(core::AsBytes("ok")); });
  const AtExit unblock = CloseAtExit(*a, *b);
  EXPECT_FALSE(Ready(w2, kSettle));
  ASSERT_FALSE(a->SetReadDeadline(core::Time{}));
  EXPECT_EQ(ReadString(*a, 2), "ok");
  EXPECT_FALSE(w2.get().err);
}

TEST(PipeTest, PendingCallsWakeAtTheDeadline) {
  auto [a, b] = net::Pipe();
  const core::Time deadline = core::Now() + 100ms;
  ASSERT_FALSE(a->SetReadDeadline(deadline));
  std::byte buf[8];
  const auto r = a->Read(buf);
  EXPECT_GE(core::Now(), deadline) << "Read timed out before its deadline";
  EXPECT_EQ(r.n, 0U);
  EXPECT_EQ(r.err, net::ErrDeadlineExceeded);

  // A Write nobody reads wakes at its deadline too.
  const core::Time wdl = core::Now() + 100ms;
  ASSERT_FALSE(a->SetWriteDeadline(wdl));
  const auto w = a->Write(core::AsBytes("nobody reads this"));
  EXPECT_GE(core::Now(), wdl) << "Write timed out before its deadline";
  EXPECT_EQ(w.n, 0U);
  EXPECT_EQ(w.err, net::ErrDeadlineExceeded);
}

TEST(PipeTest, MovingTheDeadlineWakesPendingCalls) {
  auto [a, b] = net::Pipe();
  auto r = std::async(std::launch::async, [&a = *a] {
    std::byte buf[8];
    return a.Read(buf);
  });
  EXPECT_FALSE(Ready(r, kSettle));
  // Far in the future: still blocked. Then in the past: wakes at once.
  ASSERT_FALSE(a->SetReadDeadline(core::Now() + 1h));
  EXPECT_FALSE(Ready(r, kSettle));
  ASSERT_FALSE(a->SetReadDeadline(core::Now() - 1s));
  ASSERT_TRUE(Ready(r, kPatience));
  EXPECT_EQ(r.get().err, net::ErrDeadlineExceeded);
  // Time{} clears it: the next Read waits for data again.
  ASSERT_FALSE(a->SetReadDeadline(core::Time{}));
  ExpectCrossingThenClose(*b, *a, "go");
}

TEST(PipeTest, AFarDeadlineIsNoObstacle) {
  auto [a, b] = net::Pipe();
  ASSERT_FALSE(a->SetDeadline(core::Time::max()));
  auto r = std::async(std::launch::async, [&a = *a] {
    std::byte buf[8];
    return a.Read(buf);
  });
  const AtExit unblock = CloseAtExit(*a, *b);
  EXPECT_FALSE(Ready(r, kSettle)) << "a deadline at the end of time fired";
  auto w = b->Write(core::AsBytes("z"));
  EXPECT_FALSE(w.err);
  ASSERT_TRUE(Ready(r, kPatience));
  EXPECT_EQ(r.get().n, 1U);
}

TEST(PipeTest, TimeoutOfAPartlyReadWriteKeepsTheCount) {
  auto [a, b] = net::Pipe();
  ASSERT_FALSE(a->SetWriteDeadline(core::Now() + 200ms));
  auto w = std::async(std::launch::async, [&a = *a] { return a.Write(core::AsBytes("abcdef")); });
  const AtExit unblock = CloseAtExit(*a, *b);
  EXPECT_EQ(ReadString(*b, 2), "ab");
  ASSERT_TRUE(Ready(w, kPatience));
  const auto r = w.get();
  EXPECT_EQ(r.n, 2U);
  EXPECT_EQ(r.err, net::ErrDeadlineExceeded);
  // The rest is gone, not left for the next Read.
  auto w2 = std::async(std::launch::async, [&a = *a] {
    (void)a.SetWriteDeadline(core::Time{});
    return a.Write(core::AsBytes("XY"));
  });
  EXPECT_EQ(ReadString(*b, 2), "XY");
  EXPECT_FALSE(w2.get().err);
}

// Two writers and two readers on one direction of a pipe while a third
// thread keeps moving both ends' deadlines (so calls time out part way), and
// finally a close. Every Write reports how many of its bytes went through;
// exactly those bytes arrive, none lost and none twice: writer w sends the
// bytes 100 * w + (k % 100) for k = 0, 1, 2..., and the readers' tally of
// each value must match what the writers' counts imply.
TEST(PipeTest, StressConcurrentIoDeadlinesAndClose) {
  auto [a, b] = net::Pipe();
  constexpr std::size_t kWriters = 2;
  constexpr std::size_t kBytes = 6000;       // per writer
  constexpr int kMaxAttempts = 200000;       // bounds the test if calls keep timing out
  std::atomic<bool> writing{true};
  std::vector<std::size_t> sent(kWriters, 0);
  std::vector<std::thread> writers;
  for (std::size_t w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w, &conn = *a] {
      std::size_t next = 0;
      for (int i = 0; next < kBytes && i < kMaxAttempts; ++i) {
        std::vector<std::byte> chunk(1 + static_cast<std::size_t>(i % 37));
        for (std::size_t k = 0; k < chunk.size(); ++k) {
          chunk[k] = static_cast<std::byte>(((next + k) % 100) + 100 * w);
        }
        const auto r = conn.Write(chunk);
        EXPECT_LE(r.n, chunk.size());
        next += r.n;
        if (r.err) {
          EXPECT_EQ(r.err, net::ErrDeadlineExceeded) << r.err;
        }
      }
      sent[w] = next;
    });
  }
  std::mutex mu;
  std::vector<std::size_t> tally(256, 0);  // guarded by mu: count per byte value
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&, &conn = *b] {
      std::byte buf[16];
      for (int i = 1;; ++i) {
        if (i % 64 == 0) std::this_thread::sleep_for(300us);  // let writers wait
        const auto res = conn.Read(buf);
        {
          std::lock_guard lock(mu);
          for (std::size_t k = 0; k < res.n; ++k) ++tally[static_cast<std::size_t>(buf[k])];
        }
        if (res.err == net::ErrDeadlineExceeded) continue;
        if (res.err) return;  // EOF once the writing end is closed
      }
    });
  }
  std::thread mover([&, &x = *a, &y = *b] {
    int i = 0;
    while (writing.load()) {
      const auto d = std::chrono::microseconds(50 + (i++ % 7) * 40);
      (void)x.SetWriteDeadline(core::Now() + d);
      (void)y.SetReadDeadline(core::Now() + d);
      std::this_thread::sleep_for(2 * d);  // past the deadline half the time
    }
  });
  for (auto& t : writers) t.join();
  writing = false;
  mover.join();
  ASSERT_FALSE(a->Close());
  for (auto& t : readers) t.join();

  std::vector<std::size_t> expected(256, 0);
  std::size_t total = 0;
  for (std::size_t w = 0; w < kWriters; ++w) {
    for (std::size_t k = 0; k < sent[w]; ++k) ++expected[(k % 100) + 100 * w];
    total += sent[w];
  }
  EXPECT_GT(total, 0U);
  EXPECT_EQ(tally, expected) << "bytes lost or delivered twice";
  // Calls after the close fail at once instead of hanging.
  EXPECT_EQ(a->Write(core::AsBytes("x")).err, net::ErrClosed);
  std::byte one[1];
  EXPECT_TRUE(b->Read(one).err);
}

TEST(PipeListenerTest, DialIsAcceptedAndConnected) {
  net::PipeListener ln;
  EXPECT_EQ(ln.Addr(), net::Addr("pipe", "pipe"));
  auto dialed = std::async(std::launch::async, [&ln] { return ln.Dial(); });
  EXPECT_FALSE(Ready(dialed, kSettle)) << "with no backlog, Dial waits for Accept";
  AtExit close([&ln] { (void)ln.Close(); });
  auto server = ln.Accept();
  ASSERT_TRUE(server.has_value()) << server.error();
  auto client = dialed.get();
  ASSERT_TRUE(client.has_value()) << client.error();
  ExpectCrossingThenClose(**client, **server, "hi");
}

TEST(PipeListenerTest, CustomAddress) {
  net::PipeListener ln(0, net::Addr("mem", "server-1"));
  EXPECT_EQ(ln.Addr(), net::Addr("mem", "server-1"));
}

TEST(PipeListenerTest, BacklogLetsDialReturnFirst) {
  net::PipeListener ln(2);
  auto c1 = ln.Dial();
  auto c2 = ln.Dial();
  ASSERT_TRUE(c1.has_value());
  ASSERT_TRUE(c2.has_value());
  auto third = std::async(std::launch::async, [&ln] { return ln.Dial(); });
  AtExit close([&ln] { (void)ln.Close(); });
  EXPECT_FALSE(Ready(third, kSettle)) << "a full backlog makes Dial wait";
  // Accepted in dial order.
  auto s1 = ln.Accept();
  ASSERT_TRUE(s1.has_value());
  ExpectCrossingThenClose(**c1, **s1, "one");
  ASSERT_TRUE(Ready(third, kPatience)) << "room in the backlog releases the waiting Dial";
  EXPECT_TRUE(third.get().has_value());
}

// Starts `call` (an Accept or a Dial on ln) on another thread, expects it to
// wait, closes ln and expects the call to fail with ErrClosed.
template <class Call>
void ExpectCloseFailsPendingCall(net::PipeListener& ln, const Call& call) {
  auto pending = std::async(std::launch::async, call);
  AtExit close([&ln] { (void)ln.Close(); });
  EXPECT_FALSE(Ready(pending, kSettle));
  ASSERT_FALSE(ln.Close());
  ASSERT_TRUE(Ready(pending, kPatience));
  auto r = pending.get();
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error(), net::ErrClosed);
}

TEST(PipeListenerTest, CloseUnblocksAcceptAndDial) {
  net::PipeListener ln;
  ASSERT_NO_FATAL_FAILURE(ExpectCloseFailsPendingCall(ln, [&ln] { return ln.Accept(); }));
  EXPECT_EQ(ln.Accept().error(), net::ErrClosed);
  EXPECT_EQ(ln.Dial().error(), net::ErrClosed);
  EXPECT_EQ(ln.Close(), net::ErrClosed);
  EXPECT_EQ(ln.Addr(), net::Addr("pipe", "pipe")) << "the address survives Close";
}

TEST(PipeListenerTest, CloseFailsAPendingDial) {
  net::PipeListener ln;
  ExpectCloseFailsPendingCall(ln, [&ln] { return ln.Dial(); });
}

TEST(PipeListenerTest, CloseEndsQueuedConnections) {
  net::PipeListener ln(1);
  auto client = ln.Dial();
  ASSERT_TRUE(client.has_value());
  ASSERT_FALSE(ln.Close());
  std::byte buf[4];
  EXPECT_TRUE(core::errors::Is((*client)->Read(buf).err, core::io::ErrEOF)) << "nobody will ever accept it";
}

TEST(PipeListenerTest, DialHonoursCancellation) {
  net::PipeListener ln;
  // Already cancelled: fails at once.
  auto [done_ctx, cancel_now] = core::context::WithCancel(core::context::Background());
  cancel_now();
  auto r = ln.Dial(done_ctx);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error(), core::context::Canceled);
  // Cancelled while waiting for Accept: wakes and fails.
  auto [ctx, cancel] = core::context::WithCancel(core::context::Background());
  auto dialed = std::async(std::launch::async, [&ln, ctx = ctx] { return ln.Dial(ctx); });
  AtExit close([&ln] { (void)ln.Close(); });
  EXPECT_FALSE(Ready(dialed, kSettle));
  cancel();
  ASSERT_TRUE(Ready(dialed, kPatience));
  auto d = dialed.get();
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error(), core::context::Canceled);
  // The abandoned connection is not left for Accept.
  ASSERT_FALSE(ln.Close());
}

TEST(PipeListenerTest, DialWithAFarDeadlineWaitsForAccept) {
  net::PipeListener ln;
  auto [ctx, cancel] = core::context::WithDeadline(core::context::Background(), core::Time::max());
  auto dialed = std::async(std::launch::async, [&ln, ctx = ctx] { return ln.Dial(ctx); });
  AtExit close([&ln] { (void)ln.Close(); });
  EXPECT_FALSE(Ready(dialed, kSettle));
  auto server = ln.Accept();
  ASSERT_TRUE(server.has_value());
  ASSERT_TRUE(Ready(dialed, kPatience));
  EXPECT_TRUE(dialed.get().has_value());
  cancel();
}

TEST(PipeListenerTest, DialHonoursTheContextDeadline) {
  net::PipeListener ln;
  auto [ctx, cancel] = core::context::WithTimeout(core::context::Background(), 100ms);
  const core::Time start = core::Now();
  auto r = ln.Dial(ctx);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error(), core::context::DeadlineExceeded);
  EXPECT_TRUE(r.error().Timeout());
  EXPECT_GE(core::Now() - start, 90ms) << "gave up well before the deadline";
  cancel();
  // A later Accept does not find the timed-out dial.
  auto late = std::async(std::launch::async, [&ln] { return ln.Accept(); });
  AtExit close([&ln] { (void)ln.Close(); });
  EXPECT_FALSE(Ready(late, kSettle)) << "Accept found a connection whose Dial had failed";
  ASSERT_FALSE(ln.Close());
  EXPECT_FALSE(late.get().has_value());
}

TEST(PipeListenerTest, DialerAdapter) {
  auto ln = std::make_unique<net::PipeListener>();
  core::common::net::DialerPtr dialer = ln->Dialer();
  ASSERT_NE(dialer, nullptr);
  auto dialed = std::async(std::launch::async, [&dialer] { return dialer->Dial({}, "tcp", "anything:1"); });
  AtExit close([&ln] {
    if (ln) (void)ln->Close();
  });
  auto server = ln->Accept();
  ASSERT_TRUE(server.has_value());
  ASSERT_TRUE(dialed.get().has_value());
  // The dialer outlives the listener and then fails cleanly.
  ln.reset();
  auto after = dialer->Dial({}, "tcp", "x:1");
  ASSERT_FALSE(after.has_value());
  EXPECT_EQ(after.error(), net::ErrClosed);
}

TEST(PipeListenerTest, ManyDialersAndAcceptors) {
  net::PipeListener ln;
  constexpr int kConns = 16;
  std::atomic<int> accepted{0};
  std::vector<std::future<void>> acceptors;
  for (int i = 0; i < 4; ++i) {
    acceptors.push_back(std::async(std::launch::async, [&] {
      while (ln.Accept().has_value()) ++accepted;
    }));
  }
  std::vector<std::future<bool>> dialers;
  for (int i = 0; i < kConns; ++i) {
    dialers.push_back(std::async(std::launch::async, [&ln] { return ln.Dial().has_value(); }));
  }
  for (auto& d : dialers) EXPECT_TRUE(d.get());
  ASSERT_FALSE(ln.Close());
  for (auto& a : acceptors) a.get();
  EXPECT_EQ(accepted.load(), kConns) << "every dialed connection is accepted exactly once";
}

}  // namespace
