// gost-core testing kit: the registry::Registry<T> conformance suite.
//
// The contract as go-gost/x implements it and registry.hpp states it:
// registering a taken name fails and keeps the first value; an empty name is
// ignored (no error, nothing stored); an unknown name gives T{}; Unregister
// removes a name (and tolerates unknown ones); GetAll is a snapshot; names
// are copied, not borrowed; concurrent use is safe, and of several threads
// registering one name exactly one wins.
//
// The suite is type-parameterized: describe the registry in a traits type
// and instantiate once, in one .cpp file of a test program, inside this
// namespace (GoogleTest's typed-suite macros refer to the suite unqualified):
//
//   struct MyRegistryTraits {
//     using Value = std::shared_ptr<Foo>;                          // the T
//     static registry::RegistryPtr<Value> Make();                  // an empty registry
//     static Value Sample(int i);  // distinct values for i = 0, 1, 2, none equal to Value{}
//     // Optional, when Value has no operator== (a std::function, say):
//     // static bool Equal(const Value& a, const Value& b);         // must handle Value{}
//   };
//   namespace gost::core::registry {
//   INSTANTIATE_TYPED_TEST_SUITE_P(Mine, RegistryConformanceTest, ::testing::Types<MyRegistryTraits>);
//   }
//
// Make may return any pointer-like to a Registry<Value> (shared_ptr,
// unique_ptr, a pointer to a derived class); the suite only uses the
// interface.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/registry/registry.hpp"
#include "gost/core/testing/detail/watchdog.hpp"

namespace gost::core::registry {

/// The typed suite; instantiate it with a traits type (see above).
template <class Traits>
class RegistryConformanceTest : public ::testing::Test {
 protected:
  using Value = typename Traits::Value;

  // Every test starts from usable samples and a new, empty registry.
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(CheckSamples());
    made_ = Traits::Make();
    ASSERT_TRUE(made_ != nullptr) << "Traits::Make() returned null";
  }
  // The registry SetUp made.
  Registry<Value>& Fresh() { return *made_; }
  static Value Sample(int i) { return Traits::Sample(i); }
  static bool Same(const Value& a, const Value& b) {
    if constexpr (requires { Traits::Equal(a, b); }) {
      return Traits::Equal(a, b);
    } else {
      return static_cast<bool>(a == b);
    }
  }
  static bool IsZero(const Value& v) { return Same(v, Value{}); }

  // The samples must be usable before anything else is checked.
  static void CheckSamples() {
    for (int i = 0; i < 3; ++i) {
      ASSERT_FALSE(IsZero(Sample(i))) << "Traits::Sample(" << i << ") equals Value{}";
      ASSERT_TRUE(Same(Sample(i), Sample(i))) << "Traits::Sample(" << i << ") differs between two calls";
      for (int j = i + 1; j < 3; ++j) {
        ASSERT_FALSE(Same(Sample(i), Sample(j))) << "Traits::Sample(" << i << ") equals Traits::Sample(" << j << ")";
      }
    }
  }

 private:
  decltype(Traits::Make()) made_{};
};

TYPED_TEST_SUITE_P(RegistryConformanceTest);

TYPED_TEST_P(RegistryConformanceTest, RegisterThenGet) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  EXPECT_FALSE(r.IsRegistered("alpha"));
  const Error err = r.Register("alpha", TestFixture::Sample(0));
  EXPECT_FALSE(err) << "Register of a new name failed: " << err;
  EXPECT_TRUE(r.IsRegistered("alpha"));
  EXPECT_TRUE(TestFixture::Same(r.Get("alpha"), TestFixture::Sample(0))) << "Get did not return the registered value";
  EXPECT_FALSE(r.IsRegistered("alph")) << "a prefix of a registered name counts as registered";
  EXPECT_FALSE(r.IsRegistered("alpha ")) << "names are compared loosely";
}

TYPED_TEST_P(RegistryConformanceTest, DuplicateIsRefusedAndFirstKept) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  ASSERT_FALSE(r.Register("dup", TestFixture::Sample(0)));
  const Error err = r.Register("dup", TestFixture::Sample(1));
  EXPECT_TRUE(err) << "registering a taken name succeeded";
  EXPECT_TRUE(TestFixture::Same(r.Get("dup"), TestFixture::Sample(0)))
      << "the second Register replaced the first value";
  EXPECT_EQ(r.GetAll().size(), 1U);
  // The same value twice is a duplicate too.
  EXPECT_TRUE(r.Register("dup", TestFixture::Sample(0))) << "registering the same name and value twice succeeded";
}

TYPED_TEST_P(RegistryConformanceTest, EmptyNameIsIgnored) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  const Error err = r.Register("", TestFixture::Sample(0));
  EXPECT_FALSE(err) << "Register with an empty name must be ignored, not fail: " << err;
  EXPECT_FALSE(r.IsRegistered(""));
  EXPECT_TRUE(TestFixture::IsZero(r.Get(""))) << "Get(\"\") returned a value";
  EXPECT_TRUE(r.GetAll().empty()) << "the empty name was stored";
  EXPECT_FALSE(r.Register("", TestFixture::Sample(1))) << "a second empty name is ignored as well";
}

