// mini_gost: selection, hops, transports, routes, chains and the router,
// following go-gost/x (selector/, hop/hop.go, chain/transport.go,
// chain/route.go, chain/chain.go, chain/router.go), minus what this example
// does not need (probes, loaders, matchers, metrics).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <gost/core/chain/chain.hpp>
#include <gost/core/chain/node.hpp>
#include <gost/core/chain/route.hpp>
#include <gost/core/chain/router.hpp>
#include <gost/core/chain/transport.hpp>
#include <gost/core/common/net/dialer.hpp>
#include <gost/core/connector/binder.hpp>
#include <gost/core/connector/connector.hpp>
#include <gost/core/dialer/dialer.hpp>
#include <gost/core/hop/hop.hpp>
#include <gost/core/selector/selector.hpp>

#include "posix_net.hpp"
#include "support.hpp"

namespace mini_gost {

// ---------------------------------------------------------------------------
// Selector (go-gost/x selector/)

/// Defaults of the fail filter, as go-gost/x has them.
inline constexpr int kDefaultMaxFails = 1;
inline constexpr gc::Duration kDefaultFailTimeout = std::chrono::seconds(10);

namespace detail {
template <class T>
const void* RawPointer(const T& v) {
  if constexpr (requires { v.get(); }) {
    return v.get();
  } else if constexpr (std::is_pointer_v<T>) {
    return v;
  } else {
    return nullptr;
  }
}
template <class I, class T>
const I* Find(const T& v) {
  if constexpr (requires { v.get(); }) {
    return dynamic_cast<const I*>(v.get());
  } else if constexpr (std::is_pointer_v<T>) {
    return dynamic_cast<const I*>(v);
  } else {
    return nullptr;
  }
}
}  // namespace detail

/// Whether `v` counts as failed: its marker holds at least maxFails failures
/// and the latest is younger than failTimeout. The item's metadata keys
/// "maxFails" and "failTimeout" override the arguments; items without a
/// marker never fail.
template <class T>
bool IsFailed(const T& v, int maxFails, gc::Duration failTimeout) {
  if (const auto* mi = detail::Find<gc::metadata::Metadatable>(v)) {
    if (auto md = mi->Metadata()) {
      if (auto n = MdInt(md, "maxFails")) maxFails = static_cast<int>(*n);
      if (auto d = MdDuration(md, "failTimeout")) failTimeout = *d;
    }
  }
  if (maxFails <= 0) maxFails = kDefaultMaxFails;
  if (failTimeout <= gc::Duration::zero()) failTimeout = kDefaultFailTimeout;
  const auto* mi = detail::Find<gc::selector::Markable>(v);
  if (mi == nullptr) return false;
  auto marker = mi->Marker();
  if (!marker) return false;
  return !(marker->Count() < maxFails || gc::Now() - marker->Time() >= failTimeout);
}

/// Round robin over the list it is given (an atomic counter).
template <class T>
class RoundRobinStrategy final : public gc::selector::Strategy<T> {
 public:
  T Apply(const gc::context::Context&, gc::Variadic<T> items) override {
    if (items.empty()) return T{};
    const auto n = counter_.fetch_add(1, std::memory_order_relaxed);
    return items[static_cast<std::size_t>(n % items.size())];
  }

 private:
  std::atomic<std::uint64_t> counter_{0};
};

/// Drops the items IsFailed reports (a list of one is passed through).
template <class T>
class FailFilter final : public gc::selector::Filter<T> {
 public:
  FailFilter(int maxFails, gc::Duration failTimeout) : max_fails_(maxFails), fail_timeout_(failTimeout) {}
  std::vector<T> FilterItems(const gc::context::Context&, gc::Variadic<T> items) override {
    if (items.size() <= 1) return {items.begin(), items.end()};
    std::vector<T> out;
    for (const auto& v : items) {
      if (!IsFailed(v, max_fails_, fail_timeout_)) out.push_back(v);
    }
    return out;
  }

 private:
  int max_fails_;
  gc::Duration fail_timeout_;
};

/// Applies the filters in order, then the strategy.
template <class T>
class DefaultSelector final : public gc::selector::Selector<T> {
 public:
  DefaultSelector(std::shared_ptr<gc::selector::Strategy<T>> strategy,
                  std::vector<std::shared_ptr<gc::selector::Filter<T>>> filters)
      : strategy_(std::move(strategy)), filters_(std::move(filters)) {}
  T Select(const gc::context::Context& ctx, gc::Variadic<T> items) override {
    std::vector<T> vs(items.begin(), items.end());
    for (const auto& f : filters_) vs = f->FilterItems(ctx, vs);
    if (vs.empty()) return T{};
    return strategy_->Apply(ctx, vs);
  }

