// mini_gost: the pluggable components, their registries, and the service.
//
//   listener  "tcp"            accepts TCP connections (admission, limiters, stats)
//   listener  "rtcp"           accepts on a chain's last node (SOCKS5 BIND)
//   dialer    "tcp"            opens TCP connections to a node
//   connector "http"           HTTP CONNECT through a node to the next address
//   connector "socks5"         SOCKS5 CONNECT and BIND through a node
//   handler   "http"           HTTP proxy: CONNECT and absolute-URI requests
//   handler   "socks5"         SOCKS5 proxy: CONNECT, BIND; optional RFC 1929 auth
//   handler   "rtcp"           relays what an rtcp listener accepts to a target
//
// Each kind has a registry of constructor functions keyed by scheme, as
// go-gost/x has (registry.ListenerRegistry() and friends).
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <gost/core/chain/router.hpp>
#include <gost/core/connector/binder.hpp>
#include <gost/core/connector/connector.hpp>
#include <gost/core/dialer/dialer.hpp>
#include <gost/core/handler/handler.hpp>
#include <gost/core/listener/listener.hpp>
#include <gost/core/listener/option.hpp>
#include <gost/core/service/service.hpp>

#include "posix_net.hpp"
#include "reference/router.hpp"
#include "reference/stats.hpp"
#include "support.hpp"
#include "wrapped_conn.hpp"

namespace mini_gost {

inline constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

// ---------------------------------------------------------------------------
// Registries of constructor functions

using NewListener = std::function<gc::listener::ListenerPtr(gc::Variadic<gc::listener::Option>)>;
using NewHandler = std::function<gc::handler::HandlerPtr(gc::Variadic<gc::handler::Option>)>;
using NewDialer = std::function<gc::dialer::DialerPtr(gc::Variadic<gc::dialer::Option>)>;
using NewConnector = std::function<gc::connector::ConnectorPtr(gc::Variadic<gc::connector::Option>)>;

/// One registry per kind of constructor, made on first use.
template <class New>
gc::registry::Registry<New>& RegistryOf() {
  static x::Registry<New> r;
  return r;
}
inline gc::registry::Registry<NewListener>& ListenerRegistry() { return RegistryOf<NewListener>(); }
inline gc::registry::Registry<NewHandler>& HandlerRegistry() { return RegistryOf<NewHandler>(); }
inline gc::registry::Registry<NewDialer>& DialerRegistry() { return RegistryOf<NewDialer>(); }
inline gc::registry::Registry<NewConnector>& ConnectorRegistry() { return RegistryOf<NewConnector>(); }

// ---------------------------------------------------------------------------
// Listener "tcp"

/// Accepts TCP connections on Options::Addr. Resource shortages (out of file
/// descriptors, of memory) come back as listener::AcceptError, which the
/// service retries; after Close, Accept fails with listener::ErrClosed.
/// Options::Admission, ConnLimiter, TrafficLimiter and Stats apply to every
/// accepted connection (see Wrap).
class TcpListener final : public gc::listener::Listener {
 public:
  explicit TcpListener(gc::Variadic<gc::listener::Option> opts) { gc::ApplyOptions(options_, opts); }

  gc::Error Init(gc::metadata::MetadataPtr) override {
    auto ln = TcpNetListener::Listen("tcp", options_.Addr);
    if (!ln) return ln.error();
    ln_ = std::move(*ln);
    return {};
  }

  gc::Result<gc::net::ConnUniquePtr> Accept() override {
    if (!ln_) return gc::listener::ErrClosed;
    auto conn = ln_->Accept();
    // Admission, as go-gost/x's listener wrapper: a client that is not
    // admitted is closed at once and the next one is accepted.
    while (conn) {
      auto wrapped = Wrap(std::move(*conn));
      if (wrapped) return wrapped;
      conn = ln_->Accept();
    }
    const auto err = conn.error();
    if (gc::errors::Is(err, gc::net::ErrClosed)) return gc::listener::ErrClosed;
    const auto code = err.Code();
    if (code == std::errc::too_many_files_open || code == std::errc::too_many_files_open_in_system ||
        code == std::errc::no_buffer_space || code == std::errc::not_enough_memory) {
      return gc::listener::NewAcceptError(err);
    }
    return err;
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return ln_ ? ln_->Addr() : gc::net::Addr(); }

  gc::Error Close() override { return ln_ ? ln_->Close() : gc::Error(); }

 private:
  /// The listener options applied to one accepted connection: admission, the
  /// connection limiter (a refused client is closed at once), then the
  /// traffic limiter and stats around it. Null when the client was refused.
  gc::net::ConnUniquePtr Wrap(gc::net::ConnUniquePtr c) {
    const auto bg = gc::context::Background();
    const std::string client = c->RemoteAddr().String();
    std::string host = client;
    if (auto hp = gc::net::SplitHostPort(client)) host = hp->host;
    const auto& log = options_.Logger;
    if (options_.Admission &&
        !options_.Admission->Admit(bg, "tcp", client, gc::admission::WithService(options_.Service))) {
      if (log) log->Debugf("admission: %s refused", {client});
      (void)c->Close();
      return nullptr;
    }
    WrappedConn::Hooks hooks;
    if (options_.ConnLimiter) {
      auto lim = options_.ConnLimiter->Limiter(host);
      if (lim && !lim->Allow(1)) {
        if (log) log->Debugf("climiter: %s refused: %d connection(s) open", {client, lim->Limit()});
        (void)c->Close();
        return nullptr;
      }
      hooks.place = lim;
    }
    if (const auto& tl = options_.TrafficLimiter) {
      namespace lm = gc::limiter;
      for (const auto& scope : {lm::ScopeService, lm::ScopeConn}) {
        if (auto in = tl->In(bg, client, {lm::ScopeOption(scope), lm::ServiceOption(options_.Service)})) hooks.in.push_back(in);
        if (auto out = tl->Out(bg, client, {lm::ScopeOption(scope), lm::ServiceOption(options_.Service)})) hooks.out.push_back(out);
      }
    }
    hooks.stats = options_.Stats;
    if (hooks.empty()) return c;
    return std::make_unique<WrappedConn>(std::move(c), std::move(hooks));
  }

  gc::listener::Options options_;
  std::unique_ptr<TcpNetListener> ln_;
};

// ---------------------------------------------------------------------------
// Dialer "tcp"

/// Opens a TCP connection to a node, through the call's DialOptions::Dialer
/// when one is given (that is how a transport dials through a route).
class TcpDialer final : public gc::dialer::Dialer {
 public:
  explicit TcpDialer(gc::Variadic<gc::dialer::Option> opts) { gc::ApplyOptions(options_, opts); }
  gc::Error Init(gc::metadata::MetadataPtr) override { return {}; }
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view addr,
                                    gc::Variadic<gc::dialer::DialOption> opts) override {
    const auto o = gc::MakeOptions<gc::dialer::DialOptions>(opts);
    if (o.Dialer) return o.Dialer->Dial(ctx, "tcp", addr);
    return DialTCP(ctx, "tcp", addr);
  }

 private:
  gc::dialer::Options options_;
};

// ---------------------------------------------------------------------------
// HTTP helpers

