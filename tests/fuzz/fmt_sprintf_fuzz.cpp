// Fuzz target: fmt::Sprintf and fmt::Sprint.
//
// The input is split at its first NUL byte: the part before is a format
// string F, the part after a string argument S. The input's first 16 bytes
// also make two integers and a double.
//
// Format grammar (as documented in go/fmt.hpp): text, "%%", and directives
// '%' [flags "-+0 #"] [width] ['.' precision] verb; a directive cut off by
// the end of F is "%!(NOVERB)". A width or precision stops growing at 10000
// (further digits are still part of it).
//
// Properties:
//  * No arguments: Sprintf(F, {}) matches a model of the grammar: text is
//    copied, "%%" (flags and width allowed) is '%', each directive is
//    "%!c(MISSING)".
//  * With every '%' of F doubled, F comes back as written.
//  * One string argument S: Sprintf(F, {S}) matches a model: the first
//    directive renders S (%v %s: S; %x %X: two hex digits a byte; %q:
//    quoted; any other verb: "%!c(S)"), cut to the precision and padded
//    with spaces to the width (left, or right with '-'); later directives
//    are MISSING; "%!(EXTRA S)" follows when no directive used S.
//  * Arguments of every kind (string, signed, unsigned, double, bool, Error,
//    char, nil string, empty Error, empty Arg): the output is the text of F with each
//    directive replaced by Sprintf(directive, {its argument}), in order,
//    followed by "%!(EXTRA a, b, ...)" listing the unused ones.
//  * "%q" of any string is double-quoted with no raw control byte (a value
//    logged with %q cannot break or forge a log line) and unquotes
//    (\" \\ \a \b \f \n \r \t \v \xNN) back to the string.
//  * Integers: "%d" is std::to_string; "%x" is the hex magnitude with '-'
//    when negative; with flags and a width from the input, the output is
//    as wide as asked (or the number), zero padding goes after the sign,
//    '-' pads on the right, '+' adds a sign, and the number parses back.
//  * Doubles (from the input's bytes, and infinities, NaN, -0, 1e-7, 1e21):
//    "%v" prints a finite value with digits that parse back to exactly the
//    same double (NaN, +Inf, -Inf otherwise); "%.Nf" prints exactly N
//    decimals (N <= 100).
//  * Sprint: no space between strings, one space between two non-strings.
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "fuzz_common.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/fmt.hpp"

namespace {

namespace fmt = gost::core::fmt;
namespace errors = gost::core::errors;
using gost_fuzz::Quote;

// One piece of a format string.
struct Piece {
  enum Type { Text, Percent, Directive, NoVerb } type = Text;
  std::string_view text;  // the literal text, or the directive as written
  bool minus = false;
  std::size_t width = 0;
  std::optional<std::size_t> precision;
  char verb = 0;
};

std::size_t Number(std::string_view f, std::size_t& k) {
  std::size_t n = 0;
  while (k < f.size() && f[k] >= '0' && f[k] <= '9') {
    if (n < 10000) n = n * 10 + static_cast<std::size_t>(f[k] - '0');
    ++k;
  }
  return n;
}

std::vector<Piece> Tokenize(std::string_view f) {
  std::vector<Piece> out;
  std::size_t i = 0;
  while (i < f.size()) {
    if (f[i] != '%') {
      const auto next = f.find('%', i);
      const auto end = next == std::string_view::npos ? f.size() : next;
      Piece text;
      text.text = f.substr(i, end - i);
      out.push_back(text);
      i = end;
      continue;
    }
    Piece p;
    std::size_t j = i + 1;
    while (j < f.size() && std::string_view("-+0 #").find(f[j]) != std::string_view::npos) {
      if (f[j] == '-') p.minus = true;
      ++j;
    }
    p.width = Number(f, j);
    if (j < f.size() && f[j] == '.') {
      ++j;
      p.precision = Number(f, j);
    }
    if (j >= f.size()) {
      p.type = Piece::NoVerb;
      p.text = f.substr(i);
      out.push_back(p);
      break;
    }
    p.verb = f[j];
    p.type = p.verb == '%' ? Piece::Percent : Piece::Directive;
    p.text = f.substr(i, j + 1 - i);
    out.push_back(p);
    i = j + 1;
  }
  return out;
}

std::string Missing(char verb) { return "%!" + std::string(1, verb) + "(MISSING)"; }

// Renders F: `directive` gives the text of each directive.
template <class Render>
std::string Model(const std::vector<Piece>& pieces, Render&& directive) {
  std::string out;
  for (const auto& p : pieces) {
    switch (p.type) {
      case Piece::Text: out += p.text; break;
      case Piece::Percent: out += '%'; break;
      case Piece::NoVerb: out += "%!(NOVERB)"; break;
      case Piece::Directive: out += directive(p); break;
    }
  }
  return out;
}

std::string HexOf(std::string_view s, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    out += digits[u >> 4U];
    out += digits[u & 0xfU];
  }
  return out;
}

