// gost-core testing kit: the selector::Marker conformance suite.
//
// The contract of the marker upstream ships (selector::NewFailMarker): a new
// marker has no failures and the zero time; Mark adds one failure and stamps
// the current time (whole seconds upstream); Reset zeroes the count and
// keeps the time; markers made separately share nothing; and every method
// may run concurrently without losing a Mark.
//
// Use, in one .cpp file of a test program:
//
//   #include <gost/core/testing/conformance/marker.hpp>
//   using gost::core::selector::MarkerConformanceTest;
//   INSTANTIATE_TEST_SUITE_P(Mine, MarkerConformanceTest,
//                            ::testing::Values(gost::core::selector::MarkerFactory{"mine", &NewMyMarker}),
//                            MarkerConformanceTest::ParamName);
//
// Time checks allow a second of slack either way: a marker may read a coarse
// clock (std::time) that lags the precise one the suite compares with.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/go/time.hpp"
#include "gost/core/selector/selector.hpp"
#include "gost/core/testing/detail/suite.hpp"
#include "gost/core/testing/detail/watchdog.hpp"

namespace gost::core::selector {

/// Makes the markers the suite tests.
struct MarkerFactory {
  /// Shown in test output and used by MarkerConformanceTest::ParamName.
  std::string name;
  /// A new marker with no failures.
  std::function<MarkerPtr()> make;
  /// True (as upstream) when Time() has whole-second resolution; the suite
  /// then checks that it does.
  bool whole_seconds = true;
};

inline void PrintTo(const MarkerFactory& f, std::ostream* os) {
  core::detail::testkit::PrintFactory("MarkerFactory", f.name, os);
}

/// The suite; instantiate it with MarkerFactory values.
class MarkerConformanceTest : public core::detail::testkit::FactorySuite<MarkerFactory> {
 protected:
  MarkerPtr Make() const { return MakePointer("MarkerFactory", "marker"); }

  // Checks that `t` was stamped between `before` and `after`, give or take
  // a second, and at whole seconds when the factory says so.
  void ExpectStamped(core::Time t, core::Time before, core::Time after) const {
    using std::chrono::seconds;
    const core::Time low = std::chrono::floor<seconds>(before) - seconds(1);
    const core::Time high = after + seconds(1);
    EXPECT_GE(t.time_since_epoch().count(), low.time_since_epoch().count()) << "Time() is earlier than the Mark";
    EXPECT_LE(t.time_since_epoch().count(), high.time_since_epoch().count()) << "Time() is later than the Mark";
    if (GetParam().whole_seconds) {
      EXPECT_EQ(t.time_since_epoch() % seconds(1), core::Time::duration::zero()) << "Time() is not a whole second";
    }
  }
};

TEST_P(MarkerConformanceTest, NewMarkerIsClean) {
  MarkerPtr m = Make();
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->Count(), 0);
  EXPECT_EQ(m->Time(), core::Time{}) << "a marker that never failed must report the zero Time";
  m->Reset();
  EXPECT_EQ(m->Count(), 0);
  EXPECT_EQ(m->Time(), core::Time{}) << "Reset of a new marker set a time";
}

TEST_P(MarkerConformanceTest, MarkCountsAndStamps) {
  MarkerPtr m = Make();
  ASSERT_NE(m, nullptr);
  const core::Time before = Now();
  m->Mark();
  const core::Time after = Now();
  EXPECT_EQ(m->Count(), 1);
  ExpectStamped(m->Time(), before, after);
  const core::Time first = m->Time();
  m->Mark();
  m->Mark();
  EXPECT_EQ(m->Count(), 3);
  EXPECT_GE(m->Time(), first) << "a later Mark moved the time back";
  ExpectStamped(m->Time(), before, Now());
}

TEST_P(MarkerConformanceTest, ResetKeepsTime) {
  MarkerPtr m = Make();
  ASSERT_NE(m, nullptr);
  m->Mark();
  m->Mark();
  const core::Time stamped = m->Time();
  m->Reset();
  EXPECT_EQ(m->Count(), 0) << "Reset did not clear the count";
  EXPECT_EQ(m->Time(), stamped) << "Reset must keep the time of the last failure";
  m->Mark();
  EXPECT_EQ(m->Count(), 1) << "counting did not restart from zero after Reset";
}

TEST_P(MarkerConformanceTest, MarkersAreIndependent) {
  MarkerPtr a = Make();
  MarkerPtr b = Make();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_NE(a.get(), b.get()) << "the factory returned the same marker twice";
  a->Mark();
  EXPECT_EQ(a->Count(), 1);
  EXPECT_EQ(b->Count(), 0) << "marking one marker counted on another";
  EXPECT_EQ(b->Time(), core::Time{});
}

TEST_P(MarkerConformanceTest, ConcurrentMarksAreAllCounted) {
  MarkerPtr m = Make();
  ASSERT_NE(m, nullptr);
  constexpr int kThreads = 8;
  constexpr int kMarks = 1000;
  const core::Time before = Now();
  core::detail::testkit::Session session(core::detail::testkit::CurrentTestName(), std::chrono::seconds(30), nullptr);
  session.Run([&] {
    std::atomic<bool> done{false};
    auto reader = session.Go([&] {
      std::int64_t last = 0;
      while (!done) {
        const std::int64_t c = m->Count();
        EXPECT_GE(c, last) << "Count() went down without a Reset";
        last = c;
        (void)m->Time();
      }
    });
    std::vector<core::detail::testkit::TaskPtr> markers;
    markers.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      markers.push_back(session.Go([&] {
        for (int i = 0; i < kMarks; ++i) m->Mark();
      }));
    }
    for (auto& t : markers) t->Wait();
    done = true;
    reader->Wait();
  });
  EXPECT_EQ(m->Count(), kThreads * kMarks) << "concurrent Marks were lost";
  ExpectStamped(m->Time(), before, Now());
}

TEST_P(MarkerConformanceTest, ConcurrentResetIsSafe) {
  MarkerPtr m = Make();
  ASSERT_NE(m, nullptr);
  core::detail::testkit::Session session(core::detail::testkit::CurrentTestName(), std::chrono::seconds(30), nullptr);
  session.Run([&] {
    auto marker = session.Go([&] {
      for (int i = 0; i < 2000; ++i) m->Mark();
    });
    auto resetter = session.Go([&] {
      for (int i = 0; i < 200; ++i) m->Reset();
    });
    marker->Wait();
    resetter->Wait();
  });
  EXPECT_GE(m->Count(), 0);
  EXPECT_LE(m->Count(), 2000);
  m->Reset();
  EXPECT_EQ(m->Count(), 0);
  EXPECT_NE(m->Time(), core::Time{}) << "the time of the marks was lost";
}

}  // namespace gost::core::selector
