// Documents the contract of registry::Registry<T> with the reference set's
// implementation of go-gost/x/registry/registry.go, tested only through the
// interface: a taken name fails and keeps the first value,
// an empty name is ignored, unknown names give T{}, Unregister forgets,
// GetAll is a snapshot, and concurrent use is safe.
//
// (go-gost/x also closes a value that implements io.Closer when it is
// unregistered; that is an implementation choice the interface leaves open,
// so it is not pinned here.)
#include "gost/core/registry/registry.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "gost/core/chain/chain.hpp"
#include "gost/core/go/errors.hpp"
#include "reference/registry.hpp"

namespace gost::core::registry {
namespace {

static_assert(core::detail::kIsInterface<Registry<int>>);
static_assert(core::detail::kIsInterface<Registry<chain::ChainerPtr>>);

// The registry under test is the reference set's (examples/reference:
// go-gost/x's registry/registry.go), used only through the interface.
using gost::x::ErrDup;
template <class T>
using MapRegistry = gost::x::Registry<T>;

// Two distinct values of T, equality and "is T{}" for each kind of value a
// registry holds in go-gost/x: shared components, constructor functions, and
// (for completeness) a plain value type.
struct StubChainer final : chain::Chainer {
  std::shared_ptr<chain::Route> Route(const context::Context& /*ctx*/, std::string_view /*n*/, std::string_view /*a*/,
                                      Variadic<chain::RouteOption> /*opts*/) override {
    return nullptr;
  }
};

template <class T>
struct Values;

template <>
struct Values<chain::ChainerPtr> {
  static chain::ChainerPtr Make(int) { return std::make_shared<StubChainer>(); }
  static bool Eq(const chain::ChainerPtr& a, const chain::ChainerPtr& b) { return a == b; }
  static bool IsZero(const chain::ChainerPtr& v) { return v == nullptr; }
};

using Constructor = std::function<int()>;  // like go-gost/x's NewListener and friends
template <>
struct Values<Constructor> {
  static Constructor Make(int i) {
    return [i] { return i; };
  }
  static bool Eq(const Constructor& a, const Constructor& b) { return a && b && a() == b(); }
  static bool IsZero(const Constructor& v) { return !v; }
};

template <>
struct Values<int> {
  static int Make(int i) { return i; }
  static bool Eq(int a, int b) { return a == b; }
  static bool IsZero(int v) { return v == 0; }
};

template <class T>
class RegistryContract : public ::testing::Test {
 protected:
  RegistryPtr<T> registry_ = std::make_shared<MapRegistry<T>>();
};

using Kinds = ::testing::Types<chain::ChainerPtr, Constructor, int>;
TYPED_TEST_SUITE(RegistryContract, Kinds);

TYPED_TEST(RegistryContract, RegisterThenGet) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  const auto a = V::Make(1);
  EXPECT_FALSE(reg.IsRegistered("a"));
  EXPECT_FALSE(reg.Register("a", a));
  EXPECT_TRUE(reg.IsRegistered("a"));
  EXPECT_TRUE(V::Eq(reg.Get("a"), a));
  EXPECT_TRUE(V::Eq(reg.Get("a"), reg.Get("a")));  // reading does not remove
}

TYPED_TEST(RegistryContract, ADuplicateNameFailsAndKeepsTheFirstValue) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  const auto first = V::Make(1);
  const auto second = V::Make(2);
  ASSERT_FALSE(reg.Register("dup", first));
  const Error err = reg.Register("dup", second);
  ASSERT_TRUE(err);
  EXPECT_TRUE(errors::Is(err, ErrDup));
  EXPECT_EQ(err.Message(), "registry: duplicate object");
  EXPECT_TRUE(V::Eq(reg.Get("dup"), first));
  EXPECT_FALSE(V::Eq(reg.Get("dup"), second));
  EXPECT_EQ(reg.GetAll().size(), 1U);
}

TYPED_TEST(RegistryContract, AnEmptyNameIsIgnored) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  EXPECT_FALSE(reg.Register("", V::Make(1)));  // no error...
  EXPECT_FALSE(reg.IsRegistered(""));          // ...and nothing stored
  EXPECT_TRUE(V::IsZero(reg.Get("")));
  EXPECT_TRUE(reg.GetAll().empty());
  EXPECT_FALSE(reg.Register("", V::Make(2)));  // not a duplicate either
  reg.Unregister("");                          // harmless
  EXPECT_TRUE(reg.GetAll().empty());
}

