// The checks behind the option tests of the chain, connector, dialer,
// handler, hop and listener packages (tests/unit/<package>/option_test.cpp).
//
// For every option function: which field it sets, that it sets nothing else
// (every field of the struct is compared, on a default-built struct and on
// one where every field already holds something), and that applying it twice
// gives the same result. For every option type: later options win, empty
// options (`X{}` or nullptr) are skipped. And an option keeps copies of what
// it was built from.
//
// The field tables below list each struct's members through a structured
// binding, so adding a member to a struct without adding it here fails to
// compile instead of silently escaping the "touches nothing else" check.
#pragma once

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
#include <type_traits>
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
#include "gost/core/testing/mocks.hpp"

namespace gost::core::option_check {

using ::testing::IsEmpty;
using namespace std::chrono_literals;

// A fresh, distinct object for a pointer field: New<Iface, Mock>() for an
// interface (the kit's mocks serve as do-nothing objects: the options only
// store pointers, so all a check needs is distinct objects to compare by
// identity), New<T>() for a settings struct.
template <class I, class Impl = I>
std::shared_ptr<I> New() {
  return std::make_shared<Impl>();
}

inline recorder::RecorderObject Rec(std::string name) {
  recorder::RecorderObject r;
  r.Recorder = New<recorder::Recorder, recorder::MockRecorder>();
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
inline bool Same(const std::vector<recorder::RecorderObject>& a, const std::vector<recorder::RecorderObject>& b) {
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
inline chain::RouteOptions Filled() {
  return {"base.example"};
}
template <>
inline chain::DialOptions Filled() {
  return {"base-if", "base-ns", std::make_shared<chain::SockOpts>(), New<logger::Logger, logger::MockLogger>()};
}
template <>
inline chain::BindOptions Filled() {
  return {true, 11, 12, 13, 14s, New<logger::Logger, logger::MockLogger>()};
}
template <>
inline chain::RouterOptions Filled() {
  chain::RouterOptions o;
  o.Retries = 21;
  o.Timeout = 22s;
  o.IfceName = "base-if";
  o.Netns = "base-ns";
  o.SockOpts = std::make_shared<chain::SockOpts>();
  o.Chain = New<chain::Chainer, chain::MockChainer>();
  o.Resolver = New<resolver::Resolver, resolver::MockResolver>();
  o.HostMapper = New<hosts::HostMapper, hosts::MockHostMapper>();
  o.Recorders = {Rec("base")};
  o.Logger = New<logger::Logger, logger::MockLogger>();
  return o;
}
template <>
inline chain::TransportOptions Filled() {
  return {"base:1", "base-if", "base-ns", std::make_shared<chain::SockOpts>(), New<chain::Route, chain::MockRoute>()};
}
template <>
inline chain::NodeOptions Filled() {
  chain::NodeOptions o;
  o.Network = "base-net";
  o.Transport = New<chain::Transporter, chain::MockTransporter>();
  o.Bypass = New<bypass::Bypass, bypass::MockBypass>();
  o.Resolver = New<resolver::Resolver, resolver::MockResolver>();
  o.HostMapper = New<hosts::HostMapper, hosts::MockHostMapper>();
  o.Filter = std::make_shared<chain::NodeFilterSettings>();
  o.HTTP = std::make_shared<chain::HTTPNodeSettings>();
  o.TLS = std::make_shared<chain::TLSNodeSettings>();
  o.Metadata = New<metadata::Metadata, metadata::MockMetadata>();
  o.Matcher = New<routing::Matcher, routing::MockMatcher>();
  o.MatcherBodySize = 31;
  o.Priority = 32;
  return o;
}
template <>
inline connector::Options Filled() {
  return {url::User("base"), std::make_shared<tls::Config>(), New<logger::Logger, logger::MockLogger>()};
}
template <>
inline connector::ConnectOptions Filled() {
  return {New<common::net::Dialer, common::net::MockDialer>()};
}
template <>
inline connector::BindOptions Filled() {
  return {true, 41, 42, 43, 44s};
}
template <>
inline dialer::Options Filled() {
  return {url::User("base"), std::make_shared<tls::Config>(), New<logger::Logger, logger::MockLogger>(), 2};
}
template <>
inline dialer::DialOptions Filled() {
  return {"base.example", New<common::net::Dialer, common::net::MockDialer>()};
}
template <>
inline dialer::HandshakeOptions Filled() {
  return {"base:1"};
}
template <>
inline handler::Options Filled() {
  handler::Options o;
  o.Bypass = New<bypass::Bypass, bypass::MockBypass>();
  o.Router = New<chain::Router, chain::MockRouter>();
  o.Auth = url::User("base");
  o.Auther = New<auth::Authenticator, auth::MockAuthenticator>();
  o.RateLimiter = New<limiter::rate::RateLimiter, limiter::rate::MockRateLimiter>();
  o.Limiter = New<limiter::traffic::TrafficLimiter, limiter::traffic::MockTrafficLimiter>();
  o.TLSConfig = std::make_shared<tls::Config>();
  o.Logger = New<logger::Logger, logger::MockLogger>();
  o.Observer = New<observer::Observer, observer::MockObserver>();
  o.Recorders = {Rec("base")};
  o.Rewriter = New<rewriter::Rewriter, rewriter::MockRewriter>();
  o.Service = "base-svc";
  o.Netns = "base-ns";
  return o;
}
template <>
inline handler::HandleOptions Filled() {
  return {New<metadata::Metadata, metadata::MockMetadata>()};
}
template <>
inline hop::SelectOptions Filled() {
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
inline listener::Options Filled() {
  listener::Options o;
  o.Addr = "base:1";
  o.Auther = New<auth::Authenticator, auth::MockAuthenticator>();
  o.Auth = url::User("base");
  o.TLSConfig = std::make_shared<tls::Config>();
  o.Admission = New<admission::Admission, admission::MockAdmission>();
  o.TrafficLimiter = New<limiter::traffic::TrafficLimiter, limiter::traffic::MockTrafficLimiter>();
  o.ConnLimiter = New<limiter::conn::ConnLimiter, limiter::conn::MockConnLimiter>();
  o.Chain = New<chain::Chainer, chain::MockChainer>();
  o.Stats = New<observer::stats::Stats, observer::stats::MockStats>();
  o.Logger = New<logger::Logger, logger::MockLogger>();
  o.Service = "base-svc";
  o.ProxyProtocol = 2;
  o.Netns = "base-ns";
  o.Router = New<chain::Router, chain::MockRouter>();
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
// `make` is an option function of O that sets `field`; `first` and `second`
// are two different values for it.
template <class O, class V, class MakeOption>
void CheckOrderAndEmpty(const MakeOption& make, V O::*field, const std::type_identity_t<V>& first_value,
                        const std::type_identity_t<V>& second_value) {
  const OptionFunc<O> first = make(first_value);
  const OptionFunc<O> second = make(second_value);
  O want_first{};
  want_first.*field = first_value;
  O want_second{};
  want_second.*field = second_value;
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

// The whole check of an options struct whose only field is a pointer set by
// one option function `name` (ConnectOptions' Dialer, HandleOptions'
// Metadata): it sets a given object or null, later options win and empty
// ones are skipped. `a` and `b` are two distinct objects.
template <class O, class P, class MakeOption>
void CheckOnePointerOption(const std::string& name, const std::string& field_name, const MakeOption& make,
                           std::shared_ptr<P> O::*field, const std::shared_ptr<P>& a, const std::shared_ptr<P>& b) {
  CheckCases<O>({
      {name, field_name, make(a), [&](O& o) { o.*field = a; }},
      {name + "(null)", field_name, make(nullptr), [&](O& o) { o.*field = nullptr; }},
  });
  CheckOrderAndEmpty(make, field, a, b);
}

// ---------------------------------------------------------------------------
// Options keep copies of their arguments.

// An option built from a string keeps its own copy: changing or clearing
// the string afterwards does not change what the option sets.
template <class O, class MakeOption>
void ExpectStringCopied(const MakeOption& make, std::string O::*field) {
  std::string s = "before";
  const OptionFunc<O> opt = make(s);
  s = "after";
  s.clear();
  EXPECT_EQ(MakeOptions<O>(opt).*field, "before");
}

// An option built from a shared object keeps the object alive on its own,
// sets exactly that object, and lets it go once the option is gone.
template <class O, class P, class MakeOption>
void ExpectOptionOwns(const MakeOption& make, std::shared_ptr<P> O::*field, std::shared_ptr<P> object) {
  const std::weak_ptr<P> weak = object;
  OptionFunc<O> opt = make(std::move(object));
  EXPECT_FALSE(weak.expired());
  EXPECT_EQ(MakeOptions<O>(opt).*field, weak.lock());
  opt = nullptr;
  EXPECT_TRUE(weak.expired());
}

}  // namespace gost::core::option_check
