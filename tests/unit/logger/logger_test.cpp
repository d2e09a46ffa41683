// Pins logger.hpp apart from its formatting helpers: the level and format
// constants, the process-wide default logger (Default/SetDefault, also under
// concurrent use), and LoggerGroup's fan-out.
#include "gost/core/logger/logger.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <any>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

namespace gost::core::logger {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

static_assert(core::detail::kIsInterface<Logger>);
static_assert(std::is_same_v<LoggerPtr, std::shared_ptr<Logger>>);

// Read before any test runs: nobody has installed a default logger yet.
const bool kDefaultWasNullAtStartup = Default() == nullptr;

// One recorded call.
struct Call {
  std::string logger;             // which logger received it
  std::string method;             // "Info", "Warnf", "WithFields", ...
  std::string format;             // for the ...f methods
  std::vector<std::string> args;  // each argument, tagged with its kind
  std::string fields;             // the logger's fields, "k=v,..."
  bool operator==(const Call&) const = default;
};

void PrintTo(const Call& c, std::ostream* os) {
  *os << c.logger << "." << c.method << "(" << c.format << " |";
  for (const auto& a : c.args) *os << " " << a;
  *os << ") {" << c.fields << "}";
}

// Every call of every logger of a test, in the order they happened.
struct Journal {
  std::mutex mu;
  std::vector<Call> calls;
  void Add(Call c) {
    std::lock_guard lock(mu);
    calls.push_back(std::move(c));
  }
};

// Renders an argument with a tag for its kind, independent of Sprint.
std::string Tag(const fmt::Arg& a) {
  switch (a.kind()) {
    case fmt::Arg::Kind::Nil: return "nil";
    case fmt::Arg::Kind::Bool: return a.AsBool() ? "b:true" : "b:false";
    case fmt::Arg::Kind::Int: return "i:" + std::to_string(a.AsInt());
    case fmt::Arg::Kind::Uint: return "u:" + std::to_string(a.AsUint());
    case fmt::Arg::Kind::Float: return "f:" + std::to_string(a.AsFloat());
    case fmt::Arg::Kind::String: return "s:" + std::string(a.AsText());
    case fmt::Arg::Kind::Text: return "S:" + std::string(a.AsText());
  }
  return "?";
}

std::vector<std::string> Tags(const fmt::Args& args) {
  std::vector<std::string> out;
  for (const auto& a : args) out.push_back(Tag(a));
  return out;
}

std::string FieldText(const Fields& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += ',';
    out += k + "=";
    if (const auto* s = std::any_cast<std::string>(&v)) {
      out += *s;
    } else if (const auto* i = std::any_cast<int>(&v)) {
      out += std::to_string(*i);
    } else {
      out += "?";
    }
  }
  return out;
}

class RecordingLogger final : public Logger {
 public:
  RecordingLogger(std::string name, std::shared_ptr<Journal> journal, LogLevel level = InfoLevel,
                  std::set<LogLevel> enabled = {}, Fields fields = {})
      : name_(std::move(name)),
        journal_(std::move(journal)),
        level_(std::move(level)),
        enabled_(std::move(enabled)),
        fields_(std::move(fields)) {}

  LoggerPtr WithFields(const Fields& fields) override {
    Fields merged = fields_;
    for (const auto& [k, v] : fields) merged[k] = v;
    journal_->Add({name_, "WithFields", "", {}, FieldText(fields)});
    return std::make_shared<RecordingLogger>(name_ + "+", journal_, level_, enabled_, std::move(merged));
  }
  void Trace(const fmt::Args& a) override { Log("Trace", "", a); }
  void Tracef(std::string_view f, const fmt::Args& a) override { Log("Tracef", f, a); }
  void Debug(const fmt::Args& a) override { Log("Debug", "", a); }
  void Debugf(std::string_view f, const fmt::Args& a) override { Log("Debugf", f, a); }
  void Info(const fmt::Args& a) override { Log("Info", "", a); }
  void Infof(std::string_view f, const fmt::Args& a) override { Log("Infof", f, a); }
  void Warn(const fmt::Args& a) override { Log("Warn", "", a); }
  void Warnf(std::string_view f, const fmt::Args& a) override { Log("Warnf", f, a); }
  void Error(const fmt::Args& a) override { Log("Error", "", a); }
  void Errorf(std::string_view f, const fmt::Args& a) override { Log("Errorf", f, a); }
  void Fatal(const fmt::Args& a) override { Log("Fatal", "", a); }
  void Fatalf(std::string_view f, const fmt::Args& a) override { Log("Fatalf", f, a); }
  [[nodiscard]] LogLevel GetLevel() const override { return level_; }
  [[nodiscard]] bool IsLevelEnabled(const LogLevel& level) const override {
    journal_->Add({name_, "IsLevelEnabled", "", {level}, ""});
    return enabled_.count(level) != 0;
  }

