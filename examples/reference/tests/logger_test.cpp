// Tests of x::Logger and its helpers (examples/reference/logger.hpp). Output
// is captured with GoogleTest's CaptureStdout/CaptureStderr.
#include <any>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gost/core/go/errors.hpp>
#include <gost/core/logger/logger.hpp>

#include "reference/logger.hpp"
#include "support.hpp"

namespace gost::x::test {
namespace {

namespace lg = gost::core::logger;
using ::testing::MatchesRegex;

// What `write` prints on stdout.
std::string Stdout(const std::function<void()>& write) {
  ::testing::internal::CaptureStdout();
  write();
  return ::testing::internal::GetCapturedStdout();
}

// What `write` prints on stderr.
std::string Stderr(const std::function<void()>& write) {
  ::testing::internal::CaptureStderr();
  write();
  return ::testing::internal::GetCapturedStderr();
}

// One message at each level, each naming its level.
void LogAtEveryLevel(lg::Logger& log) {
  log.Trace({"trace"});
  log.Debug({"debug"});
  log.Info({"info"});
  log.Warn({"warn"});
  log.Error({"error"});
  log.Fatal({"fatal"});
}

void LogfAtEveryLevel(lg::Logger& log) {
  log.Tracef("%s", {"trace"});
  log.Debugf("%s", {"debug"});
  log.Infof("%s", {"info"});
  log.Warnf("%s", {"warn"});
  log.Errorf("%s", {"error"});
  log.Fatalf("%s", {"fatal"});
}

// A Format::Text line without its "HH:MM:SS.mmm " stamp; checks the stamp.
std::string Unstamped(const std::string& line) {
  EXPECT_GT(line.size(), 13U) << line;
  if (line.size() <= 13) return line;
  EXPECT_THAT(line.substr(0, 13), MatchesRegex(R"([0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9][0-9][0-9] )")) << line;
  return line.substr(13);
}

const std::vector<std::string> kLevels{"trace", "debug", "info", "warn", "error", "fatal"};

// The lines a Format::Line logger without fields prints for messages at the
// levels from `first` on.
std::string LinesFrom(std::size_t first) {
  std::string out;
  for (std::size_t i = first; i < kLevels.size(); ++i) out += kLevels[i] + "\n";
  return out;
}

TEST(Logger, EachLevelDropsWhatIsBelowIt) {
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    x::Logger log(kLevels[i]);
    EXPECT_EQ(Stdout([&] { LogAtEveryLevel(log); }), LinesFrom(i)) << "level " << kLevels[i];
    EXPECT_EQ(Stdout([&] { LogfAtEveryLevel(log); }), LinesFrom(i)) << "level " << kLevels[i] << " (f forms)";
  }
}

TEST(Logger, OffWritesNothing) {
  x::Logger line("off");
  x::Logger text("off", x::Format::Text, {{"kind", std::string("k")}});
  EXPECT_EQ(Stdout([&] {
              LogAtEveryLevel(line);
              LogfAtEveryLevel(line);
              LogAtEveryLevel(text);
            }),
            "");
  EXPECT_EQ(Stderr([&] {
              LogAtEveryLevel(text);
              LogfAtEveryLevel(text);
            }),
            "");
  for (const auto& level : kLevels) EXPECT_FALSE(line.IsLevelEnabled(level)) << level;
}

TEST(Logger, IsLevelEnabledAndGetLevel) {
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    x::Logger log(kLevels[i]);
    EXPECT_EQ(log.GetLevel(), kLevels[i]);
    for (std::size_t j = 0; j < kLevels.size(); ++j) {
      EXPECT_EQ(log.IsLevelEnabled(kLevels[j]), j >= i) << "logger at " << kLevels[i] << ", asked " << kLevels[j];
    }
  }
  EXPECT_EQ(x::Logger().GetLevel(), lg::InfoLevel) << "the default level";
}

