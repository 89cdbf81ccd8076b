// Normalizer: one canonical form for text from any page, so that later stages
// (dates, sentences, dictionary matches) see one spelling of each character.
//
//  - Unicode NFKC (full-width Latin and digits become ASCII, ligatures split);
//  - curly quotes and apostrophes, primes and dashes folded to ASCII ' " -;
//  - zero-width and other invisible format characters removed;
//  - spaces and tabs collapsed to one space, lines trimmed, runs of blank
//    lines collapsed to one blank line (a paragraph break), which is kept.
//
// Also detects the language of a text from the scripts it is written in.
// Stateless functions; safe to call from several threads at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

// Requires valid UTF-8 (see repairUtf8). The result is valid UTF-8.
std::string normalizeText(std::string_view text);

// "ja" (kana, or Han with kana), "zh" (Han without kana), "ar" (Arabic
// script), "en" (Latin script), "" when the text has no letters. Decided by
// the script of the majority of letters; CJK characters count double since
// one carries about as much as a short Latin word.
std::string detectLanguage(std::string_view text);

// A run of paragraphs in one language (byte offsets into the text given).
struct LanguageSpan {
  size_t begin = 0;
  size_t end = 0;
  std::string language;
};

// Languages per paragraph, adjacent paragraphs of one language merged.
// Paragraphs without letters join their neighbour.
std::vector<LanguageSpan> languageSpans(std::string_view text);

}  // namespace kg::extract
