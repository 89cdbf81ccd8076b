#include "extract/name_fold.h"

#include <cctype>

namespace kg::extract {

// TODO(extract): transliteration folding (vowels, al-/el-, q/k, Arabic and
// katakana to Latin keys). This first key is lower-cased ASCII with
// punctuation dropped and spaces collapsed; other bytes pass through.
std::vector<std::string> nameKeys(std::string_view name) {
  std::string key;
  bool space = false;
  for (unsigned char c : name) {
    if (c >= 0x80 || std::isalnum(c)) {
      if (space && !key.empty()) key += ' ';
      space = false;
      key += static_cast<char>(c >= 0x80 ? c : std::tolower(c));
    } else if (std::isspace(c) || c == '-' || c == '_') {
      space = true;
    }
  }
  if (key.empty()) return {};
  return {key};
}

}  // namespace kg::extract
