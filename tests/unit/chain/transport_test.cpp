// Pins chain::Transporter and the interfaces it is built from (the chain,
// connector, dialer, service, common/net and metadata headers): each
// is a pure interface (no copies or assignments through it), an
// implementation may still be copyable, and the optional interfaces that Go
// finds by type assertion are found with dynamic_cast, here by the reference
// set's Transport (go-gost/x/chain/transport.go) over dialers and connectors
// written for the test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <any>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/chain/chain.hpp"
#include "gost/core/chain/node.hpp"
#include "gost/core/chain/route.hpp"
#include "gost/core/chain/router.hpp"
#include "gost/core/chain/transport.hpp"
#include "gost/core/common/net/dialer.hpp"
#include "gost/core/connector/binder.hpp"
#include "gost/core/connector/connector.hpp"
#include "gost/core/dialer/dialer.hpp"
#include "gost/core/metadata/metadata.hpp"
#include "gost/core/service/service.hpp"
#include "reference/transport.hpp"

namespace gost::core {
namespace {

using core::detail::kIsInterface;

static_assert(kIsInterface<chain::Chainer>);
static_assert(kIsInterface<chain::Route>);
static_assert(kIsInterface<chain::Router>);
static_assert(kIsInterface<chain::Transporter>);
static_assert(kIsInterface<connector::Connector>);
static_assert(kIsInterface<connector::Handshaker>);
static_assert(kIsInterface<connector::Binder>);
static_assert(kIsInterface<dialer::Dialer>);
static_assert(kIsInterface<dialer::Handshaker>);
static_assert(kIsInterface<dialer::Multiplexer>);
static_assert(kIsInterface<service::Service>);
static_assert(kIsInterface<common::net::Dialer>);
static_assert(kIsInterface<metadata::Metadata>);
static_assert(kIsInterface<metadata::Metadatable>);

// The pointer aliases.
static_assert(std::is_same_v<chain::ChainerPtr, std::shared_ptr<chain::Chainer>>);
static_assert(std::is_same_v<chain::RoutePtr, std::shared_ptr<chain::Route>>);
static_assert(std::is_same_v<chain::RouterPtr, std::shared_ptr<chain::Router>>);
static_assert(std::is_same_v<chain::TransporterPtr, std::shared_ptr<chain::Transporter>>);
static_assert(std::is_same_v<chain::NodePtr, std::shared_ptr<chain::Node>>);
static_assert(std::is_same_v<connector::ConnectorPtr, std::shared_ptr<connector::Connector>>);
static_assert(std::is_same_v<dialer::DialerPtr, std::shared_ptr<dialer::Dialer>>);
static_assert(std::is_same_v<service::ServicePtr, std::shared_ptr<service::Service>>);
static_assert(std::is_same_v<common::net::DialerPtr, std::shared_ptr<common::net::Dialer>>);
static_assert(std::is_same_v<metadata::MetadataPtr, std::shared_ptr<metadata::Metadata>>);

// ---------------------------------------------------------------------------
// Fakes

// What the fakes saw, in order.
struct Log {
  std::vector<std::string> events;
};

// An in-memory connection that records what is written to it and when it is
// closed or destroyed.
class MemConn final : public net::Conn {
 public:
  MemConn(std::string name, std::shared_ptr<Log> log) : name_(std::move(name)), log_(std::move(log)) {}
  MemConn(const MemConn&) = delete;
  MemConn& operator=(const MemConn&) = delete;
  ~MemConn() override { log_->events.push_back(name_ + " released"); }
  io::IOResult Read(std::span<std::byte> /*b*/) override { return {0, io::ErrEOF}; }
  io::IOResult Write(std::span<const std::byte> b) override {
    log_->events.push_back(name_ + " <- " + std::string(AsString(b)));
    return {b.size(), {}};
  }
  Error Close() override {
    log_->events.push_back(name_ + " closed");
    return {};
  }
  [[nodiscard]] net::Addr LocalAddr() const override { return {"mem", name_}; }
  [[nodiscard]] net::Addr RemoteAddr() const override { return {"mem", name_}; }
  Error SetDeadline(Time /*t*/) override { return {}; }
  Error SetReadDeadline(Time /*t*/) override { return {}; }
  Error SetWriteDeadline(Time /*t*/) override { return {}; }

