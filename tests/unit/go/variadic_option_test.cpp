// Unit tests for gost/core/go/variadic.hpp and gost/core/go/option.hpp:
// Variadic<T> (Go's `...T` parameter) and functional options (OptionFunc,
// ApplyOptions, MakeOptions).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace {

using gost::core::ApplyOptions;
using gost::core::MakeOptions;
using gost::core::OptionFunc;
using gost::core::Variadic;

// Stand-ins for an interface method taking `opts ...T`.
int Sum(Variadic<int> xs = {}) {
  int s = 0;
  for (int x : xs) s += x;
  return s;
}

std::vector<std::string> Collect(Variadic<std::string> xs = {}) { return {xs.begin(), xs.end()}; }

struct Options {
  std::string host;
  int port = 0;
  std::vector<std::string> trace;
};
using Option = OptionFunc<Options>;

Option HostOption(std::string host) {
  return [host = std::move(host)](Options* o) {
    o->host = host;
    o->trace.push_back("host=" + host);
  };
}
Option PortOption(int port) {
  return [port](Options* o) {
    o->port = port;
    o->trace.push_back("port=" + std::to_string(port));
  };
}

// A method shaped like upstream's `Dial(ctx, addr, opts ...DialOption)`.
Options Dial(Variadic<Option> opts = {}) {
  Options o;
  ApplyOptions(o, opts);
  return o;
}

// ---------------------------------------------------------------------------
// Variadic

TEST(VariadicTest, Empty) {
  const Variadic<int> v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.size(), 0U);
  EXPECT_EQ(v.begin(), v.end());
  EXPECT_TRUE(v.span().empty());
  EXPECT_EQ(Sum(), 0);
  EXPECT_EQ(Sum({}), 0);
  EXPECT_TRUE(Collect().empty());
}

TEST(VariadicTest, Single) {
  EXPECT_EQ(Sum(5), 5);
  const int x = 7;
  const Variadic<int> v(x);
  ASSERT_EQ(v.size(), 1U);
  EXPECT_EQ(v.data(), &x);  // borrows, no copy
  EXPECT_EQ(v[0], 7);
  EXPECT_THAT(Collect(std::string("one")), ::testing::ElementsAre("one"));
}

TEST(VariadicTest, BracedList) {
  EXPECT_EQ(Sum({1, 2, 3, 4}), 10);
  EXPECT_THAT(Collect({"a", "b", "c"}), ::testing::ElementsAre("a", "b", "c"));
  EXPECT_THAT(Collect({std::string("only")}), ::testing::ElementsAre("only"));
}

TEST(VariadicTest, Vector) {
  const std::vector<int> xs{10, 20, 30};
  EXPECT_EQ(Sum(xs), 60);
  const Variadic<int> v(xs);
  EXPECT_EQ(v.data(), xs.data());
  EXPECT_EQ(v.size(), 3U);
  std::vector<int> mutable_xs{1, 1};
  EXPECT_EQ(Sum(mutable_xs), 2);
  EXPECT_EQ(Sum(std::vector<int>{}), 0);
  EXPECT_EQ(Sum(std::vector<int>{4, 5}), 9);  // a temporary lives through the call
}

TEST(VariadicTest, Span) {
  const std::array<int, 3> arr{1, 2, 3};
  EXPECT_EQ(Sum(std::span<const int>(arr)), 6);
  EXPECT_EQ(Sum(std::span<const int>(arr).subspan(1)), 5);
  const Variadic<int> v(std::span<const int>(arr.data(), 2));
  EXPECT_EQ(v.size(), 2U);
  EXPECT_EQ(v.data(), arr.data());
  const auto back = v.span();
  EXPECT_EQ(back.data(), arr.data());
  EXPECT_EQ(back.size(), 2U);
}

TEST(VariadicTest, IndexingAndIteration) {
  const std::vector<std::string> xs{"x", "y"};
  const Variadic<std::string> v(xs);
  EXPECT_EQ(v[0], "x");
  EXPECT_EQ(v[1], "y");
  std::string joined;
  for (const auto& s : v) joined += s;
  EXPECT_EQ(joined, "xy");
  static_assert(std::is_same_v<Variadic<int>::value_type, int>);
  static_assert(std::is_same_v<decltype(*v.begin()), const std::string&>);
}

TEST(VariadicTest, ConstexprUse) {
  static constexpr int kOne = 1;
  constexpr Variadic<int> v(kOne);
  static_assert(v.size() == 1);
  static_assert(!v.empty());
  static_assert(Variadic<int>().empty());
  SUCCEED();
}

TEST(VariadicTest, IsACheapView) {
  static_assert(std::is_trivially_copyable_v<Variadic<std::string>>);
  static_assert(sizeof(Variadic<std::string>) <= 2 * sizeof(void*));
  SUCCEED();
}

