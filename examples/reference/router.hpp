// gost::x reference: a chain::Router, after go-gost/x (chain/router.go).
//
// Dial(ctx, network, "host:port") records the host (recorder
// RecorderServiceRouterDialAddress, and ...DialAddressError when every
// attempt failed), then makes up to Retries + 1 attempts; each
//  1. runs under its own Timeout (15 s unless set),
//  2. resolves the host: host mapper first, then resolver (see Resolve),
//  3. asks the Chainer for a route (no Chainer, or a null route: direct),
//  4. dials through the route,
// and the first attempt that connects wins. Bind is the same without the
// name resolution; with a Chainer, a route without nodes is an error there.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/router.hpp>
#include <gost/core/go/bytes.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/recorder/recorder.hpp>

#include "logger.hpp"
#include "resolve.hpp"
#include "route.hpp"

namespace gost::x {

namespace gc = gost::core;

/// Reaches destinations for handlers. Options as chain::RouterOptions; a
/// null Logger means the default logger (DefaultLogger()). Thread-safe once
/// built.
class Router final : public gc::chain::Router {
 public:
  /// `direct` serves destinations for which there is no route.
  explicit Router(gc::chain::RoutePtr direct, gc::Variadic<gc::chain::RouterOption> opts = {})
      : direct_(std::move(direct)) {
    gc::ApplyOptions(options_, opts);
    if (options_.Timeout == gc::Duration::zero()) options_.Timeout = std::chrono::seconds(15);
    if (!options_.Logger) options_.Logger = DefaultLogger();
    log_ = Kind(options_.Logger, "router");
  }

  gc::chain::RouterOptions* Options() override { return &options_; }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view network,
                                          std::string_view address,
                                          gc::Variadic<gc::chain::DialOption> opts = {}) override {
    std::string host(address);
    if (auto hp = gc::net::SplitHostPort(address); hp && !hp->host.empty()) host = hp->host;
    Record(ctx, gc::recorder::RecorderServiceRouterDialAddress, host);
    auto conn = DialAttempts(ctx, network, address, opts);
    if (!conn) Record(ctx, gc::recorder::RecorderServiceRouterDialAddressError, host);
    return conn;
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, std::string_view network,
                                              std::string_view address,
                                              gc::Variadic<gc::chain::BindOption> opts = {}) override {
    gc::Error err;
    for (int i = 0; i < Attempts(); ++i) {
      auto [actx, cancel] = Attempt(ctx);
      gc::chain::RoutePtr route;
      if (options_.Chain) {
        route = options_.Chain->Route(actx, network, address);
        if (!route || route->Nodes().empty()) {
          err = ErrEmptyRoute;
          cancel();
          continue;
        }
      }
      if (log_->IsLevelEnabled(gc::logger::DebugLevel)) log_->Debugf("route(retry=%d) %s", {i, Path(route, address)});
      if (!route) route = direct_;

      std::vector<gc::chain::BindOption> all{gc::chain::LoggerBindOption(options_.Logger)};
      all.insert(all.end(), opts.begin(), opts.end());
      auto ln = route->Bind(actx, network, address, all);
      cancel();
      if (ln) return ln;
      err = ln.error();
      log_->Errorf("route(retry=%d) %v", {i, err});
    }
    return err;
  }

 private:
  [[nodiscard]] int Attempts() const { return options_.Retries + 1 > 0 ? options_.Retries + 1 : 1; }

  // One attempt's context: limited to Timeout when that is positive.
  [[nodiscard]] gc::context::WithCancelResult Attempt(const gc::context::Context& ctx) const {
    if (options_.Timeout > gc::Duration::zero()) return gc::context::WithTimeout(ctx, options_.Timeout);
    return gc::context::WithCancel(ctx);
  }

  // Hands `data` to the first recorder registered for `name`, if any.
  void Record(const gc::context::Context& ctx, const std::string& name, std::string_view data) const {
    if (data.empty()) return;
    for (const auto& rec : options_.Recorders) {
      if (rec.Record == name && rec.Recorder) {
        (void)rec.Recorder->Record(ctx, gc::AsBytes(data));
        return;
      }
    }
  }

  gc::Result<gc::net::ConnUniquePtr> DialAttempts(const gc::context::Context& ctx, std::string_view network,
                                                  std::string_view address, gc::Variadic<gc::chain::DialOption> opts) {
    log_->Debugf("dial %s/%s", {address, network});
    gc::Error err;
    for (int i = 0; i < Attempts(); ++i) {
      auto [actx, cancel] = Attempt(ctx);
      auto ip_addr = Resolve(actx, "ip", std::string(address), options_.Resolver, options_.HostMapper, log_);
      if (!ip_addr) {
        err = ip_addr.error();
        log_->Errorf("resolve %s: %v", {address, err});
        cancel();
        continue;
      }
      gc::chain::RoutePtr route;
      if (options_.Chain) {
        route = options_.Chain->Route(actx, network, *ip_addr, gc::chain::WithHostRouteOption(std::string(address)));
      }
      if (log_->IsLevelEnabled(gc::logger::DebugLevel)) log_->Debugf("route(retry=%d) %s", {i, Path(route, *ip_addr)});
      if (!route) route = direct_;

      std::vector<gc::chain::DialOption> all{
          gc::chain::InterfaceDialOption(options_.IfceName), gc::chain::NetnsDialOption(options_.Netns),
          gc::chain::SockOptsDialOption(options_.SockOpts), gc::chain::LoggerDialOption(options_.Logger)};
      all.insert(all.end(), opts.begin(), opts.end());
      auto conn = route->Dial(actx, network, *ip_addr, all);
      cancel();
      if (conn) return conn;
      err = conn.error();
      log_->Errorf("route(retry=%d) %v", {i, err});
    }
    return err;
  }

  // "a1@10.1.0.1:1080 > b1@10.2.0.1:1080 > 10.0.0.7:5432", as go-gost/x logs it.
  static std::string Path(const gc::chain::RoutePtr& route, std::string_view dest) {
    std::string out;
    if (route) {
      for (const auto& node : route->Nodes()) out += node->Name + "@" + node->Addr + " > ";
    }
    return out.append(dest);
  }

  gc::chain::RoutePtr direct_;
  gc::chain::RouterOptions options_;
  gc::logger::LoggerPtr log_;
};

/// A shared Router.
inline std::shared_ptr<Router> NewRouter(gc::chain::RoutePtr direct, gc::Variadic<gc::chain::RouterOption> opts = {}) {
  return std::make_shared<Router>(std::move(direct), opts);
}

}  // namespace gost::x
