// Unit tests for gost/core/go/io.hpp: the Reader/Writer interfaces, the
// optional ReaderFrom/WriterTo, and io::Copy/CopyBuffer with the semantics of
// Go's io.copyBuffer (which optional interface wins, EOF, errors that come
// with data, short and invalid writes, the buffer rules), checked with mocks,
// over the in-memory pipe and over loopback TCP.
#include "gost/core/go/io.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/common/bufpool/pool.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/testing/mocks/io.hpp"
#include "gost/core/testing/pipe.hpp"
#include "testing/tcp.hpp"

namespace {

namespace core = gost::core;
namespace io = gost::core::io;
namespace net = gost::core::net;
namespace errors = gost::core::errors;
using core::Error;
using ::testing::_;
using ::testing::InSequence;
using ::testing::Invoke;
using ::testing::Ref;
using ::testing::Return;
using ::testing::SizeIs;

static_assert(core::detail::kIsInterface<io::Reader>);
static_assert(core::detail::kIsInterface<io::Writer>);
static_assert(core::detail::kIsInterface<io::ReaderFrom>);
static_assert(core::detail::kIsInterface<io::WriterTo>);
static_assert(core::detail::kIsInterface<net::Conn>);
static_assert(std::is_base_of_v<io::Reader, net::Conn> && std::is_base_of_v<io::Writer, net::Conn>);
static_assert(std::is_same_v<decltype(io::CopyResult::n), std::int64_t>);

// A source that also writes itself out, and a destination that also reads
// itself in: what a socket implementing the optional interfaces looks like.
class ReaderWriterTo : public io::MockReader, public io::MockWriterTo {};
class WriterReaderFrom : public io::MockWriter, public io::MockReaderFrom {};

// A Read action that fills the buffer's start with `text` and returns `err`.
auto Gives(std::string_view text, Error err = {}) {
  return Invoke([text, err](std::span<std::byte> b) {
    const auto bytes = core::AsBytes(text);
    std::copy(bytes.begin(), bytes.end(), b.begin());
    return io::IOResult{text.size(), err};
  });
}

// A Write action that records what it got into `sink` and accepts it all.
auto Keeps(std::string& sink) {
  return Invoke([&sink](std::span<const std::byte> b) {
    sink += core::AsString(b);
    return io::IOResult{b.size(), {}};
  });
}

TEST(IoTest, ConnIsAReaderAndAWriter) {
  auto [a, b] = net::Pipe();
  io::Reader& r = *a;
  io::Writer& w = *b;
  EXPECT_NE(dynamic_cast<net::Conn*>(&r), nullptr);
  EXPECT_NE(dynamic_cast<net::Conn*>(&w), nullptr);
  // The pipe has neither optional interface: io::Copy reads and writes.
  EXPECT_EQ(dynamic_cast<io::ReaderFrom*>(a.get()), nullptr);
  EXPECT_EQ(dynamic_cast<io::WriterTo*>(a.get()), nullptr);
}

TEST(IoTest, SentinelsKeepGoTexts) {
  EXPECT_EQ(io::ErrEOF.Message(), "EOF");
  EXPECT_EQ(io::ErrShortWrite.Message(), "short write");
  EXPECT_EQ(io::ErrInvalidWrite.Message(), "invalid write result");
  EXPECT_EQ(io::ErrInvalidRead.Message(), "invalid read result");
  EXPECT_FALSE(errors::Is(io::ErrShortWrite, io::ErrInvalidWrite));
  EXPECT_TRUE(errors::Is(errors::Wrap(io::ErrShortWrite, "relay"), io::ErrShortWrite));
}

// A plain source and destination, and what the destination was given.
class CopyTest : public ::testing::Test {
 protected:
  io::MockReader src;
  io::MockWriter dst;
  std::string got;
};

TEST(IoTest, CopyPrefersTheSourcesWriterTo) {
  ReaderWriterTo src;
  WriterReaderFrom dst;
  EXPECT_CALL(src, WriteTo(Ref(static_cast<io::Writer&>(dst)))).WillOnce(Return(io::CopyResult{42, io::ErrShortWrite}));
  EXPECT_CALL(src, Read(_)).Times(0);
  EXPECT_CALL(dst, ReadFrom(_)).Times(0);
  EXPECT_CALL(dst, Write(_)).Times(0);
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.n, 42);
  EXPECT_EQ(r.err, io::ErrShortWrite);  // passed on as it is
}

