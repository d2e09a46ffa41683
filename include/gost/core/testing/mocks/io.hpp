// gost-core testing kit: GoogleMock mocks of the vocabulary io::Reader,
// io::Writer and the optional io::ReaderFrom and io::WriterTo.
//
// They suit tests of code that calls io::Copy or a Reader/Writer directly
// and must see which path it takes. To give one object several of these
// interfaces (a Reader that is also a WriterTo, as a socket may be), derive
// a small class from the mocks you need; each mock only declares its own
// method.
#pragma once

#include <gmock/gmock.h>

#include <cstddef>
#include <span>

#include "gost/core/go/io.hpp"

namespace gost::core::io {

/// Mock of Reader. Unconfigured, Read returns {0, no error}, which a copy
/// loop would spin on: give it an action. The buffer is the caller's; an
/// action fills it, e.g.
/// `Invoke([](std::span<std::byte> b) { b[0] = std::byte{'x'}; return io::IOResult{1, io::ErrEOF}; })`.
class MockReader : public Reader {
 public:
  MOCK_METHOD(IOResult, Read, (std::span<std::byte> b), (override));
};

/// Mock of Writer. Unconfigured, Write returns {0, no error}: to io::Copy, a
/// short write.
class MockWriter : public Writer {
 public:
  MOCK_METHOD(IOResult, Write, (std::span<const std::byte> b), (override));
};

/// Mock of ReaderFrom. Unconfigured, ReadFrom returns {0, no error}.
class MockReaderFrom : public ReaderFrom {
 public:
  MOCK_METHOD(CopyResult, ReadFrom, (Reader & r), (override));
};

/// Mock of WriterTo. Unconfigured, WriteTo returns {0, no error}.
class MockWriterTo : public WriterTo {
 public:
  MOCK_METHOD(CopyResult, WriteTo, (Writer & w), (override));
};

}  // namespace gost::core::io
