// Unit tests for gost/core/go/fmt.hpp: fmt::Arg, fmt::Args, fmt::Sprint and
// fmt::Sprintf, with Go's fmt.Sprint / fmt.Sprintf as the reference. (The
// Logger interface and LoggerGroup are tested elsewhere.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "gost/core/go/errors.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/fmt.hpp"

namespace {

namespace fmt = gost::core::fmt;
namespace errors = gost::core::errors;
namespace net = gost::core::net;
namespace io = gost::core::io;
using gost::core::Error;
using fmt::Arg;
using fmt::Args;
using fmt::Sprint;
using fmt::Sprintf;

// A type with a String() method, like Go's fmt.Stringer.
struct Endpoint {
  std::string name;
  [[nodiscard]] std::string String() const { return "ep(" + name + ")"; }
};

// ---------------------------------------------------------------------------
// Arg and Args

TEST(ArgTest, Kinds) {
  using K = Arg::Kind;
  EXPECT_EQ(Arg().kind(), K::Nil);
  EXPECT_EQ(Arg(true).kind(), K::Bool);
  EXPECT_EQ(Arg(1).kind(), K::Int);
  EXPECT_EQ(Arg(std::int8_t{-1}).AsInt(), -1);
  EXPECT_EQ(Arg(-1L).kind(), K::Int);
  EXPECT_EQ(Arg(1U).kind(), K::Uint);
  EXPECT_EQ(Arg(std::uint8_t{1}).kind(), K::Uint);
  EXPECT_EQ(Arg(std::size_t{7}).AsUint(), 7U);
  EXPECT_EQ(Arg(1.5F).kind(), K::Float);
  EXPECT_EQ(Arg(1.5).AsFloat(), 1.5);
  EXPECT_EQ(Arg("lit").kind(), K::String);
  const std::string s = "str";
  EXPECT_EQ(Arg(s).kind(), K::String);
  EXPECT_EQ(Arg(s).AsText().data(), s.data());  // borrowed, not copied
  EXPECT_EQ(Arg(std::string_view("sv")).AsText(), "sv");
  EXPECT_EQ(Arg(io::ErrEOF).kind(), K::Text);
  EXPECT_EQ(Arg(io::ErrEOF).AsText(), "EOF");
  EXPECT_EQ(Arg(Endpoint{"x"}).kind(), K::Text);
  EXPECT_EQ(Arg(net::IP::V4(1, 2, 3, 4)).AsText(), "1.2.3.4");
}

TEST(ArgTest, IsString) {
  EXPECT_TRUE(Arg("x").IsString());
  EXPECT_TRUE(Arg(std::string("x")).IsString());
  EXPECT_TRUE(Arg(std::string_view("x")).IsString());
  EXPECT_FALSE(Arg(1).IsString());
  EXPECT_FALSE(Arg(true).IsString());
  EXPECT_FALSE(Arg(1.0).IsString());
  EXPECT_FALSE(Arg(io::ErrEOF).IsString());
  EXPECT_FALSE(Arg(Error()).IsString());
  EXPECT_FALSE(Arg(Endpoint{"x"}).IsString());  // String() values are not strings, as in Go
  EXPECT_FALSE(Arg().IsString());
}

TEST(ArgTest, NullCString) {
  const char* p = nullptr;
  EXPECT_EQ(Sprint(Arg(p)), "<nil>");
}

TEST(ArgsTest, Forms) {
  const Args none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.size(), 0U);
  const Args one = 5;
  ASSERT_EQ(one.size(), 1U);
  EXPECT_EQ(one[0].AsInt(), 5);
  const Args str = "just a string";
  ASSERT_EQ(str.size(), 1U);
  EXPECT_TRUE(str[0].IsString());
  // A braced list borrows its elements for the call it is passed to (an Args
  // must not be stored), so inspect it inside a call.
  auto inspect = [](const Args& list) {
    std::string kinds;
    for (const Arg& a : list) kinds += a.IsString() ? 's' : 'o';
    return kinds;
  };
  EXPECT_EQ(inspect({1, "two", 3.0}), "oso");
  EXPECT_EQ(inspect({}), "");
  EXPECT_EQ(inspect("one"), "s");
}

