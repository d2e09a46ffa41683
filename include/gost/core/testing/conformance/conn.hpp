// gost-core testing kit: the net::Conn conformance suite.
//
// Twelve cases that any net::Conn is expected to pass. The first eleven are
// those of the TestConn suite of golang.org/x/net/nettest: basic I/O of
// 1 MiB, ping-pong, racy reads and writes, read and write deadlines,
// deadlines in the past, set while calls are pending and in the future,
// Close unblocking pending calls, and every method called concurrently. The
// twelfth, Copy, moves 4 MiB with io::Copy from memory into one pair, from
// that pair into a second one and from there back into memory, so that a
// Conn that implements io::ReaderFrom or io::WriterTo (splice(2), say) is
// exercised through them, with its own kind and with plain Readers and
// Writers on the other side. Each case runs under a watchdog, so
// a Conn that blocks forever fails the case instead of hanging the program
// (see gost/core/testing/detail/watchdog.hpp for what happens when even
// closing does not unblock it).
//
// Use: write a factory that makes two connected ends, and instantiate the
// suite once, in one .cpp file of a test program (the header defines the
// tests, so it must not be included by two files linked together):
//
//   #include <gost/core/testing/conformance/conn.hpp>
//   using gost::core::net::ConnConformanceTest;
//   INSTANTIATE_TEST_SUITE_P(MyConn, ConnConformanceTest,
//                            ::testing::Values(gost::core::net::ConnFactory{"my_conn", &MakeMyPair}),
//                            ConnConformanceTest::ParamName);
//
// The cases assume a stream: every byte written on one end arrives, in
// order, at the other. Datagram Conns need a framing of their own first.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <ostream>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "gost/core/go/bytes.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/time.hpp"
#include "gost/core/testing/detail/suite.hpp"
#include "gost/core/testing/detail/watchdog.hpp"

namespace gost::core::net {

/// Two connected ends, as a ConnFactory makes them: what is written on c1
/// is read on c2 and the other way round.
struct ConnPair {
  ConnUniquePtr c1;
  ConnUniquePtr c2;
  /// Releases everything behind the pair: closes both ends (errors ignored)
  /// and whatever else the factory set up (a listener, a server thread).
  /// It must not destroy c1 or c2 (the suite owns them and destroys them
  /// afterwards) and must be safe to call while Read or Write calls are
  /// pending on other threads: the watchdog calls it to unblock them. Called
  /// exactly once per case. When empty, the suite closes c1 and c2 itself.
  std::function<void()> stop;
};

/// Makes the Conns the suite tests (nettest's MakePipe).
struct ConnFactory {
  /// Shown in test output; ConnConformanceTest::ParamName makes the test
  /// names from it (characters other than letters and digits become '_').
  std::string name;
  /// A new connected pair for each case (two pairs, alive at the same time,
  /// for the Copy case), or why none could be made.
  std::function<Result<ConnPair>()> make;
  /// How long a case may run before the watchdog stops it (and how long it
  /// then waits for the stopped threads before ending the process).
  Duration watchdog = std::chrono::seconds(30);
};

inline void PrintTo(const ConnFactory& f, std::ostream* os) {
  core::detail::testkit::PrintFactory("ConnFactory", f.name, os);
}

namespace conformance_detail {

// A deadline long gone, but not the zero Time (which means "none").
inline Time LongAgo() { return Time{} + std::chrono::seconds(233431200); }

inline std::span<std::byte> Span(std::vector<std::byte>& v) { return {v.data(), v.size()}; }
inline std::span<const std::byte> CSpan(const std::vector<std::byte>& v) { return {v.data(), v.size()}; }

// Reads exactly b.size() bytes (io.ReadFull); the error of the Read that
// stopped it, if any.
inline Error ReadFull(Conn& c, std::span<std::byte> b) {
  std::size_t got = 0;
  while (got < b.size()) {
    io::IOResult r = c.Read(b.subspan(got));
    got += r.n;
    if (got == b.size()) return {};
    if (r.err) return r.err;
  }
  return {};
}

// Writes all of b; the first error, if any.
inline Error WriteAll(Conn& c, std::span<const std::byte> b) {
  io::IOResult r = c.Write(b);
  if (r.err) return r.err;
  if (r.n != b.size()) {
    return errors::New("Write returned " + std::to_string(r.n) + " of " + std::to_string(b.size()) +
                       " bytes and no error");
  }
  return {};
}

// Copies from src to dst in 1 KiB reads until either fails (nettest's
// chunkedCopy); the error that ended it (io::ErrEOF for a clean end).
inline Error Copy(Conn& dst, Conn& src) {
  std::vector<std::byte> buf(1024);
  for (;;) {
    io::IOResult r = src.Read(Span(buf));
    if (r.n > 0) {
      if (Error err = WriteAll(dst, CSpan(buf).first(r.n))) return err;
    }
    if (r.err) return r.err;
  }
}

// Writes pseudo-random 1 KiB blocks until a Write fails.
inline void WriteRandom(Conn& c) {
  std::mt19937_64 rng(0);
  std::vector<std::byte> buf(1024);
  for (;;) {
    for (auto& x : buf) x = static_cast<std::byte>(rng() & 0xffU);
    if (c.Write(CSpan(buf)).err) return;
  }
}

// Reads and drops everything until a Read fails.
inline void Discard(Conn& c) {
  std::vector<std::byte> buf(1024);
  while (!c.Read(Span(buf)).err) {
  }
}

// A Reader over bytes in memory; its last Read returns data and io::ErrEOF
// together, which io::Copy must write before it stops.
class MemoryReader final : public io::Reader {
 public:
  explicit MemoryReader(std::span<const std::byte> data) : data_(data) {}
  io::IOResult Read(std::span<std::byte> b) override {
    const std::size_t n = std::min(b.size(), data_.size() - off_);
    std::copy_n(data_.data() + off_, n, b.data());
    off_ += n;
    return {n, off_ == data_.size() ? io::ErrEOF : Error()};
  }

