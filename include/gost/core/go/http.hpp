// gost-core: HTTP header map (Go's net/http Header) with Go's key rules.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
class Header {
 public:
  /// The underlying map: canonical key to its values, sorted by key.
  using Map = std::map<std::string, std::vector<std::string>, std::less<>>;

  Header() = default;
  /// Fields from `{key, value}` pairs, added in order as Add would (a key
  /// given twice gets both values).
  Header(std::initializer_list<std::pair<std::string_view, std::string_view>> init) {
    for (const auto& [k, v] : init) Add(k, std::string(v));
  }

  /// Appends a value to key.
  void Add(std::string_view key, std::string value) {
    m_.try_emplace(CanonicalHeaderKey(key)).first->second.push_back(std::move(value));
  }
  /// Replaces key's values with one value.
  void Set(std::string_view key, std::string value) {
    auto& values = m_.try_emplace(CanonicalHeaderKey(key)).first->second;
    values.clear();
    values.push_back(std::move(value));
  }
  /// The first value of key, or "".
  [[nodiscard]] std::string Get(std::string_view key) const {
    auto it = m_.find(CanonicalHeaderKey(key));
    return it == m_.end() || it->second.empty() ? std::string() : it->second.front();
  }
  /// All values of key.
  [[nodiscard]] std::vector<std::string> Values(std::string_view key) const {
    auto it = m_.find(CanonicalHeaderKey(key));
    return it == m_.end() ? std::vector<std::string>() : it->second;
  }
  /// True when key is present.
  [[nodiscard]] bool Has(std::string_view key) const { return m_.find(CanonicalHeaderKey(key)) != m_.end(); }
  /// Removes key.
  void Del(std::string_view key) {
    if (auto it = m_.find(CanonicalHeaderKey(key)); it != m_.end()) m_.erase(it);
  }
  /// A deep copy (Go's Clone; copying a Header does the same).
  [[nodiscard]] Header Clone() const { return *this; }

  /// The underlying map, read-only.
  [[nodiscard]] const Map& map() const noexcept { return m_; }
  /// How many distinct fields there are.
  [[nodiscard]] std::size_t size() const noexcept { return m_.size(); }
  /// True when there are no fields.
  [[nodiscard]] bool empty() const noexcept { return m_.empty(); }
  /// Iterators over the (field, values) entries, sorted by field.
  ///@{
  [[nodiscard]] Map::const_iterator begin() const noexcept { return m_.begin(); }
  [[nodiscard]] Map::const_iterator end() const noexcept { return m_.end(); }
  ///@}

  friend bool operator==(const Header&, const Header&) = default;
  /// Writes "Key: value\r\n" lines in key order, as on the wire.
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Header& h) {
    for (const auto& [k, vs] : h.m_) {
      for (const auto& v : vs) os << k << ": " << v << "\r\n";
    }
    return os;
  }

 private:
  Map m_;
};

}  // namespace gost::core::http
