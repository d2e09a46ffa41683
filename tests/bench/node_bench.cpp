// chain::NewNode with five options, against the same construction done with
// std::function options (what OptionFunc replaces).
//
// Both build the five options inside the loop, as a configuration loader
// does for every node: a short string (Network), three shared_ptrs
// (Transport, Bypass, Metadata) and an int (Priority). The node's name and
// address fit std::string's inline buffer, so neither side allocates for them.
// allocs_per_op counts operator new calls per node.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "alloc_counter.hpp"
#include "gost/core/bypass/bypass.hpp"
#include "gost/core/chain/node.hpp"
#include "gost/core/chain/transport.hpp"
#include "gost/core/connector/binder.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/metadata/metadata.hpp"
#include "gost/core/selector/selector.hpp"
#include "reference/metadata.hpp"
#include "stand_ins.hpp"

namespace {

namespace gc = gost::core;
namespace chain = gost::core::chain;
using gost::bench::ReportAllocations;

// Inert implementations: the options only hold them.
class NullBypass final : public gc::bypass::Bypass {
 public:
  bool Contains(const gc::context::Context&, std::string_view, std::string_view,
                gc::Variadic<gc::bypass::Option>) override {
    return false;
  }
  [[nodiscard]] bool IsWhitelist() const override { return false; }
};

struct Shared {
  chain::TransporterPtr transport = std::make_shared<gost::bench::PassTransporter>();
  gc::bypass::BypassPtr bypass = std::make_shared<NullBypass>();
  gc::metadata::MetadataPtr metadata = gost::x::NewMetadata();
};

void BM_NewNode5Options(benchmark::State& state) {
  const Shared s;
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    chain::NodePtr node = chain::NewNode(
        "node-1", "10.0.0.1:1080",
        {chain::NetworkNodeOption("tcp"), chain::TransportNodeOption(s.transport), chain::BypassNodeOption(s.bypass),
         chain::PriorityNodeOption(1), chain::MetadataNodeOption(s.metadata)});
    benchmark::DoNotOptimize(node.get());
  }
  ReportAllocations(state, before);
}

// The baseline: the same fields, a fail marker and the same five options as
// std::function<void(NodeOptions*)> (libstdc++ stores a capture on the heap
// unless it is trivially copyable and at most 16 bytes: here, all but the
// int's).
using StdNodeOption = std::function<void(chain::NodeOptions*)>;

struct StdNode {
  StdNode(std::string name, std::string addr, std::initializer_list<StdNodeOption> opts)
      : Name(std::move(name)), Addr(std::move(addr)), Marker(gc::selector::NewFailMarker()) {
    for (const auto& opt : opts) {
      if (opt) opt(&Options);
    }
  }
  std::string Name;
  std::string Addr;
  gc::selector::MarkerPtr Marker;
  chain::NodeOptions Options;
};

StdNodeOption StdNetworkOption(std::string network) {
  return [v = std::move(network)](chain::NodeOptions* o) { o->Network = v; };
}
StdNodeOption StdTransportOption(chain::TransporterPtr tr) {
  return [v = std::move(tr)](chain::NodeOptions* o) { o->Transport = v; };
}
StdNodeOption StdBypassOption(gc::bypass::BypassPtr bp) {
  return [v = std::move(bp)](chain::NodeOptions* o) { o->Bypass = v; };
}
StdNodeOption StdPriorityOption(int priority) {
  return [priority](chain::NodeOptions* o) { o->Priority = priority; };
}
StdNodeOption StdMetadataOption(gc::metadata::MetadataPtr md) {
  return [v = std::move(md)](chain::NodeOptions* o) { o->Metadata = v; };
}

void BM_NewNode5StdFunctionOptions(benchmark::State& state) {
  const Shared s;
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    auto node =
        std::make_shared<StdNode>("node-1", "10.0.0.1:1080",
                                  std::initializer_list<StdNodeOption>{
                                      StdNetworkOption("tcp"), StdTransportOption(s.transport),
                                      StdBypassOption(s.bypass), StdPriorityOption(1), StdMetadataOption(s.metadata)});
    benchmark::DoNotOptimize(node.get());
  }
  ReportAllocations(state, before);
}

// NewNode with no options: the node and its marker alone.
void BM_NewNodeNoOptions(benchmark::State& state) {
  const std::uint64_t before = gost::bench::ThreadAllocations();
  for (auto _ : state) {
    chain::NodePtr node = chain::NewNode("node-1", "10.0.0.1:1080");
    benchmark::DoNotOptimize(node.get());
  }
  ReportAllocations(state, before);
}

}  // namespace

BENCHMARK(BM_NewNode5Options);
BENCHMARK(BM_NewNode5StdFunctionOptions);
BENCHMARK(BM_NewNodeNoOptions);
