// Pins the functional options of the chain, connector, dialer, handler, hop
// and listener packages.
//
// For every option function: which field it sets, that it sets nothing else
// (every field of the struct is compared, on a default-built struct and on
// one where every field already holds something), and that applying it twice
// gives the same result. For every option type: later options win, empty
// options (`X{}` or nullptr) are skipped, and an option keeps copies of what
// it was built from, so changing or destroying the argument afterwards does
// not change what it sets.
//
// The field tables below list each struct's members through a structured
// binding, so adding a member to a struct without adding it here fails to
// compile instead of silently escaping the "touches nothing else" check.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "gost/core/chain/chain.hpp"
#include "gost/core/chain/node.hpp"
#include "gost/core/chain/route.hpp"
#include "gost/core/chain/router.hpp"
#include "gost/core/chain/transport.hpp"
#include "gost/core/connector/binder.hpp"
#include "gost/core/connector/option.hpp"
#include "gost/core/dialer/option.hpp"
#include "gost/core/handler/option.hpp"
#include "gost/core/hop/hop.hpp"
#include "gost/core/listener/option.hpp"

namespace gost::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using namespace std::chrono_literals;

// ---------------------------------------------------------------------------
// Do-nothing implementations: the options only store pointers, so all a test
// needs is distinct objects to compare by identity.

struct StubLogger final : logger::Logger {
  logger::LoggerPtr WithFields(const logger::Fields& /*fields*/) override { return nullptr; }
  void Trace(const fmt::Args& /*a*/) override {}
  void Tracef(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Debug(const fmt::Args& /*a*/) override {}
  void Debugf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Info(const fmt::Args& /*a*/) override {}
  void Infof(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Warn(const fmt::Args& /*a*/) override {}
  void Warnf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Error(const fmt::Args& /*a*/) override {}
  void Errorf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Fatal(const fmt::Args& /*a*/) override {}
  void Fatalf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  [[nodiscard]] logger::LogLevel GetLevel() const override { return logger::InfoLevel; }
  [[nodiscard]] bool IsLevelEnabled(const logger::LogLevel& /*l*/) const override { return false; }
};

struct StubTransporter final : chain::Transporter {
  Result<net::ConnUniquePtr> Dial(const context::Context& /*ctx*/, std::string_view /*addr*/) override {
    return net::ErrClosed;
  }
  Result<net::ConnUniquePtr> Handshake(const context::Context& /*ctx*/, net::ConnUniquePtr /*conn*/) override {
    return net::ErrClosed;
  }
  Result<net::ConnUniquePtr> Connect(const context::Context& /*ctx*/, net::ConnUniquePtr /*conn*/, std::string_view /*n*/,
                               std::string_view /*a*/) override {
    return net::ErrClosed;
  }
  Result<net::ListenerUniquePtr> Bind(const context::Context& /*ctx*/, net::ConnUniquePtr /*conn*/, std::string_view /*n*/,
                                std::string_view /*a*/, Variadic<connector::BindOption> /*opts*/) override {
    return connector::ErrBindUnsupported;
  }
  [[nodiscard]] bool Multiplex() const override { return false; }
  chain::TransportOptions* Options() override { return nullptr; }
  [[nodiscard]] chain::TransporterPtr Copy() const override { return std::make_shared<StubTransporter>(); }
};

struct StubRoute final : chain::Route {
  Result<net::ConnUniquePtr> Dial(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                            Variadic<chain::DialOption> /*opts*/) override {
    return net::ErrClosed;
  }
  Result<net::ListenerUniquePtr> Bind(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                                Variadic<chain::BindOption> /*opts*/) override {
    return connector::ErrBindUnsupported;
  }
  [[nodiscard]] std::vector<chain::NodePtr> Nodes() const override { return {}; }
};

struct StubChainer final : chain::Chainer {
  std::shared_ptr<chain::Route> Route(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                                      Variadic<chain::RouteOption> /*opts*/) override {
    return nullptr;
  }
};

struct StubRouter final : chain::Router {
  chain::RouterOptions* Options() override { return nullptr; }
  Result<net::ConnUniquePtr> Dial(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                            Variadic<chain::DialOption> /*opts*/) override {
    return net::ErrClosed;
  }
  Result<net::ListenerUniquePtr> Bind(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                                Variadic<chain::BindOption> /*opts*/) override {
    return connector::ErrBindUnsupported;
  }
};

struct StubBypass final : bypass::Bypass {
  [[nodiscard]] bool IsWhitelist() const override { return false; }
  [[nodiscard]] bool Contains(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                              Variadic<bypass::Option> /*opts*/) override {
    return false;
  }
};

struct StubResolver final : resolver::Resolver {
  Result<std::vector<net::IP>> Resolve(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*h*/,
                                       Variadic<resolver::Option> /*opts*/) override {
    return std::vector<net::IP>{};
  }
};

struct StubHostMapper final : hosts::HostMapper {
  [[nodiscard]] hosts::LookupResult Lookup(const context::Context& /*ctx*/, std::string_view /*n*/,
                                           std::string_view /*h*/, Variadic<hosts::Option> /*opts*/) override {
    return {};
  }
};

struct StubMetadata final : metadata::Metadata {
  [[nodiscard]] bool IsExists(std::string_view /*key*/) const override { return false; }
  void Set(std::string_view /*key*/, std::any /*value*/) override {}
  [[nodiscard]] std::any Get(std::string_view /*key*/) const override { return {}; }
};

struct StubMatcher final : routing::Matcher {
  [[nodiscard]] bool Match(const routing::Request& /*req*/) const override { return false; }
};

struct StubNetDialer final : common::net::Dialer {
  Result<net::ConnUniquePtr> Dial(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/) override {
    return net::ErrClosed;
  }
};

struct StubAuther final : auth::Authenticator {
  [[nodiscard]] auth::AuthenticateResult Authenticate(const context::Context& /*ctx*/, std::string_view /*u*/,
                                                      std::string_view /*p*/, Variadic<auth::Option> /*o*/) override {
    return {};
  }
};

struct StubRateLimiter final : limiter::rate::RateLimiter {
  std::shared_ptr<limiter::rate::Limiter> Limiter(std::string_view /*key*/) override { return nullptr; }
};

struct StubTrafficLimiter final : limiter::traffic::TrafficLimiter {
  std::shared_ptr<limiter::traffic::Limiter> In(const context::Context& /*ctx*/, std::string_view /*key*/,
                                                Variadic<limiter::Option> /*opts*/) override {
    return nullptr;
  }
  std::shared_ptr<limiter::traffic::Limiter> Out(const context::Context& /*ctx*/, std::string_view /*key*/,
                                                 Variadic<limiter::Option> /*opts*/) override {
    return nullptr;
  }
};

struct StubConnLimiter final : limiter::conn::ConnLimiter {
  std::shared_ptr<limiter::conn::Limiter> Limiter(std::string_view /*key*/) override { return nullptr; }
};

struct StubObserver final : observer::Observer {
  Error Observe(const context::Context& /*ctx*/, const std::vector<observer::EventPtr>& /*events*/,
                Variadic<observer::Option> /*opts*/) override {
    return {};
  }
};

struct StubStats final : observer::stats::Stats {
  void Add(observer::stats::Kind /*kind*/, std::int64_t /*n*/) override {}
  [[nodiscard]] std::uint64_t Get(observer::stats::Kind /*kind*/) const override { return 0; }
  [[nodiscard]] bool IsUpdated() const override { return false; }
  void Reset() override {}
};

struct StubAdmission final : admission::Admission {
  [[nodiscard]] bool Admit(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                           Variadic<admission::Option> /*opts*/) override {
    return false;
  }
};

struct StubRewriter final : rewriter::Rewriter {
  Result<Bytes> Rewrite(const context::Context& /*ctx*/, ByteView b, Variadic<rewriter::RewriteOption> /*o*/) override {
    return Bytes(b);
  }
};

struct StubRecorder final : recorder::Recorder {
  Error Record(const context::Context& /*ctx*/, ByteView /*b*/, Variadic<recorder::RecordOption> /*o*/) override {
    return {};
  }
};

// A fresh, distinct object for a pointer field: New<Iface, Impl>() for an
// interface, New<T>() for a settings struct.
template <class I, class Impl = I>
std::shared_ptr<I> New() {
  return std::make_shared<Impl>();
}

recorder::RecorderObject Rec(std::string name) {
  recorder::RecorderObject r;
  r.Recorder = New<recorder::Recorder, StubRecorder>();
  r.Record = std::move(name);
  r.Options = std::make_shared<recorder::Options>();
  r.Metadata["k"] = std::string("v");
  return r;
}

// ---------------------------------------------------------------------------
// Field tables.

// Pointers compare by identity, values by ==.
template <class T>
bool Same(const T& a, const T& b) {
  return a == b;
}
bool Same(const std::vector<recorder::RecorderObject>& a, const std::vector<recorder::RecorderObject>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].Recorder != b[i].Recorder || a[i].Record != b[i].Record || a[i].Options != b[i].Options ||
        a[i].Metadata.size() != b[i].Metadata.size()) {
      return false;
    }
  }
  return true;
}

