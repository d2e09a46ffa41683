// gost::x::bypass: go-gost/x's local bypass over a static pattern list.
#pragma once

#include <string_view>

#include <gost/core/bypass/bypass.hpp>

#include "reference/matcher.hpp"

namespace gost::x::bypass {

namespace core = gost::core;

/// Blacklist (default): an address matching a pattern is bypassed (for a
/// service: refused; for a hop: not proxied). Whitelist: only matching
/// addresses go through, every other one is bypassed. An empty address is
/// never bypassed. Made with FromList("a,b,c" or "~a,b,c"). Immutable after
/// construction; thread-safe.
class Bypass final : public matcher::ListBacked<Bypass, core::bypass::Bypass> {
 public:
  using ListBacked::ListBacked;

  [[nodiscard]] bool IsWhitelist() const override { return list_.whitelist; }

  [[nodiscard]] bool Contains(const core::context::Context&, std::string_view, std::string_view addr,
                              core::Variadic<core::bypass::Option> = {}) override {
    return list_.Blocks(addr);
  }
};

}  // namespace gost::x::bypass
