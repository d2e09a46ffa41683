// gost-core testing kit: GoogleMock mock of the vocabulary regexp::Regexp.
#pragma once

#include <gmock/gmock.h>

#include <string>
#include <string_view>

#include "gost/core/go/regexp.hpp"

namespace gost::core::regexp {

/// Mock of Regexp. Unconfigured, it matches nothing and replaces with "".
class MockRegexp : public Regexp {
 public:
  MOCK_METHOD(std::string, String, (), (const, override));
  MOCK_METHOD(bool, MatchString, (std::string_view s), (const, override));
  MOCK_METHOD(std::string, ReplaceAllString, (std::string_view src, std::string_view repl), (const, override));
};

}  // namespace gost::core::regexp
