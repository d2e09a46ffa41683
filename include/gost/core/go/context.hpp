// gost-core: Context, the cancellation, deadline and value carrier that every
// interface method takes first, as upstream takes a Go context.Context.
//
//   auto [ctx, cancel] = context::WithTimeout(parent, std::chrono::seconds(5));
//   auto conn = dialer.Dial(ctx, "example.com:443");
//   cancel();   // releases the context's resources; harmless if called twice
//
// Model, and where it differs from Go:
//  * A Context is a cheap, copyable, immutable handle; pass it by const&.
//    A default-built Context is Background(): never canceled, no deadline.
//  * Cancelling a context cancels every context derived from it, at once and
//    on the cancelling thread. Err() then gives context::Canceled.
//  * A deadline needs no timer thread: from the deadline on, Err() reports
//    context::DeadlineExceeded, Done() is true, and every Wait* function
//    wakes at the deadline. AfterFunc callbacks, though, run only when the
//    context is cancelled (by its CancelFunc, a parent, or a stop token), not
//    when a deadline merely passes: a blocking call that needs to wake at the
//    deadline uses Deadline() as its own timeout.
//  * Everything here is thread-safe; a context and its children are freed
//    when the last handle goes, cancelled or not (no leaks when a CancelFunc
//    is never called, though calling it early frees its parent's bookkeeping).
//  * std::stop_token interoperates both ways: WithStopToken makes a context
//    that a std::stop_source (a std::jthread, say) cancels.
#pragma once

#include <any>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <utility>
#include <vector>

#include "gost/core/go/errors.hpp"
#include "gost/core/go/time.hpp"

namespace gost::core::context {

/// The error of a context cancelled by its CancelFunc or a parent.
inline const Error Canceled{errors::Code::ContextCanceled};
/// The error of a context whose deadline has passed; Timeout() is true.
inline const Error DeadlineExceeded{errors::Code::ContextDeadlineExceeded};

/// A key for context values. Each Key object is its own key (compared by
/// address), so define keys as long-lived objects, e.g.
/// `inline const context::Key<std::string> kRequestID;`.
template <class T>
class Key {
 public:
  constexpr Key() noexcept = default;
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;
  ~Key() = default;
};

class Context;
class CancelFunc;
class AfterFuncHandle;

namespace detail {

struct Node;

// The mutable part of a cancellable context.
struct CancelState {
  using Callback = std::function<void()>;

  std::mutex mu;
  std::condition_variable cv;
  bool done = false;      // guarded by mu
  bool finished = false;  // guarded by mu: done, and so is every descendant
  Error err;              // guarded by mu; set once
  std::vector<std::pair<std::uint64_t, std::weak_ptr<Node>>> children;  // guarded by mu
  std::vector<std::pair<std::uint64_t, Callback>> callbacks;             // guarded by mu
  std::uint64_t next_id = 1;                                             // guarded by mu
};

struct Node {
  std::shared_ptr<const Node> parent;
  std::optional<Time> deadline;   // effective: the earliest along the chain
  CancelState* nearest = nullptr; // own or closest ancestor's cancel state
  const void* key = nullptr;      // value nodes only
  std::any value;                 // value nodes only
  CancelState* own = nullptr;         // cancellable nodes only (see CancelNode)
  CancelState* registered_in = nullptr;  // the parent state listing this node
  std::uint64_t registration = 0;
  std::optional<std::stop_callback<std::function<void()>>> stop;  // WithStopToken only

  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  ~Node() {
    stop.reset();
    Deregister();
  }

  // Removes this node from its parent's list of children (idempotent).
  void Deregister() {
    if (registered_in == nullptr) return;
    std::lock_guard lock(registered_in->mu);
    auto& c = registered_in->children;
    for (auto it = c.begin(); it != c.end(); ++it) {
      if (it->first == registration) {
        c.erase(it);
        break;
      }
    }
  }

  // Cancels this node (which must be cancellable) and all its descendants,
  // then runs their AfterFunc callbacks. Returns once the whole subtree is
  // cancelled, even when another thread got there first.
  void Cancel(const Error& why) {
    std::vector<CancelState::Callback> cbs;
    std::vector<std::shared_ptr<Node>> keep;  // freed only after the callbacks
    CancelTree(why, cbs, keep);
    for (auto& cb : cbs) cb();
    Deregister();  // a cancelled child no longer needs its parent's bookkeeping
  }

