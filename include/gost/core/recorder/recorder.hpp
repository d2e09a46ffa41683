// gost-core port of go-gost/core recorder/recorder.go.
//
// Recorders capture traffic: raw bytes as a hex dump, HTTP bodies, or
// per-connection facts (addresses, dial errors) under the keys below, for a
// file, a log, or a remote collector.
#pragma once

#include <any>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/bytes.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::recorder {

/// Per-call settings of Recorder::Record.
struct RecordOptions {
  /// Data about the record (who, where, which direction...), in whatever
  /// form the caller and the recorder agree on; empty when there is none.
  std::any Metadata;
};

/// Sets fields of RecordOptions (Go: `func(*RecordOptions)`); an empty
/// RecordOption is skipped.
using RecordOption = OptionFunc<RecordOptions>;

/// Sets RecordOptions::Metadata.
inline constexpr FieldOption<&RecordOptions::Metadata> MetadataRecordOption{};

/// Captures data.
///
/// Implementations must be safe to call from many threads at once; each call
/// is one record, which they must not interleave with another's.
class Recorder {
  GOST_CORE_INTERFACE(Recorder);

  /// Records `b`, which is borrowed for the duration of the call only (copy
  /// it to keep it). Returns the error of the underlying sink (a write that
  /// failed, the context's error if `ctx` ended first).
  virtual Error Record(const context::Context& ctx, ByteView b, Variadic<RecordOption> opts = {}) = 0;
};

/// A shared Recorder; null means "not recording".
using RecorderPtr = std::shared_ptr<Recorder>;

/// How a recorder attached to a service or router records.
struct Options {
  /// The direction of the traffic to record: true for client to server.
  bool Direction = false;
  /// A Go time layout ("2006-01-02 15:04:05.000", say) for timestamps;
  /// empty for the recorder's default.
  std::string TimestampFormat;
  /// True to write data as a hex dump rather than raw.
  bool Hexdump = false;
  /// True to capture HTTP request and response bodies.
  bool HTTPBody = false;
  /// The largest body to capture, in bytes; 0 for the recorder's default.
  int MaxBodySize = 0;

  friend bool operator==(const Options&, const Options&) = default;
};

/// A recorder as configured at one attachment point (a service's or a
/// router's record name): what to record with, under which name, and how.
/// A plain value; copies share the recorder and the options.
struct RecorderObject {
  /// The recorder; null means this attachment records nothing.
  std::shared_ptr<recorder::Recorder> Recorder;
  /// The name the recorder was registered (and is referred to) under.
  std::string Record;
  /// How to record; null for the defaults.
  std::shared_ptr<recorder::Options> Options;
  /// Extra data passed along with every Record call (plugins receive it).
  std::map<std::string, std::any> Metadata;
};

// Keys under which services and routers record per-connection facts
// (upstream's exact strings).

/// The client's address, recorded by a service.
inline const std::string RecorderServiceClientAddress{"recorder.service.client.address"};
/// The address a router dialed.
inline const std::string RecorderServiceRouterDialAddress{"recorder.service.router.dial.address"};
/// The error of a router's dial to that address.
inline const std::string RecorderServiceRouterDialAddressError{"recorder.service.router.dial.address.error"};

}  // namespace gost::core::recorder
