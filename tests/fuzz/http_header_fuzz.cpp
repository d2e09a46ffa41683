// Fuzz target: http::CanonicalHeaderKey and http::Header.
//
// Properties of CanonicalHeaderKey(k):
//  * idempotent, same length as k, equal to k ignoring ASCII case;
//  * a key holding a byte that is not an HTTP token character comes back
//    unchanged;
//  * otherwise every ASCII letter is upper case at the start and after '-',
//    lower case elsewhere, and the result does not depend on the case of
//    the input (lower-casing or upper-casing k first gives the same key).
//
// Header: the input is a script, one operation per line:
//    "+key:value"  Add      "=key:value"  Set      "-key"  Del
// (other lines are looked up with Get/Values/Has). The header is checked
// against a plain model keyed by the ASCII-lower-cased key for token keys
// and the exact bytes for the others: same fields, same values in order.
// Every stored key is canonical; Clone() and copies compare equal; Get of
// an absent key is "". When no key or value holds CR or LF, operator<<
// prints exactly one "Key: value\r\n" line per value.
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"
#include "gost/core/go/http.hpp"

namespace {

namespace http = gost::core::http;
using gost_fuzz::Quote;

bool IsToken(unsigned char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool AllToken(std::string_view k) noexcept {
  for (char c : k) {
    if (!IsToken(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

char Lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string Map(std::string_view s, char (*f)(char) noexcept) {
  std::string out(s);
  for (char& c : out) c = f(c);
  return out;
}

void CheckCanonical(std::string_view key) {
  const std::string c = http::CanonicalHeaderKey(key);
  FUZZ_CHECK_MSG(http::CanonicalHeaderKey(c) == c, "not idempotent: " + Quote(key) + " -> " + Quote(c));
  FUZZ_CHECK_MSG(c.size() == key.size(), Quote(key));
  FUZZ_CHECK_MSG(Map(c, Lower) == Map(key, Lower), "changed more than case: " + Quote(key) + " -> " + Quote(c));
  if (!AllToken(key)) {
    FUZZ_CHECK_MSG(c == key, "non-token key changed: " + Quote(key) + " -> " + Quote(c));
    return;
  }
  for (std::size_t i = 0; i < c.size(); ++i) {
    const bool upper = i == 0 || c[i - 1] == '-';
    FUZZ_CHECK_MSG(c[i] == (upper ? Upper(c[i]) : Lower(c[i])), "bad case at " + std::to_string(i) + ": " + Quote(c));
  }
  FUZZ_CHECK_MSG(http::CanonicalHeaderKey(Map(key, Lower)) == c && http::CanonicalHeaderKey(Map(key, Upper)) == c,
                 "depends on input case: " + Quote(key));
}

struct ModelField {
  std::string some_key;  // a spelling that reaches the field
  std::vector<std::string> values;
};

std::string ModelKey(std::string_view key) { return AllToken(key) ? "t" + Map(key, Lower) : "x" + std::string(key); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return gost_fuzz::Run(data, size, [&](std::string_view input) {
    CheckCanonical(input);

    http::Header h;
    std::map<std::string, ModelField> model;
    bool clean = true;  // no CR/LF in keys or values
    std::string_view rest = input;
    while (!rest.empty()) {
      const auto line_cut = gost_fuzz::CutAt(rest, '\n');
      const std::string_view line = line_cut.before;
      rest = line_cut.after;
      if (line.empty()) continue;
      const char op = line[0];
      const auto kv = gost_fuzz::CutAt(line.substr(1), ':');
      const std::string_view key = kv.before;
      const std::string value(kv.after);
      CheckCanonical(key);
      const std::string mk = ModelKey(key);
      switch (op) {
        case '+': {
          h.Add(key, value);
          auto& f = model[mk];
          f.some_key = std::string(key);
          f.values.push_back(value);
          if (key.find('\r') != std::string_view::npos || value.find('\r') != std::string::npos) clean = false;
          break;
        }
        case '=': {
          h.Set(key, value);
          auto& f = model[mk];
          f.some_key = std::string(key);
          f.values = {value};
          if (key.find('\r') != std::string_view::npos || value.find('\r') != std::string::npos) clean = false;
          break;
        }
        case '-':
          h.Del(line.substr(1));
          model.erase(ModelKey(line.substr(1)));
          break;
        default: {
          const auto it = model.find(ModelKey(line));
          const bool present = it != model.end();
          FUZZ_CHECK_MSG(h.Has(line) == present, Quote(line));
          const auto values = h.Values(line);
          FUZZ_CHECK_MSG(present ? values == it->second.values : values.empty(), Quote(line));
          FUZZ_CHECK_MSG(h.Get(line) == (present ? it->second.values.front() : std::string()), Quote(line));
        }
      }
    }

    FUZZ_CHECK_MSG(h.size() == model.size(), Quote(input));
    FUZZ_CHECK(h.empty() == model.empty());
    std::size_t lines = 0;
    for (const auto& [mk, f] : model) {
      FUZZ_CHECK_MSG(h.Values(f.some_key) == f.values, Quote(f.some_key));
      FUZZ_CHECK_MSG(h.Get(f.some_key) == f.values.front(), Quote(f.some_key));
      FUZZ_CHECK(h.Has(f.some_key));
      lines += f.values.size();
    }
    for (const auto& [k, vs] : h) {
      FUZZ_CHECK_MSG(http::CanonicalHeaderKey(k) == k, "stored key not canonical: " + Quote(k));
      FUZZ_CHECK(!vs.empty());
    }
    const http::Header copy = h;
    FUZZ_CHECK(h.Clone() == h && copy == h);
    if (clean) {
      std::ostringstream os;
      os << h;
      const std::string text = os.str();
      std::size_t crlf = 0;
      for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at + 2)) ++crlf;
      FUZZ_CHECK_MSG(crlf == lines, "printed " + std::to_string(crlf) + " lines for " + std::to_string(lines) +
                                        " values: " + Quote(text));
    }
  });
}
