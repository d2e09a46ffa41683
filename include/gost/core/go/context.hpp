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
//  * std::stop_token interoperates: WithStopToken, in its own header
//    <gost/core/go/stop_token.hpp>, makes a context that a std::stop_source
//    (a std::jthread, say) cancels. It is kept out of this header, and out of
//    <gost/core.hpp>, because <stop_token> is costly to compile.
#pragma once

#include <any>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

#include "gost/core/detail/condvar.hpp"
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
struct WithCancelResult;

namespace detail {

// The implementation keeps to plain structures: intrusive lists and an
// intrusive reference count rather than std::vector, std::shared_ptr and
// std::weak_ptr, so that a cancellable context is a single allocation.

// An intrusive doubly linked list of T (which has `prev` and `next` members
// of type T*), with its length.
template <class T>
struct List {
  T* head = nullptr;
  T* tail = nullptr;
  std::size_t count = 0;

  [[nodiscard]] std::size_t size() const noexcept { return count; }
  [[nodiscard]] bool empty() const noexcept { return count == 0; }
  void PushBack(T* e) noexcept {
    e->prev = tail;
    e->next = nullptr;
    if (tail != nullptr) tail->next = e;
    else head = e;
    tail = e;
    ++count;
  }
  // Precondition: e is in this list.
  void Remove(T* e) noexcept {
    if (e->prev != nullptr) e->prev->next = e->next;
    else head = e->next;
    if (e->next != nullptr) e->next->prev = e->prev;
    else tail = e->prev;
    e->prev = e->next = nullptr;
    --count;
  }
  // Moves every element of `other` to the end of this list.
  void Splice(List& other) noexcept {
    if (other.head == nullptr) return;
    if (tail != nullptr) {
      tail->next = other.head;
      other.head->prev = tail;
    } else {
      head = other.head;
    }
    tail = other.tail;
    count += other.count;
    other.head = other.tail = nullptr;
    other.count = 0;
  }
};

// The contexts' shared state: a tree of reference-counted nodes.
struct Impl {
  struct Node;

  // A callback registered by AfterFunc, owned by the list it is in.
  struct Callback {
    std::uint64_t id = 0;
    std::function<void()> fn;
    Callback* prev = nullptr;
    Callback* next = nullptr;
  };

  // Frees the callbacks of a list (without running them).
  static void FreeAll(List<Callback>& list) noexcept {
    for (Callback* c = list.head; c != nullptr;) {
      Callback* next = c->next;
      delete c;
      c = next;
    }
    list.head = list.tail = nullptr;
    list.count = 0;
  }

  // The mutable part of a cancellable context.
  struct CancelState {
    std::mutex mu;
    core::detail::CondVar cv;
    bool done = false;        // guarded by mu
    bool finished = false;    // guarded by mu: done, and so is every descendant
    Error err;                // guarded by mu; set once
    List<Node> children;      // guarded by mu: cancellable descendants that have
                              // this as their nearest cancellable ancestor
    List<Callback> callbacks; // guarded by mu
    std::uint64_t next_id = 1;  // guarded by mu

    CancelState() = default;
    CancelState(const CancelState&) = delete;
    CancelState& operator=(const CancelState&) = delete;
    ~CancelState() { FreeAll(callbacks); }
  };

  // Something attached to a node for its lifetime (WithStopToken's
  // std::stop_callback); the node deletes it first when it goes.
  struct Hook {
    Hook() = default;
    Hook(const Hook&) = delete;
    Hook& operator=(const Hook&) = delete;
    virtual ~Hook() = default;
  };

