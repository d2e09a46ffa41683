// gost-core: the error model shared by every interface.
//
// Part of the "go" vocabulary: stand-ins for what Go's standard library hands
// upstream. Go reports failures as `error` values that may wrap a cause; this
// header gives C++ the same thing without exceptions on the I/O path:
//
//  * gost::core::Error    a cheap, copyable value: empty means "no error".
//  * gost::core::ErrorBase the interface a rich error implements (message,
//                          code, Timeout/Temporary, Unwrap), like Go's
//                          `error` plus `net.Error`.
//  * gost::core::errors   New, Wrap, Is, As and Unwrap, as in Go's `errors`
//                          package, and the library's std::error_category.
//
// Errors compare with errors::Is the way Go code uses errors.Is: through the
// chain of wrapped causes, by code (for every code but Code::Generic) or by
// identity (for errors made with errors::New).
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

namespace gost::core {

class Error;

namespace errors {

/// Error codes of the vocabulary's own category: one for each sentinel error
/// of the Go standard library that the vocabulary stands in for, and two of
/// its own (Generic, InvalidArgument). The ported packages' sentinels are not
/// here: like upstream's, they are errors::New values of their package.
enum class Code : int {
  Generic = 1,              ///< an error with no code of its own (errors::New)
  EndOfFile,                ///< io.EOF: the peer finished sending
  ClosedConnection,         ///< net.ErrClosed: use of a closed connection
  IOTimeout,                ///< os.ErrDeadlineExceeded: an I/O deadline passed
  ContextCanceled,          ///< context.Canceled
  ContextDeadlineExceeded,  ///< context.DeadlineExceeded
  InvalidArgument,          ///< malformed input given to a parser or setter
};

namespace detail {
class Category final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "gost"; }
  [[nodiscard]] std::string message(int code) const override {
    switch (static_cast<Code>(code)) {
      case Code::Generic: return "error";
      case Code::EndOfFile: return "EOF";
      case Code::ClosedConnection: return "use of closed network connection";
      case Code::IOTimeout: return "i/o timeout";
      case Code::ContextCanceled: return "context canceled";
      case Code::ContextDeadlineExceeded: return "context deadline exceeded";
      case Code::InvalidArgument: return "invalid argument";
    }
    return "unknown gost error " + std::to_string(code);
  }
};
}  // namespace detail

/// The library's error category ("gost"). One instance per program.
inline const std::error_category& category() noexcept {
  static const detail::Category instance;
  return instance;
}

/// Lets `std::error_code ec = errors::Code::IOTimeout;` and comparisons work.
inline std::error_code make_error_code(Code c) noexcept { return {static_cast<int>(c), category()}; }

/// Whether an error code means a deadline or timeout passed.
inline bool IsTimeoutCode(std::error_code ec) noexcept {
  if (ec.category() == category()) {
    return ec.value() == static_cast<int>(Code::IOTimeout) ||
           ec.value() == static_cast<int>(Code::ContextDeadlineExceeded);
  }
  return ec == std::errc::timed_out;
}

}  // namespace errors
}  // namespace gost::core

template <>
struct std::is_error_code_enum<gost::core::errors::Code> : std::true_type {};

namespace gost::core {

/// What a rich error implements: Go's `error` interface together with the
/// optional `Timeout`, `Temporary` (net.Error) and `Unwrap` methods.
/// Implementations are immutable once built and shared between copies of the
/// Error that holds them, so every method must be safe to call concurrently.
class ErrorBase {
 public:
  virtual ~ErrorBase() = default;
  /// The human-readable text, as Go's Error() gives it.
  [[nodiscard]] virtual std::string Error() const = 0;
  /// The code that errors::Is compares; Code::Generic when there is none.
  [[nodiscard]] virtual std::error_code Code() const noexcept = 0;
  /// True when the failure was a timeout (net.Error).
  [[nodiscard]] virtual bool Timeout() const noexcept { return false; }
  /// True when retrying may succeed (net.Error).
  [[nodiscard]] virtual bool Temporary() const noexcept { return false; }
  /// The wrapped cause, or an empty Error when there is none.
  [[nodiscard]] virtual core::Error Unwrap() const;

 protected:
  /// Only derived classes build, copy and assign an ErrorBase (no slicing
  /// through the base).
  ///@{
  ErrorBase() = default;
  ErrorBase(const ErrorBase&) = default;
  ErrorBase(ErrorBase&&) = default;
  ErrorBase& operator=(const ErrorBase&) = default;
  ErrorBase& operator=(ErrorBase&&) = default;
  ///@}
};

/// An error value; the empty (default) Error means success, like Go's nil.
///
/// It holds either a bare error code (no allocation: how the sentinels and
/// hot I/O paths report) or a shared, immutable ErrorBase (a message, a
/// wrapped cause, a custom type). Copies are cheap and thread-safe.
class Error {
 public:
  /// No error.
  Error() noexcept = default;
  /// An error that is just a code; a zero (success) code gives no error.
  Error(std::error_code code) noexcept : code_(code) {}  // NOLINT(google-explicit-constructor)
  /// An error from an enum registered with std::is_error_code_enum.
  template <class E>
  requires std::is_error_code_enum_v<E> Error(E e)  // NOLINT(google-explicit-constructor)
  noexcept : Error(std::error_code(make_error_code(e))) {}
  /// An error backed by a custom implementation; null gives no error.
  explicit Error(std::shared_ptr<const ErrorBase> rep) noexcept : rep_(std::move(rep)) {}

