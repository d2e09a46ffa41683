// mini_gost: net::Conn and net::Listener over POSIX TCP sockets, and a dialer
// that honours a context.
//
// Sockets are non-blocking: every call tries the operation first and, when
// the kernel has nothing to give, waits in poll() with the deadline as
// timeout. Each connection and each listener owns one eventfd (a Waker):
// changing a deadline or closing writes to it, so a poll that is already
// waiting wakes up and looks at the new state.
//
// TcpConn is also an io::ReaderFrom: io::Copy from one TcpConn to another
// moves the bytes with splice(2) through a pipe, without copying them into
// user memory; that is what the relay of a proxied connection runs on.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/io.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/go/time.hpp>

#include "reference/net.hpp"
#include "reference/route.hpp"
#include "support.hpp"

namespace mini_gost {

namespace gc = gost::core;

/// An error holding an errno value (generic category), optionally with text.
inline gc::Error ErrnoError(int e) { return gc::Error(std::error_code(e, std::generic_category())); }
inline gc::Error ErrnoError(int e, std::string what) { return gc::errors::Wrap(ErrnoError(e), std::move(what)); }

/// Wakes the threads that wait in poll() on one object (a connection's reader
/// and writer, a listener's Accept, a dial) when its state changes: a deadline
/// moved, the object was closed, a context was cancelled. One eventfd serves
/// any number of waiting threads:
///  * A thread holds a Waker::Waiting from before it looks at the state it
///    waits on until its poll() (which includes fd()) has returned.
///  * Signal makes the eventfd readable when somebody is waiting, which wakes
///    every waiting poll(). The eventfd is drained only once each thread that
///    was waiting at the time of the latest Signal has stopped waiting, so a
///    thread that wakes first cannot swallow the signal another one needs.
///    A thread that started waiting after Signal looked at the new state
///    already and needs no wake-up.
class Waker {
 public:
  Waker() noexcept : fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}
  Waker(const Waker&) = delete;
  Waker& operator=(const Waker&) = delete;
  ~Waker() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] bool ok() const noexcept { return fd_ >= 0; }
  [[nodiscard]] int fd() const noexcept { return fd_; }

  void Signal() {
    std::lock_guard lock(mu_);
    if (waiting_ == 0) return;
    ++generation_;
    unseen_ = waiting_;
    if (!readable_) {
      const std::uint64_t one = 1;
      readable_ = ::write(fd_, &one, sizeof one) == static_cast<ssize_t>(sizeof one);
    }
  }

  /// One thread's wait, from before it reads the state to after its poll.
  class Waiting {
   public:
    explicit Waiting(Waker& w) : w_(w) {
      std::lock_guard lock(w_.mu_);
      ++w_.waiting_;
      generation_ = w_.generation_;
    }
    Waiting(const Waiting&) = delete;
    Waiting& operator=(const Waiting&) = delete;
    ~Waiting() {
      std::lock_guard lock(w_.mu_);
      --w_.waiting_;
      if (generation_ != w_.generation_) --w_.unseen_;
      if (w_.readable_ && w_.unseen_ == 0) {
        std::uint64_t v = 0;
        [[maybe_unused]] const auto r = ::read(w_.fd_, &v, sizeof v);
        w_.readable_ = false;
      }
    }

   private:
    Waker& w_;
    std::uint64_t generation_;
  };

 private:
  int fd_;
  std::mutex mu_;
  std::uint64_t generation_ = 0;  // Signals that found somebody waiting
  int waiting_ = 0;               // threads inside a Waiting
  int unseen_ = 0;                // of those, how many began before the latest Signal
  bool readable_ = false;         // the eventfd holds a count
};

enum class WaitResult { kReady, kWoken, kTimeout, kError };

