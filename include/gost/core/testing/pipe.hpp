// gost-core testing kit: an in-memory connection pair (net::Pipe) and an
// in-memory listener (net::PipeListener) with a matching dialer.
//
//   auto [client, server] = net::Pipe();      // two connected net::Conn ends
//   net::PipeListener ln;                       // Accept() blocks until a Dial
//   auto conn = ln.Dial(ctx);                   // the client end; Accept gets the server end
//   auto dialer = ln.Dialer();                  // the same as a common::net::Dialer
//
// The pipe follows Go's net.Pipe: it is synchronous and has no buffer. A
// Write hands its bytes to the other end's Reads and returns only once they
// have taken all of them (or on error), so a test never loses data in a
// hidden buffer, and a writer nobody reads from blocks, as a real socket
// eventually does. Details:
//  * Read returns as soon as it has copied some bytes: at most the buffer's
//    size, at most what the current Write has left. Concurrent Writes on one
//    end do not interleave: each waits for the previous one to finish.
//  * A zero-length Read or Write returns {0, no error} at once, unless the
//    call would fail anyway (closed end, passed deadline).
//  * Deadlines work as the Conn contract says: a passed deadline makes calls
//    fail with net::ErrDeadlineExceeded (Timeout() true); pending calls wake
//    when it passes, or at once when it is moved into the past; Time{}
//    clears it. The read and write deadlines of each end are independent.
//  * Close: calls on the closed end fail with net::ErrClosed (Close too, the
//    second time). The other end's Read gets io::ErrEOF; its Write fails with
//    an error that matches net::ErrClosed under errors::Is and reads
//    "io: read/write on closed pipe" (Go's io.ErrClosedPipe). Pending calls
//    on either end wake. A Write cut short reports how much went through.
//  * Both addresses are Addr{"pipe", "pipe"}. Destroying an end closes it.
//  * Every method may be called from any thread; the state is guarded by one
//    mutex per pipe, so it is clean under ThreadSanitizer.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "gost/core/common/net/dialer.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/time.hpp"

namespace gost::core::net {

namespace detail {

// The shared state of one pipe: two flows of bytes, one per direction.
class PipeCore {
 public:
  io::IOResult Read(int end, std::span<std::byte> b) {
    std::unique_lock lock(mu_);
    Flow& in = flow_[Other(end)];
    for (;;) {
      if (closed_[end]) return {0, ErrClosed};
      if (closed_[Other(end)]) return {0, io::ErrEOF};
      if (Passed(read_deadline_[end])) return {0, ErrDeadlineExceeded};
      if (b.empty()) return {0, {}};
      if (in.left > 0) {
        const std::size_t n = std::min(b.size(), in.left);
        std::memcpy(b.data(), in.data, n);
        in.data += n;
        in.left -= n;
        if (in.left == 0) cv_.notify_all();  // the writer may return
        return {n, {}};
      }
      Wait(lock, read_deadline_[end]);
    }
  }

  io::IOResult Write(int end, std::span<const std::byte> b) {
    std::unique_lock lock(mu_);
    Flow& out = flow_[end];
    // One Write at a time per direction, so two Writes never interleave.
    for (;;) {
      if (Error err = WriteError(end)) return {0, err};
      if (!out.busy) break;
      Wait(lock, write_deadline_[end]);
    }
    if (b.empty()) return {0, {}};
    out.busy = true;
    out.data = b.data();
    out.left = b.size();
    cv_.notify_all();  // readers waiting for data
    Error err;
    while (out.left > 0) {
      err = WriteError(end);
      if (err) break;
      Wait(lock, write_deadline_[end]);
    }
    const std::size_t n = b.size() - out.left;
    out = Flow{};
    cv_.notify_all();  // the next writer
    return {n, err};
  }

  Error Close(int end) {
    std::lock_guard lock(mu_);
    if (closed_[end]) return ErrClosed;
    closed_[end] = true;
    cv_.notify_all();
    return {};
  }

  Error SetDeadline(int end, Time t, bool read, bool write) {
    std::lock_guard lock(mu_);
    if (closed_[end]) return ErrClosed;
    if (read) read_deadline_[end] = t;
    if (write) write_deadline_[end] = t;
    cv_.notify_all();  // pending calls recompute how long to wait
    return {};
  }

 private:
  struct Flow {
    const std::byte* data = nullptr;  // the pending Write's bytes not yet read
    std::size_t left = 0;
    bool busy = false;  // a Write is under way
  };

  static constexpr int Other(int end) noexcept { return 1 - end; }

  static bool Passed(Time deadline) noexcept { return !IsZero(deadline) && Now() >= deadline; }

