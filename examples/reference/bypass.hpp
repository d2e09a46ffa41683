// gost::x::bypass: go-gost/x's local bypass over a static pattern list.
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include <gost/core/bypass/bypass.hpp>

#include "reference/matcher.hpp"

namespace gost::x::bypass {

namespace core = gost::core;

/// Blacklist (default): an address matching a pattern is bypassed (for a
/// service: refused; for a hop: not proxied). Whitelist: only matching
/// addresses go through, every other one is bypassed. An empty address is
/// never bypassed. Immutable after construction; thread-safe.
class Bypass final : public core::bypass::Bypass {
 public:
  explicit Bypass(matcher::PatternList list) : list_(std::move(list)) {}

  /// From GOST's command-line value ("a,b,c" or "~a,b,c"); an error names a
  /// pattern that fits no form.
  static core::Result<std::shared_ptr<Bypass>> FromList(std::string_view v) {
    return matcher::MakeFromList<Bypass>(v);
  }

  [[nodiscard]] bool IsWhitelist() const override { return list_.whitelist; }

  [[nodiscard]] bool Contains(const core::context::Context&, std::string_view, std::string_view addr,
                              core::Variadic<core::bypass::Option> = {}) override {
    if (addr.empty()) return false;
    return list_.Blocks(addr);
  }

 private:
  matcher::PatternList list_;
};

}  // namespace gost::x::bypass
