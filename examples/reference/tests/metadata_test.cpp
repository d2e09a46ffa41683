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

TEST(GetString, Conversions) {
  auto md = x::NewMetadata({{"s", std::string("text")},
                            {"c", static_cast<const char*>("chars")},
                            {"nullc", static_cast<const char*>(nullptr)},
                            {"i", -42},
                            {"l", std::int64_t{1} << 40},
                            {"u", std::numeric_limits<std::uint64_t>::max()},
                            {"t", true},
                            {"f", false},
                            {"d", 1.5}});
  EXPECT_EQ(x::GetString(md, "s"), "text");
  EXPECT_EQ(x::GetString(md, "c"), "chars");
  EXPECT_EQ(x::GetString(md, "nullc"), "");
  EXPECT_EQ(x::GetString(md, "i"), "-42");
  EXPECT_EQ(x::GetString(md, "l"), "1099511627776");
  EXPECT_EQ(x::GetString(md, "u"), "18446744073709551615");
  EXPECT_EQ(x::GetString(md, "t"), "true");
  EXPECT_EQ(x::GetString(md, "f"), "false");
  EXPECT_EQ(x::GetString(md, "d"), "") << "a type it does not know gives the zero value";
  EXPECT_EQ(x::GetString(md, "missing"), "");
  EXPECT_EQ(x::GetString(nullptr, "s"), "");
}

TEST(GetInt, Conversions) {
  auto md = x::NewMetadata({{"i", 7},
                            {"neg", -7},
                            {"l", std::int64_t{123}},
                            {"s", std::string("90")},
                            {"splus", std::string("+5")},
                            {"sneg", std::string("-12")},
                            {"t", true},
                            {"f", false},
                            {"d", 2.0}});
  EXPECT_EQ(x::GetInt(md, "i"), 7);
  EXPECT_EQ(x::GetInt(md, "neg"), -7);
  EXPECT_EQ(x::GetInt(md, "l"), 123);
  EXPECT_EQ(x::GetInt(md, "s"), 90);
  EXPECT_EQ(x::GetInt(md, "splus"), 5);
  EXPECT_EQ(x::GetInt(md, "sneg"), -12);
  EXPECT_EQ(x::GetInt(md, "t"), 1);
  EXPECT_EQ(x::GetInt(md, "f"), 0);
  EXPECT_EQ(x::GetInt(md, "d"), 0);
  EXPECT_EQ(x::GetInt(md, "missing"), 0);
  EXPECT_EQ(x::GetInt(nullptr, "i"), 0);
}

TEST(GetInt, OutOfRangeAndBadStringsGiveZero) {
  auto md = x::NewMetadata({{"big64", std::int64_t{std::numeric_limits<int>::max()} + 1},
                            {"small64", std::int64_t{std::numeric_limits<int>::min()} - 1},
                            {"max64", std::int64_t{std::numeric_limits<int>::max()}},
                            {"min64", std::int64_t{std::numeric_limits<int>::min()}},
                            {"bigstr", std::string("2147483648")},
                            {"maxstr", std::string("2147483647")},
                            {"minstr", std::string("-2147483648")},
                            {"overflow", std::string("9223372036854775808")},
                            {"huge", std::string("99999999999999999999999")},
                            {"empty", std::string("")},
                            {"sign", std::string("-")},
                            {"word", std::string("abc")},
                            {"trail", std::string("12x")},
                            {"space", std::string(" 12")},
                            {"frac", std::string("1.5")}});
  EXPECT_EQ(x::GetInt(md, "big64"), 0);
  EXPECT_EQ(x::GetInt(md, "small64"), 0);
  EXPECT_EQ(x::GetInt(md, "max64"), std::numeric_limits<int>::max());
  EXPECT_EQ(x::GetInt(md, "min64"), std::numeric_limits<int>::min());
  EXPECT_EQ(x::GetInt(md, "bigstr"), 0);
  EXPECT_EQ(x::GetInt(md, "maxstr"), std::numeric_limits<int>::max());
  EXPECT_EQ(x::GetInt(md, "minstr"), std::numeric_limits<int>::min());
  EXPECT_EQ(x::GetInt(md, "overflow"), 0);
  EXPECT_EQ(x::GetInt(md, "huge"), 0);
  EXPECT_EQ(x::GetInt(md, "empty"), 0);
  EXPECT_EQ(x::GetInt(md, "sign"), 0);
  EXPECT_EQ(x::GetInt(md, "word"), 0);
  EXPECT_EQ(x::GetInt(md, "trail"), 0);
  EXPECT_EQ(x::GetInt(md, "space"), 0);
  EXPECT_EQ(x::GetInt(md, "frac"), 0);
}

TEST(GetBool, Conversions) {
  auto md = x::NewMetadata({{"t", true},
                            {"f", false},
                            {"i1", 1},
                            {"i0", 0},
                            {"ineg", -3},
                            {"l", std::int64_t{5}},
                            {"l0", std::int64_t{0}},
                            {"d", 1.0}});
  EXPECT_TRUE(x::GetBool(md, "t"));
  EXPECT_FALSE(x::GetBool(md, "f"));
  EXPECT_TRUE(x::GetBool(md, "i1"));
  EXPECT_FALSE(x::GetBool(md, "i0"));
  EXPECT_TRUE(x::GetBool(md, "ineg"));
  EXPECT_TRUE(x::GetBool(md, "l"));
  EXPECT_FALSE(x::GetBool(md, "l0"));
  EXPECT_FALSE(x::GetBool(md, "d"));
  EXPECT_FALSE(x::GetBool(md, "missing"));
  EXPECT_FALSE(x::GetBool(nullptr, "t"));

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
  auto md = x::NewMetadata({{"dur", gc::Duration(1500ms)},
                            {"int", 5},
                            {"zero", 0},
                            {"go", std::string("1m30s")},
                            {"ms", std::string("250ms")},
                            {"bare", std::string("90")},
                            {"barezero", std::string("0")},
                            {"bad", std::string("ten seconds")},
                            {"frac", std::string("1.5s")},
                            {"empty", std::string("")},
                            {"bool", true},
                            {"d", 2.0}});
  EXPECT_EQ(x::GetDuration(md, "dur"), 1500ms);
  EXPECT_EQ(x::GetDuration(md, "int"), 5s) << "an int counts seconds";
  EXPECT_EQ(x::GetDuration(md, "zero"), 0s);
  EXPECT_EQ(x::GetDuration(md, "go"), 90s);
  EXPECT_EQ(x::GetDuration(md, "ms"), 250ms);
  EXPECT_EQ(x::GetDuration(md, "bare"), 90s) << "a bare number counts seconds";
  EXPECT_EQ(x::GetDuration(md, "barezero"), 0s);
  EXPECT_EQ(x::GetDuration(md, "bad"), 0s);
  EXPECT_EQ(x::GetDuration(md, "frac"), 0s);
  EXPECT_EQ(x::GetDuration(md, "empty"), 0s);
  EXPECT_EQ(x::GetDuration(md, "bool"), 0s);
  EXPECT_EQ(x::GetDuration(md, "d"), 0s);
  EXPECT_EQ(x::GetDuration(md, "missing"), 0s);
  EXPECT_EQ(x::GetDuration(nullptr, "dur"), 0s);
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