/// Waits until `fd` reports `events`, `waker_fd` (-1: none) becomes readable,
/// or `deadline` passes (no deadline: wait as long as it takes). On kError,
/// *err is errno.
inline WaitResult WaitFd(int fd, short events, int waker_fd, std::optional<gc::Time> deadline, int* err) {
  for (;;) {
    int timeout_ms = -1;
    if (deadline) {
      const auto left = *deadline - gc::Now();
      if (left <= gc::Duration::zero()) return WaitResult::kTimeout;
      const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
      timeout_ms = ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
    }
    pollfd fds[2] = {{fd, events, 0}, {waker_fd, POLLIN, 0}};  // NOLINT
    const int r = ::poll(fds, waker_fd >= 0 ? 2 : 1, timeout_ms);
    if (r < 0) {
      if (errno == EINTR) continue;
      *err = errno;
      return WaitResult::kError;
    }
    if (r == 0) continue;  // timed out: the loop head decides with the clock
    if (waker_fd >= 0 && (fds[1].revents & POLLIN) != 0) return WaitResult::kWoken;
    if (fds[0].revents != 0) return WaitResult::kReady;
  }
}

/// "ip:port" of a socket address ("[v6]:port" for IPv6).
inline std::string SockAddrString(const sockaddr_storage& ss) {
  char host[INET6_ADDRSTRLEN] = {};  // NOLINT
  unsigned port = 0;
  if (ss.ss_family == AF_INET) {
    const auto* sin = reinterpret_cast<const sockaddr_in*>(&ss);  // NOLINT
    ::inet_ntop(AF_INET, &sin->sin_addr, host, sizeof host);
    port = ntohs(sin->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(&ss);  // NOLINT
    ::inet_ntop(AF_INET6, &sin6->sin6_addr, host, sizeof host);
    port = ntohs(sin6->sin6_port);
  } else {
    return {};
  }
  return gc::net::JoinHostPort(host, std::to_string(port));
}

inline gc::net::Addr LocalAddrOf(int fd) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return {};  // NOLINT
  return {"tcp", SockAddrString(ss)};
}

inline gc::net::Addr RemoteAddrOf(int fd) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return {};  // NOLINT
  return {"tcp", SockAddrString(ss)};
}

/// Hides everything of a Writer but Write, so that io::Copy does not find
/// the ReadFrom of the object behind it (Go's writerOnly, for the same use: a
/// ReadFrom that falls back to io::Copy must not be called again).
class WriterOnly final : public gc::io::Writer {
 public:
  explicit WriterOnly(gc::io::Writer& w) : w_(w) {}
  gc::io::IOResult Write(std::span<const std::byte> b) override { return w_.Write(b); }

 private:
  gc::io::Writer& w_;
};

/// A connected TCP socket as a net::Conn. Read, Write, Close and the deadline
/// setters may run on different threads at once; one reader and one writer at
/// a time. Destroying it closes the descriptor. It holds two descriptors:
/// the socket and its Waker's eventfd.
///
/// As an io::ReaderFrom, it takes the bytes of another TcpConn with splice(2):
/// socket -> pipe -> socket, so the bytes never enter user memory. The pipe
/// (two more descriptors) is made when the first bytes arrive and closed when
/// the copy returns. From any other Reader, or where the kernel cannot
/// splice, it reads and writes through a pooled buffer as io::Copy does.
class TcpConn final : public gc::net::Conn, public gc::io::ReaderFrom, public HalfCloser {
 public:
  /// Takes `fd` (a connected, non-blocking socket) over; on failure the fd
  /// is closed.
  static gc::Result<gc::net::ConnUniquePtr> Make(int fd) {
    auto c = std::unique_ptr<TcpConn>(new TcpConn(fd));
    if (!c->waker_.ok()) return ErrnoError(EMFILE, "tcp conn: eventfd");
    return gc::net::ConnUniquePtr(std::move(c));
  }

  TcpConn(const TcpConn&) = delete;
  TcpConn& operator=(const TcpConn&) = delete;
  TcpConn(TcpConn&&) = delete;
  TcpConn& operator=(TcpConn&&) = delete;
  ~TcpConn() override {
    if (!closed_.load()) (void)Close();
    ::close(fd_);
  }

  gc::io::IOResult Read(std::span<std::byte> b) override {
    if (b.empty()) return {};
    for (;;) {
      if (auto err = Usable(read_deadline_)) return {0, err};
      const auto n = ::recv(fd_, b.data(), b.size(), MSG_DONTWAIT);
      if (n > 0) return {static_cast<std::size_t>(n), {}};
      if (n == 0) return {0, closed_.load() ? gc::net::ErrClosed : gc::io::ErrEOF};
      const int e = errno;
      if (e == EINTR) continue;
      if (e != EAGAIN && e != EWOULDBLOCK) return {0, Failure(e, "read")};
      if (auto err = Await(POLLIN, read_deadline_)) return {0, err};
    }
  }

