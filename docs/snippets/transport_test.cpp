// docs/snippets: unit tests of the guide's dialer and connector, including
// what a node may answer wrongly (docs/implementing-a-transport.md).
#include <gtest/gtest.h>

#include <any>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <gost/core/testing/pipe.hpp>

#include "hello_dialer.hpp"
#include "line_connector.hpp"
#include "reference/metadata.hpp"
#include "test_network.hpp"

namespace {

namespace gc = gost::core;
using mytransport::HelloDialer;
using mytransport::LineConnector;

// A connection to a node played by `node` on another thread.
struct Scripted {
  explicit Scripted(std::function<void(gc::net::Conn&)> node) {
    auto [client, server] = gc::net::Pipe();
    conn = std::move(client);
    peer = std::thread([node = std::move(node), s = std::move(server)]() mutable { node(*s); });
  }
  ~Scripted() { peer.join(); }
  Scripted(const Scripted&) = delete;
  Scripted& operator=(const Scripted&) = delete;

  gc::net::ConnUniquePtr conn;
  std::thread peer;
};

TEST(HelloDialer, InitAcceptsNoMetadataAndAStringToken) {
  HelloDialer d;
  EXPECT_FALSE(d.Init(nullptr));
  auto md = gost::x::NewMetadata();
  EXPECT_FALSE(d.Init(md));  // no "token": the default stays
  md->Set("token", std::string("alpha"));
  EXPECT_FALSE(d.Init(md));
}

TEST(HelloDialer, InitRejectsMalformedTokens) {
  for (const std::any& bad : {std::any(42), std::any(std::string()), std::any(std::string("two words")),
                              std::any(std::string("line\nbreak")), std::any(std::string(65, 'x'))}) {
    auto md = gost::x::NewMetadata();
    md->Set("token", bad);
    HelloDialer d;
    EXPECT_TRUE(d.Init(md));
  }
}

TEST(HelloDialer, DialWithoutANetworkDialerFails) {
  HelloDialer d;
  auto r = d.Dial(gc::context::Background(), "a:1080");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().Message().find("no network dialer"), std::string::npos);
}

TEST(HelloDialer, DialUsesTheGivenNetworkDialer) {
  gc::net::PipeListener ln(1);
  HelloDialer d;
  auto r = d.Dial(gc::context::Background(), "a:1080", gc::dialer::NetDialerDialOption(ln.Dialer()));
  ASSERT_TRUE(r) << r.error().Message();
  EXPECT_TRUE(ln.Accept());
}

TEST(HelloDialer, HandshakeSendsTheTokenAndAcceptsWelcome) {
  std::string heard;
  {
    Scripted node([&heard](gc::net::Conn& c) {
      heard = mytransport::ReadLine(c).value_or("");
      (void)mytransport::WriteLine(c, "WELCOME");
    });
    auto md = gost::x::NewMetadata();
    md->Set("token", std::string("alpha"));
    HelloDialer d;
    ASSERT_FALSE(d.Init(md));
    auto r = d.Handshake(gc::context::Background(), std::move(node.conn));
    EXPECT_TRUE(r) << r.error().Message();
  }
  EXPECT_EQ(heard, "HELLO alpha");
}

TEST(HelloDialer, HandshakeFailsAndClosesOnAnyOtherAnswer) {
  for (const char* answer : {"DENIED", "", "WELCOME!"}) {
    Scripted node([answer](gc::net::Conn& c) {
      (void)mytransport::ReadLine(c);
      (void)mytransport::WriteLine(c, answer);
      // The dialer closed its end: the node reads EOF.
      std::byte b{};
      EXPECT_TRUE(gc::errors::Is(c.Read({&b, 1}).err, gc::io::ErrEOF));
    });
    HelloDialer d;
    auto r = d.Handshake(gc::context::Background(), std::move(node.conn));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().Message().find("node answered"), std::string::npos) << answer;
  }
}

TEST(HelloDialer, HandshakeFailsWhenTheNodeHangsUp) {
  Scripted node([](gc::net::Conn& c) { (void)c.Close(); });
  HelloDialer d;
  auto r = d.Handshake(gc::context::Background(), std::move(node.conn));
  ASSERT_FALSE(r);
}

