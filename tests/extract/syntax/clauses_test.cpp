// Clauses: who did what to whom, as the event coder reads it.
#include "extract/syntax/clauses.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace syn = kg::extract::syntax;
using syn::ClauseKind;

namespace {

const syn::Lexicon& lexicon() {
  static const auto kLexicon = syn::Lexicon::load();
  INFO(kLexicon.status().toString());
  REQUIRE(kLexicon.isOk());
  return **kLexicon;
}

std::string np(const syn::SentenceParse& p, int32_t i) {
  return i == syn::kNoIndex ? "-" : std::string(syn::spanText(p, p.nps[static_cast<size_t>(i)].span));
}

// "S|V|O1;O2|prep:NP;prep:NP" for the clause whose verb has `lemma`.
std::string svo(const syn::SentenceParse& p, const syn::Clause& c) {
  std::string out = np(p, c.subject) + "|" + p.vgs[c.verb].lemma + "|";
  for (size_t i = 0; i < c.objects.size(); ++i) out += (i ? ";" : "") + np(p, static_cast<int32_t>(c.objects[i]));
  out += "|";
  for (size_t i = 0; i < c.pps.size(); ++i) {
    const syn::PrepPhrase& pp = p.pps[c.pps[i]];
    out += (i ? ";" : "") + pp.prep + ":" + np(p, pp.np);
  }
  return out;
}

const syn::Clause& clause(const syn::SentenceParse& p, const std::string& lemma) {
  for (const syn::Clause& c : p.clauses)
    if (p.vgs[c.verb].lemma == lemma) return c;
  FAIL("no clause with verb " << lemma << " in\n" << syn::toString(p));
  return p.clauses.front();
}

syn::SentenceParse parse(const std::string& s) { return syn::parse(lexicon(), s, 0); }

}  // namespace

TEST_CASE("Clauses: subject, verb, object and prepositional phrases", "[extract][syntax]") {
  syn::SentenceParse p = parse("The Turkish President Recep Tayyip Erdogan warned Kurdish groups on Tuesday.");
  REQUIRE(p.clauses.size() == 1);
  CHECK(p.clauses[0].kind == ClauseKind::kMain);
  CHECK(svo(p, p.clauses[0]) == "The Turkish President Recep Tayyip Erdogan|warn|Kurdish groups|on:Tuesday");
}

TEST_CASE("Clauses: NPs inside PPs are neither objects nor subjects", "[extract][syntax]") {
  syn::SentenceParse p = parse("Israeli jets hit depots in Syria and Iraq.");
  CHECK(svo(p, clause(p, "hit")) == "Israeli jets|hit|depots|in:Syria and Iraq");

  syn::SentenceParse q = parse("A drone strike near Erbil killed a commander.");
  const syn::Clause& c = clause(q, "kill");
  CHECK(svo(q, c) == "A drone strike|kill|a commander|");
  CHECK(q.words[q.nps[static_cast<size_t>(c.subject)].head].lower == "strike");
}

TEST_CASE("Clauses: passive with and without an agent", "[extract][syntax]") {
  syn::SentenceParse p = parse("Three soldiers were killed by a roadside bomb in Kirkuk.");
  const syn::Clause& c = clause(p, "kill");
  CHECK(p.vgs[c.verb].voice == syn::Voice::kPassive);
  CHECK(np(p, c.agent) == "a roadside bomb");
  CHECK(svo(p, c) == "Three soldiers|kill||in:Kirkuk");

  syn::SentenceParse q = parse("Two journalists were arrested in Tehran.");
  const syn::Clause& d = clause(q, "arrest");
  CHECK(q.vgs[d.verb].voice == syn::Voice::kPassive);
  CHECK(d.agent == syn::kNoIndex);
  CHECK(svo(q, d) == "Two journalists|arrest||in:Tehran");
}

