// gost-core port of go-gost/core chain/probe.go: liveness probes of nodes.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/time.hpp"

namespace gost::core::chain {

/// How a node is probed (Go: `type ProbeType string`).
using ProbeType = std::string;
/// Open a TCP connection to the probe address.
inline const ProbeType ProbeTypeTCP{"tcp"};
/// Send an HTTP request and check the status.
inline const ProbeType ProbeTypeHTTP{"http"};
/// Run a command; exit status 0 means alive.
inline const ProbeType ProbeTypeCmd{"cmd"};

/// Settings of a node's liveness probe.
struct ProbeConfig {
  /// One of ProbeTypeTCP, ProbeTypeHTTP, ProbeTypeCmd.
  ProbeType Type;
  /// Address to probe; empty means the node's own address.
  std::string Addr;
  /// Time between two probes.
  Duration Interval{};
  /// Time one probe may take.
  Duration Timeout{};
  /// HTTP probes: the request path.
  std::string HTTPPath;
  /// HTTP probes: the Host header to send; empty leaves it to the prober.
  std::string HTTPHost;
  /// HTTP probes: extra request headers, name to value; empty for none.
  std::map<std::string, std::string> HTTPHeaders;
  /// HTTP probes: the status that means alive (0: any 2xx, as implementations choose).
  int ExpectedStatus = 0;
  /// Command probes: the command line to run.
  std::string Command;
};

/// The outcome of one probe.
struct ProbeResult {
  /// True when the node answered as expected.
  bool Success = false;
  /// How long the probe took.
  Duration Latency{};
  /// Why the probe failed; empty on success.
  std::string Error;
  /// When the probe finished.
  Time Timestamp{};
};

/// Implemented by items that expose their latest probe result (chain::Node
/// does), so latency-aware strategies and filters can use it.
class ProbeResultReader {
  GOST_CORE_INTERFACE(ProbeResultReader);

  /// The latest result, or null if none was recorded yet.
  [[nodiscard]] virtual std::shared_ptr<const chain::ProbeResult> ProbeResult() const = 0;
};

}  // namespace gost::core::chain
