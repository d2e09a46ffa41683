// custom_transport: the client side of a made-up transport, "xor".
//
// A node's transport has two parts (see chain::Transporter):
//
//  * the dialer reaches the node. Dial opens the raw connection (it is used
//    for the first node of a route only); Handshake turns a connection that
//    reaches the node into the one to use (it runs for every node, also for
//    nodes reached through other nodes). TLS is the usual handshake; here
//    the "xor" dialer wraps the connection in XorConn, which scrambles every
//    byte with a key.
//
//  * the connector speaks the proxy protocol with the node: Connect asks it
//    to go on to an address. The "header" connector sends one line,
//    "TO <host:port>", and expects "OK" back (or "NO <why>").
//
// Both read their settings in Init from the node's metadata, as go-gost
// components do; the constructors take the build-time options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gost/core/connector/connector.hpp>
#include <gost/core/dialer/dialer.hpp>
#include <gost/core/go/errors.hpp>
#include <gost/core/go/net.hpp>

#include "common/forwarding_conn.hpp"
#include "common/io.hpp"
#include "reference/metadata.hpp"

namespace xor_transport {

namespace gc = gost::core;
namespace x = gost::x;

/// A connection whose bytes are XORed with a one-byte key on the way out and
/// on the way in. Two XorConns with the same key, one at each end, cancel
/// out. (A toy: XOR with a fixed byte hides nothing from anyone who looks.)
class XorConn final : public example::ForwardingConn {
 public:
  XorConn(gc::net::ConnUniquePtr inner, std::uint8_t key) : ForwardingConn(std::move(inner)), key_(std::byte{key}) {}

  gc::io::IOResult Read(std::span<std::byte> b) override {
    gc::io::IOResult r = Inner().Read(b);
    for (std::size_t i = 0; i < r.n; ++i) b[i] ^= key_;
    return r;
  }

  gc::io::IOResult Write(std::span<const std::byte> b) override {
    std::vector<std::byte> scrambled(b.begin(), b.end());  // a copy: the caller's bytes stay as they are
    for (auto& byte : scrambled) byte ^= key_;
    return Inner().Write(scrambled);
  }

  // Close, the addresses and the deadlines pass straight through (ForwardingConn).

 private:
  std::byte key_;
};

/// Reads the key from metadata key "key" (any case: "Key", "KEY"): an int,
/// or a string holding one, from 1 to 255.
inline gc::Result<std::uint8_t> KeyFrom(const gc::metadata::MetadataPtr& md) {
  const int key = x::GetInt(md, "key");
  if (key < 1 || key > 255) {
    return gc::errors::New("xor: metadata \"key\" must be a number from 1 to 255, not \"" +
                           x::GetString(md, "key") + "\"");
  }
  return static_cast<std::uint8_t>(key);
}

/// The "xor" dialer.
class XorDialer final : public gc::dialer::Dialer, public gc::dialer::Handshaker {
 public:
  explicit XorDialer(gc::Variadic<gc::dialer::Option> opts = {})
      : options_(gc::MakeOptions<gc::dialer::Options>(opts)) {}

  /// Called once, before any Dial, with the node's metadata.
  gc::Error Init(gc::metadata::MetadataPtr md) override {
    auto key = KeyFrom(md);
    if (!key) return key.error();
    key_ = *key;
    return {};
  }

  /// Opens the raw connection with the network dialer that the Transport
  /// passes in every call (dialer::DialOptions::Dialer). A real transport
  /// would open a socket here.
  gc::Result<gc::net::ConnUniquePtr> Dial(const gc::context::Context& ctx, std::string_view addr,
                                    gc::Variadic<gc::dialer::DialOption> opts = {}) override {
    const auto o = gc::MakeOptions<gc::dialer::DialOptions>(opts);
    if (!o.Dialer) return gc::errors::New("xor: no network dialer to dial " + std::string(addr) + " with");
    return o.Dialer->Dial(ctx, "tcp", addr);
  }

  /// Wraps the connection: from now on everything sent to or received from
  /// this node is XORed with its key. Takes `conn` over (it now lives inside
  /// the XorConn).
  gc::Result<gc::net::ConnUniquePtr> Handshake(const gc::context::Context& /*ctx*/, gc::net::ConnUniquePtr conn,
                                         gc::Variadic<gc::dialer::HandshakeOption> /*opts*/ = {}) override {
    return gc::net::ConnUniquePtr(std::make_unique<XorConn>(std::move(conn), key_));
  }

 private:
  gc::dialer::Options options_;  // kept as a real dialer would (logger, TLS settings...)
  std::uint8_t key_ = 0;         // set by Init
};

/// The "header" connector.
class HeaderConnector final : public gc::connector::Connector {
 public:
  explicit HeaderConnector(gc::Variadic<gc::connector::Option> opts = {})
      : options_(gc::MakeOptions<gc::connector::Options>(opts)) {}

  /// The header protocol has no settings.
  gc::Error Init(gc::metadata::MetadataPtr /*md*/) override { return {}; }

  /// Sends "TO <address>" and waits for "OK". On success the connection now
  /// reaches `address`, so it is returned as it is; on failure it is released
  /// (which closes it), as the interface asks.
  gc::Result<gc::net::ConnUniquePtr> Connect(const gc::context::Context& ctx, gc::net::ConnUniquePtr conn,
                                       std::string_view /*network*/, std::string_view address,
                                       gc::Variadic<gc::connector::ConnectOption> /*opts*/ = {}) override {
    auto reply = example::Exchange(ctx, *conn, "TO " + std::string(address));
    if (!reply) return reply.error();
    if (*reply != "OK") return gc::errors::New("header: node refused " + std::string(address) + ": " + *reply);
    return conn;
  }

 private:
  gc::connector::Options options_;
};

}  // namespace xor_transport
