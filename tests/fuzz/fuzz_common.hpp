// Shared helpers for the gost-core fuzz targets (tests/fuzz/*_fuzz.cpp).
//
// Every target is a libFuzzer entry point that checks properties of one
// parser. A broken property calls Fail(), which prints what went wrong and
// executes __builtin_trap(): libFuzzer sees the crash, saves the input as a
// crash-<sha1> file and stops. Any exception leaving a parser is a bug too
// (the parsers report bad input through Error values), so Run() turns it
// into a trap as well.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "gost/core/go/errors.hpp"

namespace gost_fuzz {

/// Prints a broken property (and, if given, the values involved) and traps.
[[noreturn]] inline void Fail(const char* file, int line, const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "\n%s:%d: property broken: %s\n", file, line, what);
  if (!detail.empty()) {
    std::fprintf(stderr, "  detail: %.*s\n", static_cast<int>(detail.size()), detail.data());
  }
  std::fflush(stderr);
  __builtin_trap();
}

/// A printable rendering of arbitrary bytes, in double quotes: printable
/// ASCII as is ('\\' and '"' behind a backslash), other bytes as \xNN.
inline std::string Quote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      out += "\\x";
      out += kHex[u >> 4U];
      out += kHex[u & 0xfU];
    }
  }
  out += '"';
  return out;
}

/// True when the check named `id` is listed in the environment variable
/// GOST_FUZZ_SKIP (comma-separated). Only checks that guard a reported,
/// not yet fixed finding are named, so that fuzzing can go on past it.
inline bool Skipped(std::string_view id) {
  static const std::string list = [] {
    const char* env = std::getenv("GOST_FUZZ_SKIP");  // NOLINT(concurrency-mt-unsafe): read once
    return env == nullptr ? std::string() : "," + std::string(env) + ",";
  }();
  return list.find("," + std::string(id) + ",") != std::string::npos;
}

/// The fuzzer's bytes as text.
inline std::string_view AsText(const std::uint8_t* data, std::size_t size) noexcept {
  if (size == 0) return {};
  return {reinterpret_cast<const char*>(data), size};  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

/// Runs one target body on the input; an escaping exception is a finding.
template <class Body>
int Run(const std::uint8_t* data, std::size_t size, Body&& body) {
  const std::string_view input = AsText(data, size);
  try {
    body(input);
  } catch (const std::exception& e) {
    Fail(__FILE__, __LINE__, "unexpected exception", std::string(e.what()) + " on input " + Quote(input));
  } catch (...) {
    Fail(__FILE__, __LINE__, "unexpected exception of unknown type", Quote(input));
  }
  return 0;
}

/// Splits s at the first `sep`: {before, after}; after is empty (and
/// `found` false) when there is no separator.
struct Cut {
  std::string_view before;
  std::string_view after;
  bool found = false;
};
inline Cut CutAt(std::string_view s, char sep) noexcept {
  const auto at = s.find(sep);
  if (at == std::string_view::npos) return {s, {}, false};
  return {s.substr(0, at), s.substr(at + 1), true};
}

inline bool IsHex(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// True when every '%' in s starts a "%XX" escape with two hex digits.
inline bool EscapesWellFormed(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
    i += 2;
  }
  return true;
}

}  // namespace gost_fuzz

/// Checks a property; on failure reports the expression and traps.
#define FUZZ_CHECK(cond)                                       \
  do {                                                         \
    if (!(cond)) ::gost_fuzz::Fail(__FILE__, __LINE__, #cond); \
  } while (false)

/// Like FUZZ_CHECK, with a string describing the values involved (built
/// only when the check fails).
#define FUZZ_CHECK_MSG(cond, detail)                                     \
  do {                                                                   \
    if (!(cond)) ::gost_fuzz::Fail(__FILE__, __LINE__, #cond, (detail)); \
  } while (false)

/// Checks the contract of a parse error: set, coded InvalidArgument, and
/// with a message that is not empty.
#define FUZZ_CHECK_PARSE_ERROR(err, input)                                                          \
  do {                                                                                              \
    const ::gost::core::Error& fuzz_err_ = (err);                                                   \
    FUZZ_CHECK_MSG(static_cast<bool>(fuzz_err_), "empty error for " + ::gost_fuzz::Quote(input));   \
    FUZZ_CHECK_MSG(fuzz_err_.Code() == ::gost::core::errors::Code::InvalidArgument,                 \
                   "code " + fuzz_err_.Code().message() + " for " + ::gost_fuzz::Quote(input));     \
    FUZZ_CHECK_MSG(!fuzz_err_.Message().empty(), "empty message for " + ::gost_fuzz::Quote(input)); \
  } while (false)
