// Unit tests for gost/core/go/url.hpp: QueryEscape/QueryUnescape, Userinfo
// and Values/ParseQuery, with Go's net/url as the reference.
#include "gost/core/go/url.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

namespace url = gost::core::url;
namespace errors = gost::core::errors;
using gost::core::Error;

// ---------------------------------------------------------------------------
// QueryEscape / QueryUnescape

TEST(QueryEscapeTest, Table) {
  // Cases from Go's net/url tests and the escaping rules for a query component.
  struct Case {
    std::string_view in;
    std::string_view want;
  };
  const Case cases[] = {
      {"", ""},
      {"abc", "abc"},
      {"one two", "one+two"},
      {"10%", "10%25"},
      {" ?&=#+%!<>#\"{}|\\^[]`☺\t:/@$'()*,;",
       "+%3F%26%3D%23%2B%25%21%3C%3E%23%22%7B%7D%7C%5C%5E%5B%5D%60%E2%98%BA%09%3A%2F%40%24%27%28%29%2A%2C%3B"},
      {"AZaz09-_.~", "AZaz09-_.~"},
      {"a b&c", "a+b%26c"},
      {std::string_view("\0\x7f\xff", 3), "%00%7F%FF"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(url::QueryEscape(c.in), c.want) << c.in;
  }
}

TEST(QueryUnescapeTest, Valid) {
  struct Case {
    std::string_view in;
    std::string_view want;
  };
  const Case cases[] = {
      {"", ""},     {"abc", "abc"}, {"1%41", "1A"},     {"1%41%42%43", "1ABC"},
      {"%4a", "J"}, {"%6F", "o"},   {"a+b", "a b"},     {"a%20b", "a b"},
      {"%2B", "+"}, {"%25", "%"},   {"%E2%98%BA", "☺"}, {"%00", std::string_view("\0", 1)},
      {"++", "  "},
  };
  for (const auto& c : cases) {
    auto r = url::QueryUnescape(c.in);
    ASSERT_TRUE(r) << c.in << ": " << r.error();
    EXPECT_EQ(*r, c.want) << c.in;
  }
}

TEST(QueryUnescapeTest, InvalidEscapes) {
  struct Case {
    std::string_view in;
    std::string_view bad;  // the escape the message quotes, as Go's EscapeError
  };
  const Case cases[] = {
      {"%", "%"},    {"%4", "%4"},    {"%zz", "%zz"}, {"%z1", "%z1"}, {"%1z", "%1z"},        {"abc%", "%"},
      {"a%4", "%4"}, {"%%41", "%%4"}, {"%G0", "%G0"}, {"%-1", "%-1"}, {"ok%2Bthen%x", "%x"}, {"% 1", "% 1"},
  };
  for (const auto& c : cases) {
    auto r = url::QueryUnescape(c.in);
    ASSERT_FALSE(r) << "accepted \"" << c.in << "\" as \"" << *r << "\"";
    EXPECT_EQ(r.error().Message(), "invalid URL escape \"" + std::string(c.bad) + "\"") << c.in;
    EXPECT_TRUE(errors::Is(r.error(), Error(errors::Code::InvalidArgument))) << c.in;
  }
}

TEST(QueryEscapeTest, RoundTrip) {
  const std::string_view inputs[] = {"",     "plain", "with space",        "a+b=c&d",
                                     "100%", "☺ x",   "/?#[]@!$&'()*+,;=", std::string_view("\0\x01\xfe\xff", 4)};
  for (auto s : inputs) {
    auto r = url::QueryUnescape(url::QueryEscape(s));
    ASSERT_TRUE(r) << s;
    EXPECT_EQ(*r, s);
  }
}

// ---------------------------------------------------------------------------
// Userinfo

TEST(UserinfoTest, UsernameOnly) {
  const auto u = url::User("alice");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->Username(), "alice");
  EXPECT_FALSE(u->Password().has_value());
  EXPECT_EQ(u->String(), "alice");
}

