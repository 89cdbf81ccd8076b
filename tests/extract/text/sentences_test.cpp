#include "extract/text/sentences.h"

#include <catch2/catch.hpp>

using kg::extract::splitSentences;

namespace {
std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& s : splitSentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}
}  // namespace

TEST_CASE("Sentences: English abbreviations and initials do not end a sentence", "[extract][sentences]") {
  const auto s = split(
      "US airstrikes killed Lt. Gen. Qassem Soleimani. Mr. Pompeo spoke at 5 p.m. on Friday. "
      "The U.S. embassy was hit. Maj. Gen. Qasem Soleimani, the U.S. said, was a target. "
      "George W. Bush started the war in 2003! Was it legal? \"No,\" he said.");
  REQUIRE(s.size() == 7);
  CHECK(s[0] == "US airstrikes killed Lt. Gen. Qassem Soleimani.");
  CHECK(s[1] == "Mr. Pompeo spoke at 5 p.m. on Friday.");
  CHECK(s[2] == "The U.S. embassy was hit.");
  CHECK(s[3] == "Maj. Gen. Qasem Soleimani, the U.S. said, was a target.");
  CHECK(s[4] == "George W. Bush started the war in 2003!");
  CHECK(s[5] == "Was it legal?");
  CHECK(s[6] == "\"No,\" he said.");
}

TEST_CASE("Sentences: 'No.' abbreviates only before a number", "[extract][sentences]") {
  const auto s = split("Resolution No. 18 passed. Was it binding? No. It was not.");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "Resolution No. 18 passed.");
  CHECK(s[2] == "No.");
}

TEST_CASE("Sentences: closing quotes stay with their sentence, decimals do not split", "[extract][sentences]") {
  const auto s = split("He said \"we took a bad guy off the battlefield.\" About 5.2 million people watched.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "He said \"we took a bad guy off the battlefield.\"");
  CHECK(s[1] == "About 5.2 million people watched.");
}

TEST_CASE("Sentences: line breaks end sentences (headlines have no period)", "[extract][sentences]") {
  const auto s = split("Iraq votes to expel US troops\n\nThe vote was held on Sunday.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "Iraq votes to expel US troops");
}

TEST_CASE("Sentences: Japanese ends at the ideographic full stop and ! ?", "[extract][sentences]") {
  const std::string
      text =
          "\xE7\xB1\xB3\xE8\xBB\x8D\xE3\x81\x8C\xE6\x92\xA4\xE9\x80\x80\xE3\x80\x82"  // 米軍が撤退。
          "\xE6\x9C\xAC\xE5\xBD\x93\xE3\x81\x8B?"                                     // 本当か?
          "\xE3\x80\x8C\xE6\x88\xA6\xE4\xBA\x89\xE3\x80\x82\xE3\x80\x8D\xE3\x81\xA8\xE8\xA8\x80\xE3\x81\x86\xE3\x80"
          "\x82";  // 「戦争。」と言う。
  const auto s = split(text);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "\xE7\xB1\xB3\xE8\xBB\x8D\xE3\x81\x8C\xE6\x92\xA4\xE9\x80\x80\xE3\x80\x82");
  CHECK(s[1] == "\xE6\x9C\xAC\xE5\xBD\x93\xE3\x81\x8B?");
  CHECK(s[2] == "\xE3\x80\x8C\xE6\x88\xA6\xE4\xBA\x89\xE3\x80\x82\xE3\x80\x8D");
}

TEST_CASE("Sentences: Arabic ends at . and the Arabic question mark", "[extract][sentences]") {
  // "كتائب حزب الله هاجمت السفارة. لماذا؟ لا أحد يعرف."
  const std::string a =
      "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA6\xD8\xA8 \xD8\xAD\xD8\xB2\xD8\xA8 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87 "
      "\xD9\x87\xD8\xA7\xD8\xAC\xD9\x85\xD8\xAA \xD8\xA7\xD9\x84\xD8\xB3\xD9\x81\xD8\xA7\xD8\xB1\xD8\xA9.";
  const std::string b = "\xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F";
  const std::string c = "\xD9\x84\xD8\xA7 \xD8\xA3\xD8\xAD\xD8\xAF \xD9\x8A\xD8\xB9\xD8\xB1\xD9\x81.";
  const auto s = split(a + " " + b + " " + c);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == a);
  CHECK(s[1] == b);
  CHECK(s[2] == c);
}

TEST_CASE("Sentences: an endless sentence is cut at a space below the limit", "[extract][sentences]") {
  std::string text;
  while (text.size() < 100000) text += "rockets hit the zone and ";
  const auto sents = splitSentences(text);
  CHECK(sents.size() > 20);
  for (const auto& s : sents) {
    CHECK(s.end - s.begin <= kg::extract::kMaxSentenceBytes);
    CHECK(text[s.end - 1] != ' ');
  }
}
