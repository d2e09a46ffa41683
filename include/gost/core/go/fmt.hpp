// gost-core: Go's fmt, as far as the library needs it.
//
// Part of the "go" vocabulary. Go's `Sprint(args ...any)` and
// `Sprintf(format, args ...any)` take arguments of any type; here an
// argument is an fmt::Arg (a bool, a number, a string, an Error or anything
// with a String() method) and a call takes an fmt::Args list of them:
//
//   fmt::Sprint({"dial ", addr, " failed: ", err});
//   fmt::Sprintf("%s: %d bytes", {addr, n});
//
// The logger's methods take the same Args, and its implementations render
// them with Sprint and Sprintf, so they print what upstream would.
//
// The namespace is named after the Go package, like the rest of the
// vocabulary. A program that also uses the {fmt} library should not bring
// gost::core in with a using-directive: both would then answer to `fmt::`.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

#include "gost/core/detail/lifetime.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::fmt {

/// One argument of Sprint, Sprintf or a log call (Go: one `any` operand).
/// It borrows strings: an Arg lives only for the duration of the call it is
/// passed to.
class Arg {
 public:
  /// What an Arg holds.
  enum class Kind : unsigned char {
    Nil,     ///< nothing (prints "<nil>")
    Bool,    ///< AsBool()
    Int,     ///< AsInt(): any signed integer
    Uint,    ///< AsUint(): any unsigned integer
    Float,   ///< AsFloat(): float or double
    String,  ///< AsText(): a borrowed string (Go's string operands)
    Text,    ///< AsText(): owned text, from String(), an Error or a char
  };

  Arg() noexcept = default;
  // NOLINTBEGIN(google-explicit-constructor): implicit so calls read naturally.
  /// A Bool argument.
  Arg(bool b) noexcept : kind_(Kind::Bool), b_(b) {}
  /// A char prints as a one-character text (Kind::Text), not as a number.
  Arg(char c) : kind_(Kind::Text), owned_(1, c) {}
  /// An Int argument, from any signed integer type but char.
  template <std::signed_integral I>
    requires(!std::same_as<I, char>)
  Arg(I i) noexcept : kind_(Kind::Int), i_(static_cast<std::int64_t>(i)) {}
  /// A Uint argument, from any unsigned integer type but bool.
  template <std::unsigned_integral U>
    requires(!std::same_as<U, bool>)
  Arg(U u) noexcept : kind_(Kind::Uint), u_(static_cast<std::uint64_t>(u)) {}
  /// A Float argument, from float, double or long double.
  template <std::floating_point F>
  Arg(F f) noexcept : kind_(Kind::Float), d_(static_cast<double>(f)) {}
  /// A borrowed String argument; a null pointer prints "<nil>".
  Arg(const char* s) noexcept : kind_(Kind::String), sv_(s == nullptr ? std::string_view("<nil>") : s) {}
  /// A borrowed String argument.
  ///@{
  Arg(std::string_view s) noexcept : kind_(Kind::String), sv_(s) {}
  Arg(const std::string& s) noexcept : kind_(Kind::String), sv_(s) {}
  ///@}
  /// An Error prints its message ("<nil>" when empty).
  Arg(const Error& e) : kind_(Kind::Text), owned_(e ? e.Message() : std::string("<nil>")) {}
  /// Anything with a String() method (net::Addr, net::IP, url::Userinfo...).
  template <class T>
    requires(requires(const T& t) {
      { t.String() } -> std::convertible_to<std::string>;
    })
  Arg(const T& t) : kind_(Kind::Text), owned_(t.String()) {}
  // NOLINTEND(google-explicit-constructor)

  /// What the argument holds; Kind::Nil for a default-built Arg.
  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  /// The value; each accessor is meaningful only for its Kind.
  ///@{
  [[nodiscard]] bool AsBool() const noexcept { return b_; }
  [[nodiscard]] std::int64_t AsInt() const noexcept { return i_; }
  [[nodiscard]] std::uint64_t AsUint() const noexcept { return u_; }
  [[nodiscard]] double AsFloat() const noexcept { return d_; }
  [[nodiscard]] std::string_view AsText() const noexcept {
    return kind_ == Kind::String ? sv_ : std::string_view(owned_);
  }
  ///@}
  /// True for string arguments (Go's Sprint puts no space next to them);
  /// values rendered through String() do not count, as in Go.
  [[nodiscard]] bool IsString() const noexcept { return kind_ == Kind::String; }
  /// True for anything rendered as text: strings, String() results, Errors.
  [[nodiscard]] bool IsText() const noexcept { return kind_ == Kind::String || kind_ == Kind::Text; }