TEST(IoTest, CopyUsesTheDestinationsReaderFromOtherwise) {
  io::MockReader src;
  WriterReaderFrom dst;
  EXPECT_CALL(dst, ReadFrom(Ref(static_cast<io::Reader&>(src)))).WillOnce(Return(io::CopyResult{7, {}}));
  EXPECT_CALL(src, Read(_)).Times(0);
  EXPECT_CALL(dst, Write(_)).Times(0);
  std::byte buf[8];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  const io::CopyResult r = io::CopyBuffer(dst, src, buf);
  EXPECT_EQ(r.n, 7);
  EXPECT_FALSE(r.err);
}

TEST_F(CopyTest, CopyReadsUntilEofAndReturnsNoError) {
  {
    InSequence seq;
    EXPECT_CALL(src, Read(SizeIs(io::kCopyBufferSize))).WillOnce(Gives("hello "));
    EXPECT_CALL(src, Read(_)).WillOnce(Gives("")).WillOnce(Gives("world"));
    EXPECT_CALL(src, Read(_)).WillOnce(Gives("", io::ErrEOF));
  }
  EXPECT_CALL(dst, Write(_)).Times(2).WillRepeatedly(Keeps(got));  // an empty read writes nothing
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_FALSE(r.err);
  EXPECT_EQ(r.n, 11);
  EXPECT_EQ(got, "hello world");
}

TEST_F(CopyTest, DataThatComesWithEofIsWritten) {
  EXPECT_CALL(src, Read(_)).WillOnce(Gives("last", io::ErrEOF));
  EXPECT_CALL(dst, Write(_)).WillOnce(Keeps(got));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_FALSE(r.err);
  EXPECT_EQ(r.n, 4);
  EXPECT_EQ(got, "last");
}

TEST_F(CopyTest, DataThatComesWithAnErrorIsWrittenThenTheErrorReturned) {
  EXPECT_CALL(src, Read(_)).WillOnce(Gives("abc")).WillOnce(Gives("de", net::ErrDeadlineExceeded));
  EXPECT_CALL(dst, Write(_)).Times(2).WillRepeatedly(Keeps(got));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, net::ErrDeadlineExceeded);
  EXPECT_TRUE(r.err.Timeout());
  EXPECT_EQ(r.n, 5);
  EXPECT_EQ(got, "abcde");
}

TEST_F(CopyTest, AReadErrorWithoutDataEndsTheCopy) {
  EXPECT_CALL(src, Read(_)).WillOnce(Return(io::IOResult{0, net::ErrClosed}));
  EXPECT_CALL(dst, Write(_)).Times(0);
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, net::ErrClosed);
  EXPECT_EQ(r.n, 0);
}

TEST_F(CopyTest, OnlyEofItselfEndsACopyCleanly) {
  // Go compares with ==: a wrapped EOF is an error like any other.
  const Error wrapped = errors::Wrap(io::ErrEOF, "tls");
  EXPECT_CALL(src, Read(_)).WillOnce(Return(io::IOResult{0, wrapped}));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, wrapped);
}

TEST_F(CopyTest, AWriteErrorEndsTheCopyAndCountsWhatWent) {
  EXPECT_CALL(src, Read(_)).WillOnce(Gives("abcdef"));
  EXPECT_CALL(dst, Write(SizeIs(6))).WillOnce(Return(io::IOResult{2, net::ErrClosed}));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, net::ErrClosed);
  EXPECT_EQ(r.n, 2);
}

TEST_F(CopyTest, AShortWriteWithoutAnErrorIsErrShortWrite) {
  EXPECT_CALL(src, Read(_)).WillOnce(Gives("abcdef"));
  EXPECT_CALL(dst, Write(_)).WillOnce(Return(io::IOResult{5, {}}));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, io::ErrShortWrite);
  EXPECT_TRUE(errors::Is(r.err, io::ErrShortWrite));
  EXPECT_EQ(r.n, 5);
}

TEST_F(CopyTest, AShortWriteWinsOverTheReadErrorOfTheSameRound) {
  EXPECT_CALL(src, Read(_)).WillOnce(Gives("abc", io::ErrEOF));
  EXPECT_CALL(dst, Write(_)).WillOnce(Return(io::IOResult{1, {}}));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, io::ErrShortWrite);
  EXPECT_EQ(r.n, 1);
}