 private:
  std::string name_;
  std::shared_ptr<Log> log_;
};

class FakeListener final : public net::Listener {
 public:
  Result<net::ConnUniquePtr> Accept() override { return net::ErrClosed; }
  Error Close() override { return {}; }
  [[nodiscard]] net::Addr Addr() const override { return {"mem", "bound"}; }
};

// A dialer that records the options of each call. With `extras` it also
// implements the optional Handshaker and Multiplexer.
class PlainDialer : public dialer::Dialer {
 public:
  explicit PlainDialer(std::shared_ptr<Log> log) : log_(std::move(log)) {}
  Error Init(metadata::MetadataPtr /*md*/) override { return {}; }
  Result<net::ConnUniquePtr> Dial(const context::Context& /*ctx*/, std::string_view addr,
                            Variadic<dialer::DialOption> opts) override {
    const auto o = MakeOptions<dialer::DialOptions>(opts);
    log_->events.push_back("dial " + std::string(addr) + " host=" + o.Host);
    return net::ConnUniquePtr(std::make_unique<MemConn>("conn", log_));
  }

 protected:
  std::shared_ptr<Log> log_;
};

class FancyDialer final : public PlainDialer, public dialer::Handshaker, public dialer::Multiplexer {
 public:
  using PlainDialer::PlainDialer;
  Result<net::ConnUniquePtr> Handshake(const context::Context& /*ctx*/, net::ConnUniquePtr conn,
                                 Variadic<dialer::HandshakeOption> opts) override {
    const auto o = MakeOptions<dialer::HandshakeOptions>(opts);
    conn->Write(AsBytes("tls-hello " + o.Addr));
    return conn;
  }
  [[nodiscard]] bool Multiplex() const override { return true; }
};

class PlainConnector : public connector::Connector {
 public:
  explicit PlainConnector(std::shared_ptr<Log> log) : log_(std::move(log)) {}
  Error Init(metadata::MetadataPtr /*md*/) override { return {}; }
  Result<net::ConnUniquePtr> Connect(const context::Context& /*ctx*/, net::ConnUniquePtr conn, std::string_view network,
                               std::string_view address, Variadic<connector::ConnectOption> opts) override {
    const auto o = MakeOptions<connector::ConnectOptions>(opts);
    conn->Write(
        AsBytes("CONNECT " + std::string(network) + " " + std::string(address) + (o.Dialer ? " with-dialer" : "")));
    return conn;
  }