 private:
  std::shared_ptr<gc::selector::Strategy<T>> strategy_;
  std::vector<std::shared_ptr<gc::selector::Filter<T>>> filters_;
};

// ---------------------------------------------------------------------------
// Hop (go-gost/x hop/hop.go, without loaders, matchers and priorities)

/// A fixed group of nodes. Failed nodes are left out before the selector
/// runs; when every node has failed, the first one is returned as a last
/// resort so that a hop never goes dark for good.
class ChainHop final : public gc::hop::Hop, public gc::hop::NodeList {
 public:
  ChainHop(std::vector<gc::chain::NodePtr> nodes, std::shared_ptr<gc::selector::Selector<gc::chain::NodePtr>> sel,
           int maxFails, gc::Duration failTimeout, gc::logger::LoggerPtr log)
      : nodes_(std::move(nodes)),
        selector_(std::move(sel)),
        max_fails_(maxFails),
        fail_timeout_(failTimeout),
        log_(log ? std::move(log) : NopLogger()) {}

  gc::chain::NodePtr Select(const gc::context::Context& ctx, gc::Variadic<gc::hop::SelectOption> opts) override {
    const auto o = gc::MakeOptions<gc::hop::SelectOptions>(opts);
    std::vector<gc::chain::NodePtr> candidates;
    gc::chain::NodePtr last_resort;
    for (const auto& node : nodes_) {
      if (!node) continue;
      if (const auto& bp = node->Options().Bypass;
          bp && bp->Contains(ctx, o.Network, o.Addr, gc::bypass::WithHostOption(o.Host))) {
        continue;
      }
      if (IsFailed(node, max_fails_, fail_timeout_)) {
        if (!last_resort) last_resort = node;
        continue;
      }
      candidates.push_back(node);
    }
    if (candidates.empty()) {
      if (last_resort) log_->Debugf("last resort: node %s selected (all nodes failed)", {last_resort->Name});
      return last_resort;
    }
    if (candidates.size() == 1 || !selector_) return candidates.front();
    return selector_->Select(ctx, candidates);
  }

  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return nodes_; }

 private:
  std::vector<gc::chain::NodePtr> nodes_;
  std::shared_ptr<gc::selector::Selector<gc::chain::NodePtr>> selector_;
  int max_fails_;
  gc::Duration fail_timeout_;
  gc::logger::LoggerPtr log_;
};

// ---------------------------------------------------------------------------
// Transport (go-gost/x chain/transport.go)

/// A common::net::Dialer that dials through `route` when it has nodes, and
/// directly otherwise.
class NetDialer final : public gc::common::net::Dialer {
 public:
  explicit NetDialer(gc::chain::RoutePtr route = nullptr) : route_(std::move(route)) {}
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                    std::string_view addr) override {
    if (route_ && !route_->Nodes().empty()) return route_->Dial(ctx, network, addr);
    return DialTCP(ctx, network, addr);
  }

 private:
  gc::chain::RoutePtr route_;
};

/// A node's Dialer and Connector together.
class Transport final : public gc::chain::Transporter {
 public:
  Transport(gc::dialer::DialerPtr d, gc::connector::ConnectorPtr c, gc::Variadic<gc::chain::TransportOption> opts = {})
      : dialer_(std::move(d)), connector_(std::move(c)) {
    gc::ApplyOptions(options_, opts);
  }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view addr) override {
    auto netd = std::make_shared<NetDialer>(options_.Route);
    return dialer_->Dial(ctx, addr,
                         {gc::dialer::HostDialOption(options_.Addr), gc::dialer::NetDialerDialOption(netd)});
  }

  gc::Result<gc::net::ConnUniquePtr> Handshake(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn) override {
    if (auto* hs = dynamic_cast<gc::dialer::Handshaker*>(dialer_.get())) {
      auto r = hs->Handshake(ctx, std::move(conn), gc::dialer::AddrHandshakeOption(options_.Addr));
      if (!r) return r.error();
      conn = std::move(*r);
    }
    if (auto* hs = dynamic_cast<gc::connector::Handshaker*>(connector_.get())) {
      return hs->Handshake(ctx, std::move(conn));
    }
    return conn;
  }

  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                       std::string_view network, std::string_view address) override {
    auto netd = std::make_shared<NetDialer>();
    return connector_->Connect(ctx, std::move(conn), network, address, gc::connector::DialerConnectOption(netd));
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                        std::string_view network, std::string_view address,
                                        gc::Variadic<gc::connector::BindOption> opts) override {
    if (auto* b = dynamic_cast<gc::connector::Binder*>(connector_.get())) {
      return b->Bind(ctx, std::move(conn), network, address, opts);
    }
    (void)conn->Close();
    return gc::connector::ErrBindUnsupported;
  }

  [[nodiscard]] bool Multiplex() const override {
    if (const auto* m = dynamic_cast<const gc::dialer::Multiplexer*>(dialer_.get())) return m->Multiplex();
    return false;
  }

  gc::chain::TransportOptions* Options() override { return &options_; }

  [[nodiscard]] gc::chain::TransporterPtr Copy() const override { return std::make_shared<Transport>(*this); }

 private:
  gc::dialer::DialerPtr dialer_;
  gc::connector::ConnectorPtr connector_;
  gc::chain::TransportOptions options_;
};

