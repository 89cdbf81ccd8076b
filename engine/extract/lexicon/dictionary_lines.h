// Line handling shared by the PETRARCH-format dictionary readers (verbs,
// agents, discards): "<!-- ... -->" comment blocks that may span lines.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace kg::extract {

// `raw` (one line) without the parts inside "<!-- ... -->". `inComment`
// carries an unclosed block from one line to the next: pass the same flag,
// false before the first line.
std::string withoutHtmlComments(std::string_view raw, bool* inComment);

}  // namespace kg::extract
