// gost::x reference: a registry::Registry<T> implementation, after go-gost/x
// (registry/registry.go).
//
// Configuration names components ("dialer: xor"); a registry turns the name
// into the component, or into the constructor that builds one. The rules:
//  * registering a name that is taken fails with ErrDup and keeps the first
//    value;
//  * an empty name is ignored: Register stores nothing and reports no error;
//  * Get of a name nobody registered (or of "") gives T{}: a null pointer, an
//    empty std::function.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/go/errors.hpp>
#include <gost/core/registry/registry.hpp>

namespace gost::x {

namespace gc = gost::core;

/// What Register returns for a name that is already taken.
inline const gc::Error ErrDup = gc::errors::New("registry: duplicate object");

/// Named values of type T in a map. Thread-safe.
template <class T>
class Registry final : public gc::registry::Registry<T> {
 public:
  gc::Error Register(std::string_view name, T v) override {
    if (name.empty()) return {};
    std::lock_guard lock(mu_);
    if (!values_.try_emplace(std::string(name), std::move(v)).second) return ErrDup;
    return {};
  }
  void Unregister(std::string_view name) override {
    std::lock_guard lock(mu_);
    if (auto it = values_.find(name); it != values_.end()) values_.erase(it);
  }
  [[nodiscard]] bool IsRegistered(std::string_view name) const override {
    std::lock_guard lock(mu_);
    return values_.find(name) != values_.end();
  }
  [[nodiscard]] T Get(std::string_view name) const override {
    if (name.empty()) return T{};
    std::lock_guard lock(mu_);
    auto it = values_.find(name);
    return it == values_.end() ? T{} : it->second;
  }
  [[nodiscard]] std::map<std::string, T> GetAll() const override {
    std::lock_guard lock(mu_);
    return {values_.begin(), values_.end()};
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, T, std::less<>> values_;  // std::less<>: look up by string_view
};

/// A new, empty registry of T.
template <class T>
gc::registry::RegistryPtr<T> NewRegistry() {
  return std::make_shared<Registry<T>>();
}

}  // namespace gost::x