 private:
  void Log(const char* method, std::string_view format, const fmt::Args& a) {
    journal_->Add({name_, method, std::string(format), Tags(a), FieldText(fields_)});
  }
  std::string name_;
  std::shared_ptr<Journal> journal_;
  LogLevel level_;
  std::set<LogLevel> enabled_;
  Fields fields_;
};

// Counts Info calls; everything else is ignored.
class CountingLogger final : public Logger {
 public:
  std::atomic<std::int64_t> infos{0};
  LoggerPtr WithFields(const Fields& /*f*/) override { return nullptr; }
  void Trace(const fmt::Args& /*a*/) override {}
  void Tracef(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Debug(const fmt::Args& /*a*/) override {}
  void Debugf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Info(const fmt::Args& /*a*/) override { infos.fetch_add(1); }
  void Infof(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Warn(const fmt::Args& /*a*/) override {}
  void Warnf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Error(const fmt::Args& /*a*/) override {}
  void Errorf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  void Fatal(const fmt::Args& /*a*/) override {}
  void Fatalf(std::string_view /*f*/, const fmt::Args& /*a*/) override {}
  [[nodiscard]] LogLevel GetLevel() const override { return InfoLevel; }
  [[nodiscard]] bool IsLevelEnabled(const LogLevel& /*l*/) const override { return true; }
};

// Puts the default logger back to null when a test ends.
struct DefaultGuard {
  DefaultGuard() = default;
  DefaultGuard(const DefaultGuard&) = delete;
  DefaultGuard& operator=(const DefaultGuard&) = delete;
  ~DefaultGuard() { SetDefault(nullptr); }
};

// ---------------------------------------------------------------------------
// Constants

TEST(LoggerConstants, HaveUpstreamsValues) {
  EXPECT_EQ(TraceLevel, "trace");
  EXPECT_EQ(DebugLevel, "debug");
  EXPECT_EQ(InfoLevel, "info");
  EXPECT_EQ(WarnLevel, "warn");
  EXPECT_EQ(ErrorLevel, "error");
  EXPECT_EQ(FatalLevel, "fatal");
  EXPECT_EQ(TextFormat, "text");
  EXPECT_EQ(JSONFormat, "json");
  const std::set<LogLevel> levels{TraceLevel, DebugLevel, InfoLevel, WarnLevel, ErrorLevel, FatalLevel};
  EXPECT_EQ(levels.size(), 6U);
  static_assert(std::is_same_v<LogLevel, std::string>);
  static_assert(std::is_same_v<LogFormat, std::string>);
}

// ---------------------------------------------------------------------------
// Default / SetDefault

TEST(DefaultLogger, IsNullUntilSet) { EXPECT_TRUE(kDefaultWasNullAtStartup); }

TEST(DefaultLogger, SetDefaultReplacesAndNullClears) {
  DefaultGuard guard;
  auto journal = std::make_shared<Journal>();
  auto a = std::make_shared<RecordingLogger>("A", journal);
  auto b = std::make_shared<RecordingLogger>("B", journal);
  SetDefault(a);
  EXPECT_EQ(Default(), a);
  EXPECT_EQ(Default(), a);  // reading does not consume it
  SetDefault(b);
  EXPECT_EQ(Default(), b);
  Default()->Info("hello");
  ASSERT_EQ(journal->calls.size(), 1U);
  EXPECT_EQ(journal->calls[0].logger, "B");
  SetDefault(nullptr);
  EXPECT_EQ(Default(), nullptr);
  SetDefault(a);
  EXPECT_EQ(Default(), a);
}

TEST(DefaultLogger, HoldsAndReleasesOwnership) {
  DefaultGuard guard;
  std::weak_ptr<Logger> weak;
  {
    auto l = std::make_shared<CountingLogger>();
    weak = l;
    SetDefault(l);
  }
  EXPECT_FALSE(weak.expired()) << "the default slot keeps its logger alive";
  LoggerPtr held = Default();
  SetDefault(nullptr);
  EXPECT_FALSE(weak.expired()) << "a caller that took it keeps it alive after a swap";
  held.reset();
  EXPECT_TRUE(weak.expired()) << "nobody holds it any more";
}

// Swapping the default while other threads log through it is race-free
// (run under ThreadSanitizer as well) and no call is lost: each lands on one
// of the loggers that were installed.
TEST(DefaultLogger, SwappingWhileLoggingIsSafeAndLosesNothing) {
  DefaultGuard guard;
  constexpr int kThreads = 8;
  constexpr int kMinCalls = 2000;
  constexpr int kSwaps = 20000;
  auto a = std::make_shared<CountingLogger>();
  auto b = std::make_shared<CountingLogger>();
  SetDefault(a);
  std::atomic<bool> go{false};
  std::atomic<bool> swapping_done{false};
  std::atomic<std::int64_t> calls{0};
  std::atomic<std::int64_t> missed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();
      // Keep logging until the swapping is over, so the two overlap.
      for (int i = 0; i < kMinCalls || !swapping_done.load(); ++i) {
        calls.fetch_add(1);
        if (auto l = Default()) {
          l->Info({"call ", i});
        } else {
          missed.fetch_add(1);
        }
      }
    });
  }
  go = true;
  for (int i = 0; i < kSwaps; ++i) SetDefault(i % 2 == 0 ? LoggerPtr(b) : LoggerPtr(a));
  swapping_done = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(missed.load(), 0);
  EXPECT_GE(calls.load(), std::int64_t{kThreads} * kMinCalls);
  EXPECT_EQ(a->infos.load() + b->infos.load(), calls.load());
  EXPECT_EQ(Default(), a);  // the last one installed
}

