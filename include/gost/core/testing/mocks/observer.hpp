// gost-core testing kit: GoogleMock mocks of observer::Event and
// observer::Observer.
#pragma once

#include <gmock/gmock.h>

#include <vector>

#include "gost/core/observer/observer.hpp"

namespace gost::core::observer {

/// Mock of Event. Unconfigured, Type returns "".
class MockEvent : public Event {
 public:
  MOCK_METHOD(EventType, Type, (), (const, override));
};

/// Mock of the event Observer (not metrics::MockObserver).
class MockObserver : public Observer {
 public:
  MOCK_METHOD(Error, Observe, (const context::Context& ctx, const std::vector<EventPtr>& events, Variadic<Option> opts),
              (override));
};

}  // namespace gost::core::observer
