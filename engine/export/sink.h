// Sink: a buffered output file (or stdout) that export writers append to.
// Output goes to `PATH.partial-PID` and is renamed to PATH by close(), so a
// failed export leaves no half-written file behind. Not thread-safe.
#pragma once

#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kg::exports {

class Sink {
 public:
  // "" or "-" is stdout. IOError naming the path when it cannot be created.
  static Result<std::unique_ptr<Sink>> open(const std::string& path);
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink();  // without close(): removes the partial file

  void write(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlushBytes) flushBuffer();
  }
  Sink& operator<<(std::string_view s) {
    write(s);
    return *this;
  }
  Sink& operator<<(char c) {
    buf_.push_back(c);
    return *this;
  }
  Sink& operator<<(uint64_t v);
  // IOError when any write failed (a full disk), naming the path.
  Status close();
  const std::string& path() const { return path_; }

 private:
  Sink(std::string path, std::string partial, FILE* f) : path_(std::move(path)), partial_(std::move(partial)), f_(f) {}
  static constexpr size_t kFlushBytes = 1 << 20;
  void flushBuffer();
  std::string path_;     // "" for stdout
  std::string partial_;  // the file written until close()
  FILE* f_;
  std::string buf_;
  int errno_ = 0;  // first write error
};

// Text helpers shared by the writers. Each writes valid UTF-8 whatever its
// input: an invalid byte becomes U+FFFD (stored text should be UTF-8 already;
// this keeps one bad record from making a whole file unreadable).
// True when `s` is valid UTF-8.
bool isValidUtf8(std::string_view s);
// `s` with each byte that is no part of a valid UTF-8 sequence replaced by U+FFFD.
std::string sanitizeUtf8(std::string_view s);
// Escapes &<>"' and replaces control characters XML 1.0 forbids by a space.
void appendXmlEscaped(std::string* out, std::string_view s);
// RFC 4180 field: quoted (inner quotes doubled) when it holds , " CR or LF.
void appendCsvField(std::string* out, std::string_view s);
// Each of `values` as ',' and its RFC 4180 field: the columns after a row's first.
void appendCsvValues(std::string* out, std::span<const std::string> values);
// A JSON string literal (quotes included); invalid UTF-8 becomes U+FFFD.
void appendJsonString(std::string* out, std::string_view s);
// The shortest decimal that reads back as the same float ("0.95", "1").
std::string floatText(float v);

}  // namespace kg::exports
