// gost-core: the parts of Go's io package that connections and relays need.
//
//  * Reader, Writer          anything that reads or writes bytes; net::Conn is
//                            both.
//  * ReaderFrom, WriterTo    optional interfaces: a type that can move a whole
//                            stream faster than a read/write loop (a socket
//                            that splices, say) implements one; Copy finds
//                            it with dynamic_cast, as Go's io.Copy finds it
//                            with a type assertion.
//  * Copy, CopyBuffer        Go's io.Copy and io.CopyBuffer, with the same
//                            order of choices, results and errors.
//  * ErrEOF, ErrShortWrite, ErrInvalidWrite, ErrInvalidRead, and the result
//    types IOResult (one Read or Write) and CopyResult (a whole copy).
//
// Layering: this header uses the buffer pool (common/bufpool/pool.hpp, which
// depends on go/bytes.hpp and nothing of the vocabulary's I/O), so that Copy
// borrows its buffer instead of allocating one per call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

#include "gost/core/common/bufpool/pool.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/bytes.hpp"
#include "gost/core/go/errors.hpp"

namespace gost::core::io {

/// The peer finished sending: a read returns it when no more data will come
/// (Go's io.EOF). A Read may return data together with ErrEOF. Readers return
/// ErrEOF itself, never wrapped, so that callers can compare with `==`.
inline const Error ErrEOF{errors::Code::EndOfFile};

/// A Write accepted fewer bytes than it was given and reported no error
/// (Go's io.ErrShortWrite). Copy returns it.
inline const Error ErrShortWrite = errors::New("short write");

/// A Write reported more bytes than it was given (Go's unexported
/// errInvalidWrite, same text). Copy returns it.
inline const Error ErrInvalidWrite = errors::New("invalid write result");

/// A Read reported more bytes than its buffer holds. Go's io.Copy panics on
/// such a reader (the slice goes out of range); Copy returns this instead.
inline const Error ErrInvalidRead = errors::New("invalid read result");

/// What a Read or Write did: how many bytes moved and, possibly, why it
/// stopped. Both can be set at once (n > 0 with an error), exactly as Go's
/// `(n int, err error)`; callers handle the n bytes before looking at err.
struct IOResult {
  std::size_t n = 0;  ///< bytes read or written
  Error err;          ///< empty when the call did all it was asked
};

/// What a whole copy did (Go's `(n int64, err error)` of io.Copy, ReadFrom
/// and WriteTo): the bytes written to the destination and why it stopped.
/// A copy that ran to the end of its source has an empty err: reaching EOF
/// is how a copy is meant to end, not a failure. The count is 64-bit and
/// signed, as Go's, because a stream is not bounded by a buffer's size.
struct CopyResult {
  std::int64_t n = 0;  ///< bytes written to the destination
  Error err;           ///< empty when the source ended with EOF
};

/// Something bytes can be read from (Go's io.Reader). Read fills at most
/// b.size() bytes, may return fewer, and returns n > 0 or an error, possibly
/// both; at the end of the data it returns ErrEOF. Every net::Conn is one.
class Reader {
  GOST_CORE_INTERFACE(Reader);

  /// Reads into b.
  virtual IOResult Read(std::span<std::byte> b) = 0;
};

/// Something bytes can be written to (Go's io.Writer). Write writes all of b
/// or returns an error saying why not (n tells how much went). Every
/// net::Conn is one.
class Writer {
  GOST_CORE_INTERFACE(Writer);

  /// Writes b.
  virtual IOResult Write(std::span<const std::byte> b) = 0;
};

/// Optional interface of a destination (Go's io.ReaderFrom): it reads r to
/// its end by itself, typically without copying through user memory. Copy
/// calls it when the source is not a WriterTo. ReadFrom returns the bytes it
/// wrote and the first error other than r's ErrEOF; a ReadFrom that cannot
/// serve r faster than a loop does the loop itself (without calling Copy on
/// itself again, which would come straight back to it).
class ReaderFrom {
  GOST_CORE_INTERFACE(ReaderFrom);

