// gost::x reference: routes, after go-gost/x (chain/route.go).
//
// DirectRoute reaches the destination itself, with no proxy in between: it
// dials and listens on the Network it is given (go-gost/x: the system's).
//
// NodeRoute goes through a list of nodes, first hop first:
//  1. resolve the first node's address (its own host mapper and resolver),
//     dial it (its Transport's Dial), then Handshake with it;
//  2. for each further node, ask the previous one to Connect to it, then
//     Handshake with the new node through that connection;
//  3. ask the last node to Connect to the destination (Dial) or to listen
//     for it (Bind).
// A node that cannot be reached is Mark()ed (its marker counts one more
// failure); a node whose handshake succeeds has its marker Reset(). When the
// route came from a Chain that is selector::Markable, the chain's marker
// records the whole approach the same way. A NodeRoute without nodes behaves
// as its direct route.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/chain.hpp>
#include <gost/core/chain/node.hpp>
#include <gost/core/chain/route.hpp>
#include <gost/core/connector/option.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/logger/logger.hpp>
#include <gost/core/selector/selector.hpp>

#include "logger.hpp"
#include "net.hpp"
#include "resolve.hpp"

namespace gost::x {

namespace gc = gost::core;

/// Returned when a route cannot be built or a node cannot take part in it.
inline const gc::Error ErrEmptyRoute = gc::errors::New("empty route");

/// Dials and listens on a Network, with no node in between.
class DirectRoute final : public gc::chain::Route {
 public:
  explicit DirectRoute(NetworkPtr net) : net_(std::move(net)) {}

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view address,
                                          gc::Variadic<gc::chain::DialOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::chain::DialOptions>(opts);
    Kind(o.Logger, "route")->Debugf("no nodes: dial %s directly", {address});
    return net_->Dial(ctx, network, address);
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& /*ctx*/, std::string_view network,
                                              std::string_view address,
                                              gc::Variadic<gc::chain::BindOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::chain::BindOptions>(opts);
    Kind(o.Logger, "route")->Debugf("no nodes: listen on %s here", {address});
    return net_->Listen(network, address);
  }

  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return {}; }

 private:
  NetworkPtr net_;
};

/// A path through nodes. Built by a Chain (AddNode), then only used.
class NodeRoute final : public gc::chain::Route {
 public:
  /// `direct` serves the route while it has no nodes (null: such a route
  /// fails with ErrEmptyRoute); `chain` (may be null)
  /// is the Chainer the route came from, whose marker (if it is
  /// selector::Markable) records how the approach went.
  explicit NodeRoute(gc::chain::RoutePtr direct, std::shared_ptr<gc::chain::Chainer> chain = nullptr)
      : direct_(std::move(direct)), chain_(std::move(chain)) {}
  /// A route through `nodes`, in order, with no direct route and no chain.
  explicit NodeRoute(std::vector<gc::chain::NodePtr> nodes) : nodes_(std::move(nodes)) {}

