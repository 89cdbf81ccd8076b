// Chunking: noun phrases (possessives, titles, "of", coordination,
// apposition), prepositional phrases and verb groups.
#include "extract/syntax/chunker.h"

#include <catch2/catch.hpp>

#include <string>

#include "extract/syntax/clauses.h"

namespace syn = kg::extract::syntax;
using syn::Modality;
using syn::Tense;
using syn::Voice;

namespace {

const syn::Lexicon& lexicon() {
  static const auto kLexicon = syn::Lexicon::load();
  INFO(kLexicon.status().toString());
  REQUIRE(kLexicon.isOk());
  return **kLexicon;
}

std::string text(const syn::SentenceParse& p, int32_t np) {
  REQUIRE(np != syn::kNoIndex);
  return std::string(syn::spanText(p, p.nps[static_cast<size_t>(np)].span));
}

// The top-level NP (no parent) whose text is `s`.
int32_t topNp(const syn::SentenceParse& p, const std::string& s) {
  for (size_t i = 0; i < p.nps.size(); ++i) {
    if (p.nps[i].parent == syn::kNoIndex && syn::spanText(p, p.nps[i].span) == s) return static_cast<int32_t>(i);
  }
  FAIL("no top-level NP \"" << s << "\" in\n" << syn::toString(p));
  return syn::kNoIndex;
}

std::string head(const syn::SentenceParse& p, int32_t np) { return p.words[p.nps[static_cast<size_t>(np)].head].lower; }

const syn::VerbGroup& verbGroup(const syn::SentenceParse& p, const std::string& lemma) {
  for (const syn::VerbGroup& vg : p.vgs)
    if (vg.lemma == lemma) return vg;
  FAIL("no verb group " << lemma << " in\n" << syn::toString(p));
  return p.vgs.front();
}

}  // namespace

TEST_CASE("Chunker: a possessive NP is nested as the modifier of the owned one", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Iraq's prime minister resigned.", 0);
  int32_t np = topNp(p, "Iraq's prime minister");
  CHECK(head(p, np) == "minister");
  CHECK(text(p, p.nps[static_cast<size_t>(np)].possessor) == "Iraq's");
  CHECK_FALSE(p.nps[static_cast<size_t>(np)].base);
}

TEST_CASE("Chunker: titles and names stay one phrase", "[extract][syntax]") {
  syn::SentenceParse a = syn::parse(lexicon(), "The Turkish President Recep Tayyip Erdogan warned Kurdish groups.", 0);
  CHECK(head(a, topNp(a, "The Turkish President Recep Tayyip Erdogan")) == "erdogan");

  syn::SentenceParse b = syn::parse(lexicon(), "Secretary of State Mike Pompeo called Baghdad.", 0);
  int32_t pompeo = topNp(b, "Secretary of State Mike Pompeo");
  CHECK(head(b, pompeo) == "pompeo");
  CHECK(b.nps[static_cast<size_t>(pompeo)].ofNp == syn::kNoIndex);

  syn::SentenceParse c = syn::parse(lexicon(), "Iraq's top Shiite cleric Grand Ayatollah Ali al-Sistani urged calm.", 0);
  int32_t sistani = topNp(c, "Iraq's top Shiite cleric Grand Ayatollah Ali al-Sistani");
  CHECK(head(c, sistani) == "al-sistani");
  CHECK(text(c, c.nps[static_cast<size_t>(sistani)].possessor) == "Iraq's");
}

TEST_CASE("Chunker: NP of NP keeps the first head and links the second", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "The leader of Hezbollah spoke.", 0);
  int32_t np = topNp(p, "The leader of Hezbollah");
  CHECK(head(p, np) == "leader");
  CHECK(text(p, p.nps[static_cast<size_t>(np)].ofNp) == "Hezbollah");
}