template <class O>
struct Fields;

#define PORT_FIELDS(Type, Binding, ...)                                      \
  template <>                                                                \
  struct Fields<Type> {                                                      \
    static auto Tie(const Type& o) {                                         \
      const auto& [__VA_ARGS__] = o;                                         \
      return std::tie(__VA_ARGS__);                                          \
    }                                                                        \
    static constexpr auto kNames = std::to_array<std::string_view>(Binding); \
  }

// The names must follow the declaration order of the struct.
#define NAMES(...) \
  { __VA_ARGS__ }
PORT_FIELDS(chain::RouteOptions, NAMES("Host"), a);
PORT_FIELDS(chain::DialOptions, NAMES("Interface", "Netns", "SockOpts", "Logger"), a, b, c, d);
PORT_FIELDS(chain::BindOptions,
            NAMES("Mux", "Backlog", "UDPDataQueueSize", "UDPDataBufferSize", "UDPConnTTL", "Logger"), a, b, c, d, e, f);
PORT_FIELDS(chain::RouterOptions,
            NAMES("Retries", "Timeout", "IfceName", "Netns", "SockOpts", "Chain", "Resolver", "HostMapper", "Recorders",
                  "Logger"),
            a, b, c, d, e, f, g, h, i, j);
PORT_FIELDS(chain::TransportOptions, NAMES("Addr", "IfceName", "Netns", "SockOpts", "Route"), a, b, c, d, e);
PORT_FIELDS(chain::NodeOptions,
            NAMES("Network", "Transport", "Bypass", "Resolver", "HostMapper", "Filter", "HTTP", "TLS", "Metadata",
                  "Matcher", "MatcherBodySize", "Priority"),
            a, b, c, d, e, f, g, h, i, j, k, l);
PORT_FIELDS(connector::Options, NAMES("Auth", "TLSConfig", "Logger"), a, b, c);
PORT_FIELDS(connector::ConnectOptions, NAMES("Dialer"), a);
PORT_FIELDS(connector::BindOptions, NAMES("Mux", "Backlog", "UDPDataQueueSize", "UDPDataBufferSize", "UDPConnTTL"), a,
            b, c, d, e);
PORT_FIELDS(dialer::Options, NAMES("Auth", "TLSConfig", "Logger", "ProxyProtocol"), a, b, c, d);
PORT_FIELDS(dialer::DialOptions, NAMES("Host", "Dialer"), a, b);
PORT_FIELDS(dialer::HandshakeOptions, NAMES("Addr"), a);
PORT_FIELDS(handler::Options,
            NAMES("Bypass", "Router", "Auth", "Auther", "RateLimiter", "Limiter", "TLSConfig", "Logger", "Observer",
                  "Recorders", "Rewriter", "Service", "Netns"),
            a, b, c, d, e, f, g, h, i, j, k, l, m);
PORT_FIELDS(handler::HandleOptions, NAMES("Metadata"), a);
PORT_FIELDS(hop::SelectOptions,
            NAMES("ClientIP", "Network", "Addr", "Protocol", "Host", "Method", "Path", "Query", "Header", "Body"), a, b,
            c, d, e, f, g, h, i, j);
PORT_FIELDS(listener::Options,
            NAMES("Addr", "Auther", "Auth", "TLSConfig", "Admission", "TrafficLimiter", "ConnLimiter", "Chain", "Stats",
                  "Logger", "Service", "ProxyProtocol", "Netns", "Router"),
            a, b, c, d, e, f, g, h, i, j, k, l, m, n);
#undef NAMES
#undef PORT_FIELDS

// The names of the fields in which a and b differ.
template <class O>
std::vector<std::string> Diff(const O& a, const O& b) {
  const auto ta = Fields<O>::Tie(a);
  const auto tb = Fields<O>::Tie(b);
  constexpr std::size_t n = std::tuple_size_v<std::remove_const_t<decltype(ta)>>;
  static_assert(n == Fields<O>::kNames.size(), "one name per field");
  std::vector<std::string> out;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((Same(std::get<I>(ta), std::get<I>(tb)) ? void() : void(out.emplace_back(Fields<O>::kNames[I]))), ...);
  }
  (std::make_index_sequence<n>{});
  return out;
}

// A struct in which every field holds a value different from its default
// (and from every value the option cases below set).
template <class O>
O Filled();