// ---------------------------------------------------------------------------
// LoggerGroup

struct MethodCase {
  const char* method;
  const char* format;  // "" for the non-f methods
  std::function<void(Logger&)> call;
  std::vector<std::string> args;  // as recorded
};

std::vector<MethodCase> AllMethods() {
  const Error err = errors::New("boom");
  return {
      {"Trace",
       "",
       [](Logger& l) {
         l.Trace({"t", 1});
       },
       {"s:t", "i:1"}},
      {"Tracef",
       "%s=%d",
       [](Logger& l) {
         l.Tracef("%s=%d", {"k", 2});
       },
       {"s:k", "i:2"}},
      {"Debug", "", [](Logger& l) { l.Debug(true); }, {"b:true"}},
      {"Debugf", "no args", [](Logger& l) { l.Debugf("no args"); }, {}},
      {"Info",
       "",
       [](Logger& l) {
         l.Info({"listening on ", std::string(":8080")});
       },
       {"s:listening on ", "s::8080"}},
      {"Infof", "%v", [](Logger& l) { l.Infof("%v", std::uint64_t{7}); }, {"u:7"}},
      {"Warn", "", [](Logger& l) { l.Warn(-3); }, {"i:-3"}},
      {"Warnf", "%d%%", [](Logger& l) { l.Warnf("%d%%", {99}); }, {"i:99"}},
      {"Error",
       "",
       [err](Logger& l) {
         l.Error({"dial: ", err});
       },
       {"s:dial: ", "S:boom"}},
      {"Errorf",
       "%s: %v",
       [err](Logger& l) {
         l.Errorf("%s: %v", {"x", err});
       },
       {"s:x", "S:boom"}},
      {"Fatal", "", [](Logger& l) { l.Fatal("bye"); }, {"s:bye"}},
      {"Fatalf", "code %d", [](Logger& l) { l.Fatalf("code %d", {1}); }, {"i:1"}},
  };
}

TEST(LoggerGroup, SendsEveryMethodToEveryLoggerInOrder) {
  for (const auto& m : AllMethods()) {
    SCOPED_TRACE(m.method);
    auto journal = std::make_shared<Journal>();
    const auto group =
        LoggerGroup({std::make_shared<RecordingLogger>("L1", journal), std::make_shared<RecordingLogger>("L2", journal),
                     std::make_shared<RecordingLogger>("L3", journal)});
    ASSERT_NE(group, nullptr);
    m.call(*group);
    std::vector<Call> want;
    for (const char* name : {"L1", "L2", "L3"}) want.push_back({name, m.method, m.format, m.args, ""});
    EXPECT_EQ(journal->calls, want);
  }
}

