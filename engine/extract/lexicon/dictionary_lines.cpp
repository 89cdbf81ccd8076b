#include "extract/lexicon/dictionary_lines.h"

#include <cctype>

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

std::string withoutComments(std::string_view raw, bool* inComment) {
  std::string out = withoutHtmlComments(raw, inComment);
  if (const size_t hash = out.find('#'); hash != std::string::npos) out.resize(hash);
  return out;
}

bool isDictionaryBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trimBlanks(std::string_view s) {
  while (!s.empty() && isDictionaryBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isDictionaryBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string upperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace kg::extract
