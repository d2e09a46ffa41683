// Unit tests for gost/core/go/bytes.hpp: the owned Bytes buffer (length and
// capacity like a Go []byte) and the string/byte view helpers.
#include "gost/core/go/bytes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <numeric>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using gost::core::AsBytes;
using gost::core::AsString;
using gost::core::Bytes;
using gost::core::ByteView;
using gost::core::MutableByteView;

std::size_t SizeOf(ByteView v) { return v.size(); }
std::size_t Fill(MutableByteView v) {
  for (auto& x : v) x = std::byte{'z'};
  return v.size();
}

std::string Printed(const Bytes& b) {
  std::ostringstream os;
  os << b;
  return os.str();
}

TEST(BytesTest, DefaultIsEmpty) {
  const Bytes b;
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(b.size(), 0U);
  EXPECT_EQ(b.capacity(), 0U);
  EXPECT_EQ(b.begin(), b.end());
  EXPECT_TRUE(b.view().empty());
  EXPECT_EQ(b.str(), "");
}

TEST(BytesTest, SizeConstructorZeroes) {
  const Bytes b(64);
  EXPECT_EQ(b.size(), 64U);
  EXPECT_EQ(b.capacity(), 64U);
  ASSERT_NE(b.data(), nullptr);
  for (std::byte x : b) EXPECT_EQ(x, std::byte{0});
  const Bytes zero(std::size_t{0});
  EXPECT_TRUE(zero.empty());
}

TEST(BytesTest, FromStringAndView) {
  const Bytes s(std::string_view("hello"));
  EXPECT_EQ(s.size(), 5U);
  EXPECT_EQ(s.str(), "hello");
  const Bytes v(AsBytes(std::string_view("a\0b", 3)));
  EXPECT_EQ(v.size(), 3U);
  EXPECT_EQ(v[1], std::byte{0});
  EXPECT_EQ(v.str(), std::string_view("a\0b", 3));
  const Bytes list{std::byte{1}, std::byte{2}, std::byte{0xff}};
  EXPECT_EQ(list.size(), 3U);
  EXPECT_EQ(list[2], std::byte{0xff});
  const Bytes empty_list{};
  EXPECT_TRUE(empty_list.empty());
}

// The constructor from bytes takes anything that converts to ByteView, as a
// Bytes(ByteView) would, and copies it without spare capacity.
TEST(BytesTest, FromAnythingConvertibleToByteView) {
  std::array<std::byte, 3> arr{std::byte{1}, std::byte{2}, std::byte{3}};
  const Bytes from_array(arr);
  EXPECT_EQ(from_array.size(), 3U);
  EXPECT_EQ(from_array.capacity(), 3U);
  EXPECT_EQ(from_array[2], std::byte{3});
  arr[2] = std::byte{9};  // a copy: the source can change afterwards
  EXPECT_EQ(from_array[2], std::byte{3});

  const std::vector<std::byte> vec{std::byte{7}, std::byte{8}};
  EXPECT_EQ(Bytes(vec).size(), 2U);
  EXPECT_EQ(Bytes(std::vector<std::byte>{std::byte{5}})[0], std::byte{5});  // a temporary too

  const MutableByteView writable(arr);
  const Bytes from_mutable(writable);
  EXPECT_EQ(from_mutable.size(), 3U);
  EXPECT_EQ(from_mutable[2], std::byte{9});

  const Bytes from_empty_view{ByteView{}};
  EXPECT_TRUE(from_empty_view.empty());
  EXPECT_EQ(from_empty_view.capacity(), 0U);

  // Only byte sequences: no conversion from other element types.
  static_assert(!std::is_constructible_v<Bytes, std::vector<int>>);
  static_assert(!std::is_constructible_v<Bytes, std::span<const char>>);
  // And never implicitly.
  static_assert(!std::is_convertible_v<ByteView, Bytes>);
}

// A non-const Bytes lvalue is copied by the copy constructor (a deep copy
// sized to the contents), not taken by the constructor from bytes.
TEST(BytesTest, CopyFromNonConstLvalueIsTheCopyConstructor) {
  Bytes a = Bytes::Uninitialized(2, 64);
  a[0] = std::byte{1};
  a[1] = std::byte{2};
  Bytes b(a);  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(b, a);
  EXPECT_EQ(b.capacity(), 2U);
  EXPECT_NE(b.data(), a.data());
  Bytes c(std::move(a));
  EXPECT_EQ(c.capacity(), 64U);  // a move keeps the storage
  EXPECT_TRUE(a.empty());        // NOLINT(bugprone-use-after-move)
}

