// mini_gost: net::Conn and net::Listener over POSIX TCP sockets, and a dialer
// that honours a context.
//
// Sockets stay in blocking mode; every call passes MSG_DONTWAIT and, when the
// kernel has nothing to give, waits in poll() with the deadline as timeout.
// Each connection owns two eventfds (one for the reading side, one for the
// writing side): changing a deadline or closing the connection writes to them,
// so a poll that is already waiting wakes up and looks at the new state.
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

#include "support.hpp"

namespace mini_gost {

namespace gc = gost::core;

/// An error holding an errno value (generic category), optionally with text.
inline gc::Error ErrnoError(int e) { return gc::Error(std::error_code(e, std::generic_category())); }
inline gc::Error ErrnoError(int e, std::string what) { return gc::errors::Wrap(ErrnoError(e), std::move(what)); }

/// A one-shot wake-up signal for poll(): an eventfd that becomes readable
/// when Signal is called and stops being readable after Drain.
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
  void Signal() const noexcept {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto r = ::write(fd_, &one, sizeof one);
  }
  void Drain() const noexcept {
    std::uint64_t v = 0;
    [[maybe_unused]] const auto r = ::read(fd_, &v, sizeof v);
  }

 private:
  int fd_;
};

enum class WaitResult { kReady, kWoken, kTimeout, kError };

/// Waits until `fd` reports `events`, `waker` is signalled, or `deadline`
/// passes (no deadline: wait as long as it takes). On kError, *err is errno.
inline WaitResult WaitFd(int fd, short events, const Waker* waker, std::optional<gc::Time> deadline, int* err) {
  for (;;) {
    int timeout_ms = -1;
    if (deadline) {
      const auto left = *deadline - gc::Now();
      if (left <= gc::Duration::zero()) return WaitResult::kTimeout;
      const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
      timeout_ms = ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
    }
    pollfd fds[2] = {{fd, events, 0}, {waker != nullptr ? waker->fd() : -1, POLLIN, 0}};  // NOLINT
    const int r = ::poll(fds, waker != nullptr ? 2 : 1, timeout_ms);
    if (r < 0) {
      if (errno == EINTR) continue;
      *err = errno;
      return WaitResult::kError;
    }
    if (r == 0) continue;  // timed out: the loop head decides with the clock
    if (waker != nullptr && (fds[1].revents & POLLIN) != 0) return WaitResult::kWoken;
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

/// A connected TCP socket as a net::Conn. Read, Write, Close and the deadline
/// setters may run on different threads at once; one reader and one writer at
/// a time. Destroying it closes the descriptor.
class TcpConn final : public gc::net::Conn, public HalfCloser {
 public:
  /// Takes `fd` (a connected socket) over; on failure the fd is closed.
  static gc::Result<gc::net::ConnUniquePtr> Make(int fd) {
    auto c = std::unique_ptr<TcpConn>(new TcpConn(fd));
    if (!c->rwake_.ok() || !c->wwake_.ok()) return ErrnoError(EMFILE, "tcp conn: eventfd");
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
      if (closed_.load()) return {0, gc::net::ErrClosed};
      const auto dl = LoadDeadline(read_deadline_);
      if (dl && gc::Now() >= *dl) return {0, gc::net::ErrDeadlineExceeded};
      const auto n = ::recv(fd_, b.data(), b.size(), MSG_DONTWAIT);
      if (n > 0) return {static_cast<std::size_t>(n), {}};
      if (n == 0) return {0, closed_.load() ? gc::net::ErrClosed : gc::io::ErrEOF};
      const int e = errno;
      if (e == EINTR) continue;
      if (e != EAGAIN && e != EWOULDBLOCK) {
        return {0, closed_.load() ? gc::net::ErrClosed : ErrnoError(e, "read tcp " + remote_.String())};
      }
      int werr = 0;
      const auto w = WaitFd(fd_, POLLIN, &rwake_, dl, &werr);
      if (w == WaitResult::kWoken) rwake_.Drain();
      if (w == WaitResult::kError) return {0, ErrnoError(werr, "poll")};
    }
  }

  gc::io::IOResult Write(std::span<const std::byte> b) override {
    std::size_t done = 0;
    while (done < b.size()) {
      if (closed_.load()) return {done, gc::net::ErrClosed};
      const auto dl = LoadDeadline(write_deadline_);
      if (dl && gc::Now() >= *dl) return {done, gc::net::ErrDeadlineExceeded};
      const auto n = ::send(fd_, b.data() + done, b.size() - done, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0) {
        done += static_cast<std::size_t>(n);
        continue;
      }
      const int e = errno;
      if (e == EINTR) continue;
      if (e != EAGAIN && e != EWOULDBLOCK) {
        return {done, closed_.load() ? gc::net::ErrClosed : ErrnoError(e, "write tcp " + remote_.String())};
      }
      int werr = 0;
      const auto w = WaitFd(fd_, POLLOUT, &wwake_, dl, &werr);
      if (w == WaitResult::kWoken) wwake_.Drain();
      if (w == WaitResult::kError) return {done, ErrnoError(werr, "poll")};
    }
    return {done, {}};
  }

  /// Shuts the socket down (the peer sees the end at once) and wakes pending
  /// calls; the descriptor itself is released by the destructor.
  gc::Error Close() override {
    if (closed_.exchange(true)) return gc::net::ErrClosed;
    ::shutdown(fd_, SHUT_RDWR);
    rwake_.Signal();
    wwake_.Signal();
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
    (void)SetReadDeadline(t);
    return SetWriteDeadline(t);
  }
  gc::Error SetReadDeadline(gc::Time t) override {
    read_deadline_.store(Encode(t));
    rwake_.Signal();
    return {};
  }
  gc::Error SetWriteDeadline(gc::Time t) override {
    write_deadline_.store(Encode(t));
    wwake_.Signal();
    return {};
  }

 private:
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

  int fd_;
  gc::net::Addr local_;
  gc::net::Addr remote_;
  Waker rwake_;
  Waker wwake_;
  std::atomic<bool> closed_{false};
  std::atomic<std::int64_t> read_deadline_{0};
  std::atomic<std::int64_t> write_deadline_{0};
};

/// Resolves "host:port" for a socket of `socktype`. `passive` for binding.
struct AddrInfoList {
  addrinfo* head = nullptr;
  AddrInfoList() = default;
  AddrInfoList(const AddrInfoList&) = delete;
  AddrInfoList& operator=(const AddrInfoList&) = delete;
  ~AddrInfoList() {
    if (head != nullptr) ::freeaddrinfo(head);
  }
};

/// The error code a failed name lookup reports: "host unreachable", so that
/// protocol handlers can tell the client the right thing.
inline gc::Error LookupError(std::string_view host, int gai) {
  std::string text = "lookup ";
  text.append(host).append(": ").append(::gai_strerror(gai));
  return gc::errors::WithCode(std::make_error_code(std::errc::host_unreachable), std::move(text));
}

inline gc::Error Resolve(std::string_view network, std::string_view address, bool passive, AddrInfoList& out) {
  auto hp = gc::net::SplitHostPort(address);
  if (!hp) return hp.error();
  addrinfo hints{};
  hints.ai_family = network == "tcp4" ? AF_INET : network == "tcp6" ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = passive ? AI_PASSIVE : 0;
  const std::string host = hp->host;
  const std::string port = hp->port.empty() ? "0" : hp->port;
  const int r = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &out.head);
  if (r != 0) return LookupError(host, r);
  return {};
}

