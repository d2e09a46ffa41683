// gost-core: TLS settings (what upstream passes as *tls.Config).
//
// The library does no TLS itself. Config is a plain description that a
// transport maps onto its TLS library (OpenSSL, BoringSSL, rustls, ...); the
// `Native` member carries that library's own context when settings alone are
// not enough.
#pragma once

#include <any>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gost::core::tls {

/// Protocol versions, with Go's numeric values.
inline constexpr std::uint16_t VersionTLS10 = 0x0301;
inline constexpr std::uint16_t VersionTLS11 = 0x0302;
inline constexpr std::uint16_t VersionTLS12 = 0x0303;
inline constexpr std::uint16_t VersionTLS13 = 0x0304;

/// TLS settings for a client or a server.
struct Config {
  /// The SNI name a client sends and verifies the certificate against.
  std::string ServerName;
  /// Clients: skip certificate verification (testing only).
  bool InsecureSkipVerify = false;
  /// Lowest protocol version (VersionTLS12...); 0 leaves the choice to the
  /// TLS library.
  std::uint16_t MinVersion = 0;
  /// Highest protocol version; 0 leaves the choice to the TLS library.
  std::uint16_t MaxVersion = 0;
  /// Cipher suite IANA numbers, in order of preference; empty means default.
  std::vector<std::uint16_t> CipherSuites;
  /// ALPN protocols, in order of preference ("h2", "http/1.1").
  std::vector<std::string> NextProtos;
  /// PEM file of this side's certificate chain; empty for none.
  std::string CertFile;
  /// PEM file of the private key matching CertFile; empty for none.
  std::string KeyFile;
  /// PEM file of the CAs trusted to verify the peer; empty means system roots.
  std::string CAFile;
  /// Servers: ask clients for a certificate and verify it against CAFile.
  bool RequireClientCert = false;
  /// The TLS library's own context or settings object, if any.
  std::any Native;
};

/// Shared TLS settings; null means "no TLS configured" (Go's nil *tls.Config).
using ConfigPtr = std::shared_ptr<const Config>;

}  // namespace gost::core::tls
