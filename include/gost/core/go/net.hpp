// gost-core: network vocabulary (Go's net package, the parts upstream uses).
//
//  * Addr      a network endpoint's name: network ("tcp") and address text.
//  * Conn      a bidirectional byte stream (or datagram flow) with deadlines.
//  * Listener  accepts Conns.
//  * IP, IPNet IPv4/IPv6 addresses and CIDR networks, parsed strictly.
//  * SplitHostPort / JoinHostPort for "host:port" text.
//
// Connections are handed over as ConnUniquePtr (std::unique_ptr<Conn>): whoever holds
// the pointer owns the connection, and destroying a Conn must close it.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/time.hpp"

namespace gost::core::net {

/// Operating on a closed connection or listener (Go's net.ErrClosed).
inline const Error ErrClosed{errors::Code::ClosedConnection};
/// An I/O deadline passed (Go's os.ErrDeadlineExceeded); Timeout() is true.
inline const Error ErrDeadlineExceeded{errors::Code::IOTimeout};

/// The name of a network endpoint (Go's net.Addr): a network such as "tcp",
/// "udp" or "pipe", and an address in that network's text form. An empty
/// Addr means "unknown".
class Addr {
 public:
  Addr() = default;
  /// The endpoint `address` on `network`, taken as given (not validated).
  Addr(std::string network, std::string address) : network_(std::move(network)), address_(std::move(address)) {}

  /// The network name, e.g. "tcp".
  [[nodiscard]] const std::string& Network() const noexcept { return network_; }
  /// The address text, e.g. "127.0.0.1:8080".
  [[nodiscard]] const std::string& String() const noexcept { return address_; }
  /// True when neither part is set.
  [[nodiscard]] bool empty() const noexcept { return network_.empty() && address_.empty(); }

  friend bool operator==(const Addr&, const Addr&) = default;
  friend auto operator<=>(const Addr&, const Addr&) = default;
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Addr& a) {
    return os << a.network_ << "/" << a.address_;
  }

 private:
  std::string network_;
  std::string address_;
};

/// A connection (Go's net.Conn).
///
/// Contract, as in Go:
///  * Read fills at most b.size() bytes and may return fewer; it returns n > 0
///    or an error, possibly both (data followed by io::ErrEOF, say). It blocks
///    until data, an error, the read deadline or Close.
///  * Write writes all of b unless it fails; on failure n says how much went.
///  * A passed deadline makes pending and future calls fail with an error
///    whose Timeout() is true (net::ErrDeadlineExceeded) until it is moved;
///    Time{} clears it. Deadlines are absolute times, not per-call timeouts.
///  * Close unblocks pending Read and Write calls, which then fail; calls after
///    Close fail with net::ErrClosed.
///  * Read, Write, Close and the setters may be called from different threads
///    at once (one reader and one writer at a time is the usual pattern).
///  * For datagram networks ("udp", ...) each Write sends one datagram and
///    each Read returns at most one; a buffer shorter than the datagram gets
///    its start and the rest is dropped, as with a UDP socket.
///
/// A Conn is an io::Reader and an io::Writer (virtual bases, so a class that
/// also derives from either elsewhere has one of each), and io::Copy works
/// on it. An implementation that can move a stream faster than a read/write
/// loop (splice(2) between two sockets, say) also derives from
/// io::ReaderFrom or io::WriterTo, which io::Copy finds and calls.
class Conn : public virtual io::Reader, public virtual io::Writer {
  GOST_CORE_INTERFACE(Conn);

  /// Reads into b.
  io::IOResult Read(std::span<std::byte> b) override = 0;
  /// Writes b.
  io::IOResult Write(std::span<const std::byte> b) override = 0;
  /// Closes the connection; later calls fail. Closing twice returns an error.
  virtual Error Close() = 0;
  /// The local endpoint.
  [[nodiscard]] virtual Addr LocalAddr() const = 0;
  /// The remote endpoint.
  [[nodiscard]] virtual Addr RemoteAddr() const = 0;
  /// Sets both the read and the write deadline.
  virtual Error SetDeadline(Time t) = 0;
  /// Sets the deadline for pending and future Reads.
  virtual Error SetReadDeadline(Time t) = 0;
  /// Sets the deadline for pending and future Writes.
  virtual Error SetWriteDeadline(Time t) = 0;
};

/// An owned connection.
using ConnUniquePtr = std::unique_ptr<Conn>;

