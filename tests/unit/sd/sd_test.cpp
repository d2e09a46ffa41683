// Tests for gost/core/sd/sd.hpp: the (empty) options, Service and the SD
// interface.
#include "gost/core/sd/sd.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gost/core/testing/mocks/sd.hpp"
#include "support/option_cases.hpp"
#include "support/threads.hpp"

namespace gost::core::sd {
namespace {

static_assert(detail::kIsInterface<SD>);

TEST(SDOptions, OptionsApplyInOrderAndEmptyOnesAreSkipped) {
  testsupport::ExpectEmptyOptionsRunInOrder<Options, Option>();
}

TEST(SDService, IsAPlainValue) {
  const Service s{"id-1", "web", "node-a", "tcp", "10.0.0.5:8080"};
  EXPECT_EQ(s.ID, "id-1");
  EXPECT_EQ(s.Name, "web");
  EXPECT_EQ(s.Node, "node-a");
  EXPECT_EQ(s.Network, "tcp");
  EXPECT_EQ(s.Address, "10.0.0.5:8080");
  EXPECT_EQ(s, (Service{"id-1", "web", "node-a", "tcp", "10.0.0.5:8080"}));
  EXPECT_NE(s, (Service{"id-2", "web", "node-a", "tcp", "10.0.0.5:8080"}));
  const Service empty;
  EXPECT_TRUE(empty.ID.empty() && empty.Name.empty() && empty.Node.empty() && empty.Network.empty() &&
              empty.Address.empty());
}

// An in-memory registry keyed by service ID; counts renewals.
class Memory final : public SD {
 public:
  Error Register(const context::Context& ctx, std::shared_ptr<Service> service, Variadic<Option> opts) override {
    (void)MakeOptions<Options>(opts);
    if (auto err = Check(ctx, service)) return err;
    std::lock_guard lock(mu_);
    by_id_[service->ID] = service;
    return {};
  }
  Error Deregister(const context::Context& ctx, std::shared_ptr<Service> service) override {
    if (auto err = Check(ctx, service)) return err;
    std::lock_guard lock(mu_);
    if (by_id_.erase(service->ID) == 0) return errors::New("not registered: " + service->ID);
    return {};
  }
  Error Renew(const context::Context& ctx, std::shared_ptr<Service> service) override {
    if (auto err = Check(ctx, service)) return err;
    std::lock_guard lock(mu_);
    if (!by_id_.contains(service->ID)) return errors::New("not registered: " + service->ID);
    ++renewals_[service->ID];
    return {};
  }
  Result<std::vector<std::shared_ptr<Service>>> Get(const context::Context& ctx, std::string_view name) override {
    if (auto err = ctx.Err()) return err;
    std::lock_guard lock(mu_);
    std::vector<std::shared_ptr<Service>> out;
    for (const auto& [id, s] : by_id_) {
      if (s->Name == name) out.push_back(s);
    }
    return out;
  }
  int Renewals(const std::string& id) {
    std::lock_guard lock(mu_);
    return renewals_[id];
  }

