// Fuzz target: net::ParseIP and IP::String.
//
// Properties:
//  * A parse error is coded InvalidArgument and has a message.
//  * ParseIP agrees with the C library's inet_pton (the family chosen, as Go
//    does, by whether the text holds a ':'): the same inputs are accepted and
//    give the same 16 bytes. Text holding a NUL byte is always rejected.
//  * Text without a ':' gives an IPv4 address.
//  * ParseIP(ip.String()) == ip, and printing is stable:
//    String(ParseIP(String(ip))) == String(ip). IPv4 and IPv4-mapped
//    addresses print as dotted IPv4.
//  * IPv6 text is canonical (RFC 5952): lower-case hex, no leading zeros in
//    a group, at most one "::", standing for two or more zero groups, placed
//    at the longest run of zero groups (the first of equal runs).
//  * The same round trip holds for the address made of the input's first 16
//    bytes (IP::From16) and of its first 4 (IP::V4), so every address value
//    is reached, not only those the parser accepts.
#include <arpa/inet.h>
#include <sys/socket.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "gost/core/go/net.hpp"

namespace {

namespace net = gost::core::net;
using gost_fuzz::Quote;

// RFC 5952 shape of an IPv6 text form (the output of IP::String for an
// address that is not IPv4).
void CheckCanonical6(const std::string& text) {
  for (char c : text) {
    FUZZ_CHECK_MSG((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':', "non-canonical char in " + text);
  }
  const auto ellipsis = text.find("::");
  FUZZ_CHECK_MSG(ellipsis == std::string::npos || text.find("::", ellipsis + 1) == std::string::npos,
                 "two '::' in " + text);
  // Split into groups; the "::" becomes a marker group "*".
  std::vector<std::string> groups;
  std::size_t i = 0;
  if (ellipsis == 0) {
    groups.emplace_back("*");
    i = 2;
  }
  while (i < text.size()) {
    const auto colon = text.find(':', i);
    const auto end = colon == std::string::npos ? text.size() : colon;
    FUZZ_CHECK_MSG(end > i, "empty group in " + text);
    groups.emplace_back(text.substr(i, end - i));
    if (colon == std::string::npos) break;
    if (colon == ellipsis) {
      groups.emplace_back("*");
      i = colon + 2;
    } else {
      i = colon + 1;
      FUZZ_CHECK_MSG(i < text.size(), "trailing ':' in " + text);
    }
  }
  std::size_t explicit_groups = 0;
  std::size_t star = groups.size();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (groups[g] == "*") {
      star = g;
      continue;
    }
    ++explicit_groups;
    FUZZ_CHECK_MSG(groups[g].size() <= 4, "long group in " + text);
    FUZZ_CHECK_MSG(groups[g].size() == 1 || groups[g][0] != '0', "leading zero in " + text);
  }
  if (star == groups.size()) {
    FUZZ_CHECK_MSG(explicit_groups == 8, "wrong group count in " + text);
  } else {
    FUZZ_CHECK_MSG(explicit_groups <= 6, "'::' for fewer than two groups in " + text);
  }
  if (star != groups.size()) {
    // A zero group next to "::" would belong to the compressed run.
    FUZZ_CHECK_MSG(star == 0 || groups[star - 1] != "0", "zero group before '::' in " + text);
    FUZZ_CHECK_MSG(star + 1 == groups.size() || groups[star + 1] != "0", "zero group after '::' in " + text);
  }
  const std::size_t compressed = star == groups.size() ? 0 : 8 - explicit_groups;
  // Runs of explicit "0" groups must be shorter than the compressed run, or
  // as long but after it.
  std::size_t run = 0;
  for (std::size_t g = 0; g <= groups.size(); ++g) {
    if (g < groups.size() && groups[g] == "0") {
      ++run;
      continue;
    }
    if (run >= 2) {
      FUZZ_CHECK_MSG(star != groups.size(), "uncompressed zero run in " + text);
      FUZZ_CHECK_MSG(run < compressed || (run == compressed && g > star), "'::' not at the longest run in " + text);
    }
    run = 0;
  }
}

void CheckRoundTrip(const net::IP& ip) {
  const std::string text = ip.String();
  auto again = net::ParseIP(text);
  FUZZ_CHECK_MSG(again.has_value(), "String() of an IP does not parse: " + text);
  FUZZ_CHECK_MSG(*again == ip, "ParseIP(String()) differs for " + text + ", got " + again->String());
  FUZZ_CHECK_MSG(again->String() == text, "String() unstable: " + text + " then " + again->String());
  FUZZ_CHECK(ip.Is4() == ip.To4().has_value());
  if (ip.Is4()) {
    FUZZ_CHECK_MSG(text.find(':') == std::string::npos, "IPv4 printed with a colon: " + text);
  } else {
    FUZZ_CHECK_MSG(text.find(':') != std::string::npos, "IPv6 printed without a colon: " + text);
    CheckCanonical6(text);
  }
}

void CheckAgainstLibc(std::string_view input, const gost::core::Result<net::IP>& parsed) {
  if (input.find('\0') != std::string_view::npos) {
    FUZZ_CHECK_MSG(!parsed.has_value(), "accepted a NUL byte: " + Quote(input));
    return;
  }
  const std::string c_text(input);
  std::array<std::uint8_t, 16> bytes{};
  const bool v6 = input.find(':') != std::string_view::npos;
  const int rc = inet_pton(v6 ? AF_INET6 : AF_INET, c_text.c_str(), bytes.data());
  FUZZ_CHECK_MSG((rc == 1) == parsed.has_value(), "inet_pton says " + std::to_string(rc) + ", ParseIP says " +
                                                      (parsed ? "ok" : parsed.error().Message()) + " for " +
                                                      Quote(input));
  if (rc != 1) return;
  const net::IP want = v6 ? net::IP::From16(bytes) : net::IP::V4(bytes[0], bytes[1], bytes[2], bytes[3]);
  FUZZ_CHECK_MSG(*parsed == want,
                 "ParseIP gives " + parsed->String() + ", inet_pton " + want.String() + " for " + Quote(input));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    const auto parsed = net::ParseIP(input);
    if (!parsed) {
      FUZZ_CHECK_PARSE_ERROR(parsed.error(), input);
      FUZZ_CHECK(parsed.error().Message().find("invalid IP address") != std::string::npos);
    } else {
      FUZZ_CHECK(parsed->valid());
      if (input.find(':') == std::string_view::npos) FUZZ_CHECK_MSG(parsed->Is4(), Quote(input));
      CheckRoundTrip(*parsed);
    }
    CheckAgainstLibc(input, parsed);

    if (size >= 16) {
      std::array<std::uint8_t, 16> raw{};
      std::memcpy(raw.data(), data, raw.size());
      CheckRoundTrip(net::IP::From16(raw));
    }
    if (size >= 4) CheckRoundTrip(net::IP::V4(data[0], data[1], data[2], data[3]));
  });
}
