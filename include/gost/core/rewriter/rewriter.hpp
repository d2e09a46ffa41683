// gost-core port of go-gost/core rewriter/rewriter.go.
//
// A Rewriter transforms a chunk of traffic (an HTTP body, say) and returns
// what to send instead.
#pragma once

#include <any>
#include <memory>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/bytes.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::rewriter {

/// Per-call settings of Rewriter::Rewrite.
struct RewriteOptions {
  /// Data about what is being rewritten, in whatever form the caller and
  /// the rewriter agree on; empty when there is none.
  std::any Metadata;
};

/// Sets fields of RewriteOptions (Go: `func(*RewriteOptions)`); an empty
/// RewriteOption is skipped.
using RewriteOption = OptionFunc<RewriteOptions>;

/// Sets RewriteOptions::Metadata.
inline constexpr FieldOption<&RewriteOptions::Metadata> MetadataRewriteOption{};

/// Transforms bytes.
///
/// Implementations must be safe to call from many threads at once.
class Rewriter {
  GOST_CORE_INTERFACE(Rewriter);

  /// Returns the rewritten form of `b` (which is only borrowed for the
  /// call) as a new buffer owned by the caller; it may equal `b` when
  /// nothing matched. Fails when `b` cannot be processed (malformed input
  /// for a rewriter that parses it, `ctx` ending for one that calls out).
  virtual Result<Bytes> Rewrite(const context::Context& ctx, ByteView b, Variadic<RewriteOption> opts = {}) = 0;
};

/// A shared Rewriter; null means "leave data as it is".
using RewriterPtr = std::shared_ptr<Rewriter>;

}  // namespace gost::core::rewriter