TEST(UserinfoTest, PasswordSetButEmptyDiffersFromUnset) {
  const auto with_empty = url::UserPassword("bob", "");
  ASSERT_TRUE(with_empty->Password().has_value());
  EXPECT_EQ(*with_empty->Password(), "");
  EXPECT_EQ(with_empty->String(), "bob:");
  const auto none = url::User("bob");
  EXPECT_FALSE(none->Password().has_value());
  EXPECT_EQ(none->String(), "bob");
  EXPECT_NE(*with_empty, *none);
}

TEST(UserinfoTest, UsernameAndPassword) {
  const auto u = url::UserPassword("user", "secret");
  EXPECT_EQ(u->Username(), "user");
  ASSERT_TRUE(u->Password().has_value());
  EXPECT_EQ(*u->Password(), "secret");
  EXPECT_EQ(u->String(), "user:secret");
  EXPECT_EQ(*u, url::Userinfo("user", "secret"));
}

TEST(UserinfoTest, StringEscaping) {
  // Go keeps the sub-delimiters $&+,;= and escapes ':', '@', '/', '?' and
  // everything else that is not unreserved.
  struct Case {
    std::string_view user;
    std::optional<std::string_view> pass;
    std::string_view want;
  };
  const Case cases[] = {
      {"a:b", std::nullopt, "a%3Ab"},
      {"a@b", "p@ss", "a%40b:p%40ss"},
      {"a b", "c d", "a%20b:c%20d"},
      {"us/er", "pa?ss", "us%2Fer:pa%3Fss"},
      {"$&+,;=", "$&+,;=", "$&+,;=:$&+,;="},
      {"-._~", "AZaz09", "-._~:AZaz09"},
      {"!*'()", "#%", "%21%2A%27%28%29:%23%25"},
      {"ü", "☺", "%C3%BC:%E2%98%BA"},
      {"", "", ":"},
      {"", std::nullopt, ""},
      {"john", "p:w", "john:p%3Aw"},
  };
  for (const auto& c : cases) {
    const url::Userinfo u =
        c.pass ? url::Userinfo(std::string(c.user), std::string(*c.pass)) : url::Userinfo(std::string(c.user));
    EXPECT_EQ(u.String(), c.want) << c.user;
  }
}

TEST(UserinfoTest, Printers) {
  const url::Userinfo u("a b", "c");
  std::ostringstream os;
  os << u;
  EXPECT_EQ(os.str(), "a%20b:c");
  EXPECT_EQ(::testing::PrintToString(u), "a%20b:c");
}

TEST(UserinfoTest, PtrIsSharedAndConst) {
  static_assert(std::is_same_v<url::UserinfoPtr, std::shared_ptr<const url::Userinfo>>);
  const url::UserinfoPtr none;
  EXPECT_EQ(none, nullptr);
  SUCCEED();
}

TEST(ParseUserinfoTest, Valid) {
  struct Case {
    std::string_view in;
    std::string_view user;
    std::optional<std::string_view> pass;
  };
  const Case cases[] = {
      {"alice", "alice", std::nullopt},
      {"alice:", "alice", ""},
      {"alice:secret", "alice", "secret"},
      {":secret", "", "secret"},
      {"", "", std::nullopt},
      {"a%40b:p%3Aw", "a@b", "p:w"},
      {"a:b:c", "a", "b:c"},      // the first ':' splits
      {"a+b:c+d", "a+b", "c+d"},  // '+' is not a space outside queries
      {"%E2%98%BA:x", "☺", "x"},
      {"u:p@ss", "u", "p@ss"},
      {"!$&'()*+,;=:x", "!$&'()*+,;=", "x"},
  };
  for (const auto& c : cases) {
    auto r = url::ParseUserinfo(c.in);
    ASSERT_TRUE(r) << c.in << ": " << r.error();
    ASSERT_NE(*r, nullptr);
    EXPECT_EQ((*r)->Username(), c.user) << c.in;
    EXPECT_EQ((*r)->Password().has_value(), c.pass.has_value()) << c.in;
    if (c.pass && (*r)->Password()) {
      EXPECT_EQ(*(*r)->Password(), *c.pass) << c.in;
    }
  }
}