  void AddNode(gc::chain::NodePtr node) { nodes_.push_back(std::move(node)); }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view address,
                                          gc::Variadic<gc::chain::DialOption> opts = {}) override {
    if (nodes_.empty()) return direct_ ? direct_->Dial(ctx, network, address, opts) : ErrEmptyRoute;
    const auto o = gc::MakeOptions<gc::chain::DialOptions>(opts);
    const auto log = Kind(o.Logger, "route");
    auto conn = Connect(ctx, log);
    if (!conn) return conn.error();
    const auto& last = nodes_.back();
    log->Debugf("connect %s -> %s", {last->Name, address});
    auto cc = last->Options().Transport->Connect(ctx, std::move(*conn), network, address);
    if (!cc) log->Debugf("connect %s -> %s failed: %v", {last->Name, address, cc.error()});
    return cc;
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, std::string_view network,
                                              std::string_view address,
                                              gc::Variadic<gc::chain::BindOption> opts = {}) override {
    if (nodes_.empty()) return direct_ ? direct_->Bind(ctx, network, address, opts) : ErrEmptyRoute;
    const auto o = gc::MakeOptions<gc::chain::BindOptions>(opts);
    const auto log = Kind(o.Logger, "route");
    auto conn = Connect(ctx, log);
    if (!conn) return conn.error();
    const auto& last = nodes_.back();
    log->Debugf("bind %s at %s", {address, last->Name});
    auto ln = last->Options().Transport->Bind(
        ctx, std::move(*conn), network, address,
        {gc::connector::BacklogBindOption(o.Backlog), gc::connector::MuxBindOption(o.Mux),
         gc::connector::UDPConnTTLBindOption(o.UDPConnTTL),
         gc::connector::UDPDataBufferSizeBindOption(o.UDPDataBufferSize),
         gc::connector::UDPDataQueueSizeBindOption(o.UDPDataQueueSize)});
    if (!ln) log->Debugf("bind %s at %s failed: %v", {address, last->Name, ln.error()});
    return ln;
  }

  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return nodes_; }

 private:
  // Marks `node` failed and reports why.
  static gc::Error Fail(const gc::logger::LoggerPtr& log, const gc::chain::Node& node, const std::string& what,
                        gc::Error err) {
    log->Debugf("%s failed: %v", {what, err});
    if (auto marker = node.Marker()) {
      marker->Mark();
      log->Debugf("%s marked: %d failure(s)", {node.Name, marker->Count()});
    }
    return err;
  }

  // Resets `node`'s marker after a successful handshake, reporting it when
  // the node had failures to forget.
  static void Succeed(const gc::logger::LoggerPtr& log, const gc::chain::Node& node) {
    auto marker = node.Marker();
    if (marker && marker->Count() > 0) {
      marker->Reset();
      log->Debugf("%s is back: marker reset, %d failure(s)", {node.Name, marker->Count()});
    }
  }

  // Steps 1 and 2, then the chain's marker.
  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, const gc::logger::LoggerPtr& log) {
    auto conn = ConnectNodes(ctx, log);
    const auto* markable = dynamic_cast<const gc::selector::Markable*>(chain_.get());
    if (auto marker = markable != nullptr ? markable->Marker() : nullptr) {
      if (conn) {
        marker->Reset();
      } else {
        marker->Mark();
      }
    }
    return conn;
  }

  // Steps 1 and 2: a connection through every node, ready for the last
  // node's Connect or Bind.
  gc::Result<gc::net::ConnUniquePtr> ConnectNodes(const gc::context::Context& ctx, const gc::logger::LoggerPtr& log) {
    gc::net::ConnUniquePtr conn;
    const gc::chain::Node* prev = nullptr;
    for (const auto& ptr : nodes_) {
      const gc::chain::Node& node = *ptr;
      const auto& tr = node.Options().Transport;
      if (!tr)
        return Fail(log, node, "node " + node.Name,
                    gc::errors::Wrap(ErrEmptyRoute, "node " + node.Name + " has no transport"));
      auto addr = Resolve(ctx, "ip", node.Addr, node.Options().Resolver, node.Options().HostMapper, log);
      if (!addr) return Fail(log, node, "resolve " + node.Addr, addr.error());
      gc::Result<gc::net::ConnUniquePtr> reached = gc::net::ConnUniquePtr();
      if (prev == nullptr) {
        log->Debugf("dial %s (%s)", {node.Name, *addr});
        reached = tr->Dial(ctx, *addr);
        if (!reached) return Fail(log, node, "dial " + node.Name, reached.error());
      } else {
        log->Debugf("connect %s -> %s (%s)", {prev->Name, node.Name, *addr});
        reached = prev->Options().Transport->Connect(ctx, std::move(conn), "tcp", *addr);
        if (!reached) return Fail(log, node, "connect " + prev->Name + " -> " + node.Name, reached.error());
      }
      log->Debugf("handshake %s", {node.Name});
      auto greeted = tr->Handshake(ctx, std::move(*reached));
      if (!greeted) return Fail(log, node, "handshake " + node.Name, greeted.error());
      Succeed(log, node);
      conn = std::move(*greeted);
      prev = &node;
    }
    return conn;
  }

  gc::chain::RoutePtr direct_;
  std::shared_ptr<gc::chain::Chainer> chain_;
  std::vector<gc::chain::NodePtr> nodes_;
};

}  // namespace gost::x
