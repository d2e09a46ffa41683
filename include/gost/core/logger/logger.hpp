// gost-core port of go-gost/core logger/logger.go.
//
// The structured logging interface every component logs through, the
// process-wide default logger, and LoggerGroup, which fans calls out to
// several loggers.
//
// Go's `Info(args ...any)` and `Infof(format, args ...any)` become methods
// taking an fmt::Args list of fmt::Arg values (strings, numbers, bools,
// Errors and anything with a String() method), from go/fmt.hpp:
//
//   log->Info("listening");                       // one argument
//   log->Info({"dial ", addr, " failed: ", err});  // several
//   log->Infof("%s: %d bytes", {addr, n});         // a Go-style format
//
// Implementations render them with fmt::Sprint and fmt::Sprintf.
#pragma once

#include <any>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gost/core/detail/interface.hpp"
#include "gost/core/go/fmt.hpp"
#include "gost/core/go/variadic.hpp"

namespace gost::core::logger {

/// Output format of a logger (Go: `type LogFormat string`).
using LogFormat = std::string;
/// Human-readable lines.
inline const LogFormat TextFormat{"text"};
/// One JSON object per line.
inline const LogFormat JSONFormat{"json"};

/// Severity of a message (Go: `type LogLevel string`), least to most severe.
using LogLevel = std::string;
inline const LogLevel TraceLevel{"trace"};  ///< finer than debug
inline const LogLevel DebugLevel{"debug"};  ///< diagnostics
inline const LogLevel InfoLevel{"info"};    ///< the default level
inline const LogLevel WarnLevel{"warn"};    ///< something may be wrong
inline const LogLevel ErrorLevel{"error"};  ///< an operation failed
inline const LogLevel FatalLevel{"fatal"};  ///< the program cannot go on

/// Structured fields attached to every message of a logger (Go: map[string]any).
using Fields = std::map<std::string, std::any>;

class Logger;
/// A shared logger; null means "none" (options fall back to Default()).
using LoggerPtr = std::shared_ptr<Logger>;

/// A structured logger (Go's logger.Logger).
///
/// Implementations must be safe to call from many threads at once. The
/// `...f` methods take a Go-style format (see fmt::Sprintf); the others
/// render their arguments as fmt::Sprint does. What Fatal does after logging (exit the
/// process, as logrus does, or not) is the implementation's choice.
class Logger {
  GOST_CORE_INTERFACE(Logger);

  /// A logger that adds `fields` to every message (and keeps this one's).
  virtual LoggerPtr WithFields(const Fields& fields) = 0;
  /// Logs one message at the level the method is named after. `Info(args)`
  /// renders `args` as fmt::Sprint does; `Infof(format, args)` as fmt::Sprintf does.
  /// A message at a level that is not enabled (IsLevelEnabled) is dropped.
  /// The arguments are borrowed for the call only.
  ///@{
  virtual void Trace(const fmt::Args& args) = 0;
  virtual void Tracef(std::string_view format, const fmt::Args& args = {}) = 0;
  virtual void Debug(const fmt::Args& args) = 0;
  virtual void Debugf(std::string_view format, const fmt::Args& args = {}) = 0;
  virtual void Info(const fmt::Args& args) = 0;
  virtual void Infof(std::string_view format, const fmt::Args& args = {}) = 0;
  virtual void Warn(const fmt::Args& args) = 0;
  virtual void Warnf(std::string_view format, const fmt::Args& args = {}) = 0;
  virtual void Error(const fmt::Args& args) = 0;
  virtual void Errorf(std::string_view format, const fmt::Args& args = {}) = 0;
  virtual void Fatal(const fmt::Args& args) = 0;
  virtual void Fatalf(std::string_view format, const fmt::Args& args = {}) = 0;
  ///@}
  /// The least severe level this logger writes.
  [[nodiscard]] virtual LogLevel GetLevel() const = 0;
  /// True when messages at `level` are written.
  [[nodiscard]] virtual bool IsLevelEnabled(const LogLevel& level) const = 0;
};

namespace detail {
// The process-wide default logger and the lock that guards it.
struct DefaultLoggerSlot {
  std::mutex mu;
  LoggerPtr logger;  // guarded by mu
};

inline DefaultLoggerSlot& DefaultSlot() noexcept {
  static DefaultLoggerSlot slot;
  return slot;
}
}  // namespace detail

/// The process-wide default logger; null until SetDefault is called.
/// Safe to call while another thread calls SetDefault.
inline LoggerPtr Default() {
  auto& slot = detail::DefaultSlot();
  std::lock_guard lock(slot.mu);
  return slot.logger;
}

/// Replaces the process-wide default logger (null clears it). Threads that
/// already hold the previous logger keep it alive until they drop it.
inline void SetDefault(LoggerPtr logger) {
  auto& slot = detail::DefaultSlot();
  std::lock_guard lock(slot.mu);
  slot.logger.swap(logger);  // the previous logger is released after the lock
}

namespace detail {

// What LoggerGroup returns: sends every call to each logger of a fixed list.
class Group final : public Logger {
 public:
  explicit Group(std::vector<LoggerPtr> loggers) : loggers_(std::move(loggers)) {}

