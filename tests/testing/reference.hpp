// Small reference implementations the contract suites are checked against:
// a registry, a metadata store and a marker, each written from the contract
// alone.
#pragma once

#include <any>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/go/errors.hpp"
#include "gost/core/go/time.hpp"
#include "gost/core/metadata/metadata.hpp"
#include "gost/core/registry/registry.hpp"
#include "gost/core/selector/selector.hpp"

namespace gost_test {

namespace core = gost::core;

// A registry as go-gost/x keeps one: a mutex and a map.
template <class T>
class MapRegistry final : public core::registry::Registry<T> {
 public:
  core::Error Register(std::string_view name, T v) override {
    if (name.empty()) return {};
    std::lock_guard lock(mu_);
    if (!m_.emplace(std::string(name), std::move(v)).second) return core::errors::New("registry: duplicate object");
    return {};
  }
  void Unregister(std::string_view name) override {
    std::lock_guard lock(mu_);
    if (auto it = m_.find(name); it != m_.end()) m_.erase(it);
  }
  [[nodiscard]] bool IsRegistered(std::string_view name) const override {
    std::lock_guard lock(mu_);
    return m_.find(name) != m_.end();
  }
  [[nodiscard]] T Get(std::string_view name) const override {
    std::lock_guard lock(mu_);
    auto it = m_.find(name);
    return it == m_.end() ? T{} : it->second;
  }
  [[nodiscard]] std::map<std::string, T> GetAll() const override {
    std::lock_guard lock(mu_);
    return {m_.begin(), m_.end()};
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, T, std::less<>> m_;
};

// Metadata with ASCII case-insensitive keys (go-gost/x lowercases them).
class MapMetadata final : public core::metadata::Metadata {
 public:
  [[nodiscard]] bool IsExists(std::string_view key) const override { return m_.count(Lower(key)) != 0; }
  void Set(std::string_view key, std::any value) override { m_[Lower(key)] = std::move(value); }
  [[nodiscard]] std::any Get(std::string_view key) const override {
    auto it = m_.find(Lower(key));
    return it == m_.end() ? std::any() : it->second;
  }

 private:
  static std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  std::map<std::string, std::any> m_;
};

// A marker that keeps the exact time of the last failure (not whole seconds).
class PreciseMarker final : public core::selector::Marker {
 public:
  [[nodiscard]] core::Time Time() const override {
    std::lock_guard lock(mu_);
    return time_;
  }
  [[nodiscard]] std::int64_t Count() const override {
    std::lock_guard lock(mu_);
    return count_;
  }
  void Mark() override {
    std::lock_guard lock(mu_);
    ++count_;
    time_ = core::Now();
  }
  void Reset() override {
    std::lock_guard lock(mu_);
    count_ = 0;
  }

 private:
  mutable std::mutex mu_;
  std::int64_t count_ = 0;
  core::Time time_{};
};

}  // namespace gost_test