TEST_CASE("Chunker: a fronted phrase of time opens no list with the names after its comma", "[extract][syntax]") {
  syn::SentenceParse p =
      syn::parse(lexicon(), "Later in the day, Lula and Boric joined Petro for a summit in Bogota.", 0);
  const int32_t pair = topNp(p, "Lula and Boric");
  CHECK(p.nps[static_cast<size_t>(pair)].members.size() == 2);
  syn::SentenceParse q = syn::parse(lexicon(), "Earlier that week, Lula and Boric met.", 0);
  CHECK(q.nps[static_cast<size_t>(topNp(q, "Lula and Boric"))].members.size() == 2);
}

TEST_CASE("Chunker: after a verb of naming, the object and what it is called are two phrases", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Erdogan called the Dutch government Nazi remnants.", 0);
  CHECK(topNp(p, "the Dutch government") != syn::kNoIndex);
  CHECK(topNp(p, "Nazi remnants") != syn::kNoIndex);
  syn::SentenceParse q = syn::parse(lexicon(), "Erdogan called the Dutch government fascists.", 0);
  CHECK(topNp(q, "the Dutch government") != syn::kNoIndex);
  syn::SentenceParse t = syn::parse(lexicon(), "Rutte called the remarks crazy.", 0);
  CHECK(topNp(t, "the remarks") != syn::kNoIndex);
  // A plural after a plural: "called Chilean leaders liars".
  syn::SentenceParse u = syn::parse(lexicon(), "Maduro called Chilean leaders liars.", 0);
  CHECK(topNp(u, "Chilean leaders") != syn::kNoIndex);
  CHECK(topNp(u, "liars") != syn::kNoIndex);
  // A title's own adjective stays: "the attorney general".
  syn::SentenceParse r = syn::parse(lexicon(), "Biden called the attorney general a liar.", 0);
  CHECK(topNp(r, "the attorney general") != syn::kNoIndex);
  // Other verbs keep a compound whole.
  syn::SentenceParse s = syn::parse(lexicon(), "Police arrested the government fighters.", 0);
  CHECK(topNp(s, "the government fighters") != syn::kNoIndex);
}

TEST_CASE("Chunker: 'more than', 'fewer than', 'up to' before a number open its phrase", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Police detained more than a dozen people on Saturday.", 0);
  const int32_t np = topNp(p, "more than a dozen people");
  REQUIRE(p.clauses.size() == 1);
  CHECK(p.clauses[0].kind == syn::ClauseKind::kMain);
  REQUIRE(p.clauses[0].objects.size() == 1);
  CHECK(static_cast<int32_t>(p.clauses[0].objects[0]) == np);
  syn::SentenceParse q = syn::parse(lexicon(), "China imposed tariffs of up to 200 percent on Australian wine.", 0);
  CHECK(topNp(q, "tariffs of up to 200 percent") != syn::kNoIndex);
  syn::SentenceParse r = syn::parse(lexicon(), "Police detained fewer than 30 people.", 0);
  CHECK(topNp(r, "fewer than 30 people") != syn::kNoIndex);
}