/// Accepts connections (Go's net.Listener). Accept blocks until a connection
/// arrives or the listener is closed; after Close it fails with an error
/// (net::ErrClosed here, listener::ErrClosed for gost listeners). All methods
/// are safe to call concurrently; Close unblocks a pending Accept.
class Listener {
  GOST_CORE_INTERFACE(Listener);

  /// The next connection.
  virtual Result<ConnUniquePtr> Accept() = 0;
  /// Stops listening.
  virtual Error Close() = 0;
  /// The listening endpoint.
  [[nodiscard]] virtual net::Addr Addr() const = 0;
};

/// An owned listener.
using ListenerUniquePtr = std::unique_ptr<Listener>;

/// An IPv4 or IPv6 address, or the empty value (Go's nil net.IP).
///
/// IPv4 addresses are kept in their IPv4-mapped IPv6 form, so "1.2.3.4" and
/// "::ffff:1.2.3.4" are the same value and both print as "1.2.3.4", as in Go.
class IP {
 public:
  /// The empty IP.
  constexpr IP() noexcept = default;

  /// An IPv4 address from its four bytes.
  static constexpr IP V4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) noexcept {
    IP ip;
    ip.valid_ = true;
    ip.b_ = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d};
    return ip;
  }
  /// An address from 16 bytes (IPv6, or IPv4-mapped).
  static constexpr IP From16(const std::array<std::uint8_t, 16>& bytes) noexcept {
    IP ip;
    ip.valid_ = true;
    ip.b_ = bytes;
    return ip;
  }

  /// True unless this is the empty IP.
  [[nodiscard]] constexpr bool valid() const noexcept { return valid_; }
  /// Same as valid().
  explicit constexpr operator bool() const noexcept { return valid_; }
  /// True for IPv4 (and IPv4-mapped) addresses.
  [[nodiscard]] constexpr bool Is4() const noexcept {
    if (!valid_) return false;
    for (int i = 0; i < 10; ++i) {
      if (b_[static_cast<std::size_t>(i)] != 0) return false;
    }
    return b_[10] == 0xff && b_[11] == 0xff;
  }
  /// The four bytes of an IPv4 address; nullopt for IPv6 or empty.
  [[nodiscard]] constexpr std::optional<std::array<std::uint8_t, 4>> To4() const noexcept {
    if (!Is4()) return std::nullopt;
    return std::array<std::uint8_t, 4>{b_[12], b_[13], b_[14], b_[15]};
  }
  /// The 16-byte form (IPv4 as IPv4-mapped); all zero for the empty IP.
  [[nodiscard]] constexpr const std::array<std::uint8_t, 16>& To16() const noexcept { return b_; }
  /// True for 0.0.0.0 and ::.
  [[nodiscard]] constexpr bool IsUnspecified() const noexcept {
    if (!valid_) return false;
    if (Is4()) return b_[12] == 0 && b_[13] == 0 && b_[14] == 0 && b_[15] == 0;
    for (auto x : b_) {
      if (x != 0) return false;
    }
    return true;
  }
  /// True for 127.0.0.0/8 and ::1.
  [[nodiscard]] constexpr bool IsLoopback() const noexcept {
    if (Is4()) return b_[12] == 127;
    if (!valid_) return false;
    for (int i = 0; i < 15; ++i) {
      if (b_[static_cast<std::size_t>(i)] != 0) return false;
    }
    return b_[15] == 1;
  }

  /// Text form: dotted decimal for IPv4, RFC 5952 for IPv6, "<nil>" if empty.
  [[nodiscard]] std::string String() const {
    if (!valid_) return "<nil>";
    if (Is4()) {
      return std::to_string(b_[12]) + "." + std::to_string(b_[13]) + "." + std::to_string(b_[14]) + "." +
             std::to_string(b_[15]);
    }
    // Longest run of two or more zero groups becomes "::" (the first if tied).
    int best = -1, best_len = 0;
    for (int i = 0; i < 8;) {
      if (Group(i) != 0) {
        ++i;
        continue;
      }
      int j = i;
      while (j < 8 && Group(j) == 0) ++j;
      if (j - i > best_len && j - i >= 2) {
        best = i;
        best_len = j - i;
      }
      i = j;
    }
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) {
      if (i == best) {
        out += "::";
        i += best_len - 1;
        continue;
      }
      if (!out.empty() && out.back() != ':') out += ':';
      const unsigned g = Group(i);
      bool started = false;
      for (int shift = 12; shift >= 0; shift -= 4) {
        const unsigned nib = (g >> static_cast<unsigned>(shift)) & 0xfU;
        if (nib != 0 || started || shift == 0) {
          out += kHex[nib];
          started = true;
        }
      }
    }
    return out;
  }

  friend constexpr bool operator==(const IP&, const IP&) noexcept = default;
  friend constexpr auto operator<=>(const IP&, const IP&) noexcept = default;
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const IP& ip) {
    return os << ip.String();
  }

 private:
  [[nodiscard]] constexpr unsigned Group(int i) const noexcept {
    const auto k = static_cast<std::size_t>(i) * 2;
    return static_cast<unsigned>(b_[k]) << 8U | b_[k + 1];
  }
  bool valid_ = false;
  std::array<std::uint8_t, 16> b_{};
};

