#include "extract/lexicon/verb_dictionary.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace kg;
using namespace kg::extract;

namespace {

const char* kSample =
    "<!-- a test dictionary\n"
    "     over two lines -->\n"
    "# a comment\n"
    "&CURRENCY\n"
    "+DOLLAR\n"
    "+EURO_\n"
    "+SWISS_FRANC\n"
    "&MONEYWORDS_\n"
    "+CASH\n"
    "+&CURRENCY\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "STOP {STOPS STOPPING STOPPED}\n"
    "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF} [1722]  # phrasal\n"
    "WIRE_+TAP\n"
    "VISIT\n"
    "TRY\n"
    "- * +                               [190]   # a comment\n"
    "- $ * (WITH &CURRENCY)              [071:072]\n"
    "- &CURRENCY_FUNDS * {FINANCIAL AID} ^ %  [:173]\n"
    "- IN_* OUT_                         [---]\n"
    "- * (FOR {&MONEYWORDS AID})         [###]\n"
    "~ a (b . ATTACK) SAY = a b 112\n"
    "--- MEET ---\n"
    "MEET {MEETS MET MEETING}\n";

// The (word, lemma, family name, kind) readings of a word.
std::vector<std::string> readings(const VerbDictionary& d, std::string_view word) {
  std::vector<std::string> out;
  for (const VerbForm& f : d.lookupForm(word)) {
    const Verb& v = d.verbs()[f.verb];
    std::string r = f.word + " " + v.lemma + " (" + d.families()[v.family].name + ") kind=" +
                    std::to_string(static_cast<int>(f.kind));
    for (const auto& b : f.before) r += " before=" + b;
    for (const auto& a : f.after) r += " after=" + a;
    out.push_back(r);
  }
  return out;
}

std::string petrarch(const char* file) { return std::string(KG_PETRARCH_DIR) + "/" + file; }

}  // namespace

TEST_CASE("VerbDictionary: synsets, families, verbs and their codes", "[extract][lexicon]") {
  std::vector<std::string> warnings;
  auto d = VerbDictionary::parse(kSample, "v.txt", &warnings);
  REQUIRE(d.isOk());
  CHECK(warnings.empty());
  const auto c = d->counts();
  CHECK(c.families == 2);
  CHECK(c.verbs == 7);
  CHECK(c.patterns == 5);
  CHECK(c.synsets == 2);
  CHECK(c.transformations == 1);

  // Plurals of the last word, none for a phrase or a label ending with '_';
  // a nested synset is expanded.
  const auto cur = d->findSynset("&CURRENCY");
  REQUIRE(cur >= 0);
  CHECK(d->synsets()[cur].phrases == std::vector<std::vector<std::string>>{
                                         {"DOLLAR"}, {"DOLLARS"}, {"EURO"}, {"SWISS", "FRANC"}, {"SWISS", "FRANCS"}});
  const auto money = d->findSynset("MONEYWORDS_");
  REQUIRE(money >= 0);
  CHECK(d->synsets()[money].phrases.size() == 6);
  CHECK(d->synsets()[money].phrases.front() == std::vector<std::string>{"CASH"});

  const auto& fams = d->families();
  CHECK(fams[0].name == "ATTACK");
  CHECK(fams[0].code == VerbCode{"190", ""});
  CHECK(fams[1].code.isNull());
  CHECK(fams[0].verbs.size() == 6);
  CHECK(fams[0].patterns.size() == 5);
  const auto& verbs = d->verbs();
  CHECK(verbs[0].lemma == "ATTACK");
  CHECK(verbs[0].code == VerbCode{"190", ""});
  CHECK_FALSE(verbs[0].ownCode);
  CHECK(verbs[2].lemma == "CORDON OFF");
  CHECK(verbs[2].verbWord == 0);
  CHECK(verbs[2].ownCode);
  CHECK(verbs[2].code == VerbCode{"1722", ""});
  CHECK(verbs[3].lemma == "WIRE TAP");
  CHECK(verbs[3].verbWord == 1);
  CHECK(verbs[6].lemma == "MEET");
  CHECK(verbs[6].code.isNull());
}

