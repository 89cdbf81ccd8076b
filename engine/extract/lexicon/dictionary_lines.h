// Line handling shared by the PETRARCH-format dictionary readers (verbs,
// agents, discards): blanks, ASCII case, and "<!-- ... -->" comment blocks
// that may span lines.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace kg::extract {

// `raw` (one line) without the parts inside "<!-- ... -->". `inComment`
// carries an unclosed block from one line to the next: pass the same flag,
// false before the first line.
std::string withoutHtmlComments(std::string_view raw, bool* inComment);

// The same, then without a '#' comment (agents, discards; the verb reader
// keeps '#' inside "[...]" codes and has its own rule).
std::string withoutComments(std::string_view raw, bool* inComment);

// Space, tab, CR, LF, FF or VT.
bool isDictionaryBlank(char c);
// `s` without leading and trailing blanks.
std::string_view trimBlanks(std::string_view s);
// `s` with ASCII letters upper-cased (other bytes as they are).
std::string upperAscii(std::string_view s);

}  // namespace kg::extract
