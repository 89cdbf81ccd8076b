// Held-out scoring: reads the held-out paragraphs (tests/extract/heldout/*.txt,
// format in README.md there), runs an Extractor over each one through the
// ingest front half (toArticles: normalise, segment, split sentences) and
// compares the edges it reads from the text with the expected events.
//
// Shared by bench/heldout_eval.cpp (the report) and
// tests/extract/heldout_test.cpp (the floors). Pure functions over their
// arguments; safe from several threads when the Extractor is.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "extract/extractor.h"
#include "model/edge.h"

namespace kg::extract::heldout {

// One `=` or `=!` line. Each field may list alternatives separated by ';'.
struct ExpectedEvent {
  std::vector<std::string> src;
  std::vector<EdgeType> types;
  std::vector<std::string> dst;
  Date date;             // unknown for '-': the paragraph date is expected
  bool future = false;   // planned or hypothetical: must not be coded as happened
  bool negated = false;  // must not be coded at all
  bool mustNot = false;  // a `=!` line
  int line = 0;          // 1-based line in the file
};

// One paragraph: `# doc: ID date: YYYY-MM-DD` and the lines under it.
struct HeldoutDoc {
  std::string file;  // the path it was read from
  int line = 0;      // line of its header
  std::string id;
  Date date;
  std::vector<std::string> sentences;
  std::vector<ExpectedEvent> events;
};

// Parses one held-out file. InvalidArgument "file:line: what is wrong" for a
// malformed header or event line, an unknown type or flag, a bad date, or an
// event line before any sentence; NotFound when the file cannot be read.
Result<std::vector<HeldoutDoc>> parseHeldoutFile(const std::string& path);

// The *.txt files of `dir`, sorted. NotFound when `dir` is not a directory.
Result<std::vector<std::string>> heldoutFiles(const std::string& dir);

struct Counts {
  size_t docs = 0;
  size_t sentences = 0;
  size_t expected = 0;          // `=` lines without flags
  size_t found = 0;             // of those, matched by a produced edge
  size_t produced = 0;          // distinct (src, type, dst) edges read from the text, per paragraph
  size_t correct = 0;           // of those, matching an unflagged `=` line
  size_t expectedEvents = 0;    // the same four, PLOVER types only
  size_t foundEvents = 0;
  size_t producedEvents = 0;
  size_t correctEvents = 0;
  size_t mustNot = 0;           // `=!` lines
  size_t mustNotViolated = 0;   // of those, produced
  size_t flagged = 0;           // `future` / `negated` lines
  size_t flaggedCoded = 0;      // of those, produced as happened
  size_t datesChecked = 0;      // found PLOVER events (a date is always expected)
  size_t datesRight = 0;
  // Where each missed `=` line was lost (totals a frozen set may show: no
  // sentence is named): a party the paragraph's actors do not hold
  // (`missedNoActor`), both parties held but no edge between them
  // (`missedNoEdge`), or an edge between them of another type or direction
  // (`missedOtherEdge`).
  size_t missedNoActor = 0;
  size_t missedNoEdge = 0;
  size_t missedOtherEdge = 0;

  void add(const Counts& o);
  double recall() const { return expected ? double(found) / double(expected) : 0.0; }
  double precision() const { return produced ? double(correct) / double(produced) : 0.0; }
};

struct FileScore {
  std::string name;                // file name without directory
  Counts counts;
  std::vector<std::string> notes;  // per paragraph: actors found, each miss / wrong edge / violation / wrong date
};

// Scores the paragraphs of one file. Never fails: odd text yields no edges.
FileScore scoreFile(const Extractor& extractor, const std::string& name, const std::vector<HeldoutDoc>& docs);

// A fixed-width table: one row per file, then the total.
std::string formatTable(const std::vector<FileScore>& files);
// One JSON object on one line: {"bench":"heldout_eval","files":[...],"overall":{...}}.
std::string formatJson(const std::vector<FileScore>& files);

}  // namespace kg::extract::heldout