// ---------------------------------------------------------------------------
// Options

TEST(OptionTest, ApplyInOrderLaterWins) {
  Options o;
  ApplyOptions(o, {HostOption("a"), PortOption(1), HostOption("b")});
  EXPECT_EQ(o.host, "b");
  EXPECT_EQ(o.port, 1);
  EXPECT_THAT(o.trace, ::testing::ElementsAre("host=a", "port=1", "host=b"));
}

TEST(OptionTest, SkipsEmptyOptions) {
  Options o;
  const Option none;
  ApplyOptions(o, {none, PortOption(8080), nullptr, Option(), HostOption("h")});
  EXPECT_EQ(o.port, 8080);
  EXPECT_EQ(o.host, "h");
  EXPECT_THAT(o.trace, ::testing::ElementsAre("port=8080", "host=h"));
}

TEST(OptionTest, NoOptionsLeavesDefaults) {
  Options o;
  o.port = 3;
  ApplyOptions(o, {});
  EXPECT_EQ(o.port, 3);
  EXPECT_TRUE(o.trace.empty());
  ApplyOptions<Options>(o, Variadic<Option>());
  EXPECT_EQ(o.port, 3);
}

TEST(OptionTest, SingleVectorAndSpanForms) {
  Options one;
  ApplyOptions(one, PortOption(5));
  EXPECT_EQ(one.port, 5);

  const std::vector<Option> built{HostOption("v"), PortOption(6), Option()};
  Options from_vector;
  ApplyOptions(from_vector, built);
  EXPECT_EQ(from_vector.host, "v");
  EXPECT_EQ(from_vector.port, 6);

  Options from_span;
  ApplyOptions(from_span, std::span<const Option>(built).first(1));
  EXPECT_EQ(from_span.host, "v");
  EXPECT_EQ(from_span.port, 0);
}

TEST(OptionTest, ThroughAVariadicParameter) {
  const Options none = Dial();
  EXPECT_EQ(none.port, 0);
  const Options one = Dial(PortOption(1));
  EXPECT_EQ(one.port, 1);
  const Options two = Dial({PortOption(1), PortOption(2)});
  EXPECT_EQ(two.port, 2);
  std::vector<Option> runtime;
  runtime.push_back(HostOption("rt"));
  EXPECT_EQ(Dial(runtime).host, "rt");
}

TEST(OptionTest, MakeOptions) {
  const Options d = MakeOptions<Options>({});
  EXPECT_EQ(d.host, "");
  EXPECT_EQ(d.port, 0);
  const Options o = MakeOptions<Options>({HostOption("x"), Option(), PortOption(9), PortOption(10)});
  EXPECT_EQ(o.host, "x");
  EXPECT_EQ(o.port, 10);
  EXPECT_THAT(o.trace, ::testing::ElementsAre("host=x", "port=9", "port=10"));
  const Options single = MakeOptions<Options>(HostOption("s"));
  EXPECT_EQ(single.host, "s");
  const std::vector<Option> list{PortOption(3)};
  EXPECT_EQ(MakeOptions<Options>(list).port, 3);
}

TEST(OptionTest, MakeOptionsValueInitializes) {
  struct Plain {
    int n;
    bool flag;
  };
  const Plain p = MakeOptions<Plain>({});
  EXPECT_EQ(p.n, 0);
  EXPECT_FALSE(p.flag);
}

TEST(OptionTest, OptionsGetThePointerToTheStructBeingBuilt) {
  int calls = 0;
  Options o;
  ApplyOptions(o, {Option([&](Options*) { ++calls; }), Option([&](Options* p) {
                     ++calls;
                     EXPECT_EQ(p, &o);
                   })});
  EXPECT_EQ(calls, 2);
}

// ---------------------------------------------------------------------------
// OptionFunc itself

// Counts live copies of a capture, to check that OptionFunc destroys what it
// holds exactly once.
struct Counted {
  static int& Live() {
    static int n = 0;
    return n;
  }
  explicit Counted(int v) : value(v) { ++Live(); }
  Counted(const Counted& o) : value(o.value) { ++Live(); }
  Counted(Counted&& o) noexcept : value(o.value) { ++Live(); }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) = default;
  ~Counted() { --Live(); }
  int value;
};

TEST(OptionFuncTest, EmptyForms) {
  const Option a;
  const Option b = nullptr;
  EXPECT_FALSE(a);
  EXPECT_FALSE(b);
  EXPECT_TRUE(a == nullptr);
  Option c = PortOption(1);
  EXPECT_TRUE(c);
  EXPECT_FALSE(c == nullptr);
  c = nullptr;
  EXPECT_FALSE(c);
}