TEST(LoggerGroup, KeepsTheOrderOfSuccessiveCalls) {
  auto journal = std::make_shared<Journal>();
  const auto group =
      LoggerGroup({std::make_shared<RecordingLogger>("L1", journal), std::make_shared<RecordingLogger>("L2", journal)});
  group->Info("one");
  group->Warnf("two %d", {2});
  std::vector<std::string> seen;
  for (const auto& c : journal->calls) seen.push_back(c.logger + "." + c.method);
  EXPECT_THAT(seen, ElementsAre("L1.Info", "L2.Info", "L1.Warnf", "L2.Warnf"));
}

TEST(LoggerGroup, WithFieldsDerivesEveryMember) {
  auto journal = std::make_shared<Journal>();
  const auto group =
      LoggerGroup({std::make_shared<RecordingLogger>("L1", journal), std::make_shared<RecordingLogger>("L2", journal)});
  const auto derived = group->WithFields({{"service", std::string("svc")}, {"port", 8080}});
  ASSERT_NE(derived, nullptr);
  EXPECT_NE(derived, group);
  // Each member was asked once, in order, with the fields.
  EXPECT_EQ(journal->calls, (std::vector<Call>{{"L1", "WithFields", "", {}, "port=8080,service=svc"},
                                               {"L2", "WithFields", "", {}, "port=8080,service=svc"}}));
  journal->calls.clear();

  // The derived group logs through the derived members, which carry the fields.
  derived->Info("hi");
  EXPECT_EQ(journal->calls, (std::vector<Call>{{"L1+", "Info", "", {"s:hi"}, "port=8080,service=svc"},
                                               {"L2+", "Info", "", {"s:hi"}, "port=8080,service=svc"}}));
  journal->calls.clear();

  // The original group is unchanged.
  group->Info("plain");
  EXPECT_EQ(journal->calls,
            (std::vector<Call>{{"L1", "Info", "", {"s:plain"}, ""}, {"L2", "Info", "", {"s:plain"}, ""}}));
  journal->calls.clear();

  // Deriving again adds to the fields.
  derived->WithFields({{"conn", std::string("c1")}})->Debug("x");
  std::vector<Call> debug_calls;
  for (const auto& c : journal->calls) {
    if (c.method == "Debug") debug_calls.push_back(c);
  }
  EXPECT_EQ(debug_calls, (std::vector<Call>{{"L1++", "Debug", "", {"s:x"}, "conn=c1,port=8080,service=svc"},
                                            {"L2++", "Debug", "", {"s:x"}, "conn=c1,port=8080,service=svc"}}));
}

TEST(LoggerGroup, WithFieldsOfAnEmptyGroupIsAnEmptyGroup) {
  const auto derived = LoggerGroup({})->WithFields({{"a", 1}});
  ASSERT_NE(derived, nullptr);
  derived->Info("nothing happens");
  EXPECT_EQ(derived->GetLevel(), InfoLevel);
  EXPECT_FALSE(derived->IsLevelEnabled(ErrorLevel));
}

TEST(LoggerGroup, GetLevelIsTheFirstLoggers) {
  auto journal = std::make_shared<Journal>();
  auto debug = std::make_shared<RecordingLogger>("D", journal, DebugLevel);
  auto error = std::make_shared<RecordingLogger>("E", journal, ErrorLevel);
  EXPECT_EQ(LoggerGroup({debug, error})->GetLevel(), DebugLevel);
  EXPECT_EQ(LoggerGroup({error, debug})->GetLevel(), ErrorLevel);
  EXPECT_EQ(LoggerGroup(LoggerPtr(error))->GetLevel(), ErrorLevel);
  EXPECT_EQ(LoggerGroup({})->GetLevel(), InfoLevel);
  EXPECT_EQ(LoggerGroup(Variadic<LoggerPtr>{})->GetLevel(), InfoLevel);
}

