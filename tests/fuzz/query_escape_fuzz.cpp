// Fuzz target: url::QueryEscape and url::QueryUnescape.
//
// Properties:
//  * QueryUnescape(QueryEscape(s)) == s for any bytes s.
//  * QueryEscape output holds only unreserved characters, '+' and "%XX"
//    escapes with upper-case hex; it keeps unreserved bytes, turns ' ' into
//    '+' and escapes every other byte, so its length is exactly
//    size + 2 * (bytes escaped); it is stable under a second
//    unescape/escape round.
//  * QueryUnescape(s) fails exactly when some '%' is not followed by two hex
//    digits (an independent check); the error is coded InvalidArgument and
//    names the bad escape. On success every "%XX" becomes one byte and '+'
//    a space, so the result is s.size() - 2 * (escapes) long, and escaping
//    it and unescaping again gives it back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "gost/core/go/url.hpp"

namespace {

namespace url = gost::core::url;
using gost_fuzz::Quote;

bool Unreserved(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

bool UpperHex(char c) noexcept { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

void CheckEscaped(std::string_view raw, const std::string& e) {
  std::size_t escaped = 0;
  for (char c : raw) {
    if (!Unreserved(c) && c != ' ') ++escaped;
  }
  FUZZ_CHECK_MSG(e.size() == raw.size() + 2 * escaped, Quote(raw) + " -> " + Quote(e));
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (e[i] == '%') {
      FUZZ_CHECK_MSG(i + 2 < e.size() && UpperHex(e[i + 1]) && UpperHex(e[i + 2]), Quote(e));
      i += 2;
    } else {
      FUZZ_CHECK_MSG(Unreserved(e[i]) || e[i] == '+', "unescaped byte in " + Quote(e));
    }
  }
  auto back = url::QueryUnescape(e);
  FUZZ_CHECK_MSG(back.has_value(), "QueryEscape output does not unescape: " + Quote(e));
  FUZZ_CHECK_MSG(*back == raw, "round trip " + Quote(raw) + " -> " + Quote(e) + " -> " + Quote(*back));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    CheckEscaped(input, url::QueryEscape(input));

    const auto un = url::QueryUnescape(input);
    const bool want_ok = gost_fuzz::EscapesWellFormed(input);
    FUZZ_CHECK_MSG(un.has_value() == want_ok,
                   "QueryUnescape " + std::string(un ? "accepts " : "rejects ") + Quote(input));
    if (!un) {
      FUZZ_CHECK_PARSE_ERROR(un.error(), input);
      FUZZ_CHECK_MSG(un.error().Message().find("invalid URL escape \"%") != std::string::npos, un.error().Message());
      return;
    }
    std::size_t escapes = 0;
    for (char c : input) {
      if (c == '%') ++escapes;
    }
    FUZZ_CHECK_MSG(un->size() == input.size() - 2 * escapes, Quote(input) + " -> " + Quote(*un));
    for (std::size_t i = 0, j = 0; i < input.size(); ++i, ++j) {
      if (input[i] == '%') {
        i += 2;
      } else {
        FUZZ_CHECK_MSG((*un)[j] == (input[i] == '+' ? ' ' : input[i]), Quote(input) + " -> " + Quote(*un));
      }
    }
    const std::string again = url::QueryEscape(*un);
    CheckEscaped(*un, again);
  });
}
