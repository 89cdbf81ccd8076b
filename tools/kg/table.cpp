#include "tools/kg/table.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace kg::cli {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool plainAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

// Cells of one grapheme cluster: its first code point decides (a base
// letter with its combining marks is one letter on screen).
size_t clusterWidth(std::string_view cluster) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(cluster.data()), i, static_cast<int32_t>(cluster.size()), c);
  if (c < 0) return 1;
  const int8_t cat = u_charType(c);
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR || cat == U_CONTROL_CHAR)
    return 0;
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

// The grapheme clusters of valid UTF-8 `s`, as byte ranges, to `fn(begin, end)`;
// fn returns false to stop.
template <typename Fn>
void forEachCluster(std::string_view s, Fn&& fn) {
  struct Closer {
    void operator()(UBreakIterator* b) const { ubrk_close(b); }
  };
  thread_local std::unique_ptr<UBreakIterator, Closer> iter;
  UErrorCode st = U_ZERO_ERROR;
  if (!iter) iter.reset(ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &st));
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &st);
  if (U_FAILURE(st) || !iter) {
    // No ICU data: one code point per cluster.
    if (ut) utext_close(ut);
    int32_t i = 0;
    while (i < static_cast<int32_t>(s.size())) {
      const int32_t b = i;
      U8_FWD_1(s.data(), i, static_cast<int32_t>(s.size()));
      if (!fn(static_cast<size_t>(b), static_cast<size_t>(i))) return;
    }
    return;
  }
  ubrk_setUText(iter.get(), ut, &st);
  for (int32_t b = ubrk_first(iter.get()), e = ubrk_next(iter.get()); e != UBRK_DONE; b = e, e = ubrk_next(iter.get()))
    if (!fn(static_cast<size_t>(b), static_cast<size_t>(e))) break;
  utext_close(ut);
}

}  // namespace

std::string printable(std::string_view text) {
  if (plainAscii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out += kReplacement;
    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
      out.push_back(' ');
    } else {
      out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

size_t displayWidth(std::string_view text) {
  if (plainAscii(text)) return text.size();
  const std::string s = printable(text);
  size_t width = 0;
  forEachCluster(s, [&](size_t b, size_t e) {
    width += clusterWidth(std::string_view(s).substr(b, e - b));
    return true;
  });
  return width;
}

std::string fitWidth(std::string_view text, size_t width) {
  if (plainAscii(text)) {
    if (text.size() <= width) return std::string(text);
    if (width == 0) return "";
    return std::string(text.substr(0, width - 1)) + std::string(kCutMarker);
  }
  std::string s = printable(text);
  if (displayWidth(s) <= width) return s;
  if (width == 0) return "";
  size_t used = 0, cut = 0;
  forEachCluster(s, [&](size_t b, size_t e) {
    const size_t w = clusterWidth(std::string_view(s).substr(b, e - b));
    if (used + w > width - 1) return false;  // room for the marker
    used += w;
    cut = e;
    return true;
  });
  s.resize(cut);
  // A cut after a space reads as two words; keep the marker against the text.
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s + std::string(kCutMarker);
}

std::string padRight(std::string_view text, size_t width) {
  std::string s = fitWidth(text, width);
  const size_t w = displayWidth(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string padLeft(std::string_view text, size_t width) {
  std::string s = fitWidth(text, width);
  const size_t w = displayWidth(s);
  return w < width ? std::string(width - w, ' ') + s : s;
}

void Table::addRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (auto& c : cells) c = printable(c);
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out, size_t indent) const {
  std::vector<size_t> widths(columns_.size());
  for (size_t i = 0; i < columns_.size(); ++i) {
    size_t w = displayWidth(columns_[i].header);
    for (const auto& r : rows_) w = std::max(w, displayWidth(r[i]));
    widths[i] = std::min(w, std::max(columns_[i].maxWidth, displayWidth(columns_[i].header)));
  }
  auto line = [&](auto cellOf) {
    std::string s(indent, ' ');
    for (size_t i = 0; i < columns_.size(); ++i) {
      const std::string_view v = cellOf(i);
      if (i + 1 == columns_.size() && !columns_[i].alignRight) {
        s += fitWidth(v, widths[i]);
      } else {
        s += columns_[i].alignRight ? padLeft(v, widths[i]) : padRight(v, widths[i]);
        if (i + 1 < columns_.size()) s += "  ";
      }
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  line([&](size_t i) -> std::string_view { return columns_[i].header; });
  for (const auto& r : rows_) line([&](size_t i) -> std::string_view { return r[i]; });
}

}  // namespace kg::cli