TEST(LoggerGroup, IsLevelEnabledWhenAnyMemberEnablesIt) {
  auto journal = std::make_shared<Journal>();
  auto errors_only = std::make_shared<RecordingLogger>("E", journal, ErrorLevel, std::set<LogLevel>{ErrorLevel});
  auto debug_only = std::make_shared<RecordingLogger>("D", journal, DebugLevel, std::set<LogLevel>{DebugLevel});
  auto nothing = std::make_shared<RecordingLogger>("N", journal, FatalLevel);
  const auto group = LoggerGroup({errors_only, nothing, debug_only});
  EXPECT_TRUE(group->IsLevelEnabled(ErrorLevel));
  EXPECT_TRUE(group->IsLevelEnabled(DebugLevel));
  EXPECT_FALSE(group->IsLevelEnabled(TraceLevel));
  EXPECT_FALSE(group->IsLevelEnabled("no-such-level"));
  // When none enables the level, every member was asked about that level.
  journal->calls.clear();
  EXPECT_FALSE(group->IsLevelEnabled(TraceLevel));
  EXPECT_EQ(journal->calls, (std::vector<Call>{{"E", "IsLevelEnabled", "", {"trace"}, ""},
                                               {"N", "IsLevelEnabled", "", {"trace"}, ""},
                                               {"D", "IsLevelEnabled", "", {"trace"}, ""}}));
  EXPECT_FALSE(LoggerGroup({nothing})->IsLevelEnabled(ErrorLevel));
  EXPECT_FALSE(LoggerGroup({})->IsLevelEnabled(ErrorLevel));
  EXPECT_FALSE(LoggerGroup({})->IsLevelEnabled(InfoLevel));
}

TEST(LoggerGroup, DropsNullLoggers) {
  auto journal = std::make_shared<Journal>();
  auto l1 = std::make_shared<RecordingLogger>("L1", journal, DebugLevel, std::set<LogLevel>{DebugLevel});
  auto l2 = std::make_shared<RecordingLogger>("L2", journal, WarnLevel);
  const auto group = LoggerGroup({nullptr, l1, nullptr, l2, nullptr});
  group->Info("x");
  EXPECT_EQ(journal->calls, (std::vector<Call>{{"L1", "Info", "", {"s:x"}, ""}, {"L2", "Info", "", {"s:x"}, ""}}));
  EXPECT_EQ(group->GetLevel(), DebugLevel);  // the first non-null logger's
  EXPECT_TRUE(group->IsLevelEnabled(DebugLevel));
  ASSERT_NE(group->WithFields({{"a", 1}}), nullptr);

  const auto only_nulls = LoggerGroup({nullptr, nullptr});
  ASSERT_NE(only_nulls, nullptr);
  only_nulls->Error("nobody hears this");
  EXPECT_EQ(only_nulls->GetLevel(), InfoLevel);
  EXPECT_FALSE(only_nulls->IsLevelEnabled(FatalLevel));
  const auto derived = only_nulls->WithFields({});
  ASSERT_NE(derived, nullptr);
  derived->Info("still nobody");
}

TEST(LoggerGroup, AcceptsARuntimeListAndCopiesIt) {
  auto journal = std::make_shared<Journal>();
  LoggerPtr group;
  {
    std::vector<LoggerPtr> list{std::make_shared<RecordingLogger>("A", journal),
                                std::make_shared<RecordingLogger>("B", journal)};
    group = LoggerGroup(list);
    list.clear();
  }
  group->Info("x");
  ASSERT_EQ(journal->calls.size(), 2U);
  EXPECT_EQ(journal->calls[0].logger, "A");
  EXPECT_EQ(journal->calls[1].logger, "B");
}

TEST(LoggerGroup, NestsInsideAnotherGroup) {
  auto journal = std::make_shared<Journal>();
  const auto inner =
      LoggerGroup({std::make_shared<RecordingLogger>("I1", journal), std::make_shared<RecordingLogger>("I2", journal)});
  const auto outer = LoggerGroup({std::make_shared<RecordingLogger>("O1", journal), inner});
  outer->Warn("w");
  std::vector<std::string> who;
  for (const auto& c : journal->calls) who.push_back(c.logger);
  EXPECT_THAT(who, ElementsAre("O1", "I1", "I2"));
}

TEST(LoggerGroup, CanBeTheDefault) {
  DefaultGuard guard;
  auto journal = std::make_shared<Journal>();
  SetDefault(
      LoggerGroup({std::make_shared<RecordingLogger>("A", journal), std::make_shared<RecordingLogger>("B", journal)}));
  Default()->Errorf("e %d", {1});
  ASSERT_EQ(journal->calls.size(), 2U);
  EXPECT_THAT(journal->calls[0].args, ElementsAre("i:1"));
  EXPECT_THAT(journal->calls[1].args, ElementsAre("i:1"));
  EXPECT_THAT(journal->calls[0].fields, IsEmpty());
}

}  // namespace
}  // namespace gost::core::logger
