#include "extract/lexicon/word_lines.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>

using namespace kg;
using namespace kg::extract;

namespace {

// The message of a failed parse, "" when it succeeded.
template <typename T>
std::string errorOf(const Result<T>& r) {
  return r.isOk() ? "" : r.status().message();
}

}  // namespace

TEST_CASE("parseWordLines: head fields, a colon, then words, with comments and blanks skipped", "[extract][lexicon]") {
  const auto lines = parseWordLines(
      "# a comment line\n"
      "\n"
      "ASSAULT 190: kill  kills   # trailing comment\n"
      "  CONSULT -:\tmeet prime_minister\n",
      "t.txt", 2);
  REQUIRE(lines.isOk());
  REQUIRE(lines->size() == 2);
  CHECK((*lines)[0].line == 3);
  CHECK((*lines)[0].head == std::vector<std::string>{"ASSAULT", "190"});
  CHECK((*lines)[0].words == std::vector<std::string>{"kill", "kills"});
  CHECK((*lines)[1].line == 4);
  CHECK((*lines)[1].words == std::vector<std::string>{"meet", "prime minister"});  // '_' is a space
}

TEST_CASE("parseWordLines: a malformed line is FILE:LINE: what is wrong", "[extract][lexicon]") {
  CHECK(errorOf(parseWordLines("# ok\nASSAULT 190 kill\n", "t.txt", 2)) ==
        "t.txt:2: no ':' between the head and the words in 'ASSAULT 190 kill'");
  CHECK(errorOf(parseWordLines("A: x\nASSAULT: kill\n", "t.txt", 1)).empty());
  CHECK(errorOf(parseWordLines("A B: x\nASSAULT: kill\n", "t.txt", 2)) ==
        "t.txt:2: expected 2 field(s) before ':', found 1 in 'ASSAULT: kill'");
  CHECK(errorOf(parseWordLines("\n\nASSAULT 190:   # nothing\n", "t.txt", 2)) ==
        "t.txt:3: no words after ':' in 'ASSAULT 190:'");
  CHECK(parseWordLines("x y\n", "t.txt", 1).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("parseWordSets: named sets, in file order, spanning lines", "[extract][lexicon]") {
  const auto sets = parseWordSets("b: x y\na: z\nb: w\n", "s.txt", {"a", "b"});
  REQUIRE(sets.isOk());
  CHECK(sets->at("b").words() == std::vector<std::string>{"x", "y", "w"});
  CHECK(sets->at("b").contains("w"));
  CHECK_FALSE(sets->at("a").contains("x"));
  // A view into a longer text is looked up by its own characters.
  const std::string_view text = "zw";
  CHECK(sets->at("a").contains(text.substr(0, 1)));
  CHECK_FALSE(sets->at("a").contains(text));
}

namespace {

struct TwoSets {
  WordSet first, second;
};
constexpr std::pair<std::string_view, WordSet TwoSets::*> kTwoSets[] = {{"first", &TwoSets::first},
                                                                        {"second", &TwoSets::second}};

}  // namespace

TEST_CASE("parseWordSetFields: each named set lands in its member", "[extract][lexicon]") {
  const auto two = parseWordSetFields<TwoSets>("second: c\nfirst: a b\n", "f.txt", kTwoSets);
  REQUIRE(two.isOk());
  CHECK(two->first.words() == std::vector<std::string>{"a", "b"});
  CHECK(two->second.contains("c"));
  CHECK_FALSE(two->second.contains("a"));
  CHECK(errorOf(parseWordSetFields<TwoSets>("first: a\n", "f.txt", kTwoSets)) == "f.txt: no line for set second");
}

TEST_CASE("parseWordSets: unknown, missing and repeated entries are errors", "[extract][lexicon]") {
  CHECK(errorOf(parseWordSets("a: x\nc: y\n", "s.txt", {"a"})) == "s.txt:2: unknown set 'c'");
  CHECK(errorOf(parseWordSets("a: x\n", "s.txt", {"a", "b"})) == "s.txt: no line for set b");
  CHECK(errorOf(parseWordSets("a: x y\na: z x\n", "s.txt", {"a"})) == "s.txt:2: 'x' is already in set a");
  CHECK(errorOf(parseWordSets("a x: y\n", "s.txt", {"a"})) ==
        "s.txt:1: expected 1 field(s) before ':', found 2 in 'a x: y'");
}
