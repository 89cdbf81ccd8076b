#include "extract/text/reader.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

#include <sys/stat.h>

#include "extract/dates/dates.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

void appendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the valid UTF-8 sequence at s[i], 0 when invalid (overlongs,
// surrogates and code points above U+10FFFF are invalid).
size_t validSeqLen(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else
    return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return n;
}

// A NUL byte, or many control bytes, in the first 8 KB: not text.
bool looksBinary(std::string_view bytes) {
  const size_t n = std::min<size_t>(bytes.size(), 8192);
  if (std::memchr(bytes.data(), 0, n) != nullptr) return true;
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
  }
  return n > 0 && control * 10 > n;  // more than 10% control bytes
}

bool allSpace(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; });
}

std::string lowerExt(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string e(name.substr(dot + 1));
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

enum class Format { kText, kHtml, kJsonLines };

Format detectFormat(std::string_view name, std::string_view bytes) {
  const std::string ext = lowerExt(name);
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonLines;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "txt" || ext == "text" || ext == "md") return Format::kText;
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  if (i < bytes.size() && bytes[i] == '{') return Format::kJsonLines;
  if (i < bytes.size() && bytes[i] == '<') {
    std::string head(bytes.substr(i, 1024));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head.find("<html") != std::string::npos || head.find("<!doctype") != std::string::npos ||
        head.find("<body") != std::string::npos || head.find("<p") != std::string::npos ||
        head.find("<div") != std::string::npos)
      return Format::kHtml;
  }
  return Format::kText;
}

std::string jsonString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// One JSON Lines record (line number `lineNo` of `name`); blank lines are skipped.
void readJsonRecord(std::string_view name, size_t lineNo, std::string_view line,
                    const std::function<void(RawDocument&&)>& sink, std::vector<ReadWarning>* warnings,
                    ReadStats* stats) {
  if (allSpace(line)) return;
  const std::string where = std::string(name) + ":" + std::to_string(lineNo);
  nlohmann::json obj = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded() || !obj.is_object()) {
    warnings->push_back({where, "malformed JSON line skipped (expected an object with a \"text\" field)"});
    return;
  }
  // Metadata must be strings: a number or an object is named, not silently dropped.
  for (const char* key : {"title", "url", "source", "date"}) {
    auto it = obj.find(key);
    if (it != obj.end() && !it->is_string() && !it->is_null())
      warnings->push_back({where, std::string("\"") + key + "\" is a " + it->type_name() +
                                      ", not a string; ignored" +
                                      (std::string(key) == "date" ? " (write \"YYYY-MM-DD\")" : "")});
  }
  RawDocument doc;
  doc.text = jsonString(obj, "text");
  if (doc.text.empty() || allSpace(doc.text)) {
    warnings->push_back({where, "JSON record without a \"text\" string skipped"});
    return;
  }
  doc.title = jsonString(obj, "title");
  doc.url = jsonString(obj, "url");
  doc.source = jsonString(obj, "source");
  if (doc.source.empty()) doc.source = std::string(name);
  doc.path = where;
  const std::string date = jsonString(obj, "date");
  if (!date.empty()) {
    if (auto d = parseDate(date)) {
      doc.date = *d;
    } else {
      warnings->push_back({where, "unreadable date '" + date + "' ignored"});
    }
  }
  ++stats->documents;
  sink(std::move(doc));
}

void readJsonLines(std::string_view name, std::string_view bytes, const std::function<void(RawDocument&&)>& sink,
                   std::vector<ReadWarning>* warnings, ReadStats* stats) {
  size_t pos = 0;
  size_t lineNo = 0;
  while (pos < bytes.size()) {
    const void* nl = std::memchr(bytes.data() + pos, '\n', bytes.size() - pos);
    const size_t end = nl ? static_cast<const char*>(nl) - bytes.data() : bytes.size();
    readJsonRecord(name, ++lineNo, bytes.substr(pos, end - pos), sink, warnings, stats);
    pos = end + 1;
  }
}

// Large JSON Lines files are read a line at a time, so that memory is bounded
// by the longest record rather than by the file.
constexpr uintmax_t kStreamJsonLinesAbove = 16u << 20;