// ---------------------------------------------------------------------------
// Routes (go-gost/x chain/route.go)

/// The route with no nodes: dials the destination directly.
class DefaultRoute final : public gc::chain::Route {
 public:
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                    std::string_view address, gc::Variadic<gc::chain::DialOption> opts) override {
    const auto o = gc::MakeOptions<gc::chain::DialOptions>(opts);
    if (o.Logger) o.Logger->Debugf("dial %s/%s directly", {address, network});
    return DialTCP(ctx, network, address);
  }
  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context&, std::string_view network,
                                        std::string_view address, gc::Variadic<gc::chain::BindOption>) override {
    auto ln = TcpNetListener::Listen(network, address);
    if (!ln) return ln.error();
    return gc::net::ListenerUniquePtr(std::move(*ln));
  }
  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return {}; }
};

inline const gc::chain::RoutePtr& TheDefaultRoute() {
  static const gc::chain::RoutePtr route = std::make_shared<DefaultRoute>();
  return route;
}

/// Returned when the chain is empty or a node cannot be dialed.
inline const gc::Error ErrEmptyRoute = gc::errors::New("empty route");

/// A route through the nodes chosen by a Chain: dial and handshake the first
/// node, ask each node to connect to the next one (then handshake that one),
/// and finally ask the last node to connect to the destination. Each node's
/// marker records how its own step went; the chain's marker how the whole
/// approach went.
class ChainRoute final : public gc::chain::Route {
 public:
  explicit ChainRoute(std::shared_ptr<gc::chain::Chainer> chain = nullptr) : chain_(std::move(chain)) {}

  void AddNode(gc::chain::NodePtr node) { nodes_.push_back(std::move(node)); }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                    std::string_view address, gc::Variadic<gc::chain::DialOption> opts) override {
    if (nodes_.empty()) return TheDefaultRoute()->Dial(ctx, network, address, opts);
    const auto o = gc::MakeOptions<gc::chain::DialOptions>(opts);
    auto conn = Connect(ctx, o.Logger);
    if (!conn) return conn.error();
    return nodes_.back()->Options().Transport->Connect(ctx, std::move(*conn), network, address);
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, std::string_view network,
                                        std::string_view address, gc::Variadic<gc::chain::BindOption> opts) override {
    if (nodes_.empty()) return TheDefaultRoute()->Bind(ctx, network, address, opts);
    const auto o = gc::MakeOptions<gc::chain::BindOptions>(opts);
    auto conn = Connect(ctx, o.Logger);
    if (!conn) return conn.error();
    return nodes_.back()->Options().Transport->Bind(
        ctx, std::move(*conn), network, address,
        {gc::connector::BacklogBindOption(o.Backlog), gc::connector::MuxBindOption(o.Mux),
         gc::connector::UDPConnTTLBindOption(o.UDPConnTTL),
         gc::connector::UDPDataBufferSizeBindOption(o.UDPDataBufferSize),
         gc::connector::UDPDataQueueSizeBindOption(o.UDPDataQueueSize)});
  }

  [[nodiscard]] std::vector<gc::chain::NodePtr> Nodes() const override { return nodes_; }

 private:
  static void Mark(const gc::chain::NodePtr& node) {
    if (auto m = node->Marker()) m->Mark();
  }
  static void Reset(const gc::chain::NodePtr& node) {
    if (auto m = node->Marker()) m->Reset();
  }

  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, const gc::logger::LoggerPtr& log) {
    auto r = ConnectNodes(ctx, log);
    if (const auto* m = chain_ ? dynamic_cast<const gc::selector::Markable*>(chain_.get()) : nullptr) {
      if (auto marker = m->Marker()) {
        if (r) {
          marker->Reset();
        } else {
          marker->Mark();
        }
      }
    }
    return r;
  }

  gc::Result<gc::net::ConnUniquePtr> ConnectNodes(const gc::context::Context& ctx, const gc::logger::LoggerPtr& log) {
    const auto& first = nodes_.front();
    const auto& tr = first->Options().Transport;
    if (!tr) {
      Mark(first);
      return gc::errors::Wrap(ErrEmptyRoute, "node " + first->Name + " has no transport");
    }
    auto cc = tr->Dial(ctx, first->Addr);
    if (!cc) {
      Mark(first);
      if (log) log->Debugf("node %s@%s: %v", {first->Name, first->Addr, cc.error()});
      return cc.error();
    }
    auto cn = tr->Handshake(ctx, std::move(*cc));
    if (!cn) {
      Mark(first);
      return cn.error();
    }
    Reset(first);

    const gc::chain::Node* pre = first.get();
    for (std::size_t i = 1; i < nodes_.size(); ++i) {
      const auto& node = nodes_[i];
      const auto& ntr = node->Options().Transport;
      if (!ntr) {
        Mark(node);
        return gc::errors::Wrap(ErrEmptyRoute, "node " + node->Name + " has no transport");
      }
      auto next = pre->Options().Transport->Connect(ctx, std::move(*cn), "tcp", node->Addr);
      if (!next) {
        Mark(node);
        if (log) log->Debugf("node %s@%s: %v", {node->Name, node->Addr, next.error()});
        return next.error();
      }
      auto hs = ntr->Handshake(ctx, std::move(*next));
      if (!hs) {
        Mark(node);
        return hs.error();
      }
      Reset(node);
      cn = std::move(hs);
      pre = node.get();
    }
    return cn;
  }

  std::shared_ptr<gc::chain::Chainer> chain_;
  std::vector<gc::chain::NodePtr> nodes_;
};

