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
#include "gost/core/testing/mocks/hop.hpp"
#include "reference/hop.hpp"

namespace gost::core::hop {
namespace {

static_assert(core::detail::kIsInterface<Hop>);
static_assert(core::detail::kIsInterface<NodeList>);
static_assert(std::is_same_v<HopPtr, std::shared_ptr<Hop>>);

TEST(Interfaces, NodeListIsOptional) {
  const auto node = chain::NewNode("n", "n:1");
  // The reference set's hop (go-gost/x's) lists its nodes; a bare Hop does not.
  HopPtr h = x::NewHop("h", {node});
  auto* list = dynamic_cast<NodeList*>(h.get());
  ASSERT_NE(list, nullptr);
  EXPECT_THAT(list->Nodes(), ::testing::ElementsAre(node));
  EXPECT_EQ(h->Select(context::Background()), node);
  HopPtr opaque = std::make_shared<::testing::NiceMock<MockHop>>();
  EXPECT_EQ(dynamic_cast<NodeList*>(opaque.get()), nullptr);
}

}  // namespace
}  // namespace gost::core::hop
