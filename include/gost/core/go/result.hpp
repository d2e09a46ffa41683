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
#include <memory>
#include <new>

#include "gost/core/go/errors.hpp"

namespace gost::core {

/// Thrown by Result::value() when the Result holds an error instead.
class BadResultAccess : public std::logic_error {
 public:
  /// Reports an access to a Result that held `err`.
  explicit BadResultAccess(Error err)
      : std::logic_error("gost: Result holds an error: " + err.Message()), err_(std::move(err)) {}
  /// The error the Result held.
  [[nodiscard]] const Error& error() const noexcept { return err_; }

 private:
  Error err_;
};

// g++ 12 with optimisation and sanitizers may report a false
// -Wmaybe-uninitialized in ~Result for a T such as std::unique_ptr: it cannot
// tell which member of the union is alive (GCC bug 80635). Silenced for this
// class so -Werror builds of its users pass.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

/// Either a T (success) or a non-empty Error (failure).
///
/// Build it from a T (or anything convertible to one) or from an Error.
/// An empty Error is refused with std::invalid_argument: a failure must say
/// what failed. A default-built Result holds a value-initialized T. Copyable
/// when T is; movable when T is (a move leaves the source holding a
/// moved-from T or its Error).
template <class T>
class Result {
  static_assert(!std::is_reference_v<T> && !std::is_same_v<std::remove_cv_t<T>, Error>,
                "Result<T> holds a value type other than Error");

 public:
  /// The type held on success, as std::expected names it.
  using value_type = T;
  /// The type held on failure, as std::expected names it.
  using error_type = Error;

  Result() : has_(true) { ::new (static_cast<void*>(&value_)) T(); }

  /// A success holding a T built from `v`; implicit, so `return value;`
  /// works in a function returning Result<T>.
  template <class U = T>
    requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::remove_cvref_t<U>, Result> &&
             !std::is_same_v<std::remove_cvref_t<U>, Error> && !std::is_error_code_enum_v<std::remove_cvref_t<U>>)
  // NOLINTNEXTLINE(bugprone-forwarding-reference-overload): the requires-clause excludes Result
  Result(U&& v) : has_(true) {  // NOLINT(google-explicit-constructor)
    ::new (static_cast<void*>(&value_)) T(std::forward<U>(v));
  }

  /// A failure holding `err`, which must not be empty (else
  /// std::invalid_argument); implicit, so `return err;` works.
  Result(Error err) : has_(false) {  // NOLINT(google-explicit-constructor)
    ::new (static_cast<void*>(&err_)) Error(Checked(std::move(err)));
  }

  /// A failure holding Error(e), for an error code enumerator such as
  /// errors::Code values.
  template <class E>
    requires std::is_error_code_enum_v<E>
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): delegates; Result(Error) sets has_
  Result(E e) : Result(Error(e)) {}  // NOLINT(google-explicit-constructor)

  /// A copy of `other`'s value or error (only when T is copyable).
  Result(const Result& other)
    requires std::is_copy_constructible_v<T>
      : has_(other.has_) {
    if (has_) ::new (static_cast<void*>(&value_)) T(other.value_);
    else ::new (static_cast<void*>(&err_)) Error(other.err_);
  }
  /// Moves `other`'s value out (leaving it moved-from) or copies its error.
  Result(Result&& other) noexcept(std::is_nothrow_move_constructible_v<T>)
    requires std::is_move_constructible_v<T>
      : has_(other.has_) {
    if (has_) ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
    else ::new (static_cast<void*>(&err_)) Error(other.err_);
  }
  /// Replaces what is held with a copy of `other`'s value or error.
  Result& operator=(const Result& other)
    requires std::is_copy_constructible_v<T>
  {
    if (this != &other) {
      Result copy(other);
      Destroy();
      Emplace(std::move(copy));
    }
    return *this;
  }
  /// Replaces what is held with `other`'s value (moved) or error. Should
  /// moving the T throw, this Result holds a generic error afterwards.
  Result& operator=(Result&& other) noexcept(std::is_nothrow_move_constructible_v<T>)
    requires std::is_move_constructible_v<T>
  {
    if (this != &other) {
      Destroy();
      // cppcheck-suppress throwInNoexceptFunction ; only throws when T's move can, and then this is noexcept(false)
      Emplace(std::move(other));
    }
    return *this;
  }
  ~Result() { Destroy(); }

  /// True when a value is held.
  [[nodiscard]] bool has_value() const noexcept { return has_; }
  /// Same as has_value(): `if (auto r = f()) use(*r);`.
  explicit operator bool() const noexcept { return has_; }

  /// The value; throws BadResultAccess when an error is held.
  ///@{
  T& value() & {
    Check();
    return value_;
  }
  const T& value() const& {
    Check();
    return value_;
  }
  T&& value() && {
    Check();
    return std::move(value_);
  }
  ///@}

  /// The error; an empty Error when a value is held.
  [[nodiscard]] Error error() const { return has_ ? Error() : err_; }

  /// Unchecked access: precondition has_value().
  ///@{
  T& operator*() & noexcept { return value_; }
  const T& operator*() const& noexcept { return value_; }
  T&& operator*() && noexcept { return std::move(value_); }
  T* operator->() noexcept { return std::addressof(value_); }
  const T* operator->() const noexcept { return std::addressof(value_); }
  ///@}

  /// The value, or `fallback` when an error is held.
  ///@{
  template <class U>
  T value_or(U&& fallback) const& {
    return has_ ? value_ : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  T value_or(U&& fallback) && {
    return has_ ? std::move(value_) : static_cast<T>(std::forward<U>(fallback));
  }
  ///@}

 private:
  static Error Checked(Error err) {
    if (!err) throw std::invalid_argument("gost: Result built from an empty Error");
    return err;
  }
  void Check() const {
    if (!has_) throw BadResultAccess(err_);
  }
  void Destroy() noexcept {
    if (has_) value_.~T();
    else err_.~Error();
  }
  // Precondition: nothing is alive in the union. If moving the T throws, this
  // Result is left holding a generic error (never half-built) and the
  // exception propagates.
  void Emplace(Result&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
    has_ = other.has_;
    if (!has_) {
      ::new (static_cast<void*>(&err_)) Error(other.err_);
      return;
    }
    if constexpr (std::is_nothrow_move_constructible_v<T>) {
      ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
    } else {
      try {
        ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
      } catch (...) {
        has_ = false;
        ::new (static_cast<void*>(&err_)) Error(errors::Code::Generic);
        // cppcheck-suppress throwInNoexceptFunction ; this branch exists only when T's move can throw,
        // and then the function is noexcept(false)
        throw;
      }
    }
  }

  union {
    T value_;
    Error err_;
  };
  bool has_;
};

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace gost::core
