// gost::x::hosts: go-gost/x's static host mapper (what `?hosts=name:ip,...`
// on a GOST command line builds).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/go/errors.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/hosts/hosts.hpp>

namespace gost::x::hosts {

namespace core = gost::core;

/// Maps host names to addresses. A name written with a leading dot
/// (".example.com") covers the domain and every name under it; "." alone
/// covers every name. An exact entry wins over a domain entry, and a longer
/// domain over a shorter one. Network "ip4" keeps only IPv4 results, "ip6"
/// only IPv6 ones. Immutable after construction; thread-safe.
class HostMapper final : public core::hosts::HostMapper {
 public:
  /// Each entry: a name and one of its addresses; a name may appear several times.
  explicit HostMapper(const std::vector<std::pair<std::string, core::net::IP>>& mappings) {
    for (const auto& [name, ip] : mappings) table_[Lower(name)].push_back(ip);
  }

  /// From GOST's command-line value "name:ip,name:ip" (the first ':' splits,
  /// so "name:::1" maps to ::1). An error names the entry that is not valid.
  static core::Result<std::shared_ptr<HostMapper>> FromList(std::string_view v) {
    std::vector<std::pair<std::string, core::net::IP>> mappings;
    while (!v.empty()) {
      const auto comma = v.find(',');
      const auto item = v.substr(0, comma);
      if (!item.empty()) {
        const auto colon = item.find(':');
        auto ip = colon == std::string_view::npos ? core::Result<core::net::IP>(core::errors::New(""))
                                                   : core::net::ParseIP(item.substr(colon + 1));
        if (colon == 0 || !ip) return core::errors::New("invalid mapping \"" + std::string(item) + "\" (name:ip expected)");
        mappings.emplace_back(std::string(item.substr(0, colon)), *ip);
      }
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
    if (mappings.empty()) return core::errors::New("no mapping");
    return std::make_shared<HostMapper>(mappings);
  }

  [[nodiscard]] core::hosts::LookupResult Lookup(const core::context::Context&, std::string_view network,
                                                 std::string_view host,
                                                 core::Variadic<core::hosts::Option> = {}) override {
    const std::string name = Lower(host);
    const std::vector<core::net::IP>* ips = Find(name);
    if (!ips) ips = Find("." + name);
    for (std::size_t dot = name.find('.'); !ips && dot != std::string::npos; dot = name.find('.', dot + 1)) {
      ips = Find(name.substr(dot));
    }
    if (!ips) ips = Find(".");
    if (!ips) return {};
    core::hosts::LookupResult out;
    for (const auto& ip : *ips) {
      if ((network == "ip4" && !ip.Is4()) || (network == "ip6" && ip.Is4())) continue;
      out.ips.push_back(ip);
    }
    out.ok = !out.ips.empty();
    return out;
  }

 private:
  static std::string Lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }

  const std::vector<core::net::IP>* Find(const std::string& key) const {
    const auto it = table_.find(key);
    return it == table_.end() ? nullptr : &it->second;
  }

  std::map<std::string, std::vector<core::net::IP>> table_;
};

}  // namespace gost::x::hosts