/// Printable ASCII without spaces: what may appear in a host:port we pass on.
inline bool IsSafeAddress(std::string_view s) {
  if (s.empty() || s.size() > 1024) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

/// "host:port" with a decimal port in 1..65535; nullopt otherwise.
inline std::optional<gc::net::HostPort> ParseHostPort(std::string_view s) {
  if (!IsSafeAddress(s)) return std::nullopt;
  auto hp = gc::net::SplitHostPort(s);
  if (!hp || hp->host.empty() || hp->port.empty() || hp->port.size() > 5) return std::nullopt;
  unsigned port = 0;
  auto [p, ec] = std::from_chars(hp->port.data(), hp->port.data() + hp->port.size(), port);
  if (ec != std::errc() || p != hp->port.data() + hp->port.size() || port == 0 || port > 65535) return std::nullopt;
  return *hp;
}

inline bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
inline bool IStartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && IEquals(s.substr(0, prefix.size()), prefix);
}

struct HttpHead {
  std::string start[3];  ///< request: method, target, version; response: version, status, reason
  std::vector<std::pair<std::string, std::string>> headers;
};

inline bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

/// Parses a request or response head. Lines end in CRLF or LF; header
/// continuation lines, control characters and malformed header lines are
/// refused. For a response, the reason phrase may hold spaces (and be empty).
inline std::optional<HttpHead> ParseHttpHead(std::string_view head, bool response) {
  HttpHead out;
  std::size_t pos = 0;
  bool first = true;
  while (pos < head.size()) {
    auto nl = head.find('\n', pos);
    if (nl == std::string_view::npos) return std::nullopt;
    auto line = head.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    for (char c : line) {
      const auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f) return std::nullopt;
    }
    if (first) {
      first = false;
      const auto s1 = line.find(' ');
      if (s1 == std::string_view::npos || s1 == 0) return std::nullopt;
      const auto s2 = line.find(' ', s1 + 1);
      if (s2 == std::string_view::npos) {
        if (!response) return std::nullopt;
        out.start[0] = line.substr(0, s1);
        out.start[1] = line.substr(s1 + 1);
      } else {
        out.start[0] = line.substr(0, s1);
        out.start[1] = line.substr(s1 + 1, s2 - s1 - 1);
        out.start[2] = line.substr(s2 + 1);
        if (!response && out.start[2].find(' ') != std::string::npos) return std::nullopt;
      }
      if (out.start[1].empty()) return std::nullopt;
      continue;
    }
    if (line.empty()) break;  // the blank line ending the head
    if (line.front() == ' ' || line.front() == '\t') return std::nullopt;  // obsolete line folding
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    const auto name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), IsTokenChar)) return std::nullopt;
    auto value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    out.headers.emplace_back(std::string(name), std::string(value));
  }
  if (first) return std::nullopt;
  const auto& version = response ? out.start[0] : out.start[2];
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return std::nullopt;
  if (!response && !std::all_of(out.start[0].begin(), out.start[0].end(), IsTokenChar)) return std::nullopt;
  return out;
}

/// Standard base64 (RFC 4648, with padding), for HTTP Basic credentials.
inline std::string Base64Encode(std::string_view in) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    unsigned v = static_cast<unsigned>(static_cast<unsigned char>(in[i])) << 16U;
    if (i + 1 < in.size()) v |= static_cast<unsigned>(static_cast<unsigned char>(in[i + 1])) << 8U;
    if (i + 2 < in.size()) v |= static_cast<unsigned>(static_cast<unsigned char>(in[i + 2]));
    out += kAlphabet[(v >> 18U) & 63U];
    out += kAlphabet[(v >> 12U) & 63U];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6U) & 63U] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63U] : '=';
  }
  return out;
}

/// Decodes standard padded base64; nullopt for anything else.
inline std::optional<std::string> Base64Decode(std::string_view in) {
  if (in.size() % 4 != 0) return std::nullopt;
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 4) {
    unsigned v = 0;
    int pad = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const char c = in[i + j];
      int d = 0;
      if (c == '=' && i + 4 == in.size() && j >= 2) {
        ++pad;
      } else if (pad > 0 || (d = value(c)) < 0) {
        return std::nullopt;
      }
      v = v << 6U | static_cast<unsigned>(d);
    }
    out += static_cast<char>((v >> 16U) & 0xffU);
    if (pad < 2) out += static_cast<char>((v >> 8U) & 0xffU);
    if (pad < 1) out += static_cast<char>(v & 0xffU);
  }
  return out;
}

/// Writes a complete error response with a short plain-text body; `extra`
/// holds further header lines, each ending in CRLF.
inline void WriteHttpError(gc::net::Conn& c, int code, std::string_view reason, std::string_view body,
                           std::string_view extra = {}) {
  std::string msg = "HTTP/1.1 " + std::to_string(code) + " " + std::string(reason) + "\r\n";
  msg += extra;
  msg += "Content-Type: text/plain; charset=utf-8\r\n";
  msg += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  msg += "Connection: close\r\nProxy-Agent: mini_gost\r\n\r\n";
  msg += body;
  (void)WriteString(c, msg);
}

// ---------------------------------------------------------------------------
// Connector "http"

/// What both connectors share: their options, and an Init with nothing to
/// read (their settings come with the node: address, credentials).
class ConnectorBase : public gc::connector::Connector {
 public:
  explicit ConnectorBase(gc::Variadic<gc::connector::Option> opts) { gc::ApplyOptions(options_, opts); }
  gc::Error Init(gc::metadata::MetadataPtr) override { return {}; }

 protected:
  gc::connector::Options options_;
};

/// Asks an HTTP proxy node to open a tunnel with CONNECT. A 2xx answer opens
/// it (any bytes the node sent after its answer are kept for the first
/// reads); anything else fails the call. 502, 503 and 504 are reported as
/// "host unreachable", so a SOCKS5 front end can tell its client so.
class HttpConnector final : public ConnectorBase {
 public:
  using ConnectorBase::ConnectorBase;

  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                       std::string_view network, std::string_view address,
                                       gc::Variadic<gc::connector::ConnectOption>) override {
    if (!IsTcpNetwork(network)) {
      (void)conn->Close();
      return gc::errors::New("http connector: network " + std::string(network) + " unsupported");
    }
    if (!IsSafeAddress(address)) {
      (void)conn->Close();
      return gc::errors::WithCode(std::make_error_code(std::errc::invalid_argument),
                                  "http connector: invalid address");
    }
    const std::string where = "http connector: CONNECT " + std::string(address);
    HeaderBlock hb;
    {
      ConnDeadlineGuard guard(ctx, *conn);
      std::string req = "CONNECT " + std::string(address) + " HTTP/1.1\r\nHost: " + std::string(address) +
                        "\r\nProxy-Connection: keep-alive\r\nUser-Agent: mini_gost\r\n";
      if (const auto& u = options_.Auth) {
        req += "Proxy-Authorization: Basic " + Base64Encode(u->Username() + ":" + u->Password().value_or("")) + "\r\n";
      }
      req += "\r\n";
      if (auto err = WriteString(*conn, req)) {
        (void)conn->Close();
        return gc::errors::Wrap(err, where);
      }
      hb = ReadHeaderBlock(*conn, kMaxHeaderBytes);
    }
    if (hb.too_large || hb.err) {
      (void)conn->Close();
      if (hb.too_large) return gc::errors::New(where + ": response header too large");
      return gc::errors::Wrap(hb.err, where);
    }
    auto head = ParseHttpHead(hb.head, true);
    if (!head) {
      (void)conn->Close();
      return gc::errors::New(where + ": malformed response");
    }
    const auto& status = head->start[1];
    if (status.size() != 3 || status[0] != '2') {
      (void)conn->Close();
      std::string text = where + ": " + status + (head->start[2].empty() ? "" : " " + head->start[2]);
      if (status == "502" || status == "503" || status == "504") {
        return gc::errors::WithCode(std::make_error_code(std::errc::host_unreachable), std::move(text));
      }
      return gc::errors::New(std::move(text));
    }
    if (options_.Logger) options_.Logger->Debugf("tunnel to %s through %s", {address, conn->RemoteAddr().String()});
    return BufferedConn::Wrap(std::move(conn), std::move(hb.rest));
  }
};