// ---------------------------------------------------------------------------
// Chain (go-gost/x chain/chain.go)

/// A named list of hops; each Route picks one node per hop.
class Chain final : public gc::chain::Chainer,
                    public gc::selector::Markable,
                    public std::enable_shared_from_this<Chain> {
 public:
  explicit Chain(std::string name) : name_(std::move(name)), marker_(gc::selector::NewFailMarker()) {}

  void AddHop(gc::hop::HopPtr hop) { hops_.push_back(std::move(hop)); }
  [[nodiscard]] const std::string& Name() const noexcept { return name_; }
  [[nodiscard]] gc::selector::MarkerPtr Marker() const override { return marker_; }

  std::shared_ptr<gc::chain::Route> Route(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view address,
                                          gc::Variadic<gc::chain::RouteOption> opts) override {
    if (hops_.empty()) return nullptr;
    const auto o = gc::MakeOptions<gc::chain::RouteOptions>(opts);
    auto self = shared_from_this();
    auto rt = std::make_shared<ChainRoute>(self);
    for (const auto& h : hops_) {
      auto node = h->Select(ctx, {gc::hop::NetworkSelectOption(std::string(network)),
                                  gc::hop::AddrSelectOption(std::string(address)),
                                  gc::hop::HostSelectOption(o.Host)});
      if (!node) return rt;
      if (const auto& tr = node->Options().Transport; tr && tr->Multiplex()) {
        // A multiplexing node carries the route so far inside its transport.
        auto copy = tr->Copy();
        copy->Options()->Route = rt;
        node = node->Copy();
        node->Options().Transport = copy;
        rt = std::make_shared<ChainRoute>(self);
      }
      rt->AddNode(std::move(node));
    }
    return rt;
  }

 private:
  std::string name_;
  std::vector<gc::hop::HopPtr> hops_;
  gc::selector::MarkerPtr marker_;
};

// ---------------------------------------------------------------------------
// Router (go-gost/x chain/router.go)

/// Resolves (host mapper, then resolver, when configured; otherwise the name
/// travels on to whoever dials it), asks the chain for a route, and dials it,
/// retrying Retries times, each attempt limited to Timeout.
class Router final : public gc::chain::Router {
 public:
  explicit Router(gc::Variadic<gc::chain::RouterOption> opts = {}) {
    gc::ApplyOptions(options_, opts);
    if (options_.Timeout == gc::Duration::zero()) options_.Timeout = std::chrono::seconds(15);
    if (!options_.Logger) options_.Logger = DefaultLogger()->WithFields({{"kind", std::string("router")}});
  }

