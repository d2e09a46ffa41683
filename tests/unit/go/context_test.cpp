// Unit tests for gost/core/go/context.hpp: cancellation, deadlines, values,
// AfterFunc and std::stop_token interop, with Go's context package as the
// reference. Waits use short deadlines and generous upper bounds, so the
// tests finish quickly when things work and fail (not hang) when they do not.
#include "gost/core/go/context.hpp"
#include "gost/core/go/stop_token.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
namespace context = gost::core::context;
namespace errors = gost::core::errors;
using context::Background;
using context::CancelFunc;
using context::Context;
using gost::core::Duration;
using gost::core::Error;
using gost::core::Now;
using gost::core::Time;

// An upper bound for waits that are expected to end early; never reached when
// the code under test works.
constexpr auto kLong = 10s;

// The number of children the parent's cancel state still lists. This peeks at
// the bookkeeping on purpose: leaks of dropped children would not show
// otherwise until the parent itself is cancelled.
std::size_t ChildrenListed(const Context& parent) {
  const auto& node = context::detail::Factory::NodeOf(parent);
  if (!node || node->nearest == nullptr) return 0;
  std::lock_guard lock(node->nearest->mu);
  return node->nearest->children.size();
}

std::size_t CallbacksListed(const Context& ctx) {
  const auto& node = context::detail::Factory::NodeOf(ctx);
  if (!node || node->nearest == nullptr) return 0;
  std::lock_guard lock(node->nearest->mu);
  return node->nearest->callbacks.size();
}

// Counts live instances, to see that dropped contexts free their values.
struct Tracker {
  static std::atomic<int>& Live() {
    static std::atomic<int> n{0};
    return n;
  }
  Tracker() { ++Live(); }
  Tracker(const Tracker&) { ++Live(); }
  Tracker(Tracker&&) noexcept { ++Live(); }
  Tracker& operator=(const Tracker&) = default;
  Tracker& operator=(Tracker&&) = default;
  ~Tracker() { --Live(); }
};

// ---------------------------------------------------------------------------
// Background

TEST(BackgroundTest, NeverDone) {
  const Context bg = Background();
  EXPECT_FALSE(bg.Err());
  EXPECT_FALSE(bg.Done());
  EXPECT_FALSE(bg.Deadline().has_value());
  EXPECT_FALSE(bg.WaitFor(10ms));
  EXPECT_FALSE(bg.WaitUntil(Now() + 5ms));
  EXPECT_FALSE(bg.WaitFor(Duration::zero()));
  EXPECT_FALSE(bg.WaitFor(-5s));
}

TEST(BackgroundTest, DefaultAndTodoAreBackground) {
  EXPECT_EQ(Context(), Background());
  EXPECT_EQ(context::TODO(), Background());
  EXPECT_FALSE(context::TODO().Err());
}

TEST(BackgroundTest, WaitForHonoursTheTimeout) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(Background().WaitFor(20ms));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 19ms);
}

// ---------------------------------------------------------------------------
// WithCancel

TEST(WithCancelTest, CancelSetsCanceled) {
  auto [ctx, cancel] = context::WithCancel(Background());
  EXPECT_TRUE(cancel);
  EXPECT_FALSE(ctx.Err());
  EXPECT_FALSE(ctx.Done());
  EXPECT_FALSE(ctx.Deadline().has_value());
  EXPECT_FALSE(ctx.WaitFor(1ms));
  cancel();
  EXPECT_EQ(ctx.Err(), context::Canceled);
  EXPECT_TRUE(errors::Is(ctx.Err(), context::Canceled));
  EXPECT_FALSE(errors::Is(ctx.Err(), context::DeadlineExceeded));
  EXPECT_FALSE(ctx.Err().Timeout());
  EXPECT_TRUE(ctx.Done());
  EXPECT_TRUE(ctx.WaitFor(Duration::zero()));
  EXPECT_TRUE(ctx.WaitUntil(Time{}));
  ctx.Wait();  // returns at once
}

TEST(WithCancelTest, CancelTwiceIsHarmless) {
  auto [ctx, cancel] = context::WithCancel(Background());
  cancel();
  cancel();
  EXPECT_EQ(ctx.Err(), context::Canceled);
}

TEST(WithCancelTest, EmptyCancelFuncDoesNothing) {
  const CancelFunc empty;
  EXPECT_FALSE(empty);
  empty();  // no crash
}

TEST(WithCancelTest, CopiesShareState) {
  auto [ctx, cancel] = context::WithCancel(Background());
  const Context copy = ctx;  // NOLINT(performance-unnecessary-copy-initialization)
  const CancelFunc cancel_copy = cancel;
  EXPECT_EQ(copy, ctx);
  EXPECT_NE(copy, Background());
  cancel_copy();
  EXPECT_EQ(copy.Err(), context::Canceled);
  EXPECT_EQ(ctx.Err(), context::Canceled);
}

TEST(WithCancelTest, DistinctContextsAreNotEqual) {
  auto a = context::WithCancel(Background());
  auto b = context::WithCancel(Background());
  EXPECT_NE(a.ctx, b.ctx);
}