TEST(ArgsTest, CopyOfSingleArgPointsAtItsOwnCopy) {
  auto make = [] { return Args(42); };
  const Args copy = make();
  ASSERT_EQ(copy.size(), 1U);
  EXPECT_EQ(copy[0].AsInt(), 42);
  const Args a = 7;
  const Args b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_NE(b.begin(), a.begin());
  EXPECT_EQ(Sprint(b), "7");
}

// ---------------------------------------------------------------------------
// Sprint

TEST(SprintTest, SpacingRule) {
  // Go: a space between two operands when neither is a string.
  EXPECT_EQ(Sprint({}), "");
  EXPECT_EQ(Sprint("a"), "a");
  EXPECT_EQ(Sprint({"a", "b"}), "ab");
  EXPECT_EQ(Sprint({1, 2}), "1 2");
  EXPECT_EQ(Sprint({1, 2, 3}), "1 2 3");
  EXPECT_EQ(Sprint({"a", 1, 2, "b"}), "a1 2b");
  EXPECT_EQ(Sprint({1, "a", 2}), "1a2");
  EXPECT_EQ(Sprint({"x=", 1, " y=", 2}), "x=1 y=2");
  EXPECT_EQ(Sprint({true, false}), "true false");
  EXPECT_EQ(Sprint({1.5, 2}), "1.5 2");
  EXPECT_EQ(Sprint({std::string("s"), 3}), "s3");
  EXPECT_EQ(Sprint({"", 1, ""}), "1");
}

TEST(SprintTest, ErrorsAndStringersAreNotStrings) {
  const Error e1 = errors::New("e1");
  const Error e2 = errors::New("e2");
  EXPECT_EQ(Sprint({e1, e2}), "e1 e2");
  EXPECT_EQ(Sprint({"dial failed: ", e1}), "dial failed: e1");
  EXPECT_EQ(Sprint({e1, "!"}), "e1!");
  EXPECT_EQ(Sprint({Endpoint{"a"}, Endpoint{"b"}}), "ep(a) ep(b)");
  EXPECT_EQ(Sprint({"to ", Endpoint{"a"}}), "to ep(a)");
  EXPECT_EQ(Sprint({Endpoint{"a"}, 3}), "ep(a) 3");
  EXPECT_EQ(Sprint({net::IP::V4(10, 0, 0, 1), net::Addr("tcp", "x:1")}), "10.0.0.1 x:1");
}

