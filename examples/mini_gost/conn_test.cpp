// mini_gost's TcpConn under the testing kit: the net::Conn conformance suite
// (whose Copy case runs TcpConn's io::ReaderFrom, splice(2) between two
// connections), and the splice path's own contract: what it returns, that
// deadlines and Close stop it while it waits, that it falls back to a
// read/write loop for other Readers, and how many descriptors it holds.
// Built only when GoogleTest is found (target gost::core_testing).
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gost/core/testing/conformance/conn.hpp>
#include <gost/core/testing/pipe.hpp>

#include "posix_net.hpp"
#include "support.hpp"

namespace {

using namespace mini_gost;
using namespace std::chrono_literals;
namespace net = gost::core::net;
namespace io = gost::core::io;

// A listener on 127.0.0.1, port chosen by the system.
std::unique_ptr<TcpNetListener> Listen() {
  auto ln = TcpNetListener::Listen("tcp", "127.0.0.1:0");
  if (!ln) throw std::runtime_error("listen: " + ln.error().Message());
  return std::move(*ln);
}

// Two connected TcpConns: c1 dialed, c2 accepted.
struct Pair {
  net::ConnUniquePtr c1;
  net::ConnUniquePtr c2;
};

Pair Connect(TcpNetListener& ln) {
  auto c1 = DialTCP(gc::context::Background(), "tcp", ln.Addr().String());
  if (!c1) throw std::runtime_error("dial: " + c1.error().Message());
  auto c2 = ln.Accept();
  if (!c2) throw std::runtime_error("accept: " + c2.error().Message());
  return {std::move(*c1), std::move(*c2)};
}

gc::Result<net::ConnPair> MakeTcpConnPair() {
  std::shared_ptr<TcpNetListener> ln = Listen();
  Pair p = Connect(*ln);
  net::ConnPair pair{std::move(p.c1), std::move(p.c2), nullptr};
  net::Conn* c1 = pair.c1.get();
  net::Conn* c2 = pair.c2.get();
  pair.stop = [c1, c2, ln] {
    (void)c1->Close();
    (void)c2->Close();
    (void)ln->Close();
  };
  return pair;
}

using net::ConnConformanceTest;
INSTANTIATE_TEST_SUITE_P(MiniGost, ConnConformanceTest,
                         ::testing::Values(net::ConnFactory{"TcpConn", &MakeTcpConnPair}),
                         ConnConformanceTest::ParamName);

// Open descriptors of this process, and how many of them are pipes.
struct FdCount {
  int all = 0;
  int pipes = 0;
};

FdCount operator-(FdCount a, FdCount b) { return {a.all - b.all, a.pipes - b.pipes}; }

FdCount CountFds() {
  FdCount out;
  DIR* dir = ::opendir("/proc/self/fd");
  if (dir == nullptr) return out;
  while (const dirent* e = ::readdir(dir)) {
    if (e->d_name[0] == '.') continue;
    ++out.all;
    char target[64] = {};  // NOLINT(cppcoreguidelines-avoid-c-arrays)
    const std::string path = std::string("/proc/self/fd/") + e->d_name;
    if (::readlink(path.c_str(), target, sizeof target - 1) > 0 && std::string(target).rfind("pipe:", 0) == 0) {
      ++out.pipes;
    }
  }
  ::closedir(dir);
  return out - FdCount{1, 0};  // the directory being read
}

std::vector<std::byte> RandomBytes(std::size_t n) {
  std::vector<std::byte> v(n);
  std::mt19937_64 rng(3);
  for (auto& x : v) x = static_cast<std::byte>(rng() & 0xffU);
  return v;
}

// Starts a thread that writes to c until a write fails (c closed, or its
// write deadline passed): a source that never runs dry.
std::thread Flood(net::Conn& c) {
  return std::thread([&c] {
    const auto chunk = RandomBytes(std::size_t{1} << 20);
    while (!c.Write(chunk).err) {
    }
  });
}

// Reads c to its end.
std::vector<std::byte> ReadAll(net::Conn& c) {
  std::vector<std::byte> out;
  std::vector<std::byte> buf(64 * 1024);
  for (;;) {
    const auto r = c.Read(buf);
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(r.n));
    if (r.err) {
      EXPECT_EQ(r.err, io::ErrEOF);
      return out;
    }
  }
}

class TcpConnTest : public ::testing::Test {
 protected:
  std::unique_ptr<TcpNetListener> ln_ = Listen();
};

TEST_F(TcpConnTest, HoldsTwoDescriptors) {
  const FdCount before = CountFds();
  {
    Pair p = Connect(*ln_);
    EXPECT_EQ((CountFds() - before).all, 4);  // per end: the socket and one eventfd
  }
  EXPECT_EQ((CountFds() - before).all, 0);
}

// Runs `copy` into dst while `feed` writes `want` into the source (and ends
// it) and another thread reads dst's peer to its end; then ends dst's
// stream. The copy must return no error and the full count, and the bytes
// must arrive intact.
void ExpectCopied(const std::vector<std::byte>& want, const std::function<void()>& feed, net::Conn& dst,
                  net::Conn& dst_peer, const std::function<io::CopyResult()>& copy) {
  std::thread feeder(feed);
  std::vector<std::byte> got;
  std::thread reader([&] { got = ReadAll(dst_peer); });
  const io::CopyResult r = copy();
  CloseWriteOrClose(dst);
  feeder.join();
  reader.join();
  EXPECT_FALSE(r.err) << r.err;
  EXPECT_EQ(r.n, static_cast<std::int64_t>(want.size()));
  EXPECT_TRUE(got == want);
}

