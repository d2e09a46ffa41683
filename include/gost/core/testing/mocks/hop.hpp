// gost-core testing kit: GoogleMock mocks of hop::Hop and hop::NodeList.
#pragma once

#include <gmock/gmock.h>

#include <vector>

#include "gost/core/hop/hop.hpp"

namespace gost::core::hop {

/// Mock of Hop. Unconfigured, Select returns null (no node available).
class MockHop : public Hop {
 public:
  MOCK_METHOD(chain::NodePtr, Select, (const context::Context& ctx, Variadic<SelectOption> opts), (override));
};

/// Mock of NodeList.
class MockNodeList : public NodeList {
 public:
  MOCK_METHOD(std::vector<chain::NodePtr>, Nodes, (), (const, override));
};

}  // namespace gost::core::hop
