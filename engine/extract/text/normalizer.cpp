#include "extract/text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/errorcode.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstdint>

namespace kg::extract {
namespace {

// Decodes the code point at s[i] (valid UTF-8 assumed; a stray byte decodes
// as itself) and sets *len.
uint32_t decode(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > s.size()) n = 1;
  if (n == 1) {
    *len = 1;
    return c;
  }
  uint32_t cp = c & (0x3F >> (n - 1));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

bool isAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string nfkc(std::string_view text) {
  if (isAscii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(text);  // no ICU data: folding still applies
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  icu::StringByteSink<std::string> sink(&out);
  norm->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

// What a code point becomes: 0 = keep, 1 = drop, otherwise the ASCII replacement.
uint32_t foldOf(uint32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2035:
    case 0x02BC:
    case 0x02BB:
    case 0x02BE:
    case 0x02BF:
    case 0x00B4:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x2036:
    case 0x00AB:
    case 0x00BB:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
      return '-';
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
      return 1;
    default:
      if (cp >= 0x2000 && cp <= 0x200A) return ' ';
      return 0;
  }
}

enum class Script { kNone, kLatin, kArabic, kKana, kHan };

Script scriptOf(uint32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
    return Script::kLatin;
  if ((cp >= 0x0600 && cp <= 0x06FF && !(cp >= 0x0660 && cp <= 0x0669)) || (cp >= 0x0750 && cp <= 0x077F) ||
      (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
    return Script::kArabic;
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F))
    return Script::kKana;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return Script::kHan;
  return Script::kNone;
}

}  // namespace

std::string normalizeText(std::string_view text) {
  const std::string composed = nfkc(text);
  std::string_view s = composed;
  std::string out;
  out.reserve(s.size());
  bool pendingSpace = false;  // a space seen inside the current line
  int pendingNewlines = 0;    // line breaks seen since the last text
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    uint32_t cp = decode(s, i, &len);
    if (cp >= 0x80) {
      const uint32_t f = foldOf(cp);
      if (f == 1) {
        i += len;
        continue;
      }
      if (f != 0) cp = f;
    }
    if (cp == '\r') {
      // \r\n and a lone \r are both one line break.
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      cp = '\n';
    }
    if (cp == '\n') {
      ++pendingNewlines;
      pendingSpace = false;
      i += len;
      continue;
    }
    if (cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v') {
      pendingSpace = true;
      i += len;
      continue;
    }
    if (!out.empty()) {
      if (pendingNewlines >= 2)
        out += "\n\n";
      else if (pendingNewlines == 1)
        out += '\n';
      else if (pendingSpace)
        out += ' ';
    }
    pendingNewlines = 0;
    pendingSpace = false;
    if (cp < 0x80)
      out.push_back(static_cast<char>(cp));
    else
      out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string detectLanguage(std::string_view text) {
  size_t latin = 0, arabic = 0, kana = 0, han = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    const uint32_t cp = decode(text, i, &len);
    i += len;
    switch (scriptOf(cp)) {
      case Script::kLatin:
        ++latin;
        break;
      case Script::kArabic:
        ++arabic;
        break;
      case Script::kKana:
        ++kana;
        break;
      case Script::kHan:
        ++han;
        break;
      case Script::kNone:
        break;
    }
  }
  const size_t cjk = 2 * (kana + han);
  if (latin == 0 && arabic == 0 && cjk == 0) return "";
  if (cjk >= latin && cjk >= arabic) return kana > 0 ? "ja" : "zh";
  if (arabic >= latin) return "ar";
  return "en";
}

std::vector<LanguageSpan> languageSpans(std::string_view text) {
  std::vector<LanguageSpan> spans;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string lang = detectLanguage(text.substr(pos, end - pos));
    if (!spans.empty() && (lang.empty() || spans.back().language == lang)) {
      spans.back().end = end;
    } else if (spans.empty() && lang.empty()) {
      spans.push_back({pos, end, ""});
    } else if (!spans.empty() && spans.back().language.empty()) {
      spans.back().end = end;
      spans.back().language = lang;
    } else {
      spans.push_back({pos, end, lang});
    }
    pos = end + 2;
  }
  return spans;
}

}  // namespace kg::extract
