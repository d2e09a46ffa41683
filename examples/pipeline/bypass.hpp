// The pipeline example's bypass::Bypass: a blacklist of host names.
// "db.internal" catches that name; "*.lan" catches every name ending in
// ".lan". Both the destination address and the request's host name (as the
// client wrote it, before resolution) are checked.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/bypass/bypass.hpp>
#include <gost/core/go/net.hpp>

namespace example {

namespace gc = gost::core;

/// Catches the hosts matching any of its patterns. Read-only once built:
/// thread-safe.
class HostBypass final : public gc::bypass::Bypass {
 public:
  explicit HostBypass(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}

  [[nodiscard]] bool IsWhitelist() const override { return false; }

  [[nodiscard]] bool Contains(const gc::context::Context& /*ctx*/, std::string_view /*network*/, std::string_view addr,
                              gc::Variadic<gc::bypass::Option> opts = {}) override {
    const auto o = gc::MakeOptions<gc::bypass::Options>(opts);
    return Matches(HostOf(addr)) || (!o.Host.empty() && Matches(HostOf(o.Host)));
  }

 private:
  // "host:port" -> "host"; a bare host stays as it is.
  static std::string HostOf(std::string_view addr) {
    auto hp = gc::net::SplitHostPort(addr);
    return hp ? hp->host : std::string(addr);
  }

  [[nodiscard]] bool Matches(const std::string& host) const {
    for (const auto& p : patterns_) {
      if (p == host) return true;
      if (p.rfind("*.", 0) == 0 && host.size() > p.size() - 1 &&
          host.compare(host.size() - (p.size() - 1), p.size() - 1, p, 1) == 0) {
        return true;
      }
    }
    return false;
  }

  std::vector<std::string> patterns_;
};

}  // namespace example