TEST(HelloDialer, HandshakeRejectsAnOverlongLine) {
  Scripted node([](gc::net::Conn& c) {
    (void)mytransport::ReadLine(c);
    (void)c.Write(gc::AsBytes(std::string(300, 'x')));  // ends when the dialer closes
  });
  HelloDialer d;
  auto r = d.Handshake(gc::context::Background(), std::move(node.conn));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().Message().find("longer than"), std::string::npos);
}

TEST(HelloDialer, HandshakeStopsAtTheContextDeadline) {
  Scripted node([](gc::net::Conn& c) {
    (void)mytransport::ReadLine(c);  // never answers; returns once the dialer closes
    std::byte b{};
    (void)c.Read({&b, 1});
  });
  auto [ctx, cancel] = gc::context::WithTimeout(gc::context::Background(), std::chrono::milliseconds(50));
  HelloDialer d;
  auto r = d.Handshake(ctx, std::move(node.conn));
  ASSERT_FALSE(r);
  EXPECT_TRUE(gc::errors::Is(r.error(), gc::context::DeadlineExceeded));
  cancel();
}

TEST(HelloDialer, HandshakeStopsWhenTheContextIsCancelled) {
  Scripted node([](gc::net::Conn& c) {
    (void)mytransport::ReadLine(c);
    std::byte b{};
    (void)c.Read({&b, 1});
  });
  auto [ctx, cancel] = gc::context::WithCancel(gc::context::Background());
  std::thread canceller([c = cancel] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    c();
  });
  HelloDialer d;
  auto r = d.Handshake(ctx, std::move(node.conn));
  canceller.join();
  ASSERT_FALSE(r);
  EXPECT_TRUE(gc::errors::Is(r.error(), gc::context::Canceled));
}

TEST(LineConnector, ConnectSendsTheAddressAndAcceptsOk) {
  std::string heard;
  {
    Scripted node([&heard](gc::net::Conn& c) {
      heard = mytransport::ReadLine(c).value_or("");
      (void)mytransport::WriteLine(c, "OK");
    });
    LineConnector lc;
    auto r = lc.Connect(gc::context::Background(), std::move(node.conn), "tcp", "db:5432");
    EXPECT_TRUE(r) << r.error().Message();
  }
  EXPECT_EQ(heard, "CONNECT db:5432");
}

// Connects to db:5432 through a node that answers `reply`; returns the
// connector's error ("<connected>" if it took the reply for a yes).
std::string ConnectErrorFor(const std::string& reply) {
  Scripted node([reply](gc::net::Conn& c) {
    (void)mytransport::ReadLine(c);
    (void)mytransport::WriteLine(c, reply);
  });
  LineConnector lc;
  auto r = lc.Connect(gc::context::Background(), std::move(node.conn), "tcp", "db:5432");
  return r ? "<connected>" : r.error().Message();
}

TEST(LineConnector, ConnectReportsTheNodesRefusal) {
  EXPECT_EQ(ConnectErrorFor("ERR no route to db:5432"), "line: node cannot reach db:5432: no route to db:5432");
}

TEST(LineConnector, ConnectRejectsAGarbledReply) {
  EXPECT_NE(ConnectErrorFor("HTTP/1.1 200 OK").find("unexpected reply"), std::string::npos);
}

TEST(LineConnector, ConnectRefusesBadRequestsBeforeSendingAnything) {
  struct Case {
    const char* network;
    std::string address;
  };
  for (const Case& c : {Case{"udp", "db:53"}, Case{"tcp", ""}, Case{"tcp", "a b:1"}, Case{"tcp", "x\r\n:1"},
                        Case{"tcp", std::string(201, 'a')}}) {
    auto [client, server] = gc::net::Pipe();
    LineConnector lc;
    auto r = lc.Connect(gc::context::Background(), std::move(client), c.network, c.address);
    EXPECT_FALSE(r) << c.network << " " << c.address;
    // Nothing was written, and the connection was closed.
    std::byte b{};
    EXPECT_TRUE(gc::errors::Is(server->Read({&b, 1}).err, gc::io::ErrEOF));
  }
}

TEST(LineConnector, NullConnectionIsAnError) {
  LineConnector lc;
  EXPECT_FALSE(lc.Connect(gc::context::Background(), nullptr, "tcp", "db:5432"));
  HelloDialer d;
  EXPECT_FALSE(d.Handshake(gc::context::Background(), nullptr));
}

}  // namespace
