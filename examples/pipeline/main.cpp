// The pipeline example: the whole gost-core request path, wired from small
// in-memory parts, printing each step a connection takes.
//
//   client --> service "front" (listener + handler)
//                 handler --> router: host mapper / resolver, chain, retries
//                                chain: hop 1 (a1 a2 a3) -> hop 2 (b1 b2)
//                                route: dial + handshake the first node,
//                                       connect + handshake each next one,
//                                       connect the last one to the destination
//   --> proxy node --> proxy node --> destination server
//
// Every server is a service on an in-memory network (examples/common), so the
// program needs no sockets and prints the same lines on every run.
//
// Usage: pipeline [dial|failover|bypass|retry]   (no argument: every stage)

#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/chain/router.hpp>
#include <gost/core/go/context.hpp>

#include "bypass.hpp"
#include "reference/chain.hpp"
#include "reference/hop.hpp"
#include "common/io.hpp"
#include "reference/logger.hpp"
#include "common/memnet.hpp"
#include "common/memproxy.hpp"
#include "reference/route.hpp"
#include "reference/router.hpp"
#include "reference/selector.hpp"
#include "common/service.hpp"
#include "common/stages.hpp"
#include "common/world.hpp"
#include "reference/transport.hpp"
#include "names.hpp"

namespace {

namespace gc = gost::core;
namespace x = gost::x;
using example::Verdict;
using x::Say;

// Where everything lives on the in-memory network.
const std::string kFront = "10.9.9.9:1080";
const std::map<std::string, std::string> kNodeAddr = {
    {"a1", "10.1.0.1:1080"}, {"a2", "10.1.0.2:1080"}, {"a3", "10.1.0.3:1080"},
    {"b1", "10.2.0.1:1080"}, {"b2", "10.2.0.2:1080"}, {"c1", "10.3.0.1:1080"},
};
const std::map<std::string, std::string> kDestinations = {
    {"db", "10.0.0.7:5432"}, {"api", "10.0.0.9:8080"}, {"printer", "192.168.1.20:631"}};

// How a stage's world differs from the default one.
struct Setup {
  std::vector<std::vector<std::string>> hops = {{"a1", "a2", "a3"}, {"b1", "b2"}};
  std::set<std::string> down;                     // nodes whose server is not running
  std::vector<gc::bypass::BypassPtr> hop_bypass;  // per hop; missing or null: none
  int retries = 0;
};

// The destinations, the proxy nodes, and the front service whose router
// goes through the chain. Destroying it stops every service.
struct World : example::World {
  std::map<std::string, gc::chain::NodePtr> nodes;

  explicit World(const Setup& setup) {
    for (const auto& [name, addr] : kDestinations) Serve(addr, std::make_shared<example::EchoHandler>(name, log));
    // Proxy nodes: memproxy servers whose own routers have no chain, so
    // they reach what they are asked for directly.
    for (const auto& [name, addr] : kNodeAddr) {
      if (setup.down.count(name) != 0) continue;
      Serve(addr, example::NewProxyHandler(net, x::NewRouter(direct), log, name));
    }

    // The chain the front service uses: one Hop per list of node names,
    // each node reached through a memproxy Transport.
    auto chain = std::make_shared<x::Chain>("chain", direct, log);
    for (std::size_t i = 0; i < setup.hops.size(); ++i) {
      x::HopOptions hop;
      hop.Name = "hop " + std::to_string(i + 1);
      hop.Selector = x::NewRoundRobinSelector<gc::chain::NodePtr>(x::Kind(log, hop.Name));
      hop.Logger = log;
      if (i < setup.hop_bypass.size()) hop.Bypass = setup.hop_bypass[i];
      for (const auto& name : setup.hops[i]) {
        auto transport =
            x::NewTransport(std::make_shared<example::MemDialer>(), std::make_shared<example::MemConnector>(),
                                  net, gc::chain::AddrTransportOption(kNodeAddr.at(name)));
        auto node = gc::chain::NewNode(name, kNodeAddr.at(name), gc::chain::TransportNodeOption(transport));
        nodes[name] = node;
        hop.Nodes.push_back(node);
      }
      chain->AddHop(x::NewHop(std::move(hop)));
    }

    auto hosts = std::make_shared<example::StaticHosts>(std::map<std::string, std::vector<gc::net::IP>, std::less<>>{
        {"db.internal", {gc::net::IP::V4(10, 0, 0, 7)}}, {"printer.lan", {gc::net::IP::V4(192, 168, 1, 20)}}});
    // The zone knows db.internal too, at another address: the host table is
    // asked first, so its answer wins.
    auto resolver =
        std::make_shared<example::ZoneResolver>(std::map<std::string, std::vector<gc::net::IP>, std::less<>>{
            {"api.internal", {gc::net::IP::V4(10, 0, 0, 9)}}, {"db.internal", {gc::net::IP::V4(10, 0, 0, 99)}}});
    auto router = x::NewRouter(
        direct, {gc::chain::ChainRouterOption(chain), gc::chain::HostMapperRouterOption(hosts),
                 gc::chain::ResolverRouterOption(resolver), gc::chain::RetriesRouterOption(setup.retries),
                 gc::chain::TimeoutRouterOption(std::chrono::seconds(10)), gc::chain::LoggerRouterOption(log)});
    Serve(kFront, example::NewProxyHandler(net, router, log, "front"));
  }

