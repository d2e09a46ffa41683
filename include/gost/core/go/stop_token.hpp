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
template <class D>
struct StopHook final : Impl<D>::Hook {
  using Node = typename Impl<D>::Node;

  // What a std::stop_source's request_stop runs: cancels the node unless it
  // is already being destroyed.
  struct Cancel {
    Node* node;
    void operator()() const {
      if (Impl<D>::TryRetain(node)) {
        const auto keep = Impl<D>::NodeRef::Adopt(node);
        node->Cancel(Canceled);
      }
    }
  };

  std::stop_callback<Cancel> callback;
  StopHook(const std::stop_token& token, Node* node) : callback(token, Cancel{node}) {}
};

}  // namespace detail

/// A child of `parent` that is also cancelled when `token`'s stop is
/// requested, e.g. by a std::jthread being asked to stop. A token whose stop
/// was already requested gives a context cancelled on return; a token with no
/// stop state (std::stop_token{}) never cancels it.
template <class D = void>
WithCancelResult WithStopToken(const Context& parent, const std::stop_token& token) {
  using Impl = detail::Impl<core::detail::Dependent<void, D>>;
  // The callback runs at once, here, if a stop was already requested.
  return detail::Factory<D>::Hooked(parent, [&token](typename Impl::Node* n) -> typename Impl::Hook* {
    return new detail::StopHook<core::detail::Dependent<void, D>>(token, n);
  });
}

}  // namespace gost::core::context
