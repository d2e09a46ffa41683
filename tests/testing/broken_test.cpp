// The conformance suites against deliberately broken implementations. Every
// case selected (with --gtest_filter, by tests/testing/CMakeLists.txt) must
// FAIL: main() exits with status 1 only when all of them did, and CTest runs
// each selection with WILL_FAIL. Some of these cases block forever by
// design; the suites' watchdog (2 s here) turns that into a failure, and
// ends the process with status 1 when the blocked thread cannot be freed.
#include <gtest/gtest.h>

#include <any>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "gost/core/testing/conformance/conn.hpp"
#include "gost/core/testing/conformance/listener.hpp"
#include "gost/core/testing/conformance/marker.hpp"
#include "gost/core/testing/conformance/metadata.hpp"
#include "gost/core/testing/conformance/registry.hpp"
#include "gost/core/testing/pipe.hpp"
#include "precise_marker.hpp"
#include "reference/registry.hpp"

namespace {

namespace core = gost::core;
namespace net = gost::core::net;
using namespace std::chrono_literals;

constexpr core::Duration kWatchdog = 2s;

// A pipe end that accepts deadlines and ignores them.
class DeadlineBlindConn final : public net::Conn {
 public:
  explicit DeadlineBlindConn(net::ConnUniquePtr inner) : inner_(std::move(inner)) {}
  core::io::IOResult Read(std::span<std::byte> b) override { return inner_->Read(b); }
  core::io::IOResult Write(std::span<const std::byte> b) override { return inner_->Write(b); }
  core::Error Close() override { return inner_->Close(); }
  [[nodiscard]] net::Addr LocalAddr() const override { return inner_->LocalAddr(); }
  [[nodiscard]] net::Addr RemoteAddr() const override { return inner_->RemoteAddr(); }
  core::Error SetDeadline(core::Time /*t*/) override { return {}; }
  core::Error SetReadDeadline(core::Time /*t*/) override { return {}; }
  core::Error SetWriteDeadline(core::Time /*t*/) override { return {}; }

 private:
  net::ConnUniquePtr inner_;
};

core::Result<net::ConnPair> MakeDeadlineBlindPair() {
  auto [a, b] = net::Pipe();
  return net::ConnPair{std::make_unique<DeadlineBlindConn>(std::move(a)),
                       std::make_unique<DeadlineBlindConn>(std::move(b)), nullptr};
}

// A listener whose Close marks it closed but never wakes a waiting Accept.
class StuckListener final : public net::Listener {
 public:
  core::Result<net::ConnUniquePtr> Accept() override {
    std::unique_lock lock(mu_);
    if (closed_) return net::ErrClosed;
    cv_.wait(lock, [&] { return !queue_.empty(); });  // the bug: closed_ is not part of the wait
    auto c = std::move(queue_.front());
    queue_.pop_front();
    return c;
  }
  core::Error Close() override {
    std::lock_guard lock(mu_);
    closed_ = true;
    return {};
  }
  [[nodiscard]] net::Addr Addr() const override { return {"pipe", "stuck"}; }
  core::Result<net::ConnUniquePtr> Dial() {
    auto [client, server] = net::Pipe();
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(server));
    cv_.notify_all();
    return std::move(client);
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<net::ConnUniquePtr> queue_;
  bool closed_ = false;
};

core::Result<net::ListenerSetup> StartStuckListener() {
  auto ln = std::make_unique<StuckListener>();
  StuckListener* raw = ln.get();
  return net::ListenerSetup{std::move(ln), [raw] { return raw->Dial(); }, nullptr};
}

// The reference registry, except that a second Register replaces the first.
template <class T>
class OverwritingRegistry final : public core::registry::Registry<T> {
 public:
  core::Error Register(std::string_view name, T v) override {
    std::lock_guard lock(mu_);
    inner_.Unregister(name);
    return inner_.Register(name, std::move(v));
  }
  void Unregister(std::string_view name) override { inner_.Unregister(name); }
  [[nodiscard]] bool IsRegistered(std::string_view name) const override { return inner_.IsRegistered(name); }
  [[nodiscard]] T Get(std::string_view name) const override { return inner_.Get(name); }
  [[nodiscard]] std::map<std::string, T> GetAll() const override { return inner_.GetAll(); }

 private:
  std::mutex mu_;
  gost::x::Registry<T> inner_;
};

struct OverwritingTraits {
  using Value = std::string;
  static std::shared_ptr<core::registry::Registry<Value>> Make() {
    return std::make_shared<OverwritingRegistry<Value>>();
  }
  static Value Sample(int i) { return "v" + std::to_string(i); }
};

// Metadata whose keys are case-sensitive although the factory says not.
class CaseSensitiveMetadata final : public core::metadata::Metadata {
 public:
  [[nodiscard]] bool IsExists(std::string_view key) const override { return m_.count(std::string(key)) != 0; }
  void Set(std::string_view key, std::any value) override { m_[std::string(key)] = std::move(value); }
  [[nodiscard]] std::any Get(std::string_view key) const override {
    auto it = m_.find(std::string(key));
    return it == m_.end() ? std::any() : it->second;
  }

 private:
  std::map<std::string, std::any> m_;
};

using core::metadata::MetadataConformanceTest;
using core::selector::MarkerConformanceTest;
using net::ConnConformanceTest;
using net::ListenerConformanceTest;

INSTANTIATE_TEST_SUITE_P(Broken, ConnConformanceTest,
                         ::testing::Values(net::ConnFactory{"deadline_blind_pipe", &MakeDeadlineBlindPair, kWatchdog}),
                         ConnConformanceTest::ParamName);

INSTANTIATE_TEST_SUITE_P(Broken, ListenerConformanceTest,
                         ::testing::Values(net::ListenerFactory{"stuck_close", &StartStuckListener, net::ErrClosed,
                                                                kWatchdog}),
                         ListenerConformanceTest::ParamName);

INSTANTIATE_TEST_SUITE_P(Broken, MarkerConformanceTest,
                         ::testing::Values(core::selector::MarkerFactory{
                             "forgetful", [] { return std::make_shared<gost_test::PreciseMarker>(/*reset_clears_time=*/true); }}),
                         MarkerConformanceTest::ParamName);

INSTANTIATE_TEST_SUITE_P(Broken, MetadataConformanceTest,
                         ::testing::Values(core::metadata::MetadataFactory{
                             "case_sensitive", [] { return std::make_shared<CaseSensitiveMetadata>(); }}),
                         MetadataConformanceTest::ParamName);

}  // namespace

namespace gost::core::registry {
INSTANTIATE_TYPED_TEST_SUITE_P(Broken, RegistryConformanceTest, ::testing::Types<OverwritingTraits>);
}  // namespace gost::core::registry

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  const ::testing::UnitTest& ut = *::testing::UnitTest::GetInstance();
  const int ran = ut.test_to_run_count();
  const int failed = ut.failed_test_count();
  if (rc != 0 && ran > 0 && failed == ran) {
    std::printf("\nbroken implementations: all %d selected cases failed, as they must\n", ran);
    return 1;
  }
  std::printf(
      "\nbroken implementations: %d of %d selected cases PASSED; the suite missed a bug (or the filter "
      "selected nothing)\n",
      ran - failed, ran);
  return 0;
}
