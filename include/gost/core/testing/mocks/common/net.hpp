// gost-core testing kit: GoogleMock mock of common::net::Dialer.
#pragma once

#include <gmock/gmock.h>

#include <string_view>

#include "gost/core/common/net/dialer.hpp"

namespace gost::core::common::net {

/// Mock of Dialer. Dial returns a move-only Result: configure it with an
/// action that builds the connection on each call, or Return(ByMove(...)).
class MockDialer : public Dialer {
 public:
  MOCK_METHOD(Result<core::net::ConnUniquePtr>, Dial,
              (const context::Context& ctx, std::string_view network, std::string_view addr), (override));
};

}  // namespace gost::core::common::net