  // Reference counting of nodes (a node starts with one reference).
  static void Retain(const Node* n) noexcept { n->refs.fetch_add(1, std::memory_order_relaxed); }
  // Fails once the count is 0 (the node is being destroyed).
  static bool TryRetain(const Node* n) noexcept {
    std::size_t c = n->refs.load(std::memory_order_relaxed);
    while (c != 0) {
      if (n->refs.compare_exchange_weak(c, c + 1, std::memory_order_acquire, std::memory_order_relaxed)) return true;
    }
    return false;
  }
  static void Release(const Node* n) noexcept {
    if (n->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete n;
  }

  // A counted reference to a node; null for Background.
  class NodeRef {
   public:
    NodeRef() noexcept = default;
    NodeRef(const NodeRef& other) noexcept : p_(other.p_) {
      if (p_ != nullptr) Retain(p_);
    }
    NodeRef(NodeRef&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
    NodeRef& operator=(const NodeRef& other) noexcept {
      NodeRef copy(other);
      Swap(copy);
      return *this;
    }
    NodeRef& operator=(NodeRef&& other) noexcept {
      NodeRef moved(static_cast<NodeRef&&>(other));
      Swap(moved);
      return *this;
    }
    ~NodeRef() {
      if (p_ != nullptr) Release(p_);
    }

    // Takes over the reference `n` was created with (or got by TryRetain).
    static NodeRef Adopt(Node* n) noexcept {
      NodeRef r;
      r.p_ = n;
      return r;
    }

    [[nodiscard]] Node* get() const noexcept { return p_; }
    Node* operator->() const noexcept { return p_; }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    friend bool operator==(const NodeRef& a, const NodeRef& b) noexcept { return a.p_ == b.p_; }

   private:
    void Swap(NodeRef& other) noexcept {
      Node* p = p_;
      p_ = other.p_;
      other.p_ = p;
    }
    Node* p_ = nullptr;
  };

  // What a cancellation collects, released only after the callbacks have
  // run: the callbacks, in running order, and the nodes it holds references
  // to (chained through Node::work_next). Its destructor frees whatever is
  // left, so an exception thrown by a callback leaks nothing.
  struct CancelWork {
    List<Callback> callbacks;
    Node* kept = nullptr;

    CancelWork() = default;
    CancelWork(const CancelWork&) = delete;
    CancelWork& operator=(const CancelWork&) = delete;
    ~CancelWork() {
      FreeAll(callbacks);
      while (Node* n = kept) {
        kept = n->work_next;
        n->work_next = nullptr;
        n->Deregister();
        Release(n);
      }
    }

    void Run() {
      while (Callback* c = callbacks.head) {
        callbacks.Remove(c);
        struct Free {  // NOLINT(cppcoreguidelines-special-member-functions): block-local guard, never copied
          Callback* c;
          ~Free() { delete c; }
        } free{c};
        c->fn();
      }
    }
  };

  struct Node {
    mutable std::atomic<std::size_t> refs{1};
    NodeRef parent;
    // The effective deadline, the earliest along the chain, if has_deadline.
    // (Not a std::optional: see Deadline below.)
    Time deadline{};
    bool has_deadline = false;
    CancelState* nearest = nullptr;  // own or closest ancestor's cancel state
    const void* key = nullptr;    // value nodes only
    std::any value;               // value nodes only
    CancelState* own = nullptr;   // cancellable nodes only (see CancelNode)
    CancelState* registered_in = nullptr;  // the state listing this node; set
                                           // once, before the node is shared
    bool listed = false;          // guarded by registered_in->mu
    Node* prev = nullptr;         // guarded by registered_in->mu
    Node* next = nullptr;         // guarded by registered_in->mu
    Node* work_next = nullptr;    // used by the one thread cancelling the node
    Hook* hook = nullptr;         // WithStopToken only

    Node() = default;
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;
    virtual ~Node() {
      DropHook();
      Deregister();
    }

    // Ends the hook first: a stop callback's destructor waits for a callback
    // that is running on another thread, which may still use the node.
    void DropHook() noexcept {
      Hook* h = hook;
      hook = nullptr;
      delete h;
    }

    // Removes this node from the list of children it is in (idempotent).
    void Deregister() noexcept {
      if (registered_in == nullptr) return;
      std::lock_guard lock(registered_in->mu);
      if (listed) {
        registered_in->children.Remove(this);
        listed = false;
      }
    }

    // Cancels this node (which must be cancellable) and all its descendants,
    // then runs their AfterFunc callbacks. Returns once the whole subtree is
    // cancelled, even when another thread got there first.
    void Cancel(const Error& why) {
      CancelWork work;
      CancelTree(why, work);
      work.Run();
      Deregister();  // a cancelled child no longer needs its parent's bookkeeping
    }

    // Marks this subtree cancelled and collects its callbacks (descendants'
    // first) and references to its nodes into `work`. Readers wait while a
    // node is done but not yet finished, so a thread that sees a context
    // cancelled also sees all its descendants cancelled, as in Go, where
    // cancel holds the context's lock meanwhile. No user code runs in between
    // (callbacks run, and nodes are freed, only afterwards), so the waits
    // cannot deadlock: they only ever wait for a subtree that another thread
    // is cancelling.
    // A node whose deadline has already passed was, as far as its users could
    // see, done with DeadlineExceeded before this call; it keeps that error,
    // as in Go, where the deadline's timer cancels the context first.
    void CancelTree(const Error& why, CancelWork& work) {
      Node* kids = nullptr;  // the children still alive, chained by work_next
      List<Callback> mine;
      {
        std::unique_lock lock(own->mu);
        if (own->done) {
          while (!own->finished) own->cv.wait(lock);
          return;
        }
        own->done = true;
        own->err = has_deadline && Now() >= deadline ? DeadlineExceeded : why;
        // Once done, no child registers any more. A child whose count is
        // already 0 is being destroyed: it stays listed and removes itself.
        for (Node* c = own->children.tail; c != nullptr; c = c->prev) {
          if (TryRetain(c)) {
            c->work_next = kids;
            kids = c;
          }
        }
        mine.Splice(own->callbacks);
      }
      // Set `finished` on every way out, so that no reader waits forever.
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
      while (Node* c = kids) {
        kids = c->work_next;
        c->work_next = work.kept;  // `work` releases it, whatever happens next
        work.kept = c;
        c->CancelTree(why, work);
      }
      work.callbacks.Splice(mine);
    }
  };

  // A cancellable node: the node and its cancel state in one allocation.
  // Its destructor overrides Node's virtual one; clang-tidy 14 does not see
  // that through the dependent base.
  // NOLINTNEXTLINE(cppcoreguidelines-virtual-class-destructor)
  struct CancelNode final : Node {
    CancelState state;
    CancelNode() = default;
    CancelNode(const CancelNode&) = delete;
    CancelNode& operator=(const CancelNode&) = delete;
    // The hook (a stop callback) may refer to `state`, and a listed node is
    // reachable from its parent: end both before `state` goes.
    ~CancelNode() override {
      this->DropHook();
      this->Deregister();
    }
  };

  // Waits, with `lock` held on s->mu, until a started cancellation of s has
  // reached all descendants. True if s is done.
  static bool DoneAndFinished(CancelState* s, std::unique_lock<std::mutex>& lock) {
    if (!s->done) return false;
    while (!s->finished) s->cv.wait(lock);
    return true;
  }

  // What Context's methods do, for the context `n` (null for Background).

  static std::optional<Time> Deadline(const NodeRef& n) noexcept {
    if (n && n->has_deadline) return n->deadline;
    return std::nullopt;
  }

  static Error Err(const NodeRef& n) {
    if (!n) return {};
    if (CancelState* s = n->nearest) {
      std::unique_lock lock(s->mu);
      if (DoneAndFinished(s, lock)) return s->err;
    }
    if (n->has_deadline && Now() >= n->deadline) return DeadlineExceeded;
    return {};
  }

  static bool WaitUntil(const NodeRef& n, Time until) {
    Time limit = until;
    if (n && n->has_deadline && n->deadline < limit) limit = n->deadline;
    CancelState* s = n ? n->nearest : nullptr;
    if (s == nullptr) {  // never cancelled: only the deadline or `until` ends the wait
      std::mutex m;
      core::detail::CondVar cv;
      // cppcheck-suppress localMutex ; a private timed sleep: nothing else waits on cv or locks m
      std::unique_lock lock(m);
      if (limit == Time::max()) {
        for (;;) cv.wait(lock);
      }
      while (Now() < limit) cv.wait_until(lock, limit);
      lock.unlock();
      return static_cast<bool>(Err(n));
    }
    std::unique_lock lock(s->mu);
    if (limit == Time::max()) {
      while (!s->finished) s->cv.wait(lock);
    } else {
      while (!s->finished && Now() < limit) s->cv.wait_until(lock, limit);
    }
    lock.unlock();
    return static_cast<bool>(Err(n));
  }

  static const std::any* Value(const NodeRef& start, const void* key) noexcept {
    for (const Node* n = start.get(); n != nullptr; n = n->parent.get()) {
      if (n->key == key) return &n->value;
    }
    return nullptr;
  }

  // What AfterFuncHandle::Stop does: unregisters callback `id` of `s`.
  static bool Stop(CancelState* s, std::uint64_t id) {
    if (s == nullptr) return false;
    Callback* found = nullptr;
    {
      std::lock_guard lock(s->mu);
      for (Callback* c = s->callbacks.head; c != nullptr; c = c->next) {
        if (c->id == id) {
          s->callbacks.Remove(c);
          found = c;
          break;
        }
      }
    }
    delete found;  // outside the lock: the callable's destructor is user code
    return found != nullptr;
  }
};

/// A counted reference to a context's node (null for Background).
using NodeRef = Impl::NodeRef;

struct Factory;

}  // namespace detail

/// Carries cancellation, a deadline and request-scoped values across API
/// boundaries (Go's context.Context).
class Context {
 public:
  /// The background context.
  Context() noexcept = default;

