// gost-core: Result<T>, a value or an Error.
//
// Go returns `(value, error)` pairs; C++ gets one object that holds exactly
// one of the two. Its members follow std::expected (has_value, value, error,
// operator*, operator->, value_or) so that the type can become an alias of
// std::expected<T, Error> once the library moves to C++23.
#pragma once

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "gost/core/go/errors.hpp"

namespace gost::core {

/// Thrown by Result::value() when the Result holds an error instead.
class BadResultAccess : public std::logic_error {
 public:
  explicit BadResultAccess(Error err)
      : std::logic_error("gost: Result holds an error: " + err.Message()), err_(std::move(err)) {}
  /// The error the Result held.
  [[nodiscard]] const Error& error() const noexcept { return err_; }

 private:
  Error err_;
};

// g++ 12 with -fsanitize=thread (-O1 or more) reports a false
// -Wmaybe-uninitialized in ~Result for a T such as std::unique_ptr: it cannot
// tell that the Error alternative of the variant is not the active one (GCC
// bug 80635). Silenced for this class so -Werror builds of its users pass.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

/// Either a T (success) or a non-empty Error (failure).
///
/// Build it from a T (or anything convertible to one) or from an Error.
/// An empty Error is refused with std::invalid_argument: a failure must say
/// what failed. A default-built Result holds a value-initialized T.
template <class T>
class Result {
  static_assert(!std::is_reference_v<T> && !std::is_same_v<std::remove_cv_t<T>, Error>,
                "Result<T> holds a value type other than Error");

 public:
  using value_type = T;
  using error_type = Error;

  Result() : v_(std::in_place_index<0>) {}

  template <class U = T>
    requires(std::is_constructible_v<T, U &&> &&
             !std::is_same_v<std::remove_cvref_t<U>, Result> &&
             !std::is_same_v<std::remove_cvref_t<U>, Error> &&
             !std::is_error_code_enum_v<std::remove_cvref_t<U>>)
  Result(U&& v) : v_(std::in_place_index<0>, std::forward<U>(v)) {}  // NOLINT(google-explicit-constructor)

  Result(Error err) : v_(std::in_place_index<1>, Checked(std::move(err))) {}  // NOLINT(google-explicit-constructor)

  template <class E>
    requires std::is_error_code_enum_v<E>
  Result(E e) : Result(Error(e)) {}  // NOLINT(google-explicit-constructor)

  /// True when a value is held.
  [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws BadResultAccess when an error is held.
  T& value() & { Check(); return std::get<0>(v_); }
  const T& value() const& { Check(); return std::get<0>(v_); }
  T&& value() && { Check(); return std::get<0>(std::move(v_)); }

  /// The error; an empty Error when a value is held.
  [[nodiscard]] Error error() const { return has_value() ? Error() : std::get<1>(v_); }

  /// Unchecked access: precondition has_value().
  T& operator*() & noexcept { return *std::get_if<0>(&v_); }
  const T& operator*() const& noexcept { return *std::get_if<0>(&v_); }
  T&& operator*() && noexcept { return std::move(*std::get_if<0>(&v_)); }
  T* operator->() noexcept { return std::get_if<0>(&v_); }
  const T* operator->() const noexcept { return std::get_if<0>(&v_); }

  /// The value, or `fallback` when an error is held.
  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(v_) : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  T value_or(U&& fallback) && {
    return has_value() ? std::get<0>(std::move(v_)) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  static Error Checked(Error err) {
    if (!err) throw std::invalid_argument("gost: Result built from an empty Error");
    return err;
  }
  void Check() const {
    if (!has_value()) throw BadResultAccess(std::get<1>(v_));
  }

  std::variant<T, Error> v_;
};

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace gost::core
