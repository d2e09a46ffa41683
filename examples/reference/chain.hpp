// gost::x reference: a chain::Chainer, after go-gost/x (chain/chain.go).
//
// A Chain is a list of hops. For each connection, Route asks every hop in
// turn for a node; a hop that gives none ends the route there (so a route
// may come out shorter than the chain, or empty: an empty route dials
// directly). A node whose transport multiplexes (dialer::Multiplexer) carries
// the route so far inside a copy of its transport, and a new route starts
// after it, as go-gost/x does. The chain is selector::Markable: its marker
// counts the routes that failed to reach their last node.
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
#include <gost/core/hop/hop.hpp>
#include <gost/core/logger/logger.hpp>
#include <gost/core/selector/selector.hpp>

#include "logger.hpp"
#include "route.hpp"

namespace gost::x {

namespace gc = gost::core;

/// Hops, and the routes through them. Build it (AddHop), then share it
/// (it must be owned by a std::shared_ptr: routes keep it alive).
class Chain final : public gc::chain::Chainer,
                    public gc::selector::Markable,
                    public std::enable_shared_from_this<Chain> {
 public:
  /// `direct` serves empty routes; `log` (may be null) hears where a route
  /// ends early.
  Chain(std::string name, gc::chain::RoutePtr direct, gc::logger::LoggerPtr log = nullptr)
      : name_(std::move(name)),
        direct_(std::move(direct)),
        log_(Kind(log, name_)),
        marker_(gc::selector::NewFailMarker()) {}

  void AddHop(gc::hop::HopPtr hop) { hops_.push_back(std::move(hop)); }
  [[nodiscard]] const std::string& Name() const noexcept { return name_; }
  [[nodiscard]] gc::selector::MarkerPtr Marker() const override { return marker_; }

  /// A route with one node from each hop, up to the first hop that yields
  /// none; null when the chain has no hops at all.
  std::shared_ptr<gc::chain::Route> Route(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view address,
                                          gc::Variadic<gc::chain::RouteOption> opts = {}) override {
    if (hops_.empty()) return nullptr;
    const auto o = gc::MakeOptions<gc::chain::RouteOptions>(opts);
    auto self = shared_from_this();
    auto route = std::make_shared<NodeRoute>(direct_, self);
    std::size_t count = 0;
    for (std::size_t i = 0; i < hops_.size(); ++i) {
      auto node =
          hops_[i]->Select(ctx, {gc::hop::NetworkSelectOption(std::string(network)),
                                 gc::hop::AddrSelectOption(std::string(address)), gc::hop::HostSelectOption(o.Host)});
      if (!node) {
        log_->Debugf("hop %d gave no node: the route ends with %d node(s)", {i + 1, count});
        return route;
      }
      if (const auto& tr = node->Options().Transport; tr && tr->Multiplex()) {
        // The route so far travels inside this node's transport.
        auto copy = tr->Copy();
        copy->Options()->Route = route;
        node = node->Copy();
        node->Options().Transport = copy;
        route = std::make_shared<NodeRoute>(direct_, self);
      }
      route->AddNode(std::move(node));
      ++count;
    }
    return route;
  }

 private:
  std::string name_;
  gc::chain::RoutePtr direct_;
  gc::logger::LoggerPtr log_;
  gc::selector::MarkerPtr marker_;
  std::vector<gc::hop::HopPtr> hops_;
};

/// A shared Chain.
inline std::shared_ptr<Chain> NewChain(std::string name, gc::chain::RoutePtr direct,
                                       gc::logger::LoggerPtr log = nullptr) {
  return std::make_shared<Chain>(std::move(name), std::move(direct), std::move(log));
}

}  // namespace gost::x