TEST_CASE("VerbDictionary: regular forms are generated, {...} lists the irregular ones", "[extract][lexicon]") {
  auto d = VerbDictionary::parse(kSample, "v.txt", nullptr);
  REQUIRE(d.isOk());
  CHECK(readings(*d, "attacks") == std::vector<std::string>{"ATTACKS ATTACK (ATTACK) kind=1"});
  CHECK(readings(*d, "Attacked") == std::vector<std::string>{"ATTACKED ATTACK (ATTACK) kind=2"});
  CHECK(readings(*d, "attacking") == std::vector<std::string>{"ATTACKING ATTACK (ATTACK) kind=3"});
  CHECK(readings(*d, "attack") == std::vector<std::string>{"ATTACK ATTACK (ATTACK) kind=0"});
  // -IES / -IED / -YING; a one-syllable verb doubles its consonant; a longer
  // one gets both spellings.
  CHECK(readings(*d, "tries").size() == 1);
  CHECK(readings(*d, "tried").size() == 1);
  CHECK(readings(*d, "trying").size() == 1);
  CHECK(readings(*d, "tapped") == std::vector<std::string>{"TAPPED WIRE TAP (ATTACK) kind=2 before=WIRE"});
  CHECK(readings(*d, "tapping").size() == 1);
  CHECK(readings(*d, "visited").size() == 1);
  CHECK(readings(*d, "visitted").size() == 1);
  // Braces: exactly the listed forms, no generated ones.
  CHECK(readings(*d, "stopped") == std::vector<std::string>{"STOPPED STOP (ATTACK) kind=2"});
  CHECK(readings(*d, "stoped").empty());
  CHECK(readings(*d, "met") == std::vector<std::string>{"MET MEET (MEET) kind=2"});
  CHECK(readings(*d, "meeted").empty());
  const auto cordoned = d->lookupForm("CORDONED");
  REQUIRE(cordoned.size() == 1);
  CHECK(cordoned[0].after == std::vector<std::string>{"OFF"});
  CHECK(cordoned[0].listed);
  CHECK(cordoned[0].kind == VerbFormKind::kPast);
  CHECK(d->lookupForm("cordons")[0].kind == VerbFormKind::kThirdPerson);
  CHECK(d->lookupForm("nothing").empty());
}

