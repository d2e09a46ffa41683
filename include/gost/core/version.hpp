// gost-core: version of this port. It follows the go-gost/core release whose
// API it mirrors (0.5.4 ports github.com/go-gost/core v0.5.4).
#pragma once

#define GOST_CORE_VERSION_MAJOR 0
#define GOST_CORE_VERSION_MINOR 5
#define GOST_CORE_VERSION_PATCH 4
/// MAJOR * 10000 + MINOR * 100 + PATCH, for #if comparisons.
#define GOST_CORE_VERSION (GOST_CORE_VERSION_MAJOR * 10000 + GOST_CORE_VERSION_MINOR * 100 + GOST_CORE_VERSION_PATCH)
#define GOST_CORE_VERSION_STRING "0.5.4"

namespace gost::core {

/// The version as a string, "MAJOR.MINOR.PATCH".
inline constexpr const char* kVersion = GOST_CORE_VERSION_STRING;

}  // namespace gost::core