TEST_F(CopyTest, AWriteReportingMoreThanGivenIsInvalid) {
  EXPECT_CALL(src, Read(_)).WillOnce(Gives("ab")).WillOnce(Gives("cd"));
  EXPECT_CALL(dst, Write(_)).WillOnce(Return(io::IOResult{2, {}})).WillOnce(Return(io::IOResult{3, {}}));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, io::ErrInvalidWrite);
  EXPECT_EQ(r.n, 2);  // the invalid write counts as none
}

TEST_F(CopyTest, AnInvalidWriteKeepsItsOwnError) {
  EXPECT_CALL(src, Read(_)).WillOnce(Gives("ab"));
  EXPECT_CALL(dst, Write(_)).WillOnce(Return(io::IOResult{9, net::ErrClosed}));
  const io::CopyResult r = io::Copy(dst, src);
  EXPECT_EQ(r.err, net::ErrClosed);
  EXPECT_EQ(r.n, 0);
}

TEST_F(CopyTest, AReadReportingMoreThanItsBufferIsInvalid) {
  std::byte buf[4];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  EXPECT_CALL(src, Read(SizeIs(4))).WillOnce(Return(io::IOResult{5, {}}));
  EXPECT_CALL(dst, Write(_)).Times(0);
  const io::CopyResult r = io::CopyBuffer(dst, src, buf);
  EXPECT_EQ(r.err, io::ErrInvalidRead);
  EXPECT_EQ(r.n, 0);
}

TEST_F(CopyTest, CopyBufferReadsIntoTheCallersBuffer) {
  std::vector<std::byte> buf(3);
  int round = 0;
  EXPECT_CALL(src, Read(_))
      .Times(3)
      .WillRepeatedly(Invoke([&buf, &round](std::span<std::byte> b) {
        EXPECT_EQ(b.data(), buf.data());
        EXPECT_EQ(b.size(), buf.size());
        b[0] = std::byte{'x'};
        return io::IOResult{1, ++round == 3 ? io::ErrEOF : Error()};
      }));
  EXPECT_CALL(dst, Write(_)).Times(3).WillRepeatedly(Keeps(got));
  const io::CopyResult r = io::CopyBuffer(dst, src, buf);
  EXPECT_FALSE(r.err);
  EXPECT_EQ(r.n, 3);
  EXPECT_EQ(got, "xxx");
}

TEST_F(CopyTest, CopyBorrowsItsBufferFromThePool) {
  core::common::bufpool::Trim();
  const std::byte* used = nullptr;
  EXPECT_CALL(src, Read(SizeIs(io::kCopyBufferSize))).WillOnce(Invoke([&used](std::span<std::byte> b) {
    used = b.data();
    return io::IOResult{0, io::ErrEOF};
  }));
  EXPECT_FALSE(io::CopyBuffer(dst, src, {}).err);
  // Given back: the next Get of that size hands out the same memory.
  core::Bytes again = core::common::bufpool::Get(static_cast<int>(io::kCopyBufferSize));
  EXPECT_EQ(again.data(), used);
  core::common::bufpool::Put(std::move(again));
}

TEST(IoTest, AnEmptyBufferIsRefusedBeforeAnythingElse) {
  ReaderWriterTo src;
  io::MockWriter dst;
  EXPECT_CALL(src, WriteTo(_)).Times(0);
  EXPECT_CALL(src, Read(_)).Times(0);
  EXPECT_CALL(dst, Write(_)).Times(0);
  std::vector<std::byte> storage(1);
  const io::CopyResult r = io::CopyBuffer(dst, src, std::span<std::byte>(storage.data(), 0));
  EXPECT_EQ(r.n, 0);
  EXPECT_TRUE(errors::Is(r.err, Error(errors::Code::InvalidArgument)));
  EXPECT_EQ(r.err.Message(), "io: empty buffer in CopyBuffer");
}

