// gost-core: URL pieces upstream uses (Go's net/url): Userinfo for proxy
// credentials and Values for query parameters, with percent-encoding.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gost/core/go/detail/multimap.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/result.hpp"

namespace gost::core::url {

namespace detail {

enum class Mode { Query, Userinfo };

inline bool Unreserved(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

inline std::string Escape(std::string_view s, Mode mode) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    // Userinfo keeps the reserved characters RFC 3986 allows there, except
    // ':', '@', '/' and '?', which would end or split it; everything else
    // that is not unreserved ('!', '*', '(', ... included) is escaped, as in
    // Go's url.Userinfo.String.
    const bool keep = Unreserved(c) || (mode == Mode::Userinfo &&
                                        (c == '$' || c == '&' || c == '+' || c == ',' || c == ';' || c == '='));
    if (keep) {
      out += c;
    } else if (mode == Mode::Query && c == ' ') {
      out += '+';
    } else {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4U];
      out += kHex[u & 0xfU];
    }
  }
  return out;
}

inline int Hex(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline Result<std::string> Unescape(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || Hex(s[i + 1]) < 0 || Hex(s[i + 2]) < 0) {
        std::string bad(s.substr(i, 3));
        return errors::WithCode(errors::Code::InvalidArgument, "invalid URL escape \"" + bad + "\"");
      }
      out += static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace detail

/// Percent-encodes s for a query component ("a b&c" -> "a+b%26c").
inline std::string QueryEscape(std::string_view s) { return detail::Escape(s, detail::Mode::Query); }

/// Reverses QueryEscape; a '%' not followed by two hex digits is an error.
inline Result<std::string> QueryUnescape(std::string_view s) { return detail::Unescape(s, true); }

/// A user name and an optional password (Go's url.Userinfo). Immutable;
/// shared as UserinfoPtr, where null means "no credentials".
class Userinfo {
 public:
  /// Credentials with a name and no password.
  explicit Userinfo(std::string username) : username_(std::move(username)) {}
  /// Credentials with a name and a password (which may be empty but set).
  Userinfo(std::string username, std::string password)
      : username_(std::move(username)), password_(std::move(password)) {}

  /// The user name.
  [[nodiscard]] const std::string& Username() const noexcept { return username_; }
  /// The password, or nullopt when none was set (Go's second result false).
  [[nodiscard]] const std::optional<std::string>& Password() const noexcept { return password_; }
  /// "name" or "name:password", percent-encoded as in a URL.
  [[nodiscard]] std::string String() const {
    std::string out = detail::Escape(username_, detail::Mode::Userinfo);
    if (password_) {
      out += ':';
      out += detail::Escape(*password_, detail::Mode::Userinfo);
    }
    return out;
  }

  friend bool operator==(const Userinfo&, const Userinfo&) = default;
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Userinfo& u) {
    return os << u.String();
  }

 private:
  std::string username_;
  std::optional<std::string> password_;
};

/// Shared, immutable credentials; null means none (Go's nil *url.Userinfo).
using UserinfoPtr = std::shared_ptr<const Userinfo>;

/// Credentials with a user name only (Go's url.User).
inline UserinfoPtr User(std::string username) { return std::make_shared<const Userinfo>(std::move(username)); }

/// Credentials with a user name and password (Go's url.UserPassword).
inline UserinfoPtr UserPassword(std::string username, std::string password) {
  return std::make_shared<const Userinfo>(std::move(username), std::move(password));
}

/// Parses the userinfo part of a URL, "name" or "name:password", undoing
/// percent-encoding. As in Go's url.Parse, bytes RFC 3986 does not allow in
/// userinfo (spaces, '/', '?', '#', non-ASCII...) and bad escapes are errors.
inline Result<UserinfoPtr> ParseUserinfo(std::string_view s) {
  for (char c : s) {
    const bool ok = detail::Unreserved(c) || c == ':' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' ||
                    c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == '%' || c == '@';
    if (!ok) return errors::WithCode(errors::Code::InvalidArgument, "net/url: invalid userinfo");
  }
  const auto colon = s.find(':');
  auto name = detail::Unescape(s.substr(0, colon), false);
  if (!name) return name.error();
  if (colon == std::string_view::npos) return User(std::move(*name));
  auto pass = detail::Unescape(s.substr(colon + 1), false);
  if (!pass) return pass.error();
  return UserPassword(std::move(*name), std::move(*pass));
}

/// Query parameters (Go's url.Values): each key maps to a list of values.
/// Keys are case-sensitive and kept sorted.
class Values : private core::detail::MultiMap {
 public:
  /// The underlying map: key to its values, sorted by key.
  using Map = MultiMap::Map;

  Values() = default;
  /// Parameters from `{key, {values...}}` entries; for a key listed twice
  /// the first entry wins, as in a std::map.
  Values(std::initializer_list<Map::value_type> init) : MultiMap(Map(init)) {}

  /// The first value for key, or "" when there is none.
  using MultiMap::Get;
  /// Replaces the values of key with one value.
  using MultiMap::Set;
  /// Appends a value to key.
  using MultiMap::Add;
  /// Removes key.
  using MultiMap::Del;
  /// True when key is present (even with no values).
  using MultiMap::Has;
  /// All values of key (empty when absent); Go's `v[key]`.
  [[nodiscard]] std::vector<std::string> ValuesOf(std::string_view key) const { return All(key); }
  /// "a=1&b=2&b=3", keys sorted, percent-encoded.
  [[nodiscard]] std::string Encode() const {
    std::string out;
    for (const auto& [k, vs] : map()) {
      for (const auto& v : vs) {
        if (!out.empty()) out += '&';
        out += QueryEscape(k);
        out += '=';
        out += QueryEscape(v);
      }
    }
    return out;
  }

  using MultiMap::begin;
  using MultiMap::empty;
  using MultiMap::end;
  using MultiMap::map;
  using MultiMap::size;

  friend bool operator==(const Values&, const Values&) = default;
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Values& v) {
    return os << v.Encode();
  }
};

/// Parses "a=1&b=2" (Go's url.ParseQuery). Pairs are split on '&'; a ';' or a
/// bad escape is an error, as in Go since 1.17. Empty pairs are skipped.
inline Result<Values> ParseQuery(std::string_view query) {
  Values v;
  while (!query.empty()) {
    const auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.find(';') != std::string_view::npos) {
      return errors::WithCode(errors::Code::InvalidArgument, "invalid semicolon separator in query");
    }
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto key = QueryUnescape(pair.substr(0, eq));
    if (!key) return key.error();
    auto value = QueryUnescape(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!value) return value.error();
    v.Add(std::move(*key), std::move(*value));
  }
  return v;
}

}  // namespace gost::core::url
