// Unit tests for gost/core/go/http.hpp: CanonicalHeaderKey and Header, with
// Go's net/http (net/textproto) rules as the reference.
#include "gost/core/go/http.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace http = gost::core::http;

TEST(CanonicalHeaderKeyTest, Table) {
  struct Case {
    std::string_view in;
    std::string_view want;
  };
  const Case cases[] = {
      {"a-b-c", "A-B-C"},
      {"a-1-c", "A-1-C"},
      {"User-Agent", "User-Agent"},
      {"uSER-aGENT", "User-Agent"},
      {"user-agent", "User-Agent"},
      {"USER-AGENT", "User-Agent"},
      {"content-type", "Content-Type"},
      {"x-forwarded-for", "X-Forwarded-For"},
      {"WWW-AUTHENTICATE", "Www-Authenticate"},
      {"FIZZ-BUZZ", "Fizz-Buzz"},  // both ends of A-Z are lowered
      {"aZ-za", "Az-Za"},
      {"host", "Host"},
      {"", ""},
      {"-", "-"},
      {"--a", "--A"},
      {"a--b", "A--B"},
      {"foo-", "Foo-"},
      {"1foo", "1foo"},
      {"x_y", "X_y"},  // '_' is a token byte but not a word separator
      {"a.b-c", "A.b-C"},
      {"!#$%&'*+.^_`|~", "!#$%&'*+.^_`|~"},
      // Keys with bytes that are not header token characters stay unchanged.
      {"foo bar", "foo bar"},
      {"content type", "content type"},
      {" content-type", " content-type"},
      {"content-type ", "content-type "},
      {"foo\tbar", "foo\tbar"},
      {"foo:bar", "foo:bar"},
      {"foo(bar)", "foo(bar)"},
      {"foo\"bar", "foo\"bar"},
      {"foo/bar", "foo/bar"},
      {"foo@bar", "foo@bar"},
      {"foo{bar}", "foo{bar}"},
      {"foo=bar", "foo=bar"},
      {"foo\x7f", "foo\x7f"},
      {"foo\xc3\xbc", "foo\xc3\xbc"},
      {std::string_view("foo\0bar", 7), std::string_view("foo\0bar", 7)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(http::CanonicalHeaderKey(c.in), c.want) << "\"" << c.in << "\"";
  }
}

TEST(CanonicalHeaderKeyTest, Idempotent) {
  for (std::string_view s : {"x-forwarded-for", "WWW-AUTHENTICATE", "foo bar", "a-b-c", ""}) {
    const std::string once = http::CanonicalHeaderKey(s);
    EXPECT_EQ(http::CanonicalHeaderKey(once), once) << s;
  }
}

TEST(HeaderTest, CaseInsensitiveAccess) {
  http::Header h;
  EXPECT_TRUE(h.empty());
  h.Set("content-type", "text/plain");
  EXPECT_EQ(h.Get("Content-Type"), "text/plain");
  EXPECT_EQ(h.Get("CONTENT-TYPE"), "text/plain");
  EXPECT_TRUE(h.Has("cOnTeNt-TyPe"));
  EXPECT_EQ(h.size(), 1U);
  ASSERT_EQ(h.map().count("Content-Type"), 1U);  // stored under the canonical key
  h.Del("CONTENT-type");
  EXPECT_FALSE(h.Has("Content-Type"));
  EXPECT_EQ(h.Get("Content-Type"), "");
  EXPECT_TRUE(h.empty());
}

TEST(HeaderTest, AddKeepsOrderSetReplaces) {
  http::Header h;
  h.Add("x-forwarded-for", "1.1.1.1");
  h.Add("X-Forwarded-For", "2.2.2.2");
  h.Add("X-FORWARDED-FOR", "3.3.3.3");
  EXPECT_THAT(h.Values("x-forwarded-for"), ::testing::ElementsAre("1.1.1.1", "2.2.2.2", "3.3.3.3"));
  EXPECT_EQ(h.Get("X-Forwarded-For"), "1.1.1.1");
  h.Set("x-forwarded-for", "9.9.9.9");
  EXPECT_THAT(h.Values("X-Forwarded-For"), ::testing::ElementsAre("9.9.9.9"));
  EXPECT_EQ(h.size(), 1U);
}

TEST(HeaderTest, MissingKeys) {
  const http::Header h;
  EXPECT_EQ(h.Get("Nope"), "");
  EXPECT_TRUE(h.Values("Nope").empty());
  EXPECT_FALSE(h.Has("Nope"));
  http::Header m;
  m.Del("Nope");  // no-op
  EXPECT_TRUE(m.empty());
}

TEST(HeaderTest, EmptyValueIsPresent) {
  http::Header h;
  h.Set("X-Empty", "");
  EXPECT_TRUE(h.Has("x-empty"));
  EXPECT_EQ(h.Get("x-empty"), "");
  EXPECT_THAT(h.Values("x-empty"), ::testing::ElementsAre(""));
}

TEST(HeaderTest, NonTokenKeysAreKeptVerbatim) {
  http::Header h;
  h.Set("bad key", "v");
  EXPECT_TRUE(h.Has("bad key"));
  EXPECT_FALSE(h.Has("Bad Key"));  // not canonicalized, so not case-folded
  EXPECT_EQ(h.map().count("bad key"), 1U);
}

TEST(HeaderTest, InitializerList) {
  const http::Header h{{"accept", "a"}, {"Accept", "b"}, {"host", "example.com"}};
  EXPECT_THAT(h.Values("ACCEPT"), ::testing::ElementsAre("a", "b"));
  EXPECT_EQ(h.Get("Host"), "example.com");
  EXPECT_EQ(h.size(), 2U);
}

TEST(HeaderTest, CloneIsDeep) {
  http::Header h;
  h.Add("A", "1");
  h.Add("A", "2");
  http::Header c = h.Clone();
  EXPECT_EQ(c, h);
  c.Add("A", "3");
  c.Set("B", "x");
  EXPECT_THAT(h.Values("A"), ::testing::ElementsAre("1", "2"));
  EXPECT_FALSE(h.Has("B"));
  EXPECT_NE(c, h);
  h.Del("A");
  EXPECT_THAT(c.Values("A"), ::testing::ElementsAre("1", "2", "3"));
  const http::Header copy = c;  // copying is also deep
  c.Del("A");
  EXPECT_TRUE(copy.Has("A"));
}

TEST(HeaderTest, ValuesReturnsACopy) {
  http::Header h;
  h.Add("A", "1");
  auto vs = h.Values("A");
  vs.push_back("2");
  EXPECT_THAT(h.Values("A"), ::testing::ElementsAre("1"));
}

TEST(HeaderTest, WireFormatPrinter) {
  http::Header h;
  h.Add("x-b", "2");
  h.Add("content-type", "text/html");
  h.Add("x-b", "3");
  std::ostringstream os;
  os << h;
  EXPECT_EQ(os.str(), "Content-Type: text/html\r\nX-B: 2\r\nX-B: 3\r\n");
  EXPECT_EQ(::testing::PrintToString(http::Header()), "");
  std::vector<std::string> keys;
  for (const auto& [k, vs] : h) keys.push_back(k);
  EXPECT_THAT(keys, ::testing::ElementsAre("Content-Type", "X-B"));
}

}  // namespace
