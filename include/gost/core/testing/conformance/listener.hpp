// gost-core testing kit: the net::Listener conformance suite.
//
// What every listener is expected to do: report a stable, non-empty address;
// hand out, through Accept, the connections dialed to it (one each, also when
// several Accept calls wait at once); fail Accept after Close with the
// closed-listener error; and make Close unblock an Accept that is waiting.
// Each case runs under the watchdog of gost/core/testing/detail/watchdog.hpp:
// a Close that does not wake a pending Accept fails the case, and, since the
// blocked thread can then never be joined, ends the test program with a
// failure status.
//
// Use: a factory that starts a listener and says how to dial it, and one
// instantiation in one .cpp file of a test program:
//
//   #include <gost/core/testing/conformance/listener.hpp>
//   using gost::core::net::ListenerConformanceTest;
//   INSTANTIATE_TEST_SUITE_P(MyListener, ListenerConformanceTest,
//                            ::testing::Values(gost::core::net::ListenerFactory{"mine", &StartMine}),
//                            ListenerConformanceTest::ParamName);
//
// A gost listener (listener::Listener, which fails with listener::ErrClosed)
// goes through listener::AsNetListener with closed_error set accordingly.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
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
#include "gost/core/listener/listener.hpp"
#include "gost/core/testing/detail/suite.hpp"
#include "gost/core/testing/detail/watchdog.hpp"

namespace gost::core::listener {

namespace detail {
// Presents a gost Listener as a vocabulary net::Listener.
class NetListenerAdapter final : public net::Listener {
 public:
  explicit NetListenerAdapter(ListenerPtr l) noexcept : l_(std::move(l)) {}
  Result<net::ConnUniquePtr> Accept() override { return l_->Accept(); }
  Error Close() override { return l_->Close(); }
  [[nodiscard]] net::Addr Addr() const override { return l_->Addr(); }

 private:
  ListenerPtr l_;
};
}  // namespace detail

/// A net::Listener that forwards to a gost listener (Init already called),
/// so that ListenerConformanceTest can test it. Null gives null.
inline net::ListenerUniquePtr AsNetListener(ListenerPtr l) {
  if (!l) return nullptr;
  return std::make_unique<detail::NetListenerAdapter>(std::move(l));
}

}  // namespace gost::core::listener

namespace gost::core::net {

/// A started listener and the means to reach it, as a ListenerFactory makes
/// them.
struct ListenerSetup {
  /// The listener under test, already listening.
  ListenerUniquePtr listener;
  /// Opens a new client connection to `listener`. May block until the
  /// listener accepts it (an in-memory listener does); the suite calls it on
  /// a thread of its own. Must be safe to call from several threads at once.
  std::function<Result<ConnUniquePtr>()> dial;
  /// Releases what else the factory set up, after the suite has closed the
  /// listener; may be empty. It must not destroy the listener, and must be
  /// safe to call while Accept is pending on another thread.
  std::function<void()> stop;
};

/// Makes the listeners the suite tests.
struct ListenerFactory {
  /// Shown in test output; ListenerConformanceTest::ParamName makes the
  /// test names from it.
  std::string name;
  /// A new listener for each case, or why none could be made.
  std::function<Result<ListenerSetup>()> make;
  /// The error Accept must match (errors::Is) once the listener is closed:
  /// net::ErrClosed for vocabulary listeners, listener::ErrClosed for gost
  /// listeners.
  Error closed_error = ErrClosed;
  /// How long a case may run before the watchdog stops it (and how long it
  /// then waits for the stopped threads before ending the process).
  Duration watchdog = std::chrono::seconds(30);
};

inline void PrintTo(const ListenerFactory& f, std::ostream* os) {
  core::detail::testkit::PrintFactory("ListenerFactory", f.name, os);
}

/// The suite; instantiate it with ListenerFactory values.
class ListenerConformanceTest : public core::detail::testkit::FactorySuite<ListenerFactory> {
 protected:
  using Case = std::function<void(Listener& l, const std::function<Result<ConnUniquePtr>()>& dial)>;