  // One client connection through the front service: asks for `target`,
  // sends `payload` and returns the destination's answer ("" on failure).
  std::string Request(const std::string& target, const std::string& payload) const {
    auto [ctx, cancel] = gc::context::WithTimeout(gc::context::Background(), std::chrono::seconds(10));
    Say("client: CONNECT " + target + " via front (" + kFront + ")");
    auto conn = net->Dial(ctx, kFront);
    if (!conn) {
      Say("client: cannot reach the front service: " + conn.error().Message());
      return {};
    }
    auto answer = example::Exchange(ctx, **conn, "CONNECT " + target);
    if (!answer || *answer != "OK") {
      const std::string why =
          !answer ? answer.error().Message() : answer->substr(answer->rfind("ERR ", 0) == 0 ? 4 : 0);
      Say("client: refused: " + why);
      return {};
    }
    Say("client: sent \"" + payload + "\"");
    auto reply = example::Exchange(ctx, **conn, payload);
    if (!reply) {
      Say("client: no reply: " + reply.error().Message());
      return {};
    }
    Say("client: destination replied \"" + *reply + "\"");
    return *reply;
  }

  // Prints how many failures `node`'s marker holds, and returns the count.
  std::int64_t SayFailures(const std::string& node) const {
    const std::int64_t n = nodes.at(node)->Marker()->Count();
    Say("marker " + node + ": " + std::to_string(n) + " failure(s)");
    return n;
  }
};

bool StageDial() {
  Say("== stage dial: a connection walks the pipeline ==");
  World w{Setup{}};
  Say("world: front service on " + kFront + "; its chain: hop 1 (a1 a2 a3) then hop 2 (b1 b2),");
  Say("world: each hop picks by round robin behind a fail filter; the router asks the host table");
  Say("world: (db.internal -> 10.0.0.7) before the resolver (api.internal, and db.internal -> 10.0.0.99)");
  const bool first = w.Request("db.internal:5432", "SELECT 1") == "db got: SELECT 1";
  Say("-- a second connection: the name comes from the resolver, and round robin moves on");
  const bool second = w.Request("api.internal:8080", "GET /health") == "api got: GET /health";
  return Verdict("dial", first && second);
}

bool StageFailover() {
  Say("== stage failover: a node that refuses is marked and skipped ==");
  Setup setup;
  setup.down = {"a1"};
  World w{setup};
  Say("world: node a1 is down (nothing listens on " + kNodeAddr.at("a1") + ")");
  const bool refused = w.Request("db.internal:5432", "SELECT 1").empty();
  w.SayFailures("a1");
  const bool second = w.Request("db.internal:5432", "SELECT 2") == "db got: SELECT 2";
  const bool third = w.Request("db.internal:5432", "SELECT 3") == "db got: SELECT 3";
  const bool marked_once = w.SayFailures("a1") == 1;
  return Verdict("failover", refused && second && third && marked_once);
}

bool StageBypass() {
  Say("== stage bypass: bypassed destinations leave the chain ==");
  Setup setup;
  setup.hop_bypass = {std::make_shared<example::HostBypass>(std::vector<std::string>{"*.lan"}),
                      std::make_shared<example::HostBypass>(std::vector<std::string>{"api.internal"})};
  World w{setup};
  Say("world: hop 1 bypasses *.lan, hop 2 bypasses api.internal");
  const bool direct = w.Request("printer.lan:631", "PRINT page") == "printer got: PRINT page";
  Say("-- hop 2 bypasses api.internal: the route ends after hop 1");
  const bool short_route = w.Request("api.internal:8080", "GET /health") == "api got: GET /health";
  return Verdict("bypass", direct && short_route);
}

bool StageRetry() {
  Say("== stage retry: the router tries again ==");
  Setup setup;
  setup.hops = {{"c1"}};
  setup.retries = 1;
  World w{setup};
  w.net->RefuseNext(kNodeAddr.at("c1"), 1);
  Say("world: one hop with one node, c1, which refuses its first connection; router retries: 1");
  const bool ok = w.Request("db.internal:5432", "SELECT 1") == "db got: SELECT 1";
  const bool reset = w.SayFailures("c1") == 0;
  return Verdict("retry", ok && reset);
}

}  // namespace

int main(int argc, char** argv) {
  return example::RunStages("pipeline", {{"dial", StageDial}, {"failover", StageFailover}, {"bypass", StageBypass}, {"retry", StageRetry}}, argc, argv);
}
