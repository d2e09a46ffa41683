// The custom_transport example: how to add a transport of your own.
//
//  1. Implement dialer::Dialer (reaching a node) and connector::Connector
//     (asking it to go on): xor_transport.hpp, "xor" and "header".
//  2. Register their constructors by name in a registry::Registry.
//  3. Build nodes and hops from configuration: each node's settings arrive
//     as metadata::Metadata, names are looked up in the registries, and the
//     components read the rest of their settings in Init (config.hpp).
//  4. Dial through the chain (xor_server.hpp plays the nodes).
//
// Usage: custom_transport [registry|config|xor|dial]   (no argument: every stage)

#include <any>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gost/core/chain/router.hpp>
#include <gost/core/go/context.hpp>
#include <gost/core/handler/option.hpp>
#include <gost/core/listener/option.hpp>
#include <gost/core/testing/pipe.hpp>

#include "common/io.hpp"
#include "reference/logger.hpp"
#include "common/memnet.hpp"
#include "common/memproxy.hpp"
#include "reference/metadata.hpp"
#include "reference/registry.hpp"
#include "reference/route.hpp"
#include "reference/router.hpp"
#include "common/service.hpp"
#include "common/stages.hpp"
#include "common/world.hpp"
#include "config.hpp"
#include "xor_server.hpp"
#include "xor_transport.hpp"

namespace {

namespace gc = gost::core;
namespace x = gost::x;
using example::Verdict;
using x::Say;
using xor_transport::NewConnector;
using xor_transport::NewDialer;

// Two hops: "edge" with two nodes, "inner" with one. Keys spelled in any
// case; values are text that the readers convert.
constexpr std::string_view kConfig = R"(
# hop     name     addr            dialer  connector  settings for the dialer
hop=edge  name=x1  addr=10.7.0.1:7000  dialer=xor  connector=header  Key=90
hop=edge  name=x2  addr=10.7.0.2:7000  dialer=xor  connector=header  KEY=165
hop=inner name=y1  addr=10.8.0.1:7000  dialer=xor  connector=header  key=7
)";

const std::string kDestination = "10.0.0.7:5432";

// The registries of this program, filled with the two new components.
xor_transport::Registries MakeRegistries() {
  xor_transport::Registries reg{x::NewRegistry<NewDialer>(), x::NewRegistry<NewConnector>()};
  (void)reg.dialers->Register("xor", [](gc::Variadic<gc::dialer::Option> opts) -> gc::dialer::DialerPtr {
    return std::make_shared<xor_transport::XorDialer>(opts);
  });
  (void)reg.connectors->Register("header", [](gc::Variadic<gc::connector::Option> opts) -> gc::connector::ConnectorPtr {
    return std::make_shared<xor_transport::HeaderConnector>(opts);
  });
  return reg;
}

std::string Hex(const std::string& bytes) {
  std::string out;
  char buf[4];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
  for (char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02x ", static_cast<unsigned>(static_cast<unsigned char>(c)));
    out += buf;
  }
  if (!out.empty()) out.pop_back();
  return out;
}

bool StageRegistry() {
  Say("== stage registry: constructors registered by name ==");
  auto reg = MakeRegistries();
  Say("registered dialer \"xor\" and connector \"header\"");

  gc::Error dup =
      reg.dialers->Register("xor", [](gc::Variadic<gc::dialer::Option>) -> gc::dialer::DialerPtr { return nullptr; });
  Say("register dialer \"xor\" again: " + (dup ? dup.Message() : std::string("no error")));

  gc::Error empty =
      reg.dialers->Register("", [](gc::Variadic<gc::dialer::Option>) -> gc::dialer::DialerPtr { return nullptr; });
  const auto all = reg.dialers->GetAll();
  Say("register dialer \"\": " + (empty ? empty.Message() : std::string("no error")) +
      ", ignored: " + std::to_string(all.size()) + " dialer(s) registered");

  const NewDialer quic = reg.dialers->Get("quic");
  Say(std::string("get dialer \"quic\": ") + (quic ? "found" : "empty (nobody registered it)"));

  // The first "xor" is still the one registered: it builds an XorDialer.
  const NewDialer first = reg.dialers->Get("xor");
  const bool builds_xor = first && dynamic_cast<xor_transport::XorDialer*>(first({}).get()) != nullptr;
  Say(std::string("get dialer \"xor\": ") + (builds_xor ? "builds an XorDialer (the first registration)" : "wrong"));

  return Verdict("registry", gc::errors::Is(dup, x::ErrDup) && !empty && all.size() == 1 && !quic && builds_xor);
}