TEST(ParseUserinfoTest, Invalid) {
  struct Case {
    std::string_view in;
    std::string_view message;
  };
  const Case cases[] = {
      {"a%", "invalid URL escape \"%\""},     {"a%zz:b", "invalid URL escape \"%zz\""},
      {"a:b%4", "invalid URL escape \"%4\""}, {"a b", "net/url: invalid userinfo"},
      {"a:b c", "net/url: invalid userinfo"}, {"a/b", "net/url: invalid userinfo"},
      {"a?b", "net/url: invalid userinfo"},   {"a#b", "net/url: invalid userinfo"},
      {"a\"b", "net/url: invalid userinfo"},  {"\xc3\xbc", "net/url: invalid userinfo"},
      {"a\nb", "net/url: invalid userinfo"},
  };
  for (const auto& c : cases) {
    auto r = url::ParseUserinfo(c.in);
    ASSERT_FALSE(r) << "accepted \"" << c.in << "\"";
    EXPECT_EQ(r.error().Message(), c.message) << c.in;
    EXPECT_TRUE(errors::Is(r.error(), Error(errors::Code::InvalidArgument))) << c.in;
  }
}

TEST(ParseUserinfoTest, RoundTrip) {
  const url::Userinfo cases[] = {
      url::Userinfo("alice"),
      url::Userinfo("alice", ""),
      url::Userinfo("alice", "s3cr3t"),
      url::Userinfo("a:b@c/d?e", "p:w@x/y?z"),
      url::Userinfo("with space", "and+plus"),
      url::Userinfo("!*'()", "#%☺"),
      url::Userinfo("", "only-pass"),
  };
  for (const auto& u : cases) {
    auto r = url::ParseUserinfo(u.String());
    ASSERT_TRUE(r) << u.String() << ": " << r.error();
    EXPECT_EQ(**r, u) << u.String();
    EXPECT_EQ((*r)->String(), u.String());
  }
}

// ---------------------------------------------------------------------------
// Values

TEST(ValuesTest, GetSetAddDelHas) {
  url::Values v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.Get("a"), "");
  EXPECT_FALSE(v.Has("a"));
  v.Set("a", "1");
  EXPECT_TRUE(v.Has("a"));
  EXPECT_EQ(v.Get("a"), "1");
  v.Add("a", "2");
  v.Add("b", "x");
  EXPECT_EQ(v.Get("a"), "1");  // the first value
  EXPECT_THAT(v.ValuesOf("a"), ::testing::ElementsAre("1", "2"));
  EXPECT_EQ(v.size(), 2U);
  v.Set("a", "3");  // replaces all
  EXPECT_THAT(v.ValuesOf("a"), ::testing::ElementsAre("3"));
  v.Del("a");
  EXPECT_FALSE(v.Has("a"));
  EXPECT_EQ(v.Get("a"), "");
  EXPECT_TRUE(v.ValuesOf("a").empty());
  v.Del("missing");  // no-op
  EXPECT_EQ(v.size(), 1U);
  EXPECT_FALSE(v.Has("B"));  // keys are case-sensitive
}

TEST(ValuesTest, HasWithNoValues) {
  url::Values v{{"k", {}}};
  EXPECT_TRUE(v.Has("k"));
  EXPECT_EQ(v.Get("k"), "");
  EXPECT_EQ(v.Encode(), "");
}

TEST(ValuesTest, EncodeSortsKeysAndEscapes) {
  url::Values v;
  v.Add("q", "puppies");
  v.Add("oe", "utf8");
  v.Add("b", "2");
  v.Add("b", "1");  // values keep their order
  v.Add("a key", "a value&more");
  v.Add("", "empty key");
  EXPECT_EQ(v.Encode(), "=empty+key&a+key=a+value%26more&b=2&b=1&oe=utf8&q=puppies");
  EXPECT_EQ(url::Values().Encode(), "");
  std::ostringstream os;
  os << v;
  EXPECT_EQ(os.str(), v.Encode());
  EXPECT_EQ(::testing::PrintToString(url::Values{{"x", {"1"}}}), "x=1");
}