  /// The deadline, if this context or an ancestor has one.
  [[nodiscard]] std::optional<Time> Deadline() const noexcept { return detail::Impl::Deadline(node_); }

  /// Empty while the context is live; context::Canceled after cancellation,
  /// context::DeadlineExceeded once the deadline has passed.
  [[nodiscard]] Error Err() const {
    return detail::Impl::Err(node_);
  }

  /// True once the context is cancelled or past its deadline (a poll; Go's
  /// Done channel being closed).
  [[nodiscard]] bool Done() const {
    return static_cast<bool>(detail::Impl::Err(node_));
  }

  /// Blocks until the context is done. On a context that can never be done
  /// (Background, or values over it) this blocks forever, as in Go.
  void Wait() const {
    (void)detail::Impl::WaitUntil(node_, Time::max());
  }

  /// Blocks until the context is done or `timeout` passes; true if done.
  [[nodiscard]] bool WaitFor(Duration timeout) const {
    const Time now = Now();
    const Time limit = timeout >= Time::max() - now ? Time::max() : now + timeout;
    return detail::Impl::WaitUntil(node_, limit);
  }

  /// Blocks until the context is done or the time `until` comes; true if done.
  [[nodiscard]] bool WaitUntil(Time until) const {
    return detail::Impl::WaitUntil(node_, until);
  }