// Undoes Go-style double quoting; false when `q` is not such a string.
bool Unquote(std::string_view q, std::string& out) {
  if (q.size() < 2 || q.front() != '"' || q.back() != '"') return false;
  out.clear();
  for (std::size_t i = 1; i + 1 < q.size(); ++i) {
    const char c = q[i];
    if (c == '"') return false;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i + 1 >= q.size()) return false;
    switch (q[i]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        if (i + 3 >= q.size() || !gost_fuzz::IsHex(q[i + 1]) || !gost_fuzz::IsHex(q[i + 2])) return false;
        unsigned v = 0;
        std::from_chars(q.data() + i + 1, q.data() + i + 3, v, 16);
        out += static_cast<char>(v);
        i += 2;
        break;
      }
      case 'u': {  // \uXXXX: a code point, back to its UTF-8 bytes
        if (i + 5 >= q.size()) return false;
        for (std::size_t k = 1; k <= 4; ++k) {
          if (!gost_fuzz::IsHex(q[i + k])) return false;
        }
        unsigned v = 0;
        std::from_chars(q.data() + i + 1, q.data() + i + 5, v, 16);
        if (v < 0x80 || (v >= 0xd800 && v <= 0xdfff)) return false;  // %q never writes these
        if (v < 0x800) {
          out += static_cast<char>(0xc0U | (v >> 6U));
        } else {
          out += static_cast<char>(0xe0U | (v >> 12U));
          out += static_cast<char>(0x80U | ((v >> 6U) & 0x3fU));
        }
        out += static_cast<char>(0x80U | (v & 0x3fU));
        i += 4;
        break;
      }
      default: return false;
    }
  }
  return true;
}

std::string Doubled(std::string_view f) {
  std::string out;
  for (char c : f) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

// True when `s` is valid UTF-8 holding no C1 control (U+0080 to U+009F) and
// no U+2028 or U+2029: what %q output must be.
bool SafeUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
      len = 2;
      cp = lead & 0x1fU;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      len = 3;
      cp = lead & 0x0fU;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      len = 4;
      cp = lead & 0x07U;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xc0U) != 0x80) return false;
      cp = (cp << 6U) | (c & 0x3fU);
    }
    const char32_t min = len == 2 ? 0x80 : (len == 3 ? 0x800 : 0x10000);
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if (cp <= 0x9f || cp == 0x2028 || cp == 0x2029) return false;
    i += len;
  }
  return true;
}

void CheckQuoted(std::string_view s) {
  const std::string q = fmt::Sprintf("%q", {s});
  for (char c : q) {
    const auto u = static_cast<unsigned char>(c);
    FUZZ_CHECK_MSG(u >= 0x20 && u != 0x7f, "%q leaves a raw control byte: " + Quote(s) + " -> " + Quote(q));
  }
  FUZZ_CHECK_MSG(SafeUtf8(q), "%q output is not valid UTF-8 or holds a C1 control or line separator: " + Quote(q));
  std::string back;
  FUZZ_CHECK_MSG(Unquote(q, back), "%q output does not unquote: " + Quote(q));
  FUZZ_CHECK_MSG(back == s, "%q round trip: " + Quote(s) + " -> " + Quote(q));
}

