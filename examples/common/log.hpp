// Examples: printing lines, and a logger::Logger that prints them.
//
// Every component of the examples (router, hops, routes, handlers) reports
// what it does through the logger::Logger interface, as go-gost/x components
// do. LineLogger turns those reports into plain lines on stdout, prefixed by
// the component's "kind" field ("router: ...", "hop 1: ..."), so that the
// output reads as the path a connection takes.
#pragma once

#include <any>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/logger/logger.hpp>

namespace example {

namespace gc = gost::core;

/// Prints one line on stdout. Lines printed by different threads never mix.
inline void Say(std::string_view line) {
  static std::mutex mu;
  std::lock_guard lock(mu);
  std::cout << line << '\n' << std::flush;
}

/// A logger that prints each message as one line: "<kind>: <message>".
/// Messages below its level are dropped. Thread-safe.
class LineLogger final : public gc::logger::Logger {
 public:
  explicit LineLogger(std::string kind = {}, gc::logger::LogLevel level = gc::logger::InfoLevel)
      : kind_(std::move(kind)), level_(std::move(level)) {}

  /// A logger with the same level whose prefix is fields["kind"] (a
  /// std::string or a const char*), or this one's when there is none.
  gc::logger::LoggerPtr WithFields(const gc::logger::Fields& fields) override {
    std::string kind = kind_;
    if (auto it = fields.find("kind"); it != fields.end()) {
      if (const auto* s = std::any_cast<std::string>(&it->second)) kind = *s;
      if (const auto* p = std::any_cast<const char*>(&it->second)) kind = *p;
    }
    return std::make_shared<LineLogger>(std::move(kind), level_);
  }

  void Trace(const gc::fmt::Args& a) override { Write(gc::logger::TraceLevel, gc::fmt::Sprint(a)); }
  void Tracef(std::string_view f, const gc::fmt::Args& a) override {
    Write(gc::logger::TraceLevel, gc::fmt::Sprintf(f, a));
  }
  void Debug(const gc::fmt::Args& a) override { Write(gc::logger::DebugLevel, gc::fmt::Sprint(a)); }
  void Debugf(std::string_view f, const gc::fmt::Args& a) override {
    Write(gc::logger::DebugLevel, gc::fmt::Sprintf(f, a));
  }
  void Info(const gc::fmt::Args& a) override { Write(gc::logger::InfoLevel, gc::fmt::Sprint(a)); }
  void Infof(std::string_view f, const gc::fmt::Args& a) override {
    Write(gc::logger::InfoLevel, gc::fmt::Sprintf(f, a));
  }
  void Warn(const gc::fmt::Args& a) override { Write(gc::logger::WarnLevel, gc::fmt::Sprint(a)); }
  void Warnf(std::string_view f, const gc::fmt::Args& a) override {
    Write(gc::logger::WarnLevel, gc::fmt::Sprintf(f, a));
  }
  void Error(const gc::fmt::Args& a) override { Write(gc::logger::ErrorLevel, gc::fmt::Sprint(a)); }
  void Errorf(std::string_view f, const gc::fmt::Args& a) override {
    Write(gc::logger::ErrorLevel, gc::fmt::Sprintf(f, a));
  }
  // Fatal only logs: an example never ends the process from a logger.
  void Fatal(const gc::fmt::Args& a) override { Write(gc::logger::FatalLevel, gc::fmt::Sprint(a)); }
  void Fatalf(std::string_view f, const gc::fmt::Args& a) override {
    Write(gc::logger::FatalLevel, gc::fmt::Sprintf(f, a));
  }

  [[nodiscard]] gc::logger::LogLevel GetLevel() const override { return level_; }
  [[nodiscard]] bool IsLevelEnabled(const gc::logger::LogLevel& level) const override {
    return Rank(level) >= Rank(level_);
  }

 private:
  static int Rank(const gc::logger::LogLevel& level) {
    if (level == gc::logger::TraceLevel) return 0;
    if (level == gc::logger::DebugLevel) return 1;
    if (level == gc::logger::InfoLevel) return 2;
    if (level == gc::logger::WarnLevel) return 3;
    if (level == gc::logger::ErrorLevel) return 4;
    if (level == gc::logger::FatalLevel) return 5;
    return 6;  // any other name ("off") is above every level: nothing is written
  }

  void Write(const gc::logger::LogLevel& level, const std::string& text) const {
    if (!IsLevelEnabled(level)) return;
    Say(kind_.empty() ? text : kind_ + ": " + text);
  }

  std::string kind_;
  gc::logger::LogLevel level_;
};

/// A LineLogger printing "<kind>: ..." lines at `level` and above.
inline gc::logger::LoggerPtr NewLogger(std::string kind, gc::logger::LogLevel level = gc::logger::DebugLevel) {
  return std::make_shared<LineLogger>(std::move(kind), std::move(level));
}

/// A logger that writes nothing (for components given no logger).
inline gc::logger::LoggerPtr Nop() { return std::make_shared<LineLogger>("", "off"); }

/// `log` with its "kind" set to `kind`; Nop() when `log` is null.
inline gc::logger::LoggerPtr Kind(const gc::logger::LoggerPtr& log, const std::string& kind) {
  return log ? log->WithFields({{"kind", kind}}) : Nop();
}

}  // namespace example
