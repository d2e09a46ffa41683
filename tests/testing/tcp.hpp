// A loopback TCP net::Conn and net::Listener over POSIX sockets, written for
// the conformance suites to test themselves against a real network stack.
//
// Blocking sockets; every call first waits with poll() in slices of at most
// 10 ms and then reads, writes or accepts without blocking. Between slices it
// looks at the deadline and the closed flag again, so a deadline moved while
// a call waits takes effect within a slice. Close shuts the socket down
// (which wakes pending polls at once) and the descriptor itself is closed by
// the destructor, when no call can still be using it.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <system_error>
#include <utility>

#include "gost/core/go/errors.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/time.hpp"

namespace gost_test::tcp {

namespace core = gost::core;
namespace net = gost::core::net;

inline core::Error SysError(int err) { return core::Error(std::error_code(err, std::system_category())); }

// Close of a socket that its blocked calls poll: the first call flags it
// closed and shuts the socket down (which wakes them); a later one fails
// with ErrClosed.
inline core::Error ShutDownOnce(std::atomic<bool>& closed, int fd) {
  bool expected = false;
  if (!closed.compare_exchange_strong(expected, true)) return net::ErrClosed;
  (void)::shutdown(fd, SHUT_RDWR);
  return {};
}

inline net::Addr AddrOf(const sockaddr_in& sa) {
  char text[INET_ADDRSTRLEN] = {};  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  ::inet_ntop(AF_INET, &sa.sin_addr, text, sizeof(text));
  return {"tcp", std::string(text) + ":" + std::to_string(ntohs(sa.sin_port))};
}

// Nanoseconds since the epoch; 0 means "no deadline".
inline std::int64_t Encode(core::Time t) noexcept {
  return core::IsZero(t) ? 0 : std::max<std::int64_t>(1, t.time_since_epoch().count());
}

// How long one poll may wait: up to the deadline, and at most 10 ms.
// Negative when the deadline has passed.
inline int SliceMillis(std::int64_t deadline_ns) {
  constexpr int kSlice = 10;
  if (deadline_ns == 0) return kSlice;
  const auto left = std::chrono::nanoseconds(deadline_ns) - core::Now().time_since_epoch();
  if (left <= std::chrono::nanoseconds::zero()) return -1;
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
  return static_cast<int>(std::min<std::int64_t>(ms, kSlice));
}

class Conn final : public net::Conn {
 public:
  explicit Conn(int fd) : fd_(fd) {
    sockaddr_in sa{};
    socklen_t len = sizeof(sa);
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&sa), &len) == 0) local_ = AddrOf(sa);  // NOLINT
    len = sizeof(sa);
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&sa), &len) == 0) remote_ = AddrOf(sa);  // NOLINT
    const int one = 1;
    (void)::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  }
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
  ~Conn() override {
    if (!closed_.load()) (void)::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
  }

  core::io::IOResult Read(std::span<std::byte> b) override {
    for (;;) {
      if (closed_.load()) return {0, net::ErrClosed};
      const int wait = SliceMillis(read_deadline_.load());
      if (wait < 0) return {0, net::ErrDeadlineExceeded};
      if (b.empty()) return {0, {}};
      pollfd p{fd_, POLLIN, 0};
      const int rc = ::poll(&p, 1, wait);
      if (rc < 0 && errno != EINTR) return {0, SysError(errno)};
      if (rc <= 0) continue;
      if (closed_.load()) return {0, net::ErrClosed};
      const ssize_t n = ::recv(fd_, b.data(), b.size(), MSG_DONTWAIT);
      if (n > 0) return {static_cast<std::size_t>(n), {}};
      if (n == 0) return {0, core::io::ErrEOF};
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return {0, SysError(errno)};
    }
  }

  core::io::IOResult Write(std::span<const std::byte> b) override {
    std::size_t done = 0;
    for (;;) {
      if (done == b.size() && done > 0) return {done, {}};
      if (closed_.load()) return {done, net::ErrClosed};
      const int wait = SliceMillis(write_deadline_.load());
      if (wait < 0) return {done, net::ErrDeadlineExceeded};
      if (b.empty()) return {0, {}};
      pollfd p{fd_, POLLOUT, 0};
      const int rc = ::poll(&p, 1, wait);
      if (rc < 0 && errno != EINTR) return {done, SysError(errno)};
      if (rc <= 0) continue;
      if (closed_.load()) return {done, net::ErrClosed};
      const ssize_t n = ::send(fd_, b.data() + done, b.size() - done, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0) {
        done += static_cast<std::size_t>(n);
      } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        return {done, SysError(errno)};
      }
    }
  }

  core::Error Close() override { return ShutDownOnce(closed_, fd_); }

  [[nodiscard]] net::Addr LocalAddr() const override { return local_; }
  [[nodiscard]] net::Addr RemoteAddr() const override { return remote_; }

  core::Error SetDeadline(core::Time t) override {
    if (closed_.load()) return net::ErrClosed;
    read_deadline_.store(Encode(t));
    write_deadline_.store(Encode(t));
    return {};
  }
  core::Error SetReadDeadline(core::Time t) override {
    if (closed_.load()) return net::ErrClosed;
    read_deadline_.store(Encode(t));
    return {};
  }
  core::Error SetWriteDeadline(core::Time t) override {
    if (closed_.load()) return net::ErrClosed;
    write_deadline_.store(Encode(t));
    return {};
  }

 private:
  const int fd_;
  net::Addr local_;
  net::Addr remote_;
  std::atomic<bool> closed_{false};
  std::atomic<std::int64_t> read_deadline_{0};
  std::atomic<std::int64_t> write_deadline_{0};
};