  /// Copies r into this object until r reports ErrEOF or an error.
  virtual CopyResult ReadFrom(Reader& r) = 0;
};

/// Optional interface of a source (Go's io.WriterTo): it writes all it has
/// to w by itself. Copy prefers it to everything else. WriteTo returns the
/// bytes written and the first error; the end of the data is no error.
class WriterTo {
  GOST_CORE_INTERFACE(WriterTo);

  /// Writes this object's data to w until there is no more or an error.
  virtual CopyResult WriteTo(Writer& w) = 0;
};

/// The size of the buffer Copy borrows from the pool (Go's 32 KiB).
inline constexpr std::size_t kCopyBufferSize = std::size_t{32} * 1024;

namespace detail {

// The read/write loop of Go's io.copyBuffer, on a buffer that is not empty.
inline CopyResult CopyLoop(Writer& dst, Reader& src, std::span<std::byte> buf) {
  CopyResult out;
  for (;;) {
    IOResult r = src.Read(buf);
    if (r.n > buf.size()) {
      out.err = ErrInvalidRead;
      break;
    }
    if (r.n > 0) {
      IOResult w = dst.Write(buf.first(r.n));
      if (w.n > r.n) {
        w.n = 0;
        if (!w.err) w.err = ErrInvalidWrite;
      }
      out.n += static_cast<std::int64_t>(w.n);
      if (w.err) {
        out.err = std::move(w.err);
        break;
      }
      if (w.n != r.n) {
        out.err = ErrShortWrite;
        break;
      }
    }
    if (r.err) {
      // Go compares with ==: only io.EOF itself ends a copy cleanly.
      if (!(r.err == ErrEOF)) out.err = std::move(r.err);
      break;
    }
  }
  return out;
}

}  // namespace detail

/// Copies from src to dst until src reports ErrEOF or an error occurs (Go's
/// io.CopyBuffer). In Go's order:
///  1. If src is a WriterTo, returns src.WriteTo(dst).
///  2. Else if dst is a ReaderFrom, returns dst.ReadFrom(src).
///  3. Else reads into buf and writes what was read, until the end. An empty
///     span whose data() is null means "no buffer": one of kCopyBufferSize
///     bytes is borrowed from common::bufpool for the call.
///
/// Returns the bytes written and the first error; a copy that reached src's
/// end returns an empty error. A Read that returns bytes and an error has its
/// bytes written first. A Write that takes fewer bytes than given without an
/// error ends the copy with ErrShortWrite; one that reports more than given
/// counts as 0 bytes and ends it with ErrInvalidWrite (unless it returned an
/// error of its own); a Read that reports more than buf holds ends it with
/// ErrInvalidRead. A buffer of length zero whose data() is not null is a
/// caller's mistake (Go panics): the result is an error with code
/// errors::Code::InvalidArgument and nothing is read.
///
/// Blocks as long as src's Reads and dst's Writes do; deadlines and Close on
/// either end stop it through the error they make those calls return.
inline CopyResult CopyBuffer(Writer& dst, Reader& src, std::span<std::byte> buf) {
  if (buf.data() != nullptr && buf.empty()) {
    return {0, errors::WithCode(errors::Code::InvalidArgument, "io: empty buffer in CopyBuffer")};
  }
  if (auto* wt = dynamic_cast<WriterTo*>(&src)) return wt->WriteTo(dst);
  if (auto* rf = dynamic_cast<ReaderFrom*>(&dst)) return rf->ReadFrom(src);
  if (buf.data() != nullptr) return detail::CopyLoop(dst, src, buf);
  Bytes pooled = common::bufpool::Get(static_cast<int>(kCopyBufferSize));
  CopyResult out = detail::CopyLoop(dst, src, pooled.mutable_view());
  common::bufpool::Put(std::move(pooled));
  return out;
}

/// Copies from src to dst until src's end or an error (Go's io.Copy): the
/// same as CopyBuffer with no buffer of the caller's.
inline CopyResult Copy(Writer& dst, Reader& src) { return CopyBuffer(dst, src, {}); }

}  // namespace gost::core::io