TEST_F(TcpConnTest, ReadFromSplicesAnotherTcpConnToItsEnd) {
  Pair a = Connect(*ln_);
  Pair b = Connect(*ln_);
  const auto want = RandomBytes(std::size_t{8} << 20);
  auto* dst = dynamic_cast<io::ReaderFrom*>(b.c1.get());
  ASSERT_NE(dst, nullptr);
  ExpectCopied(
      want,
      [&] {
        EXPECT_FALSE(a.c1->Write(want).err);
        CloseWriteOrClose(*a.c1);  // an end of stream, not a Close of the socket
      },
      *b.c1, *b.c2, [&] { return dst->ReadFrom(*a.c2); });
}

TEST_F(TcpConnTest, ASplicePipeIsMadeOnTheFirstDataAndClosedWithTheCopy) {
  Pair a = Connect(*ln_);
  Pair b = Connect(*ln_);
  const FdCount before = CountFds();
  io::CopyResult r;
  std::thread copier([&] { r = io::Copy(*b.c1, *a.c2); });
  // While the source is idle, the copy waits without a pipe...
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ((CountFds() - before).pipes, 0);
  // ...it makes one when data comes, and keeps it...
  ASSERT_FALSE(a.c1->Write(gc::AsBytes("xyz")).err);
  std::byte buf[3];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  EXPECT_FALSE(ReadFull(*b.c2, buf));
  EXPECT_EQ(gc::AsString(buf), "xyz");
  EXPECT_EQ((CountFds() - before).pipes, 2);
  // ...until closing the source wakes it and ends the copy.
  (void)a.c2->Close();
  copier.join();
  EXPECT_TRUE(gc::errors::Is(r.err, net::ErrClosed)) << r.err;
  EXPECT_EQ(r.n, 3);
  EXPECT_EQ((CountFds() - before).pipes, 0);
}

TEST_F(TcpConnTest, ClosingTheDestinationEndsASpliceWaitingToWrite) {
  Pair a = Connect(*ln_);
  Pair b = Connect(*ln_);
  std::thread feeder = Flood(*a.c1);
  io::CopyResult r;
  std::thread copier([&] { r = io::Copy(*b.c1, *a.c2); });
  std::this_thread::sleep_for(200ms);  // nobody reads b.c2: the copy fills the buffers and waits
  (void)b.c1->Close();
  copier.join();
  (void)a.c1->Close();
  feeder.join();
  EXPECT_TRUE(gc::errors::Is(r.err, net::ErrClosed)) << r.err;
  EXPECT_GT(r.n, 0);
}

TEST_F(TcpConnTest, TheSourcesReadDeadlineEndsASplice) {
  Pair a = Connect(*ln_);
  Pair b = Connect(*ln_);
  ASSERT_FALSE(a.c1->Write(gc::AsBytes("12345")).err);
  ASSERT_FALSE(a.c2->SetReadDeadline(gc::Now() + 100ms));
  const io::CopyResult r = io::Copy(*b.c1, *a.c2);
  EXPECT_TRUE(r.err.Timeout()) << r.err;
  EXPECT_EQ(r.n, 5);
}

TEST_F(TcpConnTest, TheDestinationsWriteDeadlineEndsASplice) {
  Pair a = Connect(*ln_);
  Pair b = Connect(*ln_);
  std::thread feeder = Flood(*a.c1);
  ASSERT_FALSE(b.c1->SetWriteDeadline(gc::Now() + 200ms));
  const io::CopyResult r = io::Copy(*b.c1, *a.c2);  // nobody reads b.c2
  (void)a.c1->Close();                               // ends the feeder's pending Write
  feeder.join();
  EXPECT_TRUE(r.err.Timeout()) << r.err;
  EXPECT_GT(r.n, 0);
}

TEST_F(TcpConnTest, AReadDeadlineMovedIntoThePastWakesAPendingSplice) {
  Pair a = Connect(*ln_);
  Pair b = Connect(*ln_);
  io::CopyResult r;
  std::thread copier([&] { r = io::Copy(*b.c1, *a.c2); });
  std::this_thread::sleep_for(100ms);
  ASSERT_FALSE(a.c2->SetReadDeadline(gc::Now() - 1s));
  copier.join();
  EXPECT_TRUE(r.err.Timeout()) << r.err;
  EXPECT_EQ(r.n, 0);
}

TEST_F(TcpConnTest, ReadFromOtherReadersCopiesThroughMemory) {
  Pair b = Connect(*ln_);
  const auto pipe = net::Pipe();
  net::Conn& in = *pipe.first;
  net::Conn& out = *pipe.second;
  const auto want = RandomBytes(std::size_t{1} << 20);
  const FdCount before = CountFds();
  ExpectCopied(
      want,
      [&] {
        EXPECT_FALSE(in.Write(want).err);
        (void)in.Close();
      },
      *b.c1, *b.c2,
      [&] {
        io::CopyResult r = io::Copy(*b.c1, out);
        EXPECT_EQ((CountFds() - before).pipes, 0);  // no splice pipe was made
        return r;
      });
}

TEST_F(TcpConnTest, TheRelayPassesHalfClosesOnThroughSplice) {
  Pair x = Connect(*ln_);
  Pair y = Connect(*ln_);
  std::thread relay([&] { EXPECT_FALSE(Relay(gc::context::Background(), *x.c2, *y.c1)); });
  const auto up = RandomBytes(std::size_t{2} << 20);
  ASSERT_FALSE(x.c1->Write(up).err);
  CloseWriteOrClose(*x.c1);
  EXPECT_TRUE(ReadAll(*y.c2) == up);  // ends with EOF: the half-close came through
  ASSERT_FALSE(y.c2->Write(gc::AsBytes("reply after the half-close")).err);
  CloseWriteOrClose(*y.c2);
  EXPECT_EQ(gc::AsString(ReadAll(*x.c1)), "reply after the half-close");
  relay.join();
}

}  // namespace