TEST(BytesTest, CopyIsDeep) {
  Bytes a(std::string_view("abc"));
  Bytes b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(a, b);
  EXPECT_NE(a.data(), b.data());
  b[0] = std::byte{'x'};
  EXPECT_EQ(a.str(), "abc");
  EXPECT_EQ(b.str(), "xbc");
  Bytes c(std::string_view("zz"));
  c = a;
  EXPECT_EQ(c.str(), "abc");
  EXPECT_NE(c.data(), a.data());
  a[1] = std::byte{'y'};
  EXPECT_EQ(c.str(), "abc");
  // Self-assignment keeps the contents.
  Bytes& alias = c;
  c = alias;
  EXPECT_EQ(c.str(), "abc");
}

TEST(BytesTest, MoveEmptiesSource) {
  Bytes a(std::string_view("payload"));
  const std::byte* storage = a.data();
  Bytes b = std::move(a);
  EXPECT_EQ(b.str(), "payload");
  EXPECT_EQ(b.data(), storage);  // no copy
  EXPECT_TRUE(a.empty());        // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(a.capacity(), 0U);   // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(a.data(), nullptr);  // NOLINT(bugprone-use-after-move)

  Bytes c(std::string_view("old"));
  c = std::move(b);
  EXPECT_EQ(c.str(), "payload");
  EXPECT_EQ(c.data(), storage);
  EXPECT_TRUE(b.empty());       // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(b.capacity(), 0U);  // NOLINT(bugprone-use-after-move)

  static_assert(std::is_nothrow_move_constructible_v<Bytes>);
  static_assert(std::is_nothrow_move_assignable_v<Bytes>);
}

TEST(BytesTest, SelfMoveAssignIsSafe) {
  Bytes a(std::string_view("keep"));
  Bytes& alias = a;
  a = std::move(alias);
  // The state is valid either way; with this implementation it is kept.
  EXPECT_EQ(a.str(), "keep");
}

TEST(BytesTest, Uninitialized) {
  Bytes b = Bytes::Uninitialized(10, 32);
  EXPECT_EQ(b.size(), 10U);
  EXPECT_EQ(b.capacity(), 32U);
  ASSERT_NE(b.data(), nullptr);
  const Bytes exact = Bytes::Uninitialized(4, 4);
  EXPECT_EQ(exact.size(), 4U);
  const Bytes none = Bytes::Uninitialized(0, 0);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.capacity(), 0U);
  const Bytes room = Bytes::Uninitialized(0, 16);
  EXPECT_TRUE(room.empty());
  EXPECT_EQ(room.capacity(), 16U);
}

TEST(BytesTest, UninitializedSizeBeyondCapacityThrows) {
  EXPECT_THROW((void)Bytes::Uninitialized(33, 32), std::length_error);
  EXPECT_THROW((void)Bytes::Uninitialized(1, 0), std::length_error);
}

TEST(BytesTest, ResizeWithinCapacityKeepsStorage) {
  Bytes b = Bytes::Uninitialized(0, 16);
  const std::byte* storage = b.data();
  b.resize(8);
  std::iota(reinterpret_cast<unsigned char*>(b.data()), reinterpret_cast<unsigned char*>(b.data()) + 8,
            static_cast<unsigned char>(1));  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  EXPECT_EQ(b.data(), storage);
  b.resize(2);
  EXPECT_EQ(b.size(), 2U);
  EXPECT_EQ(b.capacity(), 16U);
  EXPECT_EQ(b.data(), storage);
  b.resize(8);  // bytes come back with what they held
  EXPECT_EQ(b.data(), storage);
  EXPECT_EQ(b[7], std::byte{8});
  b.resize(16);
  EXPECT_EQ(b.data(), storage);
  b.resize(0);
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(b.data(), storage);
}

TEST(BytesTest, ResizeBeyondCapacityGrowsAndKeepsContents) {
  Bytes b(std::string_view("abc"));
  ASSERT_EQ(b.capacity(), 3U);
  b.resize(10);
  EXPECT_EQ(b.size(), 10U);
  EXPECT_GE(b.capacity(), 10U);
  EXPECT_EQ(b.str().substr(0, 3), "abc");
  for (std::size_t i = 3; i < 10; ++i) EXPECT_EQ(b[i], std::byte{0}) << i;
  // Growth is geometric, so many small appends do not reallocate each time.
  const std::size_t cap = b.capacity();
  b.resize(cap + 1);
  EXPECT_GE(b.capacity(), cap * 2);
  EXPECT_EQ(b.str().substr(0, 3), "abc");

  Bytes empty;
  empty.resize(5);
  EXPECT_EQ(empty.size(), 5U);
  for (std::byte x : empty) EXPECT_EQ(x, std::byte{0});
}

