// gost-core testing kit: what the value-parameterized conformance suites
// (conformance/conn.hpp, listener.hpp, marker.hpp, metadata.hpp) have in
// common. Each is instantiated with factories, plain structs whose `name`
// names the implementation and whose `make` builds what a case tests. Not
// part of the public API.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace gost::core::detail::testkit {

/// Prints a factory as `Type{name}` in GoogleTest's output; the factories'
/// PrintTo overloads call it.
inline void PrintFactory(std::string_view type, std::string_view name, std::ostream* os) {
  *os << type << "{" << (name.empty() ? std::string_view("<unnamed>") : name) << "}";
}

/// The base of a suite parameterized by `Factory`, which has a `name` and a
/// `make` member.
template <class Factory>
class FactorySuite : public ::testing::TestWithParam<Factory> {
 public:
  /// Test-name generator for INSTANTIATE_TEST_SUITE_P: the factory's name,
  /// with every character but ASCII letters and digits replaced by '_'; the
  /// parameter's index when the name is empty.
  static std::string ParamName(const ::testing::TestParamInfo<Factory>& info) {
    std::string out;
    for (char ch : info.param.name) {
      const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
      out += alnum ? ch : '_';
    }
    return out.empty() ? std::to_string(info.index) : out;
  }

 protected:
  /// For a factory whose `make` returns a pointer: calls it, failing the
  /// case (and returning null) when the factory has no make function, and
  /// expecting a non-null result. `type` and `what` name the factory type
  /// and the product in the failure messages.
  auto MakePointer(std::string_view type, std::string_view what) const {
    const Factory& f = this->GetParam();
    decltype(f.make()) made{};
    if (!f.make) {
      ADD_FAILURE() << type << " \"" << f.name << "\" has no make function";
      return made;
    }
    made = f.make();
    EXPECT_NE(made, nullptr) << "the factory returned a null " << what;
    return made;
  }
};

}  // namespace gost::core::detail::testkit
