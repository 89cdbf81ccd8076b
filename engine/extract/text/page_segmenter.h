// Page segmenter: splits one page into the articles it holds, each with its own
// title and date, and drops the page furniture around them (forum buttons
// such as "Link to comment" / "Share on other sites" / "Like 1", "Related
// Videos", menus, comment counts, "posted by ... at 11:22| Comment(0)").
//
// Article boundaries are read from the page's own structure:
//  - an end marker closes an article: a blog footer ("January 7, 2020 Posted
//    by | ..."), a "posted by NAME at HH:MM| Comment(0)" line, a forum post's
//    "Link to comment" / "Share on other sites";
//  - a date line under a headline opens one ("Press TV - January 7, 2020",
//    "Sunday, 07 May 2023 12:24 AM", "27 Jul 2021"): the headline above it
//    becomes the new article's title.
// toArticles() runs the whole front half: normalise, segment, split
// sentences, hash (doc.id), detect language.
// Stateless functions; safe to call from several threads at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "extract/article.h"
#include "extract/text/reader.h"

namespace kg::extract {

// An article found on a page, before sentence splitting.
struct Segment {
  std::string title;  // "" when the page gives none
  Date date;          // unknown when the page gives none
  std::string text;   // the body: title line(s) and boilerplate removed
};

// Splits normalised page text (see normalizeText) into segments, in page
// order. Segments with almost no body (under kMinArticleBytes) are dropped,
// unless the page holds nothing else and the first of them is a statement
// (three words or more ending in ".", "!" or "?"): then it is the article.
std::vector<Segment> segmentPage(std::string_view normalizedText);

inline constexpr size_t kMinArticleBytes = 40;
// Longer articles are split into parts at paragraph breaks (or spaces), so
// that one huge line cannot make an unbounded article.
inline constexpr size_t kMaxArticleBytes = 1u << 20;

// True for a line that is page furniture, not article text.
bool isBoilerplateLine(std::string_view line);

// 64-bit FNV-1a of `text` as 16 lower-case hex digits: the document id.
std::string contentHash(std::string_view text);

struct ArticleOptions {
  Date defaultDate;  // for articles whose page and metadata give no date (`--date`)
};

// The articles of one raw document. Each Article::text is the title (as its
// first line, when there is one) then a blank line and the body; doc.id is
// contentHash(text); doc.date is the segment's date, else the document's
// metadata date, else options.defaultDate; doc.source and doc.url come from
// the document; doc.language from detectLanguage(text).
std::vector<Article> toArticles(const RawDocument& doc, const ArticleOptions& options);

}  // namespace kg::extract
