// Every mock of the testing kit: it can be instantiated (no pure virtual
// left), and an expectation set on it is met by a call made through the
// interface it mocks. Also the harder cases: move-only parameters and
// results, template mocks, and the metadata and logger matchers.
#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <any>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/chain/node.hpp"
#include "gost/core/testing/mocks.hpp"
#include "gost/core/testing/pipe.hpp"

namespace {

namespace core = gost::core;
using ::testing::_;
using ::testing::ByMove;
using ::testing::Eq;
using ::testing::Invoke;
using ::testing::Return;
using ::testing::StrictMock;

// Mocks must be concrete: a forgotten (or changed) method would make them
// abstract and fail here at compile time.
template <class... M>
constexpr bool kAllConcrete = (!std::is_abstract_v<M> && ...);
static_assert(
    kAllConcrete<core::admission::MockAdmission, core::auth::MockAuthenticator, core::bypass::MockBypass,
                 core::chain::MockChainer, core::chain::MockRoute, core::chain::MockRouter,
                 core::chain::MockTransporter, core::chain::MockProbeResultReader, core::common::net::MockDialer,
                 core::connector::MockConnector, core::connector::MockHandshaker, core::connector::MockBinder,
                 core::dialer::MockDialer, core::dialer::MockHandshaker, core::dialer::MockMultiplexer,
                 core::handler::MockHandler, core::handler::MockForwarder, core::hop::MockHop, core::hop::MockNodeList,
                 core::hosts::MockHostMapper, core::ingress::MockIngress, core::io::MockReader, core::io::MockWriter,
                 core::io::MockReaderFrom, core::io::MockWriterTo, core::limiter::conn::MockLimiter,
                 core::limiter::conn::MockConnLimiter, core::limiter::rate::MockLimiter,
                 core::limiter::rate::MockRateLimiter, core::limiter::traffic::MockLimiter,
                 core::limiter::traffic::MockTrafficLimiter, core::listener::MockListener, core::logger::MockLogger,
                 core::metadata::MockMetadata, core::metadata::MockMetadatable, core::metrics::MockGauge,
                 core::metrics::MockCounter, core::metrics::MockObserver, core::metrics::MockMetrics,
                 core::net::MockConn, core::net::MockListener, core::observer::MockEvent, core::observer::MockObserver,
                 core::observer::stats::MockStats, core::recorder::MockRecorder, core::regexp::MockRegexp,
                 core::registry::MockRegistry<int>, core::resolver::MockResolver, core::rewriter::MockRewriter,
                 core::router::MockRouter, core::routing::MockMatcher, core::sd::MockSD,
                 core::selector::MockSelector<int>, core::selector::MockStrategy<int>, core::selector::MockFilter<int>,
                 core::selector::MockMarker, core::selector::MockMarkable, core::service::MockService>);

// A connection to hand around; which one does not matter.
core::net::ConnUniquePtr SomeConn() { return core::net::Pipe().first; }

core::net::ListenerUniquePtr SomeListener() { return std::make_unique<core::net::PipeListener>(); }

const core::context::Context kCtx;

TEST(MocksTest, Admission) {
  StrictMock<core::admission::MockAdmission> m;
  EXPECT_CALL(m, Admit(_, "tcp", "1.2.3.4:5", _)).WillOnce(Return(true));
  core::admission::Admission& i = m;
  EXPECT_TRUE(i.Admit(kCtx, "tcp", "1.2.3.4:5"));
}

TEST(MocksTest, Authenticator) {
  StrictMock<core::auth::MockAuthenticator> m;
  EXPECT_CALL(m, Authenticate(_, "user", "pass", _)).WillOnce(Return(core::auth::AuthenticateResult{"id-1", true}));
  core::auth::Authenticator& i = m;
  EXPECT_EQ(i.Authenticate(kCtx, "user", "pass", core::auth::WithService("svc")),
            (core::auth::AuthenticateResult{"id-1", true}));
}

TEST(MocksTest, Bypass) {
  StrictMock<core::bypass::MockBypass> m;
  EXPECT_CALL(m, IsWhitelist()).WillOnce(Return(true));
  EXPECT_CALL(m, Contains(_, "tcp", "example.com:443", _)).WillOnce(Return(true));
  const core::bypass::Bypass& ci = m;
  EXPECT_TRUE(ci.IsWhitelist());
  core::bypass::Bypass& i = m;
  EXPECT_TRUE(i.Contains(kCtx, "tcp", "example.com:443"));
}

TEST(MocksTest, Chainer) {
  StrictMock<core::chain::MockChainer> m;
  auto route = std::make_shared<core::chain::MockRoute>();
  EXPECT_CALL(m, Route(_, "tcp", "a:1", _)).WillOnce(Return(route));
  core::chain::Chainer& i = m;
  EXPECT_EQ(i.Route(kCtx, "tcp", "a:1"), route);
}

TEST(MocksTest, RouteWithMoveOnlyResults) {
  StrictMock<core::chain::MockRoute> m;
  EXPECT_CALL(m, Dial(_, "tcp", "a:1", _)).WillOnce(Invoke([] {
    return core::Result<core::net::ConnUniquePtr>(SomeConn());
  }));
  EXPECT_CALL(m, Bind(_, "tcp", ":0", _)).WillOnce(Return(ByMove(SomeListener())));
  EXPECT_CALL(m, Nodes()).WillOnce(Return(std::vector<std::shared_ptr<core::chain::Node>>{}));
  core::chain::Route& i = m;
  auto conn = i.Dial(kCtx, "tcp", "a:1");
  ASSERT_TRUE(conn.has_value());
  EXPECT_NE(*conn, nullptr);
  auto ln = i.Bind(kCtx, "tcp", ":0");
  ASSERT_TRUE(ln.has_value());
  EXPECT_NE(*ln, nullptr);
  EXPECT_TRUE(i.Nodes().empty());
}

TEST(MocksTest, ChainRouter) {
  StrictMock<core::chain::MockRouter> m;
  core::chain::RouterOptions opts;
  EXPECT_CALL(m, Options()).WillOnce(Return(&opts));
  EXPECT_CALL(m, Dial(_, "tcp", "b:2", _))
      .WillOnce(Return(ByMove(core::Result<core::net::ConnUniquePtr>(core::net::ErrClosed))));
  EXPECT_CALL(m, Bind(_, _, _, _)).WillOnce(Invoke([] {
    return core::Result<core::net::ListenerUniquePtr>(SomeListener());
  }));
  core::chain::Router& i = m;
  EXPECT_EQ(i.Options(), &opts);
  auto r = i.Dial(kCtx, "tcp", "b:2");
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(core::errors::Is(r.error(), core::net::ErrClosed));
  EXPECT_TRUE(i.Bind(kCtx, "tcp", ":0").has_value());
}

TEST(MocksTest, TransporterTakesAndReturnsConnections) {
  StrictMock<core::chain::MockTransporter> m;
  core::chain::TransportOptions opts;
  EXPECT_CALL(m, Dial(_, "node:1")).WillOnce(Invoke([](const core::context::Context&, std::string_view) {
    return core::Result<core::net::ConnUniquePtr>(SomeConn());
  }));
  // Handshake and Connect receive the connection by value and give it back.
  EXPECT_CALL(m, Handshake(_, _)).WillOnce(Invoke([](const core::context::Context&, core::net::ConnUniquePtr c) {
    return core::Result<core::net::ConnUniquePtr>(std::move(c));
  }));
  EXPECT_CALL(m, Connect(_, ::testing::NotNull(), "tcp", "dst:1"))
      .WillOnce(Invoke([](const core::context::Context&, core::net::ConnUniquePtr c, std::string_view, std::string_view) {
        return core::Result<core::net::ConnUniquePtr>(std::move(c));
      }));
  EXPECT_CALL(m, Bind(_, _, "tcp", ":0", _))
      .WillOnce(Return(ByMove(core::Result<core::net::ListenerUniquePtr>(core::connector::ErrBindUnsupported))));
  EXPECT_CALL(m, Multiplex()).WillOnce(Return(true));
  EXPECT_CALL(m, Options()).WillOnce(Return(&opts));
  EXPECT_CALL(m, Copy()).WillOnce(Return(nullptr));
  core::chain::Transporter& i = m;
  auto conn = i.Dial(kCtx, "node:1");
  ASSERT_TRUE(conn.has_value());
  core::net::Conn* raw = conn->get();
  auto shaken = i.Handshake(kCtx, std::move(*conn));
  ASSERT_TRUE(shaken.has_value());
  EXPECT_EQ(shaken->get(), raw) << "the same connection came back";
  auto connected = i.Connect(kCtx, std::move(*shaken), "tcp", "dst:1");
  ASSERT_TRUE(connected.has_value());
  EXPECT_EQ(connected->get(), raw);
  auto bound = i.Bind(kCtx, SomeConn(), "tcp", ":0");
  ASSERT_FALSE(bound.has_value());
  EXPECT_TRUE(core::errors::Is(bound.error(), core::connector::ErrBindUnsupported));
  EXPECT_TRUE(i.Multiplex());
  EXPECT_EQ(i.Options(), &opts);
  EXPECT_EQ(i.Copy(), nullptr);
}

TEST(MocksTest, ProbeResultReader) {
  StrictMock<core::chain::MockProbeResultReader> m;
  auto result = std::make_shared<const core::chain::ProbeResult>(core::chain::ProbeResult{true, {}, "", {}});
  EXPECT_CALL(m, ProbeResult()).WillOnce(Return(result));
  const core::chain::ProbeResultReader& i = m;
  EXPECT_EQ(i.ProbeResult(), result);
}

TEST(MocksTest, CommonNetDialer) {
  StrictMock<core::common::net::MockDialer> m;
  EXPECT_CALL(m, Dial(_, "udp", "c:3")).WillOnce(Return(ByMove(SomeConn())));
  core::common::net::Dialer& i = m;
  auto r = i.Dial(kCtx, "udp", "c:3");
  ASSERT_TRUE(r.has_value());
  EXPECT_NE(*r, nullptr);
}

TEST(MocksTest, Connector) {
  StrictMock<core::connector::MockConnector> m;
  EXPECT_CALL(m, Init(Eq(nullptr))).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Connect(_, _, "tcp", "d:4", _))
      .WillOnce(Invoke([](const core::context::Context&, core::net::ConnUniquePtr c, std::string_view, std::string_view,
                          core::Variadic<core::connector::ConnectOption>) {
        return core::Result<core::net::ConnUniquePtr>(std::move(c));
      }));
  core::connector::Connector& i = m;
  EXPECT_FALSE(i.Init(nullptr));
  EXPECT_TRUE(i.Connect(kCtx, SomeConn(), "tcp", "d:4").has_value());
}

