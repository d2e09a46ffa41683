// Tests for gost/core/ingress/ingress.hpp: the options, Rule and the
// Ingress interface.
#include "gost/core/ingress/ingress.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/ingress.hpp"
#include "support/option_cases.hpp"
#include "support/threads.hpp"

namespace gost::core::ingress {
namespace {

static_assert(detail::kIsInterface<Ingress>);

TEST(IngressOptions, WithServiceSetsService) {
  testsupport::ExpectOneStringFieldOption<Options>("WithService", WithService, &Options::Service);
}

TEST(Rule, IsAPlainValue) {
  const Rule r{"*.example.org", "tunnel-1"};
  EXPECT_EQ(r.Hostname, "*.example.org");
  EXPECT_EQ(r.Endpoint, "tunnel-1");
  EXPECT_EQ(r, (Rule{"*.example.org", "tunnel-1"}));
  EXPECT_NE(r, (Rule{"*.example.org", "tunnel-2"}));
  EXPECT_TRUE(Rule{}.Hostname.empty() && Rule{}.Endpoint.empty());
}

// Exact and "*."-wildcard rules, guarded by a mutex.
class MapIngress final : public Ingress {
 public:
  bool SetRule(const context::Context& ctx, std::shared_ptr<Rule> rule, Variadic<Option> opts) override {
    (void)MakeOptions<Options>(opts);
    if (ctx.Done() || !rule || rule->Hostname.empty() || rule->Endpoint.empty()) return false;
    std::lock_guard lock(mu_);
    rules_[rule->Hostname] = std::move(rule);
    return true;
  }
  std::shared_ptr<Rule> GetRule(const context::Context& ctx, std::string_view host, Variadic<Option>) override {
    if (ctx.Done() || host.empty()) return nullptr;
    std::lock_guard lock(mu_);
    if (auto it = rules_.find(std::string(host)); it != rules_.end()) return it->second;
    if (auto dot = host.find('.'); dot != std::string_view::npos) {
      if (auto it = rules_.find("*" + std::string(host.substr(dot))); it != rules_.end()) return it->second;
    }
    return nullptr;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Rule>> rules_;
};

TEST(Ingress, SetAndGetRules) {
  const IngressPtr ing = std::make_shared<MapIngress>();
  const context::Context ctx;
  EXPECT_TRUE(ing->SetRule(ctx, std::make_shared<Rule>(Rule{"app.example.com", "t1"})));
  EXPECT_TRUE(ing->SetRule(ctx, std::make_shared<Rule>(Rule{"*.example.org", "t2"}), WithService("svc")));

  auto r = ing->GetRule(ctx, "app.example.com");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Endpoint, "t1");
  r = ing->GetRule(ctx, "x.example.org", WithService("svc"));
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->Endpoint, "t2");

  // Replacing a rule.
  EXPECT_TRUE(ing->SetRule(ctx, std::make_shared<Rule>(Rule{"app.example.com", "t3"})));
  EXPECT_EQ(ing->GetRule(ctx, "app.example.com")->Endpoint, "t3");

  // Bad input: null or incomplete rules are refused; unknown hosts miss.
  EXPECT_FALSE(ing->SetRule(ctx, nullptr));
  EXPECT_FALSE(ing->SetRule(ctx, std::make_shared<Rule>()));
  EXPECT_FALSE(ing->SetRule(ctx, std::make_shared<Rule>(Rule{"h", ""})));
  EXPECT_EQ(ing->GetRule(ctx, ""), nullptr);
  EXPECT_EQ(ing->GetRule(ctx, "example.org"), nullptr);
  EXPECT_EQ(ing->GetRule(ctx, "nothing"), nullptr);
}

TEST(Ingress, ConcurrentUse) {
  const IngressPtr ing = std::make_shared<MapIngress>();
  const context::Context ctx;
  testsupport::RunOnThreads(4, [&](int t) {
    for (int i = 0; i < 200; ++i) {
      const std::string host = "h" + std::to_string(i % 10) + ".test";
      (void)ing->SetRule(ctx, std::make_shared<Rule>(Rule{host, "t" + std::to_string(t)}));
      (void)ing->GetRule(ctx, host);
    }
  });
  for (int i = 0; i < 10; ++i) EXPECT_NE(ing->GetRule(ctx, "h" + std::to_string(i) + ".test"), nullptr);
}

TEST(Ingress, MockRoundTrip) {
  auto mock = std::make_shared<MockIngress>();
  auto rule = std::make_shared<Rule>(Rule{"a", "b"});
  EXPECT_CALL(*mock, SetRule(::testing::_, rule, ::testing::_)).WillOnce(::testing::Return(true));
  EXPECT_CALL(*mock, GetRule(::testing::_, ::testing::Eq("a"), ::testing::_)).WillOnce(::testing::Return(rule));
  const IngressPtr ing = mock;
  EXPECT_TRUE(ing->SetRule(context::Background(), rule));
  EXPECT_EQ(ing->GetRule(context::Background(), "a"), rule);
}

}  // namespace
}  // namespace gost::core::ingress
