// Fuzz target: url::ParseUserinfo and url::Userinfo::String.
//
// Properties:
//  * ParseUserinfo fails exactly when the text holds a byte RFC 3986 does
//    not allow in userinfo (unreserved, sub-delims, ':', '%' and '@' are
//    allowed) or a malformed '%' escape (an independent model); errors are
//    coded InvalidArgument and have a message.
//  * On success: a password is present exactly when the text holds a ':';
//    the name is the unescaped text before the first ':' and the password
//    the unescaped rest ('+' stays '+').
//  * ParseUserinfo(u.String()) == u, and String() is stable and holds only
//    allowed bytes, with no ':' inside the name part.
//  * The same round trip holds for credentials built from arbitrary bytes:
//    the input split at its first NUL into name and password (no NUL: a
//    name alone).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "gost/core/go/url.hpp"

namespace {

namespace url = gost::core::url;
using gost_fuzz::Quote;

bool Allowed(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~!$&'()*+,;=:%@").find(c) != std::string_view::npos;
}

// Unescapes "%XX" only; precondition: escapes are well formed.
std::string Unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void CheckRoundTrip(const url::Userinfo& u) {
  const std::string text = u.String();
  for (char c : text) FUZZ_CHECK_MSG(Allowed(c), "String() holds a bad byte: " + Quote(text));
  const auto colon = text.find(':');
  FUZZ_CHECK_MSG((colon != std::string::npos) == u.Password().has_value(), Quote(text));
  auto back = url::ParseUserinfo(text);
  FUZZ_CHECK_MSG(back.has_value(), "String() does not parse: " + Quote(text));
  FUZZ_CHECK(*back != nullptr);
  FUZZ_CHECK_MSG(**back == u, "ParseUserinfo(String()) differs: " + Quote(text) + " -> " + Quote((*back)->String()));
  FUZZ_CHECK_MSG((*back)->String() == text, Quote(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    const auto parsed = url::ParseUserinfo(input);
    bool want_ok = gost_fuzz::EscapesWellFormed(input);
    for (char c : input) want_ok = want_ok && Allowed(c);
    FUZZ_CHECK_MSG(parsed.has_value() == want_ok, "ParseUserinfo " + std::string(parsed ? "accepts " : "rejects ") +
                                                      Quote(input) + " against the model");
    if (!parsed) {
      FUZZ_CHECK_PARSE_ERROR(parsed.error(), input);
    } else {
      FUZZ_CHECK(*parsed != nullptr);
      const url::Userinfo& u = **parsed;
      const auto cut = gost_fuzz::CutAt(input, ':');
      FUZZ_CHECK_MSG(u.Username() == Unescape(cut.before), Quote(input) + " name " + Quote(u.Username()));
      FUZZ_CHECK_MSG(u.Password().has_value() == cut.found, Quote(input));
      if (cut.found) FUZZ_CHECK_MSG(*u.Password() == Unescape(cut.after), Quote(input));
      CheckRoundTrip(u);
    }

    const auto cut = gost_fuzz::CutAt(input, '\0');
    if (cut.found) {
      CheckRoundTrip(url::Userinfo(std::string(cut.before), std::string(cut.after)));
    } else {
      CheckRoundTrip(url::Userinfo(std::string(input)));
    }
  });
}