 protected:
  std::shared_ptr<Log> log_;
};

class BindingConnector final : public PlainConnector, public connector::Binder, public connector::Handshaker {
 public:
  using PlainConnector::PlainConnector;
  Result<net::ListenerUniquePtr> Bind(const context::Context& /*ctx*/, net::ConnUniquePtr conn, std::string_view /*network*/,
                                std::string_view address, Variadic<connector::BindOption> opts) override {
    const auto o = MakeOptions<connector::BindOptions>(opts);
    conn->Write(AsBytes("BIND " + std::string(address) + " backlog=" + std::to_string(o.Backlog)));
    return net::ListenerUniquePtr(std::make_unique<FakeListener>());
  }
  Result<net::ConnUniquePtr> Handshake(const context::Context& /*ctx*/, net::ConnUniquePtr conn) override {
    conn->Write(AsBytes("greeting"));
    return conn;
  }
};

class NetDialer final : public common::net::Dialer {
 public:
  Result<net::ConnUniquePtr> Dial(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/) override {
    return net::ErrClosed;
  }
};

// The reference set's Transport (examples/reference: go-gost/x's, with the
// optional interfaces found by dynamic_cast), over this file's dialers and
// connectors.
using Transport = gost::x::Transport;

static_assert(std::is_copy_constructible_v<Transport>);
static_assert(std::is_copy_assignable_v<Transport>);
static_assert(std::is_move_constructible_v<Transport>);
static_assert(std::is_move_assignable_v<Transport>);

std::vector<std::string> Take(Log& log) { return std::exchange(log.events, {}); }

// Through a base-interface pointer, `rich` is found to offer every optional
// interface Ext... and `plain` none of them.
template <class... Ext, class Base>
void ExpectExtensions(const std::shared_ptr<Base>& rich, const std::shared_ptr<Base>& plain) {
  const auto offered = [](const std::shared_ptr<Base>& p) {
    return std::vector<bool>{(dynamic_cast<Ext*>(p.get()) != nullptr)...};
  };
  EXPECT_EQ(offered(rich), std::vector<bool>(sizeof...(Ext), true));
  EXPECT_EQ(offered(plain), std::vector<bool>(sizeof...(Ext), false));
}

// ---------------------------------------------------------------------------

TEST(Interfaces, ACopyableImplementationCopiesThroughItsCopyConstructor) {
  auto log = std::make_shared<Log>();
  auto d = std::make_shared<PlainDialer>(log);
  Transport orig(d, std::make_shared<PlainConnector>(log), nullptr, {chain::AddrTransportOption("node:1"), nullptr});
  EXPECT_EQ(orig.Options()->Addr, "node:1");

  const chain::TransporterPtr copy = orig.Copy();
  ASSERT_NE(copy, nullptr);
  auto* as_transport = dynamic_cast<Transport*>(copy.get());
  ASSERT_NE(as_transport, nullptr);
  ASSERT_NE(copy->Options(), nullptr);
  EXPECT_NE(copy->Options(), orig.Options());
  EXPECT_EQ(copy->Options()->Addr, "node:1");

  // The copy's options are its own.
  copy->Options()->Addr = "other:2";
  copy->Options()->Netns = "ns";
  EXPECT_EQ(orig.Options()->Addr, "node:1");
  EXPECT_TRUE(orig.Options()->Netns.empty());

  // ... and each uses its own when dialing.
  const context::Context ctx;
  ASSERT_TRUE(orig.Dial(ctx, "1.1.1.1:1"));
  ASSERT_TRUE(copy->Dial(ctx, "2.2.2.2:2"));
  EXPECT_THAT(Take(*log), ::testing::ElementsAre("dial 1.1.1.1:1 host=node:1", "conn released",
                                                 "dial 2.2.2.2:2 host=other:2", "conn released"));

  // Plain value semantics work as well.
  Transport assigned = orig;
  assigned = *as_transport;
  EXPECT_EQ(assigned.Options()->Addr, "other:2");
}

TEST(Interfaces, OptionalDialerInterfacesAreDiscovered) {
  auto log = std::make_shared<Log>();
  const context::Context ctx;

  Transport plain(std::make_shared<PlainDialer>(log), std::make_shared<PlainConnector>(log), nullptr,
                  chain::AddrTransportOption("n:1"));
  EXPECT_FALSE(plain.Multiplex());
  auto conn = plain.Dial(ctx, "n:1");
  ASSERT_TRUE(conn);
  auto hs = plain.Handshake(ctx, std::move(*conn));  // nothing to do: the same connection back
  ASSERT_TRUE(hs);
  (*hs)->Write(AsBytes("data"));
  hs->reset();
  EXPECT_THAT(Take(*log), ::testing::ElementsAre("dial n:1 host=n:1", "conn <- data", "conn released"));

  Transport fancy(std::make_shared<FancyDialer>(log), std::make_shared<BindingConnector>(log), nullptr,
                  chain::AddrTransportOption("f:2"));
  EXPECT_TRUE(fancy.Multiplex());
  auto c2 = fancy.Dial(ctx, "f:2");
  ASSERT_TRUE(c2);
  auto hs2 = fancy.Handshake(ctx, std::move(*c2));
  ASSERT_TRUE(hs2);
  hs2->reset();
  EXPECT_THAT(Take(*log), ::testing::ElementsAre("dial f:2 host=f:2", "conn <- tls-hello f:2", "conn <- greeting",
                                                 "conn released"));

  // Found through the base interfaces too.
  ExpectExtensions<dialer::Handshaker, dialer::Multiplexer>(dialer::DialerPtr(std::make_shared<FancyDialer>(log)),
                                                            dialer::DialerPtr(std::make_shared<PlainDialer>(log)));
}

TEST(Interfaces, BindNeedsABinder) {
  auto log = std::make_shared<Log>();
  const context::Context ctx;

  Transport plain(std::make_shared<PlainDialer>(log), std::make_shared<PlainConnector>(log), nullptr);
  auto conn = plain.Dial(ctx, "n:1");
  ASSERT_TRUE(conn);
  Take(*log);
  // Called through the interface, which carries the default for `opts`.
  chain::Transporter& iface = plain;
  auto ln = iface.Bind(ctx, std::move(*conn), "tcp", ":9000");
  ASSERT_FALSE(ln);
  EXPECT_TRUE(errors::Is(ln.error(), connector::ErrBindUnsupported));
  // The connection was handed over and released on failure.
  EXPECT_THAT(Take(*log), ::testing::ElementsAre("conn released"));

  Transport binding(std::make_shared<PlainDialer>(log), std::make_shared<BindingConnector>(log), nullptr);
  auto c2 = binding.Dial(ctx, "n:1");
  ASSERT_TRUE(c2);
  Take(*log);
  auto ln2 = binding.Bind(ctx, std::move(*c2), "tcp", ":9000",
                          {connector::BacklogBindOption(16), nullptr, connector::MuxBindOption(true)});
  ASSERT_TRUE(ln2);
  EXPECT_EQ((*ln2)->Addr(), (net::Addr{"mem", "bound"}));
  EXPECT_THAT(Take(*log), ::testing::ElementsAre("conn <- BIND :9000 backlog=16", "conn released"));

  ExpectExtensions<connector::Binder, connector::Handshaker>(
      connector::ConnectorPtr(std::make_shared<BindingConnector>(log)),
      connector::ConnectorPtr(std::make_shared<PlainConnector>(log)));
}

TEST(Interfaces, ConnectPassesTheCallOptions) {
  auto log = std::make_shared<Log>();
  const context::Context ctx;
  Transport t(std::make_shared<PlainDialer>(log), std::make_shared<PlainConnector>(log), std::make_shared<NetDialer>());
  auto conn = t.Dial(ctx, "n:1");
  ASSERT_TRUE(conn);
  auto c = t.Connect(ctx, std::move(*conn), "udp", "8.8.8.8:53");
  ASSERT_TRUE(c);
  c->reset();
  EXPECT_THAT(Take(*log),
              ::testing::ElementsAre("dial n:1 host=", "conn <- CONNECT udp 8.8.8.8:53 with-dialer", "conn released"));
}

// Variadic option parameters accept nothing, one option, a braced list (with
// nulls) and a run-time vector, through one virtual function.
TEST(Interfaces, OptionParametersAcceptEveryForm) {
  auto log = std::make_shared<Log>();
  PlainDialer d(log);
  dialer::Dialer& iface = d;
  const context::Context ctx;
  ASSERT_TRUE(iface.Dial(ctx, "a:1"));
  ASSERT_TRUE(iface.Dial(ctx, "a:1", dialer::HostDialOption("one")));
  ASSERT_TRUE(iface.Dial(ctx, "a:1", {dialer::HostDialOption("x"), nullptr, dialer::HostDialOption("two")}));
  const std::vector<dialer::DialOption> runtime{dialer::HostDialOption("three"), dialer::DialOption{}};
  ASSERT_TRUE(iface.Dial(ctx, "a:1", runtime));
  ASSERT_TRUE(iface.Dial(ctx, "a:1", std::span<const dialer::DialOption>(runtime).first(1)));
  std::vector<std::string> dials;
  for (const auto& e : Take(*log)) {
    if (e.rfind("dial", 0) == 0) dials.push_back(e);
  }
  EXPECT_THAT(dials, ::testing::ElementsAre("dial a:1 host=", "dial a:1 host=one", "dial a:1 host=two",
                                            "dial a:1 host=three", "dial a:1 host=three"));
}

}  // namespace
}  // namespace gost::core