// Connects to a listening loopback address.
inline core::Result<net::ConnUniquePtr> Dial(const sockaddr_in& to) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return SysError(errno);
  int rc = 0;
  do {
    rc = ::connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof(to));  // NOLINT
  } while (rc < 0 && errno == EINTR);
  if (rc < 0) {
    const int err = errno;
    ::close(fd);
    return SysError(err);
  }
  return net::ConnUniquePtr(std::make_unique<Conn>(fd));
}

class Listener final : public net::Listener {
 public:
  // Listens on 127.0.0.1 at a port the system picks.
  static core::Result<std::unique_ptr<Listener>> Listen() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return SysError(errno);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    socklen_t len = sizeof(sa);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) < 0 ||                           // NOLINT
        ::listen(fd, 64) < 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len) < 0) {  // NOLINT
      const int err = errno;
      ::close(fd);
      return SysError(err);
    }
    return std::unique_ptr<Listener>(new Listener(fd, sa));
  }

  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  ~Listener() override {
    if (!closed_.load()) (void)::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
  }

  core::Result<net::ConnUniquePtr> Accept() override {
    for (;;) {
      if (closed_.load()) return net::ErrClosed;
      pollfd p{fd_, POLLIN, 0};
      const int rc = ::poll(&p, 1, 10);
      if (rc < 0 && errno != EINTR) return SysError(errno);
      if (rc <= 0) continue;
      if (closed_.load()) return net::ErrClosed;
      const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c >= 0) return net::ConnUniquePtr(std::make_unique<Conn>(c));
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED) {
        if (closed_.load()) return net::ErrClosed;
        return SysError(errno);
      }
    }
  }

  core::Error Close() override { return ShutDownOnce(closed_, fd_); }

  [[nodiscard]] net::Addr Addr() const override { return addr_; }

  // Where to connect to.
  [[nodiscard]] const sockaddr_in& SockAddr() const noexcept { return sa_; }

 private:
  Listener(int fd, const sockaddr_in& sa) : fd_(fd), sa_(sa), addr_(AddrOf(sa)) {}

  const int fd_;
  const sockaddr_in sa_;
  const net::Addr addr_;
  std::atomic<bool> closed_{false};
};

}  // namespace gost_test::tcp
