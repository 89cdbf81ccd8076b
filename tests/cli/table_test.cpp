// tools/kg/table.h: widths in terminal cells, cuts on character boundaries.
#include "tools/kg/table.h"

#include <catch2/catch.hpp>

#include <sstream>

using kg::cli::displayWidth;
using kg::cli::fitWidth;
using kg::cli::padRight;
using kg::cli::printable;
using kg::cli::Table;

namespace {

// Every byte sequence is well-formed UTF-8 (no overlong forms, no surrogates).
bool validUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (n == 2 && c < 0xC2) return false;
    if (n == 3 && c == 0xE0 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
    if (n == 3 && c == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("displayWidth: wide East Asian characters take two cells, combining marks none", "[cli][table]") {
  CHECK(displayWidth("Iraq") == 4);
  CHECK(displayWidth("日本") == 4);                       // Han: wide
  CHECK(displayWidth("イラク") == 6);                     // Katakana: wide
  CHECK(displayWidth("ｲﾗｸ") == 3);                        // halfwidth Katakana: narrow
  CHECK(displayWidth("كتائب حزب الله") == 14);            // Arabic letters: one cell each
  CHECK(displayWidth("مُحَمَّد") == 4);                      // harakat (combining marks) take none
  CHECK(displayWidth("e\xCC\x81") == 1);                  // e + COMBINING ACUTE ACCENT
  CHECK(displayWidth("") == 0);
}

TEST_CASE("fitWidth: cuts between characters, never inside one, and marks the cut", "[cli][table]") {
  CHECK(fitWidth("Iraq", 10) == "Iraq");
  CHECK(fitWidth("Kata'ib Hezbollah", 8) == "Kata'ib\xE2\x80\xA6");
  const std::string ja = "米軍が撤退を始めた";
  for (size_t w = 0; w <= 20; ++w) {
    INFO(w);
    const std::string cut = fitWidth(ja, w);
    CHECK(validUtf8(cut));
    CHECK(displayWidth(cut) <= w);
    if (w < displayWidth(ja) && w > 0) CHECK(cut.find("\xE2\x80\xA6") != std::string::npos);
  }
  CHECK(fitWidth(ja, 7) == "米軍が\xE2\x80\xA6");
  // A base letter keeps its combining mark: the cut falls after the cluster.
  CHECK(fitWidth("e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2) == "e\xCC\x81\xE2\x80\xA6");
  const std::string ar = "مُحَمَّد بن سلمان آل سعود";
  for (size_t w = 1; w <= 30; ++w) {
    const std::string cut = fitWidth(ar, w);
    CHECK(validUtf8(cut));
    CHECK(displayWidth(cut) <= w);
  }
  CHECK(displayWidth(padRight("日本", 7)) == 7);
}

TEST_CASE("printable: invalid UTF-8 becomes U+FFFD and control characters a space", "[cli][table]") {
  CHECK(printable("a\nb\tc") == "a b c");
  CHECK(printable("x\xFFy") == "x\xEF\xBF\xBDy");
  CHECK(printable("\xE6\x92\xA4\xE9\x80\x80\xE3\x82") == "撤退\xEF\xBF\xBD");  // a character cut in half
  CHECK(validUtf8(printable("\xC0\x80\xED\xA0\x80")));
}

TEST_CASE("Table: columns line up in terminal cells whatever the script", "[cli][table]") {
  Table t({{"NAME", 12}, {"KIND", 8}, {"NOTE", 20}});
  t.addRow({"Iraq", "state", "plain"});
  t.addRow({"イラク・イスラム共和国軍", "armed", "wide, cut"});
  t.addRow({"كتائب حزب الله", "armed", "مُحَمَّد"});
  std::ostringstream out;
  t.print(out);
  std::istringstream lines(out.str());
  std::string line;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(validUtf8(line));
    // NAME is 12 cells, two spaces, then KIND at cell 14 on every line.
    const std::string name = line.substr(0, line.find("  "));
    size_t cells = 0, i = 0;
    std::string prefix;
    while (cells < 14 && i < line.size()) {
      size_t n = 1;
      while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
      prefix += line.substr(i, n);
      i += n;
      cells = displayWidth(prefix);
    }
    CHECK(cells == 14);
    CHECK(line.substr(i, 5).find_first_not_of(' ') == 0);  // a KIND value starts exactly there
  }
  CHECK(out.str().find("イラク・イ\xE2\x80\xA6 ") != std::string::npos);  // 10 cells + marker + pad
}