TEST(MocksTest, ConnectorHandshaker) {
  StrictMock<core::connector::MockHandshaker> m;
  // An unconfigured-style failure: the mock drops the connection it was given.
  EXPECT_CALL(m, Handshake(_, _)).WillOnce(Return(ByMove(core::Result<core::net::ConnUniquePtr>(core::io::ErrEOF))));
  core::connector::Handshaker& i = m;
  auto r = i.Handshake(kCtx, SomeConn());
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(core::errors::Is(r.error(), core::io::ErrEOF));
}

TEST(MocksTest, Binder) {
  StrictMock<core::connector::MockBinder> m;
  EXPECT_CALL(m, Bind(_, _, "tcp", ":9", _)).WillOnce(Return(ByMove(SomeListener())));
  core::connector::Binder& i = m;
  auto r = i.Bind(kCtx, SomeConn(), "tcp", ":9", core::connector::MuxBindOption(true));
  ASSERT_TRUE(r.has_value());
  EXPECT_NE(*r, nullptr);
}

TEST(MocksTest, Dialer) {
  StrictMock<core::dialer::MockDialer> m;
  EXPECT_CALL(m, Init(_)).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Dial(_, "node:443", _)).WillOnce(Return(ByMove(SomeConn())));
  core::dialer::Dialer& i = m;
  EXPECT_FALSE(i.Init(nullptr));
  EXPECT_TRUE(i.Dial(kCtx, "node:443").has_value());
}