namespace detail {

// Byte `i` of the mask of a `prefix`-bit network: the top bits that fall
// within the prefix set, the rest clear. (A plain expression rather than
// std::min/std::max, whose header <algorithm> is costly to compile and would
// be needed for nothing else.)
constexpr std::uint8_t PrefixMaskByte(int prefix, int i) noexcept {
  const int rest = prefix - i * 8;
  const int keep = rest <= 0 ? 0 : (rest >= 8 ? 8 : rest);
  return static_cast<std::uint8_t>(keep == 0 ? 0 : 0xffU << static_cast<unsigned>(8 - keep));
}

inline Error ParseError(std::string_view what, std::string_view input) {
  std::string text = "net: invalid ";
  text.append(what).append(" \"").append(input.substr(0, 256));
  if (input.size() > 256) text += "...";
  text += '"';
  return errors::WithCode(errors::Code::InvalidArgument, std::move(text));
}

// Parses dotted-decimal IPv4 (no leading zeros, as Go since 1.17).
inline bool Parse4(std::string_view s, std::uint8_t out[4]) {  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  int part = 0;
  std::size_t i = 0;
  while (part < 4) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    if (s[i] == '0' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') return false;
    unsigned v = 0;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + static_cast<unsigned>(s[i] - '0');
      if (++digits > 3 || v > 255) return false;
      ++i;
    }
    out[part++] = static_cast<std::uint8_t>(v);
    if (part < 4) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  return i == s.size();
}

inline int HexVal(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline bool Parse6(std::string_view s, std::array<std::uint8_t, 16>& out) {
  out = {};
  int ellipsis = -1;  // byte index where "::" stands
  std::size_t i = 0;
  int n = 0;  // bytes filled
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    i = 2;
    if (i == s.size()) return true;
  }
  while (n < 16) {
    // A hex group of 1-4 digits, or a trailing dotted IPv4.
    std::size_t j = i;
    unsigned v = 0;
    while (j < s.size() && j - i < 5 && HexVal(s[j]) >= 0) {
      v = v * 16 + static_cast<unsigned>(HexVal(s[j]));
      ++j;
    }
    if (j == i || j - i > 4) {
      if (j - i <= 4) return false;  // no digits
      return false;                  // too many digits
    }
    if (j < s.size() && s[j] == '.') {
      if (ellipsis < 0 && n != 12) return false;
      if (n + 4 > 16) return false;
      std::uint8_t v4[4];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
      if (!Parse4(s.substr(i), v4)) return false;
      for (const std::uint8_t b : v4) out[static_cast<std::size_t>(n++)] = b;
      i = s.size();
      break;
    }
    out[static_cast<std::size_t>(n++)] = static_cast<std::uint8_t>(v >> 8U);
    out[static_cast<std::size_t>(n++)] = static_cast<std::uint8_t>(v & 0xffU);
    i = j;
    if (i == s.size()) break;
    if (s[i] != ':' || i + 1 == s.size()) return false;
    ++i;
    if (s[i] == ':') {
      if (ellipsis >= 0) return false;
      ellipsis = n;
      ++i;
      if (i == s.size()) break;
    }
  }
  if (i != s.size()) return false;
  if (n < 16) {
    if (ellipsis < 0) return false;
    const int shift = 16 - n;
    const auto gap = static_cast<std::size_t>(shift);
    for (int k = n - 1; k >= ellipsis; --k) out[static_cast<std::size_t>(k) + gap] = out[static_cast<std::size_t>(k)];
    for (int k = ellipsis; k < ellipsis + shift; ++k) out[static_cast<std::size_t>(k)] = 0;
  } else if (ellipsis >= 0) {
    return false;  // "::" must stand for at least one group
  }
  return true;
}

}  // namespace detail