void CheckInteger(std::int64_t i, std::uint8_t shape) {
  FUZZ_CHECK(fmt::Sprintf("%d", {i}) == std::to_string(i));
  FUZZ_CHECK(fmt::Sprintf("%v", {i}) == std::to_string(i));
  const std::string x = fmt::Sprintf("%x", {i});
  const bool neg = !x.empty() && x[0] == '-';
  FUZZ_CHECK_MSG(neg == (i < 0), x);
  std::uint64_t magnitude = 0;
  const auto res = std::from_chars(x.data() + (neg ? 1 : 0), x.data() + x.size(), magnitude, 16);
  FUZZ_CHECK_MSG(res.ec == std::errc() && res.ptr == x.data() + x.size(), x);
  const std::uint64_t want = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
  FUZZ_CHECK_MSG(magnitude == want, x + " for " + std::to_string(i));
  for (char c : x) FUZZ_CHECK_MSG(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'), x);

  // Flags and width: bits 0-2 pick '-', '0', '+'; the rest the width.
  const bool minus = (shape & 1U) != 0;
  const bool zero = (shape & 2U) != 0;
  const bool plus = (shape & 4U) != 0;
  const std::size_t width = shape >> 3U;
  std::string spec = "%";
  if (minus) spec += '-';
  if (zero) spec += '0';
  if (plus) spec += '+';
  if (width > 0) spec += std::to_string(width);
  spec += 'd';
  const std::string out = fmt::Sprintf(spec, {i});
  std::string number = std::to_string(i);
  if (plus && i >= 0) number.insert(number.begin(), '+');
  const std::size_t size = number.size() > width ? number.size() : width;
  FUZZ_CHECK_MSG(out.size() == size, spec + " -> " + Quote(out));
  if (minus) {
    FUZZ_CHECK_MSG(out.rfind(number, 0) == 0, spec + " -> " + Quote(out));
    FUZZ_CHECK_MSG(out.find_first_not_of(' ', number.size()) == std::string::npos, spec + " -> " + Quote(out));
  } else if (zero) {
    const std::size_t sign = number[0] == '-' || number[0] == '+' ? 1 : 0;
    FUZZ_CHECK_MSG(out.substr(0, sign) == number.substr(0, sign), spec + " -> " + Quote(out));
    FUZZ_CHECK_MSG(out.find_first_not_of('0', sign) >= size - (number.size() - sign), spec + " -> " + Quote(out));
  } else {
    FUZZ_CHECK_MSG(std::string_view(out).substr(size - number.size()) == number, spec + " -> " + Quote(out));
    FUZZ_CHECK_MSG(out.find_first_not_of(' ') >= size - number.size(), spec + " -> " + Quote(out));
  }
  // Whatever the padding, the digits parse back to i.
  std::string digits;
  for (char c : out) {
    if (c == '-' || (c >= '0' && c <= '9')) digits += c;
  }
  std::int64_t back = 0;
  const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), back);
  FUZZ_CHECK_MSG(r.ec == std::errc() && back == i, spec + " -> " + Quote(out));
}

