// gost::x::admission: go-gost/x's local admission over a static pattern list
// of client addresses.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/admission/admission.hpp>

#include "reference/matcher.hpp"

namespace gost::x::admission {

namespace core = gost::core;

/// Decides on the client's host (any port is stripped). Blacklist (default):
/// a matching client is refused. Whitelist: only matching clients are let in.
/// An empty address is admitted. Immutable after construction; thread-safe.
class Admission final : public core::admission::Admission {
 public:
  explicit Admission(matcher::PatternList list) : list_(std::move(list)) {}

  /// From GOST's command-line value ("a,b" or "~a,b").
  static core::Result<std::shared_ptr<Admission>> FromList(std::string_view v) {
    return matcher::MakeFromList<Admission>(v);
  }

  [[nodiscard]] bool Admit(const core::context::Context&, std::string_view, std::string_view addr,
                           core::Variadic<core::admission::Option> = {}) override {
    if (addr.empty()) return true;
    std::string host(addr);
    if (auto hp = core::net::SplitHostPort(addr); hp && !hp->host.empty()) host = hp->host;
    return !list_.Blocks(host);
  }

 private:
  matcher::PatternList list_;
};

}  // namespace gost::x::admission