void streamJsonLines(const std::string& path, std::ifstream& in, const std::function<void(RawDocument&&)>& sink,
                     std::vector<ReadWarning>* warnings, ReadStats* stats) {
  ++stats->files;
  std::string head(8192, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (looksBinary(head)) {
    warnings->push_back({path, "binary file skipped (not text, HTML or JSON Lines)"});
    return;
  }
  in.clear();
  in.seekg(0);
  std::string line;
  size_t lineNo = 0, repaired = 0;
  const size_t docsBefore = stats->documents;
  const size_t warningsBefore = warnings->size();
  while (std::getline(in, line)) {
    stats->bytes += line.size() + 1;
    repaired += repairUtf8(&line);
    if (lineNo == 0 && line.substr(0, 3) == "\xEF\xBB\xBF") line.erase(0, 3);
    readJsonRecord(path, ++lineNo, line, sink, warnings, stats);
  }
  if (repaired > 0)
    warnings->push_back({path, std::to_string(repaired) + " invalid UTF-8 sequence(s) replaced by U+FFFD"});
  if (stats->documents == docsBefore && warnings->size() == warningsBefore)
    warnings->push_back({path, "empty file skipped"});
}

// An input read whole (text, HTML, small JSON Lines; a device or a pipe) may
// hold at most this much: a page is kilobytes, a day of a feed megabytes.
// Larger JSON Lines files are streamed instead.
constexpr size_t kMaxWholeInputBytes = size_t{256} << 20;

// Reads `in` to its end into `bytes`, at most kMaxWholeInputBytes; false
// when there was more.
bool readCapped(std::istream& in, std::string* bytes) {
  constexpr size_t kChunk = 1u << 20;
  bytes->clear();
  while (in) {
    const size_t at = bytes->size();
    if (at > kMaxWholeInputBytes) return false;
    bytes->resize(at + kChunk);
    in.read(bytes->data() + at, static_cast<std::streamsize>(kChunk));
    bytes->resize(at + static_cast<size_t>(in.gcount()));
  }
  return bytes->size() <= kMaxWholeInputBytes;
}

std::string tooLarge() {
  return "larger than " + std::to_string(kMaxWholeInputBytes >> 20) +
         " MiB; skipped (split it, or give it as JSON Lines, which is streamed)";
}

void readFile(const std::string& path, const std::function<void(RawDocument&&)>& sink,
              std::vector<ReadWarning>* warnings, ReadStats* stats) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    warnings->push_back({path, "cannot be opened: " + std::string(std::strerror(errno))});
    return;
  }
  std::string bytes;
  std::error_code ec;
  const bool regular = fs::is_regular_file(path, ec);
  const auto size = regular ? fs::file_size(path, ec) : 0;
  const std::string ext = lowerExt(path);
  if (regular && !ec && size > kStreamJsonLinesAbove && (ext == "jsonl" || ext == "ndjson")) {
    streamJsonLines(path, in, sink, warnings, stats);
    return;
  }
  if (regular && !ec && size > kMaxWholeInputBytes) {
    ++stats->files;
    warnings->push_back({path, tooLarge()});
    return;
  }
  if (!readCapped(in, &bytes)) {
    ++stats->files;
    warnings->push_back({path, tooLarge()});
    return;
  }
  readBuffer(path, std::move(bytes), sink, warnings, stats);
}

// Files and directories already read in this run, by device and inode: a
// link back to a parent ("ln -s . loop") or a second path to the same file
// is read once.
using Seen = std::set<std::pair<uintmax_t, uintmax_t>>;

