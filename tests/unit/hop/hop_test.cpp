// Pins the shape of hop::Hop and its optional NodeList interface, which Go
// finds by type assertion and C++ with dynamic_cast.
#include "gost/core/hop/hop.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/chain/node.hpp"

namespace gost::core::hop {
namespace {

static_assert(core::detail::kIsInterface<Hop>);
static_assert(core::detail::kIsInterface<NodeList>);
static_assert(std::is_same_v<HopPtr, std::shared_ptr<Hop>>);

class ListHop final : public Hop, public NodeList {
 public:
  explicit ListHop(std::vector<chain::NodePtr> nodes) : nodes_(std::move(nodes)) {}
  chain::NodePtr Select(const context::Context& /*ctx*/, Variadic<SelectOption> /*opts*/) override {
    return nodes_.empty() ? nullptr : nodes_.front();
  }
  [[nodiscard]] std::vector<chain::NodePtr> Nodes() const override { return nodes_; }

 private:
  std::vector<chain::NodePtr> nodes_;
};

class OpaqueHop final : public Hop {
 public:
  chain::NodePtr Select(const context::Context& /*ctx*/, Variadic<SelectOption> /*opts*/) override { return nullptr; }
};

TEST(Interfaces, NodeListIsOptional) {
  const auto node = chain::NewNode("n", "n:1");
  HopPtr h = std::make_shared<ListHop>(std::vector<chain::NodePtr>{node});
  auto* list = dynamic_cast<NodeList*>(h.get());
  ASSERT_NE(list, nullptr);
  EXPECT_THAT(list->Nodes(), ::testing::ElementsAre(node));
  EXPECT_EQ(h->Select(context::Background()), node);
  HopPtr opaque = std::make_shared<OpaqueHop>();
  EXPECT_EQ(dynamic_cast<NodeList*>(opaque.get()), nullptr);
  EXPECT_EQ(opaque->Select(context::Background()), nullptr);
}

}  // namespace
}  // namespace gost::core::hop