TEST(MocksTest, DialerHandshakerAndMultiplexer) {
  StrictMock<core::dialer::MockHandshaker> hs;
  EXPECT_CALL(hs, Handshake(_, ::testing::NotNull(), _))
      .WillOnce(Invoke(
          [](const core::context::Context&, core::net::ConnUniquePtr c, core::Variadic<core::dialer::HandshakeOption>) {
            return core::Result<core::net::ConnUniquePtr>(std::move(c));
          }));
  core::dialer::Handshaker& h = hs;
  EXPECT_TRUE(h.Handshake(kCtx, SomeConn()).has_value());

  StrictMock<core::dialer::MockMultiplexer> mx;
  EXPECT_CALL(mx, Multiplex()).WillOnce(Return(true));
  const core::dialer::Multiplexer& x = mx;
  EXPECT_TRUE(x.Multiplex());
}

TEST(MocksTest, HandlerAndForwarder) {
  StrictMock<core::handler::MockHandler> m;
  EXPECT_CALL(m, Init(_)).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Handle(_, ::testing::NotNull(), _)).WillOnce(Return(core::Error{}));
  core::handler::Handler& i = m;
  EXPECT_FALSE(i.Init(nullptr));
  EXPECT_FALSE(i.Handle(kCtx, SomeConn()));

  StrictMock<core::handler::MockForwarder> f;
  auto hop = std::make_shared<core::hop::MockHop>();
  EXPECT_CALL(f, Forward(Eq(hop)));
  core::handler::Forwarder& fi = f;
  fi.Forward(hop);
}

TEST(MocksTest, HopAndNodeList) {
  StrictMock<core::hop::MockHop> m;
  auto node = std::make_shared<core::chain::Node>("n1", "1.2.3.4:8080");
  EXPECT_CALL(m, Select(_, _)).WillOnce(Return(node));
  core::hop::Hop& i = m;
  EXPECT_EQ(i.Select(kCtx, core::hop::HostSelectOption("h")), node);

  StrictMock<core::hop::MockNodeList> l;
  EXPECT_CALL(l, Nodes()).WillOnce(Return(std::vector<core::chain::NodePtr>{node}));
  const core::hop::NodeList& li = l;
  EXPECT_EQ(li.Nodes().size(), 1U);
}