// ---------------------------------------------------------------------------
// Handlers

/// Settings both handlers read from their metadata.
struct HandlerSettings {
  gc::Duration read_timeout = std::chrono::seconds(15);  ///< "readTimeout": the client's handshake
  std::size_t max_header = kMaxHeaderBytes;              ///< "maxHeaderBytes" (HTTP only)

  void Load(const gc::metadata::MetadataPtr& md) {
    if (auto d = x::GetDuration(md, "readTimeout"); d > gc::Duration::zero()) read_timeout = d;
    if (auto n = x::GetInt(md, "maxHeaderBytes"); n > 0) max_header = static_cast<std::size_t>(n);
  }
};

/// What the HTTP and SOCKS5 handlers share: their options (always with a
/// logger), their settings, a direct router when the service gave none, and
/// the rate limit that Handle checks first.
class ProxyHandler : public gc::handler::Handler {
 public:
  explicit ProxyHandler(gc::Variadic<gc::handler::Option> opts) {
    gc::ApplyOptions(options_, opts);
    if (!options_.Logger) options_.Logger = x::DefaultLogger();
  }

  gc::Error Init(gc::metadata::MetadataPtr md) override {
    settings_.Load(md);
    if (!options_.Router) options_.Router = x::NewRouter(DirectRoute(), gc::chain::LoggerRouterOption(options_.Logger));
    return {};
  }

 protected:
  /// The handlers' rate limit (go-gost/x checks it first thing in Handle): a
  /// client over the service's request rate is closed without an answer, and
  /// the error says so.
  gc::Error CheckRateLimit(gc::net::Conn& conn, const std::string& client) const {
    if (!options_.RateLimiter) return {};
    std::string host = client;
    if (auto hp = gc::net::SplitHostPort(client)) host = hp->host;
    auto lim = options_.RateLimiter->Limiter(host);
    if (!lim || lim->Allow(1)) return {};
    options_.Logger->Debugf("rlimiter: %s refused (%v requests/s)", {client, lim->Limit()});
    (void)conn.Close();
    return gc::errors::New("rate limit exceeded");
  }

  gc::handler::Options options_;
  HandlerSettings settings_;
};

/// HTTP proxy handler: CONNECT opens a tunnel ("200 Connection established"
/// then raw bytes both ways); a request with an absolute http:// URI is sent
/// on to its origin in origin form, without Proxy-* and connection headers
/// and with "Connection: close", after which bytes are relayed both ways.
/// Refusals: 400 (malformed or not a proxy request), 407 (an Auther and no
/// matching Basic credentials), 403 (a destination the Bypass contains), 431
/// (header block over the limit), 502 (destination unreachable); a client
/// over the rate limit is closed before its request is read.
class HttpHandler final : public ProxyHandler {
 public:
  using ProxyHandler::ProxyHandler;

  gc::Error Handle(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                   gc::Variadic<gc::handler::HandleOption>) override {
    const auto& log = options_.Logger;
    const std::string client = conn->RemoteAddr().String();
    if (auto err = CheckRateLimit(*conn, client)) return err;
    HeaderBlock hb;
    {
      ConnDeadlineGuard guard(ctx, *conn, settings_.read_timeout);
      hb = ReadHeaderBlock(*conn, settings_.max_header);
    }
    if (hb.too_large) {
      log->Warnf("http %s: request header over %d bytes", {client, settings_.max_header});
      return Refuse(*conn, 431, "Request Header Fields Too Large", "request header too large\n");
    }
    if (hb.err) {
      log->Debugf("http %s: no complete request: %v", {client, hb.err});
      (void)conn->Close();
      return hb.err;
    }
    auto head = ParseHttpHead(hb.head, false);
    if (!head) {
      log->Warnf("http %s: malformed request", {client});
      return Refuse(*conn, 400, "Bad Request", "malformed request\n");
    }
    if (!Authenticate(ctx, *head)) {
      log->Warnf("http %s: proxy authentication failed", {client});
      return Refuse(*conn, 407, "Proxy Authentication Required", "proxy authentication required\n",
                    "Proxy-Authenticate: Basic realm=\"gost\"\r\n");
    }
    const auto& method = head->start[0];
    const auto& target = head->start[1];
    if (method == "CONNECT") {
      auto hp = ParseHostPort(target);
      if (!hp) return Refuse(*conn, 400, "Bad Request", "CONNECT needs host:port\n");
      if (Bypassed(ctx, target, client)) return Refuse(*conn, 403, "Forbidden", "forbidden by bypass rules\n");
      auto up = Dial(ctx, target, client);
      if (!up) return Unreachable(*conn, target, up.error());
      if (auto err = WriteString(*conn, "HTTP/1.1 200 Connection established\r\nProxy-Agent: mini_gost\r\n\r\n")) {
        (void)conn->Close();
        return err;
      }
      auto down = BufferedConn::Wrap(std::move(conn), std::move(hb.rest));
      return Relay(ctx, *down, **up);
    }

    auto uri = ParseAbsoluteURI(target);
    if (!uri) return Refuse(*conn, 400, "Bad Request", "not a proxy request: an absolute http:// URI is needed\n");
    if (Bypassed(ctx, uri->address, client)) return Refuse(*conn, 403, "Forbidden", "forbidden by bypass rules\n");
    auto up = Dial(ctx, uri->address, client);
    if (!up) return Unreachable(*conn, uri->address, up.error());
    std::string out = method + " " + uri->origin + " " + head->start[2] + "\r\n";
    bool has_host = false;
    for (const auto& [name, value] : head->headers) {
      if (IStartsWith(name, "Proxy-") || IEquals(name, "Connection") || IEquals(name, "Keep-Alive")) continue;
      if (IEquals(name, "Host")) has_host = true;
      out += name + ": " + value + "\r\n";
    }
    if (!has_host) out += "Host: " + uri->authority + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (auto err = WriteString(**up, out)) return Unreachable(*conn, uri->address, err);
    log->Debugf("http %s: %s %s", {client, method, target});
    auto down = BufferedConn::Wrap(std::move(conn), std::move(hb.rest));
    return Relay(ctx, *down, **up);
  }

 private:
  struct AbsoluteURI {
    std::string authority;  ///< as written, for a Host header
    std::string address;    ///< host:port to dial
    std::string origin;     ///< path and query
  };