 private:
  Kind kind_ = Kind::Nil;
  bool b_ = false;
  std::int64_t i_ = 0;
  std::uint64_t u_ = 0;
  double d_ = 0;
  std::string_view sv_;
  std::string owned_;
};

/// The arguments of one call (Go: `args ...any`): none, one value, or a
/// braced list. Like Variadic it borrows and must not be stored.
class Args {  // NOLINT(cppcoreguidelines-special-member-functions): a move is the copy (re-points data_)
 public:
  Args() noexcept = default;
  // NOLINTBEGIN(google-explicit-constructor)
  /// The arguments of a braced list: `log.Info({"took", ms, "ms"})`. Like
  /// Variadic's, borrowed until the end of the call's full expression.
  Args(std::initializer_list<Arg> list GOST_CORE_LIFETIMEBOUND) noexcept
      : data_(std::data(list)), size_(list.size()) {}  // std::data: see Variadic's
  /// A single argument, anything an Arg can be built from: `log.Info("ready")`.
  template <class T>
    requires(std::is_constructible_v<Arg, const T&> && !std::is_same_v<std::remove_cvref_t<T>, Args>)
  Args(const T& one) : one_(one), data_(&one_), size_(1) {}
  /// Arguments already gathered in a Variadic (a vector built at run time).
  Args(Variadic<Arg> list) noexcept : data_(list.data()), size_(list.size()) {}
  // NOLINTEND(google-explicit-constructor)
  /// A view of the same arguments (a single argument is copied along).
  Args(const Args& other)
      : one_(other.one_), data_(other.data_ == &other.one_ ? &one_ : other.data_), size_(other.size_) {}
  Args& operator=(const Args&) = delete;
  ~Args() = default;

  /// Iterators over the arguments, in call order.
  ///@{
  [[nodiscard]] const Arg* begin() const noexcept { return data_; }
  [[nodiscard]] const Arg* end() const noexcept { return data_ + size_; }
  ///@}
  /// How many arguments there are.
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /// True when there are none.
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// The argument at `i`; precondition: i < size().
  [[nodiscard]] const Arg& operator[](std::size_t i) const noexcept { return data_[i]; }

 private:
  Arg one_;  // the argument, when there is just one
  const Arg* data_ = nullptr;
  std::size_t size_ = 0;
};

namespace detail {

// NaN and infinity tests without <cmath>, which is one of the costliest
// standard headers to compile and is needed for nothing else here.
constexpr bool IsNaN(double d) noexcept { return d != d; }  // NOLINT(misc-redundant-expression)
constexpr bool IsInf(double d) noexcept {
  return d == std::numeric_limits<double>::infinity() || d == -std::numeric_limits<double>::infinity();
}
constexpr bool IsFinite(double d) noexcept { return !IsNaN(d) && !IsInf(d); }

// Floats are printed with snprintf rather than std::to_chars: <charconv> is
// costly to compile, and logging floats is rare. The C library writes the
// locale's decimal point; the output always has '.', as Go's does.

// Largest rendering: "%.100f" of -1.8e308 (sign, 309 digits, '.', 100 decimals).
inline constexpr std::size_t kFloatBufSize = 416;

// Replaces the locale's decimal point in a %e or %f rendering with '.'.
inline std::string WithDotPoint(std::string_view s) {
  std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == s.size() || s[i] == 'e') return std::string(s);
  std::size_t j = i;  // the point may be more than one byte in some locales
  while (j < s.size() && (s[j] < '0' || s[j] > '9') && s[j] != 'e') ++j;
  std::string out(s.substr(0, i));
  out += '.';
  out += s.substr(j);
  return out;
}