TEST(MocksTest, HostMapper) {
  StrictMock<core::hosts::MockHostMapper> m;
  const core::hosts::LookupResult found{{core::net::IP::V4(10, 0, 0, 1)}, true};
  EXPECT_CALL(m, Lookup(_, "ip4", "db.local", _)).WillOnce(Return(found));
  core::hosts::HostMapper& i = m;
  EXPECT_EQ(i.Lookup(kCtx, "ip4", "db.local"), found);
}

TEST(MocksTest, Ingress) {
  StrictMock<core::ingress::MockIngress> m;
  auto rule = std::make_shared<core::ingress::Rule>(core::ingress::Rule{"app.example.com", "tunnel-1"});
  EXPECT_CALL(m, SetRule(_, rule, _)).WillOnce(Return(true));
  EXPECT_CALL(m, GetRule(_, "app.example.com", _)).WillOnce(Return(rule));
  core::ingress::Ingress& i = m;
  EXPECT_TRUE(i.SetRule(kCtx, rule));
  EXPECT_EQ(i.GetRule(kCtx, "app.example.com"), rule);
}

TEST(MocksTest, IoReaderAndWriter) {
  StrictMock<core::io::MockReader> r;
  EXPECT_CALL(r, Read(::testing::SizeIs(4))).WillOnce(Invoke([](std::span<std::byte> b) {
    b[0] = std::byte{'x'};
    return core::io::IOResult{1, core::io::ErrEOF};
  }));
  StrictMock<core::io::MockWriter> w;
  EXPECT_CALL(w, Write(::testing::SizeIs(3))).WillOnce(Return(core::io::IOResult{3, {}}));
  core::io::Reader& ri = r;
  std::byte buf[4] = {};
  const auto got = ri.Read(buf);
  EXPECT_EQ(got.n, 1U);
  EXPECT_EQ(got.err, core::io::ErrEOF);
  EXPECT_EQ(buf[0], std::byte{'x'});
  core::io::Writer& wi = w;
  EXPECT_EQ(wi.Write(core::AsBytes("abc")).n, 3U);
}

TEST(MocksTest, IoReaderFromAndWriterTo) {
  StrictMock<core::io::MockReader> r;
  StrictMock<core::io::MockWriter> w;
  StrictMock<core::io::MockReaderFrom> rf;
  EXPECT_CALL(rf, ReadFrom(::testing::Ref(r))).WillOnce(Return(core::io::CopyResult{7, {}}));
  StrictMock<core::io::MockWriterTo> wt;
  EXPECT_CALL(wt, WriteTo(::testing::Ref(w))).WillOnce(Return(core::io::CopyResult{5, core::net::ErrClosed}));
  core::io::ReaderFrom& rfi = rf;
  EXPECT_EQ(rfi.ReadFrom(r).n, 7);
  core::io::WriterTo& wti = wt;
  const auto out = wti.WriteTo(w);
  EXPECT_EQ(out.n, 5);
  EXPECT_EQ(out.err, core::net::ErrClosed);
}

// The connection-count and the rate limiters have one shape (Allow, Limit
// and a keyed Limiter lookup), so one check serves both kits.
template <class Lim, class Keyed, class MockLim, class MockKeyed>
void ExpectKeyedLimiterMocks(decltype(std::declval<Lim&>().Limit()) limit) {
  StrictMock<MockLim> l;
  EXPECT_CALL(l, Allow(2)).WillOnce(Return(true));
  EXPECT_CALL(l, Allow(1)).WillOnce(Return(false));
  EXPECT_CALL(l, Limit()).WillOnce(Return(limit));
  auto shared = std::make_shared<MockLim>();
  StrictMock<MockKeyed> keyed;
  EXPECT_CALL(keyed, Limiter("client")).WillOnce(Return(shared));
  EXPECT_CALL(keyed, Limiter("any")).WillOnce(Return(nullptr));
  Lim& li = l;
  EXPECT_TRUE(li.Allow(2));
  EXPECT_FALSE(li.Allow(1));
  EXPECT_EQ(li.Limit(), limit);
  Keyed& ki = keyed;
  EXPECT_EQ(ki.Limiter("client"), shared);
  EXPECT_EQ(ki.Limiter("any"), nullptr);
}

TEST(MocksTest, ConnLimiters) {
  namespace conn = core::limiter::conn;
  ExpectKeyedLimiterMocks<conn::Limiter, conn::ConnLimiter, conn::MockLimiter, conn::MockConnLimiter>(10);
}

TEST(MocksTest, RateLimiters) {
  namespace rate = core::limiter::rate;
  ExpectKeyedLimiterMocks<rate::Limiter, rate::RateLimiter, rate::MockLimiter, rate::MockRateLimiter>(2.5);
}