  static std::optional<AbsoluteURI> ParseAbsoluteURI(std::string_view target) {
    if (!IStartsWith(target, "http://")) return std::nullopt;
    auto rest = target.substr(7);
    const auto end = rest.find_first_of("/?#");
    auto authority = rest.substr(0, end);
    std::string origin = end == std::string_view::npos ? "/" : std::string(rest.substr(end));
    if (auto hash = origin.find('#'); hash != std::string::npos) origin.resize(hash);
    if (origin.empty() || origin.front() != '/') origin.insert(origin.begin(), '/');
    if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
    std::string address;
    if (authority.front() == '[') {
      const auto close = authority.find(']');
      if (close == std::string_view::npos) return std::nullopt;
      const auto after = authority.substr(close + 1);
      if (after.empty()) {
        address = std::string(authority) + ":80";
      } else if (after.front() == ':') {
        address = std::string(authority);
      } else {
        return std::nullopt;
      }
    } else if (authority.find(':') == std::string_view::npos) {
      address = std::string(authority) + ":80";
    } else {
      address = std::string(authority);
    }
    if (!ParseHostPort(address)) return std::nullopt;
    return AbsoluteURI{std::string(authority), std::move(address), std::move(origin)};
  }

  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view address,
                                    const std::string& client) {
    options_.Logger->Debugf("http %s: connect %s", {client, address});
    return options_.Router->Dial(ctx, "tcp", address);
  }

  gc::Error Unreachable(gc::net::Conn& conn, std::string_view address, const gc::Error& err) {
    options_.Logger->Warnf("http %s: %s unreachable: %v", {conn.RemoteAddr().String(), address, err});
    (void)Refuse(conn, 502, "Bad Gateway", "mini_gost: cannot reach " + std::string(address) + "\n");
    return err;
  }

  /// A destination the service's Bypass contains is refused (403), as in
  /// go-gost/x's http handler.
  bool Bypassed(const gc::context::Context& ctx, std::string_view address, const std::string& client) const {
    if (!options_.Bypass || !options_.Bypass->Contains(ctx, "tcp", address, gc::bypass::WithService(options_.Service))) {
      return false;
    }
    options_.Logger->Debugf("http %s: bypass: %s", {client, address});
    return true;
  }

  /// With an Auther, the request must carry matching Basic credentials in
  /// Proxy-Authorization (go-gost/x's http handler does the same).
  bool Authenticate(const gc::context::Context& ctx, const HttpHead& head) const {
    if (!options_.Auther) return true;
    for (const auto& [name, value] : head.headers) {
      if (!IEquals(name, "Proxy-Authorization") || !IStartsWith(value, "Basic ")) continue;
      auto decoded = Base64Decode(std::string_view(value).substr(6));
      if (!decoded) return false;
      const auto colon = decoded->find(':');
      if (colon == std::string::npos) return false;
      return options_.Auther
          ->Authenticate(ctx, std::string_view(*decoded).substr(0, colon), std::string_view(*decoded).substr(colon + 1),
                         gc::auth::WithService(options_.Service))
          .ok;
    }
    return false;
  }

  gc::Error Refuse(gc::net::Conn& conn, int code, std::string_view reason, std::string_view body,
                   std::string_view extra = {}) {
    {
      ConnDeadlineGuard guard(gc::context::Background(), conn, settings_.read_timeout);
      WriteHttpError(conn, code, reason, body, extra);
    }
    LingerClose(conn);
    return gc::errors::New("http: " + std::to_string(code) + " " + std::string(reason));
  }
};

/// SOCKS5 reply codes (RFC 1928, section 6).
enum Socks5Reply : std::uint8_t {
  kSucceeded = 0x00,
  kGeneralFailure = 0x01,
  kNotAllowed = 0x02,
  kNetworkUnreachable = 0x03,
  kHostUnreachable = 0x04,
  kConnectionRefused = 0x05,
  kCommandNotSupported = 0x07,
  kAddressTypeNotSupported = 0x08,
};

/// The reply that tells a client why a dial failed.
inline std::uint8_t Socks5ReplyFor(const gc::Error& err) {
  const auto code = err.Code();
  if (code == std::errc::connection_refused) return kConnectionRefused;
  if (code == std::errc::network_unreachable) return kNetworkUnreachable;
  if (code == std::errc::host_unreachable || err.Timeout()) return kHostUnreachable;
  return kGeneralFailure;
}

/// The SOCKS5 address field (ATYP, address, port) for "host:port".
inline std::optional<std::vector<std::byte>> Socks5Address(std::string_view address) {
  auto hp = ParseHostPort(address);
  if (!hp) return std::nullopt;
  std::vector<std::byte> out;
  if (auto ip = gc::net::ParseIP(hp->host)) {
    if (auto v4 = ip->To4()) {
      out.push_back(std::byte{1});
      for (auto b : *v4) out.push_back(std::byte{b});
    } else {
      out.push_back(std::byte{4});
      for (auto b : ip->To16()) out.push_back(std::byte{b});
    }
  } else {
    if (hp->host.size() > 255) return std::nullopt;
    out.push_back(std::byte{3});
    out.push_back(std::byte{static_cast<std::uint8_t>(hp->host.size())});
    for (char c : hp->host) out.push_back(static_cast<std::byte>(c));
  }
  const unsigned port = static_cast<unsigned>(std::stoi(hp->port));
  out.push_back(std::byte{static_cast<std::uint8_t>(port >> 8U)});
  out.push_back(std::byte{static_cast<std::uint8_t>(port & 0xffU)});
  return out;
}

/// Reads a SOCKS5 reply; returns the address it carries ("host:port"), or
/// an error for a failure code (refused and unreachable keep their meaning).
inline gc::Result<std::string> ReadSocks5Reply(gc::net::Conn& c) {
  std::array<std::byte, 4> hdr{};
  if (auto err = ReadFull(c, hdr)) return err;
  if (hdr[0] != std::byte{5}) return gc::errors::New("socks5: bad reply version");
  std::array<std::byte, 256> raw{};
  std::string host;
  const auto atyp = static_cast<unsigned>(hdr[3]);
  if (atyp == 1 || atyp == 4) {
    const std::size_t len = atyp == 1 ? 4 : 16;
    if (auto err = ReadFull(c, std::span(raw).first(len))) return err;
    std::array<std::uint8_t, 16> b{};
    for (std::size_t i = 0; i < len; ++i) b[i] = static_cast<std::uint8_t>(raw[i]);
    host = atyp == 1 ? gc::net::IP::V4(b[0], b[1], b[2], b[3]).String() : gc::net::IP::From16(b).String();
  } else if (atyp == 3) {
    if (auto err = ReadFull(c, std::span(raw).first(1))) return err;
    const auto len = static_cast<std::size_t>(raw[0]);
    if (auto err = ReadFull(c, std::span(raw).subspan(1, len))) return err;
    host.assign(reinterpret_cast<const char*>(raw.data()) + 1, len);  // NOLINT
  } else {
    return gc::errors::New("socks5: bad address type in reply");
  }
  std::array<std::byte, 2> port{};
  if (auto err = ReadFull(c, port)) return err;
  const auto rep = static_cast<unsigned>(hdr[1]);
  if (rep != 0) {
    const std::string text = "socks5: request failed with reply " + std::to_string(rep);
    if (rep == kConnectionRefused) return gc::errors::WithCode(std::make_error_code(std::errc::connection_refused), text);
    if (rep == kHostUnreachable || rep == kNetworkUnreachable) {
      return gc::errors::WithCode(std::make_error_code(std::errc::host_unreachable), text);
    }
    return gc::errors::New(text);
  }
  const unsigned p = static_cast<unsigned>(port[0]) << 8U | static_cast<unsigned>(port[1]);
  return gc::net::JoinHostPort(host, std::to_string(p));
}

/// The listener a SOCKS5 BIND gives (RFC 1928, section 4): the node accepts
/// one connection for it, announced by the second reply; that connection is
/// then the tunnel itself. A second Accept fails with listener::ErrClosed,
/// so a caller that wants more binds again (go-gost/x's rtcp listener does).
class Socks5BindListener final : public gc::net::Listener {
 public:
  Socks5BindListener(gc::net::ConnUniquePtr conn, std::string bound) : conn_(std::move(conn)), bound_(std::move(bound)) {}

  gc::Result<gc::net::ConnUniquePtr> Accept() override {
    gc::net::Conn* c = nullptr;
    {
      std::lock_guard lock(mu_);
      if (!conn_ || accepting_) return gc::listener::ErrClosed;
      accepting_ = true;
      c = conn_.get();
    }
    auto peer = ReadSocks5Reply(*c);  // blocks until the node accepts one; Close ends it
    std::lock_guard lock(mu_);
    if (!peer) {
      if (conn_) (void)conn_->Close();
      return peer.error();
    }
    return std::move(conn_);
  }

