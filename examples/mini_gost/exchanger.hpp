// mini_gost: the socket side of the reference resolver, a DNS exchange over
// UDP (go-gost/x's resolver/exchanger for "udp://" nameservers).
#pragma once

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <gost/core/go/context.hpp>
#include <gost/core/go/net.hpp>

#include "posix_net.hpp"
#include "reference/resolver.hpp"

namespace mini_gost {

namespace gc = gost::core;

/// One query, one datagram each way, to an IP:port nameserver. Waits for the
/// answer until the context's deadline (5 s at most), checking for
/// cancellation every 100 ms; answers from elsewhere are ignored (the socket
/// is connected).
class UdpExchanger final : public gost::x::resolver::Exchanger {
 public:
  /// "udp://IP:PORT", "IP:PORT" or "IP" (port 53); an error says what is wrong.
  static gc::Result<std::shared_ptr<UdpExchanger>> Parse(std::string_view s) {
    if (s.starts_with("udp://")) s.remove_prefix(6);
    if (s.find("://") != std::string_view::npos) {
      return gc::errors::New("nameserver \"" + std::string(s) + "\": only udp:// is supported");
    }
    std::string host(s), port = "53";
    if (auto hp = gc::net::SplitHostPort(s)) {
      host = hp->host;
      port = hp->port;
    }
    auto ip = gc::net::ParseIP(host);
    const int p = std::atoi(port.c_str());
    if (!ip || p <= 0 || p > 65535 || std::to_string(p) != port) {
      return gc::errors::New("nameserver \"" + std::string(s) + "\": IP[:PORT] expected");
    }
    return std::make_shared<UdpExchanger>(*ip, static_cast<std::uint16_t>(p));
  }

  UdpExchanger(gc::net::IP ip, std::uint16_t port) : ip_(ip), port_(port) {}

  gc::Result<std::vector<std::uint8_t>> Exchange(const gc::context::Context& ctx,
                                                 const std::vector<std::uint8_t>& query) override {
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (auto v4 = ip_.To4()) {
      auto* sin = reinterpret_cast<sockaddr_in*>(&ss);  // NOLINT
      sin->sin_family = AF_INET;
      sin->sin_port = htons(port_);
      std::memcpy(&sin->sin_addr, v4->data(), 4);
      len = sizeof(sockaddr_in);
    } else {
      auto* sin6 = reinterpret_cast<sockaddr_in6*>(&ss);  // NOLINT
      sin6->sin6_family = AF_INET6;
      sin6->sin6_port = htons(port_);
      std::memcpy(&sin6->sin6_addr, ip_.To16().data(), 16);
      len = sizeof(sockaddr_in6);
    }
    const int fd = ::socket(ss.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return ErrnoError(errno, "socket");
    struct Closer {
      int fd;
      ~Closer() { ::close(fd); }
    } closer{fd};
    if (::connect(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) return ErrnoError(errno, "connect");
    if (::send(fd, query.data(), query.size(), 0) < 0) return ErrnoError(errno, "send");
    auto until = std::chrono::system_clock::now() + std::chrono::seconds(5);
    if (auto d = ctx.Deadline()) until = std::min(until, *d);
    std::vector<std::uint8_t> buf(4096);
    while (true) {
      if (auto err = ctx.Err()) return err;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::system_clock::now());
      if (left.count() <= 0) return gc::errors::New("dns exchange with " + String() + ": timed out");
      pollfd pfd{fd, POLLIN, 0};
      const int n = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left.count(), 100)));
      if (n < 0 && errno != EINTR) return ErrnoError(errno, "poll");
      if (n <= 0) continue;
      const auto got = ::recv(fd, buf.data(), buf.size(), 0);
      if (got < 0) return ErrnoError(errno, "dns exchange with " + String());
      buf.resize(static_cast<std::size_t>(got));
      return buf;
    }
  }

  [[nodiscard]] std::string String() const override {
    return "udp://" + gc::net::JoinHostPort(ip_.String(), std::to_string(port_));
  }

 private:
  gc::net::IP ip_;
  std::uint16_t port_;
};

}  // namespace mini_gost
