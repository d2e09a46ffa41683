// gost::x::recorder: go-gost/x's file recorder, which appends each record to
// a file, followed by a separator when one is set.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>

#include <gost/core/go/errors.hpp>
#include <gost/core/go/result.hpp>
#include <gost/core/recorder/recorder.hpp>

namespace gost::x::recorder {

namespace core = gost::core;

/// Appends records to one file, each followed by `sep` (GOST's `sep`, "\n" in
/// its examples), and flushes after each so a reader sees whole records.
/// Calls from several threads are serialised.
class FileRecorder final : public core::recorder::Recorder {
 public:
  /// Opens (creating or appending to) `path`; the error names the file.
  static core::Result<std::shared_ptr<FileRecorder>> Open(const std::string& path, std::string sep = "\n") {
    std::FILE* f = std::fopen(path.c_str(), "ab");
    if (f == nullptr) {
      return core::errors::Wrap(core::Error(std::error_code(errno, std::generic_category())), "open " + path);
    }
    return std::shared_ptr<FileRecorder>(new FileRecorder(f, std::move(sep)));
  }

  FileRecorder(const FileRecorder&) = delete;
  FileRecorder& operator=(const FileRecorder&) = delete;
  ~FileRecorder() override { std::fclose(f_); }

  core::Error Record(const core::context::Context&, core::ByteView b,
                     core::Variadic<core::recorder::RecordOption> = {}) override {
    std::lock_guard lock(mu_);
    if ((!b.empty() && std::fwrite(b.data(), 1, b.size(), f_) != b.size()) ||
        (!sep_.empty() && std::fwrite(sep_.data(), 1, sep_.size(), f_) != sep_.size()) || std::fflush(f_) != 0) {
      return core::errors::New("recorder: write failed");
    }
    return {};
  }

 private:
  FileRecorder(std::FILE* f, std::string sep) : f_(f), sep_(std::move(sep)) {}

  std::mutex mu_;
  std::FILE* f_;  // guarded by mu_
  std::string sep_;
};

}  // namespace gost::x::recorder
