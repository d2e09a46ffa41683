// The net::Conn conformance suite run against the in-memory pipe and against
// loopback TCP: both must pass every case.
#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "gost/core/testing/conformance/conn.hpp"
#include "gost/core/testing/pipe.hpp"
#include "tcp.hpp"

namespace {

namespace core = gost::core;
using core::net::ConnConformanceTest;
using core::net::ConnFactory;
using core::net::ConnPair;

core::Result<ConnPair> MakePipePair() {
  auto [a, b] = core::net::Pipe();
  return ConnPair{std::move(a), std::move(b), nullptr};
}

// c1 dialed, c2 accepted; stop also closes the listener.
core::Result<ConnPair> MakeTcpPair() {
  auto ln = gost_test::tcp::Listener::Listen();
  if (!ln) return ln.error();
  auto client = gost_test::tcp::Dial((*ln)->SockAddr());
  if (!client) return client.error();
  auto server = (*ln)->Accept();
  if (!server) return server.error();
  ConnPair pair{std::move(*client), std::move(*server), nullptr};
  core::net::Conn* c1 = pair.c1.get();
  core::net::Conn* c2 = pair.c2.get();
  std::shared_ptr<gost_test::tcp::Listener> listener = std::move(*ln);
  pair.stop = [c1, c2, listener] {
    (void)c1->Close();
    (void)c2->Close();
    (void)listener->Close();
  };
  return pair;
}

INSTANTIATE_TEST_SUITE_P(Reference, ConnConformanceTest,
                         ::testing::Values(ConnFactory{"pipe", &MakePipePair}, ConnFactory{"tcp", &MakeTcpPair}),
                         ConnConformanceTest::ParamName);

TEST(ConnFactoryTest, ParamNameKeepsOnlyLettersAndDigits) {
  const ::testing::TestParamInfo<ConnFactory> info(ConnFactory{"my conn/v2", nullptr}, 3);
  EXPECT_EQ(ConnConformanceTest::ParamName(info), "my_conn_v2");
  const ::testing::TestParamInfo<ConnFactory> unnamed(ConnFactory{}, 7);
  EXPECT_EQ(ConnConformanceTest::ParamName(unnamed), "7");
}

TEST(ConnFactoryTest, PrintsItsName) {
  EXPECT_EQ(::testing::PrintToString(ConnFactory{"pipe", nullptr}), "ConnFactory{pipe}");
  EXPECT_EQ(::testing::PrintToString(ConnFactory{}), "ConnFactory{<unnamed>}");
}

}  // namespace