// A finite d printed as printf's "%.*f" (`general` false: `precision`
// digits after the point) or "%.*g" (`general` true: `precision`
// significant digits, trailing zeros dropped, an exponent below 1e-4 and
// from 1e<precision> on), which is what Go's %.Nf and %.Nv (%.Ng) print.
// Precondition: precision <= 100.
inline std::string PrecisionFloat(double d, int precision, bool general) {
  char buf[kFloatBufSize];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  const int n = general ? std::snprintf(buf, sizeof buf, "%.*g", precision, d)
                        : std::snprintf(buf, sizeof buf, "%.*f", precision, d);
  if (n < 0 || static_cast<std::size_t>(n) >= sizeof buf) return "%!(BADFLOAT)";  // unreachable for precision <= 100
  return WithDotPoint(std::string_view(buf, static_cast<std::size_t>(n)));
}

// Adds one unit in the last place to the mantissa digits of a %e rendering
// in `buf`, in place; false when that would carry past the first digit.
inline bool BumpLastDigit(char* buf) {
  char* e = buf;
  while (*e != 'e') ++e;
  for (char* p = e - 1; p >= buf; --p) {
    if (*p < '0' || *p > '9') continue;  // the point
    if (*p != '9') {
      ++*p;
      return true;
    }
    *p = '0';
  }
  return false;
}

// The shortest decimal rendering that reads back as the finite value d, in
// %e form ("d.ddde+XX"), as std::to_chars and Go's strconv give it: the
// fewest significant digits that round-trip, and of those the closest to d.
// Correct rounding makes the nearest p-digit decimal the only candidate,
// except at a power of two, whose rounding interval is twice as wide above
// as below: there the next p-digit decimal above may read back when the
// nearest (below) does not.
inline std::string ShortestFloat(double d) {
  char buf[40];  // NOLINT(cppcoreguidelines-avoid-c-arrays): "-d." + 16 digits + "e-308"
  static_assert(sizeof(double) == sizeof(std::uint64_t));
  std::uint64_t bits = 0;
  std::memcpy(&bits, &d, sizeof bits);
  const bool power_of_two = (bits << 12U) == 0 && d != 0;  // a normal value with no fraction bits
  for (int digits = 0;; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*e", digits, d);
    if (std::strtod(buf, nullptr) == d || digits >= 16) break;  // 17 significant digits always read back
    if (power_of_two && BumpLastDigit(buf) && std::strtod(buf, nullptr) == d) break;
  }
  return WithDotPoint(buf);
}