TEST(MocksTest, TrafficLimiters) {
  StrictMock<core::limiter::traffic::MockLimiter> l;
  EXPECT_CALL(l, Wait(_, 4096)).WillOnce(Return(1024));
  EXPECT_CALL(l, Limit()).WillOnce(Return(1024));
  EXPECT_CALL(l, Set(2048));
  auto in = std::make_shared<core::limiter::traffic::MockLimiter>();
  StrictMock<core::limiter::traffic::MockTrafficLimiter> tl;
  EXPECT_CALL(tl, In(_, "svc", _)).WillOnce(Return(in));
  EXPECT_CALL(tl, Out(_, "svc", _)).WillOnce(Return(nullptr));
  core::limiter::traffic::Limiter& li = l;
  EXPECT_EQ(li.Wait(kCtx, 4096), 1024);
  EXPECT_EQ(li.Limit(), 1024);
  li.Set(2048);
  core::limiter::traffic::TrafficLimiter& tli = tl;
  EXPECT_EQ(tli.In(kCtx, "svc"), in);
  EXPECT_EQ(tli.Out(kCtx, "svc"), nullptr);
}

TEST(MocksTest, GostListener) {
  StrictMock<core::listener::MockListener> m;
  EXPECT_CALL(m, Init(_)).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Accept())
      .WillOnce(Return(ByMove(SomeConn())))
      .WillOnce(Return(ByMove(core::Result<core::net::ConnUniquePtr>(core::listener::ErrClosed))));
  EXPECT_CALL(m, Addr()).WillOnce(Return(core::net::Addr("tcp", ":8080")));
  EXPECT_CALL(m, Close()).WillOnce(Return(core::Error{}));
  core::listener::Listener& i = m;
  EXPECT_FALSE(i.Init(nullptr));
  EXPECT_TRUE(i.Accept().has_value());
  EXPECT_TRUE(core::errors::Is(i.Accept().error(), core::listener::ErrClosed));
  EXPECT_EQ(i.Addr(), core::net::Addr("tcp", ":8080"));
  EXPECT_FALSE(i.Close());
}

TEST(MocksTest, Logger) {
  StrictMock<core::logger::MockLogger> m;
  EXPECT_CALL(m, WithFields(_)).WillOnce(Return(nullptr));
  EXPECT_CALL(m, Trace(_));
  EXPECT_CALL(m, Tracef("t %d", _));
  EXPECT_CALL(m, Debug(_));
  EXPECT_CALL(m, Debugf(_, _));
  EXPECT_CALL(m, Info(core::logger::SprintIs("listening on :8080")));
  EXPECT_CALL(m, Infof("%s: %d bytes", core::logger::SprintIs("a5")));  // Go's Sprint: no space after a string
  EXPECT_CALL(m, Warn(_));
  EXPECT_CALL(m, Warnf(_, core::logger::SprintIs("")));
  EXPECT_CALL(m, Error(_));
  EXPECT_CALL(m, Errorf(_, _));
  EXPECT_CALL(m, Fatal(_));
  EXPECT_CALL(m, Fatalf(_, _));
  EXPECT_CALL(m, GetLevel()).WillOnce(Return(core::logger::DebugLevel));
  EXPECT_CALL(m, IsLevelEnabled(core::logger::TraceLevel)).WillOnce(Return(false));
  core::logger::Logger& i = m;
  EXPECT_EQ(i.WithFields({{"k", std::any(1)}}), nullptr);
  i.Trace("t");
  i.Tracef("t %d", {1});
  i.Debug({"d", 2});
  i.Debugf("d");
  i.Info({"listening on ", std::string(":8080")});
  i.Infof("%s: %d bytes", {"a", 5});
  i.Warnf("w");  // the interface's default: no arguments
  i.Warn("w");
  i.Error(core::net::ErrClosed);
  i.Errorf("e %v", {core::io::ErrEOF});
  i.Fatal("f");
  i.Fatalf("f");
  EXPECT_EQ(i.GetLevel(), core::logger::DebugLevel);
  EXPECT_FALSE(i.IsLevelEnabled(core::logger::TraceLevel));
}

TEST(MocksTest, SprintIsRejectsOtherText) {
  const ::testing::Matcher<const core::fmt::Args&> m = core::logger::SprintIs("abc");
  EXPECT_TRUE(m.Matches(core::fmt::Args{"a", "bc"}));
  EXPECT_FALSE(m.Matches(core::fmt::Args{"abd"}));
  EXPECT_FALSE(m.Matches(core::fmt::Args{}));
}

