// gost-core testing kit: GoogleMock mock of registry::Registry<T>.
#pragma once

#include <gmock/gmock.h>

#include <map>
#include <string>
#include <string_view>

#include "gost/core/registry/registry.hpp"

namespace gost::core::registry {

/// Mock of Registry<T>. Unconfigured, Register succeeds, nothing is
/// registered, Get returns T{} and GetAll an empty map.
template <class T>
class MockRegistry : public Registry<T> {
 public:
  MOCK_METHOD(Error, Register, (std::string_view name, T v), (override));
  MOCK_METHOD(void, Unregister, (std::string_view name), (override));
  MOCK_METHOD(bool, IsRegistered, (std::string_view name), (const, override));
  MOCK_METHOD(T, Get, (std::string_view name), (const, override));
  MOCK_METHOD((std::map<std::string, T>), GetAll, (), (const, override));
};

}  // namespace gost::core::registry
