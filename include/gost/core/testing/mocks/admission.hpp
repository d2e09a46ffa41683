// gost-core testing kit: GoogleMock mock of admission::Admission.
#pragma once

#include <gmock/gmock.h>

#include <string_view>

#include "gost/core/admission/admission.hpp"

namespace gost::core::admission {

/// Mock of Admission. Unconfigured, Admit answers false.
class MockAdmission : public Admission {
 public:
  MOCK_METHOD(bool, Admit,
              (const context::Context& ctx, std::string_view network, std::string_view addr, Variadic<Option> opts),
              (override));
};

}  // namespace gost::core::admission
