// gost::x reference: a logger::Logger that writes lines, after go-gost/x
// (logger/logger.go, which wraps logrus).
//
// Every reference piece (router, chain, hops, routes) and every example
// component reports what it does through logger::Logger, as go-gost/x's do.
// One class serves both ways the examples print:
//  * Format::Line, for the narrating in-memory examples: "<kind>: <text>" on
//    stdout, so that the output reads as the path a connection takes
//    ("router: ...", "hop 1: ...");
//  * Format::Text, for programs such as mini_gost: "<time> <level> <text>
//    k=v ..." on stderr, every field shown.
// Messages below the logger's level are dropped; Fatal logs and never ends the
// process (the caller decides). Lines from different threads never mix.
#pragma once

#include <any>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include <gost/core/go/errors.hpp>
#include <gost/core/go/fmt.hpp>
#include <gost/core/go/time.hpp>
#include <gost/core/logger/logger.hpp>

namespace gost::x {

namespace gc = gost::core;

namespace detail {

// The lock every line is written under.
inline std::mutex& OutputMutex() {
  static std::mutex mu;
  return mu;
}

// Writes `line` and a newline to `out` in one piece.
inline void WriteLine(std::FILE* out, std::string line) {
  line += '\n';
  std::lock_guard lock(OutputMutex());
  std::fwrite(line.data(), 1, line.size(), out);
  std::fflush(out);
}

}  // namespace detail

/// Prints one line on stdout.
inline void Say(std::string_view line) { detail::WriteLine(stdout, std::string(line)); }

/// Where 0 is trace and 5 fatal; any other name ("off") is above them all,
/// so a logger at that level writes nothing.
inline int LevelRank(std::string_view level) {
  if (level == gc::logger::TraceLevel) return 0;
  if (level == gc::logger::DebugLevel) return 1;
  if (level == gc::logger::InfoLevel) return 2;
  if (level == gc::logger::WarnLevel) return 3;
  if (level == gc::logger::ErrorLevel) return 4;
  if (level == gc::logger::FatalLevel) return 5;
  return 6;
}

/// A field value as text: strings, integers, booleans, Errors and durations.
inline std::string RenderAny(const std::any& v) {
  if (const auto* s = std::any_cast<std::string>(&v)) return *s;
  if (const auto* p = std::any_cast<const char*>(&v)) return *p != nullptr ? *p : "";
  if (const auto* i = std::any_cast<int>(&v)) return std::to_string(*i);
  if (const auto* l = std::any_cast<long>(&v)) return std::to_string(*l);
  if (const auto* ll = std::any_cast<long long>(&v)) return std::to_string(*ll);
  if (const auto* u = std::any_cast<unsigned long>(&v)) return std::to_string(*u);
  if (const auto* b = std::any_cast<bool>(&v)) return *b ? "true" : "false";
  if (const auto* e = std::any_cast<gc::Error>(&v)) return e->Message();
  if (const auto* d = std::any_cast<gc::Duration>(&v)) {
    return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(*d).count()) + "ms";
  }
  return v.has_value() ? "?" : "<nil>";
}

/// How a Logger lays out its lines (see the top of this file).
enum class Format { Line, Text };

/// Writes each message as one line. Thread-safe.
class Logger final : public gc::logger::Logger {
 public:
  explicit Logger(gc::logger::LogLevel level = gc::logger::InfoLevel, Format format = Format::Line,
                  gc::logger::Fields fields = {})
      : level_(std::move(level)), rank_(LevelRank(level_)), format_(format), fields_(std::move(fields)) {}

  /// A logger with the same level and format and these fields added (a
  /// field already present takes the new value).
  gc::logger::LoggerPtr WithFields(const gc::logger::Fields& fields) override {
    auto merged = fields_;
    for (const auto& [k, v] : fields) merged[k] = v;
    return std::make_shared<Logger>(level_, format_, std::move(merged));
  }

