// gost-core: what url::Values and http::Header share.
//
// Internal to the vocabulary. Both are Go's map[string][]string with a few
// methods: a key maps to the list of its values, in the order they were
// added. MultiMap is that map, kept sorted by key; Values uses keys as given,
// Header canonicalizes them first.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gost::core::detail {

class MultiMap {
 public:
  /// The underlying map: key to its values, sorted by key.
  using Map = std::map<std::string, std::vector<std::string>, std::less<>>;

  MultiMap() = default;
  explicit MultiMap(Map m) : m_(std::move(m)) {}

  /// Appends a value to key.
  void Add(std::string key, std::string value) { m_[std::move(key)].push_back(std::move(value)); }
  /// Replaces key's values with one value.
  void Set(std::string key, std::string value) {
    auto& values = m_[std::move(key)];
    values.clear();
    values.push_back(std::move(value));
  }
  /// The first value of key, or "" when there is none.
  [[nodiscard]] std::string Get(std::string_view key) const {
    auto it = m_.find(key);
    return it == m_.end() || it->second.empty() ? std::string() : it->second.front();
  }
  /// All values of key (empty when absent).
  [[nodiscard]] std::vector<std::string> All(std::string_view key) const {
    auto it = m_.find(key);
    return it == m_.end() ? std::vector<std::string>() : it->second;
  }
  /// True when key is present (even with no values).
  [[nodiscard]] bool Has(std::string_view key) const { return m_.find(key) != m_.end(); }
  /// Removes key.
  void Del(std::string_view key) {
    if (auto it = m_.find(key); it != m_.end()) m_.erase(it);
  }

  /// The underlying map, read-only.
  [[nodiscard]] const Map& map() const noexcept { return m_; }
  /// How many distinct keys there are.
  [[nodiscard]] std::size_t size() const noexcept { return m_.size(); }
  /// True when there are no keys.
  [[nodiscard]] bool empty() const noexcept { return m_.empty(); }
  /// Iterators over the (key, values) entries, sorted by key.
  ///@{
  [[nodiscard]] Map::const_iterator begin() const noexcept { return m_.begin(); }
  [[nodiscard]] Map::const_iterator end() const noexcept { return m_.end(); }
  ///@}

  friend bool operator==(const MultiMap&, const MultiMap&) = default;

 private:
  Map m_;
};

}  // namespace gost::core::detail