TEST_CASE("Chunker: 'N other' and a verb's 'over N' stay in the counted phrase", "[extract][syntax]") {
  // Not "20" and a clause "other countries expelled ...".
  syn::SentenceParse p = syn::parse(
      lexicon(), "Canada and more than 20 other countries expelled over 100 Russian diplomats on Monday.", 0);
  REQUIRE(p.clauses.size() == 1);
  const syn::Clause& c = p.clauses[0];
  CHECK(c.kind == syn::ClauseKind::kMain);
  REQUIRE(c.subject != syn::kNoIndex);
  const auto& members = p.nps[static_cast<size_t>(c.subject)].members;
  REQUIRE(members.size() == 2);
  CHECK(head(p, static_cast<int32_t>(members[1])) == "countries");
  REQUIRE(c.objects.size() == 1);
  CHECK(static_cast<int32_t>(c.objects[0]) == topNp(p, "over 100 Russian diplomats"));
  // "over" after a noun stays a preposition. (After an intransitive verb,
  // "clashed over 3 islands", it is read as bounding the number too.)
  syn::SentenceParse q = syn::parse(lexicon(), "Iran seized the tanker over 2 incidents in May.", 0);
  REQUIRE(q.clauses.size() == 1);
  REQUIRE(q.clauses[0].objects.size() == 1);
  CHECK(static_cast<int32_t>(q.clauses[0].objects[0]) == topNp(q, "the tanker"));
  syn::SentenceParse r = syn::parse(lexicon(), "Turkey expelled two other diplomats over the affair.", 0);
  REQUIRE(r.clauses.size() == 1);
  REQUIRE(r.clauses[0].objects.size() == 1);
  CHECK(static_cast<int32_t>(r.clauses[0].objects[0]) == topNp(r, "two other diplomats"));
}

TEST_CASE("Chunker: an adverb and adjective after a possessive stay in the owned phrase", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(
      lexicon(), "Libya's internationally recognised government and the rebels signed a truce on Tuesday.", 0);
  const int32_t np = topNp(p, "Libya's internationally recognised government and the rebels");
  CHECK(p.nps[static_cast<size_t>(np)].members.size() == 2);
  CHECK(head(p, static_cast<int32_t>(p.nps[static_cast<size_t>(np)].members[0])) == "government");
}

TEST_CASE("Chunker: coordinated NPs have members", "[extract][syntax]") {
  syn::SentenceParse a = syn::parse(lexicon(), "Soleimani and al-Muhandis were killed.", 0);
  int32_t pair = topNp(a, "Soleimani and al-Muhandis");
  REQUIRE(a.nps[static_cast<size_t>(pair)].members.size() == 2);
  CHECK(text(a, static_cast<int32_t>(a.nps[static_cast<size_t>(pair)].members[0])) == "Soleimani");

  syn::SentenceParse b = syn::parse(lexicon(), "Russia, China and Iran condemned the sanctions.", 0);
  CHECK(b.nps[static_cast<size_t>(topNp(b, "Russia, China and Iran"))].members.size() == 3);

  // Coordinated adjectives stay inside one base phrase.
  syn::SentenceParse c = syn::parse(lexicon(), "Polish and Czech officials met in Prague.", 0);
  int32_t officials = topNp(c, "Polish and Czech officials");
  CHECK(c.nps[static_cast<size_t>(officials)].base);
  CHECK(head(c, officials) == "officials");

  // ... and so does a list of them with commas that "and" closes.
  syn::SentenceParse d =
      syn::parse(lexicon(), "The British, French and German foreign ministers urged Tehran to comply.", 0);
  int32_t ministers = topNp(d, "The British, French and German foreign ministers");
  CHECK(d.nps[static_cast<size_t>(ministers)].base);
  CHECK(head(d, ministers) == "ministers");
  // A comma after a predicative adjective ends its phrase.
  syn::SentenceParse e = syn::parse(lexicon(), "The rally was peaceful, British officials said.", 0);
  topNp(e, "British officials");
}

TEST_CASE("Chunker: a second object after 'and' opening a clause is not coordinated", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Iran condemned the raid and the United States said nothing.", 0);
  topNp(p, "the raid");
  topNp(p, "the United States");
}

TEST_CASE("Chunker: ', and' between two phrases with a verb after the second joins two clauses", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(
      lexicon(), "Ruritania summoned the Osterlich ambassador, Karl Brenn, and the foreign ministry condemned the raid.", 0);
  topNp(p, "Karl Brenn");
  topNp(p, "the foreign ministry");
  // A list of three keeps its comma before "and".
  syn::SentenceParse q = syn::parse(lexicon(), "Ruritania, Osterlich, and Grand Fenwick condemned the raid.", 0);
  topNp(q, "Ruritania, Osterlich, and Grand Fenwick");
}

