// gost-core testing kit: GoogleMock mock of hosts::HostMapper.
#pragma once

#include <gmock/gmock.h>

#include <string_view>

#include "gost/core/hosts/hosts.hpp"

namespace gost::core::hosts {

/// Mock of HostMapper. Unconfigured, Lookup finds nothing ({{}, false}).
class MockHostMapper : public HostMapper {
 public:
  MOCK_METHOD(LookupResult, Lookup,
              (const context::Context& ctx, std::string_view network, std::string_view host, Variadic<Option> opts),
              (override));
};

}  // namespace gost::core::hosts