TEST(Logger, LineFormatPrefixesTheKind) {
  x::Logger log(lg::InfoLevel, x::Format::Line, {{"kind", std::string("router")}, {"other", 1}});
  EXPECT_EQ(Stdout([&] { log.Info({"dialing ", "example.com:80"}); }), "router: dialing example.com:80\n");
  EXPECT_EQ(Stderr([&] { log.Info({"quiet"}); }), "") << "Format::Line writes on stdout only";
}

TEST(Logger, LineFormatWithoutKindIsJustTheText) {
  x::Logger plain;
  EXPECT_EQ(Stdout([&] { plain.Warn({"just this"}); }), "just this\n");
  x::Logger empty_kind(lg::InfoLevel, x::Format::Line, {{"kind", std::string()}});
  EXPECT_EQ(Stdout([&] { empty_kind.Info({"no prefix"}); }), "no prefix\n");
  x::Logger int_kind(lg::InfoLevel, x::Format::Line, {{"kind", 7}});
  EXPECT_EQ(Stdout([&] { int_kind.Info({"seven"}); }), "7: seven\n");
}

TEST(Logger, TextFormatWritesTimeLevelTextAndEveryField) {
  x::Logger log(lg::TraceLevel, x::Format::Text,
                {{"kind", std::string("handler")}, {"conns", 3}, {"ok", true}, {"err", gc::errors::New("boom")}});
  std::string out;
  EXPECT_EQ(Stdout([&] { out = Stderr([&] { log.Infof("served %s", {"client"}); }); }), "")
      << "Format::Text writes on stderr only";
  EXPECT_EQ(Unstamped(out), "info served client conns=3 err=boom kind=handler ok=true\n");
  const std::string all = Stderr([&] { LogAtEveryLevel(log); });
  for (const auto& level : kLevels) EXPECT_THAT(all, ::testing::HasSubstr(" " + level + " " + level + " conns=3"));
}

TEST(Logger, TextFormatWithoutFields) {
  x::Logger log(lg::InfoLevel, x::Format::Text);
  EXPECT_EQ(Unstamped(Stderr([&] { log.Error({"failed"}); })), "error failed\n");
}

TEST(Logger, WithFieldsMergesAndLeavesTheOriginalAlone) {
  auto original =
      std::make_shared<x::Logger>(lg::WarnLevel, x::Format::Text, lg::Fields{{"kind", std::string("a")}, {"keep", 1}});
  auto derived = original->WithFields({{"kind", std::string("b")}, {"added", std::string("yes")}});
  ASSERT_NE(derived, nullptr);
  EXPECT_NE(derived.get(), original.get());
  EXPECT_EQ(derived->GetLevel(), lg::WarnLevel);
  EXPECT_EQ(Unstamped(Stderr([&] { derived->Warn({"w"}); })), "warn w added=yes keep=1 kind=b\n");
  EXPECT_EQ(Unstamped(Stderr([&] { original->Warn({"w"}); })), "warn w keep=1 kind=a\n");
  EXPECT_EQ(Stderr([&] { derived->Info({"below"}); }), "") << "the level carries over";

  auto line = std::make_shared<x::Logger>(lg::InfoLevel, x::Format::Line);
  EXPECT_EQ(Stdout([&] {
              line->WithFields({{"kind", std::string("hop 1")}})->Info({"x"});
            }),
            "hop 1: x\n")
      << "the format carries over";
}

TEST(Logger, FormatsItsArguments) {
  x::Logger log;
  EXPECT_EQ(Stdout([&] { log.Infof("%s sent %d bytes (%q)", {"a1", 42, "ok"}); }), "a1 sent 42 bytes (\"ok\")\n");
  EXPECT_EQ(Stdout([&] { log.Info({1, 2}); }), "1 2\n") << "Sprint spaces operands that are not strings";
  EXPECT_EQ(Stdout([&] { log.Info({"n=", 5}); }), "n=5\n");
  EXPECT_EQ(Stdout([&] { log.Infof("100%%", {}); }), "100%\n");
}