/// Parses an IPv4 ("192.0.2.1") or IPv6 ("2001:db8::1", "::ffff:1.2.3.4")
/// address. Zones, brackets, ports, leading zeros in IPv4 parts and stray
/// characters are errors (code errors::Code::InvalidArgument).
inline Result<IP> ParseIP(std::string_view s) {
  std::uint8_t v4[4];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  if (s.find(':') == std::string_view::npos) {
    if (detail::Parse4(s, v4)) return IP::V4(v4[0], v4[1], v4[2], v4[3]);
    return detail::ParseError("IP address", s);
  }
  std::array<std::uint8_t, 16> b{};
  if (detail::Parse6(s, b)) return IP::From16(b);
  return detail::ParseError("IP address", s);
}

/// An IP network (Go's net.IPNet): an address with the host bits cleared and
/// a prefix length (0-32 for IPv4, 0-128 for IPv6).
class IPNet {
 public:
  IPNet() = default;
  /// The network of `ip` with a `bits`-bit prefix; the host bits of `ip` are
  /// cleared. Throws std::invalid_argument if ip is empty or bits out of range.
  IPNet(const net::IP& ip, int bits) : bits_(bits) {
    const int max = ip.Is4() ? 32 : 128;
    if (!ip.valid() || bits < 0 || bits > max) throw std::invalid_argument("gost: invalid IPNet prefix");
    auto b = ip.To16();
    const int total = ip.Is4() ? bits + 96 : bits;
    for (int i = 0; i < 16; ++i) {
      const std::uint8_t mask = detail::PrefixMaskByte(total, i);
      b[static_cast<std::size_t>(i)] &= mask;
    }
    ip_ = IP::From16(b);
  }

  /// The network address.
  [[nodiscard]] const net::IP& IP() const noexcept { return ip_; }
  /// The prefix length.
  [[nodiscard]] int Bits() const noexcept { return bits_; }
  /// True when `ip` is in this network (same family, same prefix).
  [[nodiscard]] bool Contains(const net::IP& ip) const noexcept {
    if (!ip_.valid() || !ip.valid() || ip.Is4() != ip_.Is4()) return false;
    const int total = ip_.Is4() ? bits_ + 96 : bits_;
    const auto& a = ip.To16();
    const auto& n = ip_.To16();
    for (int i = 0; i < 16; ++i) {
      const std::uint8_t mask = detail::PrefixMaskByte(total, i);
      if ((a[static_cast<std::size_t>(i)] & mask) != n[static_cast<std::size_t>(i)]) return false;
    }
    return true;
  }
  /// CIDR text, e.g. "192.168.0.0/16"; "<nil>" when empty.
  [[nodiscard]] std::string String() const {
    if (!ip_.valid()) return "<nil>";
    return ip_.String() + "/" + std::to_string(bits_);
  }

  friend bool operator==(const IPNet&, const IPNet&) = default;
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const IPNet& n) {
    return os << n.String();
  }

 private:
  net::IP ip_;
  int bits_ = 0;
};

/// The two results of ParseCIDR: the address as written and its network.
struct CIDR {
  /// The address as written, host bits kept ("192.0.2.1").
  net::IP IP;
  /// The network: the address with its host bits cleared, and the prefix
  /// length ("192.0.2.0/24").
  IPNet Net;
};

/// Parses CIDR notation ("192.0.2.1/24", "2001:db8::/32"), as Go's
/// net.ParseCIDR: returns the address and the network it belongs to.
/// The prefix length counts bits of the address as written: an IPv4-mapped
/// address in IPv6 form ("::ffff:192.0.2.1/120") takes 0-128, like any IPv6
/// text; with 96 or more bits its network is the IPv4 network of the
/// remaining bits (192.0.2.0/24 here).
inline Result<CIDR> ParseCIDR(std::string_view s) {
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) return detail::ParseError("CIDR address", s);
  auto ip = ParseIP(s.substr(0, slash));
  if (!ip) return detail::ParseError("CIDR address", s);
  const auto bits_text = s.substr(slash + 1);
  const bool v6_text = s.substr(0, slash).find(':') != std::string_view::npos;
  const int max = v6_text ? 128 : 32;
  int bits = 0;
  if (bits_text.empty() || bits_text.size() > 3) return detail::ParseError("CIDR address", s);
  if (bits_text.size() > 1 && bits_text[0] == '0') return detail::ParseError("CIDR address", s);
  for (char c : bits_text) {
    if (c < '0' || c > '9') return detail::ParseError("CIDR address", s);
    bits = bits * 10 + (c - '0');
  }
  if (bits > max) return detail::ParseError("CIDR address", s);
  if (v6_text && ip->Is4()) {
    if (bits >= 96) return CIDR{*ip, IPNet(*ip, bits - 96)};
    // A shorter prefix clears part of the ::ffff: marker, so the network is
    // an IPv6 one.
    auto b = ip->To16();
    for (int i = 0; i < 16; ++i) {
      const std::uint8_t mask = detail::PrefixMaskByte(bits, i);
      b[static_cast<std::size_t>(i)] &= mask;
    }
    return CIDR{*ip, IPNet(IP::From16(b), bits)};
  }
  return CIDR{*ip, IPNet(*ip, bits)};
}

