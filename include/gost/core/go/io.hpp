// gost-core: the io sentinel errors and the I/O result type.
#pragma once

#include <cstddef>

#include "gost/core/go/errors.hpp"

namespace gost::core::io {

/// The peer finished sending: a read returns it when no more data will come
/// (Go's io.EOF). A Read may return data together with ErrEOF.
inline const Error ErrEOF{errors::Code::EndOfFile};

/// What a Read or Write did: how many bytes moved and, possibly, why it
/// stopped. Both can be set at once (n > 0 with an error), exactly as Go's
/// `(n int, err error)`; callers handle the n bytes before looking at err.
struct IOResult {
  std::size_t n = 0;  ///< bytes read or written
  Error err;          ///< empty when the call did all it was asked
};

}  // namespace gost::core::io