TEST(WithCancelTest, ParentCancelReachesAllDescendants) {
  static const context::Key<int> key;
  auto [parent, cancel_parent] = context::WithCancel(Background());
  auto [child, cancel_child] = context::WithCancel(parent);
  const Context value_mid = context::WithValue(child, key, 1);
  auto [grandchild, cancel_grandchild] = context::WithCancel(value_mid);
  const Context value_leaf = context::WithValue(grandchild, key, 2);
  auto [sibling, cancel_sibling] = context::WithCancel(parent);

  for (const Context* c :
       std::initializer_list<const Context*>{&parent, &child, &value_mid, &grandchild, &value_leaf, &sibling}) {
    EXPECT_FALSE(c->Err());
  }
  cancel_parent();
  // All at once, on this thread: no waiting needed.
  for (const Context* c :
       std::initializer_list<const Context*>{&parent, &child, &value_mid, &grandchild, &value_leaf, &sibling}) {
    EXPECT_EQ(c->Err(), context::Canceled);
    EXPECT_TRUE(c->Done());
  }
}

TEST(WithCancelTest, ChildCancelDoesNotTouchParentOrSiblings) {
  auto [parent, cancel_parent] = context::WithCancel(Background());
  auto [child, cancel_child] = context::WithCancel(parent);
  auto [sibling, cancel_sibling] = context::WithCancel(parent);
  auto [grandchild, cancel_grandchild] = context::WithCancel(child);
  cancel_child();
  EXPECT_EQ(child.Err(), context::Canceled);
  EXPECT_EQ(grandchild.Err(), context::Canceled);
  EXPECT_FALSE(parent.Err());
  EXPECT_FALSE(sibling.Err());
  cancel_parent();
  EXPECT_EQ(sibling.Err(), context::Canceled);
}

TEST(WithCancelTest, BornCancelledFromCancelledParent) {
  auto [parent, cancel_parent] = context::WithCancel(Background());
  cancel_parent();
  auto [child, cancel_child] = context::WithCancel(parent);
  EXPECT_EQ(child.Err(), context::Canceled);
  EXPECT_TRUE(child.WaitFor(Duration::zero()));
  static const context::Key<int> key;
  auto [grandchild, c3] = context::WithCancel(context::WithValue(parent, key, 1));
  EXPECT_EQ(grandchild.Err(), context::Canceled);
  auto [timed, c4] = context::WithTimeout(parent, 1h);
  EXPECT_EQ(timed.Err(), context::Canceled);
}