inline void Append(std::string& out, const Arg& a, char verb = 'v') {
  struct Visitor {
    std::string& out;
    char verb;
    void Nil() const { out += "<nil>"; }
    void Bool(bool b) const { out += b ? "true" : "false"; }
    void Int(std::int64_t i) const {
      if (verb == 'x' || verb == 'X') {
        if (i < 0) out += '-';
        Hex(i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i));
      } else {
        out += std::to_string(i);
      }
    }
    void Uint(std::uint64_t u) const {
      if (verb == 'x' || verb == 'X') Hex(u);
      else out += std::to_string(u);
    }
    void Float(double d) const {
      if (IsNaN(d)) { out += "NaN"; return; }
      if (IsInf(d)) { out += d > 0 ? "+Inf" : "-Inf"; return; }
      if (verb == 'f') { out += PrecisionFloat(d, 6, false); return; }  // %f: 6 decimals
      // %v: Go's %g with the shortest exact digits: with an exponent below
      // 1e-4 and from 1e6 on (1e+06), else the same digits written out.
      const std::string sci = ShortestFloat(d);
      const std::size_t e = sci.find('e');
      const int exp = std::atoi(sci.c_str() + e + 1);
      if (exp < -4 || exp >= 6) { out += sci; return; }
      std::string digits;  // the significant digits, without sign or point
      for (std::size_t i = 0; i < e; ++i) {
        if (sci[i] >= '0' && sci[i] <= '9') digits += sci[i];
      }
      if (sci[0] == '-') out += '-';
      const auto n = static_cast<int>(digits.size());
      if (exp >= n - 1) {  // an integer: pad with zeros
        out += digits;
        out.append(static_cast<std::size_t>(exp - (n - 1)), '0');
      } else if (exp >= 0) {
        out.append(digits, 0, static_cast<std::size_t>(exp) + 1).append(1, '.').append(digits, static_cast<std::size_t>(exp) + 1);
      } else {
        out.append("0.").append(static_cast<std::size_t>(-exp - 1), '0').append(digits);
      }
    }
    void Str(std::string_view s) const {
      if (verb == 'q') {
        out += '"';
        for (std::size_t i = 0; i < s.size(); ++i) {
          const char c = s[i];
          if (static_cast<unsigned char>(c) >= 0x80) {
            i += QuoteNonAscii(s.substr(i)) - 1;
            continue;
          }
          switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\a': out += "\\a"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\v': out += "\\v"; break;
            default:
              if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                out += "\\x";
                Hex(static_cast<unsigned char>(c), true);
              } else {
                out += c;
              }
          }
        }
        out += '"';
      } else if (verb == 'x' || verb == 'X') {
        for (char c : s) Hex(static_cast<unsigned char>(c), true);
      } else {
        out += s;
      }
    }
    // Quotes the character that starts `s` (its first byte is 0x80 or
    // above) and returns how many bytes it took. A valid UTF-8 sequence is
    // copied, except the C1 controls (U+0080 to U+009F) and the line and
    // paragraph separators (U+2028, U+2029), which are written \\uXXXX so
    // that no terminal or log viewer takes them for control codes or line
    // breaks; a byte that does not start a valid sequence is written \\xNN,
    // as Go does.
    std::size_t QuoteNonAscii(std::string_view s) const {
      const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
      const unsigned char lead = b(0);
      std::size_t len = 0;
      char32_t cp = 0;
      char32_t min = 0;
      if (lead >= 0xc2 && lead <= 0xdf) {
        len = 2;
        cp = lead & 0x1fU;
        min = 0x80;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        len = 3;
        cp = lead & 0x0fU;
        min = 0x800;
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        len = 4;
        cp = lead & 0x07U;
        min = 0x10000;
      }
      bool valid = len != 0 && s.size() >= len;
      for (std::size_t k = 1; valid && k < len; ++k) {
        valid = (b(k) & 0xc0U) == 0x80;
        cp = (cp << 6U) | (b(k) & 0x3fU);
      }
      valid = valid && cp >= min && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
      if (!valid) {
        out += "\\x";
        Hex(lead, true);
        return 1;
      }
      if (cp <= 0x9f || cp == 0x2028 || cp == 0x2029) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out += "0123456789abcdef"[(cp >> static_cast<unsigned>(shift)) & 0xfU];
        return len;
      }
      out.append(s.substr(0, len));
      return len;
    }
    void Hex(std::uint64_t u, bool two = false) const {
      const char* digits = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
      char buf[16];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
      int n = 0;
      do {
        buf[n++] = digits[u & 0xfU];
        u >>= 4U;
      } while (u != 0);
      if (two && n == 1) buf[n++] = '0';
      while (n > 0) out += buf[--n];
    }
  };
  const Visitor v{out, verb};
  switch (a.kind()) {
    case Arg::Kind::Nil: v.Nil(); break;
    case Arg::Kind::Bool: v.Bool(a.AsBool()); break;
    case Arg::Kind::Int: v.Int(a.AsInt()); break;
    case Arg::Kind::Uint: v.Uint(a.AsUint()); break;
    case Arg::Kind::Float: v.Float(a.AsFloat()); break;
    case Arg::Kind::String:
    case Arg::Kind::Text: v.Str(a.AsText()); break;
  }
}

// Whether `verb` applies to the argument's kind, as in Go's fmt.
inline bool Fits(char verb, const Arg& a) {
  const bool integer = a.kind() == Arg::Kind::Int || a.kind() == Arg::Kind::Uint;
  const bool text = a.IsText();
  switch (verb) {
    case 'v': return true;
    case 'd': return integer;
    case 'x': case 'X': return integer || text;
    case 's': case 'q': return text;
    case 'f': return a.kind() == Arg::Kind::Float;
    case 't': return a.kind() == Arg::Kind::Bool;
    default: return false;
  }
}

}  // namespace detail

/// Renders arguments as Go's fmt.Sprint: each in its default form, with a
/// space between two neighbours when neither is a string.
inline std::string Sprint(const Args& args) {
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0 && !args[i].IsString() && !args[i - 1].IsString()) out += ' ';
    detail::Append(out, args[i]);
  }
  return out;
}