  /// The value stored under `key` by this context or an ancestor, or null.
  /// The pointer stays valid while this context (or a copy) lives.
  template <class T>
  [[nodiscard]] const T* Value(const Key<T>& key) const noexcept {
    return std::any_cast<T>(detail::Impl::Value(node_, &key));
  }

  /// True when both handles denote the same context.
  friend bool operator==(const Context& a, const Context& b) noexcept { return a.node_ == b.node_; }

 private:
  friend struct detail::Factory;

  explicit Context(detail::NodeRef&& n) noexcept : node_(std::move(n)) {}
  detail::NodeRef node_;
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
    if (detail::Impl::Node* n = node_.get()) n->Cancel(Canceled);
  }
  /// True when bound to a context.
  explicit operator bool() const noexcept { return static_cast<bool>(node_); }

 private:
  friend struct detail::Factory;
  explicit CancelFunc(detail::NodeRef&& n) noexcept : node_(std::move(n)) {}
  detail::NodeRef node_;
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
  bool Stop() { return detail::Impl::Stop(state_, id_); }

 private:
  friend struct detail::Factory;
  AfterFuncHandle(detail::NodeRef&& keep, detail::Impl::CancelState* s, std::uint64_t id) noexcept
      : keep_(std::move(keep)), state_(s), id_(id) {}
  detail::NodeRef keep_;  // keeps state_ alive
  detail::Impl::CancelState* state_ = nullptr;
  std::uint64_t id_ = 0;
};

namespace detail {

// Builds contexts; not part of the public API.
struct Factory {
  static const NodeRef& NodeOf(const Context& c) noexcept { return c.node_; }