TEST_CASE("VerbDictionary: patterns are token sequences around the verb", "[extract][lexicon]") {
  auto d = VerbDictionary::parse(kSample, "v.txt", nullptr);
  REQUIRE(d.isOk());
  const auto& p = d->patterns();
  REQUIRE(p.size() == 5);
  const auto cur = static_cast<uint32_t>(d->findSynset("CURRENCY"));

  // "- * +  [190]"
  CHECK(p[0].pre.empty());
  REQUIRE(p[0].post.size() == 1);
  CHECK(p[0].post[0].kind == PatternTokenKind::kTarget);
  CHECK(p[0].code == VerbCode{"190", ""});
  CHECK(p[0].line == 18);

  // "- $ * (WITH &CURRENCY) [071:072]": source and target events.
  REQUIRE(p[1].pre.size() == 1);
  CHECK(p[1].pre[0].kind == PatternTokenKind::kSource);
  REQUIRE(p[1].post.size() == 2);
  CHECK(p[1].post[0].word == "WITH");
  CHECK(p[1].post[0].prepPhrase != 0);
  CHECK(p[1].post[1].kind == PatternTokenKind::kSynset);
  CHECK(p[1].post[1].synset == cur);
  CHECK(p[1].post[1].prepPhrase == p[1].post[0].prepPhrase);
  CHECK(p[1].code == VerbCode{"071", "072"});

  // "- &CURRENCY_FUNDS * {FINANCIAL AID} ^ % [:173]"
  REQUIRE(p[2].pre.size() == 2);
  CHECK(p[2].pre[0].kind == PatternTokenKind::kSynset);
  CHECK(p[2].pre[1].word == "FUNDS");
  CHECK(p[2].pre[1].joined);
  CHECK_FALSE(p[2].verbJoinedToPre);
  REQUIRE(p[2].post.size() == 4);
  CHECK(p[2].post[0].word == "FINANCIAL");
  CHECK(p[2].post[1].word == "AID");
  CHECK(p[2].post[0].nounPhrase != 0);
  CHECK(p[2].post[1].nounPhrase == p[2].post[0].nounPhrase);
  CHECK(p[2].post[0].prepPhrase == 0);
  CHECK(p[2].post[2].kind == PatternTokenKind::kSkip);
  CHECK(p[2].post[2].nounPhrase == 0);
  CHECK(p[2].post[3].kind == PatternTokenKind::kCompound);
  CHECK(p[2].code == VerbCode{"", "173"});

  // "- IN_* OUT_ [---]": '_' joins to the verb; a trailing '_' joins nothing.
  REQUIRE(p[3].pre.size() == 1);
  CHECK(p[3].verbJoinedToPre);
  REQUIRE(p[3].post.size() == 1);
  CHECK(p[3].post[0].word == "OUT");
  CHECK_FALSE(p[3].post[0].joined);
  CHECK(p[3].code.isNull());

  // A noun phrase inside a prepositional phrase; "[###]" is a code, not a comment.
  REQUIRE(p[4].post.size() == 3);
  CHECK(p[4].post[1].kind == PatternTokenKind::kSynset);
  CHECK(p[4].post[1].nounPhrase != 0);
  CHECK(p[4].post[2].prepPhrase == p[4].post[0].prepPhrase);
  CHECK(p[4].code == VerbCode{"###", ""});

  const auto& t = d->transformations();
  REQUIRE(t.size() == 1);
  CHECK(t[0].outerSource == "a");
  CHECK(t[0].innerSource == "b");
  CHECK(t[0].innerTarget == ".");
  CHECK(t[0].innerVerb == "ATTACK");
  CHECK(t[0].outerVerb == "SAY");
  CHECK(t[0].resultSource == "a");
  CHECK(t[0].resultTarget == "b");
  CHECK(t[0].resultCode == "112");
}

TEST_CASE("VerbDictionary: every unreadable line is a file:line warning", "[extract][lexicon]") {
  const char* text =
      "ORPHAN\n"                       // 1: before any family
      "- * X [010]\n"                  // 2: pattern before any family
      "--- BAD [190] ---\n"            // 3
      "- * (WITH X [190]\n"            // 4: unclosed '('
      "- * X\n"                        // 5: no code
      "- * &NOPE [190]\n"              // 6: undefined synset
      "- X Y [190]\n"                  // 7: no '*'
      "- * * [190]\n"                  // 8: second '*'
      "VERB {A B\n"                    // 9: '{' not closed
      "BAD*VERB\n"                     // 10: '*' in a verb
      "~ a b = c\n"                    // 11: not a transformation
      "- * X [1 2]\n"                  // 12: a blank in the code
      "- * X [010]\n"                  // 13: fine
      "&\n";                           // 14: no synset name
  std::vector<std::string> warnings;
  auto d = VerbDictionary::parse(text, "bad.txt", &warnings);
  REQUIRE(d.isOk());
  CHECK(d->patterns().size() == 1);
  CHECK(d->verbs().empty());
  std::vector<std::string> where;
  for (const auto& w : warnings) where.push_back(w.substr(0, w.find(':', 8)));
  CHECK(where == std::vector<std::string>{"bad.txt:1", "bad.txt:2", "bad.txt:4", "bad.txt:5", "bad.txt:6",
                                          "bad.txt:7", "bad.txt:8", "bad.txt:9", "bad.txt:10", "bad.txt:11",
                                          "bad.txt:12", "bad.txt:14"});
  CHECK(warnings[4].find("&NOPE") != std::string::npos);
}

TEST_CASE("VerbDictionary: a missing file is NotFound", "[extract][lexicon]") {
  auto d = VerbDictionary::load("/nonexistent/verbs.txt", nullptr);
  CHECK(d.status().code() == StatusCode::kNotFound);
}