  // The closed-pipe error seen by a writer whose peer has gone (Go's
  // io.ErrClosedPipe); same code as net::ErrClosed.
  static const Error& PeerClosed() {
    static const Error err = errors::WithCode(errors::Code::ClosedConnection, "io: read/write on closed pipe");
    return err;
  }

  Error WriteError(int end) const {
    if (closed_[end]) return ErrClosed;
    if (closed_[Other(end)]) return PeerClosed();
    if (Passed(write_deadline_[end])) return ErrDeadlineExceeded;
    return {};
  }

  // Waits for any change of state, or until the deadline (read afresh on
  // each call, so moving it takes effect at the next wake-up).
  void Wait(std::unique_lock<std::mutex>& lock, const Time& deadline) {
    const Time d = deadline;
    if (IsZero(d)) {
      cv_.wait(lock);
    } else {
      cv_.wait_until(lock, d);
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  // NOLINTBEGIN(cppcoreguidelines-avoid-c-arrays): per-end state, indexed by the int end number
  Flow flow_[2];  // flow_[e]: written by end e, read by the other end
  bool closed_[2] = {false, false};
  Time read_deadline_[2] = {};
  Time write_deadline_[2] = {};
  // NOLINTEND(cppcoreguidelines-avoid-c-arrays)
};

// One end of a pipe.
class PipeEnd final : public Conn {
 public:
  PipeEnd(std::shared_ptr<PipeCore> core, int end) noexcept : core_(std::move(core)), end_(end) {}
  PipeEnd(const PipeEnd&) = delete;
  PipeEnd& operator=(const PipeEnd&) = delete;
  ~PipeEnd() override { (void)core_->Close(end_); }

  io::IOResult Read(std::span<std::byte> b) override { return core_->Read(end_, b); }
  io::IOResult Write(std::span<const std::byte> b) override { return core_->Write(end_, b); }
  Error Close() override { return core_->Close(end_); }
  [[nodiscard]] net::Addr LocalAddr() const override { return {"pipe", "pipe"}; }
  [[nodiscard]] net::Addr RemoteAddr() const override { return {"pipe", "pipe"}; }
  Error SetDeadline(Time t) override { return core_->SetDeadline(end_, t, true, true); }
  Error SetReadDeadline(Time t) override { return core_->SetDeadline(end_, t, true, false); }
  Error SetWriteDeadline(Time t) override { return core_->SetDeadline(end_, t, false, true); }

 private:
  std::shared_ptr<PipeCore> core_;
  int end_;
};

}  // namespace detail

/// Two connected in-memory connections: what one writes, the other reads
/// (Go's net.Pipe). Synchronous and unbuffered; see the top of this header.
inline std::pair<ConnUniquePtr, ConnUniquePtr> Pipe() {
  auto core = std::make_shared<detail::PipeCore>();
  return {std::make_unique<detail::PipeEnd>(core, 0), std::make_unique<detail::PipeEnd>(core, 1)};
}

namespace detail {

// The shared state of a PipeListener, kept alive by its dialers.
class PipeListenerCore {
 public:
  PipeListenerCore(std::size_t backlog, net::Addr addr) : backlog_(backlog), addr_(std::move(addr)) {}

  Result<ConnUniquePtr> Accept() {
    std::unique_lock lock(mu_);
    for (;;) {
      if (closed_) return ErrClosed;
      if (!queue_.empty()) {
        std::shared_ptr<Pending> p = std::move(queue_.front());
        queue_.pop_front();
        p->taken = true;
        cv_.notify_all();  // its Dial may return
        return std::move(p->server);
      }
      cv_.wait(lock);
    }
  }

  Error Close() {
    std::deque<std::shared_ptr<Pending>> dropped;
    {
      std::lock_guard lock(mu_);
      if (closed_) return ErrClosed;
      closed_ = true;
      dropped.swap(queue_);
      cv_.notify_all();
    }
    // The server ends nobody accepted close here; their clients read EOF.
    for (const auto& p : dropped) p->server.reset();
    return {};
  }

  [[nodiscard]] const net::Addr& addr() const noexcept { return addr_; }

  static Result<ConnUniquePtr> Dial(const std::shared_ptr<PipeListenerCore>& self, const context::Context& ctx) {
    if (Error err = ctx.Err()) return err;
    auto [client, server] = Pipe();
    auto p = std::make_shared<Pending>();
    p->server = std::move(server);
    // Cancellation wakes the wait below; the deadline is its timeout.
    context::AfterFuncHandle wake = context::AfterFunc(ctx, [self] {
      std::lock_guard lock(self->mu_);
      self->cv_.notify_all();
    });
    Result<ConnUniquePtr> out = self->Enqueue(ctx, p, std::move(client));
    wake.Stop();
    return out;
  }