TEST_CASE("Chunker: after a verb of giving, an amount after a name is the second object", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "The fund lent Ruritania 3 billion dollars on Monday.", 0);
  topNp(p, "Ruritania");
  topNp(p, "3 billion dollars");
  // Elsewhere a name and a number stay one name.
  syn::SentenceParse q = syn::parse(lexicon(), "Security Council Resolution 2231 was adopted in 2015.", 0);
  topNp(q, "Security Council Resolution 2231");
}

TEST_CASE("Chunker: an appositive renames the NP before it", "[extract][syntax]") {
  syn::SentenceParse p =
      syn::parse(lexicon(), "Qais al-Khazali, the leader of Asa'ib Ahl al-Haq, condemned the strike.", 0);
  int32_t name = topNp(p, "Qais al-Khazali");
  int32_t leader = topNp(p, "the leader of Asa'ib Ahl al-Haq");
  CHECK(p.nps[static_cast<size_t>(leader)].appositionOf == name);
  CHECK(p.nps[static_cast<size_t>(name)].appositionOf == syn::kNoIndex);

  syn::SentenceParse q = syn::parse(lexicon(), "The European Union (EU) imposed sanctions.", 0);
  CHECK(q.nps[static_cast<size_t>(topNp(q, "EU"))].appositionOf == topNp(q, "The European Union"));
}

TEST_CASE("Chunker: prepositional phrases take the whole NP after them", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Israeli jets hit depots in Syria and Iraq according to officials.", 0);
  REQUIRE(p.pps.size() == 2);
  CHECK(p.pps[0].prep == "in");
  CHECK(text(p, p.pps[0].np) == "Syria and Iraq");
  CHECK(p.pps[1].prep == "according to");
  CHECK(text(p, p.pps[1].np) == "officials");
}

TEST_CASE("Chunker: verb groups carry negation, voice, tense and modality", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Hezbollah did not attack Israeli positions.", 0);
  const syn::VerbGroup& attack = verbGroup(p, "attack");
  CHECK(attack.negated);
  CHECK(attack.tense == Tense::kPast);
  CHECK(attack.voice == Voice::kActive);

  syn::SentenceParse q = syn::parse(lexicon(), "Three soldiers have been killed and Putin will meet Erdogan.", 0);
  const syn::VerbGroup& kill = verbGroup(q, "kill");
  CHECK(kill.voice == Voice::kPassive);
  CHECK(kill.tense == Tense::kPresent);
  const syn::VerbGroup& meet = verbGroup(q, "meet");
  CHECK(meet.modality == Modality::kFuture);
  CHECK(meet.tense == Tense::kFuture);
  CHECK(meet.modal == "will");

  syn::SentenceParse r = syn::parse(lexicon(), "Turkey could launch an offensive.", 0);
  CHECK(verbGroup(r, "launch").modality == Modality::kModal);
  CHECK(verbGroup(r, "launch").modal == "could");
}

TEST_CASE("Chunker: phrasal particles attach to the verb", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Washington called on Baghdad to act.", 0);
  CHECK(verbGroup(p, "call").particle == "on");
  syn::SentenceParse q = syn::parse(lexicon(), "Russia pulled out of Syria.", 0);
  CHECK(verbGroup(q, "pull").particle == "out");
  REQUIRE(q.pps.size() == 1);
  CHECK(q.pps[0].prep == "of");
}

