// Tests for gost/core/recorder/recorder.hpp: RecordOptions, Options,
// RecorderObject, the key constants and the Recorder interface.
#include "gost/core/recorder/recorder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <any>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <typeinfo>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gost/core/testing/mocks/recorder.hpp"
#include "support/option_cases.hpp"
#include "support/threads.hpp"

namespace gost::core::recorder {
namespace {

static_assert(detail::kIsInterface<Recorder>);
static_assert(std::is_same_v<RecordOption, OptionFunc<RecordOptions>>);

TEST(RecorderKeys, HaveUpstreamValues) {
  EXPECT_EQ(RecorderServiceClientAddress, "recorder.service.client.address");
  EXPECT_EQ(RecorderServiceRouterDialAddress, "recorder.service.router.dial.address");
  EXPECT_EQ(RecorderServiceRouterDialAddressError, "recorder.service.router.dial.address.error");
}

TEST(RecordOptions, DefaultHasNoMetadata) { EXPECT_FALSE(RecordOptions{}.Metadata.has_value()); }

TEST(RecordOptions, MetadataRecordOptionSetsTheMetadata) {
  // Table: the value each option carries and how to read it back.
  const std::vector<testsupport::AnyOptionCase<RecordOptions>> cases{
      {"string", MetadataRecordOption(std::string("client=1.2.3.4")),
       [](const std::any& a) { EXPECT_EQ(std::any_cast<std::string>(a), "client=1.2.3.4"); }},
      {"int64", MetadataRecordOption(std::int64_t{7}),
       [](const std::any& a) { EXPECT_EQ(std::any_cast<std::int64_t>(a), 7); }},
      {"map", MetadataRecordOption(std::map<std::string, std::any>{{"k", 1}}),
       [](const std::any& a) {
         using Map = std::map<std::string, std::any>;
         EXPECT_EQ(std::any_cast<const Map&>(a).size(), 1U);
       }},
      {"empty any clears", MetadataRecordOption(std::any{}), [](const std::any& a) { EXPECT_FALSE(a.has_value()); }},
  };
  testsupport::ExpectEachAnyOption<RecordOptions>(cases, &RecordOptions::Metadata, 3.5);
}

TEST(RecordOptions, LaterOptionWinsAndEmptyOnesAreSkipped) {
  const auto o = MakeOptions<RecordOptions>(
      {MetadataRecordOption(1), RecordOption{}, MetadataRecordOption(std::string("last")), nullptr});
  ASSERT_EQ(o.Metadata.type(), typeid(std::string));
  EXPECT_EQ(std::any_cast<std::string>(o.Metadata), "last");
}

std::string Describe(const Options& o) {
  return "{Direction=" + std::to_string(o.Direction) + ", TimestampFormat=" + o.TimestampFormat +
         ", Hexdump=" + std::to_string(o.Hexdump) + ", HTTPBody=" + std::to_string(o.HTTPBody) +
         ", MaxBodySize=" + std::to_string(o.MaxBodySize) + "}";
}

TEST(RecorderOptions, DefaultsAreZero) {
  const Options o;
  EXPECT_FALSE(o.Direction);
  EXPECT_TRUE(o.TimestampFormat.empty());
  EXPECT_FALSE(o.Hexdump);
  EXPECT_FALSE(o.HTTPBody);
  EXPECT_EQ(o.MaxBodySize, 0);
  EXPECT_EQ(o, (Options{false, "", false, false, 0}));
  EXPECT_NE(o, (Options{false, "", false, false, 1})) << Describe(o);
}

TEST(RecorderObject, HoldsSharedRecorderAndOptions) {
  const RecorderObject empty;
  EXPECT_EQ(empty.Recorder, nullptr);
  EXPECT_TRUE(empty.Record.empty());
  EXPECT_EQ(empty.Options, nullptr);
  EXPECT_TRUE(empty.Metadata.empty());

  auto opts = std::make_shared<Options>(Options{true, "2006-01-02", true, false, 1024});
  RecorderObject obj{nullptr, "rec-0", opts, {{"tag", std::string("x")}}};
  const RecorderObject copy = obj;  // copies share the options
  opts->MaxBodySize = 2048;
  EXPECT_EQ(copy.Options->MaxBodySize, 2048);
  EXPECT_EQ(copy.Record, "rec-0");
  EXPECT_EQ(std::any_cast<std::string>(copy.Metadata.at("tag")), "x");
}

// Keeps every record it is given, with the metadata string if any; refuses
// empty records with an error.
class Memory final : public Recorder {
 public:
  Error Record(const context::Context& ctx, ByteView b, Variadic<RecordOption> opts) override {
    if (auto err = ctx.Err()) return err;
    if (b.empty()) return errors::New("empty record");
    const auto o = MakeOptions<RecordOptions>(opts);
    std::string entry(AsString(b));
    if (const auto* md = std::any_cast<std::string>(&o.Metadata)) entry = *md + "|" + entry;
    records_.Add(std::move(entry));
    return {};
  }
  std::vector<std::string> Records() const { return records_.Entries(); }

 private:
  testsupport::LockedLog records_;
};

TEST(Recorder, RecordsThroughTheInterface) {
  auto mem = std::make_shared<Memory>();
  const RecorderObject obj{mem, "memory", std::make_shared<Options>(), {}};
  const context::Context ctx;

  EXPECT_FALSE(obj.Recorder->Record(ctx, AsBytes("GET / HTTP/1.1")));
  const Bytes binary{std::byte{0}, std::byte{0xff}};
  EXPECT_FALSE(obj.Recorder->Record(ctx, binary, MetadataRecordOption(std::string("dir=out"))));
  EXPECT_EQ(mem->Records(), (std::vector<std::string>{"GET / HTTP/1.1", std::string("dir=out|\0\xff", 10)}));

  const Error err = obj.Recorder->Record(ctx, ByteView{});
  ASSERT_TRUE(err);
  EXPECT_EQ(err.Message(), "empty record");

  auto [cctx, cancel] = context::WithCancel(ctx);
  cancel();
  EXPECT_TRUE(errors::Is(obj.Recorder->Record(cctx, AsBytes("x")), context::Canceled));
  EXPECT_EQ(mem->Records().size(), 2U);
}

TEST(Recorder, ConcurrentRecords) {
  auto mem = std::make_shared<Memory>();
  const RecorderPtr r = mem;
  testsupport::RunOnThreads(4, [&](int) {
    for (int i = 0; i < 100; ++i) EXPECT_FALSE(r->Record(context::Background(), AsBytes("data")));
  });
  EXPECT_EQ(mem->Records().size(), 400U);
}

TEST(Recorder, Mock) {
  auto mock = std::make_shared<MockRecorder>();
  EXPECT_CALL(*mock, Record(::testing::_, ::testing::_, ::testing::_))
      .WillOnce([](const context::Context&, ByteView b, Variadic<RecordOption>) {
        return AsString(b) == "abc" ? Error{} : errors::New("unexpected");
      })
      .WillOnce(::testing::Return(errors::New("sink closed")));
  const RecorderPtr r = mock;
  EXPECT_FALSE(r->Record(context::Background(), AsBytes("abc")));
  EXPECT_EQ(r->Record(context::Background(), AsBytes("abc")).Message(), "sink closed");
}

}  // namespace
}  // namespace gost::core::recorder
