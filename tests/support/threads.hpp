// Small thread helpers the unit tests share: run one piece of test code on
// several threads at once (the tests that hammer a thread-safe
// implementation and check the totals afterwards), a list of strings that
// those threads may append to (the in-memory implementations that keep what
// they were given), and a map of objects made on first use of their key (the
// per-key limiters).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace gost::core::testsupport {

/// Starts `n` threads, thread t running body(t) for t = 0 .. n-1, and
/// returns when all of them have finished.
template <class Body>
void RunOnThreads(int n, const Body& body) {
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n));
  for (int t = 0; t < n; ++t) threads.emplace_back([&body, t] { body(t); });
  for (auto& th : threads) th.join();
}

/// A list of strings behind a mutex: Add appends, Entries copies them out.
class LockedLog {
 public:
  void Add(std::string entry) {
    std::lock_guard lock(mu_);
    entries_.push_back(std::move(entry));
  }
  std::vector<std::string> Entries() const {
    std::lock_guard lock(mu_);
    return entries_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> entries_;
};

/// Objects by key behind a mutex: Get returns the key's object, made with
/// `make` the first time the key is asked for.
template <class T>
class KeyedCache {
 public:
  template <class Make>
  std::shared_ptr<T> Get(const std::string& key, const Make& make) {
    std::lock_guard lock(mu_);
    auto& slot = items_[key];
    if (!slot) slot = make();
    return slot;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<T>> items_;
};

}  // namespace gost::core::testsupport