template <>
chain::RouteOptions Filled() {
  return {"base.example"};
}
template <>
chain::DialOptions Filled() {
  return {"base-if", "base-ns", std::make_shared<chain::SockOpts>(), New<logger::Logger, StubLogger>()};
}
template <>
chain::BindOptions Filled() {
  return {true, 11, 12, 13, 14s, New<logger::Logger, StubLogger>()};
}
template <>
chain::RouterOptions Filled() {
  chain::RouterOptions o;
  o.Retries = 21;
  o.Timeout = 22s;
  o.IfceName = "base-if";
  o.Netns = "base-ns";
  o.SockOpts = std::make_shared<chain::SockOpts>();
  o.Chain = New<chain::Chainer, StubChainer>();
  o.Resolver = New<resolver::Resolver, StubResolver>();
  o.HostMapper = New<hosts::HostMapper, StubHostMapper>();
  o.Recorders = {Rec("base")};
  o.Logger = New<logger::Logger, StubLogger>();
  return o;
}
template <>
chain::TransportOptions Filled() {
  return {"base:1", "base-if", "base-ns", std::make_shared<chain::SockOpts>(), New<chain::Route, StubRoute>()};
}
template <>
chain::NodeOptions Filled() {
  chain::NodeOptions o;
  o.Network = "base-net";
  o.Transport = New<chain::Transporter, StubTransporter>();
  o.Bypass = New<bypass::Bypass, StubBypass>();
  o.Resolver = New<resolver::Resolver, StubResolver>();
  o.HostMapper = New<hosts::HostMapper, StubHostMapper>();
  o.Filter = std::make_shared<chain::NodeFilterSettings>();
  o.HTTP = std::make_shared<chain::HTTPNodeSettings>();
  o.TLS = std::make_shared<chain::TLSNodeSettings>();
  o.Metadata = New<metadata::Metadata, StubMetadata>();
  o.Matcher = New<routing::Matcher, StubMatcher>();
  o.MatcherBodySize = 31;
  o.Priority = 32;
  return o;
}
template <>
connector::Options Filled() {
  return {url::User("base"), std::make_shared<tls::Config>(), New<logger::Logger, StubLogger>()};
}
template <>
connector::ConnectOptions Filled() {
  return {New<common::net::Dialer, StubNetDialer>()};
}
template <>
connector::BindOptions Filled() {
  return {true, 41, 42, 43, 44s};
}
template <>
dialer::Options Filled() {
  return {url::User("base"), std::make_shared<tls::Config>(), New<logger::Logger, StubLogger>(), 2};
}
template <>
dialer::DialOptions Filled() {
  return {"base.example", New<common::net::Dialer, StubNetDialer>()};
}
template <>
dialer::HandshakeOptions Filled() {
  return {"base:1"};
}
template <>
handler::Options Filled() {
  handler::Options o;
  o.Bypass = New<bypass::Bypass, StubBypass>();
  o.Router = New<chain::Router, StubRouter>();
  o.Auth = url::User("base");
  o.Auther = New<auth::Authenticator, StubAuther>();
  o.RateLimiter = New<limiter::rate::RateLimiter, StubRateLimiter>();
  o.Limiter = New<limiter::traffic::TrafficLimiter, StubTrafficLimiter>();
  o.TLSConfig = std::make_shared<tls::Config>();
  o.Logger = New<logger::Logger, StubLogger>();
  o.Observer = New<observer::Observer, StubObserver>();
  o.Recorders = {Rec("base")};
  o.Rewriter = New<rewriter::Rewriter, StubRewriter>();
  o.Service = "base-svc";
  o.Netns = "base-ns";
  return o;
}
template <>
handler::HandleOptions Filled() {
  return {New<metadata::Metadata, StubMetadata>()};
}
template <>
hop::SelectOptions Filled() {
  hop::SelectOptions o;
  o.ClientIP = net::IP::V4(10, 0, 0, 1);
  o.Network = "base-net";
  o.Addr = "base:1";
  o.Protocol = "base-proto";
  o.Host = "base.example";
  o.Method = "BASE";
  o.Path = "/base";
  o.Query = url::Values{{"base", {"1"}}};
  o.Header = http::Header{{"X-Base", "1"}};
  o.Body = Bytes(std::string_view("base"));
  return o;
}
template <>
listener::Options Filled() {
  listener::Options o;
  o.Addr = "base:1";
  o.Auther = New<auth::Authenticator, StubAuther>();
  o.Auth = url::User("base");
  o.TLSConfig = std::make_shared<tls::Config>();
  o.Admission = New<admission::Admission, StubAdmission>();
  o.TrafficLimiter = New<limiter::traffic::TrafficLimiter, StubTrafficLimiter>();
  o.ConnLimiter = New<limiter::conn::ConnLimiter, StubConnLimiter>();
  o.Chain = New<chain::Chainer, StubChainer>();
  o.Stats = New<observer::stats::Stats, StubStats>();
  o.Logger = New<logger::Logger, StubLogger>();
  o.Service = "base-svc";
  o.ProxyProtocol = 2;
  o.Netns = "base-ns";
  o.Router = New<chain::Router, StubRouter>();
  return o;
}

// ---------------------------------------------------------------------------
// The table-driven check.

template <class O>
struct Case {
  std::string name;   // the option function and its argument
  std::string field;  // the one field it sets
  OptionFunc<O> opt;
  std::function<void(O&)> expect;  // sets `field` to what `opt` must set
};

template <class O>
void CheckCases(const std::vector<Case<O>>& cases, const std::set<std::string>& without_option = {}) {
  // The filled base really is non-default in every field.
  EXPECT_EQ(Diff(O{}, Filled<O>()).size(), Fields<O>::kNames.size());

  std::set<std::string> covered;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_TRUE(c.opt) << "option function returned an empty option";
    covered.insert(c.field);
    bool changes_something = false;
    for (const O& base : {O{}, Filled<O>()}) {
      O want = base;
      c.expect(want);
      const auto expected_diff = Diff(base, want);
      ASSERT_TRUE(expected_diff.empty() || expected_diff == std::vector<std::string>{c.field})
          << "bad test case: expect() must set only " << c.field;
      changes_something = changes_something || !expected_diff.empty();

      O got = base;
      ApplyOptions<O>(got, c.opt);
      EXPECT_THAT(Diff(got, want), IsEmpty()) << "fields that differ from the expectation";
      // An option can be applied again (and to other structs) with the same effect.
      ApplyOptions<O>(got, c.opt);
      EXPECT_THAT(Diff(got, want), IsEmpty()) << "after applying the option a second time";
      EXPECT_THAT(Diff(MakeOptions<O>(c.opt),
                       [&] {
                         O w{};
                         c.expect(w);
                         return w;
                       }()),
                  IsEmpty())
          << "through MakeOptions";
    }
    EXPECT_TRUE(changes_something) << "bad test case: " << c.field << " never changes";
  }
  // Every field that has an option function is covered by some case.
  std::set<std::string> all(Fields<O>::kNames.begin(), Fields<O>::kNames.end());
  for (const auto& f : without_option) all.erase(f);
  EXPECT_EQ(covered, all);
}

