// Pins logger.hpp apart from its formatting helpers: the level and format
// constants, the process-wide default logger (Default/SetDefault, also under
// concurrent use), and LoggerGroup's fan-out.
#include "gost/core/logger/logger.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <any>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/logger.hpp"

namespace gost::core::logger {
namespace {

using ::testing::_;
using ::testing::InSequence;
using ::testing::NiceMock;
using ::testing::Return;
using ::testing::StrictMock;

static_assert(core::detail::kIsInterface<Logger>);
static_assert(std::is_same_v<LoggerPtr, std::shared_ptr<Logger>>);

// Read before any test runs: nobody has installed a default logger yet.
const bool kDefaultWasNullAtStartup = Default() == nullptr;

// True when `a` and `b` hold the same kind of argument with the same value.
bool SameArg(const fmt::Arg& a, const fmt::Arg& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case fmt::Arg::Kind::Nil: return true;
    case fmt::Arg::Kind::Bool: return a.AsBool() == b.AsBool();
    case fmt::Arg::Kind::Int: return a.AsInt() == b.AsInt();
    case fmt::Arg::Kind::Uint: return a.AsUint() == b.AsUint();
    case fmt::Arg::Kind::Float: return a.AsFloat() == b.AsFloat();
    case fmt::Arg::Kind::String:
    case fmt::Arg::Kind::Text: return a.AsText() == b.AsText();
  }
  return false;
}

// Matches fmt::Args holding, one for one, arguments of the same kind and
// value as `want` (stricter than SprintIs: 7 and "7" differ here).
class ArgsAreMatcher {
 public:
  using is_gtest_matcher = void;
  explicit ArgsAreMatcher(std::vector<fmt::Arg> want) : want_(std::move(want)) {}
  bool MatchAndExplain(const fmt::Args& got, std::ostream* os) const {
    if (got.size() != want_.size()) {
      if (os != nullptr) *os << "which has " << got.size() << " arguments";
      return false;
    }
    for (std::size_t i = 0; i < want_.size(); ++i) {
      if (!SameArg(got[i], want_[i])) {
        if (os != nullptr) *os << "whose argument #" << i << " is " << Describe(got[i]);
        return false;
      }
    }
    return true;
  }
  void DescribeTo(std::ostream* os) const {
    *os << "has the arguments";
    for (const auto& a : want_) *os << " " << Describe(a);
  }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "not ";
    DescribeTo(os);
  }

 private:
  static std::string Describe(const fmt::Arg& a) {
    constexpr std::array<const char*, 7> kKinds{"nil", "bool", "int", "uint", "float", "string", "text"};
    return std::string(kKinds.at(static_cast<std::size_t>(a.kind()))) + "(" + fmt::Sprint(a) + ")";
  }
  std::vector<fmt::Arg> want_;
};

::testing::Matcher<const fmt::Args&> ArgsAre(std::vector<fmt::Arg> want) { return ArgsAreMatcher(std::move(want)); }

using StrictLog = StrictMock<MockLogger>;

// Expects each of `members`, in this order, to get Info(text) once.
void ExpectInfoInOrder(std::initializer_list<StrictLog*> members, const char* text) {
  InSequence in_member_order;
  for (auto* m : members) EXPECT_CALL(*m, Info(ArgsAre({text})));
}

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
  auto a = std::make_shared<StrictLog>();
  auto b = std::make_shared<StrictLog>();
  EXPECT_CALL(*b, Info(ArgsAre({"hello"})));  // and nothing reaches a
  SetDefault(a);
  EXPECT_EQ(Default(), a);
  EXPECT_EQ(Default(), a);  // reading does not consume it
  SetDefault(b);
  EXPECT_EQ(Default(), b);
  Default()->Info("hello");
  SetDefault(nullptr);
  EXPECT_EQ(Default(), nullptr);
  SetDefault(a);
  EXPECT_EQ(Default(), a);
}