 private:
  std::span<const std::byte> data_;
  std::size_t off_ = 0;
};

// A Writer that keeps everything it is given.
class MemoryWriter final : public io::Writer {
 public:
  io::IOResult Write(std::span<const std::byte> b) override {
    data.insert(data.end(), b.begin(), b.end());
    return {b.size(), {}};
  }
  std::vector<std::byte> data;
};

// FNV-1a, to compare the 1 MiB of BasicIO cheaply and print something short.
inline std::uint64_t Checksum(std::span<const std::byte> b) {
  std::uint64_t h = 14695981039346656037ULL;
  for (std::byte x : b) h = (h ^ static_cast<std::uint64_t>(x)) * 1099511628211ULL;
  return h;
}

// nettest's checkForTimeoutError.
inline void ExpectTimeout(const Error& err, std::string_view what) {
  EXPECT_TRUE(err) << what << ": got no error, want a timeout";
  EXPECT_TRUE(err.Timeout()) << what << ": got \"" << err << "\", want an error whose Timeout() is true";
}

}  // namespace conformance_detail

/// The suite; instantiate it with ConnFactory values.
class ConnConformanceTest : public core::detail::testkit::FactorySuite<ConnFactory> {
 protected:
  using Case = std::function<void(Conn& c1, Conn& c2)>;
  using TwoPairCase = std::function<void(Conn& a1, Conn& a2, Conn& b1, Conn& b2)>;

  // Makes a pair and runs `body` on it under the watchdog.
  void RunCase(const Case& body) {
    RunPairs(1, [&body](const std::vector<ConnPair>& p) { body(*p[0].c1, *p[0].c2); });
  }

  // Makes two pairs, a and b, and runs `body` on them under the watchdog.
  void RunCase(const TwoPairCase& body) {
    RunPairs(2, [&body](const std::vector<ConnPair>& p) { body(*p[0].c1, *p[0].c2, *p[1].c1, *p[1].c2); });
  }

  // Makes `count` pairs and runs `body` on them under the watchdog, which
  // stops every pair.
  void RunPairs(std::size_t count, const std::function<void(const std::vector<ConnPair>&)>& body) {
    const ConnFactory& factory = GetParam();
    ASSERT_TRUE(factory.make) << "ConnFactory \"" << factory.name << "\" has no make function";
    std::vector<ConnPair> pairs;
    for (std::size_t i = 0; i < count; ++i) {
      Result<ConnPair> made = factory.make();
      ASSERT_TRUE(made.has_value()) << "unable to make a connection pair: " << made.error();
      pairs.push_back(std::move(*made));
      ASSERT_NE(pairs.back().c1, nullptr) << "the factory returned a null c1";
      ASSERT_NE(pairs.back().c2, nullptr) << "the factory returned a null c2";
    }
    core::detail::testkit::Session session(core::detail::testkit::CurrentTestName(), factory.watchdog, [&pairs] {
      for (ConnPair& pair : pairs) {
        if (pair.stop) {
          pair.stop();
        } else {
          (void)pair.c1->Close();
          (void)pair.c2->Close();
        }
      }
    });
    session_ = &session;
    session.Run([&] { body(pairs); });
    session_ = nullptr;
  }