  void Trace(const gc::fmt::Args& a) override { Write(0, gc::fmt::Sprint(a)); }
  void Tracef(std::string_view f, const gc::fmt::Args& a) override { Writef(0, f, a); }
  void Debug(const gc::fmt::Args& a) override { Write(1, gc::fmt::Sprint(a)); }
  void Debugf(std::string_view f, const gc::fmt::Args& a) override { Writef(1, f, a); }
  void Info(const gc::fmt::Args& a) override { Write(2, gc::fmt::Sprint(a)); }
  void Infof(std::string_view f, const gc::fmt::Args& a) override { Writef(2, f, a); }
  void Warn(const gc::fmt::Args& a) override { Write(3, gc::fmt::Sprint(a)); }
  void Warnf(std::string_view f, const gc::fmt::Args& a) override { Writef(3, f, a); }
  void Error(const gc::fmt::Args& a) override { Write(4, gc::fmt::Sprint(a)); }
  void Errorf(std::string_view f, const gc::fmt::Args& a) override { Writef(4, f, a); }
  void Fatal(const gc::fmt::Args& a) override { Write(5, gc::fmt::Sprint(a)); }
  void Fatalf(std::string_view f, const gc::fmt::Args& a) override { Writef(5, f, a); }

  [[nodiscard]] gc::logger::LogLevel GetLevel() const override { return level_; }
  [[nodiscard]] bool IsLevelEnabled(const gc::logger::LogLevel& level) const override {
    return LevelRank(level) >= rank_;
  }

 private:
  void Writef(int rank, std::string_view format, const gc::fmt::Args& a) const {
    if (rank >= rank_) Write(rank, gc::fmt::Sprintf(format, a));
  }

  void Write(int rank, const std::string& text) const {
    if (rank < rank_) return;
    if (format_ == Format::Line) {
      const auto kind = fields_.find("kind");
      const std::string prefix = kind == fields_.end() ? std::string() : RenderAny(kind->second);
      detail::WriteLine(stdout, prefix.empty() ? text : prefix + ": " + text);
      return;
    }
    static constexpr const char* kNames[] = {"trace", "debug", "info", "warn", "error", "fatal"};
    std::string line = Stamp() + " " + kNames[rank] + " " + text;
    for (const auto& [k, v] : fields_) line += " " + k + "=" + RenderAny(v);
    detail::WriteLine(stderr, std::move(line));
  }

  // "HH:MM:SS.mmm", UTC.
  static std::string Stamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t secs = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    ::gmtime_r(&secs, &tm);
    char stamp[16];  // NOLINT(*-avoid-c-arrays): snprintf's buffer
    std::snprintf(stamp, sizeof stamp, "%02d:%02d:%02d.%03d", tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return stamp;
  }

  gc::logger::LogLevel level_;
  int rank_;
  Format format_;
  gc::logger::Fields fields_;
};

/// A Format::Line logger whose lines start "<kind>: ", at `level` and above.
inline gc::logger::LoggerPtr NewLogger(std::string kind, gc::logger::LogLevel level = gc::logger::DebugLevel) {
  return std::make_shared<Logger>(std::move(level), Format::Line, gc::logger::Fields{{"kind", std::move(kind)}});
}

/// The logger that writes nothing (for components given no logger).
inline gc::logger::LoggerPtr Nop() {
  static const gc::logger::LoggerPtr nop = std::make_shared<Logger>("off");
  return nop;
}

/// `log` with its "kind" field set to `kind`; Nop() when `log` is null, and
/// `log` itself when it writes nothing at any level.
inline gc::logger::LoggerPtr Kind(const gc::logger::LoggerPtr& log, const std::string& kind) {
  if (!log) return Nop();
  if (!log->IsLevelEnabled(gc::logger::FatalLevel)) return log;
  return log->WithFields({{"kind", kind}});
}

/// logger::Default(), or Nop() while none is set (go-gost/x components fall
/// back to the default logger).
inline gc::logger::LoggerPtr DefaultLogger() {
  auto log = gc::logger::Default();
  return log ? log : Nop();
}

}  // namespace gost::x
