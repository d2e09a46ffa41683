// gost-core port of go-gost/core chain/node.go.
//
// A Node is one proxy server of a chain: a name, an address, the Transporter
// that reaches it, and settings that decide when it may be chosen (filters,
// matchers, priority) and how traffic through it is shaped (HTTP, TLS).
// Node is one of the few concrete classes upstream ships, and this port
// implements it the same way, made race-free.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/auth/auth.hpp"
#include "gost/core/bypass/bypass.hpp"
#include "gost/core/chain/probe.hpp"
#include "gost/core/chain/transport.hpp"
#include "gost/core/go/bytes.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/regexp.hpp"
#include "gost/core/go/variadic.hpp"
#include "gost/core/hosts/hosts.hpp"
#include "gost/core/metadata/metadata.hpp"
#include "gost/core/resolver/resolver.hpp"
#include "gost/core/rewriter/rewriter.hpp"
#include "gost/core/routing/matcher.hpp"
#include "gost/core/selector/selector.hpp"

namespace gost::core::chain {

/// When a node may be chosen, by request attributes. Empty fields match all.
struct NodeFilterSettings {
  /// Proxy protocol of the request ("http", "socks5", ...).
  std::string Protocol;
  /// Host name pattern of the request.
  std::string Host;
  /// URL path prefix of the request.
  std::string Path;
};

/// One URL rewrite rule for HTTP traffic through a node.
struct HTTPURLRewriteSetting {
  /// What to match in the URL; null matches nothing.
  regexp::RegexpPtr Pattern;
  /// The replacement, with $1-style references to submatches.
  std::string Replacement;
};

/// One body rewrite rule for HTTP traffic through a node.
struct HTTPBodyRewriteSettings {
  /// MIME type the rule applies to ("text/html"); empty for all.
  std::string Type;
  /// What to match in the body; ignored when Rewriter is set.
  regexp::RegexpPtr Pattern;
  /// The replacement bytes for Pattern's matches.
  Bytes Replacement;
  /// A plugin that rewrites the body instead of Pattern; null for none.
  rewriter::RewriterPtr Rewriter;
  /// Largest chunked or unknown-length body buffered for rewriting; bigger
  /// bodies pass unchanged. 0 disables buffering of such bodies.
  int MaxChunkSize = 0;
};

/// HTTP-level settings of a node.
struct HTTPNodeSettings {
  /// Host header to send; empty to keep the client's.
  std::string Host;
  /// Headers added to requests (name to value); empty for none.
  std::map<std::string, std::string> RequestHeader;
  /// Headers added to responses (name to value); empty for none.
  std::map<std::string, std::string> ResponseHeader;
  /// Authenticates clients at the HTTP level; null for none.
  auth::AuthenticatorPtr Auther;
  /// URL rewrite rules, applied in order.
  std::vector<HTTPURLRewriteSetting> RewriteURL;
  /// Body rewrite rules for responses, applied in order.
  std::vector<HTTPBodyRewriteSettings> RewriteResponseBody;
  /// Body rewrite rules for requests, applied in order.
  std::vector<HTTPBodyRewriteSettings> RewriteRequestBody;
};

/// TLS settings of a node.
struct TLSNodeSettings {
  /// SNI name to send.
  std::string ServerName;
  /// Verify the node's certificate.
  bool Secure = false;
  /// Protocol versions ("VersionTLS12"...), cipher suites and ALPN protocols
  /// (Go: an anonymous struct; here too).
  struct {
    std::string MinVersion;
    std::string MaxVersion;
    std::vector<std::string> CipherSuites;
    std::vector<std::string> ALPN;
  } Options;
};

/// Settings a Node is built with.
struct NodeOptions {
  /// Network the node is reached on ("tcp", "udp"); empty means "tcp".
  std::string Network;
  /// How traffic reaches and passes the node; null for a node that cannot
  /// be dialed (a placeholder).
  TransporterPtr Transport;
  /// Destinations that must not go through this node; null for none.
  bypass::BypassPtr Bypass;
  /// Resolves the node's host name; null for the router's or the system's.
  resolver::ResolverPtr Resolver;
  /// Static mappings for the node's host name; null for none.
  hosts::HostMapperPtr HostMapper;
  /// Request filter; null accepts every request.
  std::shared_ptr<NodeFilterSettings> Filter;
  /// HTTP settings; null for none.
  std::shared_ptr<HTTPNodeSettings> HTTP;
  /// TLS settings; null for none.
  std::shared_ptr<TLSNodeSettings> TLS;
  /// Free-form settings; null for none.
  metadata::MetadataPtr Metadata;
  /// Request matcher deciding whether the node may serve a request; null
  /// accepts all.
  routing::MatcherPtr Matcher;
  /// How many bytes of a request body matchers may look at (0: none).
  int MatcherBodySize = 0;
  /// Higher priorities are chosen first.
  int Priority = 0;
};

/// Sets fields of NodeOptions; an empty NodeOption is skipped.
using NodeOption = OptionFunc<NodeOptions>;

/// Sets NodeOptions::Transport.
inline constexpr FieldOption<&NodeOptions::Transport> TransportNodeOption{};
/// Sets NodeOptions::Bypass.
inline constexpr FieldOption<&NodeOptions::Bypass> BypassNodeOption{};
/// Sets NodeOptions::Resolver.
inline constexpr FieldOption<&NodeOptions::Resolver> ResolverNodeOption{};
/// Sets NodeOptions::HostMapper.
inline constexpr FieldOption<&NodeOptions::HostMapper> HostMapperNodeOption{};
/// Sets NodeOptions::Network.
inline constexpr FieldOption<&NodeOptions::Network> NetworkNodeOption{};
/// Sets NodeOptions::Filter.
inline constexpr FieldOption<&NodeOptions::Filter> NodeFilterOption{};
/// Sets NodeOptions::HTTP.
inline constexpr FieldOption<&NodeOptions::HTTP> HTTPNodeOption{};
/// Sets NodeOptions::TLS.
inline constexpr FieldOption<&NodeOptions::TLS> TLSNodeOption{};
/// Sets NodeOptions::Metadata.
inline constexpr FieldOption<&NodeOptions::Metadata> MetadataNodeOption{};
/// Sets NodeOptions::Matcher.
inline constexpr FieldOption<&NodeOptions::Matcher> MatcherNodeOption{};
/// Sets NodeOptions::MatcherBodySize.
inline constexpr FieldOption<&NodeOptions::MatcherBodySize> MatcherBodySizeNodeOption{};
/// Sets NodeOptions::Priority.
inline constexpr FieldOption<&NodeOptions::Priority> PriorityNodeOption{};

namespace detail {

// A value read and replaced under a lock of its own (the node's probe result
// and probe cancel function); a copy reads its source under the source's
// lock.
template <class T>
class Guarded {
 public:
  Guarded() = default;
  Guarded(const Guarded& other) : value_(other.Load()) {}
  Guarded& operator=(const Guarded&) = delete;
  Guarded(Guarded&&) = delete;
  Guarded& operator=(Guarded&&) = delete;
  ~Guarded() = default;