TEST(MocksTest, Metadata) {
  StrictMock<core::metadata::MockMetadata> m;
  EXPECT_CALL(m, IsExists("retries")).WillOnce(Return(true));
  EXPECT_CALL(m, Set("retries", core::metadata::AnyWith<int>(3)));
  EXPECT_CALL(m, Set("host", core::metadata::AnyWith<std::string>(::testing::StartsWith("example"))));
  EXPECT_CALL(m, Get("retries")).WillOnce(Return(std::any(3)));
  core::metadata::Metadata& i = m;
  EXPECT_TRUE(i.IsExists("retries"));
  i.Set("retries", 3);
  i.Set("host", std::string("example.com"));
  EXPECT_EQ(std::any_cast<int>(i.Get("retries")), 3);

  StrictMock<core::metadata::MockMetadatable> mm;
  auto md = std::make_shared<core::metadata::MockMetadata>();
  EXPECT_CALL(mm, Metadata()).WillOnce(Return(md));
  const core::metadata::Metadatable& mi = mm;
  EXPECT_EQ(mi.Metadata(), md);
}

TEST(MocksTest, AnyWithChecksTypeAndValue) {
  using Arg = core::metadata::MockMetadata::AnyArg;
  const ::testing::Matcher<Arg> three = core::metadata::AnyWith<int>(3);
  EXPECT_TRUE(three.Matches(Arg{3}));
  EXPECT_FALSE(three.Matches(Arg{4}));
  EXPECT_FALSE(three.Matches(Arg{3L})) << "a long is not an int";
  EXPECT_FALSE(three.Matches(Arg{}));
  EXPECT_EQ(::testing::PrintToString(Arg{}), "empty std::any");
}

TEST(MocksTest, Metrics) {
  StrictMock<core::metrics::MockGauge> g;
  EXPECT_CALL(g, Inc());
  EXPECT_CALL(g, Dec());
  EXPECT_CALL(g, Add(2.0));
  EXPECT_CALL(g, Set(5.0));
  core::metrics::Gauge& gi = g;
  gi.Inc();
  gi.Dec();
  gi.Add(2.0);
  gi.Set(5.0);

  StrictMock<core::metrics::MockCounter> c;
  EXPECT_CALL(c, Inc());
  EXPECT_CALL(c, Add(1.5));
  core::metrics::Counter& ci = c;
  ci.Inc();
  ci.Add(1.5);

  StrictMock<core::metrics::MockObserver> o;
  EXPECT_CALL(o, Observe(0.25));
  core::metrics::Observer& oi = o;
  oi.Observe(0.25);

  StrictMock<core::metrics::MockMetrics> m;
  auto counter = std::make_shared<core::metrics::MockCounter>();
  const core::metrics::Labels labels{{"service", "s1"}};
  EXPECT_CALL(m, Counter("requests", labels)).WillOnce(Return(counter));
  EXPECT_CALL(m, Gauge(_, _)).WillOnce(Return(nullptr));
  EXPECT_CALL(m, Observer(_, _)).WillOnce(Return(nullptr));
  core::metrics::Metrics& mi = m;
  EXPECT_EQ(mi.Counter("requests", labels), counter);
  EXPECT_EQ(mi.Gauge("g", {}), nullptr);
  EXPECT_EQ(mi.Observer("o", {}), nullptr);
}

TEST(MocksTest, NetConn) {
  StrictMock<core::net::MockConn> m;
  EXPECT_CALL(m, Read(_)).WillOnce(Invoke([](std::span<std::byte> b) {
    b[0] = std::byte{'x'};
    return core::io::IOResult{1, {}};
  }));
  EXPECT_CALL(m, Write(::testing::SizeIs(3))).WillOnce(Return(core::io::IOResult{3, {}}));
  EXPECT_CALL(m, Close()).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, LocalAddr()).WillOnce(Return(core::net::Addr("tcp", "127.0.0.1:1")));
  EXPECT_CALL(m, RemoteAddr()).WillOnce(Return(core::net::Addr("tcp", "127.0.0.1:2")));
  EXPECT_CALL(m, SetDeadline(core::Time{})).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, SetReadDeadline(_)).WillOnce(Return(core::net::ErrClosed));
  EXPECT_CALL(m, SetWriteDeadline(_)).WillOnce(Return(core::Error{}));
  core::net::Conn& i = m;
  std::byte buf[4] = {};
  const auto r = i.Read(buf);
  EXPECT_EQ(r.n, 1U);
  EXPECT_EQ(buf[0], std::byte{'x'});
  EXPECT_EQ(i.Write(core::AsBytes("abc")).n, 3U);
  EXPECT_FALSE(i.Close());
  EXPECT_EQ(i.LocalAddr().String(), "127.0.0.1:1");
  EXPECT_EQ(i.RemoteAddr().String(), "127.0.0.1:2");
  EXPECT_FALSE(i.SetDeadline(core::Time{}));
  EXPECT_TRUE(i.SetReadDeadline(core::Now()));
  EXPECT_FALSE(i.SetWriteDeadline(core::Now()));
}

TEST(MocksTest, NetListener) {
  StrictMock<core::net::MockListener> m;
  EXPECT_CALL(m, Accept()).WillOnce(Return(ByMove(SomeConn())));
  EXPECT_CALL(m, Close()).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Addr()).WillOnce(Return(core::net::Addr("pipe", "pipe")));
  core::net::Listener& i = m;
  EXPECT_TRUE(i.Accept().has_value());
  EXPECT_FALSE(i.Close());
  EXPECT_EQ(i.Addr(), core::net::Addr("pipe", "pipe"));
}

