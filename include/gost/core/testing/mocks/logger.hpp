// gost-core testing kit: GoogleMock mock of logger::Logger, and a matcher for
// the arguments of a log call.
//
// fmt::Args borrows its values for the duration of the call only: match
// them inside EXPECT_CALL (SprintIs below) instead of saving them for later.
#pragma once

#include <gmock/gmock.h>

#include <string>
#include <string_view>
#include <utility>

#include "gost/core/logger/logger.hpp"

namespace gost::core::logger {

/// Mock of Logger. Unconfigured, WithFields returns null, GetLevel "" and
/// IsLevelEnabled false. The format methods' `args` default to {} through
/// the interface; calling them on the mock itself needs every argument.
class MockLogger : public Logger {
 public:
  MOCK_METHOD(LoggerPtr, WithFields, (const Fields& fields), (override));
  MOCK_METHOD(void, Trace, (const fmt::Args& args), (override));
  MOCK_METHOD(void, Tracef, (std::string_view format, const fmt::Args& args), (override));
  MOCK_METHOD(void, Debug, (const fmt::Args& args), (override));
  MOCK_METHOD(void, Debugf, (std::string_view format, const fmt::Args& args), (override));
  MOCK_METHOD(void, Info, (const fmt::Args& args), (override));
  MOCK_METHOD(void, Infof, (std::string_view format, const fmt::Args& args), (override));
  MOCK_METHOD(void, Warn, (const fmt::Args& args), (override));
  MOCK_METHOD(void, Warnf, (std::string_view format, const fmt::Args& args), (override));
  MOCK_METHOD(void, Error, (const fmt::Args& args), (override));
  MOCK_METHOD(void, Errorf, (std::string_view format, const fmt::Args& args), (override));
  MOCK_METHOD(void, Fatal, (const fmt::Args& args), (override));
  MOCK_METHOD(void, Fatalf, (std::string_view format, const fmt::Args& args), (override));
  MOCK_METHOD(LogLevel, GetLevel, (), (const, override));
  MOCK_METHOD(bool, IsLevelEnabled, (const LogLevel& level), (const, override));
};

/// Matches fmt::Args whose Sprint rendering equals `text`:
/// `EXPECT_CALL(log, Info(logger::SprintIs("listening on :8080")));`
inline ::testing::Matcher<const fmt::Args&> SprintIs(std::string text) {
  return ::testing::ResultOf(
      "rendered with Sprint", [](const fmt::Args& args) { return fmt::Sprint(args); }, ::testing::Eq(std::move(text)));
}

}  // namespace gost::core::logger
