// mini_gost: a small forward proxy built from the gost-core interfaces.
//
//   mini_gost -L http://127.0.0.1:8080 -L socks5://127.0.0.1:1080
//             -F http://10.0.0.1:3128,http://10.0.0.2:3128 -F http://10.0.1.1:3128
//
// Each -L starts a service; the -F options, in order, make the hops of one
// chain that every service dials through (a comma-separated list is one hop
// of interchangeable nodes, chosen round robin, skipping nodes that failed
// recently). See README.md for every option.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gost/core/chain/node.hpp>
#include <gost/core/go/url.hpp>
#include <gost/core/handler/option.hpp>
#include <gost/core/listener/option.hpp>

#include "reference/chain.hpp"
#include "reference/hop.hpp"
#include "reference/router.hpp"
#include "reference/selector.hpp"
#include "reference/transport.hpp"
#include "components.hpp"
#include "exchanger.hpp"
#include "reference/admission.hpp"
#include "reference/auth.hpp"
#include "reference/bypass.hpp"
#include "reference/hosts.hpp"
#include "reference/limiter.hpp"
#include "reference/recorder.hpp"
#include "reference/resolver.hpp"
#include "reference/stats.hpp"
#include "support.hpp"

namespace {

using namespace mini_gost;

struct Endpoint {
  std::string protocol;   // handler or connector name ("http", "socks5")
  std::string transport;  // listener or dialer name ("tcp")
  std::string address;    // host:port
  gc::url::UserinfoPtr auth;  // user:pass@, or null
  gc::url::Values query;      // ?key=value&... (GOST's per-service options)
  std::string target;         // rtcp://addr/TARGET: where forwarded connections go
};

struct Config {
  std::vector<Endpoint> listen;
  std::vector<std::vector<Endpoint>> hops;
  std::string level = gc::logger::InfoLevel;
  int retries = 1;
  gc::Duration timeout = std::chrono::seconds(15);
  gc::Duration handshake_timeout = std::chrono::seconds(15);
  int max_fails = x::kDefaultMaxFails;
  gc::Duration fail_timeout = x::kDefaultFailTimeout;
  gc::Duration grace = std::chrono::seconds(3);
  std::string stats;  // --stats HOST:PORT, or empty
};

constexpr const char* kUsage =
    "usage: mini_gost -L SCHEME://HOST:PORT [-L ...] [-F SCHEME://HOST:PORT[,SCHEME://HOST:PORT...] ...]\n"
    "                 [-v|-vv|-q] [--retries N] [--timeout DUR] [--handshake-timeout DUR]\n"
    "                 [--max-fails N] [--fail-timeout DUR] [--grace DUR] [--stats HOST:PORT]\n"
    "  -L   serve a proxy; SCHEME is http or socks5 (optionally PROTO+tcp); port 0 picks a free port\n"
    "  -F   add a hop to the chain; several comma-separated nodes share the hop (round robin)\n"
    "  DUR  like 10s, 500ms, 2m, or a number of seconds\n";

// "proto[+transport]://[user[:pass]@]host:port[?key=value&...]"; on failure
// `why` says what is wrong.
std::optional<Endpoint> ParseEndpoint(std::string_view s, std::string& why) {
  const auto sep = s.find("://");
  if (sep == std::string_view::npos || sep == 0) {
    why = "SCHEME://HOST:PORT expected";
    return std::nullopt;
  }
  Endpoint e;
  const auto scheme = s.substr(0, sep);
  const auto plus = scheme.find('+');
  e.protocol = std::string(scheme.substr(0, plus));
  // As in GOST, a lone scheme names the handler and the listener alike when
  // both exist ("rtcp"); otherwise the listener is "tcp".
  e.transport = plus != std::string_view::npos ? std::string(scheme.substr(plus + 1))
                : e.protocol == "rtcp"       ? "rtcp"
                                             : "tcp";
  auto rest = s.substr(sep + 3);
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    auto query = gc::url::ParseQuery(rest.substr(q + 1));
    if (!query) {
      why = "bad query: " + query.error().Message();
      return std::nullopt;
    }
    e.query = std::move(*query);
    rest = rest.substr(0, q);
  }
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    auto user = gc::url::ParseUserinfo(rest.substr(0, at));
    if (!user) {
      why = "bad user:password: " + user.error().Message();
      return std::nullopt;
    }
    e.auth = std::move(*user);
    rest = rest.substr(at + 1);
  }
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    e.target = std::string(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  e.address = std::string(rest);
  if (!e.target.empty() && (e.protocol != "rtcp" || !ParseHostPort(e.target))) {
    why = e.protocol != "rtcp" ? "a /TARGET is only for rtcp://" : "TARGET must be HOST:PORT";
    return std::nullopt;
  }
  if (e.protocol == "rtcp" && e.target.empty()) {
    why = "rtcp://ADDR/HOST:PORT expected (the address to forward to is missing)";
    return std::nullopt;
  }
  auto hp = gc::net::SplitHostPort(e.address);
  if (e.protocol.empty() || e.transport.empty() || !hp) {
    why = "SCHEME://HOST:PORT expected";
    return std::nullopt;
  }
  return e;
}

