#include "reference/recorder.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace core = gost::core;
using gost::x::recorder::FileRecorder;

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(FileRecorder, AppendsEachRecordAndItsSeparator) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("reference_recorder_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove(path);
  {
    auto r = FileRecorder::Open(path.string());
    ASSERT_TRUE(r) << r.error().Message();
    EXPECT_FALSE((*r)->Record(core::context::Background(), core::AsBytes("10.0.0.1")));
    EXPECT_FALSE((*r)->Record(core::context::Background(), core::AsBytes("example.com")));
    EXPECT_EQ(ReadAll(path), "10.0.0.1\nexample.com\n");  // flushed at once
  }
  {
    auto r = FileRecorder::Open(path.string(), "|");
    ASSERT_TRUE(r);
    EXPECT_FALSE((*r)->Record(core::context::Background(), core::AsBytes("x")));
  }
  EXPECT_EQ(ReadAll(path), "10.0.0.1\nexample.com\nx|");
  std::filesystem::remove(path);
}

TEST(FileRecorder, AFileThatCannotBeOpenedIsAnError) {
  auto r = FileRecorder::Open("/nonexistent-dir/x/y");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().Message().find("/nonexistent-dir/x/y"), std::string::npos);
}

}  // namespace