TEST(NewLogger, PrefixesTheKindAtDebugByDefault) {
  auto log = x::NewLogger("router");
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->GetLevel(), lg::DebugLevel);
  EXPECT_EQ(Stdout([&] {
              log->Trace({"hidden"});
              log->Debugf("route %d", {1});
            }),
            "router: route 1\n");
  auto info = x::NewLogger("hop", lg::InfoLevel);
  EXPECT_EQ(Stdout([&] {
              info->Debug({"hidden"});
              info->Info({"shown"});
            }),
            "hop: shown\n");
}

TEST(Kind, SetsTheKindOrGivesNop) {
  auto base = x::NewLogger("base");
  auto hop = x::Kind(base, "hop 2");
  ASSERT_NE(hop, nullptr);
  EXPECT_EQ(Stdout([&] { hop->Info({"picked"}); }), "hop 2: picked\n");
  EXPECT_EQ(Stdout([&] { base->Info({"still"}); }), "base: still\n");

  auto nop = x::Kind(nullptr, "anything");
  ASSERT_NE(nop, nullptr);
  EXPECT_EQ(nop->GetLevel(), "off");
  EXPECT_EQ(Stdout([&] { nop->Fatal({"nothing"}); }), "");
}

TEST(Nop, WritesNothing) {
  auto nop = x::Nop();
  ASSERT_NE(nop, nullptr);
  std::string err;
  EXPECT_EQ(Stdout([&] {
              err = Stderr([&] {
                LogAtEveryLevel(*nop);
                LogfAtEveryLevel(*nop);
                nop->WithFields({{"kind", std::string("k")}})->Fatal({"still nothing"});
              });
            }),
            "");
  EXPECT_EQ(err, "");
  for (const auto& level : kLevels) EXPECT_FALSE(nop->IsLevelEnabled(level)) << level;
}

// Sets logger::Default() for one test and restores the previous one.
class DefaultLoggerTest : public ::testing::Test {
 protected:
  void SetUp() override { saved_ = lg::Default(); }
  void TearDown() override { lg::SetDefault(saved_); }

 private:
  lg::LoggerPtr saved_;
};

TEST_F(DefaultLoggerTest, NopWhileNoneIsSetThenTheDefault) {
  lg::SetDefault(nullptr);
  auto fallback = x::DefaultLogger();
  ASSERT_NE(fallback, nullptr);
  EXPECT_EQ(fallback->GetLevel(), "off");
  EXPECT_EQ(Stdout([&] { fallback->Fatal({"x"}); }), "");

  auto mine = x::NewLogger("default");
  lg::SetDefault(mine);
  EXPECT_EQ(x::DefaultLogger(), mine);
  EXPECT_EQ(Stdout([&] { x::DefaultLogger()->Info({"via default"}); }), "default: via default\n");
}

TEST(RenderAny, EveryKnownType) {
  EXPECT_EQ(x::RenderAny(std::string("s")), "s");
  EXPECT_EQ(x::RenderAny(static_cast<const char*>("c")), "c");
  EXPECT_EQ(x::RenderAny(static_cast<const char*>(nullptr)), "");
  EXPECT_EQ(x::RenderAny(-3), "-3");
  EXPECT_EQ(x::RenderAny(4L), "4");
  EXPECT_EQ(x::RenderAny(5LL), "5");
  EXPECT_EQ(x::RenderAny(6UL), "6");
  EXPECT_EQ(x::RenderAny(true), "true");
  EXPECT_EQ(x::RenderAny(false), "false");
  EXPECT_EQ(x::RenderAny(gc::errors::New("broken pipe")), "broken pipe");
  EXPECT_EQ(x::RenderAny(gc::Duration(1500ms)), "1500ms");
  EXPECT_EQ(x::RenderAny(gc::Duration(2s)), "2000ms");
  EXPECT_EQ(x::RenderAny(std::any()), "<nil>");
  EXPECT_EQ(x::RenderAny(2.5), "?") << "a type it does not know";
}

}  // namespace
}  // namespace gost::x::test