  LoggerPtr WithFields(const Fields& fields) override {
    std::vector<LoggerPtr> derived;
    derived.reserve(loggers_.size());
    for (const auto& l : loggers_) derived.push_back(l->WithFields(fields));
    return std::make_shared<Group>(std::move(derived));
  }
  void Trace(const fmt::Args& a) override { Each([&](Logger& l) { l.Trace(a); }); }
  void Tracef(std::string_view f, const fmt::Args& a) override { Each([&](Logger& l) { l.Tracef(f, a); }); }
  void Debug(const fmt::Args& a) override { Each([&](Logger& l) { l.Debug(a); }); }
  void Debugf(std::string_view f, const fmt::Args& a) override { Each([&](Logger& l) { l.Debugf(f, a); }); }
  void Info(const fmt::Args& a) override { Each([&](Logger& l) { l.Info(a); }); }
  void Infof(std::string_view f, const fmt::Args& a) override { Each([&](Logger& l) { l.Infof(f, a); }); }
  void Warn(const fmt::Args& a) override { Each([&](Logger& l) { l.Warn(a); }); }
  void Warnf(std::string_view f, const fmt::Args& a) override { Each([&](Logger& l) { l.Warnf(f, a); }); }
  void Error(const fmt::Args& a) override { Each([&](Logger& l) { l.Error(a); }); }
  void Errorf(std::string_view f, const fmt::Args& a) override { Each([&](Logger& l) { l.Errorf(f, a); }); }
  void Fatal(const fmt::Args& a) override { Each([&](Logger& l) { l.Fatal(a); }); }
  void Fatalf(std::string_view f, const fmt::Args& a) override { Each([&](Logger& l) { l.Fatalf(f, a); }); }
  [[nodiscard]] LogLevel GetLevel() const override {
    return loggers_.empty() ? InfoLevel : loggers_.front()->GetLevel();
  }
  [[nodiscard]] bool IsLevelEnabled(const LogLevel& level) const override {
    for (const auto& l : loggers_) {
      if (l->IsLevelEnabled(level)) return true;
    }
    return false;
  }

 private:
  template <class F>
  void Each(const F& f) {
    for (const auto& l : loggers_) f(*l);
  }
  std::vector<LoggerPtr> loggers_;
};

}  // namespace detail

/// A logger that forwards every call to each of `loggers`, in order
/// (Go's LoggerGroup). Null entries are dropped. GetLevel is the first
/// logger's (InfoLevel when there is none); IsLevelEnabled is true when any
/// logger enables the level. The group is as thread-safe as its members.
inline LoggerPtr LoggerGroup(Variadic<LoggerPtr> loggers) {
  std::vector<LoggerPtr> kept;
  kept.reserve(loggers.size());
  for (const auto& l : loggers) {
    if (l) kept.push_back(l);
  }
  return std::make_shared<detail::Group>(std::move(kept));
}

}  // namespace gost::core::logger
