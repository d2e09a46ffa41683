// Tests for gost/core/observer/observer.hpp: the event types, the (empty)
// options and the Event and Observer interfaces.
#include "gost/core/observer/observer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/observer.hpp"
#include "support/option_cases.hpp"
#include "support/threads.hpp"

namespace gost::core::observer {
namespace {

static_assert(detail::kIsInterface<Observer>);
static_assert(detail::kIsInterface<Event>);
static_assert(std::is_same_v<EventType, std::string>);

TEST(ObserverEventTypes, HaveUpstreamValues) {
  EXPECT_EQ(EventStatus, "status");
  EXPECT_EQ(EventStats, "stats");
  EXPECT_NE(EventStatus, EventStats);
}

TEST(ObserverOptions, OptionsApplyInOrderAndEmptyOnesAreSkipped) {
  testsupport::ExpectEmptyOptionsRunInOrder<Options, Option>();
}

struct StatusEvent final : Event {
  explicit StatusEvent(std::string s) : state(std::move(s)) {}
  EventType Type() const override { return EventStatus; }
  std::string state;
};

struct StatsEvent final : Event {
  explicit StatsEvent(std::uint64_t b) : bytes(b) {}
  EventType Type() const override { return EventStats; }
  std::uint64_t bytes;
};

// Collects what it is given; fails on request to show the error path.
class Collector final : public Observer {
 public:
  Error Observe(const context::Context& ctx, const std::vector<EventPtr>& events, Variadic<Option> opts) override {
    (void)MakeOptions<Options>(opts);
    if (auto err = ctx.Err()) return err;
    for (const auto& e : events) {
      if (!e) continue;
      if (e->Type() == EventStatus) {
        log_.Add("status:" + dynamic_cast<const StatusEvent&>(*e).state);
      } else if (e->Type() == EventStats) {
        log_.Add("stats:" + std::to_string(dynamic_cast<const StatsEvent&>(*e).bytes));
      } else {
        return errors::New("unknown event type '" + e->Type() + "'");
      }
    }
    return {};
  }
  std::vector<std::string> Log() const { return log_.Entries(); }

 private:
  testsupport::LockedLog log_;
};

struct OddEvent final : Event {
  EventType Type() const override { return "odd"; }
};

TEST(Observer, ReceivesEventsInOrder) {
  auto col = std::make_shared<Collector>();
  const ObserverPtr obs = col;
  const context::Context ctx;
  EXPECT_FALSE(obs->Observe(ctx, {std::make_shared<StatusEvent>("ready"), nullptr, std::make_shared<StatsEvent>(42)}));
  EXPECT_FALSE(obs->Observe(ctx, {}));  // an empty batch is fine
  EXPECT_EQ(col->Log(), (std::vector<std::string>{"status:ready", "stats:42"}));
}

TEST(Observer, ReportsErrors) {
  const ObserverPtr obs = std::make_shared<Collector>();
  const Error bad = obs->Observe(context::Background(), {std::make_shared<OddEvent>()});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad.Message(), "unknown event type 'odd'");

  auto [ctx, cancel] = context::WithCancel(context::Background());
  cancel();
  const Error err = obs->Observe(ctx, {std::make_shared<StatusEvent>("x")});
  EXPECT_TRUE(errors::Is(err, context::Canceled));
}

TEST(Observer, Mocks) {
  auto ev = std::make_shared<MockEvent>();
  EXPECT_CALL(*ev, Type()).WillRepeatedly(::testing::Return(EventStats));
  auto mock = std::make_shared<MockObserver>();
  EXPECT_CALL(*mock, Observe(::testing::_, ::testing::SizeIs(2), ::testing::_))
      .WillOnce([](const context::Context&, const std::vector<EventPtr>& events, Variadic<Option>) {
        for (const auto& e : events) {
          if (e->Type() != EventStats) return errors::New("wrong type");
        }
        return Error{};
      });
  const ObserverPtr obs = mock;
  EXPECT_FALSE(obs->Observe(context::Background(), {ev, ev}));
}

}  // namespace
}  // namespace gost::core::observer
