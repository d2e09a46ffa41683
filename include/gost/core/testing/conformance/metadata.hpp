// gost-core testing kit: the metadata::Metadata conformance suite.
//
// The semantics of go-gost/x's map-backed metadata, which configuration code
// relies on: keys are case-insensitive (optional here, see MetadataFactory);
// a missing key gives an empty std::any and IsExists false; Set stores a
// copy under a copy of the key and replaces what was there; a key holding an
// empty value still exists; the empty string is a key like any other; and
// stores made separately share nothing.
//
// Use, in one .cpp file of a test program:
//
//   #include <gost/core/testing/conformance/metadata.hpp>
//   using gost::core::metadata::MetadataConformanceTest;
//   INSTANTIATE_TEST_SUITE_P(Mine, MetadataConformanceTest,
//                            ::testing::Values(gost::core::metadata::MetadataFactory{"mine", &NewMyMetadata}),
//                            MetadataConformanceTest::ParamName);
//
// The interface promises no thread safety, so the suite calls it from one
// thread only.
#pragma once

#include <gtest/gtest.h>

#include <any>
#include <functional>
#include <ostream>
#include <string>
#include <utility>

#include "gost/core/metadata/metadata.hpp"
#include "gost/core/testing/detail/suite.hpp"

namespace gost::core::metadata {

/// Makes the stores the suite tests.
struct MetadataFactory {
  /// Shown in test output and used by MetadataConformanceTest::ParamName.
  std::string name;
  /// A new, empty store.
  std::function<MetadataPtr()> make;
  /// True (as go-gost/x) when keys ignore ASCII case: "Retries", "retries"
  /// and "RETRIES" are one key. When false the case test is skipped.
  bool case_insensitive_keys = true;
};

inline void PrintTo(const MetadataFactory& f, std::ostream* os) {
  core::detail::testkit::PrintFactory("MetadataFactory", f.name, os);
}

/// The suite; instantiate it with MetadataFactory values.
class MetadataConformanceTest : public core::detail::testkit::FactorySuite<MetadataFactory> {
 protected:
  MetadataPtr Make() const { return MakePointer("MetadataFactory", "store"); }

  // The int stored under key, or -1 when there is none or it is not an int.
  static int IntAt(const Metadata& md, std::string_view key) {
    const std::any v = md.Get(key);
    const int* p = std::any_cast<int>(&v);
    return p == nullptr ? -1 : *p;
  }
};

TEST_P(MetadataConformanceTest, NewStoreIsEmpty) {
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  for (const char* key : {"", "retries", "Retries", "a.b-c_1"}) {
    EXPECT_FALSE(md->IsExists(key)) << "a new store has key \"" << key << "\"";
    EXPECT_FALSE(md->Get(key).has_value()) << "a new store has a value under \"" << key << "\"";
  }
}

TEST_P(MetadataConformanceTest, SetThenGet) {
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  md->Set("retries", 3);
  md->Set("host", std::string("example.com"));
  EXPECT_TRUE(md->IsExists("retries"));
  EXPECT_EQ(IntAt(*md, "retries"), 3);
  const std::any host = md->Get("host");
  ASSERT_NE(std::any_cast<std::string>(&host), nullptr) << "Get changed the type of the stored value";
  EXPECT_EQ(std::any_cast<std::string>(host), "example.com");
  EXPECT_FALSE(md->IsExists("retrie")) << "a prefix of a key counts as present";
  EXPECT_FALSE(md->Get("missing").has_value());
}

TEST_P(MetadataConformanceTest, SetReplaces) {
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  md->Set("k", 1);
  md->Set("k", std::string("two"));
  const std::any v = md->Get("k");
  ASSERT_NE(std::any_cast<std::string>(&v), nullptr) << "the second Set did not replace the first value";
  EXPECT_EQ(std::any_cast<std::string>(v), "two");
  md->Set("k", 3);
  EXPECT_EQ(IntAt(*md, "k"), 3);
}

TEST_P(MetadataConformanceTest, KeysIgnoreCase) {
  if (!GetParam().case_insensitive_keys) GTEST_SKIP() << "the factory declares case-sensitive keys";
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  md->Set("Retries", 1);
  EXPECT_TRUE(md->IsExists("retries"));
  EXPECT_TRUE(md->IsExists("RETRIES"));
  EXPECT_TRUE(md->IsExists("rEtRiEs"));
  EXPECT_EQ(IntAt(*md, "RETRIES"), 1);
  md->Set("RETRIES", 2);
  EXPECT_EQ(IntAt(*md, "retries"), 2) << "Set with another case made a second key";
  EXPECT_EQ(IntAt(*md, "Retries"), 2);
  // Only letters fold: "a-1" and "A-1" are one key, "a_1" another.
  md->Set("a-1", 5);
  EXPECT_EQ(IntAt(*md, "A-1"), 5);
  EXPECT_FALSE(md->IsExists("a_1"));
}

TEST_P(MetadataConformanceTest, EmptyValueExists) {
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  md->Set("nothing", std::any{});
  EXPECT_TRUE(md->IsExists("nothing")) << "a key set to an empty value must exist (Go: a nil value)";
  EXPECT_FALSE(md->Get("nothing").has_value());
  md->Set("nothing", 7);
  EXPECT_EQ(IntAt(*md, "nothing"), 7);
}

TEST_P(MetadataConformanceTest, EmptyKeyIsAKey) {
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  md->Set("", 9);
  EXPECT_TRUE(md->IsExists(""));
  EXPECT_EQ(IntAt(*md, ""), 9);
  EXPECT_FALSE(md->IsExists(" ")) << "a space is not the empty key";
}

TEST_P(MetadataConformanceTest, KeysAreIndependent) {
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  md->Set("a", 1);
  md->Set("b", 2);
  md->Set("ab", 3);
  EXPECT_EQ(IntAt(*md, "a"), 1);
  EXPECT_EQ(IntAt(*md, "b"), 2);
  EXPECT_EQ(IntAt(*md, "ab"), 3);
  md->Set("a", 10);
  EXPECT_EQ(IntAt(*md, "b"), 2) << "setting one key changed another";
  EXPECT_EQ(IntAt(*md, "ab"), 3) << "setting one key changed another";
}

TEST_P(MetadataConformanceTest, KeyAndValueAreCopied) {
  MetadataPtr md = Make();
  ASSERT_NE(md, nullptr);
  std::string key = "borrowed";
  std::string value = "original";
  md->Set(key, value);
  key.assign("xxxxxxxx");  // the store must not keep a view of the caller's key
  value.assign("changed");
  EXPECT_TRUE(md->IsExists("borrowed"));
  EXPECT_FALSE(md->IsExists("xxxxxxxx"));
  const std::any v = md->Get("borrowed");
  ASSERT_NE(std::any_cast<std::string>(&v), nullptr);
  EXPECT_EQ(std::any_cast<std::string>(v), "original");
}

TEST_P(MetadataConformanceTest, StoresAreIndependent) {
  MetadataPtr a = Make();
  MetadataPtr b = Make();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_NE(a.get(), b.get()) << "the factory returned the same store twice";
  a->Set("k", 1);
  EXPECT_FALSE(b->IsExists("k")) << "a key set in one store appeared in another";
}

}  // namespace gost::core::metadata
