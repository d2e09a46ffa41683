// The helpers the value-parameterized conformance suites share
// (gost/core/testing/detail/suite.hpp): test names made from factory names,
// how a factory prints, and the checks around a factory's make function.
#include "gost/core/testing/detail/suite.hpp"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <sstream>
#include <string>

namespace {

namespace testkit = gost::core::detail::testkit;

struct IntFactory {
  std::string name;
  std::function<std::shared_ptr<int>()> make;
};

class FactorySuiteTest : public testkit::FactorySuite<IntFactory> {};

TEST(FactorySuite, ParamNameKeepsLettersAndDigitsAndFallsBackToTheIndex) {
  const auto name = [](std::string n, std::size_t index) {
    return FactorySuiteTest::ParamName(::testing::TestParamInfo<IntFactory>(IntFactory{std::move(n), {}}, index));
  };
  EXPECT_EQ(name("tcp", 0), "tcp");
  EXPECT_EQ(name("in-memory pipe 2", 1), "in_memory_pipe_2");
  EXPECT_EQ(name("", 3), "3");
}

TEST(FactorySuite, PrintFactoryShowsTheTypeAndName) {
  std::ostringstream named;
  testkit::PrintFactory("IntFactory", "mine", &named);
  EXPECT_EQ(named.str(), "IntFactory{mine}");
  std::ostringstream unnamed;
  testkit::PrintFactory("IntFactory", "", &unnamed);
  EXPECT_EQ(unnamed.str(), "IntFactory{<unnamed>}");
}

TEST_P(FactorySuiteTest, MakePointerChecksTheFactory) {
  const IntFactory& f = GetParam();
  if (!f.make) {
    std::shared_ptr<int> made;
    EXPECT_NONFATAL_FAILURE(made = MakePointer("IntFactory", "int"), "IntFactory \"none\" has no make function");
    EXPECT_EQ(made, nullptr);
  } else if (f.make() == nullptr) {
    EXPECT_NONFATAL_FAILURE((void)MakePointer("IntFactory", "int"), "the factory returned a null int");
  } else {
    const std::shared_ptr<int> made = MakePointer("IntFactory", "int");
    ASSERT_NE(made, nullptr);
    EXPECT_EQ(*made, 7);
  }
}

INSTANTIATE_TEST_SUITE_P(Factories, FactorySuiteTest,
                         ::testing::Values(IntFactory{"none", {}},
                                           IntFactory{"null", [] { return std::shared_ptr<int>(); }},
                                           IntFactory{"seven", [] { return std::make_shared<int>(7); }}),
                         FactorySuiteTest::ParamName);

}  // namespace