bool StageConfig() {
  Say("== stage config: nodes and hops from metadata ==");
  auto config = xor_transport::ParseConfig(kConfig);
  if (!config) {
    Say("config: " + config.error().Message());
    return Verdict("config", false);
  }
  for (const auto& md : *config) {
    Say("node " + x::GetString(md, "name") + " in hop " + x::GetString(md, "hop") + ": dialer " +
        x::GetString(md, "dialer") + ", connector " + x::GetString(md, "connector") +
        ", GetInt(\"key\") = " + std::to_string(x::GetInt(md, "key")));
  }

  // The getters convert leniently, whatever type a value was stored as.
  auto md = x::NewMetadata(
      {{"Port", std::string("8080")}, {"retries", std::int64_t{3}}, {"verbose", std::string("true")}, {"mux", 1}});
  Say("metadata: GetInt(\"port\") = " + std::to_string(x::GetInt(md, "port")) +
      " (stored as \"8080\", key \"Port\")");
  Say("metadata: GetInt(\"RETRIES\") = " + std::to_string(x::GetInt(md, "RETRIES")) + " (stored as int64 3)");
  Say("metadata: GetString(\"retries\") = \"" + x::GetString(md, "retries") + "\"");
  Say(std::string("metadata: GetBool(\"verbose\") = ") + (x::GetBool(md, "verbose") ? "true" : "false") +
      ", GetBool(\"mux\") = " + (x::GetBool(md, "mux") ? "true" : "false") + " (stored as int 1)");
  Say("metadata: GetInt(\"missing\") = " + std::to_string(x::GetInt(md, "missing")));
  const bool lenient = x::GetInt(md, "port") == 8080 && x::GetInt(md, "RETRIES") == 3 &&
                       x::GetString(md, "retries") == "3" && x::GetBool(md, "verbose") &&
                       x::GetBool(md, "mux") && x::GetInt(md, "missing") == 0;

  // Building checks the names and lets each component validate its settings.
  auto reg = MakeRegistries();
  auto net = example::NewNetwork();
  auto direct = std::make_shared<x::DirectRoute>(net);
  auto chain = xor_transport::BuildChain(reg, *config, net, direct, nullptr);
  Say(std::string("build the chain: ") +
      (chain ? "ok, hops \"edge\" (x1 x2) and \"inner\" (y1)" : chain.error().Message()));

  auto bad_name = xor_transport::ParseConfig("hop=edge name=q1 addr=10.7.0.9:7000 dialer=quic connector=header key=1");
  auto bad_key = xor_transport::ParseConfig("hop=edge name=z1 addr=10.7.0.9:7000 dialer=xor connector=header key=300");
  auto r1 = xor_transport::BuildChain(reg, *bad_name, net, direct, nullptr);
  Say("build a node with dialer=quic: " + (r1 ? std::string("built?") : r1.error().Message()));
  auto r2 = xor_transport::BuildChain(reg, *bad_key, net, direct, nullptr);
  Say("build a node with key=300: " + (r2 ? std::string("built?") : r2.error().Message()));
  auto r3 = xor_transport::ParseConfig("hop=edge name");
  Say("parse \"hop=edge name\": " + (r3 ? std::string("parsed?") : r3.error().Message()));

  return Verdict("config", config->size() == 3 && x::GetInt(config->front(), "key") == 90 && lenient && chain &&
                               !r1 && !r2 && !r3);
}

bool StageXor() {
  Say("== stage xor: what travels on the wire ==");
  auto [ours, theirs] = gc::net::Pipe();  // two ends of one in-memory wire
  xor_transport::XorConn scrambled(std::move(ours), 90);
  const std::string text = "hello";
  std::thread writer([&] { (void)example::WriteString(scrambled, text); });
  std::string wire(text.size(), '\0');
  std::size_t got = 0;
  while (got < wire.size()) {
    auto r = theirs->Read(std::as_writable_bytes(std::span<char>(wire.data() + got, wire.size() - got)));
    got += r.n;
    if (r.err) break;
  }
  writer.join();
  Say("sent \"" + text + "\" through XorConn(key 90)");
  Say("the wire carried: " + Hex(wire) + " (plain text: " + Hex(text) + ")");
  std::string back = wire;
  for (char& c : back) c = static_cast<char>(c ^ 90);
  Say("XOR with 90 again: \"" + back + "\"");
  return Verdict("xor", got == text.size() && wire != text && back == text);
}

bool StageDial() {
  Say("== stage dial: through the chain built from the config ==");
  example::World w;
  auto reg = MakeRegistries();
  auto config = xor_transport::ParseConfig(kConfig);
  if (!config) return Verdict("dial", false);

  // The nodes' servers, each reading its key from the same config line, and
  // the destination.
  for (const auto& md : *config) {
    const std::string name = x::GetString(md, "name");
    auto ln = std::make_shared<xor_transport::XorListener>(w.net, gc::listener::AddrOption(x::GetString(md, "addr")));
    auto h = std::make_shared<xor_transport::HeaderHandler>(
        std::vector<gc::handler::Option>{gc::handler::RouterOption(x::NewRouter(w.direct)),
                                         gc::handler::LoggerOption(w.log), gc::handler::ServiceOption(name)});
    if (gc::Error err = w.services.Start(ln, h, md)) {
      Say("start " + name + ": " + err.Message());
      return Verdict("dial", false);
    }
  }
  if (gc::Error err = w.services.Start(w.net, kDestination, std::make_shared<example::EchoHandler>("db", w.log))) {
    return Verdict("dial", false);
  }

  auto chain = xor_transport::BuildChain(reg, *config, w.net, w.direct, w.log);
  if (!chain) return Verdict("dial", false);
  auto router = x::NewRouter(
      w.direct, {gc::chain::ChainRouterOption(*chain), gc::chain::TimeoutRouterOption(std::chrono::seconds(10)),
                 gc::chain::LoggerRouterOption(w.log)});

  const auto timeout = gc::context::WithTimeout(gc::context::Background(), std::chrono::seconds(10));
  Say("app: Dial " + kDestination);
  auto conn = router->Dial(timeout.ctx, "tcp", kDestination);
  if (!conn) {
    Say("app: dial failed: " + conn.error().Message());
    return Verdict("dial", false);
  }
  Say("app: sent \"hello\"");
  auto reply = example::Exchange(timeout.ctx, **conn, "hello");
  Say("app: destination replied \"" + (reply ? *reply : reply.error().Message()) + "\"");
  return Verdict("dial", reply && *reply == "db got: hello");
}

}  // namespace

int main(int argc, char** argv) {
  return example::RunStages("custom_transport", {{"registry", StageRegistry}, {"config", StageConfig}, {"xor", StageXor}, {"dial", StageDial}}, argc, argv);
}