  gc::io::IOResult Write(std::span<const std::byte> b) override {
    std::size_t done = 0;
    while (done < b.size()) {
      if (auto err = Usable(write_deadline_)) return {done, err};
      const auto n = ::send(fd_, b.data() + done, b.size() - done, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0) {
        done += static_cast<std::size_t>(n);
        continue;
      }
      const int e = errno;
      if (e == EINTR) continue;
      if (e != EAGAIN && e != EWOULDBLOCK) return {done, Failure(e, "write")};
      if (auto err = Await(POLLOUT, write_deadline_)) return {done, err};
    }
    return {done, {}};
  }

  /// io::ReaderFrom: copies r into this connection until r's end (no error)
  /// or an error. Returns the bytes written here. r's read deadline and this
  /// connection's write deadline apply; closing either end stops the copy.
  gc::io::CopyResult ReadFrom(gc::io::Reader& r) override {
    if (auto* src = dynamic_cast<TcpConn*>(&r); src != nullptr && src != this) {
      if (auto done = SpliceFrom(*src)) return *done;
    }
    WriterOnly plain(*this);
    return gc::io::Copy(plain, r);
  }

  /// Shuts the socket down (the peer sees the end at once) and wakes pending
  /// calls; the descriptor itself is released by the destructor.
  gc::Error Close() override {
    if (closed_.exchange(true)) return gc::net::ErrClosed;
    ::shutdown(fd_, SHUT_RDWR);
    waker_.Signal();
    return {};
  }

  gc::Error CloseWrite() override {
    if (closed_.load()) return gc::net::ErrClosed;
    if (::shutdown(fd_, SHUT_WR) != 0) return ErrnoError(errno, "shutdown");
    return {};
  }

  [[nodiscard]] gc::net::Addr LocalAddr() const override { return local_; }
  [[nodiscard]] gc::net::Addr RemoteAddr() const override { return remote_; }

  gc::Error SetDeadline(gc::Time t) override {
    read_deadline_.store(Encode(t));
    write_deadline_.store(Encode(t));
    waker_.Signal();
    return {};
  }
  gc::Error SetReadDeadline(gc::Time t) override {
    read_deadline_.store(Encode(t));
    waker_.Signal();
    return {};
  }
  gc::Error SetWriteDeadline(gc::Time t) override {
    write_deadline_.store(Encode(t));
    waker_.Signal();
    return {};
  }

 private:
  /// How many bytes one splice(2) asks for, and the capacity asked of each
  /// pipe: 1 MiB, as Go asks, and the usual limit for unprivileged processes
  /// (/proc/sys/fs/pipe-max-size). The default, 64 KiB, needs three times the
  /// CPU per byte here. A pipe holds references to the sockets' pages, not
  /// copies; when the kernel refuses the size (a user over its pipe quota),
  /// the copy goes on with the default.
  static constexpr int kPipeSize = 1024 * 1024;

  explicit TcpConn(int fd) : fd_(fd), local_(LocalAddrOf(fd)), remote_(RemoteAddrOf(fd)) {}

  // Deadlines are kept as nanoseconds since the epoch; 0 means none.
  static std::int64_t Encode(gc::Time t) {
    if (gc::IsZero(t)) return 0;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
    return ns == 0 ? 1 : ns;
  }
  static std::optional<gc::Time> LoadDeadline(const std::atomic<std::int64_t>& a) {
    const auto ns = a.load();
    if (ns == 0) return std::nullopt;
    return gc::Time{} + std::chrono::duration_cast<gc::Time::duration>(std::chrono::nanoseconds(ns));
  }

  // Why a call must fail before it tries: closed, or `deadline` passed.
  [[nodiscard]] gc::Error Usable(const std::atomic<std::int64_t>& deadline) const {
    if (closed_.load()) return gc::net::ErrClosed;
    const auto dl = LoadDeadline(deadline);
    if (dl && gc::Now() >= *dl) return gc::net::ErrDeadlineExceeded;
    return {};
  }

  // The error for a failed socket call: net::ErrClosed once closed.
  [[nodiscard]] gc::Error Failure(int e, const char* op) const {
    if (closed_.load()) return gc::net::ErrClosed;
    return ErrnoError(e, std::string(op) + " tcp " + remote_.String());
  }