 private:
  struct Pending {
    ConnUniquePtr server;      // what Accept hands out
    bool taken = false;  // guarded by mu_
  };

  Result<ConnUniquePtr> Enqueue(const context::Context& ctx, const std::shared_ptr<Pending>& p, ConnUniquePtr client) {
    std::unique_lock lock(mu_);
    if (closed_) return ErrClosed;
    queue_.push_back(p);
    cv_.notify_all();
    const std::optional<Time> deadline = ctx.Deadline();
    for (;;) {
      // Done once accepted, or once among the first `backlog_` queued.
      if (p->taken || InBacklog(p)) return client;
      // cppcheck-suppress knownConditionTrueFalse ; Close() can set closed_ while cv_.wait releases mu_
      Error err = closed_ ? ErrClosed : ctx.Err();
      if (err) {
        auto it = std::find(queue_.begin(), queue_.end(), p);
        if (it != queue_.end()) queue_.erase(it);
        return err;
      }
      if (deadline) {
        cv_.wait_until(lock, *deadline);
      } else {
        cv_.wait(lock);
      }
    }
  }

  // Whether p waits among the first backlog_ entries of the queue.
  bool InBacklog(const std::shared_ptr<Pending>& p) const {
    const auto end = queue_.begin() + static_cast<std::ptrdiff_t>(std::min(backlog_, queue_.size()));
    return std::find(queue_.begin(), end, p) != end;
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<Pending>> queue_;  // dialed, not yet accepted
  bool closed_ = false;
  const std::size_t backlog_;
  const net::Addr addr_;
};

// A common::net::Dialer that dials one PipeListener.
class PipeDialer final : public common::net::Dialer {
 public:
  explicit PipeDialer(std::shared_ptr<PipeListenerCore> core) noexcept : core_(std::move(core)) {}
  Result<ConnUniquePtr> Dial(const context::Context& ctx, std::string_view /*network*/, std::string_view /*addr*/) override {
    return PipeListenerCore::Dial(core_, ctx);
  }

 private:
  std::shared_ptr<PipeListenerCore> core_;
};

}  // namespace detail

/// An in-memory Listener whose connections are Pipes made by its own Dial.
///
/// Dial makes a pipe, queues one end for Accept and returns the other. With
/// the default backlog of 0 it waits until an Accept has taken the queued
/// end (a rendezvous, so a test knows the server side exists); with a
/// backlog of n, a Dial returns as soon as its end is among the first n
/// waiting in the queue, as a TCP connect completes once the listen backlog
/// has room.
///
/// Accept blocks until a connection is dialed or the listener is closed.
/// Close unblocks pending Accept and Dial calls (which then fail with
/// net::ErrClosed, as every later call does; a second Close returns
/// net::ErrClosed too) and closes the queued ends nobody accepted.
/// Destroying the listener closes it. Thread-safe.
class PipeListener final : public Listener {
 public:
  /// A listener named `addr` (Addr{"pipe", "pipe"} unless given).
  explicit PipeListener(std::size_t backlog = 0, net::Addr addr = net::Addr("pipe", "pipe"))
      : core_(std::make_shared<detail::PipeListenerCore>(backlog, std::move(addr))) {}
  PipeListener(const PipeListener&) = delete;
  PipeListener& operator=(const PipeListener&) = delete;
  ~PipeListener() override { (void)core_->Close(); }

  Result<ConnUniquePtr> Accept() override { return core_->Accept(); }
  Error Close() override { return core_->Close(); }
  [[nodiscard]] net::Addr Addr() const override { return core_->addr(); }

  /// Connects to this listener and returns the client end. Fails with the
  /// context's error when `ctx` is cancelled or its deadline passes before
  /// an Accept takes the connection (only waited for once the backlog is
  /// full), and with net::ErrClosed once the listener is closed.
  [[nodiscard]] Result<ConnUniquePtr> Dial(const context::Context& ctx = {}) const {
    return detail::PipeListenerCore::Dial(core_, ctx);
  }

  /// A common::net::Dialer whose Dial (any network, any address) is this
  /// listener's Dial. It may outlive the listener; its dials then fail with
  /// net::ErrClosed.
  [[nodiscard]] common::net::DialerPtr Dialer() const { return std::make_shared<detail::PipeDialer>(core_); }

 private:
  std::shared_ptr<detail::PipeListenerCore> core_;
};

}  // namespace gost::core::net