/// The parts of a "host:port" string.
struct HostPort {
  /// The host: a name, an IPv4 address, or an IPv6 address without its
  /// brackets (with its zone, if any); may be empty (":80").
  std::string host;
  /// The port, a number or a service name; may be empty ("host:").
  std::string port;
  friend bool operator==(const HostPort&, const HostPort&) = default;
};

/// Splits "host:port", "[v6]:port" or "[v6%zone]:port" into host and port
/// (Go's net.SplitHostPort). The port may be empty or a service name; it is
/// not checked. A missing port, an unbracketed IPv6 address, or stray
/// brackets are errors.
inline Result<HostPort> SplitHostPort(std::string_view hostport) {
  auto fail = [&](std::string_view why) {
    std::string text = "address ";
    text.append(hostport.substr(0, 256)).append(": ").append(why);
    return errors::WithCode(errors::Code::InvalidArgument, std::move(text));
  };
  const auto colon = hostport.rfind(':');
  if (colon == std::string_view::npos) return fail("missing port in address");
  std::string_view host;
  std::size_t j = 0, k = 0;  // where '[' and ']' may not appear
  if (!hostport.empty() && hostport[0] == '[') {
    const auto end = hostport.find(']');
    if (end == std::string_view::npos) return fail("missing ']' in address");
    if (end + 1 == hostport.size()) return fail("missing port in address");
    if (end + 1 != colon) {
      if (hostport[end + 1] == ':') return fail("too many colons in address");
      return fail("missing port in address");
    }
    host = hostport.substr(1, end - 1);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.substr(0, colon);
    if (host.find(':') != std::string_view::npos) return fail("too many colons in address");
  }
  if (hostport.find('[', j) != std::string_view::npos) return fail("unexpected '[' in address");
  if (hostport.find(']', k) != std::string_view::npos) return fail("unexpected ']' in address");
  return HostPort{std::string(host), std::string(hostport.substr(colon + 1))};
}

/// Joins host and port; a host with a colon (IPv6) gets brackets
/// (Go's net.JoinHostPort).
inline std::string JoinHostPort(std::string_view host, std::string_view port) {
  std::string out;
  if (host.find(':') != std::string_view::npos) {
    out.append("[").append(host).append("]");
  } else {
    out.append(host);
  }
  return out.append(":").append(port);
}

}  // namespace gost::core::net

/// Hashes an IP, so it can key unordered containers; consistent with ==.
template <>
struct std::hash<gost::core::net::IP> {
  /// The hash of `ip`; all empty IPs hash alike.
  std::size_t operator()(const gost::core::net::IP& ip) const noexcept {
    std::size_t h = ip.valid() ? 1469598103934665603ULL : 0;
    for (auto b : ip.To16()) h = (h ^ b) * 1099511628211ULL;
    return h;
  }
};

/// Hashes an IPNet, so it can key unordered containers; consistent with ==.
template <>
struct std::hash<gost::core::net::IPNet> {
  /// The hash of `n`, from its address and prefix length.
  std::size_t operator()(const gost::core::net::IPNet& n) const noexcept {
    const auto bits = static_cast<std::size_t>(static_cast<unsigned>(n.Bits()));
    return std::hash<gost::core::net::IP>{}(n.IP()) ^ (bits * std::size_t{0x9e3779b97f4a7c15ULL});
  }
};

/// Hashes an Addr, so it can key unordered containers; consistent with ==.
template <>
struct std::hash<gost::core::net::Addr> {
  /// The hash of `a`, from its network and address.
  std::size_t operator()(const gost::core::net::Addr& a) const noexcept {
    return std::hash<std::string>{}(a.Network()) * 31 + std::hash<std::string>{}(a.String());
  }
};
