// gost-core: Variadic<T>, the C++ face of a Go variadic parameter (`...T`).
//
// A virtual function cannot be a variadic template, so every interface method
// that takes `opts ...Option` (or `items ...T`) takes a Variadic<T> instead: a
// read-only view that accepts nothing, one T, a braced list, a span or a vector.
//
//   d.Dial(ctx, addr);                                    // none
//   d.Dial(ctx, addr, dialer::HostDialOption("x"));       // one
//   d.Dial(ctx, addr, {opt1, opt2});                      // a braced list
//   d.Dial(ctx, addr, opts);                              // a std::vector built at run time
//
// It borrows: the viewed elements must outlive the call, which they do for all
// of the forms above. Never store a Variadic. A named Variadic built from a
// braced list, a single temporary or a temporary vector would dangle; clang
// says so (-Wdangling), because those constructors are marked
// [[clang::lifetimebound]].
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <vector>

#include "gost/core/detail/lifetime.hpp"

namespace gost::core {

/// A borrowed, read-only view of the arguments of a Go variadic parameter
/// (`...T`): nothing, one T, a braced list, a span or a vector. Empty means
/// no arguments. It never owns: the viewed elements must outlive it, so use
/// it only as a parameter and never store it. Copies are cheap and share the
/// elements.
template <class T>
class Variadic {
 public:
  /// The element type.
  using value_type = T;
  /// Iterators are read-only pointers into the viewed elements.
  ///@{
  using const_iterator = const T*;
  using iterator = const T*;
  ///@}

  constexpr Variadic() noexcept = default;
  // NOLINTBEGIN(google-explicit-constructor): implicit on purpose, see above.
  /// The elements of a braced list (which lives until the end of the
  /// full expression holding the call).
  // std::data(list) rather than list.begin(): g++'s -Winit-list-lifetime
  // flags a member set from begin(), because the list's array dies with the
  // full expression, which is what a Variadic is meant to span. A pragma
  // cannot silence that warning in a precompiled header.
  constexpr Variadic(std::initializer_list<T> list GOST_CORE_LIFETIMEBOUND) noexcept
      : data_(std::data(list)), size_(list.size()) {}
  /// A single argument.
  constexpr Variadic(const T& one GOST_CORE_LIFETIMEBOUND) noexcept : data_(&one), size_(1) {}
  /// The elements of a span.
  constexpr Variadic(std::span<const T> items) noexcept : data_(items.data()), size_(items.size()) {}
  /// The elements of a vector (not copied: keep the vector alive and
  /// unchanged while the view is used).
  Variadic(const std::vector<T>& items GOST_CORE_LIFETIMEBOUND) noexcept
      : data_(items.data()), size_(items.size()) {}
  // NOLINTEND(google-explicit-constructor)

  /// Iterators over the arguments, in the order given.
  ///@{
  [[nodiscard]] constexpr const T* begin() const noexcept { return data_; }
  [[nodiscard]] constexpr const T* end() const noexcept { return data_ + size_; }
  ///@}
  /// The first argument; may be null when there are none.
  [[nodiscard]] constexpr const T* data() const noexcept { return data_; }
  /// How many arguments there are.
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  /// True when there are no arguments.
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  /// Precondition: i < size().
  [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  /// The arguments as a span (borrowed, like the view itself).
  [[nodiscard]] constexpr std::span<const T> span() const noexcept { return {data_, size_}; }

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace gost::core
