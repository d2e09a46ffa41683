// Examples: what every in-memory example's world starts from: a network, a
// logger, the route that dials the network directly, and the services that
// run on it. An example's World derives from it and adds its proxies, chain
// and router.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include <gost/core/go/errors.hpp>
#include <gost/core/handler/handler.hpp>
#include <gost/core/logger/logger.hpp>

#include "memnet.hpp"
#include "reference/logger.hpp"
#include "reference/route.hpp"
#include "service.hpp"

namespace example {

namespace gc = gost::core;

/// Destroying it stops every service (the services are declared last, so
/// they stop while the network and logger still exist). A derived world's
/// own members go away before that: what a handler uses must reach it
/// through its own shared_ptr, never by reference to the world.
struct World {
  std::shared_ptr<Network> net = NewNetwork();
  gc::logger::LoggerPtr log = gost::x::NewLogger("");
  std::shared_ptr<gost::x::DirectRoute> direct = std::make_shared<gost::x::DirectRoute>(net);
  Services services;  // declared last: stopped first

  /// Serves `handler` on a listener at `addr`. A failure is a broken
  /// example, not a stage's result: it throws, and RunStages reports it.
  void Serve(const std::string& addr, gc::handler::HandlerPtr handler) {
    if (gc::Error err = services.Start(net, addr, std::move(handler))) {
      throw std::runtime_error("setting up the world: " + err.Message());
    }
  }
};

}  // namespace example