  // Waits until the socket reports `events`, the state changes (Close, a
  // deadline moved) or `deadline` passes. An error ends the call; an empty
  // one means "try again" (the caller looks at the state first).
  gc::Error Await(short events, const std::atomic<std::int64_t>& deadline) {
    Waker::Waiting waiting(waker_);
    if (auto err = Usable(deadline)) return err;
    int werr = 0;
    if (WaitFd(fd_, events, waker_.fd(), LoadDeadline(deadline), &werr) == WaitResult::kError) {
      return ErrnoError(werr, "poll");
    }
    return {};
  }

  // Moves src's bytes into this socket through a pipe with splice(2), until
  // src's end or an error. The pipe is made once src has data, so that a
  // copy waiting on an idle connection holds no pipe, and closed on return.
  // Empty when splicing is impossible here (no pipe could be made, or the
  // kernel refuses these descriptors) and nothing was moved: the caller then
  // copies through memory.
  std::optional<gc::io::CopyResult> SpliceFrom(TcpConn& src) {
    constexpr unsigned kFlags = SPLICE_F_MOVE | SPLICE_F_NONBLOCK;
    constexpr auto kChunk = static_cast<std::size_t>(kPipeSize);
    struct Pipe {
      int fds[2] = {-1, -1};  // NOLINT(cppcoreguidelines-avoid-c-arrays)
      ~Pipe() {
        if (fds[0] >= 0) ::close(fds[0]);
        if (fds[1] >= 0) ::close(fds[1]);
      }
    } pipe;
    gc::io::CopyResult out;
    for (;;) {
      // Fill the (empty) pipe from src.
      if (auto err = src.Usable(src.read_deadline_)) return Done(out, err);
      if (closed_.load()) return Done(out, gc::net::ErrClosed);
      if (pipe.fds[0] < 0) {
        pollfd ready{src.fd_, POLLIN, 0};
        if (::poll(&ready, 1, 0) == 0) {  // nothing to read yet
          if (auto err = src.Await(POLLIN, src.read_deadline_)) return Done(out, err);
          continue;
        }
        if (::pipe2(pipe.fds, O_CLOEXEC | O_NONBLOCK) != 0) return std::nullopt;
        (void)::fcntl(pipe.fds[1], F_SETPIPE_SZ, kPipeSize);  // keeps the default size if refused
      }
      const auto got = ::splice(src.fd_, nullptr, pipe.fds[1], nullptr, kChunk, kFlags);
      if (got == 0) return Done(out, src.closed_.load() ? gc::net::ErrClosed : gc::Error());
      if (got < 0) {
        const int e = errno;
        if (e == EINTR) continue;
        if (e == EAGAIN) {
          if (auto err = src.Await(POLLIN, src.read_deadline_)) return Done(out, err);
          continue;
        }
        if ((e == EINVAL || e == ENOSYS) && out.n == 0) return std::nullopt;
        return Done(out, src.Failure(e, "read"));
      }
      // Empty it into this socket.
      auto left = static_cast<std::size_t>(got);
      while (left > 0) {
        if (auto err = Usable(write_deadline_)) return Done(out, err);
        const auto put = ::splice(pipe.fds[0], nullptr, fd_, nullptr, left, kFlags);
        if (put > 0) {
          left -= static_cast<std::size_t>(put);
          out.n += put;
          continue;
        }
        const int e = put < 0 ? errno : EPIPE;
        if (e == EINTR) continue;
        if (e == EAGAIN) {
          if (auto err = Await(POLLOUT, write_deadline_)) return Done(out, err);
          continue;
        }
        return Done(out, Failure(e, "write"));
      }
    }
  }

  static gc::io::CopyResult Done(gc::io::CopyResult out, gc::Error err) {
    out.err = std::move(err);
    return out;
  }

  int fd_;
  gc::net::Addr local_;
  gc::net::Addr remote_;
  Waker waker_;
  std::atomic<bool> closed_{false};
  std::atomic<std::int64_t> read_deadline_{0};
  std::atomic<std::int64_t> write_deadline_{0};
};

/// What getaddrinfo returns, freed with freeaddrinfo.
struct FreeAddrInfo {
  void operator()(addrinfo* list) const { ::freeaddrinfo(list); }
};
using AddrInfoList = std::unique_ptr<addrinfo, FreeAddrInfo>;