TEST_CASE("Clauses: a reduced passive describes the noun before it", "[extract][syntax]") {
  syn::SentenceParse p = parse("Two civilians killed in an air strike were buried on Friday.");
  const syn::Clause& killed = clause(p, "kill");
  CHECK(killed.kind == ClauseKind::kRelative);
  CHECK(p.vgs[killed.verb].reducedPassive);
  CHECK(np(p, killed.subject) == "Two civilians");
  CHECK(svo(p, clause(p, "bury")) == "Two civilians|bury||on:Friday");

  syn::SentenceParse q = parse("The militia, backed by Iran, seized the town.");
  const syn::Clause& backed = clause(q, "back");
  CHECK(backed.kind == ClauseKind::kRelative);
  CHECK(np(q, backed.agent) == "Iran");
  CHECK(svo(q, clause(q, "seize")) == "The militia|seize|the town|");
  // The same with a phrase after the agent: the noun it describes is still the subject after the comma.
  syn::SentenceParse v = parse("Russia, accused by Estonia of spying, expelled two diplomats.");
  CHECK(svo(v, clause(v, "expel")) == "Russia|expel|two diplomats|");

  // After an apposition set off by commas, the sentence's only verb is its main verb.
  syn::SentenceParse r = parse("Russian President Vladimir Putin and his Turkish counterpart, Recep Tayyip Erdogan, met in Sochi.");
  const syn::Clause& met = clause(r, "meet");
  CHECK(met.kind == ClauseKind::kMain);
  CHECK_FALSE(r.vgs[met.verb].reducedPassive);
  // A reduced relative inside an apposition ends at its closing comma: what follows is the main clause's.
  syn::SentenceParse u = parse("Washington designated Harakat al-Nujaba, an Iraqi militia led by Akram al-Kaabi, as a "
                               "terrorist organisation on Tuesday.");
  CHECK(svo(u, clause(u, "designate")) == "Washington|designate|Harakat al-Nujaba|as:a terrorist organisation;on:Tuesday");
  CHECK(clause(u, "lead").pps.empty());
  // With another verb after it, the participle still describes the apposition.
  syn::SentenceParse t = parse("The commander, Abu Fadak, named in January, met the prime minister.");
  CHECK(clause(t, "name").kind == ClauseKind::kRelative);
}

TEST_CASE("Clauses: a subject opened by 'neither' negates its verb", "[extract][syntax]") {
  syn::SentenceParse p = parse("Neither Estonia nor Latvia has expelled Russian diplomats.");
  CHECK(p.vgs[clause(p, "expel").verb].negated);
  syn::SentenceParse q = parse("Estonia and Latvia have expelled Russian diplomats.");
  CHECK_FALSE(q.vgs[clause(q, "expel").verb].negated);
}

TEST_CASE("Clauses: negation and future", "[extract][syntax]") {
  syn::SentenceParse p = parse("Hezbollah did not attack Israeli positions.");
  const syn::Clause& c = clause(p, "attack");
  CHECK(p.vgs[c.verb].negated);
  CHECK(svo(p, c) == "Hezbollah|attack|Israeli positions|");

  syn::SentenceParse q = parse("Putin will meet Erdogan in Sochi next week.");
  const syn::Clause& d = clause(q, "meet");
  CHECK(q.vgs[d.verb].tense == syn::Tense::kFuture);
  CHECK(svo(q, d) == "Putin|meet|Erdogan|in:Sochi");
}