  void RunCase(Case body) {
    const ListenerFactory& factory = GetParam();
    ASSERT_TRUE(factory.make) << "ListenerFactory \"" << factory.name << "\" has no make function";
    Result<ListenerSetup> made = factory.make();
    ASSERT_TRUE(made.has_value()) << "unable to start a listener: " << made.error();
    ListenerSetup setup = std::move(*made);
    ASSERT_NE(setup.listener, nullptr) << "the factory returned a null listener";
    ASSERT_TRUE(setup.dial) << "the factory returned no dial function";
    Listener& l = *setup.listener;
    core::detail::testkit::Session session(core::detail::testkit::CurrentTestName(), factory.watchdog, [&setup] {
      (void)setup.listener->Close();
      if (setup.stop) setup.stop();
    });
    session_ = &session;
    session.Run([&] { body(l, setup.dial); });
    session_ = nullptr;
  }

  core::detail::testkit::TaskPtr Go(std::function<void()> f) { return session_->Go(std::move(f)); }

  const Error& ClosedError() const { return GetParam().closed_error; }

  // Dials on a helper thread; the result is read after Wait().
  struct Dialing {
    core::detail::testkit::TaskPtr task;
    std::shared_ptr<Result<ConnUniquePtr>> result;
  };
  Dialing StartDial(const std::function<Result<ConnUniquePtr>()>& dial) {
    auto result = std::make_shared<Result<ConnUniquePtr>>();
    auto task = Go([&dial, result] { *result = dial(); });
    return {std::move(task), std::move(result)};
  }

  // Checks that bytes cross a freshly accepted connection both ways. Writes
  // run on helper threads: an in-memory pipe has no buffer.
  void Exchange(Conn& client, Conn& server, int round) {
    const std::string ping = "ping " + std::to_string(round);
    const std::string pong = "pong " + std::to_string(round);
    auto send = [this](Conn& c, const std::string& text) {
      return Go([&c, text] {
        io::IOResult r = c.Write(AsBytes(text));
        EXPECT_FALSE(r.err) << "Write failed: " << r.err;
        EXPECT_EQ(r.n, text.size());
      });
    };
    auto expect = [](Conn& c, const std::string& text, const char* who) {
      std::string got(text.size(), '\0');
      std::size_t n = 0;
      while (n < got.size()) {
        io::IOResult r = c.Read(std::as_writable_bytes(std::span<char>(got.data() + n, got.size() - n)));
        n += r.n;
        if (r.err && n < got.size()) {
          ADD_FAILURE() << who << " Read failed: " << r.err;
          return;
        }
      }
      EXPECT_EQ(got, text) << who << " received the wrong bytes";
    };
    auto w1 = send(client, ping);
    expect(server, ping, "the accepted connection's");
    w1->Wait();
    auto w2 = send(server, pong);
    expect(client, pong, "the dialed connection's");
    w2->Wait();
  }

  void DoAddrIsStableAndNonEmpty(Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) {
    const net::Addr a = l.Addr();
    EXPECT_FALSE(a.Network().empty()) << "Addr() has no network: " << a;
    EXPECT_FALSE(a.String().empty()) << "Addr() has no address text: " << a;
    // cppcheck-suppress knownConditionTrueFalse ; Addr() is virtual: whether it is stable is the test
    EXPECT_EQ(l.Addr(), a) << "Addr() changed between two calls";
    Dialing d = StartDial(dial);
    Result<ConnUniquePtr> server = l.Accept();
    d.task->Wait();
    EXPECT_TRUE(server.has_value()) << "Accept failed: " << server.error();
    EXPECT_TRUE(d.result->has_value()) << "dial failed: " << d.result->error();
    EXPECT_EQ(l.Addr(), a) << "Addr() changed after a connection was accepted";
    EXPECT_FALSE(l.Close()) << "Close failed";
    EXPECT_EQ(l.Addr(), a) << "Addr() changed after Close";
  }

  void DoAcceptsDialedConnections(Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) {
    for (int round = 0; round < 3; ++round) {
      Dialing d = StartDial(dial);
      Result<ConnUniquePtr> server = l.Accept();
      d.task->Wait();
      ASSERT_TRUE(server.has_value()) << "Accept failed: " << server.error();
      ASSERT_NE(*server, nullptr) << "Accept returned a null connection and no error";
      ASSERT_TRUE(d.result->has_value()) << "dial failed: " << d.result->error();
      ASSERT_NE(**d.result, nullptr) << "dial returned a null connection and no error";
      Exchange(***d.result, **server, round);
      (void)(**d.result)->Close();
      (void)(*server)->Close();
    }
  }