  T Load() const {
    std::lock_guard lock(mu_);
    return value_;
  }
  // Replaces the value; the previous one is destroyed after the lock is
  // released.
  void Store(T v) {
    {
      std::lock_guard lock(mu_);
      std::swap(value_, v);
    }
  }

 private:
  mutable std::mutex mu_;
  T value_;
};

}  // namespace detail

class Node;
/// A shared node.
using NodePtr = std::shared_ptr<Node>;

/// One proxy server of a chain.
///
/// Nodes are shared (std::shared_ptr<Node>) between hops, routes and
/// selectors. Name, Addr and Options() are plain data: set them up before the
/// node is shared. Marker(), ProbeResult()/SetProbeResult() and
/// SetProbeCancel()/Close() are safe to call from any thread at any time.
///
/// Differences from upstream, both deliberate:
///  * upstream's SetProbeCancel and Close race if called concurrently; here
///    the cancel function (and the probe result) are read and replaced under
///    a lock;
///  * as upstream, Copy() copies the probe cancel function, so closing a copy
///    stops the original's probe too (the copies share one probe).
class Node : public selector::Markable, public metadata::Metadatable, public ProbeResultReader {
 public:
  /// The node's name, unique within its hop.
  std::string Name;
  /// The node's address ("host:port").
  std::string Addr;

  /// A node with a new fail marker and the given options applied in order
  /// (empty options skipped). Prefer NewNode, which returns it shared.
  Node(std::string name, std::string addr, Variadic<NodeOption> opts = {})
      : Name(std::move(name)), Addr(std::move(addr)), marker_(selector::NewFailMarker()) {
    ApplyOptions(options_, opts);
  }

  /// A shallow copy: same options (the shared_ptr members point at the same
  /// objects), the same Marker object, the current probe result and the same
  /// probe cancel function.
  Node(const Node& other) = default;
  Node& operator=(const Node&) = delete;
  Node(Node&&) = delete;
  Node& operator=(Node&&) = delete;
  ~Node() override = default;

  /// The node's settings (never null). Not synchronized: change them only
  /// before the node is shared.
  ///@{
  NodeOptions& Options() noexcept { return options_; }
  [[nodiscard]] const NodeOptions& Options() const noexcept { return options_; }
  ///@}

  /// The node's metadata (Options().Metadata); may be null.
  [[nodiscard]] metadata::MetadataPtr Metadata() const override { return options_.Metadata; }

  /// The node's fail marker; never null.
  [[nodiscard]] selector::MarkerPtr Marker() const override { return marker_; }

  /// A shallow copy, as the copy constructor describes.
  [[nodiscard]] NodePtr Copy() const { return std::make_shared<Node>(*this); }

  /// The latest probe result; null before the first SetProbeResult.
  [[nodiscard]] std::shared_ptr<const chain::ProbeResult> ProbeResult() const override {
    return probe_result_.Load();
  }

  /// Publishes a probe result (null clears it).
  void SetProbeResult(std::shared_ptr<const chain::ProbeResult> r) { probe_result_.Store(std::move(r)); }

  /// Stores the function that stops this node's probe (replacing any
  /// before).
  void SetProbeCancel(context::CancelFunc c) { probe_cancel_.Store(std::move(c)); }

  /// Stops the node's probe by calling the stored cancel function, if any.
  /// Calling it more than once is harmless. Never fails.
  Error Close() {
    probe_cancel_.Load()();
    return {};
  }

 private:
  selector::MarkerPtr marker_;
  NodeOptions options_;
  detail::Guarded<std::shared_ptr<const chain::ProbeResult>> probe_result_;
  detail::Guarded<context::CancelFunc> probe_cancel_;
};

/// A new node named `name` at `addr`, with its own fail marker and the given
/// options applied in order; empty options are skipped.
inline NodePtr NewNode(std::string name, std::string addr, Variadic<NodeOption> opts = {}) {
  return std::make_shared<Node>(std::move(name), std::move(addr), opts);
}

}  // namespace gost::core::chain
