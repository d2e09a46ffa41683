// gost-core: byte buffers.
//
// Borrowed bytes travel as std::span<const std::byte> (ByteView) or
// std::span<std::byte> (MutableByteView). Owned bytes live in Bytes, a buffer
// with a length and a capacity like a Go []byte: Resize within the capacity
// keeps the storage, which is what the buffer pool relies on. Bytes is a
// contiguous range, so it converts to either span through std::span's own
// range constructor (a temporary Bytes only to ByteView).
#pragma once

#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <iosfwd>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace gost::core {

/// Bytes borrowed for reading.
using ByteView = std::span<const std::byte>;
/// Bytes borrowed for writing.
using MutableByteView = std::span<std::byte>;

/// Views the characters of a string as bytes.
inline ByteView AsBytes(std::string_view s) noexcept {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

/// Views bytes as characters.
inline std::string_view AsString(ByteView b) noexcept {
  return {reinterpret_cast<const char*>(b.data()), b.size()};  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

/// An owned, contiguous byte buffer with a length (size) and a capacity.
///
/// Copies are deep; moves leave the source empty. Not thread-safe: one owner
/// at a time, like any value.
class Bytes {
 public:
  /// The element type, for generic code.
  using value_type = std::byte;

  Bytes() noexcept = default;
  /// n zero bytes.
  explicit Bytes(std::size_t n) : Bytes(Uninitialized(n, n)) {
    if (n != 0) std::memset(data_, 0, n);
  }
  /// A copy of the given bytes.
  explicit Bytes(ByteView bytes) : Bytes(CopyOf(bytes.data(), bytes.size())) {}
  /// A copy of a string's characters.
  explicit Bytes(std::string_view s) : Bytes(CopyOf(s.data(), s.size())) {}
  /// A copy of the listed bytes.
  Bytes(std::initializer_list<std::byte> list) : Bytes(CopyOf(list.begin(), list.size())) {}

  /// A buffer of `size` bytes whose contents are unspecified, with room for
  /// `capacity`. Throws std::length_error if size > capacity.
  static Bytes Uninitialized(std::size_t size, std::size_t capacity) {
    if (size > capacity) throw std::length_error("gost: Bytes size exceeds capacity");
    Bytes b;
    if (capacity != 0) b.data_ = new std::byte[capacity];
    b.size_ = size;
    b.cap_ = capacity;
    return b;
  }

  /// A deep copy: only `other`'s size is allocated, not its capacity.
  Bytes(const Bytes& other) : Bytes(CopyOf(other.data_, other.size_)) {}
  /// Takes `other`'s storage; `other` is left empty, with no capacity.
  Bytes(Bytes&& other) noexcept
      : data_(other.data_), size_(other.size_), cap_(other.cap_) {
    other.data_ = nullptr;
    other.size_ = 0;
    other.cap_ = 0;
  }
  /// Replaces the contents with a deep copy of `other`'s.
  Bytes& operator=(const Bytes& other) {
    if (this != &other) *this = CopyOf(other.data_, other.size_);
    return *this;
  }
  /// Takes `other`'s storage, releasing this buffer's; `other` is left empty.
  Bytes& operator=(Bytes&& other) noexcept {
    if (this != &other) {
      delete[] data_;
      data_ = other.data_;
      size_ = other.size_;
      cap_ = other.cap_;
      other.data_ = nullptr;
      other.size_ = 0;
      other.cap_ = 0;
    }
    return *this;
  }
  ~Bytes() { delete[] data_; }

  /// The first byte; null when capacity() is 0.
  ///@{
  [[nodiscard]] std::byte* data() noexcept { return data_; }
  [[nodiscard]] const std::byte* data() const noexcept { return data_; }
  ///@}
  /// The length: how many bytes are in view.
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /// How many bytes fit before resize() must reallocate.
  [[nodiscard]] std::size_t capacity() const noexcept { return cap_; }
  /// True when size() is 0 (the capacity may not be).
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// Iterators over the size() bytes in view.
  ///@{
  [[nodiscard]] std::byte* begin() noexcept { return data(); }
  [[nodiscard]] std::byte* end() noexcept { return data() + size_; }
  [[nodiscard]] const std::byte* begin() const noexcept { return data(); }
  [[nodiscard]] const std::byte* end() const noexcept { return data() + size_; }
  ///@}
  /// Precondition: i < size().
  ///@{
  std::byte& operator[](std::size_t i) noexcept { return data_[i]; }
  const std::byte& operator[](std::size_t i) const noexcept { return data_[i]; }
  ///@}

  /// The bytes in view, borrowed: valid until this buffer is resized,
  /// assigned or destroyed. A Bytes also converts to ByteView implicitly
  /// (std::span's range constructor), and a non-const lvalue Bytes to
  /// MutableByteView, so it can be passed where a span is expected.
  [[nodiscard]] ByteView view() const noexcept { return {data_, size_}; }
  /// The bytes in view, borrowed and writable; same lifetime as view().
  [[nodiscard]] MutableByteView mutable_view() noexcept { return {data_, size_}; }
  /// The bytes in view as characters, borrowed like view().
  [[nodiscard]] std::string_view str() const noexcept {
    return {reinterpret_cast<const char*>(data_), size_};  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  }

  /// Changes the length. Within the capacity the storage is kept (bytes that
  /// come back into view keep what they held); beyond it the buffer grows,
  /// keeping the contents, and new bytes are zero.
  void resize(std::size_t n) {
    if (n > cap_) {
      Bytes grown = Uninitialized(size_, n > cap_ * 2 ? n : cap_ * 2);
      if (size_ != 0) std::memcpy(grown.data(), data(), size_);
      if (n > size_) std::memset(grown.data() + size_, 0, n - size_);
      *this = std::move(grown);
    }
    size_ = n;
  }

  friend bool operator==(const Bytes& a, const Bytes& b) noexcept {
    return a.size_ == b.size_ && (a.size_ == 0 || std::memcmp(a.data(), b.data(), a.size_) == 0);
  }

 private:
  // A new buffer holding a copy of the n bytes at p, with no spare capacity.
  static Bytes CopyOf(const void* p, std::size_t n) {
    Bytes out = Uninitialized(n, n);
    if (n != 0) std::memcpy(out.data_, p, n);
    return out;
  }

  std::byte* data_ = nullptr;  // owned (new[] by Uninitialized, delete[] by the destructor)
  std::size_t size_ = 0;
  std::size_t cap_ = 0;
};

/// Prints the bytes as a quoted string with non-printable bytes escaped.
template <class CharT, class Traits>
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Bytes& b) {
  os << '"';
  for (std::byte c : b) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f && u != '"' && u != '\\') {
      os << static_cast<char>(u);
    } else {
      static constexpr std::string_view kHex = "0123456789abcdef";
      os << "\\x" << kHex[u >> 4] << kHex[u & 0xf];
    }
  }
  return os << '"';
}

}  // namespace gost::core