TEST(BytesTest, ResizeAfterShrinkThenGrowZeroesOnlyNewBytes) {
  Bytes b(std::string_view("abcdef"));
  b.resize(2);
  b.resize(20);  // beyond capacity: bytes after the old size are zero
  EXPECT_EQ(b.str().substr(0, 2), "ab");
  for (std::size_t i = 2; i < 20; ++i) EXPECT_EQ(b[i], std::byte{0}) << i;
}

TEST(BytesTest, Equality) {
  EXPECT_EQ(Bytes(std::string_view("abc")), Bytes(std::string_view("abc")));
  EXPECT_NE(Bytes(std::string_view("abc")), Bytes(std::string_view("abd")));
  EXPECT_NE(Bytes(std::string_view("abc")), Bytes(std::string_view("ab")));
  EXPECT_EQ(Bytes(), Bytes(std::size_t{0}));
  EXPECT_EQ(Bytes(), Bytes::Uninitialized(0, 64));  // capacity does not matter
  Bytes big = Bytes::Uninitialized(0, 64);
  big.resize(2);
  big[0] = std::byte{'h'};
  big[1] = std::byte{'i'};
  EXPECT_EQ(big, Bytes(std::string_view("hi")));
}

TEST(BytesTest, ViewsAndConversions) {
  Bytes b(std::string_view("xyz"));
  const ByteView v = b;
  EXPECT_EQ(v.size(), 3U);
  EXPECT_EQ(v.data(), b.data());
  MutableByteView m = b;
  m[0] = std::byte{'X'};
  EXPECT_EQ(b.str(), "Xyz");
  EXPECT_EQ(b.mutable_view().size(), 3U);
  EXPECT_EQ(AsString(b.view()), "Xyz");
  std::string s;
  for (std::byte x : b) s += static_cast<char>(x);
  EXPECT_EQ(s, "Xyz");
}

TEST(BytesTest, PassesAsViewArguments) {
  // A non-const, a const and a temporary Bytes all bind to a ByteView
  // parameter (and compile warning-free under -Wconversion -Werror).
  Bytes b(std::string_view("four"));
  const Bytes& cb = b;
  EXPECT_EQ(SizeOf(b), 4U);
  EXPECT_EQ(SizeOf(cb), 4U);
  EXPECT_EQ(SizeOf(Bytes(std::string_view("tmp"))), 3U);
  EXPECT_EQ(Fill(b), 4U);
  EXPECT_EQ(b.str(), "zzzz");
  static_assert(!std::is_convertible_v<const Bytes&, MutableByteView>, "a const buffer is not writable");
  static_assert(std::is_convertible_v<Bytes&, MutableByteView>);
  static_assert(std::is_convertible_v<Bytes&&, ByteView>, "a temporary reads for the call it is passed to");
  static_assert(!std::is_convertible_v<Bytes&&, MutableByteView>, "nor is a temporary: the writes would be lost");
}

TEST(BytesTest, AsBytesAsString) {
  const std::string_view text("hi\0there", 8);
  const ByteView v = AsBytes(text);
  EXPECT_EQ(v.size(), 8U);
  EXPECT_EQ(static_cast<const void*>(v.data()), static_cast<const void*>(text.data()));
  EXPECT_EQ(v[2], std::byte{0});
  EXPECT_EQ(AsString(v), text);
  EXPECT_TRUE(AsBytes("").empty());
  EXPECT_EQ(AsString(ByteView()), "");
}

TEST(BytesTest, PrinterEscapes) {
  EXPECT_EQ(Printed(Bytes()), "\"\"");
  EXPECT_EQ(Printed(Bytes(std::string_view("plain text"))), "\"plain text\"");
  EXPECT_EQ(Printed(Bytes(std::string_view("a\"b\\c"))), "\"a\\x22b\\x5cc\"");
  EXPECT_EQ(Printed(Bytes{std::byte{0}, std::byte{'\n'}, std::byte{0x7f}, std::byte{0x80}, std::byte{0xff}}),
            "\"\\x00\\x0a\\x7f\\x80\\xff\"");
  EXPECT_EQ(Printed(Bytes(std::string_view(" ~"))), "\" ~\"");
  EXPECT_EQ(::testing::PrintToString(Bytes(std::string_view("a\tb"))), "\"a\\x09b\"");
}

}  // namespace
