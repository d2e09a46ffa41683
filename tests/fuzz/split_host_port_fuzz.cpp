// Fuzz target: net::SplitHostPort and net::JoinHostPort.
//
// Properties:
//  * A split error is coded InvalidArgument and has a message naming the
//    address ("address ...").
//  * SplitHostPort accepts exactly the two shapes Go's net.SplitHostPort
//    accepts (an independent model):
//        H ":" P          H and P without ':', '[' or ']'
//        "[" H "]:" P     H without '[' or ']', P without ':', '[' or ']'
//    and the parts it returns are that H and P, so the input is rebuilt
//    exactly from them.
//  * SplitHostPort(JoinHostPort(host, port)) == {host, port} for every
//    successful split, and for any host without brackets and port without
//    ':' or brackets taken from the input (split at its first NUL byte,
//    or at its last ':' when it has none).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "gost/core/go/net.hpp"

namespace {

namespace net = gost::core::net;
using gost_fuzz::Quote;

bool Has(std::string_view s, std::string_view any) noexcept { return s.find_first_of(any) != std::string_view::npos; }

// The model: the host and port SplitHostPort must return, or false.
bool ModelSplit(std::string_view s, std::string_view& host, std::string_view& port) {
  const auto colon = s.rfind(':');
  if (colon == std::string_view::npos) return false;
  port = s.substr(colon + 1);
  if (Has(port, ":[]")) return false;
  if (!s.empty() && s[0] == '[') {
    if (colon < 2 || s[colon - 1] != ']') return false;
    host = s.substr(1, colon - 2);
    return !Has(host, "[]");
  }
  host = s.substr(0, colon);
  return !Has(host, ":[]");
}

void CheckJoinSplit(std::string_view host, std::string_view port) {
  const std::string joined = net::JoinHostPort(host, port);
  const auto back = net::SplitHostPort(joined);
  FUZZ_CHECK_MSG(back.has_value(), "Split(Join(h, p)) fails for " + Quote(joined) + ": " +
                                       (back ? std::string() : back.error().Message()));
  FUZZ_CHECK_MSG(back->host == host && back->port == port,
                 "Split(Join(h, p)) gives " + Quote(back->host) + ", " + Quote(back->port) + " for " + Quote(joined));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    const auto split = net::SplitHostPort(input);
    std::string_view want_host;
    std::string_view want_port;
    const bool want_ok = ModelSplit(input, want_host, want_port);
    FUZZ_CHECK_MSG(split.has_value() == want_ok, "SplitHostPort " + std::string(split ? "accepts " : "rejects ") +
                                                     Quote(input) + " against the model");
    if (!split) {
      FUZZ_CHECK_PARSE_ERROR(split.error(), input);
      FUZZ_CHECK(split.error().Message().rfind("address ", 0) == 0);
    } else {
      FUZZ_CHECK_MSG(split->host == want_host && split->port == want_port,
                     Quote(split->host) + ", " + Quote(split->port) + " from " + Quote(input));
      const bool bracketed = !input.empty() && input[0] == '[';
      const std::string rebuilt = bracketed ? "[" + split->host + "]:" + split->port : split->host + ":" + split->port;
      FUZZ_CHECK_MSG(rebuilt == input, Quote(rebuilt) + " rebuilt from " + Quote(input));
      CheckJoinSplit(split->host, split->port);
    }

    // Join first: any bracket-free host and port without ':'.
    auto cut = gost_fuzz::CutAt(input, '\0');
    if (!cut.found) {
      const auto colon = input.rfind(':');
      if (colon != std::string_view::npos) cut = {input.substr(0, colon), input.substr(colon + 1), true};
    }
    if (cut.found && !Has(cut.before, "[]") && !Has(cut.after, ":[]")) CheckJoinSplit(cut.before, cut.after);
  });
}