TEST(MocksTest, Observers) {
  StrictMock<core::observer::MockEvent> e;
  EXPECT_CALL(e, Type()).WillOnce(Return(core::observer::EventStats));
  const core::observer::Event& ei = e;
  EXPECT_EQ(ei.Type(), core::observer::EventStats);

  StrictMock<core::observer::MockObserver> o;
  const std::vector<core::observer::EventPtr> events{std::make_shared<core::observer::MockEvent>()};
  EXPECT_CALL(o, Observe(_, ::testing::SizeIs(1), _)).WillOnce(Return(core::context::Canceled));
  core::observer::Observer& oi = o;
  EXPECT_TRUE(core::errors::Is(oi.Observe(kCtx, events), core::context::Canceled));

  StrictMock<core::observer::stats::MockStats> s;
  EXPECT_CALL(s, Add(core::observer::stats::KindTotalConns, 1));
  EXPECT_CALL(s, Get(core::observer::stats::KindTotalConns)).WillOnce(Return(1U));
  EXPECT_CALL(s, IsUpdated()).WillOnce(Return(true));
  EXPECT_CALL(s, Reset());
  core::observer::stats::Stats& si = s;
  si.Add(core::observer::stats::KindTotalConns, 1);
  EXPECT_EQ(si.Get(core::observer::stats::KindTotalConns), 1U);
  EXPECT_TRUE(si.IsUpdated());
  si.Reset();
}

TEST(MocksTest, Recorder) {
  StrictMock<core::recorder::MockRecorder> m;
  EXPECT_CALL(m, Record(_, ::testing::SizeIs(5), _)).WillOnce(Return(core::Error{}));
  core::recorder::Recorder& i = m;
  EXPECT_FALSE(i.Record(kCtx, core::AsBytes("hello")));
}

TEST(MocksTest, Regexp) {
  StrictMock<core::regexp::MockRegexp> m;
  EXPECT_CALL(m, String()).WillOnce(Return("^a+$"));
  EXPECT_CALL(m, MatchString("aaa")).WillOnce(Return(true));
  EXPECT_CALL(m, ReplaceAllString("aaa", "b")).WillOnce(Return("b"));
  const core::regexp::Regexp& i = m;
  EXPECT_EQ(i.String(), "^a+$");
  EXPECT_TRUE(i.MatchString("aaa"));
  EXPECT_EQ(i.ReplaceAllString("aaa", "b"), "b");
}

TEST(MocksTest, Registry) {
  StrictMock<core::registry::MockRegistry<std::shared_ptr<core::service::Service>>> m;
  auto svc = std::make_shared<core::service::MockService>();
  EXPECT_CALL(m, Register("svc", Eq(svc))).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Unregister("old"));
  EXPECT_CALL(m, IsRegistered("svc")).WillOnce(Return(true));
  EXPECT_CALL(m, Get("svc")).WillOnce(Return(svc));
  EXPECT_CALL(m, GetAll())
      .WillOnce(Return(std::map<std::string, std::shared_ptr<core::service::Service>>{{"svc", svc}}));
  core::registry::Registry<std::shared_ptr<core::service::Service>>& i = m;
  EXPECT_FALSE(i.Register("svc", svc));
  i.Unregister("old");
  EXPECT_TRUE(i.IsRegistered("svc"));
  EXPECT_EQ(i.Get("svc"), svc);
  EXPECT_EQ(i.GetAll().size(), 1U);
}

TEST(MocksTest, Resolver) {
  StrictMock<core::resolver::MockResolver> m;
  EXPECT_CALL(m, Resolve(_, "ip", "example.com", _))
      .WillOnce(
          Return(core::Result<std::vector<core::net::IP>>(std::vector<core::net::IP>{core::net::IP::V4(1, 1, 1, 1)})));
  core::resolver::Resolver& i = m;
  auto r = i.Resolve(kCtx, "ip", "example.com");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->size(), 1U);
}