TEST(WithCancelTest, ConcurrentCancelIsSafe) {
  for (int round = 0; round < 20; ++round) {
    auto [ctx, cancel] = context::WithCancel(Background());
    auto [child, cancel_child] = context::WithCancel(ctx);
    std::atomic<int> ran{0};
    auto handle = context::AfterFunc(ctx, [&] { ++ran; });
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([cancel = cancel, cancel_child = cancel_child, t] {
        if (t % 2 == 0) cancel_child();
        cancel();
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(ctx.Err(), context::Canceled);
    EXPECT_EQ(child.Err(), context::Canceled);
    EXPECT_EQ(ran.load(), 1);
  }
}

TEST(WithCancelTest, ObserversSeeCancellationAtomically) {
  // As in Go, where cancel() holds the context's lock while it cancels the
  // children: whoever sees the parent done (through Err, Done, Wait or a
  // second cancel() returning) also sees every descendant done.
  for (int round = 0; round < 10; ++round) {
    auto [parent, cancel] = context::WithCancel(Background());
    std::vector<Context> kids;
    std::vector<CancelFunc> kid_cancels;
    for (int i = 0; i < 2000; ++i) {
      auto r = context::WithCancel(parent);
      kids.push_back(r.ctx);
      kid_cancels.push_back(r.cancel);
    }
    std::atomic<bool> go{false};
    std::atomic<int> missed_after_err{0};
    std::atomic<int> missed_after_wait{0};
    std::atomic<int> missed_after_cancel{0};
    std::thread by_err([&, p = parent] {
      while (!go) std::this_thread::yield();
      while (!p.Err()) std::this_thread::yield();
      // The last child is the last one cancelled: look at it first.
      for (auto k = kids.rbegin(); k != kids.rend(); ++k) {
        if (!k->Err()) ++missed_after_err;
      }
    });
    std::thread by_wait([&, p = parent] {
      while (!go) std::this_thread::yield();
      if (!p.WaitFor(kLong)) return;
      // The last child is the last one cancelled: look at it first.
      for (auto k = kids.rbegin(); k != kids.rend(); ++k) {
        if (!k->Err()) ++missed_after_wait;
      }
    });
    std::thread by_cancel([&, c = cancel] {
      while (!go) std::this_thread::yield();
      c();
      // The last child is the last one cancelled: look at it first.
      for (auto k = kids.rbegin(); k != kids.rend(); ++k) {
        if (!k->Err()) ++missed_after_cancel;
      }
    });
    go = true;
    cancel();
    by_err.join();
    by_wait.join();
    by_cancel.join();
    EXPECT_EQ(missed_after_err.load(), 0) << "round " << round;
    EXPECT_EQ(missed_after_wait.load(), 0) << "round " << round;
    EXPECT_EQ(missed_after_cancel.load(), 0) << "round " << round;
  }
}

TEST(WithCancelTest, DeepChainCancels) {
  auto [root, cancel] = context::WithCancel(Background());
  std::vector<Context> chain{root};
  std::vector<CancelFunc> cancels;
  for (int i = 0; i < 500; ++i) {
    auto r = context::WithCancel(chain.back());
    chain.push_back(r.ctx);
    cancels.push_back(r.cancel);
  }
  cancel();
  for (const auto& c : chain) EXPECT_EQ(c.Err(), context::Canceled);
}

// ---------------------------------------------------------------------------
// WithTimeout / WithDeadline

TEST(DeadlineTest, TimeoutExpires) {
  auto [ctx, cancel] = context::WithTimeout(Background(), 20ms);
  ASSERT_TRUE(ctx.Deadline().has_value());
  EXPECT_FALSE(ctx.Err());
  EXPECT_TRUE(ctx.WaitFor(kLong));
  EXPECT_GE(Now(), *ctx.Deadline());
  EXPECT_EQ(ctx.Err(), context::DeadlineExceeded);
  EXPECT_TRUE(ctx.Err().Timeout());
  EXPECT_TRUE(ctx.Done());
  EXPECT_TRUE(errors::Is(ctx.Err(), context::DeadlineExceeded));
  EXPECT_FALSE(errors::Is(ctx.Err(), context::Canceled));
  cancel();
}

TEST(DeadlineTest, WaitWakesAtTheDeadline) {
  auto [ctx, cancel] = context::WithTimeout(Background(), 20ms);
  ctx.Wait();
  EXPECT_EQ(ctx.Err(), context::DeadlineExceeded);
}

TEST(DeadlineTest, DeadlineInThePastIsBornExpired) {
  auto [ctx, cancel] = context::WithDeadline(Background(), Now() - 1s);
  EXPECT_EQ(ctx.Err(), context::DeadlineExceeded);
  EXPECT_TRUE(ctx.WaitFor(Duration::zero()));
  auto [zero, cancel_zero] = context::WithTimeout(Background(), Duration::zero());
  EXPECT_EQ(zero.Err(), context::DeadlineExceeded);
  auto [neg, cancel_neg] = context::WithTimeout(Background(), -1s);
  EXPECT_EQ(neg.Err(), context::DeadlineExceeded);
}

TEST(DeadlineTest, ExtremeTimeoutsDoNotOverflow) {
  // Go's WithTimeout(ctx, math.MinInt64) is simply expired; the huge one never
  // expires. Neither may overflow the clock arithmetic (UBSan checks this).
  auto [min_ctx, c1] = context::WithTimeout(Background(), Duration::min());
  EXPECT_EQ(min_ctx.Err(), context::DeadlineExceeded);
  auto [max_ctx, c2] = context::WithTimeout(Background(), Duration::max());
  ASSERT_TRUE(max_ctx.Deadline().has_value());
  EXPECT_GT(*max_ctx.Deadline(), Now() + std::chrono::hours(24 * 365 * 100));
  EXPECT_FALSE(max_ctx.Err());
  EXPECT_FALSE(max_ctx.WaitFor(1ms));
  EXPECT_FALSE(max_ctx.WaitFor(Duration::min()));
  auto [live, c3] = context::WithCancel(Background());
  EXPECT_FALSE(live.WaitFor(Duration::min()));
  EXPECT_FALSE(Background().WaitFor(Duration::min()));
}

TEST(DeadlineTest, ChildDeadlineIsTheEarlier) {
  const Time now = Now();
  auto [parent, cp] = context::WithDeadline(Background(), now + 1h);
  auto [earlier, c1] = context::WithDeadline(parent, now + 1min);
  auto [later, c2] = context::WithDeadline(parent, now + 2h);
  auto [timeout_later, c3] = context::WithTimeout(parent, 3h);
  auto [plain, c4] = context::WithCancel(parent);
  static const context::Key<int> key;
  const Context valued = context::WithValue(parent, key, 1);
  EXPECT_EQ(parent.Deadline(), now + 1h);
  EXPECT_EQ(earlier.Deadline(), now + 1min);
  EXPECT_EQ(later.Deadline(), now + 1h);
  EXPECT_EQ(timeout_later.Deadline(), now + 1h);
  EXPECT_EQ(plain.Deadline(), now + 1h);
  EXPECT_EQ(valued.Deadline(), now + 1h);
}

TEST(DeadlineTest, ParentDeadlineReachesChildren) {
  auto [parent, cp] = context::WithTimeout(Background(), 20ms);
  auto [child, cc] = context::WithCancel(parent);
  auto [later, cl] = context::WithTimeout(parent, 1h);
  static const context::Key<int> key;
  const Context valued = context::WithValue(later, key, 1);
  EXPECT_TRUE(valued.WaitFor(kLong));
  EXPECT_EQ(child.Err(), context::DeadlineExceeded);
  EXPECT_EQ(later.Err(), context::DeadlineExceeded);
  EXPECT_EQ(valued.Err(), context::DeadlineExceeded);
}

TEST(DeadlineTest, ChildDeadlineDoesNotTouchParent) {
  auto [parent, cp] = context::WithCancel(Background());
  auto [child, cc] = context::WithTimeout(parent, 5ms);
  EXPECT_TRUE(child.WaitFor(kLong));
  EXPECT_EQ(child.Err(), context::DeadlineExceeded);
  EXPECT_FALSE(parent.Err());
  EXPECT_FALSE(parent.Deadline().has_value());
}

TEST(DeadlineTest, CancelBeforeDeadlineGivesCanceledForGood) {
  auto [ctx, cancel] = context::WithTimeout(Background(), 20ms);
  cancel();
  EXPECT_EQ(ctx.Err(), context::Canceled);
  std::this_thread::sleep_until(*ctx.Deadline() + 5ms);
  // Err never changes once set.
  EXPECT_EQ(ctx.Err(), context::Canceled);
}

TEST(DeadlineTest, CancelAfterDeadlineKeepsDeadlineExceeded) {
  // In Go the deadline cancels the context first; a later cancel() does not
  // change Err(). The same holds for a parent's cancel reaching it.
  auto [parent, cancel_parent] = context::WithCancel(Background());
  auto [ctx, cancel] = context::WithTimeout(parent, 5ms);
  auto [sub, cancel_sub] = context::WithTimeout(parent, 5ms);
  ASSERT_TRUE(ctx.WaitFor(kLong));
  ASSERT_TRUE(sub.WaitFor(kLong));
  EXPECT_EQ(ctx.Err(), context::DeadlineExceeded);
  cancel();
  EXPECT_EQ(ctx.Err(), context::DeadlineExceeded);
  cancel_parent();
  EXPECT_EQ(parent.Err(), context::Canceled);
  EXPECT_EQ(sub.Err(), context::DeadlineExceeded);
}

TEST(DeadlineTest, ChildOfExpiredParentIsBornExpired) {
  auto [parent, cp] = context::WithTimeout(Background(), Duration::zero());
  auto [child, cc] = context::WithCancel(parent);
  EXPECT_EQ(child.Err(), context::DeadlineExceeded);
  cc();
  EXPECT_EQ(child.Err(), context::DeadlineExceeded);
}

// ---------------------------------------------------------------------------
// Wait / WaitFor / WaitUntil

TEST(WaitTest, WaitWakesOnCancelFromAnotherThread) {
  auto [ctx, cancel] = context::WithCancel(Background());
  std::thread canceller([cancel = cancel] {
    std::this_thread::sleep_for(10ms);
    cancel();
  });
  ctx.Wait();
  EXPECT_EQ(ctx.Err(), context::Canceled);
  canceller.join();
}

TEST(WaitTest, WaitForWakesOnCancel) {
  auto [ctx, cancel] = context::WithCancel(Background());
  std::thread canceller([cancel = cancel] {
    std::this_thread::sleep_for(10ms);
    cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(ctx.WaitFor(kLong));
  EXPECT_LT(std::chrono::steady_clock::now() - start, kLong);
  canceller.join();
}

TEST(WaitTest, WaitUntilWakesOnParentCancel) {
  auto [parent, cancel] = context::WithCancel(Background());
  auto [child, cc] = context::WithCancel(parent);
  static const context::Key<int> key;
  const Context valued = context::WithValue(child, key, 3);
  std::thread canceller([cancel = cancel] {
    std::this_thread::sleep_for(10ms);
    cancel();
  });
  EXPECT_TRUE(valued.WaitUntil(Now() + kLong));
  EXPECT_EQ(valued.Err(), context::Canceled);
  canceller.join();
}

TEST(WaitTest, ManyWaitersAllWake) {
  auto [ctx, cancel] = context::WithCancel(Background());
  std::atomic<int> woke{0};
  std::vector<std::thread> waiters;
  for (int i = 0; i < 4; ++i) {
    waiters.emplace_back([&, c = ctx] {
      if (c.WaitFor(kLong)) ++woke;
    });
  }
  std::this_thread::sleep_for(5ms);
  cancel();
  for (auto& w : waiters) w.join();
  EXPECT_EQ(woke.load(), 4);
}

TEST(WaitTest, ReturnsFalseOnTimeout) {
  auto [ctx, cancel] = context::WithCancel(Background());
  EXPECT_FALSE(ctx.WaitFor(15ms));
  EXPECT_FALSE(ctx.WaitUntil(Now() + 5ms));
  EXPECT_FALSE(ctx.WaitUntil(Now() - 1s));
  EXPECT_FALSE(ctx.WaitFor(-1s));
  EXPECT_FALSE(ctx.Err());
}

TEST(WaitTest, TimeoutShorterThanDeadlineReturnsFalse) {
  auto [ctx, cancel] = context::WithTimeout(Background(), 1h);
  EXPECT_FALSE(ctx.WaitFor(10ms));
  EXPECT_FALSE(ctx.Err());
}

// ---------------------------------------------------------------------------
// Values

TEST(ValueTest, LookupThroughLayers) {
  static const context::Key<std::string> request_id;
  static const context::Key<int> attempt;
  const Context a = context::WithValue(Background(), request_id, std::string("req-1"));
  auto [b, cancel] = context::WithCancel(a);
  const Context c = context::WithValue(b, attempt, 3);
  auto [d, cancel_d] = context::WithTimeout(c, 1h);

  ASSERT_NE(d.Value(request_id), nullptr);
  EXPECT_EQ(*d.Value(request_id), "req-1");
  ASSERT_NE(d.Value(attempt), nullptr);
  EXPECT_EQ(*d.Value(attempt), 3);
  EXPECT_EQ(a.Value(attempt), nullptr);  // not visible upwards
  EXPECT_EQ(b.Value(attempt), nullptr);
  EXPECT_EQ(Background().Value(request_id), nullptr);
  // Values stay readable after cancellation.
  cancel();
  ASSERT_NE(d.Value(request_id), nullptr);
  EXPECT_EQ(*d.Value(request_id), "req-1");
}

TEST(ValueTest, NearerLayerShadows) {
  static const context::Key<int> key;
  const Context outer = context::WithValue(Background(), key, 1);
  const Context inner = context::WithValue(outer, key, 2);
  ASSERT_NE(inner.Value(key), nullptr);
  EXPECT_EQ(*inner.Value(key), 2);
  EXPECT_EQ(*outer.Value(key), 1);
}

TEST(ValueTest, DistinctKeyObjectsAreDistinctKeys) {
  static const context::Key<int> k1;
  static const context::Key<int> k2;
  const Context ctx = context::WithValue(Background(), k1, 10);
  ASSERT_NE(ctx.Value(k1), nullptr);
  EXPECT_EQ(*ctx.Value(k1), 10);
  EXPECT_EQ(ctx.Value(k2), nullptr);
  const Context both = context::WithValue(ctx, k2, 20);
  EXPECT_EQ(*both.Value(k1), 10);
  EXPECT_EQ(*both.Value(k2), 20);
}

TEST(ValueTest, ValueIsNotCancellable) {
  static const context::Key<int> key;
  const Context ctx = context::WithValue(Background(), key, 1);
  EXPECT_FALSE(ctx.Err());
  EXPECT_FALSE(ctx.Deadline().has_value());
  EXPECT_FALSE(ctx.WaitFor(1ms));
  EXPECT_NE(ctx, Background());
}

TEST(ValueTest, PointerStaysValidWhileAHandleLives) {
  static const context::Key<std::string> key;
  const std::string* p = nullptr;
  Context keep;
  {
    const Context ctx = context::WithValue(Background(), key, std::string(100, 'x'));
    keep = ctx;
    p = ctx.Value(key);
  }
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, std::string(100, 'x'));
  EXPECT_EQ(keep.Value(key), p);
}

TEST(ValueTest, MoveOnlyAndSharedValues) {
  static const context::Key<std::shared_ptr<int>> key;
  auto shared = std::make_shared<int>(5);
  const Context ctx = context::WithValue(Background(), key, shared);
  ASSERT_NE(ctx.Value(key), nullptr);
  EXPECT_EQ(ctx.Value(key)->get(), shared.get());
  EXPECT_EQ(shared.use_count(), 2);
}

// ---------------------------------------------------------------------------
// AfterFunc

TEST(AfterFuncTest, RunsOnCancelExactlyOnce) {
  auto [ctx, cancel] = context::WithCancel(Background());
  std::atomic<int> ran{0};
  std::thread::id ran_on;
  auto h = context::AfterFunc(ctx, [&] {
    ++ran;
    ran_on = std::this_thread::get_id();
  });
  EXPECT_EQ(ran.load(), 0);
  cancel();
  EXPECT_EQ(ran.load(), 1);
  EXPECT_EQ(ran_on, std::this_thread::get_id());  // on the cancelling thread
  cancel();
  EXPECT_EQ(ran.load(), 1);
  EXPECT_FALSE(h.Stop());
}

TEST(AfterFuncTest, RunsImmediatelyWhenAlreadyCancelled) {
  auto [ctx, cancel] = context::WithCancel(Background());
  cancel();
  int ran = 0;
  auto h = context::AfterFunc(ctx, [&] { ++ran; });
  EXPECT_EQ(ran, 1);
  EXPECT_FALSE(h.Stop());
}

TEST(AfterFuncTest, StopBeforeCancelPreventsIt) {
  auto [ctx, cancel] = context::WithCancel(Background());
  int ran = 0;
  auto h = context::AfterFunc(ctx, [&] { ++ran; });
  EXPECT_TRUE(h.Stop());
  EXPECT_FALSE(h.Stop());  // only the first Stop stops it
  cancel();
  EXPECT_EQ(ran, 0);
}

TEST(AfterFuncTest, StopAfterRunReturnsFalse) {
  auto [ctx, cancel] = context::WithCancel(Background());
  int ran = 0;
  auto h = context::AfterFunc(ctx, [&] { ++ran; });
  cancel();
  EXPECT_EQ(ran, 1);
  EXPECT_FALSE(h.Stop());
}

TEST(AfterFuncTest, NeverRunsForBackground) {
  int ran = 0;
  auto h = context::AfterFunc(Background(), [&] { ++ran; });
  EXPECT_FALSE(h.Stop());
  static const context::Key<int> key;
  auto h2 = context::AfterFunc(context::WithValue(Background(), key, 1), [&] { ++ran; });
  EXPECT_FALSE(h2.Stop());
  EXPECT_EQ(ran, 0);
  context::AfterFuncHandle empty;
  EXPECT_FALSE(empty.Stop());
}

TEST(AfterFuncTest, RunsWhenAParentIsCancelled) {
  static const context::Key<int> key;
  auto [parent, cancel] = context::WithCancel(Background());
  auto [child, cc] = context::WithCancel(parent);
  const Context valued = context::WithValue(child, key, 1);
  std::vector<int> order;
  auto h1 = context::AfterFunc(valued, [&] { order.push_back(1); });
  auto h2 = context::AfterFunc(child, [&] { order.push_back(2); });
  auto h3 = context::AfterFunc(parent, [&] { order.push_back(3); });
  cancel();
  EXPECT_THAT(order, ::testing::UnorderedElementsAre(1, 2, 3));
}

TEST(AfterFuncTest, RunsEvenIfTheContextHandleIsGone) {
  auto [parent, cancel] = context::WithCancel(Background());
  int ran = 0;
  context::AfterFuncHandle h;
  {
    auto [child, cc] = context::WithCancel(parent);
    h = context::AfterFunc(child, [&] { ++ran; });
  }
  cancel();
  EXPECT_EQ(ran, 1);
}

TEST(AfterFuncTest, DeadlineAloneDoesNotRunIt) {
  // Documented difference from Go: callbacks run on cancellation only.
  auto [ctx, cancel] = context::WithTimeout(Background(), 1ms);
  int ran = 0;
  auto h = context::AfterFunc(ctx, [&] { ++ran; });
  ASSERT_TRUE(ctx.WaitFor(kLong));
  EXPECT_EQ(ran, 0);
  cancel();
  EXPECT_EQ(ran, 1);
}

TEST(AfterFuncTest, CallbackMayUseTheContextMachinery) {
  auto [ctx, cancel] = context::WithCancel(Background());
  auto [other, cancel_other] = context::WithCancel(Background());
  context::AfterFuncHandle self;
  bool stop_result = true;
  Error seen;
  self = context::AfterFunc(ctx, [&, cancel_other = cancel_other, ctx_copy = ctx] {
    stop_result = self.Stop();  // already running: false, and no deadlock
    seen = ctx_copy.Err();      // the context reads as cancelled already
    cancel_other();
  });
  cancel();
  EXPECT_FALSE(stop_result);
  EXPECT_EQ(seen, context::Canceled);
  EXPECT_EQ(other.Err(), context::Canceled);
}

TEST(AfterFuncTest, CallbacksRunAfterTheWholeTreeIsCancelled) {
  // When a callback runs, every context of the cancelled subtree already
  // reads as cancelled, and re-entering cancel() or deriving new contexts
  // from inside a callback neither deadlocks nor misbehaves.
  auto [parent, cancel_parent] = context::WithCancel(Background());
  auto [a, cancel_a] = context::WithCancel(parent);
  auto [b, cancel_b] = context::WithCancel(parent);
  auto [a1, cancel_a1] = context::WithCancel(a);
  int seen_live = 0;
  Error born_err;
  auto check = [&, p = parent, a_ = a, b_ = b, a1_ = a1, cp = cancel_parent] {
    for (const Context* c : {&p, &a_, &b_, &a1_}) {
      if (!c->Err()) ++seen_live;
    }
    cp();  // re-entrant: returns at once
    auto [born, cb] = context::WithCancel(a1_);
    born_err = born.Err();
  };
  auto h1 = context::AfterFunc(a1, check);
  auto h2 = context::AfterFunc(parent, check);
  cancel_parent();
  EXPECT_EQ(seen_live, 0);
  EXPECT_EQ(born_err, context::Canceled);
}

TEST(AfterFuncTest, ChildCallbackMayCancelItsParent) {
  auto [parent, cancel_parent] = context::WithCancel(Background());
  auto [child, cancel_child] = context::WithCancel(parent);
  auto [sibling, cancel_sibling] = context::WithCancel(parent);
  auto h = context::AfterFunc(child, [cp = cancel_parent] { cp(); });
  cancel_child();
  EXPECT_EQ(parent.Err(), context::Canceled);
  EXPECT_EQ(sibling.Err(), context::Canceled);
  EXPECT_EQ(ChildrenListed(parent), 0U);
}

TEST(AfterFuncTest, StoppedCallbacksLeaveNoBookkeeping) {
  auto [ctx, cancel] = context::WithCancel(Background());
  for (int i = 0; i < 100; ++i) {
    auto h = context::AfterFunc(ctx, [] {});
    EXPECT_TRUE(h.Stop());
  }
  EXPECT_EQ(CallbacksListed(ctx), 0U);
}

TEST(AfterFuncTest, StopRacingCancelRunsAtMostOnce) {
  for (int round = 0; round < 50; ++round) {
    auto [ctx, cancel] = context::WithCancel(Background());
    std::atomic<int> ran{0};
    auto h = context::AfterFunc(ctx, [&] { ++ran; });
    std::atomic<bool> stopped{false};
    std::thread stopper([&] { stopped = h.Stop(); });
    cancel();
    stopper.join();
    EXPECT_EQ(ran.load() + (stopped ? 1 : 0), 1) << "round " << round;
  }
}

// ---------------------------------------------------------------------------
// WithStopToken

TEST(StopTokenTest, RequestStopCancels) {
  std::stop_source src;
  auto [ctx, cancel] = context::WithStopToken(Background(), src.get_token());
  EXPECT_FALSE(ctx.Err());
  int ran = 0;
  auto h = context::AfterFunc(ctx, [&] { ++ran; });
  EXPECT_TRUE(src.request_stop());
  EXPECT_EQ(ctx.Err(), context::Canceled);
  EXPECT_EQ(ran, 1);
}

TEST(StopTokenTest, AlreadyStoppedTokenGivesCancelledContext) {
  std::stop_source src;
  src.request_stop();
  auto [ctx, cancel] = context::WithStopToken(Background(), src.get_token());
  EXPECT_EQ(ctx.Err(), context::Canceled);
}

TEST(StopTokenTest, ParentAndCancelFuncStillWork) {
  std::stop_source src;
  auto [parent, cancel_parent] = context::WithCancel(Background());
  auto [ctx, cancel] = context::WithStopToken(parent, src.get_token());
  cancel_parent();
  EXPECT_EQ(ctx.Err(), context::Canceled);
  src.request_stop();  // harmless afterwards

  std::stop_source src2;
  auto [ctx2, cancel2] = context::WithStopToken(Background(), src2.get_token());
  cancel2();
  EXPECT_EQ(ctx2.Err(), context::Canceled);
  EXPECT_FALSE(src2.stop_requested());  // the context does not stop the source
}

TEST(StopTokenTest, TokenWithoutStateActsLikeWithCancel) {
  auto [ctx, cancel] = context::WithStopToken(Background(), std::stop_token());
  EXPECT_FALSE(ctx.Err());
  cancel();
  EXPECT_EQ(ctx.Err(), context::Canceled);
}

TEST(StopTokenTest, StopAfterContextDroppedIsHarmless) {
  std::stop_source src;
  { auto [ctx, cancel] = context::WithStopToken(Background(), src.get_token()); }
  EXPECT_TRUE(src.request_stop());
}

TEST(StopTokenTest, JthreadTokenWorks) {
  std::atomic<bool> started{false};
  Error seen;
  {
    std::jthread worker([&](std::stop_token st) {
      auto [ctx, cancel] = context::WithStopToken(Background(), st);
      started = true;
      if (ctx.WaitFor(kLong)) seen = ctx.Err();
    });
    while (!started) std::this_thread::yield();
    worker.request_stop();
  }  // joins
  EXPECT_EQ(seen, context::Canceled);
}

TEST(StopTokenTest, StopFromAnotherThreadWakesWaiter) {
  std::stop_source src;
  auto [ctx, cancel] = context::WithStopToken(Background(), src.get_token());
  std::thread t([&src] {
    std::this_thread::sleep_for(5ms);
    src.request_stop();
  });
  EXPECT_TRUE(ctx.WaitFor(kLong));
  t.join();
}

// ---------------------------------------------------------------------------
// Memory and bookkeeping

TEST(BookkeepingTest, DroppedChildrenLeaveNoEntries) {
  auto [parent, cancel] = context::WithCancel(Background());
  for (int i = 0; i < 10000; ++i) {
    auto [child, cc] = context::WithCancel(parent);
    (void)child;
  }
  EXPECT_EQ(ChildrenListed(parent), 0U);
  for (int i = 0; i < 1000; ++i) {
    auto r = context::WithTimeout(parent, 1h);
  }
  EXPECT_EQ(ChildrenListed(parent), 0U);
  cancel();
}

TEST(BookkeepingTest, CancelledChildrenLeaveNoEntries) {
  auto [parent, cancel] = context::WithCancel(Background());
  std::vector<Context> kept;
  for (int i = 0; i < 100; ++i) {
    auto [child, cc] = context::WithCancel(parent);
    cc();
    kept.push_back(child);
  }
  EXPECT_EQ(ChildrenListed(parent), 0U);
  for (const auto& c : kept) EXPECT_EQ(c.Err(), context::Canceled);
}

TEST(BookkeepingTest, ChildrenThroughValueLayersAreListedOnce) {
  static const context::Key<int> key;
  auto [parent, cancel] = context::WithCancel(Background());
  const Context valued = context::WithValue(parent, key, 1);
  {
    auto a = context::WithCancel(valued);
    auto b = context::WithCancel(valued);
    EXPECT_EQ(ChildrenListed(parent), 2U);
  }
  EXPECT_EQ(ChildrenListed(parent), 0U);
}

TEST(BookkeepingTest, DroppedContextsFreeTheirValues) {
  static const context::Key<Tracker> key;
  const int before = Tracker::Live().load();
  auto [parent, cancel] = context::WithCancel(Background());
  for (int i = 0; i < 1000; ++i) {
    auto [child, cc] = context::WithCancel(parent);
    const Context v = context::WithValue(child, key, Tracker());
    auto [grandchild, gc] = context::WithCancel(v);
    (void)grandchild;
  }
  EXPECT_EQ(Tracker::Live().load(), before);
  EXPECT_EQ(ChildrenListed(parent), 0U);
}

TEST(BookkeepingTest, ParentOutlivedByChildStaysUsable) {
  // The child keeps its ancestors alive: cancelling through a parent's
  // CancelFunc copy after the parent Context handle is gone still works.
  CancelFunc cancel_parent;
  Context child;
  CancelFunc cancel_child;
  {
    auto p = context::WithCancel(Background());
    cancel_parent = p.cancel;
    auto c = context::WithCancel(p.ctx);
    child = c.ctx;
    cancel_child = c.cancel;
  }
  cancel_parent();
  EXPECT_EQ(child.Err(), context::Canceled);
}

// ---------------------------------------------------------------------------
// Stress

TEST(StressTest, ChildrenCreatedWhileParentIsCancelled) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 300;
  auto [parent, cancel] = context::WithCancel(Background());
  std::vector<std::vector<Context>> made(kThreads);
  std::atomic<int> created{0};
  std::vector<std::thread> makers;
  makers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    makers.emplace_back([&, t, p = parent] {
      static const context::Key<int> key;
      auto& mine = made[static_cast<std::size_t>(t)];
      mine.reserve(kPerThread * 2);
      for (int i = 0; i < kPerThread; ++i) {
        auto [child, cc] = context::WithCancel(p);
        mine.push_back(child);
        mine.push_back(context::WithCancel(context::WithValue(child, key, i)).ctx);
        ++created;
      }
    });
  }
  while (created.load() < kThreads * kPerThread / 4) std::this_thread::yield();
  cancel();
  for (auto& m : makers) m.join();
  std::size_t total = 0;
  for (const auto& list : made) {
    for (const auto& c : list) {
      ++total;
      EXPECT_EQ(c.Err(), context::Canceled);
    }
  }
  EXPECT_EQ(total, static_cast<std::size_t>(kThreads * kPerThread * 2));
  EXPECT_EQ(ChildrenListed(parent), 0U);
}

TEST(StressTest, ConcurrentCreateDropAndCancel) {
  for (int round = 0; round < 5; ++round) {
    auto [parent, cancel] = context::WithCancel(Background());
    std::atomic<int> callbacks{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
      threads.emplace_back([&, p = parent] {
        for (int i = 0; i < 200; ++i) {
          auto [child, cc] = context::WithCancel(p);
          auto h = context::AfterFunc(child, [&] { ++callbacks; });
          if (i % 3 == 0) cc();
          if (i % 5 == 0) (void)h.Stop();
          (void)child.Err();
        }
      });
    }
    std::this_thread::sleep_for(1ms);
    cancel();
    for (auto& th : threads) th.join();
    EXPECT_EQ(parent.Err(), context::Canceled);
    EXPECT_EQ(ChildrenListed(parent), 0U);
    EXPECT_LE(callbacks.load(), 600);
  }
}

// Deadlines expiring while children are created and the parent is
// cancelled: every context ends done, one whose deadline had passed before
// the cancellation reports DeadlineExceeded, every AfterFunc callback runs
// exactly once, and the parent lists no child afterwards.
TEST(StressTest, DeadlinesExpireWhileChildrenAreMadeAndTheParentIsCancelled) {
  for (int round = 0; round < 4; ++round) {
    auto [parent, cancel] = context::WithTimeout(Background(), 3ms);
    constexpr int kThreads = 3;
    constexpr int kPerThread = 150;
    std::vector<std::vector<Context>> made(kThreads);
    std::atomic<int> registered{0};
    std::atomic<int> ran{0};
    std::atomic<int> created{0};
    std::vector<std::thread> makers;
    makers.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      makers.emplace_back([&, t, p = parent] {
        auto& mine = made[static_cast<std::size_t>(t)];
        mine.reserve(kPerThread);
        for (int i = 0; i < kPerThread; ++i) {
          // Own deadlines from 0 to 4 ms: some before the parent's, some after.
          auto [child, cc] = context::WithTimeout(p, std::chrono::microseconds((i * 37) % 4000));
          (void)cc;
          (void)context::AfterFunc(child, [&ran] { ++ran; });
          ++registered;
          mine.push_back(child);
          ++created;
        }
      });
    }
    while (created.load() < kThreads * kPerThread / 2) std::this_thread::yield();
    const Time before_cancel = Now();
    cancel();
    for (auto& m : makers) m.join();

    const auto parent_deadline = parent.Deadline();
    ASSERT_TRUE(parent_deadline.has_value());
    int expired_first = 0;  // children whose deadline passed before the cancel
    for (const auto& list : made) {
      for (const auto& c : list) {
        const Error err = c.Err();
        ASSERT_TRUE(err == context::Canceled || err == context::DeadlineExceeded) << err;
        EXPECT_EQ(c.Err(), err) << "Err() changed between two calls";
        const auto d = c.Deadline();
        ASSERT_TRUE(d.has_value());
        EXPECT_LE(*d, *parent_deadline);
        if (*d < before_cancel) {
          ++expired_first;
          EXPECT_EQ(err, context::DeadlineExceeded);
        }
      }
    }
    // Each thread's first child has a zero timeout, so some deadlines surely
    // passed before the cancel.
    EXPECT_GE(expired_first, kThreads);
    EXPECT_EQ(ran.load(), registered.load()) << "every callback runs exactly once";
    EXPECT_EQ(ChildrenListed(parent), 0U);
  }
}

}  // namespace
