// gost-core testing kit: GoogleMock mock of routing::Matcher.
#pragma once

#include <gmock/gmock.h>

#include "gost/core/routing/matcher.hpp"

namespace gost::core::routing {

/// Mock of Matcher. Unconfigured, Match answers false.
class MockMatcher : public Matcher {
 public:
  MOCK_METHOD(bool, Match, (const Request& req), (const, override));
};

}  // namespace gost::core::routing