TEST_CASE("Clauses: reported speech keeps the speaker apart", "[extract][syntax]") {
  syn::SentenceParse p = parse("The French minister said that Britain would impose sanctions on Damascus.");
  const syn::Clause& said = clause(p, "say");
  const syn::Clause& impose = clause(p, "impose");
  CHECK(said.kind == ClauseKind::kMain);
  CHECK(said.objects.empty());
  CHECK(impose.kind == ClauseKind::kReported);
  CHECK(impose.subordinator == "that");
  CHECK(np(p, impose.speaker) == "The French minister");
  CHECK(svo(p, impose) == "Britain|impose|sanctions|on:Damascus");
  CHECK(p.vgs[impose.verb].modality == syn::Modality::kModal);

  // Without "that", and with the speaker at the end.
  syn::SentenceParse q = parse("Iran did not attack the tanker, the foreign ministry said.");
  const syn::Clause& attack = clause(q, "attack");
  CHECK(attack.kind == ClauseKind::kReported);
  CHECK(np(q, attack.speaker) == "the foreign ministry");
  CHECK(svo(q, attack) == "Iran|attack|the tanker|");

  syn::SentenceParse t = parse("The Pentagon said it had deployed 3,000 more troops to the region.");
  CHECK(svo(t, clause(t, "deploy")) == "it|deploy|3,000 more troops|to:the region");
  CHECK(np(t, clause(t, "deploy").speaker) == "The Pentagon");

  syn::SentenceParse u = parse("\"We will not allow Iran to obtain nuclear weapons,\" Netanyahu told reporters.");
  CHECK(np(u, clause(u, "allow").speaker) == "Netanyahu");
  CHECK(svo(u, clause(u, "tell")) == "Netanyahu|tell|reporters|");

  syn::SentenceParse v = parse("Trump told Congress that the strike was legal.");
  CHECK(svo(v, clause(v, "tell")) == "Trump|tell|Congress|");
  CHECK(np(v, clause(v, "be").speaker) == "Trump");

  syn::SentenceParse r = parse("Turkish troops shelled the village, said the governor.");
  CHECK(np(r, clause(r, "shell").speaker) == "the governor");

  syn::SentenceParse s = parse("According to officials, Turkey shelled Kurdish positions.");
  CHECK(np(s, clause(s, "shell").speaker) == "officials");
  CHECK(svo(s, clause(s, "shell")) == "Turkey|shell|Kurdish positions|");
}

TEST_CASE("Clauses: an appositive is not the subject", "[extract][syntax]") {
  syn::SentenceParse p = parse("Qais al-Khazali, the leader of Asa'ib Ahl al-Haq, condemned the strike.");
  CHECK(svo(p, clause(p, "condemn")) == "Qais al-Khazali|condemn|the strike|");
}

TEST_CASE("Clauses: a relative clause takes its antecedent as subject", "[extract][syntax]") {
  syn::SentenceParse p = parse("The group, which is backed by Iran, denied the claim.");
  const syn::Clause& rel = clause(p, "back");
  CHECK(rel.kind == ClauseKind::kRelative);
  CHECK(rel.subordinator == "which");
  CHECK(np(p, rel.subject) == "The group");
  CHECK(np(p, rel.agent) == "Iran");
  CHECK(svo(p, clause(p, "deny")) == "The group|deny|the claim|");

  syn::SentenceParse q = parse("Iraqi forces killed three militants who attacked a checkpoint.");
  CHECK(svo(q, clause(q, "kill")) == "Iraqi forces|kill|three militants|");
  CHECK(svo(q, clause(q, "attack")) == "three militants|attack|a checkpoint|");
}

TEST_CASE("Clauses: coordinated subjects and coordinated verbs", "[extract][syntax]") {
  syn::SentenceParse p = parse("Soleimani and al-Muhandis were killed in a U.S. strike at Baghdad airport.");
  const syn::Clause& c = clause(p, "kill");
  CHECK(p.nps[static_cast<size_t>(c.subject)].members.size() == 2);
  CHECK(svo(p, c) == "Soleimani and al-Muhandis|kill||in:a U.S. strike;at:Baghdad airport");

  syn::SentenceParse q = parse("Iraq's prime minister condemned the raid and threatened the United States.");
  CHECK(svo(q, clause(q, "condemn")) == "Iraq's prime minister|condemn|the raid|");
  const syn::Clause& threatened = clause(q, "threaten");
  CHECK(threatened.kind == ClauseKind::kCoordinated);
  CHECK(threatened.subjectInherited);
  CHECK(svo(q, threatened) == "Iraq's prime minister|threaten|the United States|");

  syn::SentenceParse r = parse("Protesters in Baghdad burned American flags and chanted slogans against the government.");
  CHECK(svo(r, clause(r, "burn")) == "Protesters|burn|American flags|");
  CHECK(svo(r, clause(r, "chant")) == "Protesters|chant|slogans|against:the government");
}

