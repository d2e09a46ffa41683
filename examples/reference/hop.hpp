// gost::x reference: a hop::Hop, a group of interchangeable nodes, after go-gost/x
// (hop/hop.go), without what the examples do not need (matchers,
// priorities, backup nodes, node lists loaded from files or servers).
//
// Select, step by step:
//  1. the hop's own bypass catches the destination: no node (the route
//     ends before this hop);
//  2. candidates: every node whose own bypass does not catch the
//     destination; none left: no node;
//  3. the selector chooses among the candidates: its fail filter drops the
//     nodes marked failed, its strategy picks one of the rest (without a
//     selector: the first candidate not marked failed);
//  4. nothing chosen because every candidate is marked failed: the first of
//     them is returned as a last resort, so that failures cannot take a hop
//     down for good (the next successful handshake resets its marker).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gost/core/bypass/bypass.hpp>
#include <gost/core/chain/node.hpp>
#include <gost/core/go/time.hpp>
#include <gost/core/hop/hop.hpp>
#include <gost/core/logger/logger.hpp>
#include <gost/core/selector/selector.hpp>

#include "logger.hpp"
#include "selector.hpp"

namespace gost::x {

namespace gc = gost::core;

/// How a Hop is built.
struct HopOptions {
  /// Shown in logs ("hop 1").
  std::string Name;
  /// The nodes, in order.
  std::vector<gc::chain::NodePtr> Nodes;
  /// Destinations this whole hop is skipped for; null for none.
  gc::bypass::BypassPtr Bypass;
  /// Chooses among the candidates; null takes the first not marked failed.
  std::shared_ptr<gc::selector::Selector<gc::chain::NodePtr>> Selector;
  /// When a node counts as failed for the last-resort rule and when there
  /// is no Selector (see IsFailed); 0 for the defaults. Give the selector's
  /// fail filter the same settings.
  int FailMaxFails = 0;
  gc::Duration FailTimeout{};
  /// Where the hop reports its choices; null for nowhere.
  gc::logger::LoggerPtr Logger;
};

/// A group of nodes, one of which serves each connection. Thread-safe once
/// built.
class Hop final : public gc::hop::Hop, public gc::hop::NodeList {
 public:
  explicit Hop(HopOptions opts) : opts_(std::move(opts)), log_(Kind(opts_.Logger, opts_.Name)) {}

  gc::chain::NodePtr Select(const gc::context::Context& ctx, gc::Variadic<gc::hop::SelectOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::hop::SelectOptions>(opts);
    const std::string dest = o.Host.empty() ? o.Addr : o.Host;

    if (opts_.Bypass && opts_.Bypass->Contains(ctx, o.Network, o.Addr, gc::bypass::WithHostOption(o.Host))) {
      log_->Debugf("bypass catches %s: no node from this hop", {dest});
      return nullptr;
    }

    std::vector<gc::chain::NodePtr> candidates;
    for (const auto& node : opts_.Nodes) {
      if (!node) continue;
      const auto& bp = node->Options().Bypass;
      if (bp && bp->Contains(ctx, o.Network, o.Addr, gc::bypass::WithHostOption(o.Host))) continue;
      candidates.push_back(node);
    }
    if (candidates.empty()) return nullptr;

    gc::chain::NodePtr node;
    std::string how;
    if (opts_.Selector) {
      node = opts_.Selector->Select(ctx, candidates);
      const auto* named = dynamic_cast<const Named*>(opts_.Selector.get());
      if (named != nullptr && candidates.size() > 1) how = " (" + named->Name() + ")";
    } else {
      for (const auto& c : candidates) {
        if (!IsFailed(c, opts_.FailMaxFails, opts_.FailTimeout)) {
          node = c;
          break;
        }
      }
    }
    if (node) {
      log_->Debugf("selected node %s%s", {node->Name, how});
      return node;
    }

    for (const auto& c : candidates) {
      if (IsFailed(c, opts_.FailMaxFails, opts_.FailTimeout)) {
        log_->Debugf("every node is marked failed: last resort %s", {c->Name});
        return c;
      }
    }
    return nullptr;
  }

  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return opts_.Nodes; }

 private:
  HopOptions opts_;
  gc::logger::LoggerPtr log_;
};

/// A shared Hop.
inline std::shared_ptr<Hop> NewHop(HopOptions opts) { return std::make_shared<Hop>(std::move(opts)); }

/// A shared Hop named `name` over `nodes`, with no bypass and no selector
/// (it takes the first node not marked failed).
inline std::shared_ptr<Hop> NewHop(std::string name, std::vector<gc::chain::NodePtr> nodes) {
  HopOptions opts;
  opts.Name = std::move(name);
  opts.Nodes = std::move(nodes);
  return NewHop(std::move(opts));
}

}  // namespace gost::x
