// Tests for gost/core/rewriter/rewriter.hpp: RewriteOptions and the
// Rewriter interface.
#include "gost/core/rewriter/rewriter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <any>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "gost/core/go/errors.hpp"
#include "gost/core/testing/mocks/rewriter.hpp"
#include "support/option_cases.hpp"

namespace gost::core::rewriter {
namespace {

static_assert(detail::kIsInterface<Rewriter>);
static_assert(std::is_same_v<RewriteOption, OptionFunc<RewriteOptions>>);

TEST(RewriteOptions, DefaultHasNoMetadata) { EXPECT_FALSE(RewriteOptions{}.Metadata.has_value()); }

TEST(RewriteOptions, MetadataRewriteOptionSetsTheMetadata) {
  const std::vector<testsupport::AnyOptionCase<RewriteOptions>> cases{
      {"string", MetadataRewriteOption(std::string("req")),
       [](const std::any& a) { EXPECT_EQ(std::any_cast<std::string>(a), "req"); }},
      {"int", MetadataRewriteOption(5), [](const std::any& a) { EXPECT_EQ(std::any_cast<int>(a), 5); }},
      {"empty any clears", MetadataRewriteOption(std::any{}), [](const std::any& a) { EXPECT_FALSE(a.has_value()); }},
  };
  testsupport::ExpectEachAnyOption<RewriteOptions>(cases, &RewriteOptions::Metadata, 1.25);
}

TEST(RewriteOptions, LaterOptionWinsAndEmptyOnesAreSkipped) {
  const auto o = MakeOptions<RewriteOptions>(
      {MetadataRewriteOption(std::string("first")), nullptr, MetadataRewriteOption(2), RewriteOption{}});
  ASSERT_EQ(o.Metadata.type(), typeid(int));
  EXPECT_EQ(std::any_cast<int>(o.Metadata), 2);
}

// Replaces every occurrence of `from` with `to`. With the metadata string
// "dry-run" it returns the input unchanged. Input with a NUL byte is refused
// (standing in for "malformed").
class Replace final : public Rewriter {
 public:
  Replace(std::string from, std::string to) : from_(std::move(from)), to_(std::move(to)) {}

  Result<Bytes> Rewrite(const context::Context& ctx, ByteView b, Variadic<RewriteOption> opts) override {
    if (auto err = ctx.Err()) return err;
    const auto in = AsString(b);
    if (in.find('\0') != std::string_view::npos) {
      return errors::WithCode(errors::Code::InvalidArgument, "rewrite: binary input");
    }
    const auto o = MakeOptions<RewriteOptions>(opts);
    if (const auto* md = std::any_cast<std::string>(&o.Metadata); md && *md == "dry-run") return Bytes(b);
    std::string out;
    for (std::size_t i = 0; i < in.size();) {
      if (!from_.empty() && in.substr(i, from_.size()) == from_) {
        out += to_;
        i += from_.size();
      } else {
        out += in[i++];
      }
    }
    return Bytes(std::string_view(out));
  }

 private:
  std::string from_, to_;
};

TEST(Rewriter, RewritesThroughTheInterface) {
  const RewriterPtr rw = std::make_shared<Replace>("foo", "barbaz");
  const context::Context ctx;

  auto r = rw->Rewrite(ctx, AsBytes("a foo b foo"));
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->str(), "a barbaz b barbaz");

  auto same = rw->Rewrite(ctx, AsBytes("foo"), MetadataRewriteOption(std::string("dry-run")));
  ASSERT_TRUE(same);
  EXPECT_EQ(same->str(), "foo");

  auto empty = rw->Rewrite(ctx, ByteView{});
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());

  // The result is owned: it outlives the input.
  Bytes result;
  {
    std::string input = "foo";
    result = rw->Rewrite(ctx, AsBytes(input)).value();
    input.assign("xxx");
  }
  EXPECT_EQ(result.str(), "barbaz");
}

TEST(Rewriter, Failures) {
  const RewriterPtr rw = std::make_shared<Replace>("a", "b");
  auto bad = rw->Rewrite(context::Background(), AsBytes(std::string_view("a\0a", 3)));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().Code(), errors::Code::InvalidArgument);
  EXPECT_EQ(bad.error().Message(), "rewrite: binary input");

  auto [ctx, cancel] = context::WithCancel(context::Background());
  cancel();
  EXPECT_TRUE(errors::Is(rw->Rewrite(ctx, AsBytes("a")).error(), context::Canceled));
}

TEST(Rewriter, Mock) {
  auto mock = std::make_shared<MockRewriter>();
  EXPECT_CALL(*mock, Rewrite(::testing::_, ::testing::_, ::testing::_))
      .WillOnce([](const context::Context&, ByteView b, Variadic<RewriteOption> opts) -> Result<Bytes> {
        if (opts.size() != 1) return errors::New("want one option");
        Bytes out(b);
        out.resize(out.size() + 1);
        out[out.size() - 1] = std::byte{'!'};
        return out;
      });
  const RewriterPtr rw = mock;
  auto r = rw->Rewrite(context::Background(), AsBytes("hi"), MetadataRewriteOption(1));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->str(), "hi!");
}

}  // namespace
}  // namespace gost::core::rewriter