/// Renders a Go-style format: %v %s %d %x %X %q %f %t and %%, with the flags
/// '-' (pad right), '0' (pad numbers with zeros) and '+' (always a sign), a
/// width and a precision (%-10s, %08x, %+d, %.2f, %.3s; strings are padded
/// with spaces even with the 0 flag, as current Go does). %q quotes like Go:
/// control characters, quotes and backslashes are escaped, bytes that are not
/// valid UTF-8 become \xNN; of the other non-ASCII characters only the C1
/// controls and U+2028/U+2029 are escaped (\uXXXX), where Go escapes every
/// character Unicode does not class as printable. As in Go, a verb
/// with no argument left prints "%!v(MISSING)", a verb that does not fit its
/// argument prints "%!d(value)", and extra arguments are listed after
/// "%!(EXTRA ...)". Floats follow Go too: %v is the shortest decimal that
/// reads back exactly, with an exponent below 1e-4 and from 1e6 on ("1e+06");
/// %f has 6 decimals, %.Nf N decimals and %.Nv N significant digits (%g).
inline std::string Sprintf(std::string_view format, const Args& args) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c != '%') {
      out += c;
      continue;
    }
    // Flags, width and precision: %-8s, %08x, %+d, %.2f, %5.1f.
    bool minus = false, plus = false, zero = false;
    std::size_t j = i + 1;
    for (; j < format.size(); ++j) {
      const char f = format[j];
      if (f == '-') minus = true;
      else if (f == '+') plus = true;
      else if (f == '0') zero = true;
      else if (f != ' ' && f != '#') break;
    }
    auto number = [&](std::size_t& k) {
      std::size_t n = 0;
      while (k < format.size() && format[k] >= '0' && format[k] <= '9') {
        if (n < 10000) n = n * 10 + static_cast<std::size_t>(format[k] - '0');  // clamped, digits still consumed
        ++k;
      }
      return n;
    };
    const std::size_t width = number(j);
    // A plain flag rather than std::optional, which would be instantiated in
    // every file that includes this header.
    bool has_precision = false;
    std::size_t precision = 0;
    if (j < format.size() && format[j] == '.') {
      ++j;
      has_precision = true;
      precision = number(j);
    }
    if (j >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    i = j;
    const char verb = format[i];
    if (verb == '%') {
      out += '%';
      continue;
    }
    if (next >= args.size()) {
      out.append("%!").append(1, verb).append("(MISSING)");
      continue;
    }
    const Arg& arg = args[next++];
    if (!detail::Fits(verb, arg)) {
      out.append("%!").append(1, verb).append("(");
      detail::Append(out, arg);
      out += ')';
      continue;
    }
    std::string piece;
    const bool fixed = arg.kind() == Arg::Kind::Float && has_precision && (verb == 'f' || verb == 'v') &&
                       detail::IsFinite(arg.AsFloat());
    if (fixed) {
      piece = detail::PrecisionFloat(arg.AsFloat(), static_cast<int>(precision > 100 ? 100 : precision), verb == 'v');
    } else {
      detail::Append(piece, arg, verb);
      if (has_precision && arg.IsText() && piece.size() > precision) piece.resize(precision);
    }
    const bool numeric = !arg.IsText() && arg.kind() != Arg::Kind::Bool && arg.kind() != Arg::Kind::Nil;
    if (plus && numeric && !piece.empty() && piece[0] != '-') piece.insert(piece.begin(), '+');
    if (piece.size() < width) {
      const std::size_t pad = width - piece.size();
      if (minus) {
        piece.append(pad, ' ');
      } else if (zero && numeric) {
        const std::size_t at = !piece.empty() && (piece[0] == '-' || piece[0] == '+') ? 1 : 0;
        piece.insert(at, pad, '0');
      } else {
        piece.insert(0, pad, ' ');
      }
    }
    out += piece;
  }
  if (next < args.size()) {
    out += "%!(EXTRA ";
    for (std::size_t i = next; i < args.size(); ++i) {
      if (i > next) out += ", ";
      detail::Append(out, args[i]);
    }
    out += ')';
  }
  return out;
}

}  // namespace gost::core::fmt