TEST_CASE("Clauses: a verb of speech or appeal after a reported clause goes on with the speaker", "[extract][syntax]") {
  // The conjunct's subject is the one who spoke, not the reported clause's.
  syn::SentenceParse p = parse("The envoy said that the talks were useful and urged Ruritania to release the sailors.");
  const syn::Clause& urged = clause(p, "urge");
  CHECK(urged.kind == ClauseKind::kCoordinated);
  CHECK(urged.parent == syn::kNoIndex);
  CHECK(svo(p, urged) == "The envoy|urge|Ruritania|");
  syn::SentenceParse q = parse("The minister told reporters the strike was illegal and called on Ruritania to respond.");
  CHECK(svo(q, clause(q, "call")) == "The minister|call|Ruritania|");
  // Another verb is the reported clause's conjunct: Ruritania seized the tanker.
  syn::SentenceParse r = parse("The envoy said Ruritania attacked two ships and seized a tanker.");
  const syn::Clause& seized = clause(r, "seize");
  CHECK(svo(r, seized) == "Ruritania|seize|a tanker|");
  CHECK(seized.parent != syn::kNoIndex);  // under the reporting clause
  // So is a verb in another tense than the reporting one.
  syn::SentenceParse s2 = parse("The envoy says the talks were useful and urged Ruritania to act.");
  CHECK(np(s2, clause(s2, "urge").subject) == "the talks");
}

TEST_CASE("Clauses: a directive after a 'that' clause of a verb of judging goes on with its subject",
          "[extract][syntax]") {
  // "ruled that A has ... and ordered B to": the court orders, not A.
  syn::SentenceParse p = parse(
      "The court ruled on Monday that Ruritania has sovereignty over the temple, and ordered Gondor to withdraw.");
  CHECK(svo(p, clause(p, "order")) == "The court|order|Gondor|");
  // Another verb stays with the "that" clause: "found that A attacked ships and seized a tanker".
  syn::SentenceParse q = parse("The panel found that Ruritania attacked two ships and seized a tanker.");
  CHECK(np(q, clause(q, "seize").subject) == "Ruritania");
}

TEST_CASE("Clauses: infinitival complements keep their own arguments", "[extract][syntax]") {
  syn::SentenceParse p = parse("Secretary of State Mike Pompeo called on Iraq to protect American diplomats.");
  const syn::Clause& c = clause(p, "call");
  CHECK(svo(p, c) == "Secretary of State Mike Pompeo|call|Iraq|");
  REQUIRE(c.complementObjects.size() == 1);
  CHECK(np(p, static_cast<int32_t>(c.complementObjects[0])) == "American diplomats");
  CHECK(p.vgs[static_cast<size_t>(p.vgs[c.verb].complement)].lemma == "protect");
}

TEST_CASE("Clauses: participial adjuncts share the main subject", "[extract][syntax]") {
  syn::SentenceParse p = parse("Militants attacked a checkpoint, killing three soldiers.");
  const syn::Clause& c = clause(p, "kill");
  CHECK(c.kind == ClauseKind::kParticipial);
  CHECK(svo(p, c) == "Militants|kill|three soldiers|");

  syn::SentenceParse q = parse("Rebels loyal to Haftar shelled the airport, killing at least five civilians.");
  CHECK(svo(q, clause(q, "shell")) == "Rebels|shell|the airport|");
  CHECK(svo(q, clause(q, "kill")) == "Rebels|kill|at least five civilians|");
}