  gc::Error Close() override {
    std::lock_guard lock(mu_);
    if (conn_) return conn_->Close();  // a pending Accept wakes up with an error
    return {};
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return gc::net::Addr("tcp", bound_); }

 private:
  std::mutex mu_;
  gc::net::ConnUniquePtr conn_;  // guarded by mu_; null once handed out
  bool accepting_ = false;       // guarded by mu_
  std::string bound_;
};

/// Connector "socks5": CONNECT through a SOCKS5 node, and BIND (a Binder,
/// for remote port forwarding). Offers username/password (RFC 1929) when the
/// node has credentials (-F socks5://user:pass@host:port), else no
/// authentication.
class Socks5Connector final : public ConnectorBase, public gc::connector::Binder {
 public:
  using ConnectorBase::ConnectorBase;

  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                       std::string_view network, std::string_view address,
                                       gc::Variadic<gc::connector::ConnectOption>) override {
    if (auto bound = Request(ctx, *conn, 1, network, address); !bound) return bound.error();
    return conn;
  }

  gc::Result<gc::net::ListenerUniquePtr> Bind(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                        std::string_view network, std::string_view address,
                                        gc::Variadic<gc::connector::BindOption>) override {
    auto bound = Request(ctx, *conn, 2, network, address);
    if (!bound) return bound.error();
    if (options_.Logger) options_.Logger->Debugf("bind %s: the node listens on %s", {address, *bound});
    return gc::net::ListenerUniquePtr(std::make_unique<Socks5BindListener>(std::move(conn), std::move(*bound)));
  }

 private:
  // Exchange, and on failure closes `c` (Connect and Bind must leave a
  // connection they could not use closed).
  gc::Result<std::string> Request(const gc::context::Context& ctx, gc::net::Conn& c, std::uint8_t cmd,
                                  std::string_view network, std::string_view address) {
    auto bound = Exchange(ctx, c, cmd, network, address);
    if (!bound) (void)c.Close();
    return bound;
  }

  // Greeting, authentication, one request; returns the first reply's address.
  gc::Result<std::string> Exchange(const gc::context::Context& ctx, gc::net::Conn& c, std::uint8_t cmd,
                                   std::string_view network, std::string_view address) {
    const std::string where = std::string("socks5 connector: ") + (cmd == 1 ? "CONNECT " : "BIND ") + std::string(address);
    if (!IsTcpNetwork(network)) {
      return gc::errors::New(where + ": network " + std::string(network) + " unsupported");
    }
    auto addr = Socks5Address(address);
    if (!addr) return gc::errors::WithCode(std::make_error_code(std::errc::invalid_argument), where + ": invalid address");
    ConnDeadlineGuard guard(ctx, c);
    const auto& u = options_.Auth;
    const std::byte method{u ? std::uint8_t{2} : std::uint8_t{0}};
    if (auto err = c.Write(std::array{std::byte{5}, std::byte{1}, method}).err) return gc::errors::Wrap(err, where);
    std::array<std::byte, 2> sel{};
    if (auto err = ReadFull(c, sel)) return gc::errors::Wrap(err, where);
    if (sel[0] != std::byte{5} || sel[1] != method) return gc::errors::New(where + ": no acceptable method");
    if (u) {
      const auto& name = u->Username();
      const auto pass = u->Password().value_or("");
      if (name.size() > 255 || pass.size() > 255) return gc::errors::New(where + ": credentials too long");
      std::string msg{'\x01', static_cast<char>(name.size())};
      msg += name;
      msg += static_cast<char>(pass.size());
      msg += pass;
      if (auto err = WriteString(c, msg)) return gc::errors::Wrap(err, where);
      std::array<std::byte, 2> status{};
      if (auto err = ReadFull(c, status)) return gc::errors::Wrap(err, where);
      if (status[1] != std::byte{0}) return gc::errors::New(where + ": authentication failed");
    }
    std::vector<std::byte> req{std::byte{5}, std::byte{cmd}, std::byte{0}};
    req.insert(req.end(), addr->begin(), addr->end());
    if (auto err = c.Write(req).err) return gc::errors::Wrap(err, where);
    auto bound = ReadSocks5Reply(c);
    if (!bound) return gc::errors::Wrap(bound.error(), where);
    return bound;
  }
};

/// SOCKS5 handler: the no-authentication method, or username/password
/// (RFC 1929) when it has an Auther (a client that does not offer the method
/// gets 0xFF); CONNECT, and BIND when the metadata has "bind" true (else
/// 0x02; other commands 0x07); IPv4, IPv6 and domain names (resolved by the
/// router's dial; unknown types: 0x08). A Bypass refuses with 0x02, a rate
/// limit closes the connection first thing.
class Socks5Handler final : public ProxyHandler {
 public:
  using ProxyHandler::ProxyHandler;

  gc::Error Init(gc::metadata::MetadataPtr md) override {
    if (md) {
      const auto v = md->Get("bind");
      if (const auto* b = std::any_cast<bool>(&v)) bind_ = *b;
    }
    return ProxyHandler::Init(std::move(md));
  }

  gc::Error Handle(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                   gc::Variadic<gc::handler::HandleOption>) override {
    const auto& log = options_.Logger;
    const std::string client = conn->RemoteAddr().String();
    if (auto err = CheckRateLimit(*conn, client)) return err;
    std::string address;
    bool bind = false;
    {
      ConnDeadlineGuard guard(ctx, *conn, settings_.read_timeout);
      auto req = ReadRequest(ctx, *conn, address);
      bind = req.bind;
      if (req.err) {
        log->Debugf("socks5 %s: %v", {client, req.err});
        if (req.reply >= 0) {
          (void)WriteReply(*conn, static_cast<std::uint8_t>(req.reply), {});
          LingerClose(*conn);
        } else if (req.refuse_methods) {
          (void)conn->Write(std::array{std::byte{5}, std::byte{0xff}});
          LingerClose(*conn);
        } else {
          (void)conn->Close();
        }
        return req.err;
      }
    }
    if (options_.Bypass && options_.Bypass->Contains(ctx, "tcp", address, gc::bypass::WithService(options_.Service))) {
      log->Debugf("socks5 %s: bypass: %s", {client, address});
      Refuse(ctx, *conn, kNotAllowed);
      return gc::errors::New("socks5: " + address + " refused by bypass rules");
    }
    if (bind) return HandleBind(ctx, std::move(conn), address);
    log->Debugf("socks5 %s: connect %s", {client, address});
    auto up = options_.Router->Dial(ctx, "tcp", address);
    gc::Error reply_err;
    {
      ConnDeadlineGuard guard(ctx, *conn, settings_.read_timeout);
      reply_err = up ? WriteReply(*conn, kSucceeded, (*up)->LocalAddr())
                     : WriteReply(*conn, Socks5ReplyFor(up.error()), {});
    }
    if (!up) {
      log->Warnf("socks5 %s: %s unreachable: %v", {client, address, up.error()});
      LingerClose(*conn);
      return up.error();
    }
    if (reply_err) {
      (void)conn->Close();
      return reply_err;
    }
    return Relay(ctx, *conn, **up);
  }

 private:
  struct RequestResult {
    gc::Error err;
    int reply = -1;               ///< a reply code to send before closing, or -1
    bool refuse_methods = false;  ///< answer the greeting with 0xFF
    bool bind = false;            ///< the request is BIND rather than CONNECT
  };

