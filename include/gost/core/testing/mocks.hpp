// gost-core testing kit: GoogleMock mocks of every interface of the library.
//
// Each mock is named Mock<Interface> and lives in its interface's own
// namespace (chain::MockRouter, limiter::rate::MockLimiter, net::MockConn,
// registry::MockRegistry<T>...). This header includes them all; include
// gost/core/testing/mocks/<package>.hpp instead to pull in one package.
//
// Notes that apply to every mock:
//  * Default arguments (the `opts = {}` of option lists) belong to the
//    interface: call through the interface, or pass every argument when
//    calling the mock object directly.
//  * Move-only parameters (net::ConnUniquePtr taken by value) are matched as
//    const references; an Invoke action receives them by value and owns them.
//  * Move-only results (Result<net::ConnUniquePtr>, Result<net::ListenerUniquePtr>) need
//    an action that builds a new value per call (Invoke, a lambda) or a
//    one-shot Return(ByMove(...)). An unconfigured call returns the type's
//    default: a Result holding a null pointer.
#pragma once

#include "gost/core/testing/mocks/admission.hpp"
#include "gost/core/testing/mocks/auth.hpp"
#include "gost/core/testing/mocks/bypass.hpp"
#include "gost/core/testing/mocks/chain.hpp"
#include "gost/core/testing/mocks/common/net.hpp"
#include "gost/core/testing/mocks/connector.hpp"
#include "gost/core/testing/mocks/dialer.hpp"
#include "gost/core/testing/mocks/handler.hpp"
#include "gost/core/testing/mocks/hop.hpp"
#include "gost/core/testing/mocks/hosts.hpp"
#include "gost/core/testing/mocks/ingress.hpp"
#include "gost/core/testing/mocks/io.hpp"
#include "gost/core/testing/mocks/limiter/conn.hpp"
#include "gost/core/testing/mocks/limiter/rate.hpp"
#include "gost/core/testing/mocks/limiter/traffic.hpp"
#include "gost/core/testing/mocks/listener.hpp"
#include "gost/core/testing/mocks/logger.hpp"
#include "gost/core/testing/mocks/metadata.hpp"
#include "gost/core/testing/mocks/metrics.hpp"
#include "gost/core/testing/mocks/net.hpp"
#include "gost/core/testing/mocks/observer.hpp"
#include "gost/core/testing/mocks/observer/stats.hpp"
#include "gost/core/testing/mocks/recorder.hpp"
#include "gost/core/testing/mocks/regexp.hpp"
#include "gost/core/testing/mocks/registry.hpp"
#include "gost/core/testing/mocks/resolver.hpp"
#include "gost/core/testing/mocks/rewriter.hpp"
#include "gost/core/testing/mocks/router.hpp"
#include "gost/core/testing/mocks/routing.hpp"
#include "gost/core/testing/mocks/sd.hpp"
#include "gost/core/testing/mocks/selector.hpp"
#include "gost/core/testing/mocks/service.hpp"