// The query keys each side understands (GOST's names); anything else is an
// error at start-up rather than silently ignored.
constexpr std::string_view kServiceKeys[] = {"bypass",     "admission",   "hosts",           "resolver",
                                             "climiter",   "rlimiter",    "limiter.in",      "limiter.out",
                                             "limiter.conn.in", "limiter.conn.out", "enableStats",
                                             "observer.period", "recorder.service.client.address",
                                             "recorder.service.router.dial.address",
                                             "recorder.service.router.dial.address.error", "bind"};
constexpr std::string_view kNodeKeys[] = {"bypass"};

bool KnownKeys(const Endpoint& e, std::span<const std::string_view> known, std::string& why) {
  for (const auto& [key, values] : e.query.map()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      why = "unknown option \"" + key + "\"";
      return false;
    }
  }
  return true;
}

bool ParseInt(std::string_view s, int& out) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return false;
  out = v;
  return true;
}

// Returns 0 to go on, or the exit status (after printing why).
int ParseArgs(int argc, char** argv, Config& cfg) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto a = args[i];
    auto value = [&](std::string_view& out) {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "mini_gost: %.*s needs a value\n", static_cast<int>(a.size()), a.data());
        return false;
      }
      out = args[++i];
      return true;
    };
    std::string_view v;
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return -1;
    } else if (a == "-v") {
      cfg.level = gc::logger::DebugLevel;
    } else if (a == "-vv") {
      cfg.level = gc::logger::TraceLevel;
    } else if (a == "-q") {
      cfg.level = gc::logger::ErrorLevel;
    } else if (a == "-L") {
      if (!value(v)) return 2;
      std::string why;
      auto e = ParseEndpoint(v, why);
      if (!e || !KnownKeys(*e, kServiceKeys, why)) {
        std::fprintf(stderr, "mini_gost: bad -L %.*s: %s\n", static_cast<int>(v.size()), v.data(), why.c_str());
        return 2;
      }
      cfg.listen.push_back(*e);
    } else if (a == "-F") {
      if (!value(v)) return 2;
      std::vector<Endpoint> hop;
      std::size_t start = 0;
      while (start <= v.size()) {
        auto comma = v.find(',', start);
        if (comma == std::string_view::npos) comma = v.size();
        std::string why;
        auto e = ParseEndpoint(v.substr(start, comma - start), why);
        if (!e || !KnownKeys(*e, kNodeKeys, why)) {
          std::fprintf(stderr, "mini_gost: bad -F %.*s: %s\n", static_cast<int>(v.size()), v.data(), why.c_str());
          return 2;
        }
        hop.push_back(*e);
        start = comma + 1;
      }
      cfg.hops.push_back(std::move(hop));
    } else if (a == "--retries" || a == "--max-fails") {
      int n = 0;
      if (!value(v) || !ParseInt(v, n)) {
        std::fprintf(stderr, "mini_gost: bad %.*s\n", static_cast<int>(a.size()), a.data());
        return 2;
      }
      (a == "--retries" ? cfg.retries : cfg.max_fails) = n;
    } else if (a == "--stats") {
      if (!value(v) || !gc::net::SplitHostPort(v)) {
        std::fprintf(stderr, "mini_gost: bad --stats: HOST:PORT expected\n");
        return 2;
      }
      cfg.stats = std::string(v);
    } else if (a == "--timeout" || a == "--handshake-timeout" || a == "--fail-timeout" || a == "--grace") {
      std::optional<gc::Duration> d;
      if (!value(v) || !(d = x::ParseDuration(v))) {
        std::fprintf(stderr, "mini_gost: bad %.*s\n", static_cast<int>(a.size()), a.data());
        return 2;
      }
      if (a == "--timeout") cfg.timeout = *d;
      if (a == "--handshake-timeout") cfg.handshake_timeout = *d;
      if (a == "--fail-timeout") cfg.fail_timeout = *d;
      if (a == "--grace") cfg.grace = *d;
    } else {
      std::fprintf(stderr, "mini_gost: unknown argument %.*s\n%s", static_cast<int>(a.size()), a.data(), kUsage);
      return 2;
    }
  }
  if (cfg.listen.empty()) {
    std::fprintf(stderr, "mini_gost: at least one -L is needed\n%s", kUsage);
    return 2;
  }
  return 0;
}

