// What the reference set's tests share: the names they use, a background
// context, and a connection to hand around (one end of an in-memory pipe).
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <utility>

#include <gost/core/go/context.hpp>
#include <gost/core/go/net.hpp>
#include <gost/core/testing/pipe.hpp>

namespace gost::x::test {

namespace gc = gost::core;
namespace x = gost::x;
using ::testing::_;
using ::testing::ByMove;
using ::testing::ElementsAre;
using ::testing::InSequence;
using ::testing::NiceMock;
using ::testing::Return;
using namespace std::chrono_literals;

/// context::Background(), for calls that need no other.
inline const gc::context::Context kBg = gc::context::Background();

/// A connection that nobody reads: one end of a fresh pipe.
inline gc::net::ConnUniquePtr AConn() { return std::move(gc::net::Pipe().first); }

}  // namespace gost::x::test