  // Starts a helper thread; the watchdog joins it after the case.
  core::detail::testkit::TaskPtr Go(std::function<void()> f) { return session_->Go(std::move(f)); }

  // Sends "Hello, world!" on c and expects it back (c's peer echoes).
  static void Roundtrip(Conn& c) {
    EXPECT_FALSE(c.SetDeadline(Time{})) << "roundtrip: SetDeadline(Time{}) failed";
    const std::string_view text = "Hello, world!";
    EXPECT_FALSE(conformance_detail::WriteAll(c, AsBytes(text))) << "roundtrip: Write failed";
    std::vector<std::byte> buf(text.size());
    const Error err = conformance_detail::ReadFull(c, conformance_detail::Span(buf));
    EXPECT_FALSE(err) << "roundtrip: Read failed: " << err;
    EXPECT_EQ(AsString({buf.data(), buf.size()}), text) << "roundtrip: data mismatch";
  }

  // Brings c back to a known state after cancelled calls: sends one 0xff
  // byte through the echoing peer and reads until it comes back last.
  void Resync(Conn& c) {
    EXPECT_FALSE(c.SetDeadline(Time{}));
    auto writer = Go([&c] {
      const std::array<std::byte, 1> ff = {std::byte{0xff}};
      const Error err = conformance_detail::WriteAll(c, ff);
      EXPECT_FALSE(err) << "resync: Write failed: " << err;
    });
    std::vector<std::byte> buf(1024);
    for (;;) {
      io::IOResult r = c.Read(conformance_detail::Span(buf));
      if (r.n > 0) {
        const auto* first_ff = std::find(buf.data(), buf.data() + r.n, std::byte{0xff});
        if (first_ff == buf.data() + r.n - 1) break;
      }
      if (r.err) {
        ADD_FAILURE() << "resync: Read failed: " << r.err;
        break;
      }
    }
    writer->Wait();
  }

  // The cases (nettest's test* functions, same order).

  void DoBasicIO(Conn& c1, Conn& c2) {
    constexpr std::size_t kSize = std::size_t{1} << 20;
    std::vector<std::byte> want(kSize);
    std::mt19937_64 rng(0);
    for (auto& x : want) x = static_cast<std::byte>(rng() & 0xffU);

    auto writer = Go([&] {
      for (std::size_t off = 0; off < kSize; off += 1024) {
        const Error err = conformance_detail::WriteAll(c1, conformance_detail::CSpan(want).subspan(off, 1024));
        if (err) {
          ADD_FAILURE() << "c1.Write at offset " << off << " failed: " << err;
          break;
        }
      }
      const Error err = c1.Close();
      EXPECT_FALSE(err) << "c1.Close failed: " << err;
    });

    std::vector<std::byte> got;
    got.reserve(kSize);
    std::vector<std::byte> buf(1024);
    for (;;) {
      io::IOResult r = c2.Read(conformance_detail::Span(buf));
      got.insert(got.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(r.n));
      if (r.err) {
        EXPECT_TRUE(errors::Is(r.err, io::ErrEOF)) << "c2.Read ended with \"" << r.err << "\", want EOF";
        break;
      }
      if (got.size() > kSize) {
        ADD_FAILURE() << "c2 received more bytes than were sent";
        break;
      }
    }
    const Error err = c2.Close();
    EXPECT_FALSE(err) << "c2.Close failed: " << err;
    writer->Wait();  // it reads `want`; closing c2 above ends it if the reader gave up early

    EXPECT_EQ(got.size(), kSize) << "transmitted data has the wrong size";
    EXPECT_EQ(conformance_detail::Checksum(conformance_detail::CSpan(got)),
              conformance_detail::Checksum(conformance_detail::CSpan(want)))
        << "transmitted data differs";
    if (got.size() == kSize && got != want) {
      const auto diff = std::mismatch(got.begin(), got.end(), want.begin());
      ADD_FAILURE() << "first difference at offset " << (diff.first - got.begin());
    }
  }