  /// True when this holds an error.
  explicit operator bool() const noexcept { return rep_ != nullptr || static_cast<bool>(code_); }

  /// The text of the error ("" when there is none).
  [[nodiscard]] std::string Message() const {
    if (rep_) return rep_->Error();
    return code_ ? code_.message() : std::string();
  }
  /// The code compared by errors::Is (a zero code when there is no error).
  [[nodiscard]] std::error_code Code() const noexcept { return rep_ ? rep_->Code() : code_; }
  /// True for timeouts: I/O deadlines and context deadlines.
  [[nodiscard]] bool Timeout() const noexcept { return rep_ ? rep_->Timeout() : errors::IsTimeoutCode(code_); }
  /// True when retrying may succeed; timeouts count as temporary, as in Go.
  [[nodiscard]] bool Temporary() const noexcept { return rep_ ? rep_->Temporary() : errors::IsTimeoutCode(code_); }
  /// The wrapped cause, or an empty Error.
  [[nodiscard]] Error Unwrap() const { return rep_ ? rep_->Unwrap() : Error(); }
  /// The implementation behind a rich error, or null for a bare code.
  [[nodiscard]] const ErrorBase* Get() const noexcept { return rep_.get(); }

  /// Equal when both are empty, share one implementation, or carry the same
  /// code and text. Use errors::Is to look through wrapped causes.
  friend bool operator==(const Error& a, const Error& b) {
    if (a.rep_ == b.rep_ && a.code_ == b.code_) return true;
    return a.Code() == b.Code() && a.Message() == b.Message();
  }

  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Error& e) {
    return os << (e ? e.Message() : std::string("<nil>"));
  }

 private:
  std::error_code code_;
  std::shared_ptr<const ErrorBase> rep_;
};

inline Error ErrorBase::Unwrap() const { return {}; }

namespace errors {

namespace detail {
// The error New, WithCode and Wrap build.
class Message final : public ErrorBase {
 public:
  Message(std::string text, std::error_code code, core::Error cause)
      : text_(std::move(text)), code_(code), cause_(std::move(cause)) {}
  [[nodiscard]] std::string Error() const override {
    if (!cause_) return text_;
    if (text_.empty()) return cause_.Message();
    return text_ + ": " + cause_.Message();
  }
  [[nodiscard]] std::error_code Code() const noexcept override { return code_; }
  [[nodiscard]] bool Timeout() const noexcept override { return cause_ ? cause_.Timeout() : IsTimeoutCode(code_); }
  [[nodiscard]] bool Temporary() const noexcept override { return cause_ ? cause_.Temporary() : IsTimeoutCode(code_); }
  [[nodiscard]] core::Error Unwrap() const override { return cause_; }

 private:
  std::string text_;
  std::error_code code_;
  core::Error cause_;
};

// The one place that builds a Message, for New, WithCode and Wrap.
inline core::Error MakeMessage(std::string text, std::error_code code, core::Error cause) {
  return core::Error(std::make_shared<const Message>(std::move(text), code, std::move(cause)));
}
}  // namespace detail

/// A new error with its own identity, as Go's errors.New: errors::Is matches
/// it (and anything wrapping it) only against itself or its copies.
inline Error New(std::string text) {
  return detail::MakeMessage(std::move(text), Code::Generic, Error());
}

/// An error with a code and a more specific text, e.g. a parse failure:
/// `errors::WithCode(Code::InvalidArgument, "net: invalid IP address \"x\"")`.
/// errors::Is matches it against any error with the same code.
inline Error WithCode(std::error_code code, std::string text) {
  return detail::MakeMessage(std::move(text), code, Error());
}

/// Adds context to a cause, as Go's fmt.Errorf("text: %w", cause). The result
/// reads "text: <cause>", keeps the cause's code, Timeout and Temporary, and
/// unwraps to the cause. Wrapping an empty Error gives an empty Error.
inline Error Wrap(Error cause, std::string text) {
  if (!cause) return {};
  const auto code = cause.Code();
  return detail::MakeMessage(std::move(text), code, std::move(cause));
}

/// The cause wrapped by err, or an empty Error (Go's errors.Unwrap).
inline Error Unwrap(const Error& err) { return err.Unwrap(); }

/// Reports whether err or any cause it wraps matches target (Go's
/// errors.Is). A link matches when it shares target's implementation, or when
/// target has a code other than Code::Generic and the link has that code.
/// An empty target matches only an empty err.
inline bool Is(const Error& err, const Error& target) {
  if (!target) return !err;
  const auto want = target.Code();
  const bool by_code = !(want == Code::Generic);
  for (Error e = err; e; e = e.Unwrap()) {
    if (target.Get() != nullptr && e.Get() == target.Get()) return true;
    if (by_code && e.Code() == want) return true;
    if (target.Get() == nullptr && e.Get() == nullptr && e.Code() == want) return true;
  }
  return false;
}

/// The first error in err's chain whose implementation is a T, or null
/// (Go's errors.As). The pointer lives as long as err or a copy of it.
template <class T>
const T* As(const Error& err) {
  for (Error e = err; e; e = e.Unwrap()) {
    if (const auto* p = dynamic_cast<const T*>(e.Get())) return p;
  }
  return nullptr;
}

}  // namespace errors
}  // namespace gost::core