TEST(DefaultLogger, HoldsAndReleasesOwnership) {
  DefaultGuard guard;
  std::weak_ptr<Logger> weak;
  {
    auto l = std::make_shared<StrictLog>();
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
  auto a = std::make_shared<StrictLog>();
  auto b = std::make_shared<StrictLog>();
  std::atomic<std::int64_t> infos{0};
  EXPECT_CALL(*a, Info(_)).WillRepeatedly([&](const fmt::Args&) { infos.fetch_add(1); });
  EXPECT_CALL(*b, Info(_)).WillRepeatedly([&](const fmt::Args&) { infos.fetch_add(1); });
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
  EXPECT_EQ(infos.load(), calls.load());
  EXPECT_EQ(Default(), a);  // the last one installed
}

// ---------------------------------------------------------------------------
// LoggerGroup

// One level method: a call of it, and the expectation that a member receives
// that call with the same format and arguments.
struct LevelMethod {
  const char* name;
  std::function<void(Logger&)> call;
  std::function<void(MockLogger&)> expect;
};

std::vector<LevelMethod> AllLevelMethods() {
  const Error err = errors::New("boom");
  // Two lines a method: the formatter would spread each over seven.
  // clang-format off
  return {
      {"Trace", [](Logger& l) { l.Trace({"t", 1}); },
       [](MockLogger& m) { EXPECT_CALL(m, Trace(ArgsAre({"t", 1}))); }},
      {"Tracef", [](Logger& l) { l.Tracef("%s=%d", {"k", 2}); },
       [](MockLogger& m) { EXPECT_CALL(m, Tracef("%s=%d", ArgsAre({"k", 2}))); }},
      {"Debug", [](Logger& l) { l.Debug(true); },
       [](MockLogger& m) { EXPECT_CALL(m, Debug(ArgsAre({true}))); }},
      {"Debugf", [](Logger& l) { l.Debugf("no args"); },
       [](MockLogger& m) { EXPECT_CALL(m, Debugf("no args", ArgsAre({}))); }},
      {"Info", [](Logger& l) { l.Info({"listening on ", std::string(":8080")}); },
       [](MockLogger& m) { EXPECT_CALL(m, Info(ArgsAre({"listening on ", ":8080"}))); }},
      {"Infof", [](Logger& l) { l.Infof("%v", std::uint64_t{7}); },
       [](MockLogger& m) { EXPECT_CALL(m, Infof("%v", ArgsAre({std::uint64_t{7}}))); }},
      {"Warn", [](Logger& l) { l.Warn(-3); },
       [](MockLogger& m) { EXPECT_CALL(m, Warn(ArgsAre({-3}))); }},
      {"Warnf", [](Logger& l) { l.Warnf("%d%%", {99}); },
       [](MockLogger& m) { EXPECT_CALL(m, Warnf("%d%%", ArgsAre({99}))); }},
      {"Error", [err](Logger& l) { l.Error({"dial: ", err}); },
       [err](MockLogger& m) { EXPECT_CALL(m, Error(ArgsAre({"dial: ", err}))); }},
      {"Errorf", [err](Logger& l) { l.Errorf("%s: %v", {"x", err}); },
       [err](MockLogger& m) { EXPECT_CALL(m, Errorf("%s: %v", ArgsAre({"x", err}))); }},
      {"Fatal", [](Logger& l) { l.Fatal("bye"); },
       [](MockLogger& m) { EXPECT_CALL(m, Fatal(ArgsAre({"bye"}))); }},
      {"Fatalf", [](Logger& l) { l.Fatalf("code %d", {1}); },
       [](MockLogger& m) { EXPECT_CALL(m, Fatalf("code %d", ArgsAre({1}))); }},
  };
  // clang-format on
}

TEST(LoggerGroup, SendsEveryMethodToEveryLoggerInOrder) {
  for (const auto& m : AllLevelMethods()) {
    SCOPED_TRACE(m.name);
    const std::vector<std::shared_ptr<StrictLog>> members{std::make_shared<StrictLog>(), std::make_shared<StrictLog>(),
                                                          std::make_shared<StrictLog>()};
    {
      InSequence in_member_order;
      for (const auto& member : members) m.expect(*member);
    }
    const auto group = LoggerGroup({members[0], members[1], members[2]});
    ASSERT_NE(group, nullptr);
    m.call(*group);
  }
}

TEST(LoggerGroup, KeepsTheOrderOfSuccessiveCalls) {
  auto l1 = std::make_shared<StrictLog>();
  auto l2 = std::make_shared<StrictLog>();
  {
    InSequence in_call_order;
    EXPECT_CALL(*l1, Info(ArgsAre({"one"})));
    EXPECT_CALL(*l2, Info(ArgsAre({"one"})));
    EXPECT_CALL(*l1, Warnf("two %d", ArgsAre({2})));
    EXPECT_CALL(*l2, Warnf("two %d", ArgsAre({2})));
  }
  const auto group = LoggerGroup({l1, l2});
  group->Info("one");
  group->Warnf("two %d", {2});
}

TEST(LoggerGroup, WithFieldsDerivesEveryMember) {
  auto l1 = std::make_shared<StrictLog>();
  auto l2 = std::make_shared<StrictLog>();
  auto l1_svc = std::make_shared<StrictLog>();  // l1 with the service fields
  auto l2_svc = std::make_shared<StrictLog>();
  auto l1_conn = std::make_shared<StrictLog>();  // l1_svc with the conn field
  auto l2_conn = std::make_shared<StrictLog>();
  using ::testing::AnyWith;
  using ::testing::ElementsAre;
  using ::testing::Pair;
  const auto svc_fields = ElementsAre(Pair("port", AnyWith<int>(8080)), Pair("service", AnyWith<std::string>("svc")));
  const auto conn_fields = ElementsAre(Pair("conn", AnyWith<std::string>("c1")));
  // What each member derives, even when asked unexpectedly (so a broken group
  // fails here instead of logging through a null member).
  ON_CALL(*l1, WithFields(_)).WillByDefault(Return(l1_svc));
  ON_CALL(*l2, WithFields(_)).WillByDefault(Return(l2_svc));
  ON_CALL(*l1_svc, WithFields(_)).WillByDefault(Return(l1_conn));
  ON_CALL(*l2_svc, WithFields(_)).WillByDefault(Return(l2_conn));
  // Each member is asked once, in order, with the fields.
  {
    InSequence in_member_order;
    EXPECT_CALL(*l1, WithFields(svc_fields));
    EXPECT_CALL(*l2, WithFields(svc_fields));
  }
  const auto group = LoggerGroup({l1, l2});
  const auto derived = group->WithFields({{"service", std::string("svc")}, {"port", 8080}});
  ASSERT_NE(derived, nullptr);
  EXPECT_NE(derived, group);

  // The derived group logs through the derived members.
  ExpectInfoInOrder({l1_svc.get(), l2_svc.get()}, "hi");
  derived->Info("hi");

  // The original group is unchanged.
  ExpectInfoInOrder({l1.get(), l2.get()}, "plain");
  group->Info("plain");

  // Deriving again derives the derived members.
  {
    InSequence in_member_order;
    EXPECT_CALL(*l1_svc, WithFields(conn_fields));
    EXPECT_CALL(*l2_svc, WithFields(conn_fields));
    EXPECT_CALL(*l1_conn, Debug(ArgsAre({"x"})));
    EXPECT_CALL(*l2_conn, Debug(ArgsAre({"x"})));
  }
  derived->WithFields({{"conn", std::string("c1")}})->Debug("x");
}

TEST(LoggerGroup, WithFieldsOfAnEmptyGroupIsAnEmptyGroup) {
  const auto derived = LoggerGroup({})->WithFields({{"a", 1}});
  ASSERT_NE(derived, nullptr);
  derived->Info("nothing happens");
  EXPECT_EQ(derived->GetLevel(), InfoLevel);
  EXPECT_FALSE(derived->IsLevelEnabled(ErrorLevel));
}

TEST(LoggerGroup, GetLevelIsTheFirstLoggers) {
  auto debug = std::make_shared<NiceMock<MockLogger>>();
  auto error = std::make_shared<NiceMock<MockLogger>>();
  ON_CALL(*debug, GetLevel()).WillByDefault(Return(DebugLevel));
  ON_CALL(*error, GetLevel()).WillByDefault(Return(ErrorLevel));
  EXPECT_EQ(LoggerGroup({debug, error})->GetLevel(), DebugLevel);
  EXPECT_EQ(LoggerGroup({error, debug})->GetLevel(), ErrorLevel);
  EXPECT_EQ(LoggerGroup(LoggerPtr(error))->GetLevel(), ErrorLevel);
  EXPECT_EQ(LoggerGroup({})->GetLevel(), InfoLevel);
  EXPECT_EQ(LoggerGroup(Variadic<LoggerPtr>{})->GetLevel(), InfoLevel);
}

TEST(LoggerGroup, IsLevelEnabledWhenAnyMemberEnablesIt) {
  auto errors_only = std::make_shared<NiceMock<MockLogger>>();  // IsLevelEnabled is false by default
  auto debug_only = std::make_shared<NiceMock<MockLogger>>();
  auto nothing = std::make_shared<NiceMock<MockLogger>>();
  ON_CALL(*errors_only, IsLevelEnabled(ErrorLevel)).WillByDefault(Return(true));
  ON_CALL(*debug_only, IsLevelEnabled(DebugLevel)).WillByDefault(Return(true));
  const auto group = LoggerGroup({errors_only, nothing, debug_only});
  EXPECT_TRUE(group->IsLevelEnabled(ErrorLevel));
  EXPECT_TRUE(group->IsLevelEnabled(DebugLevel));
  EXPECT_FALSE(group->IsLevelEnabled(TraceLevel));
  EXPECT_FALSE(group->IsLevelEnabled("no-such-level"));
  EXPECT_FALSE(LoggerGroup({nothing})->IsLevelEnabled(ErrorLevel));
  EXPECT_FALSE(LoggerGroup({})->IsLevelEnabled(ErrorLevel));
  EXPECT_FALSE(LoggerGroup({})->IsLevelEnabled(InfoLevel));

  // When none enables the level, every member is asked about that level, in order.
  InSequence in_member_order;
  EXPECT_CALL(*errors_only, IsLevelEnabled(TraceLevel)).WillOnce(Return(false));
  EXPECT_CALL(*nothing, IsLevelEnabled(TraceLevel)).WillOnce(Return(false));
  EXPECT_CALL(*debug_only, IsLevelEnabled(TraceLevel)).WillOnce(Return(false));
  EXPECT_FALSE(group->IsLevelEnabled(TraceLevel));
}

TEST(LoggerGroup, DropsNullLoggers) {
  auto l1 = std::make_shared<StrictLog>();
  auto l2 = std::make_shared<StrictLog>();
  ExpectInfoInOrder({l1.get(), l2.get()}, "x");
  EXPECT_CALL(*l1, GetLevel()).WillOnce(Return(DebugLevel));  // the first non-null logger's, l2 is not asked
  EXPECT_CALL(*l1, IsLevelEnabled(DebugLevel)).WillOnce(Return(true));
  EXPECT_CALL(*l1, WithFields(_));
  EXPECT_CALL(*l2, WithFields(_));
  const auto group = LoggerGroup({nullptr, l1, nullptr, l2, nullptr});
  group->Info("x");
  EXPECT_EQ(group->GetLevel(), DebugLevel);
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
  auto a = std::make_shared<StrictLog>();
  auto b = std::make_shared<StrictLog>();
  ExpectInfoInOrder({a.get(), b.get()}, "x");
  LoggerPtr group;
  {
    std::vector<LoggerPtr> list{a, b};
    group = LoggerGroup(list);
    list.clear();
  }
  group->Info("x");
}

TEST(LoggerGroup, NestsInsideAnotherGroup) {
  auto o1 = std::make_shared<StrictLog>();
  auto i1 = std::make_shared<StrictLog>();
  auto i2 = std::make_shared<StrictLog>();
  InSequence in_member_order;
  EXPECT_CALL(*o1, Warn(ArgsAre({"w"})));
  EXPECT_CALL(*i1, Warn(ArgsAre({"w"})));
  EXPECT_CALL(*i2, Warn(ArgsAre({"w"})));
  LoggerGroup({o1, LoggerGroup({i1, i2})})->Warn("w");
}

TEST(LoggerGroup, CanBeTheDefault) {
  DefaultGuard guard;
  auto a = std::make_shared<StrictLog>();
  auto b = std::make_shared<StrictLog>();
  InSequence in_member_order;
  EXPECT_CALL(*a, Errorf("e %d", ArgsAre({1})));
  EXPECT_CALL(*b, Errorf("e %d", ArgsAre({1})));
  SetDefault(LoggerGroup({a, b}));
  Default()->Errorf("e %d", {1});
}

}  // namespace
}  // namespace gost::core::logger