// Writes `data` into w on a thread of its own, then closes w.
std::thread Feed(net::Conn& w, const std::vector<std::byte>& data) {
  return std::thread([&w, &data] {
    std::size_t off = 0;
    while (off < data.size()) {  // in uneven pieces
      const std::size_t n = std::min<std::size_t>(data.size() - off, 1000 + off % 7777);
      const io::IOResult r = w.Write(std::span<const std::byte>(data).subspan(off, n));
      EXPECT_FALSE(r.err) << r.err;
      if (r.err) break;
      off += n;
    }
    (void)w.Close();
  });
}

// Reads r to its end.
std::vector<std::byte> Drain(net::Conn& r) {
  std::vector<std::byte> out;
  std::vector<std::byte> buf(4096);
  for (;;) {
    const io::IOResult got = r.Read(buf);
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(got.n));
    if (got.err) {
      EXPECT_EQ(got.err, io::ErrEOF);
      return out;
    }
  }
}

std::vector<std::byte> RandomBytes(std::size_t n) {
  std::vector<std::byte> v(n);
  std::mt19937_64 rng(7);
  for (auto& x : v) x = static_cast<std::byte>(rng() & 0xffU);
  return v;
}

// feeder -> a1 ~> a2 -(io::Copy)-> b1 ~> b2 -> drain: the relay a proxy runs.
void ExpectRelayCopies(net::Conn& a1, net::Conn& a2, net::Conn& b1, net::Conn& b2) {
  const std::vector<std::byte> want = RandomBytes(std::size_t{3} << 20);
  std::thread feeder = Feed(a1, want);
  std::vector<std::byte> got;
  std::thread drainer([&] { got = Drain(b2); });
  const io::CopyResult r = io::Copy(b1, a2);
  (void)b1.Close();
  feeder.join();
  drainer.join();
  EXPECT_FALSE(r.err) << r.err;
  EXPECT_EQ(r.n, static_cast<std::int64_t>(want.size()));
  EXPECT_TRUE(got == want) << "relayed bytes differ (" << got.size() << " of " << want.size() << ")";
}

TEST(IoTest, CopyRelaysBetweenPipes) {
  auto [a1, a2] = net::Pipe();
  auto [b1, b2] = net::Pipe();
  ExpectRelayCopies(*a1, *a2, *b1, *b2);
}

TEST(IoTest, CopyIntoAClosedPipeFails) {
  auto [a1, a2] = net::Pipe();
  auto [b1, b2] = net::Pipe();
  (void)b2->Close();
  std::thread feeder([&a1 = *a1] { (void)a1.Write(core::AsBytes("data")); });
  const io::CopyResult r = io::Copy(*b1, *a2);
  (void)a2->Close();
  feeder.join();
  EXPECT_TRUE(errors::Is(r.err, net::ErrClosed)) << r.err;
  EXPECT_EQ(r.n, 0);
}

struct TcpPair {
  std::unique_ptr<gost_test::tcp::Listener> ln;
  net::ConnUniquePtr c1;
  net::ConnUniquePtr c2;
};

TcpPair MakeTcpPair() {
  TcpPair p;
  auto ln = gost_test::tcp::Listener::Listen();
  if (!ln) throw std::runtime_error("listen: " + ln.error().Message());
  p.ln = std::move(*ln);
  auto client = gost_test::tcp::Dial(p.ln->SockAddr());
  if (!client) throw std::runtime_error("dial: " + client.error().Message());
  auto server = p.ln->Accept();
  if (!server) throw std::runtime_error("accept: " + server.error().Message());
  p.c1 = std::move(*client);
  p.c2 = std::move(*server);
  return p;
}

TEST(IoTest, CopyRelaysBetweenTcpConnections) {
  TcpPair a = MakeTcpPair();
  TcpPair b = MakeTcpPair();
  ExpectRelayCopies(*a.c1, *a.c2, *b.c1, *b.c2);
}

TEST(IoTest, ADeadlineOnTheSourceStopsACopy) {
  TcpPair a = MakeTcpPair();
  TcpPair b = MakeTcpPair();
  ASSERT_FALSE(a.c1->Write(core::AsBytes("before the silence")).err);
  ASSERT_FALSE(a.c2->SetReadDeadline(core::Now() + std::chrono::milliseconds(50)));
  const io::CopyResult r = io::Copy(*b.c1, *a.c2);
  EXPECT_TRUE(r.err.Timeout()) << r.err;
  EXPECT_EQ(r.n, 18);
}

}  // namespace
