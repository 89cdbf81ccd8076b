#include "extract/lexicon/dictionary_lines.h"

namespace kg::extract {

std::string withoutHtmlComments(std::string_view raw, bool* inComment) {
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    if (*inComment) {
      const size_t end = raw.find("-->", i);
      if (end == std::string_view::npos) return out;
      *inComment = false;
      i = end + 3;
      continue;
    }
    const size_t open = raw.find("<!--", i);
    if (open == std::string_view::npos) {
      out.append(raw.substr(i));
      break;
    }
    out.append(raw.substr(i, open - i));
    *inComment = true;
    i = open + 4;
  }
  return out;
}

}  // namespace kg::extract
