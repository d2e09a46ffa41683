// Examples: routes, after go-gost/x (chain/route.go).
//
// DirectRoute reaches the destination itself, with no proxy in between (in
// go-gost/x, the system's dialer; here, the in-memory network).
//
// NodeRoute goes through a list of nodes, first hop first:
//  1. dial the first node (its Transport's Dial), then Handshake with it;
//  2. for each further node, ask the previous one to Connect to it, then
//     Handshake with the new node through that connection;
//  3. ask the last node to Connect to the destination (Dial) or to listen
//     for it (Bind).
// A node that cannot be reached is Mark()ed (its marker counts one more
// failure); a node whose handshake succeeds has its marker Reset(). A
// NodeRoute without nodes behaves as the DirectRoute.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/chain/route.hpp>
#include <gost/core/connector/option.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/logger/logger.hpp>

#include "log.hpp"
#include "memnet.hpp"
#include "resolve.hpp"

namespace example {

namespace gc = gost::core;

/// Dials and listens on the in-memory network, with no node in between.
class DirectRoute final : public gc::chain::Route {
 public:
  explicit DirectRoute(std::shared_ptr<Network> net) : net_(std::move(net)) {}

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view /*network*/,
                                    std::string_view address, gc::Variadic<gc::chain::DialOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::chain::DialOptions>(opts);
    Kind(o.Logger, "route")->Debugf("no nodes: dial %s directly", {address});
    return net_->Dial(ctx, std::string(address));
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& /*ctx*/, std::string_view /*network*/,
                                        std::string_view address,
                                        gc::Variadic<gc::chain::BindOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::chain::BindOptions>(opts);
    Kind(o.Logger, "route")->Debugf("no nodes: listen on %s here", {address});
    return net_->Listen(std::string(address));
  }

  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return {}; }

 private:
  std::shared_ptr<Network> net_;
};

/// A path through nodes. Built by a Chain (AddNode), then only used.
class NodeRoute final : public gc::chain::Route {
 public:
  /// `direct` serves the route while it has no nodes.
  explicit NodeRoute(gc::chain::RoutePtr direct) : direct_(std::move(direct)) {}

  void AddNode(gc::chain::NodePtr node) { nodes_.push_back(std::move(node)); }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network, std::string_view address,
                                    gc::Variadic<gc::chain::DialOption> opts = {}) override {
    if (nodes_.empty()) return direct_->Dial(ctx, network, address, opts);
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
    if (nodes_.empty()) return direct_->Bind(ctx, network, address, opts);
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
    node.Marker()->Mark();
    log->Debugf("%s failed: %v", {what, err});
    log->Debugf("%s marked: %d failure(s)", {node.Name, node.Marker()->Count()});
    return err;
  }

  // Resets `node`'s marker after a successful handshake, reporting it when
  // the node had failures to forget.
  static void Succeed(const gc::logger::LoggerPtr& log, const gc::chain::Node& node) {
    if (node.Marker()->Count() > 0) {
      node.Marker()->Reset();
      log->Debugf("%s is back: marker reset, %d failure(s)", {node.Name, node.Marker()->Count()});
    }
  }

  // Steps 1 and 2: a connection through every node, ready for the last
  // node's Connect or Bind.
  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, const gc::logger::LoggerPtr& log) {
    const gc::chain::Node& first = *nodes_.front();
    auto addr = Resolve(ctx, "ip", first.Addr, first.Options().Resolver, first.Options().HostMapper, log);
    if (!addr) return Fail(log, first, "resolve " + first.Addr, addr.error());
    log->Debugf("dial %s (%s)", {first.Name, *addr});
    auto cc = first.Options().Transport->Dial(ctx, *addr);
    if (!cc) return Fail(log, first, "dial " + first.Name, cc.error());
    log->Debugf("handshake %s", {first.Name});
    auto cn = first.Options().Transport->Handshake(ctx, std::move(*cc));
    if (!cn) return Fail(log, first, "handshake " + first.Name, cn.error());
    Succeed(log, first);

    gc::net::ConnUniquePtr conn = std::move(*cn);
    const gc::chain::Node* prev = &first;
    for (std::size_t i = 1; i < nodes_.size(); ++i) {
      const gc::chain::Node& node = *nodes_[i];
      addr = Resolve(ctx, "ip", node.Addr, node.Options().Resolver, node.Options().HostMapper, log);
      if (!addr) return Fail(log, node, "resolve " + node.Addr, addr.error());
      log->Debugf("connect %s -> %s (%s)", {prev->Name, node.Name, *addr});
      cc = prev->Options().Transport->Connect(ctx, std::move(conn), "tcp", *addr);
      if (!cc) return Fail(log, node, "connect " + prev->Name + " -> " + node.Name, cc.error());
      log->Debugf("handshake %s", {node.Name});
      cn = node.Options().Transport->Handshake(ctx, std::move(*cc));
      if (!cn) return Fail(log, node, "handshake " + node.Name, cn.error());
      Succeed(log, node);
      conn = std::move(*cn);
      prev = &node;
    }
    return conn;
  }

  gc::chain::RoutePtr direct_;
  std::vector<gc::chain::NodePtr> nodes_;
};

}  // namespace example