// Builds the chain of the -F options; null when there is none. Returns an
// error text for an unknown dialer or connector.
std::shared_ptr<x::Chain> BuildChain(const Config& cfg, const gc::logger::LoggerPtr& log, std::string& error) {
  if (cfg.hops.empty()) return nullptr;
  auto chain = x::NewChain("chain-0", DirectRoute(), log);
  for (std::size_t h = 0; h < cfg.hops.size(); ++h) {
    std::vector<gc::chain::NodePtr> nodes;
    for (std::size_t n = 0; n < cfg.hops[h].size(); ++n) {
      const auto& e = cfg.hops[h][n];
      auto newDialer = DialerRegistry().Get(e.transport);
      auto newConnector = ConnectorRegistry().Get(e.protocol);
      if (!newDialer || !newConnector) {
        error = !newDialer ? "unknown dialer \"" + e.transport + "\"" : "unknown connector \"" + e.protocol + "\"";
        return nullptr;
      }
      auto nodeLog = log->WithFields({{"kind", std::string("node")}, {"node", e.address}});
      auto d = newDialer(gc::dialer::LoggerOption(nodeLog));
      auto c = newConnector({gc::connector::LoggerOption(nodeLog), gc::connector::AuthOption(e.auth)});
      if (auto err = d->Init(nullptr)) {
        error = "dialer: " + err.Message();
        return nullptr;
      }
      if (auto err = c->Init(nullptr)) {
        error = "connector: " + err.Message();
        return nullptr;
      }
      auto tr = x::NewTransport(d, c, System(), gc::chain::AddrTransportOption(e.address));
      gc::bypass::BypassPtr bp;
      if (e.query.Has("bypass")) {
        auto b = gost::x::bypass::Bypass::FromList(e.query.Get("bypass"));
        if (!b) {
          error = "-F " + e.address + ": bypass: " + b.error().Message();
          return nullptr;
        }
        bp = *b;
      }
      nodes.push_back(gc::chain::NewNode("node-" + std::to_string(h) + "." + std::to_string(n), e.address,
                                         {gc::chain::TransportNodeOption(tr), gc::chain::BypassNodeOption(bp)}));
    }
    x::HopOptions hop;
    hop.Name = "hop-" + std::to_string(h);
    hop.Nodes = std::move(nodes);
    hop.Selector = x::NewRoundRobinSelector<gc::chain::NodePtr>(x::Kind(log, hop.Name), cfg.max_fails, cfg.fail_timeout);
    hop.FailMaxFails = cfg.max_fails;
    hop.FailTimeout = cfg.fail_timeout;
    hop.Logger = log;
    chain->AddHop(x::NewHop(std::move(hop)));
  }
  return chain;
}