TEST_CASE("Clauses: after/before/when/if clauses are subordinate", "[extract][syntax]") {
  syn::SentenceParse p = parse("The army pulled out of Syria after the talks collapsed.");
  const syn::Clause& after = clause(p, "collapse");
  CHECK(after.kind == ClauseKind::kSubordinate);
  CHECK(after.subordinator == "after");
  CHECK(svo(p, clause(p, "pull")) == "The army|pull||of:Syria");

  syn::SentenceParse q = parse("When the protesters arrived, police fired tear gas.");
  CHECK(clause(q, "arrive").kind == ClauseKind::kSubordinate);
  CHECK(svo(q, clause(q, "fire")) == "police|fire|tear gas|");

  syn::SentenceParse r = parse("If Iran attacks the tanker, Britain will respond.");
  const syn::Clause& cond = clause(r, "attack");
  CHECK(cond.kind == ClauseKind::kSubordinate);
  CHECK(r.vgs[cond.verb].modality == syn::Modality::kConditional);
}

TEST_CASE("Clauses: the debug printer shows brackets and clauses", "[extract][syntax]") {
  syn::SentenceParse p = parse("Hezbollah did not attack Israeli positions.");
  CHECK(syn::toString(p) ==
        "[NP0 Hezbollah/PROPN] [VG0{attack,active,past,neg} did/AUX not/NEG attack/VERB] "
        "[NP1 Israeli/ADJ positions/NOUN] ./PUNCT\n"
        "clause0 main: S=NP0 \"Hezbollah\" V=VG0{attack,active,past,neg} O=[NP1 \"Israeli positions\"] PP=[]\n");
}

TEST_CASE("Clauses: a phrase of time between the subject and its verb is no subject", "[extract][syntax]") {
  syn::SentenceParse p = parse("Poland last week expelled 45 Russian diplomats.");
  CHECK(svo(p, clause(p, "expel")) == "Poland|expel|45 Russian diplomats|");
  syn::SentenceParse q = parse("Chile this month recalled its ambassador.");
  CHECK(svo(q, clause(q, "recall")) == "Chile|recall|its ambassador|");
  // A subject that is itself a phrase of time stays the subject.
  syn::SentenceParse r = parse("Last week was quiet.");
  CHECK(np(r, r.clauses.front().subject) == "Last week");
}

TEST_CASE("Clauses: a gerund after a word of time is an adjunct clause with the main clause's subject",
          "[extract][syntax]") {
  syn::SentenceParse p = parse("Putin praised China after meeting Xi Jinping in Beijing.");
  CHECK(svo(p, clause(p, "praise")) == "Putin|praise|China|");
  const syn::Clause& meet = clause(p, "meet");
  CHECK(meet.kind == ClauseKind::kParticipial);
  CHECK(svo(p, meet) == "Putin|meet|Xi Jinping|in:Beijing");
  syn::SentenceParse q = parse("Before leaving Beijing, Putin met Xi Jinping.");
  CHECK(svo(q, clause(q, "leave")) == "Putin|leave|Beijing|");
  // "without naming X" is no clause of its own: it says the act did not happen.
  syn::SentenceParse r = parse("Putin praised China without naming Japan.");
  for (const syn::Clause& c : r.clauses) CHECK(r.vgs[c.verb].lemma != "name");
}

TEST_CASE("Clauses: a relative clause with its own subject has its antecedent as object", "[extract][syntax]") {
  const auto p = syn::parse(lexicon(), "The United States struck Kata'ib Hezbollah, which Washington blamed for the attack.", 0);
  const syn::Clause* rel = nullptr;
  for (const auto& c : p.clauses)
    if (c.kind == syn::ClauseKind::kRelative) rel = &c;
  REQUIRE(rel != nullptr);
  REQUIRE(rel->objects.size() == 1);
  CHECK(p.words[p.nps[rel->objects[0]].head].lower == "hezbollah");
  // A subject relative keeps its own object.
  const auto q = syn::parse(lexicon(), "Kata'ib Hezbollah, which attacked the base, denied it.", 0);
  for (const auto& c : q.clauses)
    if (c.kind == syn::ClauseKind::kRelative) {
      REQUIRE(c.objects.size() == 1);
      CHECK(q.words[q.nps[c.objects[0]].head].lower == "base");
    }
}