TYPED_TEST_P(RegistryConformanceTest, UnknownNameGivesZeroValue) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  EXPECT_FALSE(r.IsRegistered("missing"));
  EXPECT_TRUE(TestFixture::IsZero(r.Get("missing"))) << "Get of an unknown name must return T{}";
  EXPECT_TRUE(r.GetAll().empty());
}

TYPED_TEST_P(RegistryConformanceTest, UnregisterRemoves) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  ASSERT_FALSE(r.Register("a", TestFixture::Sample(0)));
  ASSERT_FALSE(r.Register("b", TestFixture::Sample(1)));
  r.Unregister("a");
  EXPECT_FALSE(r.IsRegistered("a"));
  EXPECT_TRUE(TestFixture::IsZero(r.Get("a"))) << "Get still finds an unregistered name";
  EXPECT_TRUE(r.IsRegistered("b")) << "Unregister removed another name";
  EXPECT_TRUE(TestFixture::Same(r.Get("b"), TestFixture::Sample(1)));
  r.Unregister("a");        // already gone
  r.Unregister("unknown");  // never there
  r.Unregister("");
  EXPECT_TRUE(r.IsRegistered("b"));
  // The name is free again.
  const Error err = r.Register("a", TestFixture::Sample(2));
  EXPECT_FALSE(err) << "registering an unregistered name again failed: " << err;
  EXPECT_TRUE(TestFixture::Same(r.Get("a"), TestFixture::Sample(2)));
}

TYPED_TEST_P(RegistryConformanceTest, GetAllIsASnapshot) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  ASSERT_FALSE(r.Register("one", TestFixture::Sample(0)));
  ASSERT_FALSE(r.Register("two", TestFixture::Sample(1)));
  ASSERT_FALSE(r.Register("three", TestFixture::Sample(2)));
  auto all = r.GetAll();
  ASSERT_EQ(all.size(), 3U);
  EXPECT_TRUE(all.count("one") == 1 && TestFixture::Same(all["one"], TestFixture::Sample(0)));
  EXPECT_TRUE(all.count("two") == 1 && TestFixture::Same(all["two"], TestFixture::Sample(1)));
  EXPECT_TRUE(all.count("three") == 1 && TestFixture::Same(all["three"], TestFixture::Sample(2)));
  // Changing the copy leaves the registry alone, and the other way round.
  all.erase("one");
  all["four"] = TestFixture::Sample(0);
  EXPECT_TRUE(r.IsRegistered("one"));
  EXPECT_FALSE(r.IsRegistered("four"));
  r.Unregister("two");
  EXPECT_EQ(all.count("two"), 1U) << "GetAll's result changed with the registry";
  EXPECT_EQ(r.GetAll().size(), 2U);
}

TYPED_TEST_P(RegistryConformanceTest, NameIsCopied) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  std::string name = "borrowed";
  ASSERT_FALSE(r.Register(name, TestFixture::Sample(0)));
  name.assign("xxxxxxxx");  // the registry must not have kept a view of it
  EXPECT_TRUE(r.IsRegistered("borrowed"));
  EXPECT_FALSE(r.IsRegistered("xxxxxxxx"));
  EXPECT_EQ(r.GetAll().count("borrowed"), 1U);
}

TYPED_TEST_P(RegistryConformanceTest, ConcurrentUse) {
  Registry<typename TestFixture::Value>& r = this->Fresh();
  constexpr int kThreads = 8;
  constexpr int kNames = 50;
  std::atomic<int> winners{0};
  core::detail::testkit::Session session(core::detail::testkit::CurrentTestName(), std::chrono::seconds(30), nullptr);
  session.Run([&] {
    std::vector<core::detail::testkit::TaskPtr> tasks;
    for (int t = 0; t < kThreads; ++t) {
      tasks.push_back(session.Go([&, t] {
        // Everyone races for one name...
        if (!r.Register("contested", TestFixture::Sample(t % 3))) ++winners;
        // ...and fills names of its own, reading others' meanwhile.
        for (int i = 0; i < kNames; ++i) {
          const std::string own = "t" + std::to_string(t) + "-" + std::to_string(i);
          EXPECT_FALSE(r.Register(own, TestFixture::Sample(i % 3))) << "Register(" << own << ") failed";
          (void)r.IsRegistered("t" + std::to_string((t + 1) % kThreads) + "-" + std::to_string(i));
          (void)r.Get("contested");
          if (i % 10 == 0) (void)r.GetAll();
        }
      }));
    }
    for (auto& task : tasks) task->Wait();
  });
  EXPECT_EQ(winners.load(), 1) << "of " << kThreads << " threads registering one name, exactly one must succeed";
  EXPECT_EQ(r.GetAll().size(), static_cast<std::size_t>(kThreads * kNames + 1));
}

REGISTER_TYPED_TEST_SUITE_P(RegistryConformanceTest, RegisterThenGet, DuplicateIsRefusedAndFirstKept,
                            EmptyNameIsIgnored, UnknownNameGivesZeroValue, UnregisterRemoves, GetAllIsASnapshot,
                            NameIsCopied, ConcurrentUse);

}  // namespace gost::core::registry
