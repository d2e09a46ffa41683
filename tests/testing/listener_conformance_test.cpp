// The net::Listener conformance suite run against PipeListener (with and
// without a backlog), loopback TCP, and a gost listener::Listener adapted
// with listener::AsNetListener: all must pass every case.
#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "gost/core/listener/listener.hpp"
#include "gost/core/testing/conformance/listener.hpp"
#include "gost/core/testing/pipe.hpp"
#include "tcp.hpp"

namespace {

namespace core = gost::core;
using core::net::ListenerConformanceTest;
using core::net::ListenerFactory;
using core::net::ListenerSetup;

core::Result<ListenerSetup> StartPipe(std::size_t backlog) {
  auto ln = std::make_unique<core::net::PipeListener>(backlog);
  auto dialer = ln->Dialer();
  return ListenerSetup{std::move(ln), [dialer] { return dialer->Dial({}, "pipe", "pipe"); }, nullptr};
}

core::Result<ListenerSetup> StartTcp() {
  auto ln = gost_test::tcp::Listener::Listen();
  if (!ln) return ln.error();
  const sockaddr_in to = (*ln)->SockAddr();
  return ListenerSetup{std::move(*ln), [to] { return gost_test::tcp::Dial(to); }, nullptr};
}

// A gost listener (Init, listener::ErrClosed) over a PipeListener.
class GostPipeListener final : public core::listener::Listener {
 public:
  core::Error Init(core::metadata::MetadataPtr /*md*/) override { return {}; }
  core::Result<core::net::ConnUniquePtr> Accept() override {
    auto c = ln_.Accept();
    if (!c && core::errors::Is(c.error(), core::net::ErrClosed)) return core::listener::ErrClosed;
    return c;
  }
  [[nodiscard]] core::net::Addr Addr() const override { return ln_.Addr(); }
  core::Error Close() override { return ln_.Close(); }
  [[nodiscard]] core::common::net::DialerPtr Dialer() const { return ln_.Dialer(); }

 private:
  core::net::PipeListener ln_{0, core::net::Addr("gost", "in-memory")};
};

core::Result<ListenerSetup> StartGost() {
  auto ln = std::make_shared<GostPipeListener>();
  if (core::Error err = ln->Init(nullptr)) return err;
  auto dialer = ln->Dialer();
  return ListenerSetup{core::listener::AsNetListener(ln), [dialer] { return dialer->Dial({}, "tcp", "x:1"); }, nullptr};
}

ListenerFactory GostFactory() {
  ListenerFactory f{"gost_adapter", &StartGost};
  f.closed_error = core::listener::ErrClosed;
  return f;
}

INSTANTIATE_TEST_SUITE_P(Reference, ListenerConformanceTest,
                         ::testing::Values(ListenerFactory{"pipe", [] { return StartPipe(0); }},
                                           ListenerFactory{"pipe_backlog", [] { return StartPipe(4); }},
                                           ListenerFactory{"tcp", &StartTcp}, GostFactory()),
                         ListenerConformanceTest::ParamName);

TEST(AsNetListenerTest, NullGivesNull) { EXPECT_EQ(core::listener::AsNetListener(nullptr), nullptr); }

TEST(AsNetListenerTest, ForwardsEveryCall) {
  auto gost = std::make_shared<GostPipeListener>();
  core::net::ListenerUniquePtr l = core::listener::AsNetListener(gost);
  EXPECT_EQ(l->Addr(), core::net::Addr("gost", "in-memory"));
  EXPECT_FALSE(l->Close());
  auto r = l->Accept();
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(core::errors::Is(r.error(), core::listener::ErrClosed));
  EXPECT_TRUE(core::errors::Is(l->Close(), core::net::ErrClosed)) << "a second Close reaches the gost listener too";
}

}  // namespace