TEST(SprintTest, Values) {
  EXPECT_EQ(Sprint(Error()), "<nil>");
  EXPECT_EQ(Sprint(io::ErrEOF), "EOF");
  EXPECT_EQ(Sprint({Arg(), 1}), "<nil> 1");  // a default Arg is Go's nil operand
  EXPECT_EQ(Sprint(-1), "-1");
  EXPECT_EQ(Sprint(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808");
  EXPECT_EQ(Sprint(std::numeric_limits<std::uint64_t>::max()), "18446744073709551615");
  EXPECT_EQ(Sprint(std::int8_t{-5}), "-5");
  EXPECT_EQ(Sprint(std::uint8_t{200}), "200");
  EXPECT_EQ(Sprint(true), "true");
  EXPECT_EQ(Sprint(2.0), "2");
  EXPECT_EQ(Sprint(0.1), "0.1");
  EXPECT_EQ(Sprint(-0.25), "-0.25");
  EXPECT_EQ(Sprint(3.5F), "3.5");
  EXPECT_EQ(Sprint("ünï☺"), "ünï☺");
}

// ---------------------------------------------------------------------------
// Sprintf

TEST(SprintfTest, Verbs) {
  EXPECT_EQ(Sprintf("%v", 42), "42");
  EXPECT_EQ(Sprintf("%d", 42), "42");
  EXPECT_EQ(Sprintf("%d", -42), "-42");
  EXPECT_EQ(Sprintf("%d", 42U), "42");
  EXPECT_EQ(Sprintf("%s", "str"), "str");
  EXPECT_EQ(Sprintf("%v", "str"), "str");
  EXPECT_EQ(Sprintf("%s", std::string("owned")), "owned");
  EXPECT_EQ(Sprintf("%x", 255), "ff");
  EXPECT_EQ(Sprintf("%X", 255), "FF");
  EXPECT_EQ(Sprintf("%x", 0), "0");
  EXPECT_EQ(Sprintf("%x", 0xdeadbeefU), "deadbeef");
  EXPECT_EQ(Sprintf("%X", std::numeric_limits<std::uint64_t>::max()), "FFFFFFFFFFFFFFFF");
  EXPECT_EQ(Sprintf("%q", "hi"), "\"hi\"");
  EXPECT_EQ(Sprintf("%q", "a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Sprintf("%f", 3.14159), "3.141590");
  EXPECT_EQ(Sprintf("%f", 2.0), "2.000000");
  EXPECT_EQ(Sprintf("%f", -0.5), "-0.500000");
  EXPECT_EQ(Sprintf("%v", 2.5), "2.5");
  EXPECT_EQ(Sprintf("%t", true), "true");
  EXPECT_EQ(Sprintf("%t", false), "false");
  EXPECT_EQ(Sprintf("%v", false), "false");
  EXPECT_EQ(Sprintf("100%%", {}), "100%");
  EXPECT_EQ(Sprintf("%%d", {}), "%d");
  EXPECT_EQ(Sprintf("%d%%", 50), "50%");
}

TEST(SprintfTest, NegativeNumbersInHex) {
  // Go prints the sign and the magnitude: Sprintf("%x", -255) == "-ff".
  EXPECT_EQ(Sprintf("%x", -255), "-ff");
  EXPECT_EQ(Sprintf("%X", -255), "-FF");
  EXPECT_EQ(Sprintf("%x", -1), "-1");
  EXPECT_EQ(Sprintf("%x", std::numeric_limits<std::int64_t>::min()), "-8000000000000000");
  EXPECT_EQ(Sprintf("%x", std::int8_t{-16}), "-10");
}

TEST(SprintfTest, HexOfStrings) {
  EXPECT_EQ(Sprintf("%x", "hi"), "6869");
  EXPECT_EQ(Sprintf("%X", std::string_view("\x01\xff", 2)), "01FF");
  EXPECT_EQ(Sprintf("%x", ""), "");
  EXPECT_EQ(Sprintf("%x", std::string_view("\0", 1)), "00");
}

TEST(SprintfTest, MixedArguments) {
  EXPECT_EQ(Sprintf("%s: %d bytes", {"conn", 512}), "conn: 512 bytes");
  EXPECT_EQ(Sprintf("%s -> %s (%v)", {"a", "b", true}), "a -> b (true)");
  EXPECT_EQ(Sprintf("no verbs", {}), "no verbs");
  EXPECT_EQ(Sprintf("", {}), "");
  EXPECT_EQ(Sprintf("ü %s ☺", "x"), "ü x ☺");
}

TEST(SprintfTest, ErrorArguments) {
  const Error e = errors::Wrap(io::ErrEOF, "read");
  EXPECT_EQ(Sprintf("failed: %v", e), "failed: read: EOF");
  EXPECT_EQ(Sprintf("failed: %s", e), "failed: read: EOF");
  EXPECT_EQ(Sprintf("%q", e), "\"read: EOF\"");
  EXPECT_EQ(Sprintf("%x", io::ErrEOF), "454f46");
  EXPECT_EQ(Sprintf("err=%v", Error()), "err=<nil>");
}

TEST(SprintfTest, StringerArguments) {
  EXPECT_EQ(Sprintf("%v", Endpoint{"a"}), "ep(a)");
  EXPECT_EQ(Sprintf("%s", Endpoint{"a"}), "ep(a)");
  EXPECT_EQ(Sprintf("%q", Endpoint{"a"}), "\"ep(a)\"");
  EXPECT_EQ(Sprintf("listening on %s", net::Addr("tcp", "0.0.0.0:8080")), "listening on 0.0.0.0:8080");
  EXPECT_EQ(Sprintf("%v", net::IP::V4(1, 2, 3, 4)), "1.2.3.4");
}

TEST(SprintfTest, MissingArguments) {
  EXPECT_EQ(Sprintf("%d", {}), "%!d(MISSING)");
  EXPECT_EQ(Sprintf("%s %s", "a"), "a %!s(MISSING)");
  EXPECT_EQ(Sprintf("%v|%x|%q", {}), "%!v(MISSING)|%!x(MISSING)|%!q(MISSING)");
  EXPECT_EQ(Sprintf("%z", {}), "%!z(MISSING)");
}

TEST(SprintfTest, BadVerb) {
  EXPECT_EQ(Sprintf("%z", 5), "%!z(5)");
  EXPECT_EQ(Sprintf("%z", "s"), "%!z(s)");
  EXPECT_EQ(Sprintf("%z %d", {1, 2}), "%!z(1) 2");
  EXPECT_EQ(Sprintf("%!", 1), "%!!(1)");
  EXPECT_EQ(Sprintf("% ", 1), "%!(NOVERB)%!(EXTRA 1)");  // a space is a flag, as in Go
}

TEST(SprintfTest, ExtraArguments) {
  EXPECT_EQ(Sprintf("a", 1), "a%!(EXTRA 1)");
  EXPECT_EQ(Sprintf("a", {1, "x"}), "a%!(EXTRA 1, x)");
  EXPECT_EQ(Sprintf("%d", {1, 2, 3}), "1%!(EXTRA 2, 3)");
  EXPECT_EQ(Sprintf("", {true}), "%!(EXTRA true)");
  EXPECT_EQ(Sprintf("%%", 9), "%%!(EXTRA 9)");
}

TEST(SprintfTest, TrailingPercent) {
  EXPECT_EQ(Sprintf("%", {}), "%!(NOVERB)");
  EXPECT_EQ(Sprintf("abc%", {}), "abc%!(NOVERB)");
  EXPECT_EQ(Sprintf("%d%", 1), "1%!(NOVERB)");
  EXPECT_EQ(Sprintf("%", 1), "%!(NOVERB)%!(EXTRA 1)");
}

// ---------------------------------------------------------------------------
// Parity with Go's fmt where it is easy to get wrong. Each expectation is
// what Go prints for the same call.

TEST(SprintGoParityTest, FloatsUseShortestGoForm) {
  // Go's %v for a float is strconv's 'g' with the shortest digits that read
  // back exactly, which switches to an exponent below 1e-4 and from 1e6 on.
  EXPECT_EQ(Sprint(1e-7), "1e-07");
  EXPECT_EQ(Sprint(3.0000001), "3.0000001");
  EXPECT_EQ(Sprint(1e21), "1e+21");
  EXPECT_EQ(Sprint(123456.0), "123456");
  EXPECT_EQ(Sprint(999999.0), "999999");
  EXPECT_EQ(Sprint(1e6), "1e+06");
  EXPECT_EQ(Sprint(1234567.0), "1.234567e+06");
  EXPECT_EQ(Sprint(-2.5e9), "-2.5e+09");
  EXPECT_EQ(Sprint(0.0001), "0.0001");
  EXPECT_EQ(Sprint(0.00012), "0.00012");
  EXPECT_EQ(Sprint(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(Sprint(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(Sprint(-0.0), "-0");
  EXPECT_EQ(Sprint(5e-324), "5e-324");  // the smallest subnormal
  EXPECT_EQ(Sprint(1.7976931348623157e308), "1.7976931348623157e+308");
  // A power of two, whose rounding interval is wider above than below: the
  // shortest digits lie above the value (the nearest 16 digits do not read
  // back, yet these do).
  EXPECT_EQ(Sprint(5.960464477539063e-08), "5.960464477539063e-08");  // 2^-24
}

TEST(SprintGoParityTest, FloatPrecisionIsDecimalsForFAndDigitsForV) {
  // Go: %.Nf gives N decimals; %.Nv is %.Ng, N significant digits.
  EXPECT_EQ(Sprintf("%.2f", 3.14159), "3.14");
  EXPECT_EQ(Sprintf("%.2v", 3.14159), "3.1");
  EXPECT_EQ(Sprintf("%.3v", 123456.0), "1.23e+05");
  EXPECT_EQ(Sprintf("%.5v", 100.0), "100");
  EXPECT_EQ(Sprintf("%.0v", 2.5), "2");  // precision 0 is 1 digit; ties go to even
  EXPECT_EQ(Sprintf("%.3v", 0.00001234), "1.23e-05");
  EXPECT_EQ(Sprintf("%.0f", 0.5), "0");
  EXPECT_EQ(Sprintf("%.1f", -0.05), "-0.1");  // -0.05 is slightly above 0.05 in magnitude
}

TEST(SprintGoParityTest, QuoteEscapesControlCharacters) {
  // Go's %q produces a Go string literal: control characters are escaped.
  EXPECT_EQ(Sprintf("%q", "a\nb\tc"), "\"a\\nb\\tc\"");
  EXPECT_EQ(Sprintf("%q", std::string_view("\x01", 1)), "\"\\x01\"");
  // Valid UTF-8 is kept; bytes that are not are escaped one by one, as Go does.
  EXPECT_EQ(Sprintf("%q", "h\u00e9llo \u4e16\U0001F600"), "\"h\u00e9llo \u4e16\U0001F600\"");
  EXPECT_EQ(Sprintf("%q", std::string_view("a\xff\xfe", 3)), "\"a\\xff\\xfe\"");
  EXPECT_EQ(Sprintf("%q", std::string_view("\xc3", 1)), "\"\\xc3\"");          // cut short
  EXPECT_EQ(Sprintf("%q", std::string_view("\xc0\xaf", 2)), "\"\\xc0\\xaf\"");  // overlong
  EXPECT_EQ(Sprintf("%q", std::string_view("\xed\xa0\x80", 3)), "\"\\xed\\xa0\\x80\"");  // surrogate
  EXPECT_EQ(Sprintf("%q", std::string_view("\xf4\x90\x80\x80", 4)), "\"\\xf4\\x90\\x80\\x80\"");  // > U+10FFFF
  // C1 controls and the Unicode line separators would act on a terminal or
  // split a log line: escaped.
  EXPECT_EQ(Sprintf("%q", "a\u0085b\u2028c\u2029"), "\"a\\u0085b\\u2028c\\u2029\"");
}

TEST(SprintGoParityTest, WrongTypeForVerb) {
  // Go reports a verb that does not fit the operand's type ("%!d(string=hi)");
  // in this port's bad-verb form, without the Go type name, that reads as
  // below. go/fmt.hpp prints the operand as if the verb were %v.
  EXPECT_EQ(Sprintf("%d", "hi"), "%!d(hi)");
  EXPECT_EQ(Sprintf("%t", 5), "%!t(5)");
  EXPECT_EQ(Sprintf("%s", true), "%!s(true)");
}

}  // namespace

namespace {
using gost::core::fmt::Sprintf;

TEST(SprintfFlagsTest, WidthPrecisionAndFlagsFollowGo) {
  EXPECT_EQ(Sprintf("[%5d]", {42}), "[   42]");
  EXPECT_EQ(Sprintf("[%-5d]", {42}), "[42   ]");
  EXPECT_EQ(Sprintf("[%05d]", {-42}), "[-0042]");
  EXPECT_EQ(Sprintf("[%+d]", {42}), "[+42]");
  EXPECT_EQ(Sprintf("[%+d]", {-42}), "[-42]");  // a negative number keeps its one sign
  EXPECT_EQ(Sprintf("[%08x]", {255}), "[000000ff]");
  EXPECT_EQ(Sprintf("[%.2f]", {3.14159}), "[3.14]");
  EXPECT_EQ(Sprintf("[%6.1f]", {2.25}), "[   2.2]");
  EXPECT_EQ(Sprintf("[%.3s]", {"abcdef"}), "[abc]");
  EXPECT_EQ(Sprintf("[%-6s|%6s]", {"ab", "cd"}), "[ab    |    cd]");
  EXPECT_EQ(Sprintf("[%05s]", {"ab"}), "[   ab]");  // this port pads only numbers with zeros
}

TEST(SprintfFlagsTest, TruncatedVerbIsReported) {
  EXPECT_EQ(Sprintf("abc%", {}), "abc%!(NOVERB)");
  EXPECT_EQ(Sprintf("abc%-5", {1}), "abc%!(NOVERB)%!(EXTRA 1)");
  EXPECT_EQ(Sprintf("%.2d", {"x"}), "%!d(x)");
}
}  // namespace

// ---------------------------------------------------------------------------
// Floats against a reference: the shortest digits from std::to_chars, laid
// out by Go's rule; %.Nf and %.Nv against std::to_chars with that precision
// (which is specified to print as printf does in the C locale).
namespace {

namespace detail = gost::core::fmt::detail;

std::string GoShortest(double d) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  const std::string sci(buf, r.ptr);
  const auto e = sci.find('e');
  const int exp = std::stoi(sci.substr(e + 1));
  if (exp < -4 || exp >= 6) return sci;
  std::string digits;
  for (std::size_t i = 0; i < e; ++i) {
    if (sci[i] >= '0' && sci[i] <= '9') digits += sci[i];
  }
  std::string out = std::signbit(d) ? "-" : "";
  const auto n = static_cast<int>(digits.size());
  if (exp >= n - 1) return out + digits + std::string(static_cast<std::size_t>(exp - (n - 1)), '0');
  if (exp >= 0) {
    const auto at = static_cast<std::size_t>(exp + 1);
    return out + digits.substr(0, at) + "." + digits.substr(at);
  }
  return out + "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
}

std::string ToChars(double d, std::chars_format fmt, int precision) {
  char buf[512];
  const auto r = std::to_chars(buf, buf + sizeof buf, d, fmt, precision);
  return {buf, r.ptr};
}

void ExpectLikeGo(double d) {
  EXPECT_EQ(Sprint(d), GoShortest(d)) << "bits of " << GoShortest(d);
  EXPECT_EQ(Sprintf("%.3f", d), ToChars(d, std::chars_format::fixed, 3));
  EXPECT_EQ(Sprintf("%.4v", d), ToChars(d, std::chars_format::general, 4));
}

TEST(FloatFormatTest, EveryPowerOfTwoAndItsNeighbours) {
  // Powers of two are where the nearest digits may not be the shortest.
  for (int e = -1074; e <= 1023; ++e) {
    const double p = std::ldexp(1.0, e);
    for (const double d : {p, -p, std::nextafter(p, 0.0), std::nextafter(p, HUGE_VAL), 3 * p}) {
      if (std::isfinite(d)) ExpectLikeGo(d);
    }
  }
}

TEST(FloatFormatTest, RandomBitPatternsAndDecimals) {
  std::mt19937_64 rng(20261202);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t bits = rng();
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d)) ExpectLikeGo(d);
  }
  std::uniform_real_distribution<double> uniform(-1e7, 1e7);
  for (int i = 0; i < 20000; ++i) ExpectLikeGo(std::round(uniform(rng) * 1000) / 1000);  // a few decimals
}

TEST(FloatFormatTest, LocaleDecimalPointBecomesADot) {
  // snprintf writes the C locale's decimal point; the output always has '.'.
  EXPECT_EQ(detail::WithDotPoint("1,5e+00"), "1.5e+00");
  EXPECT_EQ(detail::WithDotPoint("-12,25"), "-12.25");
  EXPECT_EQ(detail::WithDotPoint("3\xd9\xab" "14"), "3.14");  // a two-byte point (U+066B)
  EXPECT_EQ(detail::WithDotPoint("7e+10"), "7e+10");        // none to replace
  EXPECT_EQ(detail::WithDotPoint("42"), "42");
}

}  // namespace
