// gost-core testing kit: GoogleMock mock of recorder::Recorder.
#pragma once

#include <gmock/gmock.h>

#include "gost/core/recorder/recorder.hpp"

namespace gost::core::recorder {

/// Mock of Recorder. The bytes are borrowed for the call: match them inside
/// EXPECT_CALL, or copy them in an action, never keep the view.
class MockRecorder : public Recorder {
 public:
  MOCK_METHOD(Error, Record, (const context::Context& ctx, ByteView b, Variadic<RecordOption> opts), (override));
};

}  // namespace gost::core::recorder