 private:
  static Error Check(const context::Context& ctx, const std::shared_ptr<Service>& s) {
    if (auto err = ctx.Err()) return err;
    if (!s || s->ID.empty()) return errors::WithCode(errors::Code::InvalidArgument, "sd: service without an ID");
    return {};
  }
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Service>> by_id_;
  std::map<std::string, int> renewals_;
};

TEST(SD, RegisterGetRenewDeregister) {
  auto mem = std::make_shared<Memory>();
  const SDPtr sd = mem;
  const context::Context ctx;
  auto a = std::make_shared<Service>(Service{"a", "web", "n1", "tcp", "10.0.0.1:80"});
  auto b = std::make_shared<Service>(Service{"b", "web", "n2", "tcp", "10.0.0.2:80"});
  auto c = std::make_shared<Service>(Service{"c", "db", "n1", "tcp", "10.0.0.3:5432"});
  EXPECT_FALSE(sd->Register(ctx, a));
  EXPECT_FALSE(sd->Register(ctx, b, Option{}));
  EXPECT_FALSE(sd->Register(ctx, c));

  auto web = sd->Get(ctx, "web");
  ASSERT_TRUE(web) << web.error();
  ASSERT_EQ(web->size(), 2U);
  EXPECT_EQ(*(*web)[0], *a);
  EXPECT_EQ(*(*web)[1], *b);
  EXPECT_TRUE(sd->Get(ctx, "nothing")->empty());
  EXPECT_TRUE(sd->Get(ctx, "")->empty());

  EXPECT_FALSE(sd->Renew(ctx, a));
  EXPECT_FALSE(sd->Renew(ctx, a));
  EXPECT_EQ(mem->Renewals("a"), 2);

  EXPECT_FALSE(sd->Deregister(ctx, a));
  EXPECT_EQ(sd->Get(ctx, "web")->size(), 1U);
  const Error again = sd->Deregister(ctx, a);
  ASSERT_TRUE(again);
  EXPECT_EQ(again.Message(), "not registered: a");
  EXPECT_TRUE(sd->Renew(ctx, a));
}

TEST(SD, BadArgumentsAndCancellation) {
  const SDPtr sd = std::make_shared<Memory>();
  const context::Context ctx;
  EXPECT_EQ(sd->Register(ctx, nullptr).Code(), errors::Code::InvalidArgument);
  EXPECT_EQ(sd->Deregister(ctx, nullptr).Code(), errors::Code::InvalidArgument);
  EXPECT_EQ(sd->Renew(ctx, nullptr).Code(), errors::Code::InvalidArgument);
  EXPECT_EQ(sd->Register(ctx, std::make_shared<Service>()).Code(), errors::Code::InvalidArgument);

  auto [cctx, cancel] = context::WithCancel(ctx);
  cancel();
  EXPECT_TRUE(errors::Is(sd->Register(cctx, std::make_shared<Service>(Service{"x", "y", "", "", ""})),
                         context::Canceled));
  auto got = sd->Get(cctx, "y");
  ASSERT_FALSE(got);
  EXPECT_TRUE(errors::Is(got.error(), context::Canceled));
}

TEST(SD, ConcurrentRegistrations) {
  const SDPtr sd = std::make_shared<Memory>();
  const context::Context ctx;
  testsupport::RunOnThreads(4, [&](int t) {
    for (int i = 0; i < 50; ++i) {
      auto s = std::make_shared<Service>(
          Service{std::to_string(t) + "-" + std::to_string(i), "svc", "", "tcp", ""});
      EXPECT_FALSE(sd->Register(ctx, s));
      EXPECT_TRUE(sd->Get(ctx, "svc"));
    }
  });
  EXPECT_EQ(sd->Get(ctx, "svc")->size(), 200U);
}

TEST(SD, Mock) {
  auto mock = std::make_shared<MockSD>();
  auto s = std::make_shared<Service>(Service{"i", "n", "", "", ""});
  ::testing::InSequence seq;
  EXPECT_CALL(*mock, Register(::testing::_, s, ::testing::_)).WillOnce(::testing::Return(Error{}));
  EXPECT_CALL(*mock, Renew(::testing::_, s)).WillOnce(::testing::Return(Error{}));
  EXPECT_CALL(*mock, Get(::testing::_, ::testing::Eq("n")))
      .WillOnce(::testing::Return(Result<std::vector<std::shared_ptr<Service>>>(std::vector{s})));
  EXPECT_CALL(*mock, Deregister(::testing::_, s)).WillOnce(::testing::Return(errors::New("gone")));
  const SDPtr sd = mock;
  const context::Context ctx;
  EXPECT_FALSE(sd->Register(ctx, s));
  EXPECT_FALSE(sd->Renew(ctx, s));
  EXPECT_EQ(sd->Get(ctx, "n").value().front(), s);
  EXPECT_EQ(sd->Deregister(ctx, s).Message(), "gone");
}

}  // namespace
}  // namespace gost::core::sd