TEST(MocksTest, Rewriter) {
  StrictMock<core::rewriter::MockRewriter> m;
  EXPECT_CALL(m, Rewrite(_, _, _)).WillOnce(Return(core::Result<core::Bytes>(core::Bytes(std::string_view("new")))));
  core::rewriter::Rewriter& i = m;
  auto r = i.Rewrite(kCtx, core::AsBytes("old"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->str(), "new");
}

TEST(MocksTest, RoutingTableRouter) {
  StrictMock<core::router::MockRouter> m;
  auto route = std::make_shared<core::router::Route>();
  route->Gateway = "10.0.0.1";
  EXPECT_CALL(m, GetRoute(_, "10.1.2.3", _)).WillOnce(Return(route));
  core::router::Router& i = m;
  EXPECT_EQ(i.GetRoute(kCtx, "10.1.2.3", core::router::IDOption("main")), route);
}

TEST(MocksTest, Matcher) {
  StrictMock<core::routing::MockMatcher> m;
  EXPECT_CALL(m, Match(::testing::Field(&core::routing::Request::Host, "example.com"))).WillOnce(Return(true));
  const core::routing::Matcher& i = m;
  core::routing::Request req;
  req.Host = "example.com";
  EXPECT_TRUE(i.Match(req));
}

TEST(MocksTest, ServiceDiscovery) {
  StrictMock<core::sd::MockSD> m;
  auto svc = std::make_shared<core::sd::Service>(core::sd::Service{"id1", "web", "n1", "tcp", "1.2.3.4:80"});
  EXPECT_CALL(m, Register(_, svc, _)).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Deregister(_, svc)).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Renew(_, svc)).WillOnce(Return(core::Error{}));
  EXPECT_CALL(m, Get(_, "web"))
      .WillOnce(Return(core::Result<std::vector<std::shared_ptr<core::sd::Service>>>(
          std::vector<std::shared_ptr<core::sd::Service>>{svc})));
  core::sd::SD& i = m;
  EXPECT_FALSE(i.Register(kCtx, svc));
  EXPECT_FALSE(i.Deregister(kCtx, svc));
  EXPECT_FALSE(i.Renew(kCtx, svc));
  EXPECT_EQ(i.Get(kCtx, "web")->size(), 1U);
}

TEST(MocksTest, SelectorTemplates) {
  StrictMock<core::selector::MockSelector<int>> s;
  EXPECT_CALL(s, Select(_, ::testing::ElementsAre(1, 2, 3))).WillOnce(Return(2));
  core::selector::Selector<int>& si = s;
  EXPECT_EQ(si.Select(kCtx, {1, 2, 3}), 2);

  StrictMock<core::selector::MockStrategy<int>> st;
  EXPECT_CALL(st, Apply(_, ::testing::IsEmpty())).WillOnce(Return(0));
  core::selector::Strategy<int>& sti = st;
  EXPECT_EQ(sti.Apply(kCtx, {}), 0);

  StrictMock<core::selector::MockFilter<int>> f;
  EXPECT_CALL(f, FilterItems(_, ::testing::SizeIs(2))).WillOnce(Return(std::vector<int>{7}));
  core::selector::Filter<int>& fi = f;
  EXPECT_EQ(fi.FilterItems(kCtx, {7, 8}), std::vector<int>{7});
}

TEST(MocksTest, MarkerAndMarkable) {
  StrictMock<core::selector::MockMarker> m;
  EXPECT_CALL(m, Time()).WillOnce(Return(core::Time{} + std::chrono::seconds(5)));
  EXPECT_CALL(m, Count()).WillOnce(Return(2));
  EXPECT_CALL(m, Mark());
  EXPECT_CALL(m, Reset());
  core::selector::Marker& i = m;
  EXPECT_EQ(i.Time(), core::Time{} + std::chrono::seconds(5));
  EXPECT_EQ(i.Count(), 2);
  i.Mark();
  i.Reset();

  StrictMock<core::selector::MockMarkable> mk;
  auto marker = core::selector::NewFailMarker();
  EXPECT_CALL(mk, Marker()).WillOnce(Return(marker));
  const core::selector::Markable& mki = mk;
  EXPECT_EQ(mki.Marker(), marker);
}

TEST(MocksTest, Service) {
  StrictMock<core::service::MockService> m;
  EXPECT_CALL(m, Serve()).WillOnce(Return(core::listener::ErrClosed));
  EXPECT_CALL(m, Addr()).WillOnce(Return(core::net::Addr("tcp", ":1080")));
  EXPECT_CALL(m, Close()).WillOnce(Return(core::Error{}));
  core::service::Service& i = m;
  EXPECT_TRUE(core::errors::Is(i.Serve(), core::listener::ErrClosed));
  EXPECT_EQ(i.Addr().String(), ":1080");
  EXPECT_FALSE(i.Close());
}

// What the header promises about unconfigured calls to move-only results.
TEST(MocksTest, UnconfiguredMoveOnlyResultHoldsNull) {
  ::testing::NiceMock<core::dialer::MockDialer> m;
  core::dialer::Dialer& i = m;
  auto r = i.Dial(kCtx, "x:1");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, nullptr);
}

// A mock whose expectation is not met must fail the test: checked with a
// nested GoogleTest assertion so the outer test can observe it.
void LeaveAnExpectationUnmet() {
  core::net::MockConn m;
  EXPECT_CALL(m, Close()).WillOnce(Return(core::Error{}));
}

TEST(MocksTest, UnmetExpectationIsReported) {
  EXPECT_NONFATAL_FAILURE(LeaveAnExpectationUnmet(), "Actual: never called");
}

}  // namespace
