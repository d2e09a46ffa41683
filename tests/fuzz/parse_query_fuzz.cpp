// Fuzz target: url::ParseQuery and url::Values::Encode.
//
// Properties:
//  * ParseQuery fails exactly when some '&'-separated pair holds a ';' or a
//    malformed '%' escape (an independent model); errors are coded
//    InvalidArgument and have a message.
//  * On success there is one value per non-empty pair, no key has an empty
//    value list, Get(key) is the first value of the key, and the values of
//    a key keep the order of the text (checked against a model built by
//    unescaping each pair with QueryUnescape).
//  * ParseQuery(v.Encode()) == v, and Encode is stable
//    (Encode(ParseQuery(Encode(v))) == Encode(v)); it holds no ';' and no
//    bytes that need escaping.
//  * For Values built with Add from arbitrary bytes (the input read as
//    lines of "key<TAB>value"), ParseQuery(Encode()) gives them back.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "gost/core/go/url.hpp"

namespace {

namespace url = gost::core::url;
using gost_fuzz::Quote;

void CheckEncodeRoundTrip(const url::Values& v, std::string_view origin) {
  const std::string text = v.Encode();
  FUZZ_CHECK_MSG(text.find(';') == std::string::npos, Quote(text));
  for (char c : text) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       std::string_view("-_.~+%=&").find(c) != std::string_view::npos;
    FUZZ_CHECK_MSG(plain, "Encode left a byte unescaped: " + Quote(text));
  }
  auto back = url::ParseQuery(text);
  FUZZ_CHECK_MSG(back.has_value(), "Encode output does not parse: " + Quote(text) + " from " + Quote(origin));
  FUZZ_CHECK_MSG(*back == v, "ParseQuery(Encode()) differs: " + Quote(text) + " -> " + Quote(back->Encode()) +
                                 " from " + Quote(origin));
  FUZZ_CHECK_MSG(back->Encode() == text, Quote(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    const auto parsed = url::ParseQuery(input);

    // The model: split and unescape each pair on its own.
    bool want_ok = true;
    std::size_t pairs = 0;
    std::map<std::string, std::vector<std::string>> model;
    for (std::string_view rest = input; !rest.empty();) {
      const auto cut = gost_fuzz::CutAt(rest, '&');
      const std::string_view pair = cut.before;
      rest = cut.after;
      if (pair.find(';') != std::string_view::npos || !gost_fuzz::EscapesWellFormed(pair)) {
        want_ok = false;
        break;
      }
      if (pair.empty()) continue;
      ++pairs;
      const auto kv = gost_fuzz::CutAt(pair, '=');
      auto key = url::QueryUnescape(kv.before);
      auto value = url::QueryUnescape(kv.after);
      FUZZ_CHECK(key.has_value() && value.has_value());
      model[*key].push_back(*value);
    }
    FUZZ_CHECK_MSG(parsed.has_value() == want_ok,
                   "ParseQuery " + std::string(parsed ? "accepts " : "rejects ") + Quote(input) + " against the model");
    if (!parsed) {
      FUZZ_CHECK_PARSE_ERROR(parsed.error(), input);
    } else {
      const url::Values& v = *parsed;
      std::size_t values = 0;
      FUZZ_CHECK(v.size() == model.size());
      for (const auto& [k, vs] : v) {
        FUZZ_CHECK_MSG(!vs.empty(), "empty value list for " + Quote(k));
        values += vs.size();
        FUZZ_CHECK(v.Has(k));
        FUZZ_CHECK(v.Get(k) == vs.front());
        FUZZ_CHECK(v.ValuesOf(k) == vs);
        const auto it = model.find(k);
        FUZZ_CHECK_MSG(it != model.end() && it->second == vs, "values of " + Quote(k) + " in " + Quote(input));
      }
      FUZZ_CHECK_MSG(values == pairs, Quote(input));
      CheckEncodeRoundTrip(v, input);
    }

    // Values from arbitrary bytes.
    url::Values built;
    for (std::string_view rest = input; !rest.empty();) {
      const auto line = gost_fuzz::CutAt(rest, '\n');
      rest = line.after;
      const auto kv = gost_fuzz::CutAt(line.before, '\t');
      built.Add(std::string(kv.before), std::string(kv.after));
    }
    CheckEncodeRoundTrip(built, input);
  });
}
