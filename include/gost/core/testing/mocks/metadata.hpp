// gost-core testing kit: GoogleMock mocks of metadata::Metadata and
// metadata::Metadatable.
#pragma once

#include <gmock/gmock.h>

#include <any>
#include <ostream>
#include <string_view>
#include <utility>

#include "gost/core/metadata/metadata.hpp"

namespace gost::core::metadata {

/// Mock of Metadata. Unconfigured, nothing exists and Get returns an empty
/// std::any.
///
/// GoogleMock cannot take a std::any parameter directly (clang rejects the
/// Matcher<std::any> it needs: std::any would accept the matcher itself as a
/// value), so Set(key, std::any) forwards to a mocked Set(key, AnyArg).
/// Expectations read as usual, `EXPECT_CALL(md, Set("k", _))`, and
/// AnyWith<T>(matcher) looks inside the value:
/// `EXPECT_CALL(md, Set("retries", AnyWith<int>(3)))`.
class MockMetadata : public Metadata {
 public:
  /// The value passed to Set, wrapped.
  struct AnyArg {
    std::any value;
  };

  MOCK_METHOD(bool, IsExists, (std::string_view key), (const, override));
  MOCK_METHOD(void, Set, (std::string_view key, AnyArg value));
  MOCK_METHOD(std::any, Get, (std::string_view key), (const, override));

  /// The interface's Set: forwards to the mocked overload above.
  void Set(std::string_view key, std::any value) override { Set(key, AnyArg{std::move(value)}); }
};

/// Shows what a MockMetadata::AnyArg holds in GoogleMock messages.
inline void PrintTo(const MockMetadata::AnyArg& arg, std::ostream* os) {
  if (arg.value.has_value()) {
    *os << "std::any holding a " << arg.value.type().name();
  } else {
    *os << "empty std::any";
  }
}

/// Matches a MockMetadata::AnyArg whose value is a T that matches `inner`
/// (a matcher or a plain value compared with ==).
template <class T, class M>
::testing::Matcher<MockMetadata::AnyArg> AnyWith(M inner) {
  return ::testing::ResultOf(
      "the T inside", [](const MockMetadata::AnyArg& arg) { return std::any_cast<T>(&arg.value); },
      ::testing::Pointee(::testing::MatcherCast<const T&>(std::move(inner))));
}

/// Mock of Metadatable. Unconfigured, Metadata returns null.
class MockMetadatable : public Metadatable {
 public:
  MOCK_METHOD(MetadataPtr, Metadata, (), (const, override));
};

}  // namespace gost::core::metadata
