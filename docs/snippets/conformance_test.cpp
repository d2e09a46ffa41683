// docs/snippets: the net::Conn conformance suite run over the guide's
// transport (docs/implementing-a-transport.md).
#include <gost/core/testing/conformance/conn.hpp>
#include <gost/core/testing/pipe.hpp>

#include <memory>
#include <thread>

#include "hello_dialer.hpp"
#include "line_connector.hpp"
#include "test_network.hpp"

namespace {

namespace gc = gost::core;
using gc::net::ConnConformanceTest;
using gc::net::ConnFactory;
using gc::net::ConnPair;
using mytransport::HelloDialer;
using mytransport::LineConnector;

// c1: a connection made by HelloDialer (Dial, Handshake) and LineConnector
// (Connect), as a route makes it. c2: the node's end once it has answered
// both; the suite then checks that bytes and deadlines work across the pair.
gc::Result<ConnPair> MakeTransportPair() {
  auto ln = std::make_shared<gc::net::PipeListener>(1);  // backlog 1: Dial does not wait for Accept
  const auto ctx = gc::context::Background();

  HelloDialer dialer;
  if (gc::Error err = dialer.Init(nullptr)) return err;
  auto raw = dialer.Dial(ctx, "node:1080", gc::dialer::NetDialerDialOption(ln->Dialer()));
  if (!raw) return raw.error();
  auto server = ln->Accept();
  if (!server) return server.error();

  // The node answers on a thread of its own: the pipe has no buffer, so
  // each side's writes wait for the other side's reads.
  gc::Error node_err;
  std::thread node([&node_err, &server] {
    node_err = mytransport::test::AnswerHello(**server, "guest");
    if (node_err) return;
    auto target = mytransport::test::ReadConnect(**server);
    node_err = target ? mytransport::WriteLine(**server, "OK") : target.error();
  });
  auto greeted = dialer.Handshake(ctx, std::move(*raw));
  auto connected = greeted ? LineConnector().Connect(ctx, std::move(*greeted), "tcp", "echo:7")
                           : gc::Result<gc::net::ConnUniquePtr>(greeted.error());
  node.join();
  if (!connected) return connected.error();
  if (node_err) return node_err;

  ConnPair pair{std::move(*connected), std::move(*server), nullptr};
  auto* c1 = pair.c1.get();
  auto* c2 = pair.c2.get();
  pair.stop = [c1, c2, ln] {
    (void)c1->Close();
    (void)c2->Close();
    (void)ln->Close();
  };
  return pair;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(HelloLine, ConnConformanceTest,
                         ::testing::Values(ConnFactory{"hello_line", &MakeTransportPair}),
                         ConnConformanceTest::ParamName);