TEST_CASE("Clauses: a participle like its base before 'by' is a reduced passive, and after a named place it describes "
          "the noun the place locates",
          "[extract][syntax]") {
  const syn::SentenceParse p = syn::parse(lexicon(), "Drones struck camps run by the Velmora Front on Thursday.", 0);
  bool passive = false;
  for (const auto& vg : p.vgs) passive = passive || (vg.lemma == "run" && vg.voice == syn::Voice::kPassive);
  CHECK(passive);
  const syn::SentenceParse q =
      syn::parse(lexicon(), "Jets struck buildings in eastern Gondor used by the Velmora Front on Thursday.", 0);
  bool found = false;
  for (const auto& c : q.clauses) {
    if (q.vgs[c.verb].lemma != "use") continue;
    found = true;
    CHECK(syn::spanText(q, q.nps[static_cast<size_t>(c.subject)].span) == "buildings");
  }
  CHECK(found);
}

TEST_CASE("Clauses: a participle on a verb's object describes it, and an aspectual verb governs the gerund after it",
          "[extract][syntax]") {
  const syn::SentenceParse p =
      syn::parse(lexicon(), "The rebels kept targeting ships linked to Gondor until the war ended.", 0);
  bool relative = false, governed = false;
  for (const auto& c : p.clauses)
    if (p.vgs[c.verb].lemma == "link") relative = c.kind == syn::ClauseKind::kRelative && p.vgs[c.verb].reducedPassive;
  for (const auto& vg : p.vgs)
    if (vg.lemma == "target" && vg.governor != syn::kNoIndex) governed = p.vgs[static_cast<size_t>(vg.governor)].lemma == "keep";
  CHECK(relative);
  CHECK(governed);
}

TEST_CASE("Clauses: a relative clause with no relative word has the noun before its pronoun subject as its object",
          "[extract][syntax]") {
  syn::SentenceParse p = parse("The United States lifted the sanctions it had imposed on Turkey.");
  const syn::Clause& c = clause(p, "impose");
  CHECK(c.kind == ClauseKind::kRelative);
  CHECK(svo(p, c) == "it|impose|the sanctions|on:Turkey");
  // Not after a speech verb's addressee: "told reporters it would ..." is what was said.
  syn::SentenceParse q = parse("Iran told reporters it would retaliate.");
  CHECK(clause(q, "retaliate").kind == ClauseKind::kReported);
  // The noun of a preposition's phrase too.
  syn::SentenceParse r =
      parse("The United States fired missiles at an air base in retaliation for a chemical attack it blamed on Syria.");
  const syn::Clause& b = clause(r, "blame");
  CHECK(b.kind == ClauseKind::kRelative);
  CHECK(svo(r, b) == "it|blame|a chemical attack|on:Syria");
}

TEST_CASE("Clauses: an intransitive verb, or one before an infinitive, is no reduced passive", "[extract][syntax]") {
  // The infinitive is no main verb for the participle to hang on.
  syn::SentenceParse p = parse("Zelensky arrived in Jeddah on Friday to address a summit of the Arab League.");
  const syn::Clause& c = clause(p, "arrive");
  CHECK(c.kind == ClauseKind::kMain);
  CHECK(p.vgs[c.verb].voice == syn::Voice::kActive);
  CHECK(np(p, c.subject) == "Zelensky");
  syn::SentenceParse q = parse("Troops stationed in Iraq on Friday to train local forces.");
  CHECK(clause(q, "station").kind == ClauseKind::kMain);
  // "arrive", "flee", "resign" have no passive at all.
  syn::SentenceParse r = parse("Two protesters who had fled Tehran arrived in Ankara at dawn.");
  CHECK(r.vgs[clause(r, "arrive").verb].voice == syn::Voice::kActive);
  // A transitive participle before a finite verb still describes its noun.
  syn::SentenceParse t = parse("Troops stationed in Iraq were attacked on Friday.");
  CHECK(clause(t, "station").kind == ClauseKind::kRelative);
}

