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
// where std::function would, and it costs the compiler less per option
// function (the library defines well over a hundred).
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
  template <class F>
    requires(!std::is_same_v<std::decay_t<F>, OptionFunc> && detail::OptionCallable<std::decay_t<F>, O>)
  OptionFunc(F&& f) {  // NOLINT(google-explicit-constructor)
    using Fn = std::decay_t<F>;
    if constexpr (std::is_pointer_v<Fn> || detail::kIsStdFunction<Fn>) {
      if (!f) return;
    }
    if constexpr (kFitsInline<Fn>) {
      ::new (static_cast<void*>(buf_)) Fn(std::forward<F>(f));
    } else {
      ::new (static_cast<void*>(buf_)) Fn*(new Fn(std::forward<F>(f)));
    }
    ops_ = &OpsFor<Fn>::kOps;  // only once the callable is in place
  }

  /// A copy of `other`'s callable (empty if `other` is).
  OptionFunc(const OptionFunc& other) : ops_(other.ops_) {
    if (ops_ != nullptr) ops_->copy(buf_, other.buf_);
  }
  /// Takes `other`'s callable; `other` is left empty.
  OptionFunc(OptionFunc&& other) noexcept : ops_(other.ops_) {
    if (ops_ != nullptr) {
      ops_->move(buf_, other.buf_);
      other.ops_ = nullptr;
    }
  }
  /// Replaces the callable with a copy of `other`'s.
  OptionFunc& operator=(const OptionFunc& other) {
    if (this != &other) {
      OptionFunc copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  /// Replaces the callable with `other`'s; `other` is left empty.
  OptionFunc& operator=(OptionFunc&& other) noexcept {
    if (this != &other) {
      Reset();
      if (other.ops_ != nullptr) {
        other.ops_->move(buf_, other.buf_);
        ops_ = std::exchange(other.ops_, nullptr);
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
  explicit operator bool() const noexcept { return ops_ != nullptr; }

  /// Applies the option. Precondition: not empty.
  void operator()(O* opts) const { ops_->invoke(buf_, opts); }

  friend bool operator==(const OptionFunc& f, std::nullptr_t) noexcept { return f.ops_ == nullptr; }

 private:
  struct Ops {
    void (*invoke)(const void*, O*);
    void (*copy)(void*, const void*);
    void (*move)(void*, void*) noexcept;
    void (*destroy)(void*) noexcept;
  };

  template <class Fn>
  static constexpr bool kFitsInline = sizeof(Fn) <= kInlineSize && alignof(Fn) <= alignof(std::max_align_t) &&
                                      std::is_nothrow_move_constructible_v<Fn>;

  template <class Fn>
  struct OpsFor {
    static Fn* Get(void* p) noexcept {
      if constexpr (kFitsInline<Fn>) return std::launder(static_cast<Fn*>(p));
      else return *std::launder(static_cast<Fn**>(p));
    }
    static const Fn* Get(const void* p) noexcept { return Get(const_cast<void*>(p)); }  // NOLINT
    static void Invoke(const void* p, O* o) { (*Get(p))(o); }
    static void Copy(void* dst, const void* src) {
      if constexpr (kFitsInline<Fn>) ::new (dst) Fn(*Get(src));
      else ::new (dst) Fn*(new Fn(*Get(src)));
    }
    static void Move(void* dst, void* src) noexcept {
      if constexpr (kFitsInline<Fn>) {
        ::new (dst) Fn(std::move(*Get(src)));
        Get(src)->~Fn();
      } else {
        ::new (dst) Fn*(Get(src));
      }
    }
    static void Destroy(void* p) noexcept {
      if constexpr (kFitsInline<Fn>) Get(p)->~Fn();
      else delete Get(p);
    }
    static constexpr Ops kOps{&Invoke, &Copy, &Move, &Destroy};
  };

  void Reset() noexcept {
    if (ops_ != nullptr) std::exchange(ops_, nullptr)->destroy(buf_);
  }

  alignas(std::max_align_t) unsigned char buf_[kInlineSize]{};  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  const Ops* ops_ = nullptr;
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