  gc::chain::RouterOptions* Options() override { return &options_; }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                    std::string_view address, gc::Variadic<gc::chain::DialOption> opts) override {
    std::string host(address);
    if (auto hp = gc::net::SplitHostPort(address); hp && !hp->host.empty()) host = hp->host;
    Record(ctx, gc::recorder::RecorderServiceRouterDialAddress, host);
    auto conn = DialLoop(ctx, network, address, opts);
    if (!conn) Record(ctx, gc::recorder::RecorderServiceRouterDialAddressError, host);
    return conn;
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, std::string_view network,
                                        std::string_view address, gc::Variadic<gc::chain::BindOption> opts) override {
    const int count = std::max(options_.Retries + 1, 1);
    gc::Error err;
    for (int i = 0; i < count; ++i) {
      auto [c, cancel] = Attempt(ctx);
      gc::chain::RoutePtr route;
      if (options_.Chain) {
        route = options_.Chain->Route(c, network, address);
        if (!route || route->Nodes().empty()) {
          cancel();
          err = ErrEmptyRoute;
          continue;
        }
      }
      if (!route) route = TheDefaultRoute();
      auto ln = route->Bind(c, network, address, opts);
      cancel();
      if (ln) return ln;
      err = ln.error();
      options_.Logger->Errorf("route(retry=%d) %s", {i, err});
    }
    return err;
  }

 private:
  gc::context::WithCancelResult Attempt(const gc::context::Context& ctx) const {
    if (options_.Timeout > gc::Duration::zero()) return gc::context::WithTimeout(ctx, options_.Timeout);
    return gc::context::WithCancel(ctx);
  }

  void Record(const gc::context::Context& ctx, const std::string& name, std::string_view data) const {
    if (data.empty()) return;
    for (const auto& rec : options_.Recorders) {
      if (rec.Record == name && rec.Recorder) {
        (void)rec.Recorder->Record(ctx, gc::AsBytes(data));
        return;
      }
    }
  }

  gc::Result<std::string> ResolveAddr(const gc::context::Context& ctx, std::string_view address) const {
    auto hp = gc::net::SplitHostPort(address);
    if (!hp || hp->host.empty()) return std::string(address);
    if (gc::net::ParseIP(hp->host)) return std::string(address);
    if (options_.HostMapper) {
      auto r = options_.HostMapper->Lookup(ctx, "ip", hp->host);
      if (r.ok && !r.ips.empty()) return gc::net::JoinHostPort(r.ips.front().String(), hp->port);
    }
    if (options_.Resolver) {
      auto ips = options_.Resolver->Resolve(ctx, "ip", hp->host);
      if (!ips) return ips.error();
      if (ips->empty()) return gc::errors::New("resolver: no address for " + hp->host);
      return gc::net::JoinHostPort(ips->front().String(), hp->port);
    }
    return std::string(address);
  }

  gc::Result<gc::net::ConnUniquePtr> DialLoop(const gc::context::Context& ctx, std::string_view network,
                                        std::string_view address, gc::Variadic<gc::chain::DialOption> callerOpts) {
    const auto& log = options_.Logger;
    const int count = std::max(options_.Retries + 1, 1);
    log->Debugf("dial %s/%s", {address, network});
    gc::Error err;
    for (int i = 0; i < count; ++i) {
      if (ctx.Err()) return err ? err : ctx.Err();
      auto [c, cancel] = Attempt(ctx);
      auto ip_addr = ResolveAddr(c, address);
      if (!ip_addr) {
        cancel();
        err = ip_addr.error();
        log->Error(err);
        continue;
      }
      gc::chain::RoutePtr route;
      if (options_.Chain) route = options_.Chain->Route(c, network, *ip_addr, gc::chain::WithHostRouteOption(std::string(address)));
      if (log->IsLevelEnabled(gc::logger::DebugLevel)) {
        std::string path;
        if (route) {
          for (const auto& n : route->Nodes()) path += n->Name + "@" + n->Addr + " > ";
        }
        log->Debugf("route(retry=%d) %s%s", {i, path, *ip_addr});
      }
      if (!route) route = TheDefaultRoute();
      std::vector<gc::chain::DialOption> opts{
          gc::chain::InterfaceDialOption(options_.IfceName), gc::chain::NetnsDialOption(options_.Netns),
          gc::chain::SockOptsDialOption(options_.SockOpts), gc::chain::LoggerDialOption(log)};
      opts.insert(opts.end(), callerOpts.begin(), callerOpts.end());
      auto conn = route->Dial(c, network, *ip_addr, opts);
      cancel();
      if (conn) return conn;
      err = conn.error();
      log->Errorf("route(retry=%d) %s", {i, err});
    }
    return err;
  }

  gc::chain::RouterOptions options_;
};

}  // namespace mini_gost
