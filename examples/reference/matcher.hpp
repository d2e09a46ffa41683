// gost::x::matcher: the pattern lists that go-gost/x's bypass and admission
// share (its internal/matcher package): CIDR blocks, IP ranges, host[:port]
// addresses (".example.com" covering the domain and its subdomains) and
// wildcard hosts ("*.example.com", '?' for one character), each optionally
// with a port or port range.
#pragma once

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/go/net.hpp>

namespace gost::x::matcher {

namespace core = gost::core;

/// An inclusive port range; "80" is 80-80.
struct PortRange {
  int min = 0;
  int max = 65535;
  [[nodiscard]] bool Contains(int port) const { return port >= min && port <= max; }
};

/// Parses "N" or "MIN-MAX" (0..65535, MIN <= MAX).
inline std::optional<PortRange> ParsePortRange(std::string_view s) {
  auto number = [](std::string_view t) -> std::optional<int> {
    int v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc() || p != t.data() + t.size() || v < 0 || v > 65535) return std::nullopt;
    return v;
  };
  const auto dash = s.find('-');
  auto lo = number(s.substr(0, dash));
  auto hi = dash == std::string_view::npos ? lo : number(s.substr(dash + 1));
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return PortRange{*lo, *hi};
}

/// Case-insensitive glob: '*' any run of characters, '?' one character.
inline bool Glob(std::string_view pattern, std::string_view s) {
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  while (i < s.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || (pattern[p] != '*' && same(pattern[p], s[i])))) {
      ++p;
      ++i;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

/// A list of patterns, classified once; Match is read-only and may be called
/// from any thread.
class PatternSet {
 public:
  PatternSet() = default;

  /// Classifies each pattern. Returns the first one that fits no form (an
  /// empty host, a bad port, an IP range whose ends are reversed).
  static core::Result<PatternSet> Parse(const std::vector<std::string>& patterns) {
    PatternSet set;
    for (const auto& raw : patterns) {
      if (raw.empty()) continue;
      if (auto cidr = core::net::ParseCIDR(raw)) {
        set.cidrs_.push_back(cidr->Net);
        continue;
      }
      if (auto r = ParseRange(raw)) {
        if (r->first.To16() > r->second.To16()) {
          return core::errors::New("invalid pattern \"" + raw + "\": the range ends before it starts");
        }
        set.ranges_.push_back(*r);
        continue;
      }
      auto host = SplitPattern(raw);
      if (!host) return core::errors::New("invalid pattern \"" + raw + "\"");
      (raw.find_first_of("*?") != std::string::npos ? set.wildcards_ : set.addrs_).push_back(std::move(*host));
    }
    return set;
  }

  [[nodiscard]] bool empty() const {
    return cidrs_.empty() && ranges_.empty() && addrs_.empty() && wildcards_.empty();
  }

  /// True when `addr` ("host" or "host:port") matches any pattern.
  [[nodiscard]] bool Match(std::string_view addr) const {
    std::string host(addr);
    std::optional<int> port;
    if (auto hp = core::net::SplitHostPort(addr)) {
      host = hp->host;
      if (auto pr = ParsePortRange(hp->port); pr && pr->min == pr->max) port = pr->min;
    }
    const auto ip = core::net::ParseIP(host);
    if (ip) {
      for (const auto& n : cidrs_) {
        if (n.Contains(*ip)) return true;
      }
      for (const auto& [lo, hi] : ranges_) {
        if (ip->To16() >= lo.To16() && ip->To16() <= hi.To16()) return true;
      }
    }
    auto portOk = [&](const Host& h) { return !h.ports || (port && h.ports->Contains(*port)); };
    for (const auto& h : addrs_) {
      if (!portOk(h)) continue;
      if (ip) {
        if (auto hip = core::net::ParseIP(h.host); hip && hip->To16() == ip->To16()) return true;
        continue;
      }
      if (h.host.front() == '.') {
        const std::string_view domain = std::string_view(h.host).substr(1);
        if (Glob(domain, host) || (host.size() > h.host.size() && Glob("*" + h.host, host))) return true;
      } else if (Glob(h.host, host)) {
        return true;
      }
    }
    for (const auto& h : wildcards_) {
      if (portOk(h) && Glob(h.host, host)) return true;
    }
    return false;
  }

 private:
  struct Host {
    std::string host;                 ///< as written; no '*'/'?' in addrs_
    std::optional<PortRange> ports;   ///< none: any port
  };

  // "host", "host:port", "host:min-max", "[v6]:port"; host without '*'/'?'
  // is matched literally (Glob with no wildcard is a case-insensitive compare).
  static std::optional<Host> SplitPattern(std::string_view s) {
    Host h;
    if (auto hp = core::net::SplitHostPort(s); hp && !hp->port.empty()) {
      auto pr = ParsePortRange(hp->port);
      if (!pr || hp->host.empty()) return std::nullopt;
      h.host = hp->host;
      h.ports = pr;
    } else if (s.find(':') != std::string_view::npos && !core::net::ParseIP(s)) {
      return std::nullopt;
    } else {
      h.host = std::string(s);
    }
    if (h.host.empty() || h.host == ".") return std::nullopt;
    const bool printable = std::all_of(h.host.begin(), h.host.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (!printable) return std::nullopt;
    return h;
  }

  // "192.168.1.1-192.168.1.9": two IPs around a dash, in either order.
  static std::optional<std::pair<core::net::IP, core::net::IP>> ParseRange(std::string_view s) {
    const auto dash = s.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto lo = core::net::ParseIP(s.substr(0, dash));
    auto hi = core::net::ParseIP(s.substr(dash + 1));
    if (!lo || !hi) return std::nullopt;
    return std::pair{*lo, *hi};
  }

  std::vector<core::net::IPNet> cidrs_;
  std::vector<std::pair<core::net::IP, core::net::IP>> ranges_;
  std::vector<Host> addrs_;
  std::vector<Host> wildcards_;
};

/// GOST's command-line list: comma-separated patterns, a leading '~' turning
/// the list into a whitelist ("~10.0.0.0/8,*.example.com").
struct List {
  std::vector<std::string> patterns;
  bool whitelist = false;
};

inline List ParseList(std::string_view v) {
  List out;
  if (!v.empty() && v.front() == '~') {
    out.whitelist = true;
    v.remove_prefix(1);
  }
  while (!v.empty()) {
    const auto comma = v.find(',');
    if (auto item = v.substr(0, comma); !item.empty()) out.patterns.emplace_back(item);
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

/// A whole command-line list, parsed and classified: what bypass and
/// admission are built on. In a blacklist a matching address is kept out; in
/// a whitelist every address that matches no pattern is. Read-only after
/// construction, so Blocks may be called from any thread.
struct PatternList {
  PatternSet patterns;
  bool whitelist = false;

  /// Whether the list keeps `s` out: a match in a blacklist, no match in a
  /// whitelist. An empty address is never kept out, in either mode.
  [[nodiscard]] bool Blocks(std::string_view s) const { return !s.empty() && patterns.Match(s) != whitelist; }
};

/// Parses GOST's command-line list ("a,b" or "~a,b"). An empty list, or a
/// pattern that fits no form, is an error.
inline core::Result<PatternList> ParsePatternList(std::string_view v) {
  auto list = ParseList(v);
  auto set = PatternSet::Parse(list.patterns);
  if (!set) return set.error();
  if (set->empty()) return core::errors::New("empty pattern list");
  return PatternList{std::move(*set), list.whitelist};
}

/// The base of a piece built on one pattern list (bypass, admission): Iface
/// is the core interface the piece implements, Self the piece itself.
template <class Self, class Iface>
class ListBacked : public Iface {
 public:
  explicit ListBacked(PatternList list) : list_(std::move(list)) {}

  /// From GOST's command-line value ("a,b,c" or "~a,b,c"); an error names a
  /// pattern that fits no form, or says that the list is empty.
  static core::Result<std::shared_ptr<Self>> FromList(std::string_view v) {
    auto parsed = ParsePatternList(v);
    if (!parsed) return parsed.error();
    return std::make_shared<Self>(std::move(*parsed));
  }

 protected:
  PatternList list_;
};

}  // namespace gost::x::matcher
