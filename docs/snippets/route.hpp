// docs/snippets: a chain::Route through a fixed list of nodes
// (docs/implementing-a-transport.md). go-gost/x's route does the same walk,
// plus logging, retries and name resolution.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/chain/route.hpp>
#include <gost/core/connector/binder.hpp>

#include "line_io.hpp"

namespace mytransport {

class NodeRoute final : public gc::chain::Route {
 public:
  explicit NodeRoute(std::vector<gc::chain::NodePtr> nodes) : nodes_(std::move(nodes)) {}

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                    std::string_view address,
                                    gc::Variadic<gc::chain::DialOption> /*opts*/ = {}) override {
    auto conn = ThroughNodes(ctx);
    if (!conn) return conn.error();
    return nodes_.back()->Options().Transport->Connect(ctx, std::move(*conn), network, address);
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& /*ctx*/, std::string_view /*network*/,
                                        std::string_view /*address*/,
                                        gc::Variadic<gc::chain::BindOption> /*opts*/ = {}) override {
    return gc::connector::ErrBindUnsupported;
  }

  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return nodes_; }

 private:
  // A connection that has reached the last node: dial and greet the first
  // node, then ask each node to connect to the next and greet that one. A
  // node that cannot be reached is marked as failed; one that answers has
  // its failures forgotten.
  gc::Result<gc::net::ConnUniquePtr> ThroughNodes(const gc::context::Context& ctx) {
    if (nodes_.empty()) return gc::errors::New("route: no nodes");
    for (const auto& node : nodes_) {
      if (node->Options().Transport == nullptr) return gc::errors::New("route: node " + node->Name + " has no transport");
    }
    gc::net::ConnUniquePtr conn;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      gc::chain::Node& node = *nodes_[i];
      auto reached = i == 0 ? node.Options().Transport->Dial(ctx, node.Addr)
                            : nodes_[i - 1]->Options().Transport->Connect(ctx, std::move(conn), "tcp", node.Addr);
      if (!reached) return Failed(node, reached.error());
      auto greeted = node.Options().Transport->Handshake(ctx, std::move(*reached));
      if (!greeted) return Failed(node, greeted.error());
      node.Marker()->Reset();
      conn = std::move(*greeted);
    }
    return conn;
  }

  static gc::Error Failed(const gc::chain::Node& node, const gc::Error& err) {
    node.Marker()->Mark();
    return gc::errors::Wrap(err, "route: node " + node.Name);
  }

  std::vector<gc::chain::NodePtr> nodes_;
};

}  // namespace mytransport
