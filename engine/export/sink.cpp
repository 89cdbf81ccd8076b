#include "export/sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace kg::exports {

Result<std::unique_ptr<Sink>> Sink::open(const std::string& path) {
  if (path.empty() || path == "-") return std::unique_ptr<Sink>(new Sink("", "", stdout));
  const std::string partial = path + ".partial-" + std::to_string(::getpid());
  FILE* f = std::fopen(partial.c_str(), "wb");
  if (!f) return Status::ioError("cannot write '" + path + "': " + std::strerror(errno));
  return std::unique_ptr<Sink>(new Sink(path, partial, f));
}

Sink::~Sink() {
  if (f_ && f_ != stdout) {
    std::fclose(f_);
    std::remove(partial_.c_str());
  }
}

Sink& Sink::operator<<(uint64_t v) {
  char tmp[24];
  int n = std::snprintf(tmp, sizeof tmp, "%llu", static_cast<unsigned long long>(v));
  buf_.append(tmp, static_cast<size_t>(n));
  return *this;
}

void Sink::flushBuffer() {
  if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size() && !errno_) errno_ = errno ? errno : EIO;
  buf_.clear();
}

Status Sink::close() {
  flushBuffer();
  if (std::fflush(f_) != 0 && !errno_) errno_ = errno ? errno : EIO;
  const std::string shown = path_.empty() ? "standard output" : "'" + path_ + "'";
  if (f_ == stdout) {
    f_ = nullptr;
    if (errno_) return Status::ioError("cannot write " + shown + ": " + std::strerror(errno_));
    return Status::ok();
  }
  if (std::fclose(f_) != 0 && !errno_) errno_ = errno ? errno : EIO;
  f_ = nullptr;
  if (!errno_ && std::rename(partial_.c_str(), path_.c_str()) != 0) errno_ = errno;
  if (errno_) {
    std::remove(partial_.c_str());
    return Status::ioError("cannot write " + shown + ": " + std::strerror(errno_));
  }
  return Status::ok();
}

void appendXmlEscaped(std::string* out, std::string_view s) {
  for (unsigned char c : s) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&apos;"); break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out->push_back(' ');
        else out->push_back(static_cast<char>(c));
    }
  }
}

void appendCsvField(std::string* out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string floatText(float v) {
  char tmp[32];
  for (int precision = 1; precision <= 9; ++precision) {
    std::snprintf(tmp, sizeof tmp, "%.*g", precision, static_cast<double>(v));
    if (std::strtof(tmp, nullptr) == v) break;
  }
  return tmp;
}

}  // namespace kg::exports