void walk(const std::string& path, const std::function<void(RawDocument&&)>& sink, std::vector<ReadWarning>* warnings,
          ReadStats* stats, Seen* seen) {
  struct stat st;  // one stat: existence, kind, and identity for `seen`
  if (::stat(path.c_str(), &st) != 0) {
    warnings->push_back({path, "no such file or directory"});
    return;
  }
  const bool directory = S_ISDIR(st.st_mode);
  if (!seen->emplace(static_cast<uintmax_t>(st.st_dev), static_cast<uintmax_t>(st.st_ino)).second) {
    if (directory) warnings->push_back({path, "already read by another path (a link loop?); skipped"});
    return;
  }
  if (directory) {
    std::error_code ec;
    std::vector<std::string> children;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string leaf = it->path().filename().string();
      if (!leaf.empty() && leaf[0] == '.') continue;
      children.push_back(it->path().string());
    }
    if (ec) warnings->push_back({path, "cannot list directory: " + ec.message()});
    std::sort(children.begin(), children.end());
    for (const std::string& child : children) walk(child, sink, warnings, stats, seen);
    return;
  }
  readFile(path, sink, warnings, stats);
}

// Named entities seen in news pages; anything else is kept as written.
uint32_t namedEntity(std::string_view name) {
  static const std::pair<const char*, uint32_t> kEntities[] = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
      {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
      {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"sbquo", 0x201A}, {"bdquo", 0x201E}, {"hellip", 0x2026},
      {"laquo", 0xAB},   {"raquo", 0xBB},   {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},
      {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},  {"agrave", 0xE0},  {"iacute", 0xED},
      {"oacute", 0xF3},  {"uacute", 0xFA},  {"ccedil", 0xE7},  {"ntilde", 0xF1},  {"uuml", 0xFC},
      {"ouml", 0xF6},    {"auml", 0xE4},    {"bull", 0x2022},  {"middot", 0xB7},  {"shy", 0xAD},
      {"zwnj", 0x200C},  {"zwj", 0x200D},   {"lrm", 0x200E},   {"rlm", 0x200F},   {"thinsp", 0x2009},
      {"ensp", 0x2002},  {"emsp", 0x2003},  {"deg", 0xB0},     {"times", 0xD7},   {"euro", 0x20AC},
      {"pound", 0xA3},   {"prime", 0x2032}, {"Prime", 0x2033},
  };
  for (const auto& [n, cp] : kEntities)
    if (name == n) return cp;
  return 0;
}

// Decodes the entity starting at s[i] == '&'; returns the bytes consumed (0: not an entity).
size_t decodeEntity(std::string_view s, size_t i, std::string* out) {
  const size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  uint32_t cp = 0;
  if (!body.empty() && body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  } else {
    cp = namedEntity(body);
    if (cp == 0) return 0;
  }
  appendUtf8(out, cp);
  return semi - i + 1;
}

bool iequalsPrefix(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
  return true;
}

}  // namespace