  void DoAcceptAfterCloseFails(Listener& l, const std::function<Result<ConnUniquePtr>()>& /*dial*/) {
    const Error err = l.Close();
    EXPECT_FALSE(err) << "Close failed: " << err;
    for (int i = 0; i < 2; ++i) {
      Result<ConnUniquePtr> r = l.Accept();
      ASSERT_FALSE(r.has_value()) << "Accept succeeded on a closed listener";
      EXPECT_TRUE(errors::Is(r.error(), ClosedError()))
          << "Accept after Close failed with \"" << r.error() << "\", want \"" << ClosedError() << "\"";
    }
  }

  void DoCloseUnblocksPendingAccept(Listener& l, const std::function<Result<ConnUniquePtr>()>& /*dial*/) {
    auto result = std::make_shared<Result<ConnUniquePtr>>();
    auto accepting = Go([&l, result] { *result = l.Accept(); });
    // Give Accept time to block; it must not return while nothing is dialed.
    EXPECT_FALSE(accepting->WaitFor(std::chrono::milliseconds(50))) << "Accept returned with nothing dialed";
    const Error err = l.Close();
    EXPECT_FALSE(err) << "Close failed: " << err;
    accepting->Wait();  // the watchdog bounds this
    ASSERT_FALSE(result->has_value()) << "the pending Accept succeeded although nothing was dialed";
    EXPECT_TRUE(errors::Is(result->error(), ClosedError()))
        << "the pending Accept failed with \"" << result->error() << "\", want \"" << ClosedError() << "\"";
  }

  void DoConcurrentAccept(Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) {
    constexpr int kConns = 4;
    std::vector<std::shared_ptr<Result<ConnUniquePtr>>> accepted;
    std::vector<core::detail::testkit::TaskPtr> tasks;
    for (int i = 0; i < kConns; ++i) {
      auto result = std::make_shared<Result<ConnUniquePtr>>();
      accepted.push_back(result);
      tasks.push_back(Go([&l, result] { *result = l.Accept(); }));
    }
    std::vector<Dialing> dials;
    dials.reserve(kConns);
    for (int i = 0; i < kConns; ++i) dials.push_back(StartDial(dial));
    std::atomic<bool> stop_reading{false};
    auto addr_reader = Go([&] {
      const net::Addr a = l.Addr();
      while (!stop_reading) {
        // cppcheck-suppress knownConditionTrueFalse ; Addr() is virtual: whether it is stable is the test
        EXPECT_EQ(l.Addr(), a);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
    for (auto& t : tasks) t->Wait();
    for (auto& d : dials) d.task->Wait();
    stop_reading = true;
    addr_reader->Wait();
    std::vector<const Conn*> seen;
    for (auto& r : accepted) {
      ASSERT_TRUE(r->has_value()) << "a concurrent Accept failed: " << r->error();
      ASSERT_NE(**r, nullptr);
      seen.push_back(r->value().get());
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
      for (std::size_t j = i + 1; j < seen.size(); ++j) EXPECT_NE(seen[i], seen[j]) << "one connection accepted twice";
    }
    for (auto& d : dials) EXPECT_TRUE(d.result->has_value()) << "dial failed: " << d.result->error();
  }

 private:
  core::detail::testkit::Session* session_ = nullptr;
};

TEST_P(ListenerConformanceTest, AddrIsStableAndNonEmpty) {
  RunCase([this](Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) { DoAddrIsStableAndNonEmpty(l, dial); });
}
TEST_P(ListenerConformanceTest, AcceptsDialedConnections) {
  RunCase([this](Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) { DoAcceptsDialedConnections(l, dial); });
}
TEST_P(ListenerConformanceTest, AcceptAfterCloseFails) {
  RunCase([this](Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) { DoAcceptAfterCloseFails(l, dial); });
}
TEST_P(ListenerConformanceTest, CloseUnblocksPendingAccept) {
  RunCase([this](Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) { DoCloseUnblocksPendingAccept(l, dial); });
}
TEST_P(ListenerConformanceTest, ConcurrentAccept) {
  RunCase([this](Listener& l, const std::function<Result<ConnUniquePtr>()>& dial) { DoConcurrentAccept(l, dial); });
}

}  // namespace gost::core::net
