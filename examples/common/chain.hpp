// Examples: a chain::Chainer, after go-gost/x (chain/chain.go).
//
// A Chain is a list of hops. For each connection, Route asks every hop in
// turn for a node; a hop that gives none ends the route there (so a route
// may come out shorter than the chain, or empty: an empty route dials
// directly). go-gost/x also splits routes at multiplexing nodes; the
// examples have none, so that part is left out.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/chain.hpp>
#include <gost/core/chain/route.hpp>
#include <gost/core/hop/hop.hpp>
#include <gost/core/logger/logger.hpp>

#include "log.hpp"
#include "route.hpp"

namespace example {

namespace gc = gost::core;

/// Hops, and the routes through them. Build it (AddHop), then share it.
class Chain final : public gc::chain::Chainer {
 public:
  /// `direct` serves empty routes; `log` (may be null) hears where a route
  /// ends early.
  Chain(std::string name, gc::chain::RoutePtr direct, gc::logger::LoggerPtr log = nullptr)
      : name_(std::move(name)), direct_(std::move(direct)), log_(Kind(log, name_)) {}

  void AddHop(gc::hop::HopPtr hop) { hops_.push_back(std::move(hop)); }

  /// A route with one node from each hop, up to the first hop that yields
  /// none; null when the chain has no hops at all.
  std::shared_ptr<gc::chain::Route> Route(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view address,
                                          gc::Variadic<gc::chain::RouteOption> opts = {}) override {
    if (hops_.empty()) return nullptr;
    const auto o = gc::MakeOptions<gc::chain::RouteOptions>(opts);
    auto route = std::make_shared<NodeRoute>(direct_);
    for (std::size_t i = 0; i < hops_.size(); ++i) {
      auto node =
          hops_[i]->Select(ctx, {gc::hop::NetworkSelectOption(std::string(network)),
                                 gc::hop::AddrSelectOption(std::string(address)), gc::hop::HostSelectOption(o.Host)});
      if (!node) {
        log_->Debugf("hop %d gave no node: the route ends with %d node(s)", {i + 1, route->Nodes().size()});
        return route;
      }
      route->AddNode(std::move(node));
    }
    return route;
  }

 private:
  std::string name_;
  gc::chain::RoutePtr direct_;
  gc::logger::LoggerPtr log_;
  std::vector<gc::hop::HopPtr> hops_;
};

}  // namespace example
