// Tests for gost/core/admission/admission.hpp: the options and the
// Admission interface.
#include "gost/core/admission/admission.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/go/net.hpp"
#include "gost/core/testing/mocks/admission.hpp"
#include "support/option_cases.hpp"

namespace gost::core::admission {
namespace {

static_assert(detail::kIsInterface<Admission>);

std::string Describe(const Options& o) { return "{Service=" + o.Service + ", Network=" + o.Network + "}"; }

// A base with every field set, to prove an option leaves the others alone.
Options Filled() { return Options{"base-service", "base-network"}; }

using OptionCase = testsupport::OptionCase<Options>;

std::vector<OptionCase> OptionCases() {
  return {
      {"WithService", WithService("svc"), [](Options& o) { o.Service = "svc"; }},
      {"WithService empty", WithService(""), [](Options& o) { o.Service = ""; }},
      {"WithNetwork", WithNetwork("udp"), [](Options& o) { o.Network = "udp"; }},
      {"WithNetwork empty", WithNetwork(""), [](Options& o) { o.Network = ""; }},
  };
}

TEST(AdmissionOptions, DefaultsAreEmpty) {
  const Options o;
  EXPECT_TRUE(o.Service.empty());
  EXPECT_TRUE(o.Network.empty());
}

TEST(AdmissionOptions, EachOptionSetsExactlyItsField) {
  testsupport::ExpectEachOptionSetsItsField<Options>(OptionCases(), {Options{}, Filled()}, Describe);
}

TEST(AdmissionOptions, LaterOptionWinsAndEmptyOnesAreSkipped) {
  const auto got = MakeOptions<Options>(
      {WithService("first"), Option{}, WithNetwork("tcp"), nullptr, WithService("second")});
  EXPECT_EQ(got, (Options{"second", "tcp"})) << Describe(got);

  // A list built at run time works the same way.
  std::vector<Option> list{WithNetwork("udp"), Option{}, WithNetwork("tcp")};
  Options o = Filled();
  ApplyOptions<Options>(o, list);
  EXPECT_EQ(o, (Options{"base-service", "tcp"})) << Describe(o);
}

TEST(AdmissionOptions, OptionOwnsItsArgument) {
  Option opt;
  {
    std::string temp = "temporary-service-name-long-enough-to-allocate";
    opt = WithService(temp);
    temp.assign(temp.size(), 'x');
  }
  Options o;
  opt(&o);
  EXPECT_EQ(o.Service, "temporary-service-name-long-enough-to-allocate");
}

// Admits only hosts on a list, only over tcp, and only for the service it
// was built for (when the caller names one).
class AllowList final : public Admission {
 public:
  AllowList(std::vector<std::string> hosts, std::string service)
      : hosts_(std::move(hosts)), service_(std::move(service)) {}

  bool Admit(const context::Context& ctx, std::string_view network, std::string_view addr,
             Variadic<Option> opts) override {
    if (ctx.Done()) return false;
    const auto o = MakeOptions<Options>(opts);
    if (!o.Service.empty() && o.Service != service_) return false;
    if (network != "tcp") return false;
    auto hp = net::SplitHostPort(addr);
    if (!hp) return false;  // malformed address: refuse
    for (const auto& h : hosts_) {
      if (h == hp->host) return true;
    }
    return false;
  }

 private:
  std::vector<std::string> hosts_;
  std::string service_;
};

TEST(Admission, ImplementationIsCalledThroughTheInterface) {
  const AdmissionPtr adm = std::make_shared<AllowList>(std::vector<std::string>{"10.0.0.1", "::1"}, "svc");
  const context::Context ctx;
  EXPECT_TRUE(adm->Admit(ctx, "tcp", "10.0.0.1:1234"));
  EXPECT_TRUE(adm->Admit(ctx, "tcp", "[::1]:80", WithService("svc")));
  EXPECT_TRUE(adm->Admit(ctx, "tcp", "10.0.0.1:1", {WithService("other"), WithService("svc")}));
  EXPECT_FALSE(adm->Admit(ctx, "tcp", "10.0.0.2:1234"));
  EXPECT_FALSE(adm->Admit(ctx, "udp", "10.0.0.1:1234"));
  EXPECT_FALSE(adm->Admit(ctx, "tcp", "10.0.0.1:1234", WithService("other")));
}

TEST(Admission, MalformedAddressesAreRefused) {
  const AdmissionPtr adm = std::make_shared<AllowList>(std::vector<std::string>{"10.0.0.1"}, "");
  const context::Context ctx;
  for (std::string_view bad : {"", "10.0.0.1", "[10.0.0.1:80", "10.0.0.1]:80", "::1:80", ":"}) {
    EXPECT_FALSE(adm->Admit(ctx, "tcp", bad)) << bad;
  }
}

TEST(Admission, CancelledContextIsRefused) {
  const AdmissionPtr adm = std::make_shared<AllowList>(std::vector<std::string>{"10.0.0.1"}, "");
  auto [ctx, cancel] = context::WithCancel(context::Background());
  EXPECT_TRUE(adm->Admit(ctx, "tcp", "10.0.0.1:80"));
  cancel();
  EXPECT_FALSE(adm->Admit(ctx, "tcp", "10.0.0.1:80"));
}

TEST(Admission, OptionsReachTheImplementationInOrder) {
  auto mock = std::make_shared<MockAdmission>();
  EXPECT_CALL(*mock, Admit(::testing::_, ::testing::Eq("udp"), ::testing::Eq("1.2.3.4:53"), ::testing::_))
      .WillOnce([](const context::Context&, std::string_view, std::string_view, Variadic<Option> opts) {
        EXPECT_EQ(opts.size(), 3U);
        const auto o = MakeOptions<Options>(opts);
        return o.Service == "dns" && o.Network == "udp";
      });
  const AdmissionPtr adm = mock;
  EXPECT_TRUE(adm->Admit(context::Background(), "udp", "1.2.3.4:53",
                         {WithNetwork("udp"), WithService("ignored"), WithService("dns")}));
}

}  // namespace
}  // namespace gost::core::admission
