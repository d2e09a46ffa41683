// Tests of x::Registry (examples/reference/registry.hpp): the rules a
// go-gost/x registry keeps, then the kit's registry conformance suite.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gost/core/go/errors.hpp>
#include <gost/core/testing/conformance/registry.hpp>

#include "reference/registry.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

using IntPtr = std::shared_ptr<int>;

TEST(Registry, RegisterThenGet) {
  auto r = x::NewRegistry<IntPtr>();
  ASSERT_NE(r, nullptr);
  auto v = std::make_shared<int>(7);
  EXPECT_FALSE(r->IsRegistered("tcp"));
  EXPECT_FALSE(r->Register("tcp", v));
  EXPECT_TRUE(r->IsRegistered("tcp"));
  EXPECT_EQ(r->Get("tcp"), v);
}

TEST(Registry, DuplicateNameFailsWithErrDupAndKeepsTheFirst) {
  x::Registry<IntPtr> r;
  auto first = std::make_shared<int>(1);
  auto second = std::make_shared<int>(2);
  ASSERT_FALSE(r.Register("tls", first));
  const gc::Error err = r.Register("tls", second);
  EXPECT_TRUE(gc::errors::Is(err, x::ErrDup)) << err;
  EXPECT_EQ(r.Get("tls"), first);
  EXPECT_EQ(r.GetAll().size(), 1U);
}

TEST(Registry, EmptyNameIsIgnoredWithoutError) {
  x::Registry<IntPtr> r;
  EXPECT_FALSE(r.Register("", std::make_shared<int>(1)));
  EXPECT_FALSE(r.Register("", std::make_shared<int>(2)));
  EXPECT_FALSE(r.IsRegistered(""));
  EXPECT_EQ(r.Get(""), nullptr);
  EXPECT_TRUE(r.GetAll().empty());
}

TEST(Registry, UnknownOrEmptyNameGivesZeroValue) {
  x::Registry<std::function<int()>> r;
  ASSERT_FALSE(r.Register("maker", [] { return 3; }));
  EXPECT_FALSE(r.Get("unknown"));
  EXPECT_FALSE(r.Get(""));
  EXPECT_FALSE(r.Get("Maker")) << "names are case-sensitive";
  auto f = r.Get("maker");
  ASSERT_TRUE(f);
  EXPECT_EQ(f(), 3);

  x::Registry<std::string> strings;
  EXPECT_EQ(strings.Get("none"), "");
}

TEST(Registry, UnregisterRemovesOnlyThatName) {
  x::Registry<std::string> r;
  ASSERT_FALSE(r.Register("a", "A"));
  ASSERT_FALSE(r.Register("b", "B"));
  r.Unregister("a");
  EXPECT_FALSE(r.IsRegistered("a"));
  EXPECT_EQ(r.Get("a"), "");
  EXPECT_EQ(r.Get("b"), "B");
  r.Unregister("a");  // already gone: nothing happens
  r.Unregister("missing");
  EXPECT_TRUE(r.IsRegistered("b"));
  EXPECT_FALSE(r.Register("a", "A2")) << "an unregistered name can be taken again";
  EXPECT_EQ(r.Get("a"), "A2");
}

TEST(Registry, GetAllReturnsEveryEntry) {
  x::Registry<std::string> r;
  ASSERT_FALSE(r.Register("one", "1"));
  ASSERT_FALSE(r.Register("two", "2"));
  ASSERT_FALSE(r.Register("three", "3"));
  const auto all = r.GetAll();
  const std::map<std::string, std::string> want{{"one", "1"}, {"two", "2"}, {"three", "3"}};
  EXPECT_EQ(all, want);
}

TEST(Registry, ConcurrentRegisterOfOneNameHasExactlyOneWinner) {
  constexpr int kThreads = 16;
  x::Registry<IntPtr> r;
  std::vector<IntPtr> values;
  values.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) values.push_back(std::make_shared<int>(i));
  std::atomic<int> winners{0};
  std::atomic<int> dups{0};
  std::atomic<bool> go{false};
  std::vector<IntPtr> won(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      const gc::Error err = r.Register("shared", values[static_cast<std::size_t>(i)]);
      if (!err) {
        ++winners;
        won[static_cast<std::size_t>(i)] = values[static_cast<std::size_t>(i)];
      } else if (gc::errors::Is(err, x::ErrDup)) {
        ++dups;
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(winners.load(), 1);
  EXPECT_EQ(dups.load(), kThreads - 1);
  IntPtr winner;
  for (const auto& w : won) {
    if (w) winner = w;
  }
  ASSERT_NE(winner, nullptr);
  EXPECT_EQ(r.Get("shared"), winner) << "the stored value is not the winner's";
}

TEST(Registry, ConcurrentRegisterOfDistinctNamesKeepsAll) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  x::Registry<std::string> r;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&r, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string name = std::to_string(t) + "-" + std::to_string(i);
        EXPECT_FALSE(r.Register(name, name));
        EXPECT_EQ(r.Get(name), name);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(r.GetAll().size(), static_cast<std::size_t>(kThreads * kPerThread));
}

// The conformance suite's three kinds of value: shared objects (compared by
// identity), plain strings, and constructors (compared by what they build).
struct SharedPtrTraits {
  using Value = IntPtr;
  static gc::registry::RegistryPtr<Value> Make() { return x::NewRegistry<Value>(); }
  static Value Sample(int i) {
    static const std::array<Value, 3> samples{std::make_shared<int>(0), std::make_shared<int>(1),
                                              std::make_shared<int>(2)};
    return samples.at(static_cast<std::size_t>(i));
  }
};

// Make may also hand out a unique_ptr.
struct StringTraits {
  using Value = std::string;
  static std::unique_ptr<gc::registry::Registry<Value>> Make() { return std::make_unique<x::Registry<Value>>(); }
  static Value Sample(int i) { return "value-" + std::to_string(i); }
};

struct FactoryTraits {
  using Value = std::function<int()>;
  static gc::registry::RegistryPtr<Value> Make() { return x::NewRegistry<Value>(); }
  static Value Sample(int i) {
    return [i] { return i + 100; };
  }
  static bool Equal(const Value& a, const Value& b) {
    if (!a || !b) return !a && !b;
    return a() == b();
  }
};

using XRegistries = ::testing::Types<SharedPtrTraits, StringTraits, FactoryTraits>;

}  // namespace
}  // namespace gost::x::test

namespace gost::core::registry {
INSTANTIATE_TYPED_TEST_SUITE_P(X, RegistryConformanceTest, gost::x::test::XRegistries);
}  // namespace gost::core::registry