struct Running {
  std::string scheme;
  std::shared_ptr<DefaultService> service;
  std::thread thread;
  std::atomic<bool> ended{false};
};

int Run(const Config& cfg) {
  auto log = std::make_shared<x::Logger>(cfg.level, x::Format::Text);
  gc::logger::SetDefault(log);
  RegisterBuiltins();

  std::string error;
  auto chain = BuildChain(cfg, log, error);
  if (!error.empty()) {
    log->Errorf("%s", {error});
    return 2;
  }

  // The observer every service with ?enableStats=true reports to, read at --stats.
  auto observer = std::make_shared<gost::x::observer::LatestStats>();
  // One file recorder per path, whichever services and records share it.
  std::map<std::string, gc::recorder::RecorderPtr> recorderFiles;
  std::vector<std::unique_ptr<Running>> services;
  for (std::size_t i = 0; i < cfg.listen.size(); ++i) {
    const auto& e = cfg.listen[i];
    auto newListener = ListenerRegistry().Get(e.transport);
    auto newHandler = HandlerRegistry().Get(e.protocol);
    if (!newListener || !newHandler) {
      log->Errorf("unknown %s \"%s\"", {!newListener ? "listener" : "handler", !newListener ? e.transport : e.protocol});
      return 2;
    }
    const std::string name = "service-" + std::to_string(i);
    auto svcLog = log->WithFields({{"service", name}});
    // GOST's per-service options (-L ...?key=value), checked before anything starts.
    auto fail = [&](std::string_view key, const gc::Error& err) {
      log->Errorf("-L %s: %s: %v", {e.address, key, err});
      return 2;
    };
    // Sets `out` from option `key` with `make` (left null when the key is
    // absent); false, after the error line, for a bad value.
    auto build = [&](std::string_view key, auto make, auto& out) {
      if (!e.query.Has(key)) return true;
      auto r = make(e.query.Get(key));
      if (!r) {
        (void)fail(key, r.error());
        return false;
      }
      out = *r;
      return true;
    };
    // GOST's booleans: "true" or "false".
    auto flag = [&](std::string_view key, bool& out) {
      const auto v = e.query.Get(key);
      if (!e.query.Has(key)) return true;
      if (v != "true" && v != "false") {
        (void)fail(key, gc::errors::New("true or false expected"));
        return false;
      }
      out = v == "true";
      return true;
    };
    gc::bypass::BypassPtr bypass;
    gc::admission::AdmissionPtr admission;
    gc::hosts::HostMapperPtr hosts;
    if (!build("bypass", gost::x::bypass::Bypass::FromList, bypass) ||
        !build("admission", gost::x::admission::Admission::FromList, admission) ||
        !build("hosts", gost::x::hosts::HostMapper::FromList, hosts)) {
      return 2;
    }
    gc::resolver::ResolverPtr resolver;
    if (e.query.Has("resolver")) {
      std::vector<gost::x::resolver::ExchangerPtr> nameservers;
      const auto list = gost::x::matcher::ParseList(e.query.Get("resolver"));
      if (list.whitelist) return fail("resolver", gc::errors::New("'~' has no meaning for nameservers"));
      for (const auto& ns : list.patterns) {
        auto x = UdpExchanger::Parse(ns);
        if (!x) return fail("resolver", x.error());
        nameservers.push_back(*x);
      }
      if (nameservers.empty()) return fail("resolver", gc::errors::New("no nameserver"));
      resolver = std::make_shared<gost::x::resolver::Resolver>(std::move(nameservers));
    }
    gc::limiter::conn::ConnLimiterPtr climiter;
    if (e.query.Has("climiter")) {
      int n = 0;
      if (!ParseInt(e.query.Get("climiter"), n) || n <= 0) {
        return fail("climiter", gc::errors::New("a positive number of connections expected"));
      }
      climiter = std::make_shared<gost::x::limiter::conn::ConnLimiter>(n);
    }
    gc::limiter::rate::RateLimiterPtr rlimiter;
    if (e.query.Has("rlimiter")) {
      const auto v = e.query.Get("rlimiter");
      double r = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), r);
      if (ec != std::errc() || p != v.data() + v.size() || !(r > 0) || r > 1e9) {
        return fail("rlimiter", gc::errors::New("a positive number of requests per second expected"));
      }
      rlimiter = std::make_shared<gost::x::limiter::rate::RateLimiter>(r);
    }
    gc::limiter::traffic::TrafficLimiterPtr traffic;
    gost::x::limiter::traffic::Limits limits;
    for (auto [key, field] : {std::pair{"limiter.in", &limits.in}, std::pair{"limiter.out", &limits.out},
                              std::pair{"limiter.conn.in", &limits.conn_in}, std::pair{"limiter.conn.out", &limits.conn_out}}) {
      if (!e.query.Has(key)) continue;
      auto n = gost::x::limiter::ParseBytes(e.query.Get(key));
      if (!n) return fail(key, gc::errors::New("a size in bytes per second expected, like 100KB or 1MiB"));
      *field = *n;
    }
    if (limits.in > 0 || limits.out > 0 || limits.conn_in > 0 || limits.conn_out > 0) {
      traffic = std::make_shared<gost::x::limiter::traffic::TrafficLimiter>(limits);
    }
    bool enableStats = false;
    bool bind = false;
    if (!flag("enableStats", enableStats) || !flag("bind", bind)) return 2;
    gc::observer::stats::StatsPtr stats;
    if (enableStats) stats = std::make_shared<gost::x::observer::stats::Stats>();
    gc::Duration period = std::chrono::seconds(5);
    if (e.query.Has("observer.period")) {
      auto d = x::ParseDuration(e.query.Get("observer.period"));
      if (!d || *d <= gc::Duration::zero()) return fail("observer.period", gc::errors::New("a duration expected, like 5s"));
      period = *d;
    }
    std::vector<gc::recorder::RecorderObject> recorders;
    for (const auto* record : {&gc::recorder::RecorderServiceClientAddress, &gc::recorder::RecorderServiceRouterDialAddress,
                               &gc::recorder::RecorderServiceRouterDialAddressError}) {
      if (!e.query.Has(*record)) continue;
      const auto path = e.query.Get(*record);
      auto& rec = recorderFiles[path];
      if (!rec) {
        auto f = path.empty() ? gc::Result<std::shared_ptr<gost::x::recorder::FileRecorder>>(gc::errors::New("a file path expected"))
                              : gost::x::recorder::FileRecorder::Open(path);
        if (!f) return fail(*record, f.error());
        rec = *f;
      }
      recorders.push_back({rec, *record, nullptr, {}});
    }
    // Each service has its own router, as in go-gost/x: its hosts and
    // resolver apply to that service's dials.
    auto router = x::NewRouter(DirectRoute(), {gc::chain::RetriesRouterOption(cfg.retries),
                                               gc::chain::TimeoutRouterOption(cfg.timeout), gc::chain::ChainRouterOption(chain),
                                               gc::chain::HostMapperRouterOption(hosts),
                                               gc::chain::ResolverRouterOption(resolver),
                                               gc::chain::RecordersRouterOption(recorders),
                                               gc::chain::LoggerRouterOption(svcLog)});
    // rtcp: the listener binds on the chain's last node; the handler then
    // dials the target directly.
    const bool rtcp = e.protocol == "rtcp";
    if (rtcp && !chain) return fail("rtcp", gc::errors::New("remote forwarding needs a chain (-F socks5://...?bind=true node)"));
    auto ln = newListener({gc::listener::AddrOption(e.address), gc::listener::RouterOption(rtcp ? router : nullptr), gc::listener::LoggerOption(svcLog),
                           gc::listener::ServiceOption(name), gc::listener::AdmissionOption(admission),
                           gc::listener::ConnLimiterOption(climiter), gc::listener::TrafficLimiterOption(traffic),
                           gc::listener::StatsOption(stats)});
    if (auto err = ln->Init(nullptr)) {
      log->Errorf("listen on %s: %v", {e.address, err});
      return 1;
    }
    auto md = x::NewMetadata();
    md->Set("readTimeout", cfg.handshake_timeout);
    md->Set("bind", bind);
    auto handlerRouter = !rtcp ? router
                               : x::NewRouter(DirectRoute(), {gc::chain::RetriesRouterOption(cfg.retries),
                                                              gc::chain::TimeoutRouterOption(cfg.timeout),
                                                              gc::chain::RecordersRouterOption(recorders),
                                                              gc::chain::LoggerRouterOption(svcLog)});
    auto h = newHandler({gc::handler::RouterOption(handlerRouter), gc::handler::LoggerOption(svcLog),
                         gc::handler::ServiceOption(name), gc::handler::AuthOption(e.auth),
                         gc::handler::AutherOption(gost::x::auth::FromUserinfo(e.auth)),
                         gc::handler::BypassOption(bypass), gc::handler::RateLimiterOption(rlimiter)});
    if (auto err = h->Init(md)) {
      log->Errorf("handler %s: %v", {e.protocol, err});
      return 1;
    }
    if (auto* fw = dynamic_cast<gc::handler::Forwarder*>(h.get()); fw && !e.target.empty()) {
      fw->Forward(x::NewHop("target", {gc::chain::NewNode("target", e.target)}));
    }
    auto r = std::make_unique<Running>();
    r->scheme = e.protocol;
    r->service = std::make_shared<DefaultService>(ln, h, svcLog);
    if (stats) r->service->SetObserver(name, stats, observer, period);
    r->service->SetRecorders(recorders);
    services.push_back(std::move(r));
  }
  if (!cfg.stats.empty()) {
    auto statsLog = log->WithFields({{"service", std::string("stats")}});
    auto ln = std::make_shared<TcpListener>(gc::listener::AddrOption(cfg.stats));
    if (auto err = ln->Init(nullptr)) {
      log->Errorf("listen on %s: %v", {cfg.stats, err});
      return 1;
    }
    auto r = std::make_unique<Running>();
    r->scheme = "stats";
    r->service = std::make_shared<DefaultService>(ln, std::make_shared<StatsApiHandler>(observer, statsLog), statsLog);
    services.push_back(std::move(r));
  }

  for (auto& r : services) {
    std::printf("mini_gost: listening on %s://%s\n", r->scheme.c_str(), r->service->Addr().String().c_str());
    Running* raw = r.get();
    r->thread = std::thread([raw, log] {
      auto err = raw->service->Serve();
      if (!gc::errors::Is(err, gc::listener::ErrClosed)) log->Errorf("service stopped: %v", {err});
      raw->ended.store(true);
    });
  }
  std::fflush(stdout);

  // SIGINT and SIGTERM are blocked in every thread (see main); wait for them
  // here, and notice a service that stopped on its own.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int status = 0;
  for (;;) {
    timespec ts{0, 200 * 1000 * 1000};
    const int sig = sigtimedwait(&set, nullptr, &ts);
    if (sig == SIGINT || sig == SIGTERM) {
      log->Infof("signal %d: shutting down", {sig});
      break;
    }
    bool failed = false;
    for (auto& r : services) failed = failed || r->ended.load();
    if (failed) {
      status = 1;
      break;
    }
  }
  for (auto& r : services) (void)r->service->Close();
  for (auto& r : services) r->thread.join();
  for (auto& r : services) r->service->Shutdown(cfg.grace);
  log->Info("bye");
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  // Signals are taken with sigtimedwait on the main thread: block them before
  // any thread starts so that every thread inherits the mask.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Config cfg;
  if (const int rc = ParseArgs(argc, argv, cfg); rc != 0) return rc < 0 ? 0 : rc;
  try {
    return Run(cfg);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mini_gost: fatal: %s\n", e.what());
    return 1;
  }
}
