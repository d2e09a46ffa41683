// gost-core port of go-gost/core listener/listener.go.
//
// A Listener accepts the inbound connections of a service, over whatever
// transport it implements (TCP, TLS, WebSocket, QUIC, a reverse tunnel...).
// AcceptError and BindError are the error types upstream ships for it.
#pragma once

#include <memory>
#include <string>
#include <system_error>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/metadata/metadata.hpp"

namespace gost::core::listener {

/// Returned by Accept once the listener is closed. Message: "accept on
/// closed listener". An errors::New value, as upstream's: it matches, under
/// errors::Is, itself and the errors that wrap it.
inline const Error ErrClosed = errors::New("accept on closed listener");

/// Accepts inbound connections for a service.
///
/// Life cycle: built with Options, Init called once with the service's
/// metadata (that is where it starts listening), then Accept is called in a
/// loop until Close. Close may be called from another thread and unblocks a
/// pending Accept, which then fails with ErrClosed.
class Listener {
  GOST_CORE_INTERFACE(Listener);

  /// Reads settings from `md` (may be null) and starts listening.
  virtual Error Init(metadata::MetadataPtr md) = 0;
  /// The next inbound connection. Errors for which Temporary() is true
  /// (AcceptError) leave the listener usable; others end the accept loop.
  virtual Result<net::ConnUniquePtr> Accept() = 0;
  /// The address being listened on.
  [[nodiscard]] virtual net::Addr Addr() const = 0;
  /// Stops listening and releases the resources.
  virtual Error Close() = 0;
};

/// A shared Listener.
using ListenerPtr = std::shared_ptr<Listener>;

namespace detail {

// What AcceptError and BindError share: a wrapper that reads as its cause
// (text, code, Unwrap) and is always Temporary(), never Timeout().
class TemporaryError : public ErrorBase {
 public:
  explicit TemporaryError(core::Error err) : err_(std::move(err)) {}
  [[nodiscard]] std::string Error() const override { return err_.Message(); }
  [[nodiscard]] std::error_code Code() const noexcept override { return err_.Code(); }
  [[nodiscard]] bool Timeout() const noexcept override { return false; }
  [[nodiscard]] bool Temporary() const noexcept override { return true; }
  [[nodiscard]] core::Error Unwrap() const override { return err_; }

 private:
  core::Error err_;
};

}  // namespace detail

/// A failure of one Accept that does not end the listener: always
/// Temporary(), never Timeout(); its text and code are its cause's, and
/// Unwrap() gives the cause. errors::As<AcceptError>(e) finds it.
class AcceptError final : public detail::TemporaryError {
 public:
  /// Wraps `err`, the cause; prefer NewAcceptError, which keeps an empty
  /// `err` empty. Upstream's methods come from the shared implementation.
  using TemporaryError::TemporaryError, TemporaryError::Error, TemporaryError::Temporary, TemporaryError::Timeout,
      TemporaryError::Unwrap;
};

/// A failure to set up a reverse tunnel (Bind) that the caller may retry:
/// always Temporary(), never Timeout(); text, code and Unwrap() are its
/// cause's. errors::As<BindError>(e) finds it.
class BindError final : public detail::TemporaryError {
 public:
  /// Wraps `err`, the cause; prefer NewBindError, which keeps an empty
  /// `err` empty. Upstream's methods come from the shared implementation.
  using TemporaryError::TemporaryError, TemporaryError::Error, TemporaryError::Temporary, TemporaryError::Timeout,
      TemporaryError::Unwrap;
};

namespace detail {

// `err` wrapped in a new E; an empty `err` stays empty.
template <class E>
Error Wrap(Error err) {
  if (!err) return {};
  return Error(std::make_shared<const E>(std::move(err)));
}

}  // namespace detail

/// Wraps `err` in an AcceptError (an empty `err` gives an empty Error).
inline Error NewAcceptError(Error err) { return detail::Wrap<AcceptError>(std::move(err)); }

/// Wraps `err` in a BindError (an empty `err` gives an empty Error).
inline Error NewBindError(Error err) { return detail::Wrap<BindError>(std::move(err)); }

}  // namespace gost::core::listener