  // Marks this subtree cancelled and collects its callbacks (descendants'
  // first). Readers wait while a node is done but not yet finished, so a
  // thread that sees a context cancelled also sees all its descendants
  // cancelled, as in Go, where cancel holds the context's lock meanwhile.
  // No user code runs in between (callbacks run, and nodes are freed, only
  // afterwards), so the waits cannot deadlock: they only ever wait for a
  // subtree that another thread is cancelling.
  // A node whose deadline has already passed was, as far as its users could
  // see, done with DeadlineExceeded before this call; it keeps that error, as
  // in Go, where the deadline's timer cancels the context first.
  void CancelTree(const Error& why, std::vector<CancelState::Callback>& cbs, std::vector<std::shared_ptr<Node>>& keep) {
    std::vector<std::pair<std::uint64_t, std::weak_ptr<Node>>> kids;
    std::vector<std::pair<std::uint64_t, CancelState::Callback>> mine;
    {
      std::unique_lock lock(own->mu);
      if (own->done) {
        own->cv.wait(lock, [&] { return own->finished; });
        return;
      }
      own->done = true;
      own->err = deadline && Now() >= *deadline ? DeadlineExceeded : why;
      kids.swap(own->children);
      mine.swap(own->callbacks);
    }
    // Set `finished` on every way out, an exception (bad_alloc) included, so
    // that no reader waits forever.
    struct Finish {
      CancelState* s;
      explicit Finish(CancelState* state) noexcept : s(state) {}
      Finish(const Finish&) = delete;
      Finish& operator=(const Finish&) = delete;
      ~Finish() {
        {
          std::lock_guard lock(s->mu);
          s->finished = true;
        }
        s->cv.notify_all();
      }
    } finish(own);
    for (auto& [id, weak] : kids) {
      if (auto child = weak.lock()) {
        child->CancelTree(why, cbs, keep);
        keep.push_back(std::move(child));
      }
    }
    for (auto& [id, cb] : mine) cbs.push_back(std::move(cb));
  }

  // Waits, with `lock` held on s->mu, until a started cancellation of s has
  // reached all descendants. True if s is done.
  static bool DoneAndFinished(CancelState* s, std::unique_lock<std::mutex>& lock) {
    if (!s->done) return false;
    s->cv.wait(lock, [&] { return s->finished; });
    return true;
  }
};

// A cancellable node: the node and its cancel state in one allocation.
struct CancelNode final : Node {
  CancelState state;
  CancelNode() = default;
  CancelNode(const CancelNode&) = delete;
  CancelNode& operator=(const CancelNode&) = delete;
  // The stop callback may refer to `state`; end it before `state` goes.
  ~CancelNode() { stop.reset(); }
};

}  // namespace detail

/// Carries cancellation, a deadline and request-scoped values across API
/// boundaries (Go's context.Context).
class Context {
 public:
  /// The background context.
  Context() noexcept = default;

  /// The deadline, if this context or an ancestor has one.
  [[nodiscard]] std::optional<Time> Deadline() const noexcept {
    return node_ ? node_->deadline : std::nullopt;
  }

  /// Empty while the context is live; context::Canceled after cancellation,
  /// context::DeadlineExceeded once the deadline has passed.
  [[nodiscard]] Error Err() const {
    if (!node_) return {};
    if (auto* s = node_->nearest) {
      std::unique_lock lock(s->mu);
      if (detail::Node::DoneAndFinished(s, lock)) return s->err;
    }
    if (node_->deadline && Now() >= *node_->deadline) return DeadlineExceeded;
    return {};
  }

  /// True once the context is cancelled or past its deadline (a poll; Go's
  /// Done channel being closed).
  [[nodiscard]] bool Done() const { return static_cast<bool>(Err()); }

  /// Blocks until the context is done. On a context that can never be done
  /// (Background, or values over it) this blocks forever, as in Go.
  void Wait() const { (void)WaitUntil(Time::max()); }

