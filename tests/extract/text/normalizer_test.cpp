#include "extract/text/normalizer.h"

#include <catch2/catch.hpp>

using kg::extract::detectLanguage;
using kg::extract::languageSpans;
using kg::extract::normalizeText;

TEST_CASE("Normalizer: quotes, apostrophes and dashes fold to ASCII", "[extract][normalizer]") {
  CHECK(normalizeText("\xE2\x80\x98Kata\xE2\x80\x99ib Hezbollah\xE2\x80\x99 \xE2\x80\x9Cvery big\xE2\x80\x9D") ==
        "'Kata'ib Hezbollah' \"very big\"");
  CHECK(normalizeText("Press TV \xE2\x80\x93 January 7 \xE2\x80\x94 2020") == "Press TV - January 7 - 2020");
  CHECK(normalizeText("Kata\xCA\xBCib") == "Kata'ib");
}

TEST_CASE("Normalizer: NFKC turns full-width letters and digits into ASCII", "[extract][normalizer]") {
  CHECK(normalizeText("\xEF\xBC\xB5\xEF\xBC\xB3 \xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90") == "US 2020");
  CHECK(normalizeText("\xEF\xAC\x81re") == "fire");  // the fi ligature
}

TEST_CASE("Normalizer: whitespace collapses and paragraph breaks stay", "[extract][normalizer]") {
  CHECK(normalizeText("  Iraq \t  votes\r\n\r\n\r\n\n  Iran\xC2\xA0responds  \nnext line\n\n") ==
        "Iraq votes\n\nIran responds\nnext line");
  CHECK(normalizeText("zero\xE2\x80\x8Bwidth") == "zerowidth");
}

TEST_CASE("Normalizer: language follows the script of most letters", "[extract][normalizer]") {
  CHECK(detectLanguage("Iraq's parliament voted to expel US troops") == "en");
  CHECK(detectLanguage("\xE3\x82\xA4\xE3\x83\xA9\xE3\x82\xAF\xE9\xA6\x96\xE7\x9B\xB8\xE3\x81\xAF") == "ja");
  CHECK(detectLanguage(
            "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA6\xD8\xA8 \xD8\xAD\xD8\xB2\xD8\xA8 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87") ==
        "ar");
  CHECK(detectLanguage("12:30 --") == "");
}

TEST_CASE("Normalizer: language spans split a page by paragraph", "[extract][normalizer]") {
  const std::string text = "\xE3\x82\xA4\xE3\x83\xA9\xE3\x82\xAF\xE9\xA6\x96\xE7\x9B\xB8\n\nThe PM spoke.\n\nHe left.";
  const auto spans = languageSpans(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].language == "ja");
  CHECK(spans[1].language == "en");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "The PM spoke.\n\nHe left.");
}
