// gost-core: functional options.
//
// Upstream configures everything through `type XOption func(*XOptions)`.
// Here each such type is an OptionFunc<XOptions>: a small copyable callable
// taking a pointer to the options struct. Like a nil Go func, an empty
// OptionFunc is allowed in a list and skipped when the list is applied.
//
// OptionFunc is a std::function<void(O*)> cut down to what options need. It
// keeps captures of up to kInlineSize bytes (a std::string, a shared_ptr, a
// url::Values...) inside itself, so building an option does not allocate
// where std::function would.
//
// Most of upstream's option functions set one field and nothing else
// (`func AuthOption(auth *url.Userinfo) Option`). Each of those is a
// FieldOption here, a function object named like the Go function:
//
//   inline constexpr FieldOption<&Options::Auth> AuthOption{};
//   ...
//   dialer::AuthOption(url::User("u"))   // an Option that sets Options::Auth
//
// It is called like a function, passes as a callback wherever a callable is
// expected (std::function, an algorithm, a template parameter), and is the
// one definition of "an option that sets this field".
#pragma once

#include <cstddef>
#include <functional>
#include <new>
#include <type_traits>
#include <utility>

#include "gost/core/go/variadic.hpp"

namespace gost::core {

namespace detail {
// True for std::function types, whose empty state OptionFunc maps to "empty".
template <class F>
inline constexpr bool kIsStdFunction = false;
template <class Sig>
inline constexpr bool kIsStdFunction<std::function<Sig>> = true;

// What OptionFunc<O> accepts: anything callable with an `O*`.
template <class F, class O>
concept OptionCallable = requires(const F& f, O* o) { f(o); };
}  // namespace detail

/// A function that sets fields of an options struct O; empty means "no-op"
/// (Go's nil option).
template <class O>
class OptionFunc {
 public:
  /// Captures up to this size (and suitably aligned, nothrow-movable) are
  /// stored inline; larger ones go to the heap.
  static constexpr std::size_t kInlineSize = 48;

  /// An empty option.
  OptionFunc() noexcept = default;
  /// An empty option, so `nullptr` can stand for Go's nil.
  OptionFunc(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)

  /// Wraps any callable that accepts an `O*`. A null function pointer or an
  /// empty std::function gives an empty option, as a nil func does in Go.
  // F is taken by value (moved once more into place) rather than forwarded:
  // that gives the decayed type without the std::decay_t machinery, which
  // the compiler would otherwise work through once per option function.
  template <class F>
    requires(!std::is_same_v<F, OptionFunc> && detail::OptionCallable<F, O>)
  OptionFunc(F f) {  // NOLINT(google-explicit-constructor)
    if constexpr (std::is_pointer_v<F> || detail::kIsStdFunction<F>) {
      if (!f) return;
    }
    if constexpr (kFitsInline<F>) {
      ::new (static_cast<void*>(buf_)) F(static_cast<F&&>(f));
    } else {
      ::new (static_cast<void*>(buf_)) F*(new F(static_cast<F&&>(f)));
    }
    invoke_ = &Invoke<F>;
    manage_ = &Manage<F>;  // only once the callable is in place
  }

  /// A copy of `other`'s callable (empty if `other` is).
  // cppcheck-suppress nullPointerRedundantCheck ; manage_(...) below initializes the member, it is no call
  OptionFunc(const OptionFunc& other) : invoke_(other.invoke_), manage_(other.manage_) {
    if (manage_ != nullptr) manage_(Op::Copy, buf_, const_cast<unsigned char*>(other.buf_));  // NOLINT
  }
  /// Takes `other`'s callable; `other` is left empty.
  // cppcheck-suppress nullPointerRedundantCheck ; manage_(...) below initializes the member, it is no call
  OptionFunc(OptionFunc&& other) noexcept : invoke_(other.invoke_), manage_(other.manage_) {
    if (manage_ != nullptr) {
      manage_(Op::Move, buf_, other.buf_);
      other.invoke_ = nullptr;
      other.manage_ = nullptr;
    }
  }
  /// Replaces the callable with a copy of `other`'s.
  OptionFunc& operator=(const OptionFunc& other) {
    if (this != &other) {
      OptionFunc copy(other);
      *this = static_cast<OptionFunc&&>(copy);
    }
    return *this;
  }
  /// Replaces the callable with `other`'s; `other` is left empty.
  OptionFunc& operator=(OptionFunc&& other) noexcept {
    if (this != &other) {
      Reset();
      if (other.manage_ != nullptr) {
        other.manage_(Op::Move, buf_, other.buf_);
        invoke_ = other.invoke_;
        manage_ = other.manage_;
        other.invoke_ = nullptr;
        other.manage_ = nullptr;
      }
    }
    return *this;
  }
  /// Empties the option, releasing its callable.
  OptionFunc& operator=(std::nullptr_t) noexcept {
    Reset();
    return *this;
  }
  ~OptionFunc() { Reset(); }