  /// Blocks until the context is done or `timeout` passes; true if done.
  [[nodiscard]] bool WaitFor(Duration timeout) const {
    const Time now = Now();
    const Time limit = timeout >= Time::max() - now ? Time::max() : now + timeout;
    return WaitUntil(limit);
  }

  /// Blocks until the context is done or the time `until` comes; true if done.
  [[nodiscard]] bool WaitUntil(Time until) const {
    Time limit = until;
    if (node_ && node_->deadline && *node_->deadline < limit) limit = *node_->deadline;
    detail::CancelState* s = node_ ? node_->nearest : nullptr;
    if (s == nullptr) {  // never cancelled: only the deadline or `until` ends the wait
      std::mutex m;
      std::condition_variable cv;
      std::unique_lock lock(m);
      if (limit == Time::max()) {
        cv.wait(lock, [] { return false; });
      } else {
        cv.wait_until(lock, limit, [&] { return Now() >= limit; });
      }
      lock.unlock();
      return Done();
    }
    std::unique_lock lock(s->mu);
    if (limit == Time::max()) {
      s->cv.wait(lock, [&] { return s->finished; });
    } else {
      s->cv.wait_until(lock, limit, [&] { return s->finished || Now() >= limit; });
    }
    lock.unlock();
    return Done();
  }

  /// The value stored under `key` by this context or an ancestor, or null.
  /// The pointer stays valid while this context (or a copy) lives.
  template <class T>
  [[nodiscard]] const T* Value(const Key<T>& key) const noexcept {
    for (const detail::Node* n = node_.get(); n != nullptr; n = n->parent.get()) {
      if (n->key == &key) return std::any_cast<T>(&n->value);
    }
    return nullptr;
  }

  /// True when both handles denote the same context.
  friend bool operator==(const Context& a, const Context& b) noexcept { return a.node_ == b.node_; }

 private:
  friend class CancelFunc;
  friend class AfterFuncHandle;
  template <class T>
  friend Context WithValue(const Context&, const Key<T>&, T);
  friend struct Factory;

  explicit Context(std::shared_ptr<const detail::Node> n) noexcept : node_(std::move(n)) {}
  std::shared_ptr<const detail::Node> node_;
};

/// Cancels the context it came with (Go's context.CancelFunc). Calling it
/// more than once, or concurrently, is safe; an empty CancelFunc does nothing.
class CancelFunc {
 public:
  CancelFunc() noexcept = default;
  /// Cancels the context and every descendant with context::Canceled, and
  /// runs their AfterFunc callbacks, on the calling thread. A context that is
  /// already done keeps its first error.
  void operator()() const {
    if (node_) node_->Cancel(Canceled);
  }
  /// True when bound to a context.
  explicit operator bool() const noexcept { return node_ != nullptr; }

 private:
  friend struct Factory;
  explicit CancelFunc(std::shared_ptr<detail::Node> n) noexcept : node_(std::move(n)) {}
  std::shared_ptr<detail::Node> node_;
};

/// A derived context and the function that cancels it. Binds to
/// `auto [ctx, cancel] = ...`.
struct WithCancelResult {
  /// The new child context.
  Context ctx;
  /// Cancels `ctx`; call it once the work is done to release its resources.
  CancelFunc cancel;
};

/// Stops a callback registered by AfterFunc.
class AfterFuncHandle {
 public:
  AfterFuncHandle() noexcept = default;
  /// Unregisters the callback. True if this call stopped it from running;
  /// false if it already ran (or is running) or was already stopped.
  bool Stop() {
    if (state_ == nullptr) return false;
    std::lock_guard lock(state_->mu);
    auto& c = state_->callbacks;
    for (auto it = c.begin(); it != c.end(); ++it) {
      if (it->first == id_) {
        c.erase(it);
        return true;
      }
    }
    return false;
  }

 private:
  friend struct Factory;
  AfterFuncHandle(std::shared_ptr<const detail::Node> keep, detail::CancelState* s, std::uint64_t id) noexcept
      : keep_(std::move(keep)), state_(s), id_(id) {}
  std::shared_ptr<const detail::Node> keep_;
  detail::CancelState* state_ = nullptr;
  std::uint64_t id_ = 0;
};

// Builds contexts; not part of the public API.
struct Factory {
  static const std::shared_ptr<const detail::Node>& NodeOf(const Context& c) noexcept { return c.node_; }

