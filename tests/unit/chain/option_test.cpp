// Tests of the chain package's functional options (chain.hpp, route.hpp, router.hpp, transport.hpp, node.hpp): each
// option sets its one field and nothing else, later options win, empty ones are skipped
// (tests/support/option_check.hpp), and an option keeps copies of what it was built from.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "support/option_check.hpp"

namespace gost::core {
namespace {

using namespace option_check;

TEST(ChainOptions, RouteOption) {
  CheckCases<chain::RouteOptions>({
      {"WithHostRouteOption(example.com)", "Host", chain::WithHostRouteOption("example.com"),
       [](auto& o) { o.Host = "example.com"; }},
      {"WithHostRouteOption(\"\")", "Host", chain::WithHostRouteOption(""), [](auto& o) { o.Host.clear(); }},
  });
  CheckOrderAndEmpty(chain::WithHostRouteOption, &chain::RouteOptions::Host, "a", "b");
}

TEST(ChainOptions, DialOption) {
  auto so = std::make_shared<chain::SockOpts>();
  auto log = New<logger::Logger, logger::MockLogger>();
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
  CheckOrderAndEmpty(chain::NetnsDialOption, &chain::DialOptions::Netns, "a", "b");
}

TEST(ChainOptions, BindOption) {
  auto log = New<logger::Logger, logger::MockLogger>();
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
  CheckOrderAndEmpty(chain::BacklogBindOption, &chain::BindOptions::Backlog, 1, 2);
}

TEST(ChainOptions, RouterOption) {
  auto so = std::make_shared<chain::SockOpts>();
  auto ch = New<chain::Chainer, chain::MockChainer>();
  auto res = New<resolver::Resolver, resolver::MockResolver>();
  auto hm = New<hosts::HostMapper, hosts::MockHostMapper>();
  auto log = New<logger::Logger, logger::MockLogger>();
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
  CheckOrderAndEmpty(chain::RetriesRouterOption, &chain::RouterOptions::Retries, 1, 2);
}

TEST(ChainOptions, TransportOption) {
  auto so = std::make_shared<chain::SockOpts>();
  auto rt = New<chain::Route, chain::MockRoute>();
  CheckCases<chain::TransportOptions>({
      {"AddrTransportOption", "Addr", chain::AddrTransportOption("node:8080"), [](auto& o) { o.Addr = "node:8080"; }},
      {"InterfaceTransportOption", "IfceName", chain::InterfaceTransportOption("eth2"),
       [](auto& o) { o.IfceName = "eth2"; }},
      {"NetnsTransportOption", "Netns", chain::NetnsTransportOption("ns3"), [](auto& o) { o.Netns = "ns3"; }},
      {"SockOptsTransportOption", "SockOpts", chain::SockOptsTransportOption(so), [&](auto& o) { o.SockOpts = so; }},
      {"RouteTransportOption", "Route", chain::RouteTransportOption(rt), [&](auto& o) { o.Route = rt; }},
      {"RouteTransportOption(null)", "Route", chain::RouteTransportOption(nullptr), [](auto& o) { o.Route = nullptr; }},
  });
  CheckOrderAndEmpty(chain::AddrTransportOption, &chain::TransportOptions::Addr, "a:1", "b:2");
}

TEST(ChainOptions, NodeOption) {
  auto tr = New<chain::Transporter, chain::MockTransporter>();
  auto bp = New<bypass::Bypass, bypass::MockBypass>();
  auto res = New<resolver::Resolver, resolver::MockResolver>();
  auto hm = New<hosts::HostMapper, hosts::MockHostMapper>();
  auto filter = std::make_shared<chain::NodeFilterSettings>(chain::NodeFilterSettings{"http", "h", "/p"});
  auto http_settings = std::make_shared<chain::HTTPNodeSettings>();
  auto tls_settings = std::make_shared<chain::TLSNodeSettings>();
  auto md = New<metadata::Metadata, metadata::MockMetadata>();
  auto matcher = New<routing::Matcher, routing::MockMatcher>();
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
  CheckOrderAndEmpty(chain::PriorityNodeOption, &chain::NodeOptions::Priority, 1, 2);
}

TEST(OptionCapture, StringArgumentsAreCopied) {
  ExpectStringCopied<chain::RouteOptions>(chain::WithHostRouteOption, &chain::RouteOptions::Host);
  ExpectStringCopied<chain::DialOptions>(chain::InterfaceDialOption, &chain::DialOptions::Interface);
  ExpectStringCopied<chain::RouterOptions>(chain::NetnsRouterOption, &chain::RouterOptions::Netns);
  ExpectStringCopied<chain::TransportOptions>(chain::AddrTransportOption, &chain::TransportOptions::Addr);
  ExpectStringCopied<chain::NodeOptions>(chain::NetworkNodeOption, &chain::NodeOptions::Network);
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
  ExpectOptionOwns<chain::BindOptions>(chain::LoggerBindOption, &chain::BindOptions::Logger,
                                       New<logger::Logger, logger::MockLogger>());
}

// RecordersRouterOption takes a borrowed list (a Go variadic); the option
// must copy it, since the list is gone by the time the option is applied.
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

// Each option type is OptionFunc of its struct (Go: `func(*Options)`); a
// default-built one is the empty "nil option" (OptionFuncTest.EmptyForms).
static_assert(std::is_same_v<chain::RouteOption, OptionFunc<chain::RouteOptions>>);
static_assert(std::is_same_v<chain::DialOption, OptionFunc<chain::DialOptions>>);
static_assert(std::is_same_v<chain::BindOption, OptionFunc<chain::BindOptions>>);
static_assert(std::is_same_v<chain::RouterOption, OptionFunc<chain::RouterOptions>>);
static_assert(std::is_same_v<chain::TransportOption, OptionFunc<chain::TransportOptions>>);
static_assert(std::is_same_v<chain::NodeOption, OptionFunc<chain::NodeOptions>>);

}  // namespace
}  // namespace gost::core
