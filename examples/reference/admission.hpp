// gost::x::admission: go-gost/x's local admission over a static pattern list
// of client addresses.
#pragma once

#include <string>
#include <string_view>

#include <gost/core/admission/admission.hpp>

#include "reference/matcher.hpp"

namespace gost::x::admission {

namespace core = gost::core;

/// Decides on the client's host (any port is stripped). Blacklist (default):
/// a matching client is refused. Whitelist: only matching clients are let in.
/// An empty address is admitted. Made with FromList("a,b" or "~a,b").
/// Immutable after construction; thread-safe.
class Admission final : public matcher::ListBacked<Admission, core::admission::Admission> {
 public:
  using ListBacked::ListBacked;

  [[nodiscard]] bool Admit(const core::context::Context&, std::string_view, std::string_view addr,
                           core::Variadic<core::admission::Option> = {}) override {
    std::string host(addr);
    if (auto hp = core::net::SplitHostPort(addr); hp && !hp->host.empty()) host = hp->host;
    return !list_.Blocks(host);
  }
};

}  // namespace gost::x::admission
