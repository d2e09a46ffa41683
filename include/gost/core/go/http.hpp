// gost-core: HTTP header map (Go's net/http Header) with Go's key rules.
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gost/core/go/detail/multimap.hpp"

namespace gost::core::http {

/// The canonical form of a header key, as Go's CanonicalHeaderKey: the first
/// letter and every letter after '-' upper case, the rest lower case
/// ("content-type" -> "Content-Type"). A key holding a byte that is not a
/// valid header token character (a space, say) is returned unchanged.
inline std::string CanonicalHeaderKey(std::string_view key) {
  auto token = [](unsigned char c) {
    if (c >= 0x80 || c <= 0x20 || c == 0x7f) return false;
    switch (c) {
      case '(':
      case ')':
      case '<':
      case '>':
      case '@':
      case ',':
      case ';':
      case ':':
      case '\\':
      case '"':
      case '/':
      case '[':
      case ']':
      case '?':
      case '=':
      case '{':
      case '}': return false;
      default: return true;
    }
  };
  for (char c : key) {
    if (!token(static_cast<unsigned char>(c))) return std::string(key);
  }
  std::string out(key);
  bool upper = true;
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 'a' + 'A');
    else if (!upper && c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    upper = c == '-';
  }
  return out;
}

/// HTTP header fields: canonical key -> values in the order added.
/// Every method canonicalizes the key it is given, so "content-type" and
/// "Content-Type" are one field.
class Header : private core::detail::MultiMap {
 public:
  /// The underlying map: canonical key to its values, sorted by key.
  using Map = MultiMap::Map;

  Header() = default;
  /// Fields from `{key, value}` pairs, added in order as Add would (a key
  /// given twice gets both values).
  Header(std::initializer_list<std::pair<std::string_view, std::string_view>> init) {
    for (const auto& [k, v] : init) Add(k, std::string(v));
  }

  /// Appends a value to key.
  void Add(std::string_view key, std::string value) { MultiMap::Add(CanonicalHeaderKey(key), std::move(value)); }
  /// Replaces key's values with one value.
  void Set(std::string_view key, std::string value) { MultiMap::Set(CanonicalHeaderKey(key), std::move(value)); }
  /// The first value of key, or "".
  [[nodiscard]] std::string Get(std::string_view key) const { return MultiMap::Get(CanonicalHeaderKey(key)); }
  /// All values of key.
  [[nodiscard]] std::vector<std::string> Values(std::string_view key) const {
    return All(CanonicalHeaderKey(key));
  }
  /// True when key is present.
  [[nodiscard]] bool Has(std::string_view key) const { return MultiMap::Has(CanonicalHeaderKey(key)); }
  /// Removes key.
  void Del(std::string_view key) { MultiMap::Del(CanonicalHeaderKey(key)); }
  /// A deep copy (Go's Clone; copying a Header does the same).
  [[nodiscard]] Header Clone() const { return *this; }

  using MultiMap::begin;
  using MultiMap::empty;
  using MultiMap::end;
  using MultiMap::map;
  using MultiMap::size;

  friend bool operator==(const Header&, const Header&) = default;
  /// Writes "Key: value\r\n" lines in key order, as on the wire.
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Header& h) {
    for (const auto& [k, vs] : h.map()) {
      for (const auto& v : vs) os << k << ": " << v << "\r\n";
    }
    return os;
  }
};

}  // namespace gost::core::http