TEST_CASE("VerbDictionary: the Phoenix CAMEO.2.0 verb dictionary loads", "[extract][lexicon][petrarch-data]") {
  std::vector<std::string> warnings;
  auto d = VerbDictionary::load(petrarch("CAMEO.2.0.txt"), &warnings);
  REQUIRE(d.isOk());  // fails (NotFound) when ../shared is missing
  const auto c = d->counts();
  CHECK(c.families == 397);
  CHECK(c.verbs == 1817);
  CHECK(c.forms == 7515);
  CHECK(c.patterns == 4664);
  CHECK(c.synsets == 40);
  CHECK(c.transformations == 8);
  // The four defects of the file itself: two patterns with a stray ')', two
  // patterns naming synsets the file never defines (&WEATHER, &DEMONSTRATION).
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0].find("CAMEO.2.0.txt:2374: unbalanced ')'") != std::string::npos);
  CHECK(warnings[1].find("CAMEO.2.0.txt:7606: unbalanced ')'") != std::string::npos);
  CHECK(warnings[2].find("CAMEO.2.0.txt:8443: undefined synset '&WEATHER'") != std::string::npos);
  CHECK(warnings[3].find("CAMEO.2.0.txt:8444: undefined synset '&DEMONSTRATION'") != std::string::npos);

  // "ATTACK" belongs to PHYSICAL_CONFLICT [190]; "+ASK_FOR {+ASKED_FOR ...} [020]".
  const auto attacked = readings(*d, "attacked");
  CHECK(std::find(attacked.begin(), attacked.end(), "ATTACKED ATTACK (PHYSICAL CONFLICT) kind=2") != attacked.end());
  bool askedFor = false;
  for (const VerbForm& f : d->lookupForm("asked")) {
    const Verb& v = d->verbs()[f.verb];
    if (f.after == std::vector<std::string>{"FOR"} && v.ownCode) askedFor = v.code == VerbCode{"020", ""};
  }
  CHECK(askedFor);
  CHECK(d->findSynset("FIGHT_OF_WORDS") >= 0);
  auto hasLemma = [&](std::string_view word, std::string_view lemma) {
    for (const VerbForm& f : d->lookupForm(word))
      if (d->verbs()[f.verb].lemma == lemma) return true;
    return false;
  };
  CHECK(hasLemma("sent", "SEND"));          // SEND {SENDS SENDING SENT}
  CHECK(hasLemma("agreed", "AGREE"));       // generated: -E + D
  CHECK(hasLemma("cordoned", "CORDON OFF"));  // "+CORDON_OFF" without {...}
  CHECK_FALSE(hasLemma("sended", "SEND"));
  bool visits = false;
  for (const VerbForm& f : d->lookupForm("visits")) {
    if (f.before.empty() && f.after.empty())
      visits = d->families()[d->verbs()[f.verb].family].code == VerbCode{"042", "043"};
  }
  CHECK(visits);
}

TEST_CASE("VerbDictionary: the PETRARCH validation verb dictionary loads", "[extract][lexicon][petrarch-data]") {
  std::vector<std::string> warnings;
  auto d = VerbDictionary::load(petrarch("validation/PETR.Validate.verbs.txt"), &warnings);
  REQUIRE(d.isOk());
  const auto c = d->counts();
  CHECK(c.families == 261);
  CHECK(c.verbs == 269);
  CHECK(c.forms == 1131);
  CHECK(c.patterns == 474);
  CHECK(c.synsets == 17);
  CHECK(c.transformations == 0);
  // "--- DELAY [120]  [031:031]  ---": the second code is reported, not used.
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("PETR.Validate.verbs.txt:447: extra text after the family code") != std::string::npos);
  // Nested synset (&ACCORDSYN holds &TIETYPES and &CURRENCY) and the TABARI
  // '_' joins ("SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS").
  const auto accord = d->findSynset("ACCORDSYN");
  REQUIRE(accord >= 0);
  CHECK(d->synsets()[accord].phrases.size() > 10);
  const auto lash = d->lookupForm("lashed");
  REQUIRE(lash.size() == 1);
  CHECK(lash[0].after == std::vector<std::string>{"OUT"});
}