TEST(OptionFuncTest, CopyAndMove) {
  Option a = HostOption("copy-me");
  Option b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  Options o1;
  b(&o1);
  EXPECT_EQ(o1.host, "copy-me");
  Option c = std::move(a);
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move)
  Options o2;
  c(&o2);
  EXPECT_EQ(o2.host, "copy-me");
  Option d;
  d = c;
  Option e;
  e = std::move(c);
  EXPECT_FALSE(c);  // NOLINT(bugprone-use-after-move)
  Options o3;
  d(&o3);
  e(&o3);
  EXPECT_THAT(o3.trace, ::testing::ElementsAre("host=copy-me", "host=copy-me"));
  Option& alias = d;
  d = alias;  // self-assignment keeps it
  ASSERT_TRUE(d);
  Options o4;
  d(&o4);
  EXPECT_EQ(o4.host, "copy-me");
}

TEST(OptionFuncTest, SmallAndLargeCapturesLiveAndDieCorrectly) {
  const int before = Counted::Live();
  {
    const Counted small(1);
    std::array<char, 512> pad{};
    pad[0] = 'p';
    Option inline_opt = [small](Options* o) { o->port = small.value; };
    Option heap_opt = [small, pad](Options* o) {
      o->port = small.value + 1;
      o->host = std::string(1, pad[0]);
    };
    Option inline_copy = inline_opt;
    Option heap_copy = heap_opt;
    Option inline_moved = std::move(inline_opt);
    Option heap_moved = std::move(heap_opt);
    Options o;
    inline_copy(&o);
    EXPECT_EQ(o.port, 1);
    heap_copy(&o);
    EXPECT_EQ(o.port, 2);
    EXPECT_EQ(o.host, "p");
    inline_moved(&o);
    EXPECT_EQ(o.port, 1);
    heap_moved(&o);
    EXPECT_EQ(o.port, 2);
    heap_copy = inline_copy;  // switch storage kinds
    heap_copy(&o);
    EXPECT_EQ(o.port, 1);
    inline_copy = std::move(heap_moved);
    inline_copy(&o);
    EXPECT_EQ(o.port, 2);
  }
  EXPECT_EQ(Counted::Live(), before);
}

TEST(OptionFuncTest, NilFunctionsGiveEmptyOptions) {
  // Go's nil func values: a null function pointer and an empty std::function
  // make empty options, which ApplyOptions skips.
  void (*null_fn)(Options*) = nullptr;
  const std::function<void(Options*)> empty_function;
  const Option from_null = null_fn;
  const Option from_empty = empty_function;
  EXPECT_FALSE(from_null);
  EXPECT_FALSE(from_empty);
  Options o;
  ApplyOptions(o, {from_null, from_empty, Option(empty_function), PortOption(4)});
  EXPECT_EQ(o.port, 4);
  EXPECT_THAT(o.trace, ::testing::ElementsAre("port=4"));

  const std::function<void(Options*)> set_host = [](Options* p) { p->host = "fn"; };
  const Option from_function = set_host;
  ASSERT_TRUE(from_function);
  from_function(&o);
  EXPECT_EQ(o.host, "fn");
}

TEST(OptionFuncTest, FromFunctionPointer) {
  Option f = +[](Options* o) { o->port = 42; };
  Options o;
  f(&o);
  EXPECT_EQ(o.port, 42);
}

// The callable is taken by value: an lvalue is copied and stays usable, an
// rvalue is moved in, and a const lvalue works too.
TEST(OptionFuncTest, FromLvaluesAndRvalues) {
  int calls = 0;
  auto set = [&calls, name = std::string("a name too long for small-string storage")](Options* o) {
    ++calls;
    o->host = name;
  };
  const Option from_lvalue = set;
  Options o;
  set(&o);  // the source still holds its string: it was copied, not moved from
  EXPECT_EQ(o.host, "a name too long for small-string storage");
  o.host.clear();
  from_lvalue(&o);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(o.host, "a name too long for small-string storage");

  const auto frozen = [](Options* opts) { opts->host = "const"; };
  const Option from_const = frozen;
  from_const(&o);
  EXPECT_EQ(o.host, "const");

  auto big = std::make_shared<std::string>("moved");
  const Option from_rvalue = [p = std::move(big)](Options* opts) { opts->host = *p; };
  from_rvalue(&o);
  EXPECT_EQ(o.host, "moved");

  // Copying an OptionFunc copies its callable: the copy calls the same one.
  const Option copy = from_lvalue;
  copy(&o);
  EXPECT_EQ(calls, 3);
  static_assert(!std::is_constructible_v<Option, int>);
}

}  // namespace