  // A child of `parent` holding a new cancel state; with a `deadline` (null
  // for none), done then or at the parent's earlier one.
  static WithCancelResult Cancellable(const Context& parent, const Time* deadline) {
    auto* n = new Impl::CancelNode();  // node and state in one allocation
    NodeRef ref = NodeRef::Adopt(n);
    const auto& p = NodeOf(parent);
    n->parent = p;
    if (p && p->has_deadline) {
      n->deadline = p->deadline;
      n->has_deadline = true;
    }
    if (deadline != nullptr && (!n->has_deadline || *deadline < n->deadline)) {
      n->deadline = *deadline;
      n->has_deadline = true;
    }
    n->own = &n->state;
    n->nearest = n->own;
    if (Impl::CancelState* ps = p ? p->nearest : nullptr) {
      Error parent_err;
      {
        std::lock_guard lock(ps->mu);
        if (ps->done) {
          parent_err = ps->err;
        } else {
          n->registered_in = ps;
          n->listed = true;
          ps->children.PushBack(n);
        }
      }
      if (parent_err) n->Cancel(parent_err);
    }
    return {Context(NodeRef(ref)), CancelFunc(std::move(ref))};
  }

  // A child of `parent` carrying `value` under `key`.
  static Context Valued(const Context& parent, const void* key, std::any&& value) {
    auto* n = new Impl::Node();
    NodeRef ref = NodeRef::Adopt(n);
    const auto& p = NodeOf(parent);
    n->parent = p;
    if (p) {
      n->deadline = p->deadline;
      n->has_deadline = p->has_deadline;
      n->nearest = p->nearest;
    }
    n->key = key;
    n->value = std::move(value);
    return Context(std::move(ref));
  }

  static AfterFuncHandle After(const Context& ctx, std::function<void()> f) {
    const auto& n = NodeOf(ctx);
    Impl::CancelState* s = n ? n->nearest : nullptr;
    if (s == nullptr) return {};
    auto* entry = new Impl::Callback;  // allocated before locking
    entry->fn = std::move(f);
    {
      std::unique_lock lock(s->mu);
      if (!Impl::DoneAndFinished(s, lock)) {
        entry->id = s->next_id++;
        s->callbacks.PushBack(entry);
        return {NodeRef(n), s, entry->id};
      }
    }
    const struct Free {  // NOLINT(cppcoreguidelines-special-member-functions): block-local guard, never copied
      Impl::Callback* c;
      ~Free() { delete c; }
    } free{entry};
    entry->fn();
    return {};
  }

  // A cancellable child of `parent` with the hook `make(node)` attached
  // (see Impl::Hook); `make` returns a new object or throws.
  template <class MakeHook>
  static WithCancelResult Hooked(const Context& parent, MakeHook make) {
    auto r = Cancellable(parent, nullptr);
    Impl::Node* n = r.cancel.node_.get();
    n->hook = make(n);
    return r;
  }
};

}  // namespace detail

/// The root context: never cancelled, no deadline, no values.
inline Context Background() noexcept { return {}; }
/// A placeholder for code not yet given a context; same as Background().
inline Context TODO() noexcept { return {}; }

/// A child of `parent` that is cancelled when the returned CancelFunc is
/// called or when `parent` is cancelled, whichever comes first.
inline WithCancelResult WithCancel(const Context& parent) {
  return detail::Factory::Cancellable(parent, nullptr);
}

/// Like WithCancel, and done at time `d` (or the parent's earlier deadline).
inline WithCancelResult WithDeadline(const Context& parent, Time d) {
  return detail::Factory::Cancellable(parent, &d);
}

/// Like WithDeadline with a deadline `timeout` from now.
inline WithCancelResult WithTimeout(const Context& parent, Duration timeout) {
  const Time now = Now();
  const Time d = timeout >= Time::max() - now ? Time::max() : now + timeout;
  return detail::Factory::Cancellable(parent, &d);
}

/// A child of `parent` that carries `value` under `key`.
/// T is the key's type alone, so the value may be anything that converts
/// to it: `WithValue(ctx, kName, "text")` for a `Key<std::string>`.
template <class T>
Context WithValue(const Context& parent, const Key<T>& key, std::type_identity_t<T> value) {
  return detail::Factory::Valued(parent, &key, std::any(std::move(value)));
}

/// Runs `f` once `ctx` is cancelled (on the cancelling thread), or at once if
/// it already is. Contexts that can never be cancelled never run `f`.
/// Go's context.AfterFunc, except that `f` runs synchronously.
inline AfterFuncHandle AfterFunc(const Context& ctx, std::function<void()> f) {
  return detail::Factory::After(ctx, std::move(f));
}

}  // namespace gost::core::context
