// The reverse_tunnel example: chain::Router::Bind through a chain of proxies.
//
// An application with no public address asks the last node of its chain,
// r2 (the public edge), to listen on 203.0.113.5:8080 for it:
//
//   app --dial/handshake--> r1 --connect/handshake--> r2: "BIND 203.0.113.5:8080"
//
// Bind returns a net::Listener. When a remote client connects to
// 203.0.113.5:8080, r2 sends that connection back through the tunnel and the
// application's Accept returns it; from then on bytes flow both ways.
// Binding needs a connector that implements connector::Binder; with one
// that does not, Bind fails with connector::ErrBindUnsupported.
//
// Usage: reverse_tunnel [bind|unsupported]   (no argument: both stages)

#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/chain/router.hpp>
#include <gost/core/connector/binder.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/go/errors.hpp>

#include "reference/chain.hpp"
#include "reference/hop.hpp"
#include "common/io.hpp"
#include "reference/logger.hpp"
#include "common/memnet.hpp"
#include "common/memproxy.hpp"
#include "reference/route.hpp"
#include "reference/router.hpp"
#include "common/service.hpp"
#include "common/stages.hpp"
#include "common/world.hpp"
#include "reference/transport.hpp"

namespace {

namespace gc = gost::core;
namespace x = gost::x;
using example::Verdict;
using x::Say;

const std::string kR1 = "10.4.0.1:1080";
const std::string kR2 = "10.5.0.1:1080";
const std::string kPublic = "203.0.113.5:8080";

// Two proxy nodes, r1 and r2, and the application's router, whose chain
// goes r1 -> r2. `binder` says whether r2's connector can Bind.
struct World : example::World {
  std::shared_ptr<x::Router> router;
  // The application's calls give up after 10 seconds.
  const gc::context::WithCancelResult timeout =
      gc::context::WithTimeout(gc::context::Background(), std::chrono::seconds(10));

  explicit World(bool binder) {
    for (const auto& [name, addr] : {std::pair{"r1", kR1}, std::pair{"r2", kR2}}) {
      Serve(addr, example::NewProxyHandler(net, x::NewRouter(direct), log, name));
    }

    auto chain = std::make_shared<x::Chain>("chain", direct, log);
    chain->AddHop(Hop("hop 1", "r1", kR1, std::make_shared<example::MemConnector>()));
    gc::connector::ConnectorPtr last =
        binder ? std::make_shared<example::MemBinder>() : std::make_shared<example::MemConnector>();
    chain->AddHop(Hop("hop 2", "r2", kR2, last));
    router = x::NewRouter(
        direct, {gc::chain::ChainRouterOption(chain), gc::chain::TimeoutRouterOption(std::chrono::seconds(10)),
                 gc::chain::LoggerRouterOption(log)});
  }

  // A hop with one memproxy node.
  std::shared_ptr<x::Hop> Hop(const std::string& hop, const std::string& name, const std::string& addr,
                                    gc::connector::ConnectorPtr connector) const {
    auto transport = x::NewTransport(std::make_shared<example::MemDialer>(), std::move(connector), net,
                                           gc::chain::AddrTransportOption(addr));
    x::HopOptions o;
    o.Name = hop;
    o.Nodes = {gc::chain::NewNode(name, addr, gc::chain::TransportNodeOption(transport))};
    o.Logger = log;
    return x::NewHop(std::move(o));
  }

  // The application asks the chain for a listener at kPublic; `note` ends
  // the line that says so.
  gc::Result<gc::net::ListenerUniquePtr> Bind(const std::string& note = "") const {
    Say("app: Bind(" + kPublic + ") through r1 -> r2" + note);
    return router->Bind(timeout.ctx, "tcp", kPublic);
  }
};

bool StageBind() {
  Say("== stage bind: a listener at the far end of the chain ==");
  World w(true);
  auto ln = w.Bind();
  if (!ln) {
    Say("app: bind failed: " + ln.error().Message());
    return Verdict("bind", false);
  }
  Say("app: listening on " + (*ln)->Addr().String() + " (at r2), waiting for a connection");

  // A client somewhere on the internet. It prints nothing itself (its lines
  // would race with the app's); the app reports what it saw afterwards.
  std::string remote_got;
  std::thread remote([&] {
    auto conn = w.net->Dial(w.timeout.ctx, kPublic);
    if (!conn) return;
    auto reply = example::Exchange(w.timeout.ctx, **conn, "hello from the internet");
    if (reply) remote_got = *reply;
  });

  auto peer = (*ln)->Accept();
  bool ok = static_cast<bool>(peer);
  if (peer) {
    Say("app: Accept returned a connection that came through the tunnel");
    auto line = example::ReadLine(**peer);
    Say("app: received \"" + (line ? *line : line.error().Message()) + "\"");
    ok = line && *line == "hello from the internet";
    Say("app: answering \"hello from behind the tunnel\"");
    ok = !example::WriteString(**peer, "hello from behind the tunnel\n") && ok;
  } else {
    Say("app: accept failed: " + peer.error().Message());
  }
  remote.join();
  Say("remote client: received \"" + remote_got + "\"");
  ok = ok && remote_got == "hello from behind the tunnel";
  (void)(*ln)->Close();
  return Verdict("bind", ok);
}

bool StageUnsupported() {
  Say("== stage unsupported: the last node's connector cannot bind ==");
  World w(false);
  auto ln = w.Bind(" (r2's connector is not a connector::Binder)");
  const bool is_unsupported = !ln && gc::errors::Is(ln.error(), gc::connector::ErrBindUnsupported);
  Say(std::string("app: bind failed: ") + (ln ? "no, it succeeded" : ln.error().Message()) +
      (is_unsupported ? " (errors::Is connector::ErrBindUnsupported)" : ""));
  return Verdict("unsupported", is_unsupported);
}

}  // namespace

int main(int argc, char** argv) {
  return example::RunStages("reverse_tunnel", {{"bind", StageBind}, {"unsupported", StageUnsupported}}, argc, argv);
}