TEST_CASE("Chunker: infinitival complements and what they express", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(lexicon(), "Poland agreed to cooperate with Ukraine.", 0);
  const syn::VerbGroup& agree = verbGroup(p, "agree");
  REQUIRE(agree.complement != syn::kNoIndex);
  const syn::VerbGroup& cooperate = p.vgs[static_cast<size_t>(agree.complement)];
  CHECK(cooperate.lemma == "cooperate");
  CHECK(cooperate.nonFinite);
  CHECK(cooperate.modality == Modality::kNone);

  syn::SentenceParse q = syn::parse(lexicon(), "Russia threatened to veto the resolution.", 0);
  CHECK(verbGroup(q, "veto").modality == Modality::kAttempt);
  CHECK(verbGroup(q, "veto").governor != syn::kNoIndex);

  syn::SentenceParse r = syn::parse(lexicon(), "The talks are expected to resume and Ankara plans to send envoys.", 0);
  CHECK(verbGroup(r, "resume").modality == Modality::kFuture);
  CHECK(verbGroup(r, "send").modality == Modality::kFuture);

  syn::SentenceParse s = syn::parse(lexicon(), "Iran is to hold talks with Oman.", 0);
  CHECK(verbGroup(s, "hold").modality == Modality::kFuture);
}
TEST_CASE("Chunker: a list after a clause-opening preposition is the subject of that clause", "[extract][syntax]") {
  // "fell after A and B opened talks": A and B opened them (one list);
  // "condemned the raid on A and B said ...": two clauses, as before.
  syn::SentenceParse a = syn::parse(lexicon(), "Oil prices fell after Gondor and Rohan opened talks.", 0);
  int32_t pair = topNp(a, "Gondor and Rohan");
  REQUIRE(pair != syn::kNoIndex);
  CHECK(a.nps[static_cast<size_t>(pair)].members.size() == 2);
}

TEST_CASE("Chunker: after a double-object verb a name and the noun phrase after it are two objects", "[extract][syntax]") {
  syn::SentenceParse a = syn::parse(lexicon(), "Mexico granted Evo Morales political asylum on Monday.", 0);
  CHECK(head(a, topNp(a, "Evo Morales")) == "morales");
  CHECK(head(a, topNp(a, "political asylum")) == "asylum");
  // Elsewhere a name before a common noun still modifies it.
  syn::SentenceParse b = syn::parse(lexicon(), "The strike killed Kata'ib Hezbollah senior commanders.", 0);
  CHECK(head(b, topNp(b, "Kata'ib Hezbollah senior commanders")) == "commanders");
}

TEST_CASE("Chunker: 'hours later' after a name is no part of it, 'five years after' stays one phrase",
          "[extract][syntax]") {
  const auto p = syn::parse(lexicon(), "Police arrested Karim Haddad hours later.", 0);
  REQUIRE(p.clauses.size() == 1);
  REQUIRE(p.clauses[0].objects.size() == 1);
  CHECK(p.words[p.nps[p.clauses[0].objects[0]].head].lower == "haddad");
  const auto q = syn::parse(lexicon(), "Iraq restored ties almost five years after the crisis.", 0);
  bool fiveYears = false;
  for (const auto& n : q.nps)
    if (q.words[n.head].lower == "years" && q.words[n.span.first].lower == "almost") fiveYears = true;
  CHECK(fiveYears);
}

TEST_CASE("Chunker: a plural noun, a comma and a list of names is the noun renamed, not a longer list",
          "[extract][syntax]") {
  syn::SentenceParse p =
      syn::parse(lexicon(), "Washington imposed sanctions on two Gondorian politicians, Zorvan Qelbarri and Teodric Vashko, on Monday.", 0);
  const int32_t noun = topNp(p, "two Gondorian politicians");
  const int32_t names = topNp(p, "Zorvan Qelbarri and Teodric Vashko");
  CHECK(p.nps[static_cast<size_t>(names)].members.size() == 2);
  CHECK(p.nps[static_cast<size_t>(names)].appositionOf == noun);
  // A list of common nouns stays one list.
  syn::SentenceParse q = syn::parse(lexicon(), "Rockets hit bases, airports and depots on Monday.", 0);
  CHECK(q.nps[static_cast<size_t>(topNp(q, "bases, airports and depots"))].members.size() == 3);
}