  /// True unless empty.
  explicit operator bool() const noexcept { return invoke_ != nullptr; }

  /// Applies the option. Precondition: not empty.
  void operator()(O* opts) const { invoke_(buf_, opts); }

  friend bool operator==(const OptionFunc& f, std::nullptr_t) noexcept { return f.invoke_ == nullptr; }

 private:
  // Two function pointers per callable type, rather than a table of four:
  // every option function instantiates what its lambda needs here, so the
  // fewer templates per lambda, the cheaper the library is to compile.
  enum class Op : unsigned char { Copy, Move, Destroy };

  template <class Fn>
  static constexpr bool kFitsInline = sizeof(Fn) <= kInlineSize && alignof(Fn) <= alignof(std::max_align_t) &&
                                      __is_nothrow_constructible(Fn, Fn&&);

  template <class Fn>
  static void Invoke(const void* p, O* o) {
    if constexpr (kFitsInline<Fn>) (*static_cast<const Fn*>(p))(o);
    else (**static_cast<Fn* const*>(p))(o);
  }

  // Copy: builds a copy of src's callable in the raw storage dst (may throw).
  // Move: the same by moving, and ends src's callable (never throws).
  // Destroy: ends src's callable; dst is unused (never throws).
  template <class Fn>
  static void Manage(Op op, void* dst, void* src) {
    if constexpr (kFitsInline<Fn>) {
      Fn* from = static_cast<Fn*>(src);
      if (op == Op::Copy) {
        ::new (dst) Fn(*from);
        return;
      }
      if (op == Op::Move) ::new (dst) Fn(static_cast<Fn&&>(*from));
      from->~Fn();
    } else {
      Fn* from = *static_cast<Fn**>(src);
      if (op == Op::Copy) ::new (dst) Fn*(new Fn(*from));
      else if (op == Op::Move) ::new (dst) Fn*(from);
      else delete from;
    }
  }

  void Reset() noexcept {
    if (manage_ != nullptr) {
      auto* manage = manage_;
      invoke_ = nullptr;
      manage_ = nullptr;
      manage(Op::Destroy, nullptr, buf_);
    }
  }

  alignas(std::max_align_t) unsigned char buf_[kInlineSize]{};  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  void (*invoke_)(const void*, O*) = nullptr;   // null when empty
  void (*manage_)(Op, void*, void*) = nullptr;  // null when empty
};

/// The option functions that set one field of an options struct: a
/// FieldOption<&O::F> called with a value gives the OptionFunc<O> that
/// copies the value into field F. The value is taken as the field's type,
/// so arguments convert as they would for the field itself.
template <auto Field>
class FieldOption;

/// The specialization that does the work, for a data member `Field` of
/// type V in an options struct O.
template <class O, class V, V O::*Field>
class FieldOption<Field> {
 public:
  /// The option that sets the field to `value` (a copy each time it is
  /// applied, so the option can be applied more than once).
  OptionFunc<O> operator()(V value) const {
    return [v = static_cast<V&&>(value)](O* opts) { opts->*Field = v; };
  }
};

/// Applies options to `opts` in order, skipping empty ones (Go: nil options).
/// O is deduced from `opts` alone, so `options` may be any form Variadic
/// accepts: one option, a braced list, a vector or a span.
template <class O>
void ApplyOptions(O& opts, std::type_identity_t<Variadic<OptionFunc<O>>> options) {
  for (const auto& opt : options) {
    if (opt) opt(&opts);
  }
}

/// Builds an options struct from a list of options (a default O, then each
/// non-empty option in order).
template <class O>
O MakeOptions(std::type_identity_t<Variadic<OptionFunc<O>>> options) {
  O opts{};
  ApplyOptions(opts, options);
  return opts;
}

}  // namespace gost::core
