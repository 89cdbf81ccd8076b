#include "extract/lexicon/dictionary_lines.h"

#include <cctype>
#include <fstream>
#include <sstream>

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

uint32_t forEachContentLine(std::string_view text, const std::function<void(uint32_t, std::string_view)>& fn) {
  bool inComment = false;
  uint32_t lineNo = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++lineNo;
    const std::string line = withoutComments(raw, &inComment);
    const std::string_view content = trimBlanks(line);
    if (!content.empty()) fn(lineNo, content);
  }
  return inComment ? lineNo : 0;
}

Result<std::string> readDictionaryFile(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound("cannot open the " + std::string(what) + " " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace kg::extract
