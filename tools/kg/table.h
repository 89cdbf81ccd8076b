// Text tables for people: columns measured in terminal cells, not bytes.
// East Asian wide and fullwidth characters take two cells, combining marks
// (Arabic harakat, accents) none; a cell is cut only between grapheme
// clusters and then ends in "…", so output stays valid UTF-8 and aligned
// (ICU's grapheme break iterator and East Asian Width property; ICU is
// linked privately to this file's library, kg_cli_table).
// Safe from any thread (each thread keeps its own break iterator).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

// The marker a cut cell ends with (one cell wide).
inline constexpr std::string_view kCutMarker = "\xE2\x80\xA6";  // U+2026 …

// `text` made printable in one table cell: invalid UTF-8 becomes U+FFFD,
// control characters (newline, tab, ...) a space.
std::string printable(std::string_view text);
// Terminal cells `text` takes (after printable()).
size_t displayWidth(std::string_view text);
// `text` (after printable()) in at most `width` cells: unchanged when it
// fits, else cut on a grapheme boundary and ended with kCutMarker.
std::string fitWidth(std::string_view text, size_t width);
// fitWidth(text, width) padded with spaces to exactly `width` cells.
std::string padRight(std::string_view text, size_t width);
// As padRight, with the spaces before the text (numbers).
std::string padLeft(std::string_view text, size_t width);

// Rows of cells printed under a header, each column as wide as its widest
// cell up to the column's maximum, two spaces apart; the last column is
// not padded. Not thread-safe.
class Table {
 public:
  struct Column {
    std::string header;
    size_t maxWidth = 40;        // cells; longer values are cut with "…"
    bool alignRight = false;     // numbers
  };
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // `cells` has one value per column (missing ones are empty).
  void addRow(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }
  // Writes the header and the rows, `indent` spaces before each line.
  void print(std::ostream& out, size_t indent = 0) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;  // printable() cells
};

}  // namespace kg::cli
