// gost-core: functional options.
//
// Upstream configures everything through `type XOption func(*XOptions)`.
// Here each such type is an OptionFunc<XOptions>: a callable taking a pointer
// to the options struct. Like a nil Go func, an empty OptionFunc is allowed in
// a list and skipped when the list is applied.
#pragma once

#include <functional>

#include "gost/core/go/variadic.hpp"

namespace gost::core {

/// A function that sets fields of an options struct O.
template <class O>
using OptionFunc = std::function<void(O*)>;

/// Applies options to `opts` in order, skipping empty ones (Go: nil options).
template <class O>
void ApplyOptions(O& opts, Variadic<OptionFunc<O>> options) {
  for (const auto& opt : options) {
    if (opt) opt(&opts);
  }
}

/// Builds an options struct from a list of options (a default O, then each
/// non-empty option in order).
template <class O>
O MakeOptions(Variadic<OptionFunc<O>> options) {
  O opts{};
  ApplyOptions(opts, options);
  return opts;
}

}  // namespace gost::core
