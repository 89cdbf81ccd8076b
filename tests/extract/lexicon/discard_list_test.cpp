#include "extract/lexicon/discard_list.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kg;
using namespace kg::extract;

namespace {

const char* kSample =
    "# story-level with '+'\n"
    "+WORLD CUP   # pas\n"
    "BASEBALL\n"
    "GROUP_A_\n"
    "+ MANCHESTER UNITED\n";

// "story@offset", "sentence@offset" or "none".
std::string find(const DiscardList& d, std::string_view sentence) {
  const auto m = d.find(sentence);
  if (!m) return "none";
  return std::string(m->kind == DiscardKind::kStory ? "story@" : "sentence@") + std::to_string(m->offset);
}

std::string petrarch(const char* file) { return std::string(KG_PETRARCH_DIR) + "/" + file; }

}  // namespace

TEST_CASE("DiscardList: sentence and story discards, stems and whole words", "[extract][lexicon]") {
  std::vector<std::string> warnings;
  auto d = DiscardList::parse(kSample, "d.txt", &warnings);
  REQUIRE(d.isOk());
  CHECK(warnings.empty());
  REQUIRE(d->phrases().size() == 4);
  CHECK(d->phrases()[0].text == "WORLD CUP");
  CHECK(d->phrases()[2].text == "GROUP A");
  CHECK(d->phrases()[2].wholeWord);
  CHECK(d->phrases()[3].text == "MANCHESTER UNITED");

  CHECK(find(*d, "He won the World Cup final.") == "story@11");
  CHECK(find(*d, "Baseballs flew.") == "sentence@0");  // a stem
  CHECK(find(*d, "He plays baseball") == "sentence@9");
  CHECK(find(*d, "a group a leader") == "sentence@2");
  CHECK(find(*d, "a group abc") == "none");  // '_' at the end: whole word
  CHECK(find(*d, "the groupa") == "none");
  CHECK(find(*d, "prebaseball") == "none");  // must start at a word start
  CHECK(find(*d, "Manchester \n  United won") == "story@0");
  CHECK(find(*d, "baseball at the world cup") == "story@16");  // the story wins
  CHECK(find(*d, "The minister met the envoy.") == "none");
}

TEST_CASE("DiscardList: every unreadable line is a file:line warning", "[extract][lexicon]") {
  std::vector<std::string> warnings;
  auto d = DiscardList::parse("GOOD\n=ODD\n+\n_\n", "bad.txt", &warnings);
  REQUIRE(d.isOk());
  CHECK(d->phrases().size() == 1);
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].rfind("bad.txt:2:", 0) == 0);
  CHECK(warnings[1].rfind("bad.txt:3:", 0) == 0);
  CHECK(warnings[2].rfind("bad.txt:4:", 0) == 0);
}

TEST_CASE("DiscardList: a missing file is NotFound", "[extract][lexicon]") {
  CHECK(DiscardList::load("/nonexistent/discards.txt", nullptr).status().code() == StatusCode::kNotFound);
}

TEST_CASE("DiscardList: the Phoenix and validation discard lists load", "[extract][lexicon][petrarch-data]") {
  std::vector<std::string> warnings;
  auto d = DiscardList::load(petrarch("Phoenix.discards.txt"), &warnings);
  REQUIRE(d.isOk());  // fails (NotFound) when ../shared is missing
  CHECK(d->phrases().size() == 506);
  size_t stories = 0;
  for (const auto& p : d->phrases()) stories += p.kind == DiscardKind::kStory;
  CHECK(stories == 64);
  CHECK(warnings.empty());
  CHECK(find(*d, "Japan beat Qatar in the Asian Cup semi-final") == "sentence@24");
  CHECK(find(*d, "Fans of Manchester United rioted") == "story@8");
  CHECK(find(*d, "The minister met the envoy in Cairo.") == "none");

  auto v = DiscardList::load(petrarch("validation/PETR.Validate.discards.txt"), &warnings);
  REQUIRE(v.isOk());
  CHECK(v->phrases().size() == 9);
  stories = 0;
  for (const auto& p : v->phrases()) stories += p.kind == DiscardKind::kStory;
  CHECK(stories == 4);
  CHECK(warnings.empty());
}
