// The project's own default dictionaries (engine/extract/data/verbs.txt and
// agents.txt) load without a warning, are as broad as promised, use CAMEO
// codes only, and code the phrases news uses most as their comments say.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../extract_test_util.h"
#include "extract/lexicon/agent_dictionary.h"
#include "extract/lexicon/cameo_plover.h"
#include "extract/lexicon/verb_dictionary.h"

using namespace kg;
using namespace kg::extract;

namespace {

std::string dataFile(const char* name) { return std::string(KG_EXTRACT_DATA_DIR) + "/" + name; }

const VerbDictionary& verbs() {
  static const VerbDictionary d = [] {
    std::vector<std::string> warnings;
    auto r = VerbDictionary::load(dataFile("verbs.txt"), &warnings);
    REQUIRE(r.isOk());
    for (const auto& w : warnings) UNSCOPED_INFO(w);
    REQUIRE(warnings.empty());
    return std::move(r).value();
  }();
  return d;
}

std::string codeText(const VerbCode& c) {
  std::string s = c.source.empty() ? "---" : c.source;
  if (!c.target.empty()) s += ":" + c.target;
  return s;
}

// "FAMILY CODE" of each reading of `word`, e.g. "BOMB 195"; a multi-word
// verb's reading shows its other words ("SHOOT DOWN 190").
std::vector<std::string> readings(const std::string& word) {
  std::vector<std::string> out;
  for (const VerbForm& f : verbs().lookupForm(word)) {
    const Verb& v = verbs().verbs()[f.verb];
    out.push_back(verbs().families()[v.family].name + " " + codeText(v.code));
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A pattern written back in the dictionary's syntax: "* &SANCTIONS (ON +)".
std::string describe(const VerbPattern& p) {
  std::string out;
  auto token = [](const PatternToken& t) -> std::string {
    switch (t.kind) {
      case PatternTokenKind::kWord: return t.word;
      case PatternTokenKind::kSynset: return "&" + verbs().synsets()[t.synset].name;
      case PatternTokenKind::kTarget: return "+";
      case PatternTokenKind::kSource: return "$";
      case PatternTokenKind::kCompound: return "%";
      case PatternTokenKind::kSkip: return "^";
    }
    return "?";
  };
  auto emit = [&](const std::vector<PatternToken>& tokens) {
    uint16_t noun = 0, prep = 0;
    for (const PatternToken& t : tokens) {
      if (noun && t.nounPhrase != noun) {
        out += "}";
        noun = 0;
      }
      if (prep && t.prepPhrase != prep) {
        out += ")";
        prep = 0;
      }
      if (!out.empty() && out.back() != '(' && out.back() != '{') out += " ";
      if (t.prepPhrase && t.prepPhrase != prep) {
        out += "(";
        prep = t.prepPhrase;
      }
      if (t.nounPhrase && t.nounPhrase != noun) {
        out += "{";
        noun = t.nounPhrase;
      }
      out += token(t);
    }
    if (noun) out += "}";
    if (prep) out += ")";
  };
  emit(p.pre);
  out += out.empty() ? "*" : " *";
  emit(p.post);
  return out;
}

// The code of `family`'s pattern written `text`, or "none".
std::string patternCode(const std::string& family, const std::string& text) {
  for (const VerbFamily& f : verbs().families()) {
    if (f.name != family) continue;
    for (uint32_t p : f.patterns) {
      if (describe(verbs().patterns()[p]) == text) return codeText(verbs().patterns()[p].code);
    }
  }
  return "none";
}

const AgentDictionary& agents() {
  static const AgentDictionary d = [] {
    std::vector<std::string> warnings;
    auto r = AgentDictionary::load(dataFile("agents.txt"), &warnings);
    REQUIRE(r.isOk());
    for (const auto& w : warnings) UNSCOPED_INFO(w);
    REQUIRE(warnings.empty());
    return std::move(r).value();
  }();
  return d;
}

// "CODE words" of the agent at the start of `text` (lower case, blank
// separated), "NGO~ 1" for a prefix code, or "none".
std::string agentAt(const std::string& text) {
  std::vector<std::string> tokens;
  for (size_t i = 0; i < text.size();) {
    const size_t sp = text.find(' ', i);
    tokens.push_back(text.substr(i, sp == std::string::npos ? std::string::npos : sp - i));
    i = sp == std::string::npos ? text.size() : sp + 1;
  }
  const auto m = agents().matchAt(tokens, 0);
  if (!m) return "none";
  const AgentEntry& e = agents().entries()[m->entry];
  return (e.prefix ? e.code + "~" : e.code) + " " + std::to_string(m->end - m->begin);
}

}  // namespace

TEST_CASE("Default verb dictionary: loads without warnings and is broad", "[extract][lexicon][default-dictionaries]") {
  const VerbDictionaryCounts c = verbs().counts();
  CHECK(c.families >= 100);
  CHECK(c.verbs >= 400);
  CHECK(c.patterns >= 300);
  CHECK(c.synsets >= 50);
  // All 20 CAMEO roots are coded by some verb or pattern.
  std::vector<bool> roots(21, false);
  auto mark = [&](const std::string& code) {
    if (code.size() >= 2) roots[static_cast<size_t>(std::stoi(code.substr(0, 2)))] = true;
  };
  for (const Verb& v : verbs().verbs()) mark(v.code.source);
  for (const VerbPattern& p : verbs().patterns()) mark(p.code.source);
  for (int r = 1; r <= 20; ++r) {
    INFO("CAMEO root " << r);
    CHECK(roots[static_cast<size_t>(r)]);
  }
}

TEST_CASE("Default verb dictionary: every code is a CAMEO code", "[extract][lexicon][default-dictionaries]") {
  auto check = [](const VerbCode& c, uint32_t line) {
    INFO("verbs.txt:" << line << " [" << codeText(c) << "]");
    if (!c.source.empty()) CHECK(isCameoCode(c.source));
    if (!c.target.empty()) CHECK(isCameoCode(c.target));
  };
  for (const VerbFamily& f : verbs().families()) check(f.code, f.line);
  for (const Verb& v : verbs().verbs()) check(v.code, v.line);
  for (const VerbPattern& p : verbs().patterns()) check(p.code, p.line);
}

TEST_CASE("Default verb dictionary: verbs alone", "[extract][lexicon][default-dictionaries]") {
  CHECK(has(readings("BOMBED"), "BOMB 195"));
  CHECK(has(readings("STRUCK"), "ATTACK 190"));
  CHECK(has(readings("SHELLED"), "SHELL 194"));
  CHECK(has(readings("SHOT"), "SHOOT 193"));
  CHECK(has(readings("KIDNAPPED"), "ABDUCT 181"));
  CHECK(has(readings("EXECUTED"), "MURDER 1823"));
  CHECK(has(readings("ASSASSINATED"), "ASSASSINATE 186"));
  CHECK(has(readings("ARRESTED"), "ARREST 173"));
  CHECK(has(readings("EXPELLED"), "EXPEL 174"));
  CHECK(has(readings("CONDEMNED"), "CRITICIZE 111"));
  CHECK(has(readings("ACCUSES"), "ACCUSE 112"));
  CHECK(has(readings("VETOED"), "VETO 129"));
  CHECK(has(readings("THREATENING"), "THREATEN 130"));
  CHECK(has(readings("URGED"), "URGE 020"));
  CHECK(has(readings("PLEDGED"), "PROMISE 030"));
  CHECK(has(readings("MET"), "MEET 040"));
  CHECK(has(readings("VISITED"), "VISIT 042:043"));
  CHECK(has(readings("WITHDREW"), "WITHDRAW 087"));
  CHECK(has(readings("OCCUPIED"), "OCCUPY 192"));
  CHECK(has(readings("MASSACRED"), "MASSACRE 202"));
  // Speech verbs and light verbs are no event by themselves.
  CHECK(has(readings("SAID"), "SAY ---"));
  CHECK(has(readings("IMPOSED"), "IMPOSE ---"));
  // Multi-word verbs: the inflected word is the key, the rest must follow.
  bool shotDown = false, pulledOut = false;
  for (const VerbForm& f : verbs().lookupForm("SHOT")) {
    shotDown = shotDown || (f.after == std::vector<std::string>{"DOWN"} &&
                            codeText(verbs().verbs()[f.verb].code) == "190");
  }
  for (const VerbForm& f : verbs().lookupForm("PULLED")) {
    pulledOut = pulledOut || (f.after == std::vector<std::string>{"OUT"} &&
                              verbs().families()[verbs().verbs()[f.verb].family].name == "WITHDRAW");
  }
  CHECK(shotDown);
  CHECK(pulledOut);
}

TEST_CASE("Default verb dictionary: prepositions and objects select the target and the code",
          "[extract][lexicon][default-dictionaries]") {
  CHECK(patternCode("IMPOSE", "* &SANCTIONS (ON +)") == "163");      // imposed sanctions on X
  CHECK(patternCode("IMPOSE", "* CURFEW") == "1723");
  CHECK(patternCode("FIRE", "* &PROJECTILE (AT +)") == "190");       // fired rockets at X
  CHECK(patternCode("FIRE", "* &ATTACK (ON +)") == "190");           // launched an attack on X
  CHECK(patternCode("CARRY OUT", "* &AIRSTRIKE (ON +)") == "195");   // carried out airstrikes on X
  CHECK(patternCode("HOLD", "* &TALKS (WITH +)") == "046");          // held talks with X
  CHECK(patternCode("SIGN", "* &AGREEMENT (WITH +)") == "057");      // signed an agreement with X
  CHECK(patternCode("CALL", "* (ON +)") == "020");                   // called on X to ...
  CHECK(patternCode("WITHDRAW", "* (OF +)") == "087");               // pulled out of X
  CHECK(patternCode("WITHDRAW", "* &TROOPS (FROM +)") == "087");     // withdrew troops from X
  CHECK(patternCode("WITHDRAW", "* &ENVOY (FROM +)") == "161");      // recalled its ambassador from X
  CHECK(patternCode("LIFT", "* &SANCTIONS (ON +)") == "085");        // lifted sanctions on X
  CHECK(patternCode("SUSPEND", "* &TIES (WITH +)") == "161");        // severed ties with X
  CHECK(patternCode("THREATEN", "* + (WITH &SANCTIONS)") == "1312");
  CHECK(patternCode("PROVIDE", "* &WEAPONS (TO +)") == "072");       // supplied weapons to X
  CHECK(patternCode("HOST", "* &AID (FROM +)") == "---:070");        // received aid from X
  CHECK(patternCode("ATTACK", "* &AGREEMENT (WITH +)") == "057");    // struck a deal with X
  CHECK(patternCode("ATTACK", "+ * (BY $)") == "190");               // X was attacked by Y
  CHECK(patternCode("ADD", "* + (TO &BLACKLIST)") == "163");         // added X to its trade blacklist
  CHECK(patternCode("ADD", "* + (TO LIST) (OF &TERRORGROUP)") == "163");
}

TEST_CASE("Default verb dictionary: 'added X to' a blacklist is a sanction, other additions no event",
          "[extract][lexicon][default-dictionaries]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  CHECK(hasLine(facts("The United States added two Chinese firms to its trade blacklist on Thursday.", "2022-03-10"),
                "United States -COERCE-> China"));
  CHECK(hasLine(facts("Russia added Ukraine to its list of terrorist organisations.", "2022-03-10"),
                "Russia -COERCE-> Ukraine"));
  // Trade measures by their names: anti-dumping deposits, countervailing duties, levies.
  CHECK(hasLine(
      facts("China imposed anti-dumping deposits of up to 212 percent on Australian wine on Friday.", "2020-11-27"),
      "China -COERCE-> Australia"));
  CHECK(hasLine(facts("India imposed anti-subsidy duties on Chinese steel on Monday.", "2024-07-04"),
                "India -COERCE-> China"));
  CHECK(hasLine(facts("Britain imposed a levy on Russian imports on Monday.", "2024-07-04"),
                "United Kingdom -COERCE-> Russia"));
  // "declared X a terrorist / an extremist organisation": a designation, as "designated X ..." is.
  CHECK(hasLine(facts("Bahrain declared Hezbollah a terrorist group on Monday.", "2023-05-10"),
                "Bahrain -COERCE-> Hezbollah"));
  CHECK(
      hasLine(facts("Russia declared the Free Russia Foundation an undesirable organisation on Monday.", "2021-06-09"),
              "Russia -COERCE-> Free Russia Foundation"));
  // "barred X from running / entering": a ban (an unknown name after "barred" is a person).
  CHECK(hasLine(facts("The United States barred Consuela Portas from entering the country.", "2022-05-16"),
                "United States -COERCE-> Consuela Portas"));
  // Police officers sent abroad keep the peace (074), as peacekeepers do.
  CHECK(hasLine(facts("Kenya sent 400 police officers to Haiti on Tuesday.", "2024-06-26"), "Kenya -AID-> Haiti"));
  // "added" is speech, and "told X to" a demand, never "added X to".
  CHECK(facts("Kenya added Iran to the list of countries eligible for visas.", "2022-03-10").empty());
  CHECK(facts("The minister added that Iran would respond.", "2022-03-10").empty());
}

