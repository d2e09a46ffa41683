// Tests of x::MapMetadata, x::NewMetadata, the typed getters and
// x::ParseDuration (examples/reference/metadata.hpp), then the kit's metadata
// conformance suite against x::MapMetadata.
#include <any>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/testing/conformance/metadata.hpp>
#include <gost/core/testing/mocks/metadata.hpp>

#include "reference/metadata.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

TEST(MapMetadata, KeysIgnoreCase) {
  x::MapMetadata md;
  md.Set("MaxFails", 3);
  EXPECT_TRUE(md.IsExists("maxfails"));
  EXPECT_TRUE(md.IsExists("MAXFAILS"));
  EXPECT_TRUE(md.IsExists("MaxFails"));
  const std::any v = md.Get("MAXfails");
  ASSERT_NE(std::any_cast<int>(&v), nullptr);
  EXPECT_EQ(std::any_cast<int>(v), 3);

  md.Set("MAXFAILS", 5);  // the same key: replaces
  EXPECT_EQ(std::any_cast<int>(md.Get("maxFails")), 5);
}

TEST(MapMetadata, MissingKeyIsEmpty) {
  x::MapMetadata md;
  EXPECT_FALSE(md.IsExists("nothing"));
  EXPECT_FALSE(md.Get("nothing").has_value());
  md.Set("something", std::string("x"));
  EXPECT_FALSE(md.IsExists("some"));
  EXPECT_FALSE(md.Get("somethingelse").has_value());
}

TEST(MapMetadata, EmptyValueStillExists) {
  x::MapMetadata md;
  md.Set("flag", std::any());
  EXPECT_TRUE(md.IsExists("flag"));
  EXPECT_FALSE(md.Get("flag").has_value());
}

TEST(NewMetadata, HoldsTheMapWithLoweredKeys) {
  const std::map<std::string, std::any> values{{"Weight", 3}, {"backup", true}, {"Name", std::string("n1")}};
  auto md = x::NewMetadata(values);
  ASSERT_NE(md, nullptr);
  EXPECT_TRUE(md->IsExists("weight"));
  EXPECT_TRUE(md->IsExists("BACKUP"));
  EXPECT_EQ(x::GetInt(md, "WEIGHT"), 3);
  EXPECT_TRUE(x::GetBool(md, "Backup"));
  EXPECT_EQ(x::GetString(md, "name"), "n1");
  EXPECT_FALSE(md->IsExists("other"));
}

TEST(NewMetadata, DefaultIsEmptyAndWritable) {
  auto md = x::NewMetadata();
  ASSERT_NE(md, nullptr);
  EXPECT_FALSE(md->IsExists("a"));
  md->Set("A", 1);
  EXPECT_EQ(x::GetInt(md, "a"), 1);
}

TEST(NewMetadata, StoresAreIndependentCopies) {
  std::map<std::string, std::any> values{{"k", 1}};
  auto a = x::NewMetadata(values);
  values["k"] = 2;
  auto b = x::NewMetadata(values);
  a->Set("k", 10);
  EXPECT_EQ(x::GetInt(a, "k"), 10);
  EXPECT_EQ(x::GetInt(b, "k"), 2);
}

// A value stored under `key`, and what a getter should make of it.
template <class T>
struct Read {
  std::string key;
  std::any stored;
  T want;
};

// Stores every case's value in one metadata, then checks that `get` reads
// each one as the case wants.
template <class T>
void ExpectReads(T (*get)(const gc::metadata::MetadataPtr&, std::string_view), const std::vector<Read<T>>& cases) {
  std::map<std::string, std::any> values;
  for (const auto& c : cases) ASSERT_TRUE(values.emplace(c.key, c.stored).second) << "key " << c.key << " twice";
  const auto md = x::NewMetadata(values);
  for (const auto& c : cases) EXPECT_EQ(get(md, c.key), c.want) << "key " << c.key;
}

TEST(Getters, MissingKeyOrNoMetadataGivesTheZeroValue) {
  const auto md = x::NewMetadata({{"k", std::string("1")}});
  EXPECT_EQ(x::GetString(md, "missing"), "");
  EXPECT_EQ(x::GetString(nullptr, "k"), "");
  EXPECT_EQ(x::GetInt(md, "missing"), 0);
  EXPECT_EQ(x::GetInt(nullptr, "k"), 0);
  EXPECT_FALSE(x::GetBool(md, "missing"));
  EXPECT_FALSE(x::GetBool(nullptr, "k"));
  EXPECT_EQ(x::GetDuration(md, "missing"), 0s);
  EXPECT_EQ(x::GetDuration(nullptr, "k"), 0s);
}

TEST(GetString, Conversions) {
  ExpectReads<std::string>(x::GetString, {
                                             {"s", std::string("text"), "text"},
                                             {"c", static_cast<const char*>("chars"), "chars"},
                                             {"nullc", static_cast<const char*>(nullptr), ""},
                                             {"i", -42, "-42"},
                                             {"l", std::int64_t{1} << 40, "1099511627776"},
                                             {"u", std::numeric_limits<std::uint64_t>::max(), "18446744073709551615"},
                                             {"t", true, "true"},
                                             {"f", false, "false"},
                                             {"d", 1.5, ""},  // a type it does not know gives the zero value
                                         });
}