  static RequestResult Fail(std::string text, int reply = -1) {
    return {gc::errors::New("socks5: " + std::move(text)), reply, false};
  }

  RequestResult ReadRequest(const gc::context::Context& ctx, gc::net::Conn& c, std::string& address) const {
    std::array<std::byte, 2> greet{};
    if (auto err = ReadFull(c, greet)) return {err, -1, false};
    if (greet[0] != std::byte{5}) return Fail("bad version in greeting");
    std::array<std::byte, 255> methods{};
    const auto nmethods = static_cast<std::size_t>(greet[1]);
    if (auto err = ReadFull(c, std::span(methods).first(nmethods))) return {err, -1, false};
    // With an Auther only username/password (0x02) is acceptable.
    const std::byte method{options_.Auther ? std::uint8_t{2} : std::uint8_t{0}};
    if (std::find(methods.begin(), methods.begin() + static_cast<std::ptrdiff_t>(nmethods), method) ==
        methods.begin() + static_cast<std::ptrdiff_t>(nmethods)) {
      return {gc::errors::New("socks5: no acceptable authentication method"), -1, true};
    }
    if (auto err = c.Write(std::array{std::byte{5}, method}).err) return {err, -1, false};
    if (options_.Auther) {
      if (auto err = Authenticate(ctx, c)) return {err, -1, false};
    }

    std::array<std::byte, 4> hdr{};
    if (auto err = ReadFull(c, hdr)) return {err, -1, false};
    if (hdr[0] != std::byte{5}) return Fail("bad version in request");
    const auto cmd = static_cast<unsigned>(hdr[1]);
    const auto atyp = static_cast<unsigned>(hdr[3]);
    std::string host;
    if (atyp == 1 || atyp == 4) {
      std::array<std::byte, 16> raw{};
      const std::size_t len = atyp == 1 ? 4 : 16;
      if (auto err = ReadFull(c, std::span(raw).first(len))) return {err, -1, false};
      if (atyp == 1) {
        host = gc::net::IP::V4(static_cast<std::uint8_t>(raw[0]), static_cast<std::uint8_t>(raw[1]),
                               static_cast<std::uint8_t>(raw[2]), static_cast<std::uint8_t>(raw[3]))
                   .String();
      } else {
        std::array<std::uint8_t, 16> b{};
        for (std::size_t i = 0; i < 16; ++i) b[i] = static_cast<std::uint8_t>(raw[i]);
        host = gc::net::IP::From16(b).String();
      }
    } else if (atyp == 3) {
      std::array<std::byte, 256> raw{};
      if (auto err = ReadFull(c, std::span(raw).first(1))) return {err, -1, false};
      const auto len = static_cast<std::size_t>(raw[0]);
      if (auto err = ReadFull(c, std::span(raw).subspan(1, len))) return {err, -1, false};
      host.assign(reinterpret_cast<const char*>(raw.data()) + 1, len);  // NOLINT
    } else {
      return Fail("address type " + std::to_string(atyp) + " not supported", kAddressTypeNotSupported);
    }
    std::array<std::byte, 2> port{};
    if (auto err = ReadFull(c, port)) return {err, -1, false};
    const unsigned p = static_cast<unsigned>(port[0]) << 8U | static_cast<unsigned>(port[1]);
    if (cmd != 1 && cmd != 2) return Fail("command " + std::to_string(cmd) + " not supported", kCommandNotSupported);
    if (cmd == 2 && !bind_) return Fail("BIND not enabled (bind=true)", kNotAllowed);
    if (!IsSafeAddress(host) || (atyp == 3 && host.find(':') != std::string::npos)) {
      return Fail("invalid domain name", kGeneralFailure);
    }
    address = gc::net::JoinHostPort(host, std::to_string(p));
    RequestResult out;
    out.bind = cmd == 2;
    return out;
  }

  /// BIND (RFC 1928, section 4), as go-gost/x's handler serves it: listen on
  /// the requested address, reply with where; accept one connection, reply
  /// with its peer; then relay. A client that goes away while waiting ends it.
  gc::Error HandleBind(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn, const std::string& address) {
    const auto& log = options_.Logger;
    const std::string client = conn->RemoteAddr().String();
    auto ln = options_.Router->Bind(ctx, "tcp", address);
    if (!ln) {
      log->Warnf("socks5 %s: bind %s: %v", {client, address, ln.error()});
      Refuse(ctx, *conn, kGeneralFailure);
      return ln.error();
    }
    std::shared_ptr<gc::net::Listener> listener = std::move(*ln);
    if (auto err = WriteReply(*conn, kSucceeded, listener->Addr())) {
      (void)listener->Close();
      (void)conn->Close();
      return err;
    }
    log->Debugf("socks5 %s: bind %s: listening on %s", {client, address, listener->Addr().String()});
    // Close the listener when the service stops or the client hangs up.
    auto stop = gc::context::AfterFunc(ctx, [listener] { (void)listener->Close(); });
    std::atomic<bool> accepted{false};
    std::thread watch([&] {
      std::array<std::byte, 1> b{};
      (void)conn->Read(b);  // returns when the client closes (or the deadline below moves)
      if (!accepted.load()) (void)listener->Close();
    });
    auto peer = listener->Accept();
    accepted.store(true);
    (void)listener->Close();
    (void)conn->SetReadDeadline(gc::Time{} + std::chrono::seconds(1));  // wakes the watcher
    watch.join();
    (void)conn->SetReadDeadline(gc::Time{});
    (void)stop.Stop();
    if (!peer) {
      (void)conn->Close();
      return peer.error();
    }
    if (auto err = WriteReply(*conn, kSucceeded, (*peer)->RemoteAddr())) {
      (void)conn->Close();
      return err;
    }
    log->Debugf("socks5 %s: bind %s: connection from %s", {client, address, (*peer)->RemoteAddr().String()});
    return Relay(ctx, *conn, **peer);
  }

  /// RFC 1929: VER(1) ULEN UNAME PLEN PASSWD, answered with VER(1) STATUS;
  /// a refused client gets status 1 and the connection is closed.
  gc::Error Authenticate(const gc::context::Context& ctx, gc::net::Conn& c) const {
    std::array<std::byte, 256> buf{};
    if (auto err = ReadFull(c, std::span(buf).first(2))) return err;
    if (buf[0] != std::byte{1}) return gc::errors::New("socks5: bad username/password version");
    const auto ulen = static_cast<std::size_t>(buf[1]);
    std::string user(ulen, '\0');
    if (auto err = ReadFull(c, std::as_writable_bytes(std::span(user)))) return err;
    if (auto err = ReadFull(c, std::span(buf).first(1))) return err;
    std::string pass(static_cast<std::size_t>(buf[0]), '\0');
    if (auto err = ReadFull(c, std::as_writable_bytes(std::span(pass)))) return err;
    const bool ok = options_.Auther->Authenticate(ctx, user, pass, gc::auth::WithService(options_.Service)).ok;
    if (auto err = c.Write(std::array{std::byte{1}, ok ? std::byte{0} : std::byte{1}}).err) return err;
    if (!ok) return gc::errors::New("socks5: authentication failed for user \"" + user + "\"");
    return {};
  }

  /// Sends the failure reply `rep` (within the read timeout), then closes
  /// the connection so that the reply still reaches the client.
  void Refuse(const gc::context::Context& ctx, gc::net::Conn& c, std::uint8_t rep) const {
    {
      ConnDeadlineGuard guard(ctx, c, settings_.read_timeout);
      (void)WriteReply(c, rep, {});
    }
    LingerClose(c);
  }

