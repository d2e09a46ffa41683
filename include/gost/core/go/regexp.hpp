// gost-core: compiled regular expressions, as upstream's *regexp.Regexp.
//
// The library compiles no regular expressions itself (that would tie every
// user to one engine and cost every includer <regex>). Settings that upstream
// holds as a compiled *regexp.Regexp hold a RegexpPtr here: an implementation
// supplied by whoever builds the settings, over std::regex, RE2, PCRE2 or
// Hyperscan. Go's syntax is RE2's; an adapter documents what it accepts.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "gost/core/detail/interface.hpp"

namespace gost::core::regexp {

/// A compiled pattern. Immutable once built, so safe to share across threads.
class Regexp {
  GOST_CORE_INTERFACE(Regexp);

  /// The source text the pattern was compiled from.
  [[nodiscard]] virtual std::string String() const = 0;
  /// True when the pattern matches anywhere in `s`.
  [[nodiscard]] virtual bool MatchString(std::string_view s) const = 0;
  /// `src` with every match replaced by `repl`, in which $1 / ${name}
  /// expand to submatches as in Go's ReplaceAllString.
  [[nodiscard]] virtual std::string ReplaceAllString(std::string_view src, std::string_view repl) const = 0;
};

/// A shared compiled pattern; null means "no pattern".
using RegexpPtr = std::shared_ptr<const Regexp>;

}  // namespace gost::core::regexp