  static WithCancelResult Cancellable(const Context& parent, std::optional<Time> deadline) {
    auto cn = std::make_shared<detail::CancelNode>();  // node and state in one allocation
    std::shared_ptr<detail::Node> n = cn;
    const auto& p = NodeOf(parent);
    n->parent = p;
    n->deadline = p ? p->deadline : std::nullopt;
    if (deadline && (!n->deadline || *deadline < *n->deadline)) n->deadline = deadline;
    n->own = &cn->state;
    n->nearest = n->own;
    if (detail::CancelState* ps = p ? p->nearest : nullptr) {
      Error parent_err;
      {
        std::lock_guard lock(ps->mu);
        if (ps->done) {
          parent_err = ps->err;
        } else {
          n->registered_in = ps;
          n->registration = ps->next_id++;
          ps->children.emplace_back(n->registration, n);
        }
      }
      if (parent_err) n->Cancel(parent_err);
    }
    return {Context(n), CancelFunc(n)};
  }

  static AfterFuncHandle After(const Context& ctx, std::function<void()> f) {
    const auto& n = NodeOf(ctx);
    detail::CancelState* s = n ? n->nearest : nullptr;
    if (s == nullptr) return {};
    {
      std::unique_lock lock(s->mu);
      if (!detail::Node::DoneAndFinished(s, lock)) {
        const auto id = s->next_id++;
        s->callbacks.emplace_back(id, std::move(f));
        return {n, s, id};
      }
    }
    f();
    return {};
  }

  static WithCancelResult FromStopToken(const Context& parent, const std::stop_token& token) {
    auto r = Cancellable(parent, std::nullopt);
    auto node = r.cancel.node_;
    std::weak_ptr<detail::Node> weak = node;
    node->stop.emplace(token, std::function<void()>([weak] {
                         if (auto live = weak.lock()) live->Cancel(Canceled);
                       }));
    return r;
  }
};

/// The root context: never cancelled, no deadline, no values.
inline Context Background() noexcept { return {}; }
/// A placeholder for code not yet given a context; same as Background().
inline Context TODO() noexcept { return {}; }

/// A child of `parent` that is cancelled when the returned CancelFunc is
/// called or when `parent` is cancelled, whichever comes first.
inline WithCancelResult WithCancel(const Context& parent) { return Factory::Cancellable(parent, std::nullopt); }

/// Like WithCancel, and done at time `d` (or the parent's earlier deadline).
inline WithCancelResult WithDeadline(const Context& parent, Time d) { return Factory::Cancellable(parent, d); }

/// Like WithDeadline with a deadline `timeout` from now.
inline WithCancelResult WithTimeout(const Context& parent, Duration timeout) {
  const Time now = Now();
  const Time d = timeout >= Time::max() - now ? Time::max() : now + timeout;
  return Factory::Cancellable(parent, d);
}

/// A child of `parent` that is also cancelled when `token`'s stop is
/// requested, e.g. by a std::jthread being asked to stop.
inline WithCancelResult WithStopToken(const Context& parent, const std::stop_token& token) {
  return Factory::FromStopToken(parent, token);
}

/// A child of `parent` that carries `value` under `key`.
template <class T>
Context WithValue(const Context& parent, const Key<T>& key, T value) {
  auto n = std::make_shared<detail::Node>();
  const auto& p = Factory::NodeOf(parent);
  n->parent = p;
  n->deadline = p ? p->deadline : std::nullopt;
  n->nearest = p ? p->nearest : nullptr;
  n->key = &key;
  n->value = std::move(value);
  return Context(std::move(n));
}

/// Runs `f` once `ctx` is cancelled (on the cancelling thread), or at once if
/// it already is. Contexts that can never be cancelled never run `f`.
/// Go's context.AfterFunc, except that `f` runs synchronously.
inline AfterFuncHandle AfterFunc(const Context& ctx, std::function<void()> f) {
  return Factory::After(ctx, std::move(f));
}

}  // namespace gost::core::context