  void DoPingPong(Conn& c1, Conn& c2) {
    auto pinger = [](Conn& c) {
      std::vector<std::byte> buf(8);
      std::uint64_t prev = 0;
      for (;;) {
        if (Error err = conformance_detail::ReadFull(c, conformance_detail::Span(buf))) {
          if (!errors::Is(err, io::ErrEOF)) ADD_FAILURE() << "unexpected Read error: " << err;
          break;
        }
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(buf[i]) << (8 * i);
        const std::uint64_t next = v + 1;
        for (std::size_t i = 0; i < 8; ++i) buf[i] = static_cast<std::byte>((next >> (8 * i)) & 0xffU);
        if (prev != 0 && prev + 2 != v) ADD_FAILURE() << "mismatching value: got " << v << ", want " << prev + 2;
        prev = v;
        if (v == 1000) break;
        if (Error err = conformance_detail::WriteAll(c, conformance_detail::CSpan(buf))) {
          ADD_FAILURE() << "unexpected Write error: " << err;
          break;
        }
      }
      const Error err = c.Close();
      EXPECT_FALSE(err) << "unexpected Close error: " << err;
    };
    auto a = Go([&] { pinger(c1); });
    auto b = Go([&] { pinger(c2); });
    const std::vector<std::byte> zero(8);
    const Error err = conformance_detail::WriteAll(c1, conformance_detail::CSpan(zero));
    EXPECT_FALSE(err) << "c1.Write failed: " << err;
    a->Wait();
    b->Wait();
  }

  // Ten threads read (or write) c1 a hundred times each while its deadline
  // keeps running out, and reuse each buffer the moment a call returns; the
  // peer feeds (or drains) c2 meanwhile. Every failure must be a timeout.
  void DoRacyIO(Conn& c1, Conn& c2, bool write) {
    if (write) {
      Go([&c2] { conformance_detail::Discard(c2); });
    } else {
      Go([&c2] { conformance_detail::WriteRandom(c2); });
    }
    const auto soon = [&c1, write] {
      const Time t = Now() + std::chrono::milliseconds(1);
      (void)(write ? c1.SetWriteDeadline(t) : c1.SetReadDeadline(t));
    };
    soon();
    std::vector<core::detail::testkit::TaskPtr> tasks;
    tasks.reserve(10);
    for (int i = 0; i < 10; ++i) {
      tasks.push_back(Go([&c1, &soon, write] {
        std::vector<std::byte> b1(1024);
        const std::vector<std::byte> b2(1024);
        for (int j = 0; j < 100; ++j) {
          io::IOResult r =
              write ? c1.Write(conformance_detail::CSpan(b1)) : c1.Read(conformance_detail::Span(b1));
          std::memcpy(b1.data(), b2.data(), b1.size());  // reuse the buffer at once
          if (r.err) {
            conformance_detail::ExpectTimeout(r.err, write ? "c1.Write" : "c1.Read");
            soon();
          }
        }
      }));
    }
    for (auto& t : tasks) t->Wait();
  }

  void DoReadTimeout(Conn& c1, Conn& c2) {
    Go([&c2] { conformance_detail::Discard(c2); });
    EXPECT_FALSE(c1.SetReadDeadline(conformance_detail::LongAgo()));
    std::vector<std::byte> buf(1024);
    conformance_detail::ExpectTimeout(c1.Read(conformance_detail::Span(buf)).err, "c1.Read past its deadline");
    const Error err = conformance_detail::WriteAll(c1, conformance_detail::CSpan(buf));
    EXPECT_FALSE(err) << "c1.Write failed after a read timeout: " << err;
  }

  void DoWriteTimeout(Conn& c1, Conn& c2) {
    Go([&c2] { conformance_detail::WriteRandom(c2); });
    EXPECT_FALSE(c1.SetWriteDeadline(conformance_detail::LongAgo()));
    std::vector<std::byte> buf(1024);
    conformance_detail::ExpectTimeout(c1.Write(conformance_detail::CSpan(buf)).err, "c1.Write past its deadline");
    const io::IOResult r = c1.Read(conformance_detail::Span(buf));
    EXPECT_FALSE(r.err) << "c1.Read failed after a write timeout: " << r.err;
  }

  void DoPastTimeout(Conn& c1, Conn& c2) {
    Go([&c2] { (void)conformance_detail::Copy(c2, c2); });
    Roundtrip(c1);
    EXPECT_FALSE(c1.SetDeadline(conformance_detail::LongAgo()));
    std::vector<std::byte> buf(1024);
    io::IOResult w = c1.Write(conformance_detail::CSpan(buf));
    EXPECT_EQ(w.n, 0U) << "Write past the deadline wrote bytes";
    conformance_detail::ExpectTimeout(w.err, "c1.Write past its deadline");
    io::IOResult r = c1.Read(conformance_detail::Span(buf));
    EXPECT_EQ(r.n, 0U) << "Read past the deadline read bytes";
    conformance_detail::ExpectTimeout(r.err, "c1.Read past its deadline");
    Roundtrip(c1);
  }

