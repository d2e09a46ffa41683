// gost-core: what makes a class one of the library's interfaces.
//
// Every interface is a pure abstract class: a public virtual destructor, pure
// virtual methods, no data. Its copy and move operations are protected and
// defaulted, so nobody can copy or assign through the interface (no slicing),
// while an implementation stays free to be copyable (Transporter::Copy needs
// that).
#pragma once

#include <type_traits>

/// Declares the special members of interface `Type`; put it first in the body.
/// Leaves the access at `public:`. The moves are noexcept: an interface has
/// no data to move.
// NOLINTBEGIN(bugprone-macro-parentheses): `Type` is a class name in
// declarator position; parentheses around it would not compile.
#define GOST_CORE_INTERFACE(Type)               \
 protected:                                     \
  Type() = default;                             \
  Type(const Type&) = default;                  \
  Type(Type&&) noexcept = default;              \
  Type& operator=(const Type&) = default;       \
  Type& operator=(Type&&) noexcept = default;   \
                                                \
 public:                                        \
  virtual ~Type() = default
// NOLINTEND(bugprone-macro-parentheses)

namespace gost::core::detail {

/// True for classes shaped as the library's interfaces: abstract, with a
/// virtual destructor, and neither copyable nor assignable from outside.
template <class T>
inline constexpr bool kIsInterface =
    std::is_abstract_v<T> && std::has_virtual_destructor_v<T> && !std::is_copy_constructible_v<T> &&
    !std::is_move_constructible_v<T> && !std::is_copy_assignable_v<T> && !std::is_move_assignable_v<T>;

}  // namespace gost::core::detail
