// Fuzz target: net::ParseCIDR, net::IPNet and IPNet::String.
//
// Properties:
//  * A parse error is coded InvalidArgument and has a message.
//  * ParseCIDR accepts exactly "<ip>/<bits>" where ParseIP accepts <ip> and
//    <bits> is decimal without leading zeros, at most 32 for IPv4 text and
//    128 for IPv6 text (an independent model of the grammar).
//  * The returned IP is ParseIP(<ip>); the network has its host bits clear
//    (IPNet(net.IP(), net.Bits()) == net) and a prefix within its family's
//    range; IPv6 text holding an IPv4-mapped address with 96 or more bits
//    gives the IPv4 network of bits-96 bits, as documented.
//  * The network Contains the returned IP, except for IPv4-mapped IPv6 text
//    with fewer than 96 bits: that prefix cuts into the ::ffff: marker, the
//    network is an IPv6 one and, as in Go, does not contain the IPv4
//    address.
//  * ParseCIDR(net.String()) gives back the same network, with the network
//    address as its IP.
//  * For any 16 bytes and prefix taken from the input, IPNet built from them
//    prints text that ParseCIDR turns back into the same network, which
//    contains its own address; an out-of-range prefix throws
//    std::invalid_argument (the documented misuse exception) and nothing else.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "gost/core/go/net.hpp"

namespace {

namespace net = gost::core::net;
using gost_fuzz::Quote;

// The prefix length text as the grammar allows it, or -1.
int ModelBits(std::string_view text, int max) {
  if (text.empty() || text.size() > 3) return -1;
  if (text.size() > 1 && text[0] == '0') return -1;
  int bits = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    bits = bits * 10 + (c - '0');
  }
  return bits <= max ? bits : -1;
}

void CheckNetwork(const net::IPNet& n) {
  FUZZ_CHECK(n.IP().valid());
  const int max = n.IP().Is4() ? 32 : 128;
  FUZZ_CHECK_MSG(n.Bits() >= 0 && n.Bits() <= max, n.String());
  FUZZ_CHECK_MSG(net::IPNet(n.IP(), n.Bits()) == n, "host bits set in " + n.String());
  FUZZ_CHECK_MSG(n.Contains(n.IP()), n.String() + " does not contain its own address");
  const std::string text = n.String();
  auto again = net::ParseCIDR(text);
  FUZZ_CHECK_MSG(again.has_value(), "IPNet::String does not parse: " + text);
  FUZZ_CHECK_MSG(again->Net == n, "ParseCIDR(String()) differs: " + text + " then " + again->Net.String());
  FUZZ_CHECK_MSG(again->IP == n.IP(), text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    const auto parsed = net::ParseCIDR(input);

    // The grammar, checked independently.
    const auto cut = gost_fuzz::CutAt(input, '/');
    const auto ip = net::ParseIP(cut.before);
    const bool v6_text = cut.before.find(':') != std::string_view::npos;
    const int bits = cut.found && ip ? ModelBits(cut.after, v6_text ? 128 : 32) : -1;
    const bool want_ok = bits >= 0;
    FUZZ_CHECK_MSG(parsed.has_value() == want_ok, "ParseCIDR " + std::string(parsed ? "accepts " : "rejects ") +
                                                      Quote(input) + " against the grammar");

    if (!parsed) {
      FUZZ_CHECK_PARSE_ERROR(parsed.error(), input);
      FUZZ_CHECK(parsed.error().Message().find("invalid CIDR address") != std::string::npos);
    } else {
      FUZZ_CHECK_MSG(parsed->IP == *ip, Quote(input));
      CheckNetwork(parsed->Net);
      const bool mapped_short = v6_text && ip->Is4() && bits < 96;
      if (v6_text && ip->Is4() && bits >= 96) {
        FUZZ_CHECK_MSG(parsed->Net.IP().Is4() && parsed->Net.Bits() == bits - 96, Quote(input));
      } else {
        FUZZ_CHECK_MSG(parsed->Net.Bits() == bits, Quote(input));
      }
      if (mapped_short) {
        FUZZ_CHECK_MSG(!parsed->Net.IP().Is4() && !parsed->Net.Contains(parsed->IP), Quote(input));
      } else {
        FUZZ_CHECK_MSG(parsed->Net.Contains(parsed->IP),
                       parsed->Net.String() + " does not contain " + parsed->IP.String() + " from " + Quote(input));
      }
    }

    // Networks from raw bytes.
    if (size >= 17) {
      std::array<std::uint8_t, 16> raw{};
      std::memcpy(raw.data(), data, raw.size());
      const auto addr = net::IP::From16(raw);
      const int max = addr.Is4() ? 32 : 128;
      const int prefix = data[16];
      if (prefix <= max) {
        CheckNetwork(net::IPNet(addr, prefix));
      } else {
        bool threw = false;
        try {
          (void)net::IPNet(addr, prefix);
        } catch (const std::invalid_argument&) {
          threw = true;
        }
        FUZZ_CHECK_MSG(threw, "IPNet accepted prefix " + std::to_string(prefix) + " for " + addr.String());
      }
      CheckNetwork(net::IPNet(addr, prefix % (max + 1)));
    }
  });
}
