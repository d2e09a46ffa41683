// gost::x reference: turning "host:port" into "ip:port", after go-gost/x
// (internal/net: Resolve).
//
// The static host table (hosts::HostMapper) is asked first; if it has no
// address for the name, the resolver (resolver::Resolver) is. With neither,
// or when the host is already an IP address, the address is used as it is.
#pragma once

#include <string>
#include <string_view>

#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/hosts/hosts.hpp>
#include <gost/core/logger/logger.hpp>
#include <gost/core/resolver/resolver.hpp>

namespace gost::x {

namespace gc = gost::core;

/// `addr` with its host replaced by its first address, found through
/// `hosts` first and `resolver` second (either may be null); logs the
/// answer and where it came from on `log` (may be null). A resolver that
/// reports resolver::ErrInvalid is skipped; any other failure, or a name
/// without addresses, is an error.
inline gc::Result<std::string> Resolve(const gc::context::Context& ctx, std::string_view network,
                                       const std::string& addr, const gc::resolver::ResolverPtr& resolver,
                                       const gc::hosts::HostMapperPtr& hosts, const gc::logger::LoggerPtr& log) {
  auto hp = gc::net::SplitHostPort(addr);
  if (!hp || hp->host.empty()) return addr;
  if (gc::net::ParseIP(hp->host)) return addr;  // already an address

  if (hosts) {
    if (auto found = hosts->Lookup(ctx, network, hp->host); found.ok && !found.ips.empty()) {
      if (log) log->Debugf("resolve %s -> %s (hosts)", {hp->host, found.ips.front()});
      return gc::net::JoinHostPort(found.ips.front().String(), hp->port);
    }
  }
  if (resolver) {
    auto ips = resolver->Resolve(ctx, network, hp->host);
    if (!ips && gc::errors::Is(ips.error(), gc::resolver::ErrInvalid)) return addr;
    if (!ips) return ips.error();
    if (ips->empty()) return gc::errors::New("resolver: domain " + hp->host + " does not exist");
    if (log) log->Debugf("resolve %s -> %s (resolver)", {hp->host, ips->front()});
    return gc::net::JoinHostPort(ips->front().String(), hp->port);
  }
  return addr;
}

}  // namespace gost::x
