// Token slices: one sentence's tokens taken from those of its whole article,
// so that an article tokenized once (core's namedActors reads its tokens
// before extraction) is not tokenized a second time, sentence by sentence, by
// the extractor.
//
// Pure function; safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/actors/tokens.h"
#include "extract/text/japanese_segmenter.h"

namespace kg::extract {

// tokenize(text, begin, end, ja), taken from `whole` when that gives the same
// tokens, else tokenized anew. Requires whole == tokenize(text, 0,
// text.size(), nullptr). The two agree when [begin, end) starts and ends
// beside ASCII whitespace (or at an end of the text), no token of `whole`
// straddles either end, and, when `ja` is given, none of the range's tokens
// is kana or kanji (MeCab splits those runs differently). The tokens taken
// are moved out of `whole`: take each range at most once.
std::vector<Token> takeTokens(std::string_view text, std::vector<Token>& whole, size_t begin, size_t end,
                              const JapaneseSegmenter* ja);

}  // namespace kg::extract