TEST_CASE("Clauses: 'Officials from X and Y met' is an active meeting, not a participle on the place",
          "[extract][syntax]") {
  syn::SentenceParse p = parse("Officials from Iraq and Iran met in Baghdad on Monday.");
  const syn::Clause& c = clause(p, "meet");
  CHECK(c.kind == ClauseKind::kMain);
  CHECK(p.vgs[c.verb].voice == syn::Voice::kActive);
  CHECK(np(p, c.subject) == "Officials");
  // A participle after a place phrase still describes the noun the place locates.
  syn::SentenceParse q = parse("Israel struck buildings in eastern Syria used by Hezbollah.");
  CHECK(clause(q, "use").kind == ClauseKind::kRelative);
}

TEST_CASE("Clauses: an active verb with an object after 'and' goes on the clause before a reduced passive",
          "[extract][syntax]") {
  const auto p = syn::parse(lexicon(), "Gondor raided a fort used by Mordor on Monday and seized its weapons.", 0);
  bool found = false;
  for (const auto& c : p.clauses) {
    if (p.vgs[c.verb].lemma != "seize") continue;
    found = true;
    REQUIRE(c.subject != syn::kNoIndex);
    CHECK(syn::spanText(p, p.nps[static_cast<size_t>(c.subject)].span) == "Gondor");
  }
  CHECK(found);
  // Two participles stay together: "a fort used by Mordor and attacked by Rohan".
  const auto q = syn::parse(lexicon(), "Gondor saw a fort used by Mordor and attacked by Rohan.", 0);
  for (const auto& c : q.clauses)
    if (q.vgs[c.verb].lemma == "attack" && c.subject != syn::kNoIndex)
      CHECK(syn::spanText(q, q.nps[static_cast<size_t>(c.subject)].span) != "Gondor");
}

TEST_CASE("Clauses: an -ing participle set off by commas after a phrase leaves that phrase the verb's subject",
          "[extract][syntax]") {
  const auto p = syn::parse(lexicon(), "Aragorn, speaking in Bree alongside Faramir, said Mordor would attack.", 0);
  bool found = false;
  for (const auto& c : p.clauses)
    if (p.vgs[c.verb].lemma == "say") {
      found = true;
      REQUIRE(c.subject != syn::kNoIndex);
      CHECK(syn::spanText(p, p.nps[static_cast<size_t>(c.subject)].span) == "Aragorn");
    }
  CHECK(found);
}

TEST_CASE("Clauses: a subject opened by 'whose' is a relative clause, and an 'after' clause in it hangs on it",
          "[extract][syntax]") {
  const auto p = parse(
      "Elrond, the elder whose council led to the alliance after Sauron invaded Eregion, urged Gondor "
      "to stand firm.");
  const syn::Clause& led = clause(p, "lead");
  CHECK(led.kind == ClauseKind::kRelative);
  CHECK(led.subordinator == "whose");
  const syn::Clause& invaded = clause(p, "invade");
  CHECK(invaded.kind == ClauseKind::kSubordinate);
  REQUIRE(invaded.parent != syn::kNoIndex);
  CHECK(&p.clauses[static_cast<size_t>(invaded.parent)] == &led);
  // The main verb keeps the phrase before the comma-enclosed stretch as its subject.
  CHECK(np(p, clause(p, "urge").subject) == "Elrond");
  // With a comma before "whose", and as an object's relative.
  const auto q = parse("Rohan struck a camp of the Dunlendings, whose chief was killed in the raid.");
  CHECK(clause(q, "kill").kind == ClauseKind::kRelative);
  CHECK(np(q, clause(q, "strike").subject) == "Rohan");
}