size_t repairUtf8(std::string* text) {
  std::string_view s = *text;
  size_t i = 0;
  // Fast path: scan until the first invalid byte.
  while (i < s.size()) {
    const size_t n = validSeqLen(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return 0;
  std::string out(s.substr(0, i));
  out.reserve(s.size() + 16);
  size_t replaced = 0;
  while (i < s.size()) {
    const size_t n = validSeqLen(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
      ++i;
      // One replacement per maximal invalid run of continuation bytes.
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  *text = std::move(out);
  return replaced;
}

std::string htmlToText(std::string_view html, std::string* title) {
  static const char* const kBlockTags[] = {
      "p",          "div", "br",  "h1", "h2", "h3",         "h4",      "h5",      "h6",     "li",
      "tr",         "td",  "th",  "ul", "ol", "table",      "article", "section", "header", "footer",
      "blockquote", "hr",  "pre", "dd", "dt", "figcaption", "main",    "nav",     "aside"};
  static const char* const kParagraphTags[] = {"p",  "h1",      "h2",      "h3",         "h4",    "h5",
                                               "h6", "article", "section", "blockquote", "hr",    "table",
                                               "ul", "ol",      "pre",     "header",     "footer"};
  static const char* const kSkipTags[] = {"script", "style", "noscript", "template", "svg", "iframe", "head"};
  std::string out;
  out.reserve(html.size() / 2);
  std::string titleText;
  bool inTitle = false;
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    const bool tagStart =
        c == '<' && i + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' || html[i + 1] == '!');
    if (tagStart) {
      if (html.substr(i, 4) == "<!--") {
        const size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const size_t close = html.find('>', i + 1);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, close - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t nameEnd = 0;
      while (nameEnd < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[nameEnd])) || tag[nameEnd] == '-'))
        ++nameEnd;
      std::string name(tag.substr(0, nameEnd));
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      i = close + 1;
      if (name == "title") {
        inTitle = !closing;
        continue;
      }
      if (!closing && std::find_if(std::begin(kSkipTags), std::end(kSkipTags),
                                   [&](const char* t) { return name == t; }) != std::end(kSkipTags)) {
        // Skip to the matching close tag; <head> keeps its <title>.
        if (name == "head") continue;
        const std::string end = "</" + name;
        size_t j = i;
        while (j < html.size() && !iequalsPrefix(html, j, end)) {
          const void* lt = std::memchr(html.data() + j + 1, '<', html.size() - j - 1);
          j = lt ? static_cast<const char*>(lt) - html.data() : html.size();
        }
        const size_t gt = html.find('>', j);
        i = gt == std::string_view::npos ? html.size() : gt + 1;
        continue;
      }
      const bool para = std::find_if(std::begin(kParagraphTags), std::end(kParagraphTags),
                                     [&](const char* t) { return name == t; }) != std::end(kParagraphTags);
      const bool block = para || std::find_if(std::begin(kBlockTags), std::end(kBlockTags),
                                              [&](const char* t) { return name == t; }) != std::end(kBlockTags);
      if (para)
        out += "\n\n";
      else if (block)
        out += '\n';
      continue;
    }
    std::string& dst = inTitle ? titleText : out;
    if (c == '&') {
      if (size_t n = decodeEntity(html, i, &dst)) {
        i += n;
        continue;
      }
    }
    // HTML collapses source whitespace; line structure comes from the tags.
    if (c == '\n' || c == '\r' || c == '\t') {
      dst += ' ';
    } else {
      dst += c;
    }
    ++i;
  }
  if (title != nullptr) {
    // Trim and collapse the title's whitespace.
    std::string t;
    for (char ch : titleText) {
      if (ch == ' ' && (t.empty() || t.back() == ' ')) continue;
      t += ch;
    }
    while (!t.empty() && t.back() == ' ') t.pop_back();
    *title = t;
  }
  return out;
}

void readBuffer(std::string_view name, std::string bytes, const std::function<void(RawDocument&&)>& sink,
                std::vector<ReadWarning>* warnings, ReadStats* stats) {
  ++stats->files;
  stats->bytes += bytes.size();
  const std::string where(name);
  if (bytes.empty() || allSpace(bytes)) {
    warnings->push_back({where, "empty file skipped"});
    return;
  }
  if (looksBinary(bytes)) {
    warnings->push_back({where, "binary file skipped (not text, HTML or JSON Lines)"});
    return;
  }
  if (const size_t bad = repairUtf8(&bytes)) {
    warnings->push_back({where, std::to_string(bad) + " invalid UTF-8 sequence(s) replaced by U+FFFD"});
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.erase(0, 3);
  const Format format = detectFormat(name, bytes);
  if (format == Format::kJsonLines) {
    readJsonLines(name, bytes, sink, warnings, stats);
    return;
  }
  RawDocument doc;
  doc.source = where;
  doc.path = where;
  if (format == Format::kHtml) {
    doc.text = htmlToText(bytes, &doc.title);
    if (allSpace(doc.text)) {
      warnings->push_back({where, "HTML page without text skipped"});
      return;
    }
  } else {
    doc.text = std::move(bytes);
  }
  ++stats->documents;
  sink(std::move(doc));
}

ReadStats readInputs(const std::vector<std::string>& paths, const std::function<void(RawDocument&&)>& sink,
                     std::vector<ReadWarning>* warnings) {
  ReadStats stats;
  Seen seen;
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string bytes;
      if (!readCapped(std::cin, &bytes)) {
        warnings->push_back({"<stdin>", tooLarge()});
        continue;
      }
      readBuffer("<stdin>", std::move(bytes), sink, warnings, &stats);
      continue;
    }
    walk(path, sink, warnings, &stats, &seen);
  }
  return stats;
}

}  // namespace kg::extract