/// The networks mini_gost speaks: "tcp", and "tcp4"/"tcp6" for one IP version.
inline bool IsTcpNetwork(std::string_view network) {
  return network == "tcp" || network == "tcp4" || network == "tcp6";
}

/// The error code a failed name lookup reports: "host unreachable", so that
/// protocol handlers can tell the client the right thing.
inline gc::Error LookupError(std::string_view host, int gai) {
  std::string text = "lookup ";
  text.append(host).append(": ").append(::gai_strerror(gai));
  return gc::errors::WithCode(std::make_error_code(std::errc::host_unreachable), std::move(text));
}

/// Resolves "host:port" for a stream socket of `network`; `passive` for binding.
inline gc::Result<AddrInfoList> Resolve(std::string_view network, std::string_view address, bool passive) {
  auto hp = gc::net::SplitHostPort(address);
  if (!hp) return hp.error();
  addrinfo hints{};
  hints.ai_family = network == "tcp4" ? AF_INET : network == "tcp6" ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = passive ? AI_PASSIVE : 0;
  const std::string host = hp->host;
  const std::string port = hp->port.empty() ? "0" : hp->port;
  addrinfo* list = nullptr;
  const int r = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &list);
  if (r != 0) return LookupError(host, r);
  return AddrInfoList(list);
}