void CheckDouble(double d, std::uint8_t precision_byte) {
  const std::string v = fmt::Sprintf("%v", {d});
  if (std::isnan(d)) {
    FUZZ_CHECK_MSG(v == "NaN", v);
  } else if (std::isinf(d)) {
    FUZZ_CHECK_MSG(v == (d > 0 ? "+Inf" : "-Inf"), v);
  } else {
    double back = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), back);
    FUZZ_CHECK_MSG(r.ec == std::errc() && r.ptr == v.data() + v.size() && back == d,
                   "%v of a double does not parse back: " + v);
    const std::size_t precision = precision_byte % 101U;
    const std::string f = fmt::Sprintf("%." + std::to_string(precision) + "f", {d});
    const auto dot = f.find('.');
    FUZZ_CHECK_MSG(
        precision == 0 ? dot == std::string::npos : dot != std::string::npos && f.size() - dot - 1 == precision,
        "%." + std::to_string(precision) + "f -> " + f);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    const auto cut = gost_fuzz::CutAt(input, '\0');
    const std::string_view f = cut.before;
    const std::string_view s = cut.after;
    const auto pieces = Tokenize(f);

    // No arguments.
    const std::string none = fmt::Sprintf(f, {});
    const std::string none_model = Model(pieces, [](const Piece& p) { return Missing(p.verb); });
    FUZZ_CHECK_MSG(none == none_model, Quote(f) + " -> " + Quote(none) + ", model " + Quote(none_model));
    FUZZ_CHECK_MSG(fmt::Sprintf(Doubled(f), {}) == f, Quote(f));
    FUZZ_CHECK(fmt::Sprintf(Doubled(f), {1, 2}) == std::string(f) + "%!(EXTRA 1, 2)");

    // One string argument.
    bool used = false;
    const std::string one = fmt::Sprintf(f, {s});
    std::string one_model = Model(pieces, [&](const Piece& p) -> std::string {
      if (used) return Missing(p.verb);
      used = true;
      std::string piece;
      switch (p.verb) {
        case 'v':
        case 's': piece = std::string(s); break;
        case 'x':
        case 'X': piece = HexOf(s, p.verb == 'X'); break;
        case 'q': piece = fmt::Sprintf("%q", {s}); break;  // checked by CheckQuoted
        default: return "%!" + std::string(1, p.verb) + "(" + std::string(s) + ")";
      }
      if (p.precision && piece.size() > *p.precision) piece.resize(*p.precision);
      if (piece.size() < p.width) {
        piece.insert(p.minus ? piece.size() : 0, p.width - piece.size(), ' ');
      }
      return piece;
    });
    if (!used) one_model += "%!(EXTRA " + std::string(s) + ")";
    FUZZ_CHECK_MSG(one == one_model,
                   Quote(f) + " with " + Quote(s) + " -> " + Quote(one) + ", model " + Quote(one_model));
    CheckQuoted(s);
    CheckQuoted(f);

    // Numbers from the input's bytes.
    std::int64_t i = 0;
    std::int64_t j = std::numeric_limits<std::int64_t>::min();
    double d = 0.1;
    if (size >= 8) std::memcpy(&i, data, sizeof i);
    if (size >= 16) std::memcpy(&j, data + 8, sizeof j);
    if (size >= 8) std::memcpy(&d, data, sizeof d);
    const std::uint8_t shape = size > 0 ? data[size - 1] : 0;
    CheckInteger(i, shape);
    CheckInteger(j, static_cast<std::uint8_t>(shape ^ 0x5aU));
    CheckInteger(-1, 0x17);
    CheckDouble(d, shape);
    CheckDouble(static_cast<double>(j), shape);
    for (const double special : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::quiet_NaN(), -0.0, 1e-7, 1e21}) {
      CheckDouble(special, shape);
    }

    // Every kind of argument: each directive against its argument alone.
    const std::string owned(s);
    const gost::core::Error err = errors::New(owned);
    const char* nil_text = nullptr;
    const std::vector<fmt::Arg> args = {
        fmt::Arg(s),   fmt::Arg(i),        fmt::Arg(static_cast<std::uint64_t>(j)),
        fmt::Arg(d),   fmt::Arg(true),     fmt::Arg(err),
        fmt::Arg('c'), fmt::Arg(nil_text), fmt::Arg(gost::core::Error()),
        fmt::Arg()};
    std::size_t next = 0;
    const std::string many = fmt::Sprintf(f, fmt::Args(gost::core::Variadic<fmt::Arg>(args)));
    std::string many_model = Model(pieces, [&](const Piece& p) -> std::string {
      if (next >= args.size()) return Missing(p.verb);
      return fmt::Sprintf(p.text, {args[next++]});
    });
    if (next < args.size()) {
      many_model += "%!(EXTRA ";
      for (std::size_t k = next; k < args.size(); ++k) {
        if (k > next) many_model += ", ";
        many_model += fmt::Sprintf("%v", {args[k]});
      }
      many_model += ')';
    }
    FUZZ_CHECK_MSG(many == many_model, Quote(f) + " -> " + Quote(many) + ", model " + Quote(many_model));

    // Sprint.
    FUZZ_CHECK(fmt::Sprint({f, s}) == std::string(f) + std::string(s));
    FUZZ_CHECK(fmt::Sprint({i, j}) == std::to_string(i) + " " + std::to_string(j));
    FUZZ_CHECK(fmt::Sprint({s, i, f}) == std::string(s) + std::to_string(i) + std::string(f));
    FUZZ_CHECK(fmt::Sprint({i, true}) == std::to_string(i) + " true");
  });
}
