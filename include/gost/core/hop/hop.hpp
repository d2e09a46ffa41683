// gost-core port of go-gost/core hop/hop.go.
//
// A Hop is one step of a chain with interchangeable nodes (a group of
// equivalent proxies); each connection picks one node of it, using the
// request attributes in SelectOptions for filtering and load balancing.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gost/core/chain/node.hpp"
#include "gost/core/detail/interface.hpp"
#include "gost/core/go/bytes.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/http.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/url.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::hop {

/// What is known about the request a node is chosen for. Empty fields are
/// unknown.
struct SelectOptions {
  /// The client's address.
  net::IP ClientIP;
  /// "tcp" or "udp".
  std::string Network;
  /// The destination address.
  std::string Addr;
  /// The proxy protocol the client speaks.
  std::string Protocol;
  /// The destination host name (HTTP Host, TLS SNI).
  std::string Host;
  /// HTTP requests: the method; empty for other protocols.
  std::string Method;
  /// HTTP requests: the URL path; empty for other protocols.
  std::string Path;
  /// HTTP requests: the parsed URL query; empty for other protocols.
  url::Values Query;
  /// HTTP requests: the request headers; empty for other protocols.
  http::Header Header;
  /// The first bytes of the request body, when some node matches on it
  /// (see chain::NodeOptions::MatcherBodySize); empty otherwise.
  Bytes Body;
};

/// Sets fields of SelectOptions; an empty SelectOption is skipped.
using SelectOption = OptionFunc<SelectOptions>;

/// Sets SelectOptions::ClientIP.
inline constexpr FieldOption<&SelectOptions::ClientIP> ClientIPSelectOption{};
/// Sets SelectOptions::Network.
inline constexpr FieldOption<&SelectOptions::Network> NetworkSelectOption{};
/// Sets SelectOptions::Addr.
inline constexpr FieldOption<&SelectOptions::Addr> AddrSelectOption{};
/// Sets SelectOptions::Protocol.
inline constexpr FieldOption<&SelectOptions::Protocol> ProtocolSelectOption{};
/// Sets SelectOptions::Host.
inline constexpr FieldOption<&SelectOptions::Host> HostSelectOption{};
/// Sets SelectOptions::Method.
inline constexpr FieldOption<&SelectOptions::Method> MethodSelectOption{};
/// Sets SelectOptions::Path.
inline constexpr FieldOption<&SelectOptions::Path> PathSelectOption{};
/// Sets SelectOptions::Query.
inline constexpr FieldOption<&SelectOptions::Query> QuerySelectOption{};
/// Sets SelectOptions::Header.
inline constexpr FieldOption<&SelectOptions::Header> HeaderSelectOption{};
/// Sets SelectOptions::Body (a copy of the given bytes).
inline constexpr FieldOption<&SelectOptions::Body> BodySelectOption{};

/// A group of equivalent nodes. Thread-safe.
class Hop {
  GOST_CORE_INTERFACE(Hop);

  /// The node for this request, or null when no node is available.
  virtual chain::NodePtr Select(const context::Context& ctx, Variadic<SelectOption> opts = {}) = 0;
};

/// A shared Hop.
using HopPtr = std::shared_ptr<Hop>;

/// Optional: a Hop that can list all of its nodes. Found with dynamic_cast.
class NodeList {
  GOST_CORE_INTERFACE(NodeList);

  /// Every node of the group.
  [[nodiscard]] virtual std::vector<chain::NodePtr> Nodes() const = 0;
};

}  // namespace gost::core::hop