/// A listening TCP socket as a net::Listener. Close wakes a pending Accept,
/// which then fails with net::ErrClosed.
class TcpNetListener final : public gc::net::Listener {
 public:
  static gc::Result<std::unique_ptr<TcpNetListener>> Listen(std::string_view network, std::string_view address) {
    if (!IsTcpNetwork(network)) {
      return gc::errors::New("listen: network " + std::string(network) + " unsupported");
    }
    auto ai = Resolve(network, address, true);
    if (!ai) return gc::errors::Wrap(ai.error(), "listen tcp");
    int last = EADDRNOTAVAIL;
    for (addrinfo* p = ai->get(); p != nullptr; p = p->ai_next) {
      const int fd = ::socket(p->ai_family, p->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, p->ai_protocol);
      if (fd < 0) {
        last = errno;
        continue;
      }
      const int one = 1;
      ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
      if (::bind(fd, p->ai_addr, p->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
        last = errno;
        ::close(fd);
        continue;
      }
      auto ln = std::unique_ptr<TcpNetListener>(new TcpNetListener(fd));
      if (!ln->waker_.ok()) return ErrnoError(EMFILE, "listen: eventfd");
      return ln;
    }
    return ErrnoError(last, "listen tcp " + std::string(address));
  }

  TcpNetListener(const TcpNetListener&) = delete;
  TcpNetListener& operator=(const TcpNetListener&) = delete;
  TcpNetListener(TcpNetListener&&) = delete;
  TcpNetListener& operator=(TcpNetListener&&) = delete;
  ~TcpNetListener() override {
    (void)Close();
    ::close(fd_);
  }

  gc::Result<gc::net::ConnUniquePtr> Accept() override {
    for (;;) {
      if (closed_.load()) return gc::net::ErrClosed;
      const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (c >= 0) {
        const int one = 1;
        ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        return TcpConn::Make(c);
      }
      const int e = errno;
      if (e == EINTR || e == ECONNABORTED || e == EPROTO) continue;
      if (e != EAGAIN && e != EWOULDBLOCK) {
        if (closed_.load()) return gc::net::ErrClosed;
        return ErrnoError(e, "accept tcp " + addr_.String());
      }
      Waker::Waiting waiting(waker_);
      if (closed_.load()) return gc::net::ErrClosed;
      int werr = 0;
      if (WaitFd(fd_, POLLIN, waker_.fd(), std::nullopt, &werr) == WaitResult::kError) {
        return ErrnoError(werr, "poll");
      }
    }
  }

  /// Stops listening: the port is released at once and a pending Accept wakes.
  gc::Error Close() override {
    if (closed_.exchange(true)) return gc::net::ErrClosed;
    ::shutdown(fd_, SHUT_RDWR);
    waker_.Signal();
    return {};
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return addr_; }

 private:
  explicit TcpNetListener(int fd) : fd_(fd), addr_(LocalAddrOf(fd)) {}

  int fd_;
  gc::net::Addr addr_;
  Waker waker_;
  std::atomic<bool> closed_{false};
};

namespace detail {

// One connect attempt to one resolved address; gives up when `ctx` is
// cancelled (the waker is signalled) or its deadline passes.
inline gc::Result<gc::net::ConnUniquePtr> ConnectOne(const gc::context::Context& ctx, const addrinfo& ai,
                                               Waker& waker, std::string_view address) {
  const int fd = ::socket(ai.ai_family, ai.ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai.ai_protocol);
  if (fd < 0) return ErrnoError(errno, "dial tcp " + std::string(address));
  auto fail = [&](gc::Error err) {
    ::close(fd);
    return gc::errors::Wrap(std::move(err), "dial tcp " + std::string(address));
  };
  if (::connect(fd, ai.ai_addr, ai.ai_addrlen) != 0) {
    if (errno != EINPROGRESS) return fail(ErrnoError(errno));
    for (;;) {
      int werr = 0;
      WaitResult w = WaitResult::kError;
      {
        Waker::Waiting waiting(waker);
        if (auto err = ctx.Err()) return fail(err);
        w = WaitFd(fd, POLLOUT, waker.fd(), ctx.Deadline(), &werr);
      }
      if (w == WaitResult::kWoken || w == WaitResult::kTimeout) {
        auto err = ctx.Err();
        return fail(err ? err : gc::context::DeadlineExceeded);
      }
      if (w == WaitResult::kError) return fail(ErrnoError(werr));
      int soerr = 0;
      socklen_t len = sizeof soerr;
      if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0) soerr = errno;
      if (soerr != 0) return fail(ErrnoError(soerr));
      break;
    }
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return TcpConn::Make(fd);
}

}  // namespace detail

/// Connects to "host:port" over TCP. Host names are resolved with the system
/// resolver (getaddrinfo, which cannot be interrupted); each address is then
/// tried in turn. The attempt stops with the context's error as soon as `ctx`
/// is cancelled or its deadline passes.
inline gc::Result<gc::net::ConnUniquePtr> DialTCP(const gc::context::Context& ctx, std::string_view network,
                                            std::string_view address) {
  if (!IsTcpNetwork(network)) {
    return gc::errors::New("dial: network " + std::string(network) + " unsupported");
  }
  if (auto err = ctx.Err()) return gc::errors::Wrap(err, "dial tcp " + std::string(address));
  auto ai = Resolve(network, address, false);
  if (!ai) return gc::errors::Wrap(ai.error(), "dial tcp " + std::string(address));
  auto waker = std::make_shared<Waker>();
  if (!waker->ok()) return ErrnoError(EMFILE, "dial: eventfd");
  // The callback may run on another thread after this function returns, so it
  // holds its own reference to the waker.
  auto handle = gc::context::AfterFunc(ctx, [waker] { waker->Signal(); });
  gc::Error first;
  for (addrinfo* p = ai->get(); p != nullptr; p = p->ai_next) {
    auto conn = detail::ConnectOne(ctx, *p, *waker, address);
    if (conn) {
      handle.Stop();
      return conn;
    }
    if (!first) first = conn.error();
    if (ctx.Err()) break;
  }
  handle.Stop();
  if (!first) first = ErrnoError(EADDRNOTAVAIL, "dial tcp " + std::string(address));
  return first;
}

/// The operating system's TCP as the reference pieces' network
/// (gost::x::Network): what go-gost/x's routes and transports dial and
/// listen on.
class SystemNetwork final : public x::Network {
 public:
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view address) override {
    return DialTCP(ctx, network, address);
  }
  gc::Result<gc::net::ListenerUniquePtr> Listen(std::string_view network, std::string_view address) override {
    auto ln = TcpNetListener::Listen(network, address);
    if (!ln) return ln.error();
    return gc::net::ListenerUniquePtr(std::move(*ln));
  }
};

/// The one SystemNetwork, and the direct route over it.
inline const x::NetworkPtr& System() {
  static const x::NetworkPtr net = std::make_shared<SystemNetwork>();
  return net;
}
inline const gc::chain::RoutePtr& DirectRoute() {
  static const gc::chain::RoutePtr route = std::make_shared<x::DirectRoute>(System());
  return route;
}

}  // namespace mini_gost
