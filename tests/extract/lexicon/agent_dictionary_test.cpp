#include "extract/lexicon/agent_dictionary.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace kg;
using namespace kg::extract;

namespace {

const char* kSample =
    "# agents\n"
    "!PERSON! = MAN, WOMAN\n"
    "!MINIST! = MINISTER , MINISTRY\n"
    "CONGRESS!PERSON! [~LEG]\n"
    "FOREIGN_!MINIST! [~GOVFRM]   # jap 4/14/01\n"
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
    "POLICE {} [~COP]\n"
    "PARTY [~PTY]\n"
    "HUMAN_RIGHTS_BODY  [NGO~]\n"
    "CHIEF EXECUTIVE [ ~GOV ]\n"
    "ISLAMIC_FRONT_ [~REB]\n"
    "MINISTER [~GOV]\n";

std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// "CODE prefix|suffix end" of the agent at token 0, or "none".
std::string at0(const AgentDictionary& d, const std::string& text, size_t maxGap = 2) {
  const auto t = tokens(text);
  const auto m = d.matchAt(t, 0, maxGap);
  if (!m) return "none";
  const AgentEntry& e = d.entries()[m->entry];
  return e.code + (e.prefix ? " prefix " : " suffix ") + std::to_string(m->end);
}

std::string petrarch(const char* file) { return std::string(KG_PETRARCH_DIR) + "/" + file; }

}  // namespace

TEST_CASE("AgentDictionary: substitution sets, plurals and codes", "[extract][lexicon]") {
  std::vector<std::string> warnings;
  auto d = AgentDictionary::parse(kSample, "a.txt", &warnings);
  REQUIRE(d.isOk());
  CHECK(warnings.empty());
  CHECK(d->substitutions().at("MINIST") == std::vector<std::string>{"MINISTER", "MINISTRY"});

  // Each item of a set is substituted, with no plural formed.
  CHECK(at0(*d, "congressman said") == "LEG suffix 1");
  CHECK(at0(*d, "congresswoman") == "LEG suffix 1");
  CHECK(at0(*d, "congressmans") == "none");
  // The longest entry wins: "foreign minister" over "minister".
  CHECK(at0(*d, "foreign ministry") == "GOVFRM suffix 2");
  CHECK(at0(*d, "foreign minister visited") == "GOVFRM suffix 2");
  CHECK(at0(*d, "minister") == "GOV suffix 1");
  CHECK(at0(*d, "ministers") == "GOV suffix 1");
  // {...} lists the plurals instead of the regular one; {} means none.
  CHECK(at0(*d, "attorneys general") == "GOVATG suffix 2");
  CHECK(at0(*d, "attorney generals") == "none");
  CHECK(at0(*d, "police") == "COP suffix 1");
  CHECK(at0(*d, "polices") == "none");
  // Consonant + Y -> IES.
  CHECK(at0(*d, "parties") == "PTY suffix 1");
  // "[NGO~]" goes before the actor code.
  CHECK(at0(*d, "human rights body") == "NGO prefix 3");
  CHECK(at0(*d, "human body") == "none");
  // A blank lets other words come between, up to maxGap of them.
  CHECK(at0(*d, "chief executive") == "GOV suffix 2");
  CHECK(at0(*d, "chief operating executive") == "GOV suffix 3");
  CHECK(at0(*d, "chief a b c executive") == "none");
  CHECK(at0(*d, "chief a b c executive", 3) == "GOV suffix 5");
  // A phrase ending with '_' gets no plural.
  CHECK(at0(*d, "islamic front") == "REB suffix 2");
  CHECK(at0(*d, "islamic fronts") == "none");
  // Any position.
  const auto t = tokens("the israeli foreign minister");
  const auto m = d->matchAt(t, 2);
  REQUIRE(m);
  CHECK(m->begin == 2);
  CHECK(m->end == 4);
  CHECK_FALSE(d->matchAt(t, 0));
  CHECK_FALSE(d->matchAt(t, 4));
}

TEST_CASE("AgentDictionary: every unreadable line is a file:line warning", "[extract][lexicon]") {
  const char* text =
      "NO_CODE\n"                // 1
      "BAD [GOV]\n"              // 2: neither ~GOV nor GOV~
      "OPEN [~A\n"               // 3
      "!UNKNOWN!_Y [~A]\n"       // 4
      "GOOD [~ENV}\n"            // 5: read, but '}' is reported
      "PLURAL {X [~A]\n"         // 6
      "[~A]\n";                  // 7
  std::vector<std::string> warnings;
  auto d = AgentDictionary::parse(text, "bad.txt", &warnings);
  REQUIRE(d.isOk());
  REQUIRE(warnings.size() == 7);
  for (size_t i = 0; i < warnings.size(); ++i) {
    CHECK(warnings[i].rfind("bad.txt:" + std::to_string(i + 1) + ":", 0) == 0);
  }
  REQUIRE(d->entries().size() == 2);  // GOOD and GOODS
  CHECK(d->entries()[0].code == "ENV");
}

TEST_CASE("AgentDictionary: a missing file is NotFound", "[extract][lexicon]") {
  CHECK(AgentDictionary::load("/nonexistent/agents.txt", nullptr).status().code() == StatusCode::kNotFound);
}

TEST_CASE("AgentDictionary: the Phoenix agents dictionary loads", "[extract][lexicon][petrarch-data]") {
  std::vector<std::string> warnings;
  auto d = AgentDictionary::load(petrarch("Phoenix.agents.txt"), &warnings);
  REQUIRE(d.isOk());  // fails (NotFound) when ../shared is missing
  CHECK(d->entries().size() == 5212);
  CHECK(d->substitutions().size() == 2);
  // The file's own defects: "[~ENV}" (read) and an entry without a code.
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("Phoenix.agents.txt:544:") != std::string::npos);
  CHECK(warnings[1].find("Phoenix.agents.txt:1927: agent without a '[CODE]'") != std::string::npos);
  CHECK(at0(*d, "foreign minister") == "GOV suffix 2");
  CHECK(at0(*d, "farmers") == "AGR suffix 1");
  CHECK(at0(*d, "observers in") == "IGO prefix 2");
}

TEST_CASE("AgentDictionary: the PETRARCH validation agents dictionary loads", "[extract][lexicon][petrarch-data]") {
  std::vector<std::string> warnings;
  auto d = AgentDictionary::load(petrarch("validation/PETR.Validate.agents.txt"), &warnings);
  REQUIRE(d.isOk());
  CHECK(d->entries().size() == 165);
  CHECK(warnings.empty());
  CHECK(at0(*d, "human rights body") == "NGO prefix 3");
  CHECK(at0(*d, "golden geese") == "GGS suffix 2");
}

TEST_CASE("AgentDictionary: a phrase whose markers expand past the limit is skipped with a warning",
          "[extract][lexicon]") {
  // Found by fuzz_dictionaries (a one-hour run, session 29): every
  // combination of the sets' items was built, 100^4 forms here, until the
  // process ran out of memory.
  std::string text = "!X! = ";
  for (int i = 0; i < 100; ++i) text += (i ? ",W" : "W") + std::to_string(i);
  text += "\n!X!_!X!_!X!_!X! [~GOV]\nFOREIGN_!X! [~GOVFRM]\n";
  std::vector<std::string> warnings;
  auto d = AgentDictionary::parse(text, "big.txt", &warnings);
  REQUIRE(d.isOk());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].rfind("big.txt:2:", 0) == 0);
  CHECK(warnings[0].find("expands to more than") != std::string::npos);
  // The next phrase, 100 forms, is read.
  CHECK(d->entries().size() == 100);
}