TYPED_TEST(RegistryContract, UnknownNamesGiveTheZeroValue) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  EXPECT_TRUE(V::IsZero(reg.Get("missing")));
  ASSERT_FALSE(reg.Register("present", V::Make(1)));
  EXPECT_TRUE(V::IsZero(reg.Get("missing")));
  EXPECT_TRUE(V::IsZero(reg.Get("Present")));  // names are case-sensitive
  EXPECT_FALSE(reg.IsRegistered("PRESENT"));
  EXPECT_TRUE(V::IsZero(reg.Get("present ")));
}

TYPED_TEST(RegistryContract, UnregisterForgetsTheName) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  ASSERT_FALSE(reg.Register("a", V::Make(1)));
  ASSERT_FALSE(reg.Register("b", V::Make(2)));
  reg.Unregister("a");
  EXPECT_FALSE(reg.IsRegistered("a"));
  EXPECT_TRUE(V::IsZero(reg.Get("a")));
  EXPECT_TRUE(reg.IsRegistered("b"));
  reg.Unregister("a");      // again: nothing happens
  reg.Unregister("never");  // absent: nothing happens
  EXPECT_TRUE(reg.IsRegistered("b"));
  // The name is free again.
  const auto again = V::Make(3);
  EXPECT_FALSE(reg.Register("a", again));
  EXPECT_TRUE(V::Eq(reg.Get("a"), again));
}

TYPED_TEST(RegistryContract, GetAllIsASnapshot) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  EXPECT_TRUE(reg.GetAll().empty());
  const auto a = V::Make(1);
  const auto b = V::Make(2);
  ASSERT_FALSE(reg.Register("a", a));
  ASSERT_FALSE(reg.Register("b", b));
  auto snap = reg.GetAll();
  ASSERT_EQ(snap.size(), 2U);
  EXPECT_TRUE(V::Eq(snap.at("a"), a));
  EXPECT_TRUE(V::Eq(snap.at("b"), b));

  // Later changes to the registry do not reach the snapshot...
  reg.Unregister("a");
  ASSERT_FALSE(reg.Register("c", V::Make(3)));
  EXPECT_EQ(snap.size(), 2U);
  EXPECT_TRUE(snap.count("a"));
  EXPECT_FALSE(snap.count("c"));
  // ...and changes to the snapshot do not reach the registry.
  snap.clear();
  const auto now = reg.GetAll();
  EXPECT_EQ(now.size(), 2U);
  EXPECT_TRUE(now.count("b"));
  EXPECT_TRUE(now.count("c"));
}

TYPED_TEST(RegistryContract, ConcurrentRegistrationOfOneNameHasOneWinner) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  constexpr int kThreads = 8;
  std::atomic<int> wins{0};
  std::atomic<int> winner{-1};
  std::atomic<bool> go{false};
  std::vector<TypeParam> values;
  for (int t = 0; t < kThreads; ++t) values.push_back(V::Make(t + 1));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      if (!reg.Register("shared", values[static_cast<std::size_t>(t)])) {
        wins.fetch_add(1);
        winner = t;
      }
    });
  }
  go = true;
  for (auto& th : threads) th.join();
  ASSERT_EQ(wins.load(), 1);
  EXPECT_TRUE(V::Eq(reg.Get("shared"), values[static_cast<std::size_t>(winner.load())]));
  EXPECT_TRUE(reg.IsRegistered("shared"));
}

TYPED_TEST(RegistryContract, ReadersAndWritersMayRunAtOnce) {
  using V = Values<TypeParam>;
  Registry<TypeParam>& reg = *this->registry_;
  constexpr int kNames = 200;
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < kNames; ++i) {
      const std::string name = "n" + std::to_string(i);
      EXPECT_FALSE(reg.Register(name, V::Make(i + 1)));
      if (i % 3 == 0) reg.Unregister(name);
    }
    done = true;
  });
  std::thread reader([&] {
    while (!done.load()) {
      const auto all = reg.GetAll();
      EXPECT_LE(all.size(), static_cast<std::size_t>(kNames));
      (void)reg.IsRegistered("n7");
      (void)reg.Get("n8");
    }
  });
  writer.join();
  reader.join();
  EXPECT_EQ(reg.GetAll().size(), static_cast<std::size_t>(kNames - (kNames + 2) / 3));
}

}  // namespace
}  // namespace gost::core::registry
