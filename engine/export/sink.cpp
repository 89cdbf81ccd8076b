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

namespace {

// Length of the valid UTF-8 sequence at s[i], 0 when invalid.
size_t utf8Length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n;
  uint32_t cp;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) n = 2, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0) n = 3, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0) n = 4, cp = c & 0x07;
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

}  // namespace

bool isValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8Length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string sanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8Length(s, i);
    if (n == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

void appendXmlEscaped(std::string* out, std::string_view text) {
  std::string fixed;
  std::string_view s = text;
  if (!isValidUtf8(s)) s = fixed = sanitizeUtf8(text);
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

void appendCsvField(std::string* out, std::string_view text) {
  std::string fixed;
  std::string_view s = text;
  if (!isValidUtf8(s)) s = fixed = sanitizeUtf8(text);
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

void appendCsvValues(std::string* out, std::span<const std::string> values) {
  for (const auto& v : values) {
    out->push_back(',');
    appendCsvField(out, v);
  }
}

void appendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = utf8Length(s, i);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");
        ++i;
      } else {
        out->append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20) {
          char tmp[8];
          std::snprintf(tmp, sizeof tmp, "\\u%04x", c);
          out->append(tmp);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
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