TEST_CASE("Chunker: two singular nouns joined before a plural head qualify it together ('missile and drone attacks')",
          "[extract][syntax]") {
  syn::SentenceParse p =
      syn::parse(lexicon(), "Gondor struck back after months of Orc missile and drone attacks on Minas Tirith.", 0);
  const int32_t months = topNp(p, "months of Orc missile and drone attacks");
  const int32_t attacks = p.nps[static_cast<size_t>(months)].ofNp;
  REQUIRE(attacks != syn::kNoIndex);
  CHECK(text(p, attacks) == "Orc missile and drone attacks");
  CHECK(p.nps[static_cast<size_t>(attacks)].members.empty());
  CHECK(p.words[p.nps[static_cast<size_t>(attacks)].head].lower == "attacks");
  // Not a list of determined phrases: "the president and cabinet ministers" stays two.
  syn::SentenceParse q = syn::parse(lexicon(), "Aragorn met the steward and cabinet ministers on Monday.", 0);
  CHECK(q.nps[static_cast<size_t>(topNp(q, "the steward and cabinet ministers"))].members.size() == 2);
}

TEST_CASE("Chunker: an apposition may run on with an -ing participle up to its comma", "[extract][syntax]") {
  syn::SentenceParse p =
      syn::parse(lexicon(), "Gondor wants Saruman, a cleric living in Isengard, whom it blames for the war.", 0);
  const int32_t wizard = topNp(p, "a cleric");
  CHECK(p.nps[static_cast<size_t>(wizard)].appositionOf == topNp(p, "Saruman"));
  // The person relative's antecedent is the person, not the place.
  bool found = false;
  for (const auto& c : p.clauses)
    if (c.subordinator == "whom") {
      found = true;
      REQUIRE(c.objects.size() == 1);
      CHECK(static_cast<int32_t>(c.objects.front()) == topNp(p, "Saruman"));
    }
  CHECK(found);
}

TEST_CASE("Chunker: names after ', among them' rename the plural before the comma", "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(
      lexicon(), "Gondor expelled envoys from five kingdoms, among them Arnor, Rohan and Harad, on Monday.", 0);
  const int32_t noun = topNp(p, "five kingdoms");
  const int32_t names = topNp(p, "Arnor, Rohan and Harad");
  CHECK(p.nps[static_cast<size_t>(names)].appositionOf == noun);
  // The list is no object of the verb.
  for (const auto& c : p.clauses)
    for (uint32_t o : c.objects) CHECK(static_cast<int32_t>(o) != names);
  // Not without "them", nor after a name.
  syn::SentenceParse q = syn::parse(lexicon(), "Gondor expelled Arnor, among others Rohan, on Monday.", 0);
  for (const auto& n : q.nps) CHECK(n.appositionOf == syn::kNoIndex);
}

TEST_CASE("Chunker: a list of three names may keep a name's 'the' ('the United States, Germany and France')",
          "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(
      lexicon(), "Erdogan ordered the expulsion of the ambassadors of the United States, Germany and France.", 0);
  bool three = false;
  for (const auto& n : p.nps)
    three = three || (syn::spanText(p, n.span) == "the United States, Germany and France" && n.members.size() == 3);
  CHECK(three);
  // Two members: "of the X Brigades and Y" stays a name and a phrase of its own.
  syn::SentenceParse q =
      syn::parse(lexicon(), "Zorvan Qelbarri of the Velmora Brigades and Teodric Vashko met on Monday.", 0);
  for (const auto& n : q.nps) CHECK(syn::spanText(q, n.span) != "the Velmora Brigades and Teodric Vashko");
}

