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
template <class = void>
SelectOption ClientIPSelectOption(net::IP clientIP) {
  return [clientIP](SelectOptions* o) { o->ClientIP = clientIP; };
}
/// Sets SelectOptions::Network.
template <class = void>
SelectOption NetworkSelectOption(std::string network) {
  return [v = std::move(network)](SelectOptions* o) { o->Network = v; };
}
/// Sets SelectOptions::Addr.
template <class = void>
SelectOption AddrSelectOption(std::string addr) {
  return [v = std::move(addr)](SelectOptions* o) { o->Addr = v; };
}
/// Sets SelectOptions::Protocol.
template <class = void>
SelectOption ProtocolSelectOption(std::string protocol) {
  return [v = std::move(protocol)](SelectOptions* o) { o->Protocol = v; };
}
/// Sets SelectOptions::Host.
template <class = void>
SelectOption HostSelectOption(std::string host) {
  return [v = std::move(host)](SelectOptions* o) { o->Host = v; };
}
/// Sets SelectOptions::Method.
template <class = void>
SelectOption MethodSelectOption(std::string method) {
  return [v = std::move(method)](SelectOptions* o) { o->Method = v; };
}
/// Sets SelectOptions::Path.
template <class = void>
SelectOption PathSelectOption(std::string path) {
  return [v = std::move(path)](SelectOptions* o) { o->Path = v; };
}
/// Sets SelectOptions::Query.
template <class = void>
SelectOption QuerySelectOption(url::Values query) {
  return [v = std::move(query)](SelectOptions* o) { o->Query = v; };
}
/// Sets SelectOptions::Header.
template <class = void>
SelectOption HeaderSelectOption(http::Header header) {
  return [v = std::move(header)](SelectOptions* o) { o->Header = v; };
}
/// Sets SelectOptions::Body (a copy of the given bytes).
template <class = void>
SelectOption BodySelectOption(Bytes body) {
  return [v = std::move(body)](SelectOptions* o) { o->Body = v; };
}

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