/// A listening TCP socket as a net::Listener. Close wakes a pending Accept,
/// which then fails with net::ErrClosed.
class TcpNetListener final : public gc::net::Listener {
 public:
  static gc::Result<std::unique_ptr<TcpNetListener>> Listen(std::string_view network, std::string_view address) {
    if (network != "tcp" && network != "tcp4" && network != "tcp6") {
      return gc::errors::New("listen: network " + std::string(network) + " unsupported");
    }
    AddrInfoList ai;
    if (auto err = Resolve(network, address, true, ai)) return gc::errors::Wrap(err, "listen tcp");
    int last = EADDRNOTAVAIL;
    for (addrinfo* p = ai.head; p != nullptr; p = p->ai_next) {
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
      const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
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
      int werr = 0;
      if (WaitFd(fd_, POLLIN, &waker_, std::nullopt, &werr) == WaitResult::kError) {
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
                                               const Waker& waker, std::string_view address) {
  const int fd = ::socket(ai.ai_family, ai.ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai.ai_protocol);
  if (fd < 0) return ErrnoError(errno, "dial tcp " + std::string(address));
  auto fail = [&](gc::Error err) {
    ::close(fd);
    return gc::errors::Wrap(std::move(err), "dial tcp " + std::string(address));
  };
  if (::connect(fd, ai.ai_addr, ai.ai_addrlen) != 0) {
    if (errno != EINPROGRESS) return fail(ErrnoError(errno));
    for (;;) {
      if (auto err = ctx.Err()) return fail(err);
      int werr = 0;
      const auto w = WaitFd(fd, POLLOUT, &waker, ctx.Deadline(), &werr);
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
  const int flags = ::fcntl(fd, F_GETFL);
  ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
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
  if (network != "tcp" && network != "tcp4" && network != "tcp6") {
    return gc::errors::New("dial: network " + std::string(network) + " unsupported");
  }
  if (auto err = ctx.Err()) return gc::errors::Wrap(err, "dial tcp " + std::string(address));
  AddrInfoList ai;
  if (auto err = Resolve(network, address, false, ai)) return gc::errors::Wrap(err, "dial tcp " + std::string(address));
  auto waker = std::make_shared<Waker>();
  if (!waker->ok()) return ErrnoError(EMFILE, "dial: eventfd");
  // The callback may run on another thread after this function returns, so it
  // holds its own reference to the waker.
  auto handle = gc::context::AfterFunc(ctx, [waker] { waker->Signal(); });
  gc::Error first;
  for (addrinfo* p = ai.head; p != nullptr; p = p->ai_next) {
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

}  // namespace mini_gost