  void DoPresentTimeout(Conn& c1, Conn& /*c2*/) {
    std::atomic<bool> deadline_set{false};
    auto setter = Go([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      deadline_set = true;
      (void)c1.SetReadDeadline(conformance_detail::LongAgo());
      (void)c1.SetWriteDeadline(conformance_detail::LongAgo());
    });
    auto reader = Go([&] {
      std::vector<std::byte> buf(1024);
      io::IOResult r = c1.Read(conformance_detail::Span(buf));
      EXPECT_EQ(r.n, 0U) << "Read returned bytes nobody wrote";
      conformance_detail::ExpectTimeout(r.err, "pending c1.Read");
      EXPECT_TRUE(deadline_set) << "Read timed out before the deadline was set";
    });
    auto writer = Go([&] {
      const std::vector<std::byte> buf(1024);
      Error err;
      while (!err) err = c1.Write(conformance_detail::CSpan(buf)).err;
      conformance_detail::ExpectTimeout(err, "pending c1.Write");
      EXPECT_TRUE(deadline_set) << "Write timed out before the deadline was set";
    });
    setter->Wait();
    reader->Wait();
    writer->Wait();
  }

  void DoFutureTimeout(Conn& c1, Conn& c2) {
    EXPECT_FALSE(c1.SetDeadline(Now() + std::chrono::milliseconds(100)));
    auto reader = Go([&] {
      std::vector<std::byte> buf(1024);
      conformance_detail::ExpectTimeout(c1.Read(conformance_detail::Span(buf)).err, "c1.Read");
    });
    auto writer = Go([&] {
      const std::vector<std::byte> buf(1024);
      Error err;
      while (!err) err = c1.Write(conformance_detail::CSpan(buf)).err;
      conformance_detail::ExpectTimeout(err, "c1.Write");
    });
    reader->Wait();
    writer->Wait();
    Go([&c2] { (void)conformance_detail::Copy(c2, c2); });
    Resync(c1);
    Roundtrip(c1);
  }

  void DoCloseTimeout(Conn& c1, Conn& c2) {
    Go([&c2] { (void)conformance_detail::Copy(c2, c2); });
    EXPECT_FALSE(c1.SetDeadline(Time{}));
    auto closer = Go([&c1] {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      (void)c1.Close();
    });
    auto reader = Go([&c1] {
      std::vector<std::byte> buf(1024);
      while (!c1.Read(conformance_detail::Span(buf)).err) {
      }
    });
    auto writer = Go([&c1] {
      const std::vector<std::byte> buf(1024);
      while (!c1.Write(conformance_detail::CSpan(buf)).err) {
      }
    });
    closer->Wait();
    reader->Wait();
    writer->Wait();
  }

  // Memory -> a1 ~> a2 -> b1 ~> b2 -> memory, each arrow one io::Copy on
  // its own thread; closing a1 and then b1 ends the copies downstream.
  void DoCopy(Conn& a1, Conn& a2, Conn& b1, Conn& b2) {
    constexpr std::size_t kSize = std::size_t{4} << 20;
    std::vector<std::byte> want(kSize);
    std::mt19937_64 rng(1);
    for (auto& x : want) x = static_cast<std::byte>(rng() & 0xffU);
    const auto want_n = static_cast<std::int64_t>(kSize);

    auto source = Go([&] {
      conformance_detail::MemoryReader from(conformance_detail::CSpan(want));
      const io::CopyResult r = io::Copy(a1, from);
      EXPECT_FALSE(r.err) << "io::Copy(a1, memory) failed: " << r.err;
      EXPECT_EQ(r.n, want_n) << "io::Copy(a1, memory) wrote the wrong number of bytes";
      const Error err = a1.Close();
      EXPECT_FALSE(err) << "a1.Close failed: " << err;
    });
    auto relay = Go([&] {
      const io::CopyResult r = io::Copy(b1, a2);
      EXPECT_FALSE(r.err) << "io::Copy(b1, a2) failed: " << r.err;
      EXPECT_EQ(r.n, want_n) << "io::Copy(b1, a2) wrote the wrong number of bytes";
      const Error err = b1.Close();
      EXPECT_FALSE(err) << "b1.Close failed: " << err;
    });

    conformance_detail::MemoryWriter to;
    to.data.reserve(kSize);
    const io::CopyResult r = io::Copy(to, b2);
    EXPECT_FALSE(r.err) << "io::Copy(memory, b2) failed: " << r.err;
    EXPECT_EQ(r.n, static_cast<std::int64_t>(to.data.size())) << "io::Copy(memory, b2) miscounted";
    // Closing ends the upstream copies if this one gave up early.
    (void)b2.Close();
    (void)a2.Close();
    source->Wait();
    relay->Wait();

    EXPECT_EQ(to.data.size(), kSize) << "copied data has the wrong size";
    EXPECT_EQ(conformance_detail::Checksum(conformance_detail::CSpan(to.data)),
              conformance_detail::Checksum(conformance_detail::CSpan(want)))
        << "copied data differs";
  }

