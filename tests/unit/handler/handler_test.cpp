// Pins the shape of handler::Handler and its optional Forwarder interface,
// which Go finds by type assertion and C++ with dynamic_cast.
#include "gost/core/handler/handler.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <type_traits>
#include <utility>

#include "gost/core/testing/mocks/hop.hpp"

namespace gost::core::handler {
namespace {

static_assert(core::detail::kIsInterface<Handler>);
static_assert(core::detail::kIsInterface<Forwarder>);
static_assert(std::is_same_v<HandlerPtr, std::shared_ptr<Handler>>);

class PlainHandler : public Handler {
 public:
  Error Init(metadata::MetadataPtr md) override {
    md_ = std::move(md);
    return {};
  }
  Error Handle(const context::Context& /*ctx*/, net::ConnUniquePtr conn, Variadic<HandleOption> opts) override {
    last_md = MakeOptions<HandleOptions>(opts).Metadata;
    return conn ? Error{} : errors::New("no connection");
  }
  metadata::MetadataPtr last_md;

 private:
  metadata::MetadataPtr md_;
};

class ForwardingHandler final : public PlainHandler, public Forwarder {
 public:
  void Forward(hop::HopPtr h) override { target = std::move(h); }
  hop::HopPtr target;
};

TEST(Interfaces, ForwarderIsOptional) {
  const hop::HopPtr h = std::make_shared<hop::MockHop>();
  HandlerPtr fwd = std::make_shared<ForwardingHandler>();
  auto* f = dynamic_cast<Forwarder*>(fwd.get());
  ASSERT_NE(f, nullptr);
  f->Forward(h);
  EXPECT_EQ(dynamic_cast<ForwardingHandler&>(*fwd).target, h);
  f->Forward(nullptr);
  EXPECT_EQ(dynamic_cast<ForwardingHandler&>(*fwd).target, nullptr);

  HandlerPtr plain = std::make_shared<PlainHandler>();
  EXPECT_EQ(dynamic_cast<Forwarder*>(plain.get()), nullptr);
  EXPECT_FALSE(plain->Init(nullptr));
  EXPECT_TRUE(plain->Handle(context::Background(), nullptr));  // bad input reported as an error
}

}  // namespace
}  // namespace gost::core::handler
