// custom_transport: from configuration text to a chain.
//
// The configuration is one node per line, as "key=value" words; '#' starts a
// comment. Each line becomes one metadata::Metadata (x::MapMetadata,
// keys case-insensitive, values kept as strings). Building a node then only
// reads metadata:
//   hop, name, addr      where the node goes and where it is
//   dialer, connector    names looked up in the registries
//   anything else        left for the dialer and connector to read in Init
//                        (the "xor" dialer reads "key")
#pragma once

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/common/net/dialer.hpp>
#include <gost/core/connector/connector.hpp>
#include <gost/core/connector/option.hpp>
#include <gost/core/dialer/dialer.hpp>
#include <gost/core/dialer/option.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/logger/logger.hpp>
#include <gost/core/registry/registry.hpp>

#include "reference/chain.hpp"
#include "reference/hop.hpp"
#include "reference/metadata.hpp"
#include "reference/selector.hpp"
#include "reference/transport.hpp"

namespace xor_transport {

namespace gc = gost::core;
namespace x = gost::x;

/// What a dialer registry holds: a function that builds a dialer from its
/// build-time options (go-gost/x: `type NewDialer func(opts ...dialer.Option) dialer.Dialer`).
using NewDialer = std::function<gc::dialer::DialerPtr(gc::Variadic<gc::dialer::Option>)>;
/// The same for connectors.
using NewConnector = std::function<gc::connector::ConnectorPtr(gc::Variadic<gc::connector::Option>)>;

/// The registries configuration names are looked up in.
struct Registries {
  gc::registry::RegistryPtr<NewDialer> dialers;
  gc::registry::RegistryPtr<NewConnector> connectors;
};

/// One Metadata per node line of `text`. A word without '=' is an error.
inline gc::Result<std::vector<gc::metadata::MetadataPtr>> ParseConfig(std::string_view text) {
  std::vector<gc::metadata::MetadataPtr> nodes;
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string word;
    auto md = x::NewMetadata();
    bool any = false;
    while (words >> word) {
      const auto eq = word.find('=');
      if (eq == std::string::npos || eq == 0) return gc::errors::New("config: \"" + word + "\" is not key=value");
      md->Set(word.substr(0, eq), word.substr(eq + 1));
      any = true;
    }
    if (any) nodes.push_back(md);
  }
  return nodes;
}

/// Builds the node that `md` describes: looks its dialer and connector up by
/// name, builds them, lets them read `md` (Init), and joins them in a
/// Transport whose raw connections come from the network `netd`.
inline gc::Result<gc::chain::NodePtr> BuildNode(const Registries& reg, const gc::metadata::MetadataPtr& md,
                                                const gc::common::net::DialerPtr& netd) {
  const std::string name = x::GetString(md, "name");
  const std::string addr = x::GetString(md, "addr");
  const std::string dialer_name = x::GetString(md, "dialer");
  const std::string connector_name = x::GetString(md, "connector");

  const NewDialer new_dialer = reg.dialers->Get(dialer_name);
  if (!new_dialer) return gc::errors::New("node " + name + ": no dialer named \"" + dialer_name + "\"");
  const NewConnector new_connector = reg.connectors->Get(connector_name);
  if (!new_connector) return gc::errors::New("node " + name + ": no connector named \"" + connector_name + "\"");

  gc::dialer::DialerPtr d = new_dialer({});
  if (gc::Error err = d->Init(md)) return gc::errors::Wrap(err, "node " + name);
  gc::connector::ConnectorPtr c = new_connector({});
  if (gc::Error err = c->Init(md)) return gc::errors::Wrap(err, "node " + name);

  auto transport = x::NewTransport(d, c, netd, gc::chain::AddrTransportOption(addr));
  return gc::chain::NewNode(name, addr, {gc::chain::TransportNodeOption(transport), gc::chain::MetadataNodeOption(md)});
}

/// A chain with one hop per distinct "hop" value, in the order the config
/// first names them, each picking its nodes by round robin.
inline gc::Result<std::shared_ptr<x::Chain>> BuildChain(const Registries& reg,
                                                              const std::vector<gc::metadata::MetadataPtr>& config,
                                                              const gc::common::net::DialerPtr& netd,
                                                              gc::chain::RoutePtr direct,
                                                              const gc::logger::LoggerPtr& log) {
  std::vector<x::HopOptions> hops;
  for (const auto& md : config) {
    auto node = BuildNode(reg, md, netd);
    if (!node) return node.error();
    const std::string hop = "hop " + x::GetString(md, "hop");
    auto it = std::find_if(hops.begin(), hops.end(), [&](const auto& h) { return h.Name == hop; });
    if (it == hops.end()) {
      x::HopOptions h;
      h.Name = hop;
      h.Selector = x::NewRoundRobinSelector<gc::chain::NodePtr>(x::Kind(log, hop));
      h.Logger = log;
      hops.push_back(std::move(h));
      it = std::prev(hops.end());
    }
    it->Nodes.push_back(*node);
  }
  auto chain = std::make_shared<x::Chain>("chain", std::move(direct), log);
  for (auto& h : hops) chain->AddHop(x::NewHop(std::move(h)));
  return chain;
}

}  // namespace xor_transport