TEST(ValuesTest, GoEncodeExample) {
  // The example of Go's Values.Encode documentation.
  const url::Values v{{"q", {"puppies"}}, {"oe", {"utf8"}}};
  EXPECT_EQ(v.Encode(), "oe=utf8&q=puppies");
}

TEST(ValuesTest, IterationAndEquality) {
  url::Values a;
  a.Add("z", "1");
  a.Add("a", "2");
  std::vector<std::string> keys;
  for (const auto& [k, vs] : a) keys.push_back(k);
  EXPECT_THAT(keys, ::testing::ElementsAre("a", "z"));
  url::Values b{{"a", {"2"}}, {"z", {"1"}}};
  EXPECT_EQ(a, b);
  b.Add("z", "1");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.map().size(), 2U);
}

// ---------------------------------------------------------------------------
// ParseQuery

TEST(ParseQueryTest, Valid) {
  auto r = url::ParseQuery("a=1&b=2&a=3");
  ASSERT_TRUE(r) << r.error();
  EXPECT_THAT(r->ValuesOf("a"), ::testing::ElementsAre("1", "3"));
  EXPECT_EQ(r->Get("b"), "2");
  EXPECT_EQ(r->size(), 2U);
}

TEST(ParseQueryTest, Table) {
  struct Case {
    std::string_view in;
    url::Values want;
  };
  const Case cases[] = {
      {"", {}},
      {"&", {}},
      {"&&a=1&&", {{"a", {"1"}}}},
      {"a", {{"a", {""}}}},
      {"a=", {{"a", {""}}}},
      {"=b", {{"", {"b"}}}},
      {"a=1=2", {{"a", {"1=2"}}}},
      {"x=1&x=2&x=", {{"x", {"1", "2", ""}}}},
      {"q=hello+world&r=%26%3D", {{"q", {"hello world"}}, {"r", {"&="}}}},
      {"a+b=c%20d", {{"a b", {"c d"}}}},
      {"foo=bar&bar=1&bar=2&baz", {{"foo", {"bar"}}, {"bar", {"1", "2"}}, {"baz", {""}}}},
  };
  for (const auto& c : cases) {
    auto r = url::ParseQuery(c.in);
    ASSERT_TRUE(r) << c.in << ": " << r.error();
    EXPECT_EQ(*r, c.want) << c.in << " parsed as " << r->Encode();
  }
}

TEST(ParseQueryTest, SemicolonIsAnError) {
  for (std::string_view s : {"a=1;b=2", "a=1&b=2;c", ";", "a;b=1", "x=%3B&y=1;2"}) {
    auto r = url::ParseQuery(s);
    ASSERT_FALSE(r) << s;
    EXPECT_EQ(r.error().Message(), "invalid semicolon separator in query") << s;
    EXPECT_TRUE(errors::Is(r.error(), Error(errors::Code::InvalidArgument))) << s;
  }
  // An escaped semicolon is data.
  auto ok = url::ParseQuery("a=%3B");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->Get("a"), ";");
}

TEST(ParseQueryTest, BadEscapeIsAnError) {
  for (std::string_view s : {"a=%zz", "a%=1", "a=1&b=%4", "%"}) {
    auto r = url::ParseQuery(s);
    ASSERT_FALSE(r) << s;
    EXPECT_THAT(r.error().Message(), ::testing::StartsWith("invalid URL escape")) << s;
  }
}

TEST(ParseQueryTest, EncodeRoundTrip) {
  url::Values v;
  v.Add("name", "Ava Smith");
  v.Add("tags", "a&b");
  v.Add("tags", "c=d");
  v.Add("empty", "");
  v.Add("sym", "100% ☺;");
  auto r = url::ParseQuery(v.Encode());
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(*r, v);
}

}  // namespace