// Later options win; empty options are skipped wherever they appear;
// a list of only empty options changes nothing; a run-time vector works too.
template <class O>
void CheckOrderAndEmpty(const OptionFunc<O>& first, const OptionFunc<O>& second,
                        const std::function<void(O&)>& expect_first, const std::function<void(O&)>& expect_second) {
  O want_first{};
  expect_first(want_first);
  O want_second{};
  expect_second(want_second);
  ASSERT_FALSE(Diff(want_first, want_second).empty()) << "bad test: the two options must disagree";

  EXPECT_THAT(Diff(MakeOptions<O>({first, second}), want_second), IsEmpty());
  EXPECT_THAT(Diff(MakeOptions<O>({second, first}), want_first), IsEmpty());
  EXPECT_THAT(Diff(MakeOptions<O>({OptionFunc<O>{}, first, nullptr, second, OptionFunc<O>{}}), want_second), IsEmpty());

  const std::vector<OptionFunc<O>> runtime{nullptr, second, OptionFunc<O>{}, first, nullptr};
  EXPECT_THAT(Diff(MakeOptions<O>(runtime), want_first), IsEmpty());

  for (const O& base : {O{}, Filled<O>()}) {
    O got = base;
    ApplyOptions<O>(got, {OptionFunc<O>{}, nullptr});
    EXPECT_THAT(Diff(got, base), IsEmpty());
    ApplyOptions<O>(got, {});
    EXPECT_THAT(Diff(got, base), IsEmpty());
    ApplyOptions<O>(got, OptionFunc<O>{});
    EXPECT_THAT(Diff(got, base), IsEmpty());
  }
}

// ---------------------------------------------------------------------------
// chain

TEST(ChainOptions, RouteOption) {
  CheckCases<chain::RouteOptions>({
      {"WithHostRouteOption(example.com)", "Host", chain::WithHostRouteOption("example.com"),
       [](auto& o) { o.Host = "example.com"; }},
      {"WithHostRouteOption(\"\")", "Host", chain::WithHostRouteOption(""), [](auto& o) { o.Host.clear(); }},
  });
  CheckOrderAndEmpty<chain::RouteOptions>(
      chain::WithHostRouteOption("a"), chain::WithHostRouteOption("b"), [](auto& o) { o.Host = "a"; },
      [](auto& o) { o.Host = "b"; });
}

TEST(ChainOptions, DialOption) {
  auto so = std::make_shared<chain::SockOpts>();
  auto log = New<logger::Logger, StubLogger>();
  CheckCases<chain::DialOptions>({
      {"InterfaceDialOption", "Interface", chain::InterfaceDialOption("eth0"), [](auto& o) { o.Interface = "eth0"; }},
      {"InterfaceDialOption(\"\")", "Interface", chain::InterfaceDialOption(""), [](auto& o) { o.Interface = ""; }},
      {"NetnsDialOption", "Netns", chain::NetnsDialOption("ns1"), [](auto& o) { o.Netns = "ns1"; }},
      {"SockOptsDialOption", "SockOpts", chain::SockOptsDialOption(so), [&](auto& o) { o.SockOpts = so; }},
      {"SockOptsDialOption(null)", "SockOpts", chain::SockOptsDialOption(nullptr),
       [](auto& o) { o.SockOpts = nullptr; }},
      {"LoggerDialOption", "Logger", chain::LoggerDialOption(log), [&](auto& o) { o.Logger = log; }},
      {"LoggerDialOption(null)", "Logger", chain::LoggerDialOption(nullptr), [](auto& o) { o.Logger = nullptr; }},
  });
  CheckOrderAndEmpty<chain::DialOptions>(
      chain::NetnsDialOption("a"), chain::NetnsDialOption("b"), [](auto& o) { o.Netns = "a"; },
      [](auto& o) { o.Netns = "b"; });
}

TEST(ChainOptions, BindOption) {
  auto log = New<logger::Logger, StubLogger>();
  CheckCases<chain::BindOptions>({
      {"MuxBindOption(true)", "Mux", chain::MuxBindOption(true), [](auto& o) { o.Mux = true; }},
      {"MuxBindOption(false)", "Mux", chain::MuxBindOption(false), [](auto& o) { o.Mux = false; }},
      {"BacklogBindOption", "Backlog", chain::BacklogBindOption(128), [](auto& o) { o.Backlog = 128; }},
      {"BacklogBindOption(-1)", "Backlog", chain::BacklogBindOption(-1), [](auto& o) { o.Backlog = -1; }},
      {"UDPDataQueueSizeBindOption", "UDPDataQueueSize", chain::UDPDataQueueSizeBindOption(64),
       [](auto& o) { o.UDPDataQueueSize = 64; }},
      {"UDPDataBufferSizeBindOption", "UDPDataBufferSize", chain::UDPDataBufferSizeBindOption(4096),
       [](auto& o) { o.UDPDataBufferSize = 4096; }},
      {"UDPConnTTLBindOption", "UDPConnTTL", chain::UDPConnTTLBindOption(5s), [](auto& o) { o.UDPConnTTL = 5s; }},
      {"UDPConnTTLBindOption(0)", "UDPConnTTL", chain::UDPConnTTLBindOption(Duration{}),
       [](auto& o) { o.UDPConnTTL = Duration{}; }},
      {"LoggerBindOption", "Logger", chain::LoggerBindOption(log), [&](auto& o) { o.Logger = log; }},
  });
  CheckOrderAndEmpty<chain::BindOptions>(
      chain::BacklogBindOption(1), chain::BacklogBindOption(2), [](auto& o) { o.Backlog = 1; },
      [](auto& o) { o.Backlog = 2; });
}

TEST(ChainOptions, RouterOption) {
  auto so = std::make_shared<chain::SockOpts>();
  auto ch = New<chain::Chainer, StubChainer>();
  auto res = New<resolver::Resolver, StubResolver>();
  auto hm = New<hosts::HostMapper, StubHostMapper>();
  auto log = New<logger::Logger, StubLogger>();
  const auto r1 = Rec("r1");
  const auto r2 = Rec("r2");
  CheckCases<chain::RouterOptions>({
      {"InterfaceRouterOption", "IfceName", chain::InterfaceRouterOption("eth1"), [](auto& o) { o.IfceName = "eth1"; }},
      {"NetnsRouterOption", "Netns", chain::NetnsRouterOption("ns2"), [](auto& o) { o.Netns = "ns2"; }},
      {"SockOptsRouterOption", "SockOpts", chain::SockOptsRouterOption(so), [&](auto& o) { o.SockOpts = so; }},
      {"TimeoutRouterOption", "Timeout", chain::TimeoutRouterOption(15s), [](auto& o) { o.Timeout = 15s; }},
      {"RetriesRouterOption", "Retries", chain::RetriesRouterOption(3), [](auto& o) { o.Retries = 3; }},
      {"RetriesRouterOption(0)", "Retries", chain::RetriesRouterOption(0), [](auto& o) { o.Retries = 0; }},
      {"ChainRouterOption", "Chain", chain::ChainRouterOption(ch), [&](auto& o) { o.Chain = ch; }},
      {"ResolverRouterOption", "Resolver", chain::ResolverRouterOption(res), [&](auto& o) { o.Resolver = res; }},
      {"HostMapperRouterOption", "HostMapper", chain::HostMapperRouterOption(hm), [&](auto& o) { o.HostMapper = hm; }},
      {"RecordersRouterOption(r1, r2)", "Recorders", chain::RecordersRouterOption({r1, r2}),
       [&](auto& o) {
         o.Recorders = {r1, r2};
       }},
      {"RecordersRouterOption()", "Recorders", chain::RecordersRouterOption({}), [](auto& o) { o.Recorders.clear(); }},
      {"LoggerRouterOption", "Logger", chain::LoggerRouterOption(log), [&](auto& o) { o.Logger = log; }},
  });
  CheckOrderAndEmpty<chain::RouterOptions>(
      chain::RetriesRouterOption(1), chain::RetriesRouterOption(2), [](auto& o) { o.Retries = 1; },
      [](auto& o) { o.Retries = 2; });
}