  void DoConcurrentMethods(Conn& c1, Conn& c2) {
    Go([&c2] { (void)conformance_detail::Copy(c2, c2); });
    // The results may be nonsense; what matters is that nothing races or
    // blocks for good. Two threads per method, so that calls of the same
    // method overlap as well as calls of different ones.
    std::vector<std::function<void()>> methods = {
        [&c1] {
          std::vector<std::byte> buf(1024);
          (void)c1.Read(conformance_detail::Span(buf));
        },
        [&c1] {
          const std::vector<std::byte> buf(1024);
          (void)c1.Write(conformance_detail::CSpan(buf));
        },
        [&c1] { (void)c1.SetDeadline(Now() + std::chrono::milliseconds(10)); },
        [&c1] { (void)c1.SetReadDeadline(conformance_detail::LongAgo()); },
        [&c1] { (void)c1.SetWriteDeadline(conformance_detail::LongAgo()); },
        [&c1] { (void)c1.LocalAddr(); },
        [&c1] { (void)c1.RemoteAddr(); },
    };
    std::vector<core::detail::testkit::TaskPtr> tasks;
    for (const auto& m : methods) {
      for (int k = 0; k < 2; ++k) {
        tasks.push_back(Go([m] {
          for (int i = 0; i < 50; ++i) m();
        }));
      }
    }
    // At worst a deadline 10 ms away is left, so every call above returns.
    for (auto& t : tasks) t->Wait();
    Resync(c1);
    Roundtrip(c1);
  }

 private:
  core::detail::testkit::Session* session_ = nullptr;
};

TEST_P(ConnConformanceTest, BasicIO) {
  RunCase([this](Conn& a, Conn& b) { DoBasicIO(a, b); });
}
TEST_P(ConnConformanceTest, PingPong) {
  RunCase([this](Conn& a, Conn& b) { DoPingPong(a, b); });
}
TEST_P(ConnConformanceTest, RacyRead) {
  RunCase([this](Conn& a, Conn& b) { DoRacyIO(a, b, /*write=*/false); });
}
TEST_P(ConnConformanceTest, RacyWrite) {
  RunCase([this](Conn& a, Conn& b) { DoRacyIO(a, b, /*write=*/true); });
}
TEST_P(ConnConformanceTest, ReadTimeout) {
  RunCase([this](Conn& a, Conn& b) { DoReadTimeout(a, b); });
}
TEST_P(ConnConformanceTest, WriteTimeout) {
  RunCase([this](Conn& a, Conn& b) { DoWriteTimeout(a, b); });
}
TEST_P(ConnConformanceTest, PastTimeout) {
  RunCase([this](Conn& a, Conn& b) { DoPastTimeout(a, b); });
}
TEST_P(ConnConformanceTest, PresentTimeout) {
  RunCase([this](Conn& a, Conn& b) { DoPresentTimeout(a, b); });
}
TEST_P(ConnConformanceTest, FutureTimeout) {
  RunCase([this](Conn& a, Conn& b) { DoFutureTimeout(a, b); });
}
TEST_P(ConnConformanceTest, CloseTimeout) {
  RunCase([this](Conn& a, Conn& b) { DoCloseTimeout(a, b); });
}
TEST_P(ConnConformanceTest, ConcurrentMethods) {
  RunCase([this](Conn& a, Conn& b) { DoConcurrentMethods(a, b); });
}
TEST_P(ConnConformanceTest, Copy) {
  RunCase([this](Conn& a1, Conn& a2, Conn& b1, Conn& b2) { DoCopy(a1, a2, b1, b2); });
}

}  // namespace gost::core::net
