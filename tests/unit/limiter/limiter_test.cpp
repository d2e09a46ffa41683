// Tests for gost/core/limiter/limiter.hpp: the scope constants and the
// options shared by the limiter packages.
#include "gost/core/limiter/limiter.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "support/option_cases.hpp"

namespace gost::core::limiter {
namespace {

static_assert(std::is_same_v<Option, OptionFunc<Options>>);

std::string Describe(const Options& o) {
  return "{Service=" + o.Service + ", Scope=" + o.Scope + ", Network=" + o.Network + ", Addr=" + o.Addr +
         ", Client=" + o.Client + ", Src=" + o.Src + "}";
}

Options Filled() { return Options{"s0", "scope0", "n0", "a0", "c0", "src0"}; }

TEST(LimiterScopes, HaveUpstreamValues) {
  EXPECT_EQ(ScopeService, "service");
  EXPECT_EQ(ScopeConn, "conn");
  EXPECT_EQ(ScopeClient, "client");
}

TEST(LimiterOptions, DefaultsAreEmpty) {
  const Options o;
  for (const std::string* f : {&o.Service, &o.Scope, &o.Network, &o.Addr, &o.Client, &o.Src}) {
    EXPECT_TRUE(f->empty());
  }
}

using OptionCase = testsupport::OptionCase<Options>;

TEST(LimiterOptions, EachOptionSetsExactlyItsField) {
  const std::vector<OptionCase> cases{
      {"ServiceOption", ServiceOption("svc"), [](Options& o) { o.Service = "svc"; }},
      {"ScopeOption", ScopeOption(ScopeClient), [](Options& o) { o.Scope = "client"; }},
      {"NetworkOption", NetworkOption("udp"), [](Options& o) { o.Network = "udp"; }},
      {"AddrOption", AddrOption("example.com:443"), [](Options& o) { o.Addr = "example.com:443"; }},
      {"ClientOption", ClientOption("192.0.2.7"), [](Options& o) { o.Client = "192.0.2.7"; }},
      {"SrcOption", SrcOption("192.0.2.8:5000"), [](Options& o) { o.Src = "192.0.2.8:5000"; }},
      {"ScopeOption empty", ScopeOption(""), [](Options& o) { o.Scope.clear(); }},
      {"ServiceOption empty", ServiceOption(""), [](Options& o) { o.Service.clear(); }},
  };
  testsupport::ExpectEachOptionSetsItsField<Options>(cases, {Options{}, Filled()}, Describe);
}

TEST(LimiterOptions, LaterOptionWinsAndEmptyOnesAreSkipped) {
  const auto o = MakeOptions<Options>({ScopeOption(ScopeService), nullptr, ClientOption("c1"), Option{},
                                       ScopeOption(ScopeConn), ClientOption("c2")});
  EXPECT_EQ(o, (Options{"", "conn", "", "", "c2", ""})) << Describe(o);

  std::vector<Option> runtime{AddrOption("a1"), Option{}, AddrOption("a2")};
  Options got = Filled();
  ApplyOptions<Options>(got, runtime);
  Options want = Filled();
  want.Addr = "a2";
  EXPECT_EQ(got, want) << Describe(got);
}

}  // namespace
}  // namespace gost::core::limiter