  static gc::Error WriteReply(gc::net::Conn& c, std::uint8_t rep, const gc::net::Addr& bound) {
    std::vector<std::byte> msg{std::byte{5}, std::byte{rep}, std::byte{0}};
    std::optional<gc::net::IP> ip;
    unsigned port = 0;
    if (auto hp = gc::net::SplitHostPort(bound.String())) {
      if (auto parsed = gc::net::ParseIP(hp->host)) ip = *parsed;
      std::from_chars(hp->port.data(), hp->port.data() + hp->port.size(), port);
    }
    if (ip && !ip->Is4()) {
      msg.push_back(std::byte{4});
      for (auto b : ip->To16()) msg.push_back(std::byte{b});
    } else {
      msg.push_back(std::byte{1});
      const auto v4 = ip ? ip->To4() : std::nullopt;
      for (int i = 0; i < 4; ++i) msg.push_back(v4 ? std::byte{(*v4)[static_cast<std::size_t>(i)]} : std::byte{0});
    }
    msg.push_back(std::byte{static_cast<std::uint8_t>(port >> 8U)});
    msg.push_back(std::byte{static_cast<std::uint8_t>(port & 0xffU)});
    return c.Write(msg).err;
  }

  bool bind_ = false;  ///< "bind": serve BIND requests
};

// ---------------------------------------------------------------------------
// Remote port forwarding: listener and handler "rtcp"

/// Listener "rtcp": listens on a chain's last node, not here. Options::Addr
/// is the address the node binds; Options::Router must carry the chain (its
/// last node's connector must be a Binder). Each Accept binds when it has no
/// bound listener, and binds again after that listener ends (a SOCKS5 BIND
/// serves one connection), as go-gost/x's rtcp listener does; a failed bind
/// is an AcceptError, which the service retries with back-off.
class RtcpListener final : public gc::listener::Listener {
 public:
  explicit RtcpListener(gc::Variadic<gc::listener::Option> opts) { gc::ApplyOptions(options_, opts); }

  gc::Error Init(gc::metadata::MetadataPtr) override {
    if (!options_.Router) return gc::errors::New("rtcp listener: no router (a chain is needed: -F)");
    auto [c, cancel] = gc::context::WithCancel(gc::context::Background());
    ctx_ = c;
    cancel_ = cancel;
    return {};
  }

  gc::Result<gc::net::ConnUniquePtr> Accept() override {
    for (;;) {
      std::shared_ptr<gc::net::Listener> ln;
      {
        std::lock_guard lock(mu_);
        if (closed_) return gc::listener::ErrClosed;
        ln = ln_;
      }
      if (!ln) {
        auto bound = options_.Router->Bind(ctx_, "tcp", options_.Addr);
        if (!bound) return gc::listener::NewAcceptError(bound.error());
        std::lock_guard lock(mu_);
        ln = std::move(*bound);
        if (closed_) {
          (void)ln->Close();
          return gc::listener::ErrClosed;
        }
        ln_ = ln;
        if (options_.Logger) options_.Logger->Debugf("rtcp: bound %s on the chain's last node", {ln->Addr().String()});
      }
      auto conn = ln->Accept();
      if (conn) return conn;
      std::lock_guard lock(mu_);
      if (ln_ == ln) ln_.reset();  // bind again
      if (closed_) return gc::listener::ErrClosed;
      if (!gc::errors::Is(conn.error(), gc::listener::ErrClosed)) return gc::listener::NewAcceptError(conn.error());
    }
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return gc::net::Addr("tcp", options_.Addr); }

  gc::Error Close() override {
    std::shared_ptr<gc::net::Listener> ln;
    {
      std::lock_guard lock(mu_);
      closed_ = true;
      ln.swap(ln_);
    }
    if (cancel_) cancel_();
    return ln ? ln->Close() : gc::Error();
  }

 private:
  gc::listener::Options options_;
  gc::context::Context ctx_ = gc::context::Background();
  gc::context::CancelFunc cancel_;
  std::mutex mu_;
  std::shared_ptr<gc::net::Listener> ln_;  // guarded by mu_
  bool closed_ = false;                    // guarded by mu_
};

/// Handler "rtcp" (go-gost/x's remote forward handler): every connection the
/// node accepted for us is relayed to the target chosen from the hop given
/// with Forward, dialed through the handler's router (directly: the chain is
/// the listener's).
class RtcpHandler final : public gc::handler::Handler, public gc::handler::Forwarder {
 public:
  explicit RtcpHandler(gc::Variadic<gc::handler::Option> opts) {
    gc::ApplyOptions(options_, opts);
    if (!options_.Logger) options_.Logger = x::DefaultLogger();
  }

  gc::Error Init(gc::metadata::MetadataPtr) override {
    if (!options_.Router) options_.Router = x::NewRouter(DirectRoute(), gc::chain::LoggerRouterOption(options_.Logger));
    return {};
  }

  void Forward(gc::hop::HopPtr hop) override {
    std::lock_guard lock(mu_);
    hop_ = std::move(hop);
  }

  gc::Error Handle(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                   gc::Variadic<gc::handler::HandleOption>) override {
    gc::hop::HopPtr hop;
    {
      std::lock_guard lock(mu_);
      hop = hop_;
    }
    auto node = hop ? hop->Select(ctx, {}) : nullptr;
    if (!node) {
      (void)conn->Close();
      return gc::errors::New("rtcp: no target");
    }
    options_.Logger->Debugf("rtcp: %s -> %s", {conn->RemoteAddr().String(), node->Addr});
    auto up = options_.Router->Dial(ctx, "tcp", node->Addr);
    if (!up) {
      options_.Logger->Warnf("rtcp: %s unreachable: %v", {node->Addr, up.error()});
      (void)conn->Close();
      return up.error();
    }
    return Relay(ctx, *conn, **up);
  }

 private:
  gc::handler::Options options_;
  std::mutex mu_;
  gc::hop::HopPtr hop_;  // guarded by mu_
};

// ---------------------------------------------------------------------------
// Service

/// Accepts connections and serves each on its own thread. Temporary accept
/// failures are retried after a pause that doubles from 5 ms up to 1 s.
/// Close stops accepting; Shutdown then waits for the connections in flight,
/// and after the grace period cancels them (their handlers see the context
/// cancelled) and joins every thread.
class DefaultService final : public gc::service::Service {
 public:
  DefaultService(gc::listener::ListenerPtr ln, gc::handler::HandlerPtr h, gc::logger::LoggerPtr log)
      : ln_(std::move(ln)), handler_(std::move(h)), log_(std::move(log)) {
    auto [c, cancel] = gc::context::WithCancel(gc::context::Background());
    ctx_ = c;
    cancel_ = cancel;
  }
  DefaultService(const DefaultService&) = delete;
  DefaultService& operator=(const DefaultService&) = delete;
  ~DefaultService() override { Shutdown(gc::Duration::zero()); }

  /// Reports `stats` to `observer` every `period` (at least 1 s, as in
  /// go-gost/x) while the service runs, when a counter changed. Call before
  /// Serve.
  void SetObserver(std::string name, gc::observer::stats::StatsPtr stats, gc::observer::ObserverPtr observer,
                   gc::Duration period) {
    name_ = std::move(name);
    stats_ = std::move(stats);
    observer_ = std::move(observer);
    period_ = std::max<gc::Duration>(period, std::chrono::seconds(1));
  }

  /// The recorders of `recorder.service.client.address`: each accepted
  /// client's IP is recorded, as go-gost/x's service does. Call before Serve.
  void SetRecorders(std::vector<gc::recorder::RecorderObject> recorders) {
    for (auto& r : recorders) {
      if (r.Record == gc::recorder::RecorderServiceClientAddress && r.Recorder) client_recorders_.push_back(r.Recorder);
    }
  }