TEST(GetInt, Conversions) {
  ExpectReads<int>(x::GetInt, {
                                  {"i", 7, 7},
                                  {"neg", -7, -7},
                                  {"l", std::int64_t{123}, 123},
                                  {"s", std::string("90"), 90},
                                  {"splus", std::string("+5"), 5},
                                  {"sneg", std::string("-12"), -12},
                                  {"t", true, 1},
                                  {"f", false, 0},
                                  {"d", 2.0, 0},
                              });
}

TEST(GetInt, OutOfRangeAndBadStringsGiveZero) {
  constexpr int kMax = std::numeric_limits<int>::max();
  constexpr int kMin = std::numeric_limits<int>::min();
  ExpectReads<int>(x::GetInt, {
                                  {"big64", std::int64_t{kMax} + 1, 0},
                                  {"small64", std::int64_t{kMin} - 1, 0},
                                  {"max64", std::int64_t{kMax}, kMax},
                                  {"min64", std::int64_t{kMin}, kMin},
                                  {"bigstr", std::string("2147483648"), 0},
                                  {"maxstr", std::string("2147483647"), kMax},
                                  {"minstr", std::string("-2147483648"), kMin},
                                  {"overflow", std::string("9223372036854775808"), 0},
                                  {"huge", std::string("99999999999999999999999"), 0},
                                  {"empty", std::string(""), 0},
                                  {"sign", std::string("-"), 0},
                                  {"word", std::string("abc"), 0},
                                  {"trail", std::string("12x"), 0},
                                  {"space", std::string(" 12"), 0},
                                  {"frac", std::string("1.5"), 0},
                              });
}

TEST(GetBool, Conversions) {
  ExpectReads<bool>(x::GetBool, {
                                    {"t", true, true},
                                    {"f", false, false},
                                    {"i1", 1, true},
                                    {"i0", 0, false},
                                    {"ineg", -3, true},
                                    {"l", std::int64_t{5}, true},
                                    {"l0", std::int64_t{0}, false},
                                    {"d", 1.0, false},
                                });

  auto md = x::NewMetadata();
  for (const char* yes : {"1", "t", "T", "true", "TRUE", "True"}) {
    md->Set("s", std::string(yes));
    EXPECT_TRUE(x::GetBool(md, "s")) << yes;
  }
  for (const char* no : {"0", "f", "F", "false", "FALSE", "False", "yes", "on", "tRUE", "", " true", "2"}) {
    md->Set("s", std::string(no));
    EXPECT_FALSE(x::GetBool(md, "s")) << '"' << no << '"';
  }
}

TEST(GetDuration, Conversions) {
  ExpectReads<gc::Duration>(x::GetDuration, {
                                                {"dur", gc::Duration(1500ms), 1500ms},
                                                {"int", 5, 5s},  // an int counts seconds
                                                {"zero", 0, 0s},
                                                {"go", std::string("1m30s"), 90s},
                                                {"ms", std::string("250ms"), 250ms},
                                                {"bare", std::string("90"), 90s},  // a bare number counts seconds
                                                {"barezero", std::string("0"), 0s},
                                                {"bad", std::string("ten seconds"), 0s},
                                                {"frac", std::string("1.5s"), 0s},
                                                {"empty", std::string(""), 0s},
                                                {"bool", true, 0s},
                                                {"d", 2.0, 0s},
                                            });
}

TEST(Getters, ReadThroughAnyMetadataImplementation) {
  auto md = std::make_shared<gc::metadata::MockMetadata>();
  EXPECT_CALL(*md, Get(std::string_view("retries"))).WillRepeatedly(Return(std::any(std::string("3"))));
  EXPECT_EQ(x::GetInt(md, "retries"), 3);
  EXPECT_EQ(x::GetString(md, "retries"), "3");
  EXPECT_EQ(x::GetDuration(md, "retries"), 3s);
}

TEST(ParseDuration, AcceptedForms) {
  const std::vector<std::pair<const char*, gc::Duration>> cases{
      {"10s", 10s},
      {"0s", 0s},
      {"1m30s", 90s},
      {"250ms", 250ms},
      {"1h", 1h},
      {"5us", 5us},
      {"7ns", 7ns},
      {"1h2m3s4ms", 1h + 2min + 3s + 4ms},
      {"30s1m", 90s},
      {"1000000ns", 1ms},
      {"1000000h", std::chrono::hours(1'000'000)},
  };
  for (const auto& [text, want] : cases) {
    const auto got = x::ParseDuration(text);
    ASSERT_TRUE(got.has_value()) << text;
    EXPECT_EQ(*got, want) << text;
  }
}

TEST(ParseDuration, RefusedForms) {
  for (const char* bad : {"", "10", "s", "10x", "10S", "1.5s", "-1s", "+1s", " 10s", "10s ", "10 s", "10s5", "1000001s",
                          "1m1000001s", "ms10", "h"}) {
    EXPECT_EQ(x::ParseDuration(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(ParseDuration, RefusesSumsThatOverflow) {
  // Each term is allowed on its own; together they pass what a Duration holds.
  EXPECT_EQ(x::ParseDuration("1000000h1000000h1000000h"), std::nullopt);
  EXPECT_EQ(x::ParseDuration("1000000h1000000h"), gc::Duration(std::chrono::hours(2'000'000)));
}

using gc::metadata::MetadataConformanceTest;
using gc::metadata::MetadataFactory;

INSTANTIATE_TEST_SUITE_P(X, MetadataConformanceTest,
                         ::testing::Values(MetadataFactory{"map_metadata", [] { return x::NewMetadata(); }}),
                         MetadataConformanceTest::ParamName);

}  // namespace
}  // namespace gost::x::test
