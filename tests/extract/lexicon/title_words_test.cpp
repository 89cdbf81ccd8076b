#include "extract/lexicon/title_words.h"

#include <catch2/catch.hpp>

using namespace kg;
using namespace kg::extract;

TEST_CASE("titleWords: the embedded title_words.txt parses and holds the title words", "[extract][lexicon]") {
  const auto parsed = parseTitleWords(titleWordsText(), "title_words.txt");
  REQUIRE(parsed.isOk());
  const WordSet& words = titleWords();
  CHECK(words.words().size() == 48);
  for (const char* w : {"president", "prime", "minister", "of", "state", "lt", "gen", "the", "us", "mr"})
    CHECK(words.contains(w));
  CHECK_FALSE(words.contains("joe"));
  CHECK_FALSE(words.contains("Prime"));  // compared lower case
}

TEST_CASE("parseTitleWords: a malformed line names title_words.txt and its line", "[extract][lexicon]") {
  auto r = parseTitleWords("# header\nleading_title_words president\n", "title_words.txt");
  REQUIRE_FALSE(r.isOk());
  CHECK(r.status().message() ==
        "title_words.txt:2: no ':' between the head and the words in 'leading_title_words president'");
  r = parseTitleWords("leading_title_words: king\ntitles: queen\n", "title_words.txt");
  CHECK(r.status().message() == "title_words.txt:2: unknown set 'titles'");
  r = parseTitleWords("leading_title_words: king king\n", "title_words.txt");
  CHECK(r.status().message() == "title_words.txt:1: 'king' is already in set leading_title_words");
}

TEST_CASE("subordinateTitleOpeners: the words that open a deputy's title are one list, in title_words.txt",
          "[extract][lexicon]") {
  for (const char* w : {"deputy", "vice", "assistant", "under-secretary"}) CHECK(isSubordinateTitleOpener(w));
  CHECK_FALSE(isSubordinateTitleOpener("chief"));
  CHECK_FALSE(isSubordinateTitleOpener("Deputy"));  // compared lower case
  CHECK_FALSE(subordinateTitleOpeners().contains("president"));
}