TEST_CASE("Chunker: a name after a plural noun, with a finite verb after it, subjects a relative clause",
          "[extract][syntax]") {
  syn::SentenceParse p =
      syn::parse(lexicon(), "Velmora retaliated for measures Gondor took last week against its officials.", 0);
  CHECK(topNp(p, "measures") != syn::kNoIndex);
  CHECK(topNp(p, "Gondor") != syn::kNoIndex);
  for (const auto& n : p.nps) CHECK(syn::spanText(p, n.span) != "measures Gondor");
  // After a singular noun the name stays in its phrase: "the envoy Velmora Tarn".
  syn::SentenceParse q = syn::parse(lexicon(), "Gondor thanked the envoy Velmora Tarn on Friday.", 0);
  CHECK(topNp(q, "the envoy Velmora Tarn") != syn::kNoIndex);
}

TEST_CASE("Chunker: a list after a preposition keeps its last name before a participle that ties it to an owner",
          "[extract][syntax]") {
  // "linked to" qualifies the phrase before it: "Iraq and Syria" stays one list in "in".
  syn::SentenceParse p = syn::parse(
      lexicon(), "The United States struck 85 targets in Iraq and Syria linked to the Revolutionary Guards.", 0);
  CHECK(p.nps[static_cast<size_t>(topNp(p, "Iraq and Syria"))].members.size() == 2);
  syn::SentenceParse q = syn::parse(lexicon(), "Israel struck sites in Lebanon and Syria used by Hezbollah.", 0);
  CHECK(q.nps[static_cast<size_t>(topNp(q, "Lebanon and Syria"))].members.size() == 2);
  // A finite verb after the second name still opens a clause of its own.
  syn::SentenceParse r = syn::parse(lexicon(), "The minister met officials in Baghdad and Iran responded angrily.", 0);
  bool ownSubject = false;
  for (const auto& c : r.clauses)
    if (c.subject != syn::kNoIndex && text(r, c.subject) == "Iran") ownSubject = true;
  CHECK(ownSubject);
}

TEST_CASE("Chunker: a name, a comma and joined role phrases closed by a comma before the verb is one apposition",
          "[extract][syntax]") {
  syn::SentenceParse p = syn::parse(
      lexicon(), "Dorvan Halek, the speaker of parliament and leader of the Rivermark party, called the move a coup.",
      0);
  const int32_t name = topNp(p, "Dorvan Halek");
  const int32_t roles = topNp(p, "the speaker of parliament and leader of the Rivermark party");
  CHECK(p.nps[static_cast<size_t>(roles)].members.size() == 2);
  CHECK(p.nps[static_cast<size_t>(roles)].appositionOf == name);
  REQUIRE(p.clauses.size() == 1);
  CHECK(p.clauses[0].subject == name);
  // A list subject with no comma before its verb stays one list of three.
  syn::SentenceParse q = syn::parse(lexicon(), "Dorvan Halek, the speaker and two aides flew to Minas Tirith.", 0);
  CHECK(q.nps[static_cast<size_t>(topNp(q, "Dorvan Halek, the speaker and two aides"))].members.size() == 3);
}

TEST_CASE("Chunker: 'A of X and B of Y' is two persons each with an 'of' phrase, not A of 'X and B'",
          "[extract][syntax]") {
  syn::SentenceParse p =
      syn::parse(lexicon(), "Aragorn spoke to Presidents Dorvan Halek of Gondor and Karl Wendt of Rohan on Monday.", 0);
  const int32_t list = topNp(p, "Presidents Dorvan Halek of Gondor and Karl Wendt of Rohan");
  CHECK(p.nps[static_cast<size_t>(list)].members.size() == 2);
  // A list of names after "of" stays one list.
  syn::SentenceParse q = syn::parse(lexicon(), "The ambassadors of Gondor, Rohan and Arnor met Aragorn.", 0);
  const int32_t envoys = topNp(q, "The ambassadors of Gondor, Rohan and Arnor");
  const int32_t of = q.nps[static_cast<size_t>(envoys)].ofNp;
  REQUIRE(of != syn::kNoIndex);
  CHECK(q.nps[static_cast<size_t>(of)].members.size() == 3);
}
