// gost::x::resolver: go-gost/x's resolver, asking DNS nameservers for a
// host's addresses (A, then AAAA). The DNS messages are built and read here;
// carrying them is an Exchanger's job (go-gost/x's resolver/exchanger), so
// this header needs no sockets.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/go/errors.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/resolver/resolver.hpp>

namespace gost::x::resolver {

namespace core = gost::core;

/// Sends one DNS query message to a nameserver and returns its answer
/// message. Must give up when the context is done.
class Exchanger {
 public:
  virtual ~Exchanger() = default;
  virtual core::Result<std::vector<std::uint8_t>> Exchange(const core::context::Context& ctx,
                                                           const std::vector<std::uint8_t>& query) = 0;
  /// The nameserver, for messages.
  [[nodiscard]] virtual std::string String() const = 0;
};
using ExchangerPtr = std::shared_ptr<Exchanger>;

inline constexpr std::uint16_t kTypeA = 1;
inline constexpr std::uint16_t kTypeAAAA = 28;

/// A standard recursive query for `name` (one question, class IN). Fails for
/// a name that cannot be encoded (an empty label, a label over 63 bytes, a
/// name over 253).
inline core::Result<std::vector<std::uint8_t>> BuildQuery(std::uint16_t id, std::string_view name,
                                                          std::uint16_t qtype) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (name.empty() || name.size() > 253) return core::errors::New("resolver: invalid name");
  std::vector<std::uint8_t> m{static_cast<std::uint8_t>(id >> 8U), static_cast<std::uint8_t>(id & 0xffU),
                              0x01, 0x00,  // RD
                              0, 1, 0, 0, 0, 0, 0, 0};
  while (true) {
    const auto dot = name.find('.');
    const auto label = name.substr(0, dot);
    if (label.empty() || label.size() > 63) return core::errors::New("resolver: invalid name");
    m.push_back(static_cast<std::uint8_t>(label.size()));
    m.insert(m.end(), label.begin(), label.end());
    if (dot == std::string_view::npos) break;
    name.remove_prefix(dot + 1);
  }
  m.insert(m.end(), {0, static_cast<std::uint8_t>(qtype >> 8U), static_cast<std::uint8_t>(qtype & 0xffU), 0, 1});
  return m;
}

/// The addresses of type `qtype` in an answer to query `id`. A name error
/// (NXDOMAIN) or an answer with no such record gives an empty list; a
/// malformed or mismatched message, or any other error code, is an error.
inline core::Result<std::vector<core::net::IP>> ParseAnswer(const std::vector<std::uint8_t>& m, std::uint16_t id,
                                                            std::uint16_t qtype) {
  const auto bad = [] { return core::errors::New("resolver: malformed answer"); };
  if (m.size() < 12) return bad();
  auto u16 = [&](std::size_t at) { return static_cast<std::uint16_t>(m[at] << 8U | m[at + 1]); };
  if (u16(0) != id || (m[2] & 0x80U) == 0) return bad();
  const unsigned rcode = m[3] & 0x0fU;
  if (rcode == 3) return std::vector<core::net::IP>{};
  if (rcode != 0) return core::errors::New("resolver: server answered with code " + std::to_string(rcode));
  std::size_t pos = 12;
  // Steps over a (possibly compressed) name; false when it runs off the end.
  auto skipName = [&]() {
    while (pos < m.size()) {
      const auto len = m[pos];
      if ((len & 0xc0U) == 0xc0U) {
        pos += 2;
        return pos <= m.size();
      }
      pos += 1U + len;
      if (len == 0) return pos <= m.size();
    }
    return false;
  };
  for (unsigned q = u16(4); q > 0; --q) {
    if (!skipName() || pos + 4 > m.size()) return bad();
    pos += 4;
  }
  std::vector<core::net::IP> out;
  for (unsigned a = u16(6); a > 0; --a) {
    if (!skipName() || pos + 10 > m.size()) return bad();
    const auto type = u16(pos);
    const std::size_t len = u16(pos + 8);
    pos += 10;
    if (pos + len > m.size()) return bad();
    if (type == qtype && qtype == kTypeA && len == 4) {
      out.push_back(core::net::IP::V4(m[pos], m[pos + 1], m[pos + 2], m[pos + 3]));
    } else if (type == qtype && qtype == kTypeAAAA && len == 16) {
      std::array<std::uint8_t, 16> b{};
      for (std::size_t i = 0; i < 16; ++i) b[i] = m[pos + i];
      out.push_back(core::net::IP::From16(b));
    }
    pos += len;
  }
  return out;
}

/// Asks each nameserver in turn until one answers: "ip4" asks for A records,
/// "ip6" for AAAA, "ip" for A and, when there is none, AAAA. An IP literal is
/// returned as it is. Thread-safe when the exchangers are.
class Resolver final : public core::resolver::Resolver {
 public:
  explicit Resolver(std::vector<ExchangerPtr> nameservers) : nameservers_(std::move(nameservers)) {}

  core::Result<std::vector<core::net::IP>> Resolve(const core::context::Context& ctx, std::string_view network,
                                                   std::string_view host,
                                                   core::Variadic<core::resolver::Option> = {}) override {
    if (auto ip = core::net::ParseIP(host)) return std::vector<core::net::IP>{*ip};
    if (nameservers_.empty()) return core::resolver::ErrInvalid;
    core::Error last;
    for (const auto& ns : nameservers_) {
      std::vector<core::net::IP> ips;
      if (network != "ip6") {
        auto r = Ask(ctx, *ns, host, kTypeA);
        if (!r) {
          last = r.error();
          continue;
        }
        ips = std::move(*r);
      }
      if (ips.empty() && network != "ip4") {
        auto r = Ask(ctx, *ns, host, kTypeAAAA);
        if (!r) {
          last = r.error();
          continue;
        }
        ips = std::move(*r);
      }
      if (ips.empty()) return core::errors::New("resolver: " + std::string(host) + ": no such host");
      return ips;
    }
    return last;
  }

 private:
  core::Result<std::vector<core::net::IP>> Ask(const core::context::Context& ctx, Exchanger& ns,
                                               std::string_view host, std::uint16_t qtype) {
    const auto id = static_cast<std::uint16_t>(next_id_.fetch_add(1) * 40503U);  // spread ids a little
    auto query = BuildQuery(id, host, qtype);
    if (!query) return query.error();
    auto answer = ns.Exchange(ctx, *query);
    if (!answer) return core::errors::Wrap(answer.error(), "resolver: " + ns.String());
    return ParseAnswer(*answer, id, qtype);
  }

  std::vector<ExchangerPtr> nameservers_;
  std::atomic<unsigned> next_id_{1};
};

}  // namespace gost::x::resolver
