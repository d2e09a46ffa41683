// gost-core port of go-gost/core registry/registry.go.
//
// A Registry maps names to components of one kind (listener constructors,
// dialer constructors, authenticators...), so that configuration can refer to
// them by name. go-gost/x keeps one registry per kind; this library defines
// only the interface.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/errors.hpp"

namespace gost::core::registry {

/// Named values of type T.
///
/// Contract as go-gost/x implements it: registering a name that is already
/// taken fails and keeps the first value; an empty name is ignored (Register
/// returns no error and stores nothing); Get of an unknown name returns T{}
/// (null for pointers). Implementations are expected to be thread-safe: a
/// registry is filled at start-up and read from every connection.
template <class T>
class Registry {
  GOST_CORE_INTERFACE(Registry);

  /// Adds `v` under `name`; an error if the name is taken.
  virtual Error Register(std::string_view name, T v) = 0;
  /// Removes `name` (nothing happens if it is absent).
  virtual void Unregister(std::string_view name) = 0;
  /// True when `name` holds a value.
  [[nodiscard]] virtual bool IsRegistered(std::string_view name) const = 0;
  /// The value under `name`, or T{} when there is none.
  [[nodiscard]] virtual T Get(std::string_view name) const = 0;
  /// A snapshot of every name and value.
  [[nodiscard]] virtual std::map<std::string, T> GetAll() const = 0;
};

/// A shared registry.
template <class T>
using RegistryPtr = std::shared_ptr<Registry<T>>;

}  // namespace gost::core::registry