TEST(ChainOptions, TransportOption) {
  auto so = std::make_shared<chain::SockOpts>();
  auto rt = New<chain::Route, StubRoute>();
  CheckCases<chain::TransportOptions>({
      {"AddrTransportOption", "Addr", chain::AddrTransportOption("node:8080"), [](auto& o) { o.Addr = "node:8080"; }},
      {"InterfaceTransportOption", "IfceName", chain::InterfaceTransportOption("eth2"),
       [](auto& o) { o.IfceName = "eth2"; }},
      {"NetnsTransportOption", "Netns", chain::NetnsTransportOption("ns3"), [](auto& o) { o.Netns = "ns3"; }},
      {"SockOptsTransportOption", "SockOpts", chain::SockOptsTransportOption(so), [&](auto& o) { o.SockOpts = so; }},
      {"RouteTransportOption", "Route", chain::RouteTransportOption(rt), [&](auto& o) { o.Route = rt; }},
      {"RouteTransportOption(null)", "Route", chain::RouteTransportOption(nullptr), [](auto& o) { o.Route = nullptr; }},
  });
  CheckOrderAndEmpty<chain::TransportOptions>(
      chain::AddrTransportOption("a:1"), chain::AddrTransportOption("b:2"), [](auto& o) { o.Addr = "a:1"; },
      [](auto& o) { o.Addr = "b:2"; });
}

TEST(ChainOptions, NodeOption) {
  auto tr = New<chain::Transporter, StubTransporter>();
  auto bp = New<bypass::Bypass, StubBypass>();
  auto res = New<resolver::Resolver, StubResolver>();
  auto hm = New<hosts::HostMapper, StubHostMapper>();
  auto filter = std::make_shared<chain::NodeFilterSettings>(chain::NodeFilterSettings{"http", "h", "/p"});
  auto http_settings = std::make_shared<chain::HTTPNodeSettings>();
  auto tls_settings = std::make_shared<chain::TLSNodeSettings>();
  auto md = New<metadata::Metadata, StubMetadata>();
  auto matcher = New<routing::Matcher, StubMatcher>();
  CheckCases<chain::NodeOptions>({
      {"TransportNodeOption", "Transport", chain::TransportNodeOption(tr), [&](auto& o) { o.Transport = tr; }},
      {"BypassNodeOption", "Bypass", chain::BypassNodeOption(bp), [&](auto& o) { o.Bypass = bp; }},
      {"ResolverNodeOption", "Resolver", chain::ResolverNodeOption(res), [&](auto& o) { o.Resolver = res; }},
      {"HostMapperNodeOption", "HostMapper", chain::HostMapperNodeOption(hm), [&](auto& o) { o.HostMapper = hm; }},
      {"NetworkNodeOption", "Network", chain::NetworkNodeOption("udp"), [](auto& o) { o.Network = "udp"; }},
      {"NodeFilterOption", "Filter", chain::NodeFilterOption(filter), [&](auto& o) { o.Filter = filter; }},
      {"HTTPNodeOption", "HTTP", chain::HTTPNodeOption(http_settings), [&](auto& o) { o.HTTP = http_settings; }},
      {"TLSNodeOption", "TLS", chain::TLSNodeOption(tls_settings), [&](auto& o) { o.TLS = tls_settings; }},
      {"MetadataNodeOption", "Metadata", chain::MetadataNodeOption(md), [&](auto& o) { o.Metadata = md; }},
      {"MatcherNodeOption", "Matcher", chain::MatcherNodeOption(matcher), [&](auto& o) { o.Matcher = matcher; }},
      {"MatcherBodySizeNodeOption", "MatcherBodySize", chain::MatcherBodySizeNodeOption(1024),
       [](auto& o) { o.MatcherBodySize = 1024; }},
      {"MatcherBodySizeNodeOption(0)", "MatcherBodySize", chain::MatcherBodySizeNodeOption(0),
       [](auto& o) { o.MatcherBodySize = 0; }},
      {"PriorityNodeOption", "Priority", chain::PriorityNodeOption(7), [](auto& o) { o.Priority = 7; }},
      {"PriorityNodeOption(-5)", "Priority", chain::PriorityNodeOption(-5), [](auto& o) { o.Priority = -5; }},
  });
  CheckOrderAndEmpty<chain::NodeOptions>(
      chain::PriorityNodeOption(1), chain::PriorityNodeOption(2), [](auto& o) { o.Priority = 1; },
      [](auto& o) { o.Priority = 2; });
}

// ---------------------------------------------------------------------------
// connector

