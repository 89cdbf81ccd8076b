#include "extract/actors/token_slice.h"

#include <algorithm>
#include <iterator>

#include "extract/actors/name_fold.h"

namespace kg::extract {
namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether ASCII whitespace touches offset `at` of `text` on either side (or
// `at` is an end of the text). tokenize carries nothing across whitespace
// but for a pending hyphen, which whitespace clears, and an Arabic "Allah"
// joined to the word before it, which straddles the offset (checked apart);
// a word's scan stops at whitespace and looks at most one character ahead,
// which is that whitespace or, past the range's end, nothing: neither goes
// on with a word. So tokens on either side come out as they would alone.
bool clearBoundary(std::string_view text, size_t at) {
  if (at == 0 || at >= text.size()) return true;
  return isAsciiSpace(text[at - 1]) || isAsciiSpace(text[at]);
}

// Whether the token is kana or kanji (a hiragana token's script is kOther,
// so its first character is what tells).
bool isJapanese(std::string_view text, const Token& t) {
  if (static_cast<unsigned char>(text[t.begin]) < 0x80) return false;
  size_t i = t.begin;
  const char32_t c = decodeUtf8(text, i);
  const Script s = scriptOf(c);
  return s == Script::kKana || s == Script::kHan || (c >= 0x3041 && c <= 0x309F) || c == 0x30FB;
}

}  // namespace

std::vector<Token> takeTokens(std::string_view text, std::vector<Token>& whole, size_t begin, size_t end,
                              const JapaneseSegmenter* ja) {
  end = std::min(end, text.size());
  if (begin >= end) return {};
  if (!clearBoundary(text, begin) || !clearBoundary(text, end)) return tokenize(text, begin, end, ja);
  auto byBegin = [](const Token& t, size_t at) { return t.begin < at; };
  const auto first = std::lower_bound(whole.begin(), whole.end(), begin, byBegin);
  const auto last = std::lower_bound(first, whole.end(), end, byBegin);
  if (first != whole.begin() && std::prev(first)->end > begin) return tokenize(text, begin, end, ja);
  if (last != first && std::prev(last)->end > end) return tokenize(text, begin, end, ja);
  if (ja != nullptr && std::any_of(first, last, [&](const Token& t) { return isJapanese(text, t); }))
    return tokenize(text, begin, end, ja);
  return std::vector<Token>(std::make_move_iterator(first), std::make_move_iterator(last));
}

}  // namespace kg::extract
