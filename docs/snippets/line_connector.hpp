// docs/snippets: the guide's connector (docs/implementing-a-transport.md).
//
// The "line" connector asks a node to connect onwards: it sends
// "CONNECT <address>" and expects "OK", or "ERR <reason>" when the node
// cannot reach the address.
#pragma once

#include <string>
#include <string_view>

#include <gost/core/connector/connector.hpp>
#include <gost/core/connector/option.hpp>
#include <gost/core/go/option.hpp>

#include "line_io.hpp"

namespace mytransport {

class LineConnector final : public gc::connector::Connector {
 public:
  explicit LineConnector(gc::Variadic<gc::connector::Option> opts = {})
      : options_(gc::MakeOptions<gc::connector::Options>(opts)) {}

  // The protocol has no settings.
  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override { return {}; }

  // Takes `conn` (open to the node) over and returns it once the node has
  // connected it to `address`; on failure it is closed and released.
  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                       std::string_view network, std::string_view address,
                                       gc::Variadic<gc::connector::ConnectOption> /*opts*/ = {}) override {
    if (conn == nullptr) return gc::errors::New("line: no connection to connect through");
    if (gc::Error err = Request(ctx, *conn, network, address)) {
      (void)conn->Close();
      return err;
    }
    return conn;
  }

 private:
  static gc::Error Request(const gc::context::Context& ctx, gc::net::Conn& conn, std::string_view network,
                           std::string_view address) {
    if (network != "tcp") return gc::errors::New("line: network \"" + std::string(network) + "\" is not supported");
    if (address.empty() || address.size() > 200 || address.find_first_of(" \r\n") != std::string_view::npos) {
      return gc::errors::New("line: bad address \"" + std::string(address.substr(0, 200)) + "\"");
    }
    ContextBinding bound(ctx, conn);
    if (gc::Error err = WriteLine(conn, "CONNECT " + std::string(address))) return Explain(ctx, err);
    auto reply = ReadLine(conn);
    if (!reply) return Explain(ctx, reply.error());
    if (*reply == "OK") return {};
    if (reply->starts_with("ERR ")) {
      return gc::errors::New("line: node cannot reach " + std::string(address) + ": " + reply->substr(4));
    }
    return gc::errors::New("line: unexpected reply \"" + *reply + "\"");
  }

  gc::connector::Options options_;  // build-time settings (auth, logger...)
};

}  // namespace mytransport
