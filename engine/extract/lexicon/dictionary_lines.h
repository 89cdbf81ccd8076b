// Line handling shared by the PETRARCH-format dictionary readers (verbs,
// agents, discards): blanks, ASCII case, and "<!-- ... -->" comment blocks
// that may span lines.
// Pure functions (readDictionaryFile reads a file); safe from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kg::extract {

// `raw` (one line) without the parts inside "<!-- ... -->". `inComment`
// carries an unclosed block from one line to the next: pass the same flag,
// false before the first line.
std::string withoutHtmlComments(std::string_view raw, bool* inComment);

// The same, then without a '#' comment (agents, discards; the verb reader
// keeps '#' inside "[...]" codes and has its own rule).
std::string withoutComments(std::string_view raw, bool* inComment);

// Calls `fn(lineNumber, content)` for every line of `text` (numbered from 1)
// that holds something once comments (withoutComments) and blanks are gone.
// Returns 0, or, when a "<!--" block is still open at the end of the text,
// the number of its last line (for the warning).
uint32_t forEachContentLine(std::string_view text, const std::function<void(uint32_t, std::string_view)>& fn);

// The whole of the dictionary file `path`. NotFound "cannot open the
// <what> <path>" when it cannot be opened.
Result<std::string> readDictionaryFile(const std::string& path, std::string_view what);

// Space, tab, CR, LF, FF or VT.
bool isDictionaryBlank(char c);
// `s` without leading and trailing blanks.
std::string_view trimBlanks(std::string_view s);
// `s` with ASCII letters upper-cased (other bytes as they are).
std::string upperAscii(std::string_view s);

}  // namespace kg::extract
