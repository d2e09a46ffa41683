// gost-core: contexts cancelled by a std::stop_token.
//
//   std::jthread worker([](std::stop_token st) {
//     auto [ctx, cancel] = context::WithStopToken(context::Background(), st);
//     serve(ctx);   // returns once the jthread is asked to stop
//   });
//
// Not part of Go's vocabulary: a bridge to C++20's cooperative cancellation.
// It lives apart from <gost/core/go/context.hpp>, and <gost/core.hpp> does not
// include it, because <stop_token> costs more to compile than most of the
// library (docs/performance.md); include this header where it is used.
#pragma once

#include <stop_token>

#include "gost/core/go/context.hpp"

namespace gost::core::context {

namespace detail {

// The stop callback, attached to the node it cancels for the node's lifetime.
struct StopHook final : Impl::Hook {
  // What a std::stop_source's request_stop runs: cancels the node unless it
  // is already being destroyed.
  struct Cancel {
    Impl::Node* node;
    void operator()() const {
      if (Impl::TryRetain(node)) {
        const auto keep = NodeRef::Adopt(node);
        node->Cancel(Canceled);
      }
    }
  };

  std::stop_callback<Cancel> callback;
  StopHook(const std::stop_token& token, Impl::Node* node) : callback(token, Cancel{node}) {}
};

}  // namespace detail

/// A child of `parent` that is also cancelled when `token`'s stop is
/// requested, e.g. by a std::jthread being asked to stop. A token whose stop
/// was already requested gives a context cancelled on return; a token with no
/// stop state (std::stop_token{}) never cancels it.
inline WithCancelResult WithStopToken(const Context& parent, const std::stop_token& token) {
  // The callback runs at once, here, if a stop was already requested.
  return detail::Factory::Hooked(parent, [&token](detail::Impl::Node* n) -> detail::Impl::Hook* {
    return new detail::StopHook(token, n);
  });
}

}  // namespace gost::core::context
