// gost-core port of go-gost/core metadata/metadata.go.
//
// Metadata is the free-form key/value bag that configuration hands to every
// component (listeners, handlers, dialers, connectors, nodes) for settings that
// have no field of their own. The library defines only the interfaces; go-gost/x
// style implementations treat keys case-insensitively (see docs/go-mapping.md).
#pragma once

#include <any>
#include <memory>
#include <string>
#include <string_view>

#include "gost/core/detail/interface.hpp"

namespace gost::core::metadata {

/// A key/value store of configuration or per-connection data.
///
/// Values are std::any: readers must know the type a writer stored (helpers
/// that convert leniently belong to implementations, as in go-gost/x).
/// Implementations decide their own thread safety; the interface promises
/// none, since upstream's map-backed implementation has none either.
class Metadata {
  GOST_CORE_INTERFACE(Metadata);

  /// True when `key` is present (even if it holds an empty value).
  [[nodiscard]] virtual bool IsExists(std::string_view key) const = 0;
  /// Stores `value` under `key`, replacing any previous value.
  virtual void Set(std::string_view key, std::any value) = 0;
  /// The value under `key`; an empty std::any when absent (Go: nil).
  [[nodiscard]] virtual std::any Get(std::string_view key) const = 0;
};

/// Shared metadata; null means "none" (Go: a nil Metadata).
using MetadataPtr = std::shared_ptr<Metadata>;

/// Implemented by components that carry Metadata (chain::Node, for one).
/// Found through dynamic_cast, as Go finds it through a type assertion.
class Metadatable {
  GOST_CORE_INTERFACE(Metadatable);

  /// The component's metadata; may be null.
  [[nodiscard]] virtual MetadataPtr Metadata() const = 0;
};

}  // namespace gost::core::metadata