TEST_CASE("Default agent dictionary: loads without warnings and codes the roles of the news",
          "[extract][lexicon][default-dictionaries]") {
  CHECK(agents().entries().size() >= 500);
  CHECK(agentAt("officials") == "GOV 1");
  CHECK(agentAt("foreign minister") == "GOV 2");
  CHECK(agentAt("ministry of foreign affairs") == "GOV 4");
  CHECK(agentAt("spokesmen") == "GOV 1");
  CHECK(agentAt("lawmakers") == "LEG 1");
  CHECK(agentAt("congresswoman") == "LEG 1");
  CHECK(agentAt("prosecutors") == "JUD 1");
  CHECK(agentAt("troops") == "MIL 1");
  CHECK(agentAt("navy personnel") == "MIL 2");
  CHECK(agentAt("sailors") == "MIL 1");
  CHECK(agentAt("defense ministry") == "MIL 2");
  CHECK(agentAt("fighter jets") == "MIL 2");
  CHECK(agentAt("fighters") == "REB 1");
  CHECK(agentAt("security forces") == "COP 2");
  CHECK(agentAt("police") == "COP 1");
  CHECK(agentAt("militias") == "UAF 1");
  CHECK(agentAt("shiite militias") == "UAFSHI 2");
  CHECK(agentAt("state media") == "MED 2");
  CHECK(agentAt("protesters") == "OPP 1");
  CHECK(agentAt("human rights groups") == "HRI 3");
  CHECK(agentAt("ngos") == "NGO~ 1");
  CHECK(agentAt("refugees") == "REF 1");
  CHECK(agentAt("clerics") == "REL 1");
  CHECK(agentAt("businessmen") == "BUS 1");
  CHECK(agentAt("women") == "CVL 1");
}
