// A tiny program that uses gost-core the way an outside project would: through
// the umbrella header only. The consumer tests build it four ways (installed
// package, add_subdirectory, FetchContent, a bare copy of include/) and run
// it; it exits non-zero when anything it checks is wrong.
#include <gost/core.hpp>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#ifndef GOST_CORE_EXPECTED_VERSION
#error "the consumer test must define GOST_CORE_EXPECTED_VERSION (the project() version of gost-core)"
#endif

namespace {

int failures = 0;

void Check(bool ok, const std::string& what) {
  std::cout << (ok ? "ok:   " : "FAIL: ") << what << '\n';
  if (!ok) ++failures;
}

}  // namespace

int main() {
  namespace core = gost::core;

  // The header's version agrees with the CMake package version.
  Check(std::strcmp(GOST_CORE_VERSION_STRING, GOST_CORE_EXPECTED_VERSION) == 0,
        std::string("GOST_CORE_VERSION_STRING is ") + GOST_CORE_VERSION_STRING);
  Check(std::strcmp(core::kVersion, GOST_CORE_VERSION_STRING) == 0, "gost::core::kVersion matches the macro");

  // Values from the Go vocabulary.
  const auto ip = core::net::ParseIP("192.0.2.7");
  Check(ip.has_value() && ip->Is4() && ip->String() == "192.0.2.7", "ParseIP(\"192.0.2.7\")");
  Check(!core::net::ParseIP("192.0.2.256").has_value(), "ParseIP rejects 192.0.2.256");
  const auto cidr = core::net::ParseCIDR("192.0.2.7/24");
  Check(cidr.has_value() && cidr->Net.String() == "192.0.2.0/24" && cidr->Net.Contains(*ip),
        "ParseCIDR(\"192.0.2.7/24\") contains the address");
  const auto hp = core::net::SplitHostPort("[2001:db8::1]:8080");
  Check(hp.has_value() && hp->host == "2001:db8::1" && hp->port == "8080", "SplitHostPort of a bracketed IPv6");

  // A context tree: cancelling the parent reaches the child, and the error
  // compares like Go's errors.Is(err, context.Canceled).
  const core::context::Key<std::string> kUser;
  auto [parent, cancel] = core::context::WithCancel(core::context::Background());
  const auto child = core::context::WithValue(parent, kUser, std::string("alice"));
  Check(!child.Done(), "a fresh context is not done");
  Check(child.Value(kUser) != nullptr && *child.Value(kUser) == "alice", "context value lookup");
  cancel();
  Check(child.Done() && core::errors::Is(child.Err(), core::context::Canceled),
        "cancelling the parent cancels the child with context::Canceled");

  // Functional options from a ported package, applied in order.
  const std::vector<core::dialer::DialOption> opts{core::dialer::HostDialOption("a.example"), nullptr,
                                                   core::dialer::HostDialOption("b.example")};
  const auto dial = core::MakeOptions<core::dialer::DialOptions>(opts);
  Check(dial.Host == "b.example", "dial options apply in order and skip empty ones");

  std::cout << "gost-core " << core::kVersion << ": " << (failures == 0 ? "all checks passed" : "checks failed")
            << '\n';
  return failures == 0 ? 0 : 1;
}