  gc::Error Serve() override {
    if (stats_ && observer_) {
      observing_ = std::thread([this] {
        while (!ctx_.WaitFor(period_)) {
          if (!stats_->IsUpdated()) continue;
          (void)observer_->Observe(ctx_, {gost::x::observer::stats::StatsEvent::Of(name_, *stats_)});
        }
      });
    }
    gc::Duration delay{};
    for (;;) {
      auto conn = ln_->Accept();
      if (!conn) {
        const auto err = conn.error();
        if (closed_.load()) return err;
        if (gc::errors::As<gc::listener::AcceptError>(err) != nullptr || err.Temporary()) {
          delay = delay == gc::Duration::zero() ? gc::Duration(5ms) : std::min<gc::Duration>(delay * 2, 1s);
          log_->Warnf("accept: %v; retrying in %dms",
                      {err, std::chrono::duration_cast<std::chrono::milliseconds>(delay).count()});
          if (ctx_.WaitFor(delay)) return err;
          continue;
        }
        log_->Errorf("accept: %v", {err});
        return err;
      }
      delay = gc::Duration::zero();
      if (!client_recorders_.empty()) {
        std::string client = (*conn)->RemoteAddr().String();
        if (auto hp = gc::net::SplitHostPort(client)) client = hp->host;
        for (const auto& rec : client_recorders_) {
          if (auto err = rec->Record(ctx_, gc::AsBytes(client))) log_->Warnf("record %s: %v", {client, err});
        }
      }
      Spawn(std::move(*conn));
    }
  }

  [[nodiscard]] gc::net::Addr Addr() const override { return ln_->Addr(); }

  gc::Error Close() override {
    if (closed_.exchange(true)) return {};
    return ln_->Close();
  }

  /// Close, then wait up to `grace` for the connections in flight before
  /// cancelling them; returns once every connection thread has ended.
  void Shutdown(gc::Duration grace) {
    (void)Close();
    {
      std::unique_lock lock(mu_);
      if (!cv_.wait_for(lock, grace, [&] { return active_ == 0; })) {
        log_->Infof("closing %d connection(s) still open", {active_});
      }
    }
    cancel_();
    if (observing_.joinable()) observing_.join();
    for (;;) {
      std::list<Worker> all;
      {
        std::lock_guard lock(mu_);
        if (workers_.empty()) return;
        all.swap(workers_);  // the nodes (and the threads' references to them) stay valid
      }
      for (auto& w : all) {
        if (w.thread.joinable()) w.thread.join();
      }
    }
  }

 private:
  struct Worker {
    std::thread thread;
    bool done = false;  // guarded by mu_
  };

  void Spawn(gc::net::ConnUniquePtr conn) {
    std::lock_guard lock(mu_);
    // Join the threads that have finished since last time.
    for (auto it = workers_.begin(); it != workers_.end();) {
      if (it->done) {
        it->thread.join();
        it = workers_.erase(it);
      } else {
        ++it;
      }
    }
    auto& w = workers_.emplace_back();
    ++active_;
    try {
      w.thread = std::thread([this, &w, c = std::move(conn)]() mutable {
        const std::string peer = c->RemoteAddr().String();
        if (auto err = handler_->Handle(ctx_, std::move(c))) {
          log_->Debugf("%s: %v", {peer, err});
          // As go-gost/x: a client that went away is not the service's error.
          if (stats_ && !gc::errors::Is(err, gc::io::ErrEOF) && !gc::errors::Is(err, gc::net::ErrClosed)) {
            stats_->Add(gc::observer::stats::KindTotalErrs, 1);
          }
        }
        std::lock_guard l(mu_);
        w.done = true;
        --active_;
        cv_.notify_all();
      });
    } catch (const std::system_error& e) {
      workers_.pop_back();
      --active_;
      log_->Errorf("cannot start a connection thread: %s", {e.what()});
    }
  }

  gc::listener::ListenerPtr ln_;
  gc::handler::HandlerPtr handler_;
  gc::logger::LoggerPtr log_;
  gc::context::Context ctx_;
  gc::context::CancelFunc cancel_;
  std::atomic<bool> closed_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  std::list<Worker> workers_;  // guarded by mu_
  int active_ = 0;             // guarded by mu_
  std::string name_;
  gc::observer::stats::StatsPtr stats_;
  gc::observer::ObserverPtr observer_;
  gc::Duration period_{};
  std::thread observing_;
  std::vector<gc::recorder::RecorderPtr> client_recorders_;
};

/// The reading side of the stats observer (`--stats HOST:PORT`): answers
/// `GET /stats` with the latest event of every service, one JSON object a
/// line; anything else gets 404.
class StatsApiHandler final : public gc::handler::Handler {
 public:
  StatsApiHandler(std::shared_ptr<gost::x::observer::LatestStats> table, gc::logger::LoggerPtr log)
      : table_(std::move(table)), log_(std::move(log)) {}
  gc::Error Init(gc::metadata::MetadataPtr) override { return {}; }

  gc::Error Handle(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                   gc::Variadic<gc::handler::HandleOption>) override {
    ConnDeadlineGuard guard(ctx, *conn, std::chrono::seconds(10));
    auto hb = ReadHeaderBlock(*conn, kMaxHeaderBytes);
    auto head = hb.err || hb.too_large ? std::nullopt : ParseHttpHead(hb.head, false);
    if (!head || head->start[0] != "GET" || head->start[1] != "/stats") {
      WriteHttpError(*conn, 404, "Not Found", "GET /stats\n");
    } else {
      std::string body;
      for (const auto& e : table_->Snapshot()) body += e->JSON() + "\n";
      (void)WriteString(*conn, "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nContent-Length: " +
                                   std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    }
    LingerClose(*conn);
    return {};
  }

 private:
  std::shared_ptr<gost::x::observer::LatestStats> table_;
  gc::logger::LoggerPtr log_;
};

/// The constructor a registry holds for component `Impl`: it builds one from
/// the options it is given (Opt) and hands it out as a shared Base.
template <class Impl, class Base, class Opt>
std::function<std::shared_ptr<Base>(gc::Variadic<Opt>)> Maker() {
  return [](gc::Variadic<Opt> o) -> std::shared_ptr<Base> { return std::make_shared<Impl>(o); };
}

/// Puts the built-in components into the registries (idempotent: a second
/// call gets ErrDup back from each registry and changes nothing).
inline void RegisterBuiltins() {
  using gc::connector::Connector;
  using gc::dialer::Dialer;
  using gc::handler::Handler;
  using gc::listener::Listener;
  (void)ListenerRegistry().Register("tcp", Maker<TcpListener, Listener, gc::listener::Option>());
  (void)ListenerRegistry().Register("rtcp", Maker<RtcpListener, Listener, gc::listener::Option>());
  (void)DialerRegistry().Register("tcp", Maker<TcpDialer, Dialer, gc::dialer::Option>());
  (void)ConnectorRegistry().Register("http", Maker<HttpConnector, Connector, gc::connector::Option>());
  (void)ConnectorRegistry().Register("socks5", Maker<Socks5Connector, Connector, gc::connector::Option>());
  (void)HandlerRegistry().Register("http", Maker<HttpHandler, Handler, gc::handler::Option>());
  (void)HandlerRegistry().Register("socks5", Maker<Socks5Handler, Handler, gc::handler::Option>());
  (void)HandlerRegistry().Register("rtcp", Maker<RtcpHandler, Handler, gc::handler::Option>());
}

}  // namespace mini_gost
