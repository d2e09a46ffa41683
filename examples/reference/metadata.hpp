// gost::x reference: a metadata::Metadata implementation and typed getters, after
// go-gost/x (metadata/metadata.go and metadata/util).
//
//  * MapMetadata keeps values in a map whose keys are lowercased, so "Key",
//    "key" and "KEY" are one key: configuration is case-insensitive.
//  * GetString, GetInt, GetBool and GetDuration read a value and convert it
//    leniently: configuration files give strings ("90", "true", "10s") while
//    code stores ints, int64s or bools, and a reader should not care which.
//    A missing key, a null Metadata or a value that does not convert gives
//    the zero value (empty string, 0, false).
#pragma once

#include <algorithm>
#include <any>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/go/time.hpp>
#include <gost/core/metadata/metadata.hpp>

namespace gost::x {

namespace gc = gost::core;

/// Metadata held in a map with case-insensitive keys. Like go-gost/x's, it
/// does no locking: fill it before sharing it, then only read it (reads from
/// many threads at once are fine).
class MapMetadata final : public gc::metadata::Metadata {
 public:
  MapMetadata() = default;
  /// A store holding a copy of `values` (keys lowercased).
  explicit MapMetadata(const std::map<std::string, std::any>& values) {
    for (const auto& [k, v] : values) values_[Lower(k)] = v;
  }

  [[nodiscard]] bool IsExists(std::string_view key) const override { return values_.count(Lower(key)) != 0; }
  void Set(std::string_view key, std::any value) override { values_[Lower(key)] = std::move(value); }
  [[nodiscard]] std::any Get(std::string_view key) const override {
    auto it = values_.find(Lower(key));
    return it == values_.end() ? std::any() : it->second;
  }

 private:
  static std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  std::map<std::string, std::any> values_;
};

/// A new store holding `values` (Go: metadata.NewMetadata).
inline gc::metadata::MetadataPtr NewMetadata(const std::map<std::string, std::any>& values = {}) {
  return std::make_shared<MapMetadata>(values);
}

namespace detail {

// A whole decimal number with an optional sign, and nothing else (Go's
// strconv.Atoi); nullopt otherwise or on overflow.
inline std::optional<std::int64_t> ParseInt(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (v > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

// Go's strconv.ParseBool spellings.
inline std::optional<bool> ParseBool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "true" || s == "TRUE" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "false" || s == "FALSE" || s == "False") return false;
  return std::nullopt;
}

}  // namespace detail

/// A Go-style duration of whole numbers with units: "10s", "1m30s", "250ms";
/// nullopt for anything else. Numbers above a million are refused (so no
/// single term overflows), and so is a total too large for a Duration.
inline std::optional<gc::Duration> ParseDuration(std::string_view s) {
  using namespace std::chrono_literals;
  static constexpr std::array<std::pair<std::string_view, gc::Duration>, 6> kUnits{
      {{"ns", 1ns}, {"us", 1us}, {"ms", 1ms}, {"s", 1s}, {"m", 1min}, {"h", 1h}}};
  if (s.empty()) return std::nullopt;
  gc::Duration total{};
  while (!s.empty()) {
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    auto n = detail::ParseInt(s.substr(0, digits));
    if (!n || *n > 1'000'000) return std::nullopt;
    s.remove_prefix(digits);
    std::size_t unit_len = 0;
    while (unit_len < s.size() && (s[unit_len] < '0' || s[unit_len] > '9')) ++unit_len;
    const std::string_view unit = s.substr(0, unit_len);
    s.remove_prefix(unit_len);
    const auto* u = std::find_if(kUnits.begin(), kUnits.end(), [&](const auto& k) { return k.first == unit; });
    if (u == kUnits.end()) return std::nullopt;
    const gc::Duration term = *n * u->second;
    if (total > gc::Duration::max() - term) return std::nullopt;
    total += term;
  }
  return total;
}

/// The value under `key` as text: strings as they are, numbers in decimal,
/// bools as "true"/"false"; "" otherwise.
inline std::string GetString(const gc::metadata::MetadataPtr& md, std::string_view key) {
  if (!md) return {};
  const std::any v = md->Get(key);
  if (const auto* s = std::any_cast<std::string>(&v)) return *s;
  if (const auto* p = std::any_cast<const char*>(&v)) return *p != nullptr ? *p : "";
  if (const auto* i = std::any_cast<int>(&v)) return std::to_string(*i);
  if (const auto* l = std::any_cast<std::int64_t>(&v)) return std::to_string(*l);
  if (const auto* u = std::any_cast<std::uint64_t>(&v)) return std::to_string(*u);
  if (const auto* b = std::any_cast<bool>(&v)) return *b ? "true" : "false";
  return {};
}

/// The value under `key` as an int: ints and int64s (0 if out of range),
/// decimal strings, and bools (1/0); 0 otherwise.
inline int GetInt(const gc::metadata::MetadataPtr& md, std::string_view key) {
  if (!md) return 0;
  const std::any v = md->Get(key);
  std::optional<std::int64_t> n;
  if (const auto* i = std::any_cast<int>(&v)) return *i;
  if (const auto* b = std::any_cast<bool>(&v)) return *b ? 1 : 0;
  if (const auto* l = std::any_cast<std::int64_t>(&v)) n = *l;
  if (const auto* s = std::any_cast<std::string>(&v)) n = detail::ParseInt(*s);
  if (!n || *n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()) return 0;
  return static_cast<int>(*n);
}

/// The value under `key` as a bool: bools, non-zero ints and int64s, and
/// the strings Go's strconv.ParseBool accepts ("true", "1", "F", ...).
inline bool GetBool(const gc::metadata::MetadataPtr& md, std::string_view key) {
  if (!md) return false;
  const std::any v = md->Get(key);
  if (const auto* b = std::any_cast<bool>(&v)) return *b;
  if (const auto* i = std::any_cast<int>(&v)) return *i != 0;
  if (const auto* l = std::any_cast<std::int64_t>(&v)) return *l != 0;
  if (const auto* s = std::any_cast<std::string>(&v)) return detail::ParseBool(*s).value_or(false);
  return false;
}

/// The value under `key` as a duration: a Duration, a Go-style string
/// ("10s", "1m30s"), or a number of seconds (an int, or a decimal string).
inline gc::Duration GetDuration(const gc::metadata::MetadataPtr& md, std::string_view key) {
  if (!md) return {};
  const std::any v = md->Get(key);
  if (const auto* d = std::any_cast<gc::Duration>(&v)) return *d;
  if (const auto* i = std::any_cast<int>(&v)) return std::chrono::seconds(*i);
  if (const auto* s = std::any_cast<std::string>(&v)) {
    if (auto d = ParseDuration(*s)) return *d;
    if (auto n = detail::ParseInt(*s)) return std::chrono::seconds(*n);
  }
  return {};
}

}  // namespace gost::x
