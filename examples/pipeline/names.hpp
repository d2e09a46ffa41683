// The pipeline example's name services: a static host table
// (hosts::HostMapper) and a resolver (resolver::Resolver) that answers from
// a fixed zone instead of asking a DNS server.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/hosts/hosts.hpp>
#include <gost/core/resolver/resolver.hpp>

namespace example {

namespace gc = gost::core;

namespace detail {

// The addresses of `ips` that belong to `network`: "ip4", "ip6", or both.
inline std::vector<gc::net::IP> OfFamily(const std::vector<gc::net::IP>& ips, std::string_view network) {
  std::vector<gc::net::IP> out;
  for (const auto& ip : ips) {
    if ((network == "ip4" && !ip.Is4()) || (network == "ip6" && ip.Is4())) continue;
    out.push_back(ip);
  }
  return out;
}

}  // namespace detail

/// A fixed host table, like /etc/hosts. Read-only once built: thread-safe.
class StaticHosts final : public gc::hosts::HostMapper {
 public:
  explicit StaticHosts(std::map<std::string, std::vector<gc::net::IP>, std::less<>> table) : table_(std::move(table)) {}

  gc::hosts::LookupResult Lookup(const gc::context::Context& /*ctx*/, std::string_view network, std::string_view host,
                                 gc::Variadic<gc::hosts::Option> /*opts*/ = {}) override {
    auto it = table_.find(host);
    if (it == table_.end()) return {};
    return {detail::OfFamily(it->second, network), true};
  }

 private:
  std::map<std::string, std::vector<gc::net::IP>, std::less<>> table_;
};

/// A resolver serving a fixed zone; other names do not exist. Read-only once
/// built: thread-safe.
class ZoneResolver final : public gc::resolver::Resolver {
 public:
  explicit ZoneResolver(std::map<std::string, std::vector<gc::net::IP>, std::less<>> zone) : zone_(std::move(zone)) {}

  gc::Result<std::vector<gc::net::IP>> Resolve(const gc::context::Context& ctx, std::string_view network,
                                               std::string_view host,
                                               gc::Variadic<gc::resolver::Option> /*opts*/ = {}) override {
    if (gc::Error err = ctx.Err()) return err;
    auto it = zone_.find(host);
    if (it == zone_.end()) return gc::errors::New("lookup " + std::string(host) + ": no such host");
    return detail::OfFamily(it->second, network);
  }

 private:
  std::map<std::string, std::vector<gc::net::IP>, std::less<>> zone_;
};

}  // namespace example
