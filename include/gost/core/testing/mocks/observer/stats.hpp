// gost-core testing kit: GoogleMock mock of observer::stats::Stats.
#pragma once

#include <gmock/gmock.h>

#include <cstdint>

#include "gost/core/observer/stats/stats.hpp"

namespace gost::core::observer::stats {

/// Mock of Stats. Unconfigured, every counter reads 0 and nothing is updated.
class MockStats : public Stats {
 public:
  MOCK_METHOD(void, Add, (Kind kind, std::int64_t n), (override));
  MOCK_METHOD(std::uint64_t, Get, (Kind kind), (const, override));
  MOCK_METHOD(bool, IsUpdated, (), (const, override));
  MOCK_METHOD(void, Reset, (), (override));
};

}  // namespace gost::core::observer::stats
