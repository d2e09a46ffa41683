// Examples: a base for connections that wrap another one. ForwardingConn
// passes every net::Conn call to the connection it owns; a wrapper derives
// from it and overrides only the calls it changes (Read and Write for a
// scrambler, Close for one that must let go of something on close).
//
// It forwards net::Conn only. Optional interfaces of the inner connection
// (io::ReaderFrom, io::WriterTo, a half-close) are not passed on: a wrapper
// that changes the bytes must not let them bypass it. A wrapper that wants
// one of them implements it itself.
#pragma once

#include <cstddef>
#include <span>
#include <utility>

#include <gost/core/go/errors.hpp>
#include <gost/core/go/io.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/go/time.hpp>

namespace example {

namespace gc = gost::core;

class ForwardingConn : public gc::net::Conn {
 public:
  explicit ForwardingConn(gc::net::ConnUniquePtr inner) : inner_(std::move(inner)) {}

  gc::io::IOResult Read(std::span<std::byte> b) override { return inner_->Read(b); }
  gc::io::IOResult Write(std::span<const std::byte> b) override { return inner_->Write(b); }
  gc::Error Close() override { return inner_->Close(); }
  [[nodiscard]] gc::net::Addr LocalAddr() const override { return inner_->LocalAddr(); }
  [[nodiscard]] gc::net::Addr RemoteAddr() const override { return inner_->RemoteAddr(); }
  gc::Error SetDeadline(gc::Time t) override { return inner_->SetDeadline(t); }
  gc::Error SetReadDeadline(gc::Time t) override { return inner_->SetReadDeadline(t); }
  gc::Error SetWriteDeadline(gc::Time t) override { return inner_->SetWriteDeadline(t); }

 protected:
  /// The wrapped connection (owned by this one).
  [[nodiscard]] gc::net::Conn& Inner() const { return *inner_; }

 private:
  gc::net::ConnUniquePtr inner_;
};

}  // namespace example
