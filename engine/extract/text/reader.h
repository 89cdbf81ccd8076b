// Reader: turns input paths (files, directories, "-" for stdin) into raw
// documents — plain text, HTML reduced to text, or one document per JSON
// Lines record — with whatever metadata the input carries.
//
// Bad input never stops a run: invalid UTF-8 is repaired (U+FFFD), binary and
// empty files and malformed JSON lines are skipped, and each such case is
// reported as a ReadWarning naming the file (and line). Stateless functions;
// safe to call from several threads on different inputs.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace kg::extract {

// One document as read, before normalisation and segmentation.
struct RawDocument {
  std::string text;    // valid UTF-8; HTML already reduced to text
  std::string source;  // file path ("<stdin>"), or the JSON record's "source"
  std::string path;    // where it was read from: "file" or "file:line"
  std::string title;   // from JSON "title" or HTML <title>; "" when none
  std::string url;
  Date date;  // from JSON "date"; unknown otherwise
};

struct ReadWarning {
  std::string where;    // "file" or "file:line"
  std::string message;  // what was wrong and what was done about it
  std::string toString() const { return where + ": " + message; }
};

struct ReadStats {
  size_t files = 0;      // files opened (including skipped ones)
  size_t documents = 0;  // documents handed to the sink
  size_t bytes = 0;      // bytes read from inputs
};

// Calls `sink` for every document read from `paths`, in order: directories
// are walked recursively in sorted path order (hidden entries skipped).
// A path that does not exist is a warning, not an error. `warnings` receives
// every problem found. Never throws on bad input.
ReadStats readInputs(const std::vector<std::string>& paths, const std::function<void(RawDocument&&)>& sink,
                     std::vector<ReadWarning>* warnings);

// Reads one buffer as if it were the file `name` (format from the extension,
// else sniffed from the content). Exposed for tests and stdin.
void readBuffer(std::string_view name, std::string bytes, const std::function<void(RawDocument&&)>& sink,
                std::vector<ReadWarning>* warnings, ReadStats* stats);

// Replaces every invalid UTF-8 sequence by U+FFFD; returns how many were replaced.
size_t repairUtf8(std::string* text);

// Text of an HTML page: tags removed, script/style/head dropped, entities
// decoded, block elements turned into line breaks. `title` receives <title>.
std::string htmlToText(std::string_view html, std::string* title);

}  // namespace kg::extract