TEST(ConnectorOptions, Option) {
  auto user = url::UserPassword("u", "p");
  auto tls_config = std::make_shared<const tls::Config>();
  auto log = New<logger::Logger, StubLogger>();
  CheckCases<connector::Options>({
      {"AuthOption", "Auth", connector::AuthOption(user), [&](auto& o) { o.Auth = user; }},
      {"AuthOption(null)", "Auth", connector::AuthOption(nullptr), [](auto& o) { o.Auth = nullptr; }},
      {"TLSConfigOption", "TLSConfig", connector::TLSConfigOption(tls_config),
       [&](auto& o) { o.TLSConfig = tls_config; }},
      {"LoggerOption", "Logger", connector::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
  });
  CheckOrderAndEmpty<connector::Options>(
      connector::AuthOption(user), connector::AuthOption(nullptr), [&](auto& o) { o.Auth = user; },
      [](auto& o) { o.Auth = nullptr; });
}

TEST(ConnectorOptions, ConnectOption) {
  auto d1 = New<common::net::Dialer, StubNetDialer>();
  auto d2 = New<common::net::Dialer, StubNetDialer>();
  CheckCases<connector::ConnectOptions>({
      {"DialerConnectOption", "Dialer", connector::DialerConnectOption(d1), [&](auto& o) { o.Dialer = d1; }},
      {"DialerConnectOption(null)", "Dialer", connector::DialerConnectOption(nullptr),
       [](auto& o) { o.Dialer = nullptr; }},
  });
  CheckOrderAndEmpty<connector::ConnectOptions>(
      connector::DialerConnectOption(d1), connector::DialerConnectOption(d2), [&](auto& o) { o.Dialer = d1; },
      [&](auto& o) { o.Dialer = d2; });
}

TEST(ConnectorOptions, BindOption) {
  CheckCases<connector::BindOptions>({
      {"MuxBindOption(true)", "Mux", connector::MuxBindOption(true), [](auto& o) { o.Mux = true; }},
      {"MuxBindOption(false)", "Mux", connector::MuxBindOption(false), [](auto& o) { o.Mux = false; }},
      {"BacklogBindOption", "Backlog", connector::BacklogBindOption(256), [](auto& o) { o.Backlog = 256; }},
      {"UDPDataQueueSizeBindOption", "UDPDataQueueSize", connector::UDPDataQueueSizeBindOption(32),
       [](auto& o) { o.UDPDataQueueSize = 32; }},
      {"UDPDataBufferSizeBindOption", "UDPDataBufferSize", connector::UDPDataBufferSizeBindOption(1500),
       [](auto& o) { o.UDPDataBufferSize = 1500; }},
      {"UDPConnTTLBindOption", "UDPConnTTL", connector::UDPConnTTLBindOption(90s), [](auto& o) { o.UDPConnTTL = 90s; }},
  });
  CheckOrderAndEmpty<connector::BindOptions>(
      connector::UDPConnTTLBindOption(1s), connector::UDPConnTTLBindOption(2s), [](auto& o) { o.UDPConnTTL = 1s; },
      [](auto& o) { o.UDPConnTTL = 2s; });
}

// ---------------------------------------------------------------------------
// dialer

TEST(DialerOptions, Option) {
  auto user = url::User("u");
  auto tls_config = std::make_shared<const tls::Config>();
  auto log = New<logger::Logger, StubLogger>();
  CheckCases<dialer::Options>({
      {"AuthOption", "Auth", dialer::AuthOption(user), [&](auto& o) { o.Auth = user; }},
      {"TLSConfigOption", "TLSConfig", dialer::TLSConfigOption(tls_config), [&](auto& o) { o.TLSConfig = tls_config; }},
      {"TLSConfigOption(null)", "TLSConfig", dialer::TLSConfigOption(nullptr), [](auto& o) { o.TLSConfig = nullptr; }},
      {"LoggerOption", "Logger", dialer::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
      {"ProxyProtocolOption(1)", "ProxyProtocol", dialer::ProxyProtocolOption(1), [](auto& o) { o.ProxyProtocol = 1; }},
      {"ProxyProtocolOption(0)", "ProxyProtocol", dialer::ProxyProtocolOption(0), [](auto& o) { o.ProxyProtocol = 0; }},
  });
  CheckOrderAndEmpty<dialer::Options>(
      dialer::ProxyProtocolOption(1), dialer::ProxyProtocolOption(2), [](auto& o) { o.ProxyProtocol = 1; },
      [](auto& o) { o.ProxyProtocol = 2; });
}

TEST(DialerOptions, DialOption) {
  auto d = New<common::net::Dialer, StubNetDialer>();
  CheckCases<dialer::DialOptions>({
      {"HostDialOption", "Host", dialer::HostDialOption("sni.example"), [](auto& o) { o.Host = "sni.example"; }},
      {"NetDialerDialOption", "Dialer", dialer::NetDialerDialOption(d), [&](auto& o) { o.Dialer = d; }},
  });
  CheckOrderAndEmpty<dialer::DialOptions>(
      dialer::HostDialOption("a"), dialer::HostDialOption("b"), [](auto& o) { o.Host = "a"; },
      [](auto& o) { o.Host = "b"; });
}

TEST(DialerOptions, HandshakeOption) {
  CheckCases<dialer::HandshakeOptions>({
      {"AddrHandshakeOption", "Addr", dialer::AddrHandshakeOption("node:443"), [](auto& o) { o.Addr = "node:443"; }},
      {"AddrHandshakeOption(\"\")", "Addr", dialer::AddrHandshakeOption(""), [](auto& o) { o.Addr.clear(); }},
  });
  CheckOrderAndEmpty<dialer::HandshakeOptions>(
      dialer::AddrHandshakeOption("a:1"), dialer::AddrHandshakeOption("b:2"), [](auto& o) { o.Addr = "a:1"; },
      [](auto& o) { o.Addr = "b:2"; });
}

// ---------------------------------------------------------------------------
// handler

TEST(HandlerOptions, Option) {
  auto bp = New<bypass::Bypass, StubBypass>();
  auto router = New<chain::Router, StubRouter>();
  auto user = url::UserPassword("u", "");
  auto auther = New<auth::Authenticator, StubAuther>();
  auto rl = New<limiter::rate::RateLimiter, StubRateLimiter>();
  auto tl = New<limiter::traffic::TrafficLimiter, StubTrafficLimiter>();
  auto tls_config = std::make_shared<const tls::Config>();
  auto log = New<logger::Logger, StubLogger>();
  auto obs = New<observer::Observer, StubObserver>();
  auto rw = New<rewriter::Rewriter, StubRewriter>();
  const auto r1 = Rec("r1");
  CheckCases<handler::Options>({
      {"BypassOption", "Bypass", handler::BypassOption(bp), [&](auto& o) { o.Bypass = bp; }},
      {"RouterOption", "Router", handler::RouterOption(router), [&](auto& o) { o.Router = router; }},
      {"AuthOption", "Auth", handler::AuthOption(user), [&](auto& o) { o.Auth = user; }},
      {"AutherOption", "Auther", handler::AutherOption(auther), [&](auto& o) { o.Auther = auther; }},
      {"RateLimiterOption", "RateLimiter", handler::RateLimiterOption(rl), [&](auto& o) { o.RateLimiter = rl; }},
      {"TrafficLimiterOption", "Limiter", handler::TrafficLimiterOption(tl), [&](auto& o) { o.Limiter = tl; }},
      {"TLSConfigOption", "TLSConfig", handler::TLSConfigOption(tls_config),
       [&](auto& o) { o.TLSConfig = tls_config; }},
      {"LoggerOption", "Logger", handler::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
      {"ObserverOption", "Observer", handler::ObserverOption(obs), [&](auto& o) { o.Observer = obs; }},
      {"RecordersOption(r1)", "Recorders", handler::RecordersOption(r1), [&](auto& o) { o.Recorders = {r1}; }},
      {"RecordersOption()", "Recorders", handler::RecordersOption({}), [](auto& o) { o.Recorders.clear(); }},
      {"RewriterOption", "Rewriter", handler::RewriterOption(rw), [&](auto& o) { o.Rewriter = rw; }},
      {"ServiceOption", "Service", handler::ServiceOption("svc-1"), [](auto& o) { o.Service = "svc-1"; }},
      {"NetnsOption", "Netns", handler::NetnsOption("ns4"), [](auto& o) { o.Netns = "ns4"; }},
  });
  CheckOrderAndEmpty<handler::Options>(
      handler::ServiceOption("a"), handler::ServiceOption("b"), [](auto& o) { o.Service = "a"; },
      [](auto& o) { o.Service = "b"; });
}

TEST(HandlerOptions, HandleOption) {
  auto md1 = New<metadata::Metadata, StubMetadata>();
  auto md2 = New<metadata::Metadata, StubMetadata>();
  CheckCases<handler::HandleOptions>({
      {"MetadataHandleOption", "Metadata", handler::MetadataHandleOption(md1), [&](auto& o) { o.Metadata = md1; }},
      {"MetadataHandleOption(null)", "Metadata", handler::MetadataHandleOption(nullptr),
       [](auto& o) { o.Metadata = nullptr; }},
  });
  CheckOrderAndEmpty<handler::HandleOptions>(
      handler::MetadataHandleOption(md1), handler::MetadataHandleOption(md2), [&](auto& o) { o.Metadata = md1; },
      [&](auto& o) { o.Metadata = md2; });
}

// ---------------------------------------------------------------------------
// hop

TEST(HopOptions, SelectOption) {
  const auto ip = net::IP::V4(192, 0, 2, 7);
  const url::Values query{{"q", {"1", "2"}}};
  const http::Header header{{"X-Test", "yes"}, {"Accept", "*/*"}};
  CheckCases<hop::SelectOptions>({
      {"ClientIPSelectOption", "ClientIP", hop::ClientIPSelectOption(ip), [&](auto& o) { o.ClientIP = ip; }},
      {"ClientIPSelectOption(empty)", "ClientIP", hop::ClientIPSelectOption(net::IP{}),
       [](auto& o) { o.ClientIP = net::IP{}; }},
      {"NetworkSelectOption", "Network", hop::NetworkSelectOption("udp"), [](auto& o) { o.Network = "udp"; }},
      {"AddrSelectOption", "Addr", hop::AddrSelectOption("dst:53"), [](auto& o) { o.Addr = "dst:53"; }},
      {"ProtocolSelectOption", "Protocol", hop::ProtocolSelectOption("socks5"), [](auto& o) { o.Protocol = "socks5"; }},
      {"HostSelectOption", "Host", hop::HostSelectOption("example.org"), [](auto& o) { o.Host = "example.org"; }},
      {"MethodSelectOption", "Method", hop::MethodSelectOption("GET"), [](auto& o) { o.Method = "GET"; }},
      {"PathSelectOption", "Path", hop::PathSelectOption("/index"), [](auto& o) { o.Path = "/index"; }},
      {"QuerySelectOption", "Query", hop::QuerySelectOption(query), [&](auto& o) { o.Query = query; }},
      {"HeaderSelectOption", "Header", hop::HeaderSelectOption(header), [&](auto& o) { o.Header = header; }},
      {"BodySelectOption", "Body", hop::BodySelectOption(Bytes(std::string_view("hello"))),
       [](auto& o) { o.Body = Bytes(std::string_view("hello")); }},
      {"BodySelectOption(empty)", "Body", hop::BodySelectOption(Bytes{}), [](auto& o) { o.Body = Bytes{}; }},
  });
  CheckOrderAndEmpty<hop::SelectOptions>(
      hop::HostSelectOption("a"), hop::HostSelectOption("b"), [](auto& o) { o.Host = "a"; },
      [](auto& o) { o.Host = "b"; });
}

// ---------------------------------------------------------------------------
// listener

TEST(ListenerOptions, Option) {
  auto auther = New<auth::Authenticator, StubAuther>();
  auto user = url::User("u");
  auto tls_config = std::make_shared<const tls::Config>();
  auto adm = New<admission::Admission, StubAdmission>();
  auto tl = New<limiter::traffic::TrafficLimiter, StubTrafficLimiter>();
  auto cl = New<limiter::conn::ConnLimiter, StubConnLimiter>();
  auto stats = New<observer::stats::Stats, StubStats>();
  auto log = New<logger::Logger, StubLogger>();
  auto router = New<chain::Router, StubRouter>();
  // Options::Chain has no option function upstream either; every option must
  // leave it alone (checked through the filled base).
  CheckCases<listener::Options>(
      {
          {"AddrOption", "Addr", listener::AddrOption(":8080"), [](auto& o) { o.Addr = ":8080"; }},
          {"AutherOption", "Auther", listener::AutherOption(auther), [&](auto& o) { o.Auther = auther; }},
          {"AuthOption", "Auth", listener::AuthOption(user), [&](auto& o) { o.Auth = user; }},
          {"TLSConfigOption", "TLSConfig", listener::TLSConfigOption(tls_config),
           [&](auto& o) { o.TLSConfig = tls_config; }},
          {"AdmissionOption", "Admission", listener::AdmissionOption(adm), [&](auto& o) { o.Admission = adm; }},
          {"TrafficLimiterOption", "TrafficLimiter", listener::TrafficLimiterOption(tl),
           [&](auto& o) { o.TrafficLimiter = tl; }},
          {"ConnLimiterOption", "ConnLimiter", listener::ConnLimiterOption(cl), [&](auto& o) { o.ConnLimiter = cl; }},
          {"StatsOption", "Stats", listener::StatsOption(stats), [&](auto& o) { o.Stats = stats; }},
          {"LoggerOption", "Logger", listener::LoggerOption(log), [&](auto& o) { o.Logger = log; }},
          {"ServiceOption", "Service", listener::ServiceOption("svc-2"), [](auto& o) { o.Service = "svc-2"; }},
          {"ProxyProtocolOption", "ProxyProtocol", listener::ProxyProtocolOption(1),
           [](auto& o) { o.ProxyProtocol = 1; }},
          {"NetnsOption", "Netns", listener::NetnsOption("ns5"), [](auto& o) { o.Netns = "ns5"; }},
          {"RouterOption", "Router", listener::RouterOption(router), [&](auto& o) { o.Router = router; }},
          {"RouterOption(null)", "Router", listener::RouterOption(nullptr), [](auto& o) { o.Router = nullptr; }},
      },
      {"Chain"});
  CheckOrderAndEmpty<listener::Options>(
      listener::AddrOption(":1"), listener::AddrOption(":2"), [](auto& o) { o.Addr = ":1"; },
      [](auto& o) { o.Addr = ":2"; });
}

// ---------------------------------------------------------------------------
// Options keep copies of their arguments.

TEST(OptionCapture, StringArgumentsAreCopied) {
  std::string s = "before";
  const auto route = chain::WithHostRouteOption(s);
  const auto dial = chain::InterfaceDialOption(s);
  const auto router = chain::NetnsRouterOption(s);
  const auto transport = chain::AddrTransportOption(s);
  const auto node = chain::NetworkNodeOption(s);
  const auto host = dialer::HostDialOption(s);
  const auto hs = dialer::AddrHandshakeOption(s);
  const auto svc = handler::ServiceOption(s);
  const auto sel = hop::PathSelectOption(s);
  const auto addr = listener::AddrOption(s);
  s = "after";
  s.clear();
  EXPECT_EQ(MakeOptions<chain::RouteOptions>(route).Host, "before");
  EXPECT_EQ(MakeOptions<chain::DialOptions>(dial).Interface, "before");
  EXPECT_EQ(MakeOptions<chain::RouterOptions>(router).Netns, "before");
  EXPECT_EQ(MakeOptions<chain::TransportOptions>(transport).Addr, "before");
  EXPECT_EQ(MakeOptions<chain::NodeOptions>(node).Network, "before");
  EXPECT_EQ(MakeOptions<dialer::DialOptions>(host).Host, "before");
  EXPECT_EQ(MakeOptions<dialer::HandshakeOptions>(hs).Addr, "before");
  EXPECT_EQ(MakeOptions<handler::Options>(svc).Service, "before");
  EXPECT_EQ(MakeOptions<hop::SelectOptions>(sel).Path, "before");
  EXPECT_EQ(MakeOptions<listener::Options>(addr).Addr, "before");
}

TEST(OptionCapture, PointerArgumentsAreCopiedNotReferenced) {
  auto so = std::make_shared<chain::SockOpts>();
  so->Mark = 1;
  const auto first = so;
  const auto dial = chain::SockOptsDialOption(so);
  const auto router = chain::SockOptsRouterOption(so);
  const auto transport = chain::SockOptsTransportOption(so);
  so = std::make_shared<chain::SockOpts>();  // rebinding the variable changes nothing
  EXPECT_EQ(MakeOptions<chain::DialOptions>(dial).SockOpts, first);
  EXPECT_EQ(MakeOptions<chain::RouterOptions>(router).SockOpts, first);
  EXPECT_EQ(MakeOptions<chain::TransportOptions>(transport).SockOpts, first);
  // ... but the pointee is shared, as Go's pointer is.
  first->Mark = 2;
  EXPECT_EQ(MakeOptions<chain::DialOptions>(dial).SockOpts->Mark, 2);

  // The option keeps its object alive on its own.
  std::weak_ptr<logger::Logger> weak;
  chain::BindOption bind;
  connector::Option conn;
  handler::HandleOption handle;
  std::weak_ptr<metadata::Metadata> weak_md;
  {
    auto log = New<logger::Logger, StubLogger>();
    weak = log;
    bind = chain::LoggerBindOption(log);
    conn = connector::LoggerOption(log);
    auto md = New<metadata::Metadata, StubMetadata>();
    weak_md = md;
    handle = handler::MetadataHandleOption(md);
  }
  EXPECT_FALSE(weak.expired());
  EXPECT_EQ(MakeOptions<chain::BindOptions>(bind).Logger, weak.lock());
  EXPECT_EQ(MakeOptions<connector::Options>(conn).Logger, weak.lock());
  EXPECT_EQ(MakeOptions<handler::HandleOptions>(handle).Metadata, weak_md.lock());
  bind = nullptr;
  conn = nullptr;
  EXPECT_TRUE(weak.expired());
}

TEST(OptionCapture, ValueArgumentsAreCopied) {
  Bytes body(std::string_view("abc"));
  url::Values query{{"a", {"1"}}};
  http::Header header{{"X-A", "1"}};
  auto ip = net::IP::V4(1, 2, 3, 4);
  const auto body_opt = hop::BodySelectOption(body);
  const auto query_opt = hop::QuerySelectOption(query);
  const auto header_opt = hop::HeaderSelectOption(header);
  const auto ip_opt = hop::ClientIPSelectOption(ip);
  body[0] = std::byte{'X'};
  body.resize(1);
  query.Add("b", "2");
  header.Set("X-A", "changed");
  ip = net::IP::V4(5, 6, 7, 8);
  const auto o = MakeOptions<hop::SelectOptions>({body_opt, query_opt, header_opt, ip_opt});
  EXPECT_EQ(o.Body.str(), "abc");
  EXPECT_EQ(o.Query, (url::Values{{"a", {"1"}}}));
  EXPECT_EQ(o.Header.Get("X-A"), "1");
  EXPECT_EQ(o.ClientIP, net::IP::V4(1, 2, 3, 4));
  // Each struct gets its own copy of the bytes.
  auto again = MakeOptions<hop::SelectOptions>(body_opt);
  again.Body[0] = std::byte{'Z'};
  EXPECT_EQ(MakeOptions<hop::SelectOptions>(body_opt).Body.str(), "abc");
}

// RecordersRouterOption and RecordersOption take a borrowed list (a Go
// variadic); the option must copy it, since the list is gone by the time the
// option is applied.
TEST(OptionCapture, RecordersRouterOptionCopiesTheList) {
  const auto r1 = Rec("one");
  const auto r2 = Rec("two");
  chain::RouterOption from_vector;
  {
    std::vector<recorder::RecorderObject> list{r1, r2};
    from_vector = chain::RecordersRouterOption(list);
    list[0].Record = "changed";
    list.push_back(Rec("three"));
  }  // list destroyed
  // Built from a braced list whose array dies at the end of this statement.
  const auto from_braces = chain::RecordersRouterOption({r2, r1});

  const auto a = MakeOptions<chain::RouterOptions>(from_vector);
  ASSERT_EQ(a.Recorders.size(), 2U);
  EXPECT_EQ(a.Recorders[0].Record, "one");
  EXPECT_EQ(a.Recorders[0].Recorder, r1.Recorder);
  EXPECT_EQ(a.Recorders[1].Record, "two");
  const auto b = MakeOptions<chain::RouterOptions>(from_braces);
  ASSERT_EQ(b.Recorders.size(), 2U);
  EXPECT_EQ(b.Recorders[0].Record, "two");
  EXPECT_EQ(b.Recorders[1].Record, "one");

  // Changing one struct's list does not reach the option or other structs.
  auto c = MakeOptions<chain::RouterOptions>(from_vector);
  c.Recorders.clear();
  EXPECT_EQ(MakeOptions<chain::RouterOptions>(from_vector).Recorders.size(), 2U);
}

TEST(OptionCapture, RecordersOptionCopiesTheList) {
  const auto r1 = Rec("one");
  handler::Option opt;
  {
    std::vector<recorder::RecorderObject> list{r1, Rec("two")};
    opt = handler::RecordersOption(list);
    list.clear();
  }
  const auto from_braces = handler::RecordersOption({Rec("x"), Rec("y"), Rec("z")});

  auto a = MakeOptions<handler::Options>(opt);
  ASSERT_EQ(a.Recorders.size(), 2U);
  EXPECT_EQ(a.Recorders[0].Record, "one");
  EXPECT_EQ(a.Recorders[0].Recorder, r1.Recorder);
  EXPECT_EQ(a.Recorders[1].Record, "two");
  a.Recorders[0].Record = "edited";
  EXPECT_EQ(MakeOptions<handler::Options>(opt).Recorders[0].Record, "one");

  const auto b = MakeOptions<handler::Options>(from_braces);
  std::vector<std::string> names;
  for (const auto& r : b.Recorders) names.push_back(r.Record);
  EXPECT_THAT(names, ElementsAre("x", "y", "z"));
}

// Every option type is a std::function that can be empty, so that a null in
// a list is the "nil option" upstream skips.
TEST(OptionTypes, DefaultBuiltOptionsAreEmpty) {
  EXPECT_FALSE(chain::RouteOption{});
  EXPECT_FALSE(chain::DialOption{});
  EXPECT_FALSE(chain::BindOption{});
  EXPECT_FALSE(chain::RouterOption{});
  EXPECT_FALSE(chain::TransportOption{});
  EXPECT_FALSE(chain::NodeOption{});
  EXPECT_FALSE(connector::Option{});
  EXPECT_FALSE(connector::ConnectOption{});
  EXPECT_FALSE(connector::BindOption{});
  EXPECT_FALSE(dialer::Option{});
  EXPECT_FALSE(dialer::DialOption{});
  EXPECT_FALSE(dialer::HandshakeOption{});
  EXPECT_FALSE(handler::Option{});
  EXPECT_FALSE(handler::HandleOption{});
  EXPECT_FALSE(hop::SelectOption{});
  EXPECT_FALSE(listener::Option{});
}

}  // namespace
}  // namespace gost::core
