// Tagging: word boundaries and offsets, coarse POS, lemmas and verb forms.
#include "extract/syntax/pos_tagger.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace syn = kg::extract::syntax;
using syn::Pos;
using syn::VerbForm;

namespace {

const syn::Lexicon& lexicon() {
  static const auto kLexicon = syn::Lexicon::load();
  INFO(kLexicon.status().toString());
  REQUIRE(kLexicon.isOk());
  return **kLexicon;
}

// "word/POS" for each word, space separated.
std::string tags(const std::string& sentence) {
  std::string out;
  for (const syn::Word& w : syn::tagWords(lexicon(), sentence, 0)) {
    if (!out.empty()) out += ' ';
    out += sentence.substr(w.begin, w.end - w.begin) + "/" + syn::posName(w.pos);
  }
  return out;
}

const syn::Word& wordAt(const std::vector<syn::Word>& words, const std::string& lower) {
  for (const syn::Word& w : words)
    if (w.lower == lower) return w;
  FAIL("no word " << lower);
  return words.front();
}

}  // namespace

TEST_CASE("PosTagger: offsets are article offsets, clitics and punctuation are words", "[extract][syntax]") {
  const std::string s = "Iraq's prime minister didn't attend.";
  std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 100);
  REQUIRE(w.size() == 8);
  CHECK(w[0].begin == 100);
  CHECK(w[0].end == 104);
  CHECK(w[1].lower == "'s");
  CHECK(w[1].pos == Pos::kPossessive);
  CHECK(w[4].lower == "did");
  CHECK(w[4].pos == Pos::kAux);
  CHECK(w[5].lower == "n't");
  CHECK(w[5].pos == Pos::kNegation);
  CHECK(w[6].pos == Pos::kVerb);
  CHECK(w[6].form == VerbForm::kBase);
  CHECK(w[7].pos == Pos::kPunct);
  CHECK(w[7].end == 100 + s.size());
}

TEST_CASE("PosTagger: names keep abbreviations, hyphens, apostrophes and Arabic particles", "[extract][syntax]") {
  CHECK(tags("U.S. Gen. Kenneth McKenzie met Abu Mahdi al-Muhandis and Kata'ib Hezbollah officials.") ==
        "U.S./PROPN Gen./PROPN Kenneth/PROPN McKenzie/PROPN met/VERB Abu/PROPN Mahdi/PROPN al-Muhandis/PROPN "
        "and/CCONJ Kata'ib/PROPN Hezbollah/PROPN officials/NOUN ./PUNCT");
  CHECK(tags("Crown Prince Mohammed bin Salman met him.") ==
        "Crown/PROPN Prince/PROPN Mohammed/PROPN bin/PROPN Salman/PROPN met/VERB him/PRON ./PUNCT");
}

TEST_CASE("PosTagger: verbs after a subject's adverb, nouns before an auxiliary, adjectives after a plural",
          "[extract][syntax]") {
  CHECK(tags("Nicaragua also cut its ties with Quito.") ==
        "Nicaragua/PROPN also/ADV cut/VERB its/DET ties/NOUN with/ADP Quito/PROPN ./PUNCT");
  CHECK(tags("Talks were held in Doha.") == "Talks/NOUN were/AUX held/VERB in/ADP Doha/PROPN ./PUNCT");
  CHECK(tags("Rutte called the remarks crazy.") == "Rutte/PROPN called/VERB the/DET remarks/NOUN crazy/ADJ ./PUNCT");
  CHECK(tags("Estonia has long accused Russia.") == "Estonia/PROPN has/AUX long/ADV accused/VERB Russia/PROPN ./PUNCT");
  CHECK(tags("Armenia began shelling Azerbaijani positions.") ==
        "Armenia/PROPN began/VERB shelling/VERB Azerbaijani/ADJ positions/NOUN ./PUNCT");
}

TEST_CASE("PosTagger: hyphenated participles are adjectives, coordinated first words are names", "[extract][syntax]") {
  CHECK(tags("The U.S.-led coalition and Iran-backed militias clashed.") ==
        "The/DET U.S.-led/ADJ coalition/NOUN and/CCONJ Iran-backed/ADJ militias/NOUN clashed/VERB ./PUNCT");
  CHECK(tags("Turkey and Russia agreed.") == "Turkey/PROPN and/CCONJ Russia/PROPN agreed/VERB ./PUNCT");
}

TEST_CASE("PosTagger: a past form after an apposition to the opening phrase is the verb, not an adjective",
          "[extract][syntax]") {
  // Invented names. The comma closing ", Tomas Ferreira," leaves no verb before "signed".
  CHECK(tags("The Chilean envoy, Tomas Ferreira, signed accords with Peru.") ==
        "The/DET Chilean/ADJ envoy/NOUN ,/PUNCT Tomas/PROPN Ferreira/PROPN ,/PUNCT signed/VERB accords/NOUN "
        "with/ADP Peru/PROPN ./PUNCT");
  // An opening place phrase is no apposition: "armed" qualifies "men".
  CHECK(tags("In Lima, armed men stormed the building.") ==
        "In/ADP Lima/PROPN ,/PUNCT armed/ADJ men/NOUN stormed/VERB the/DET building/NOUN ./PUNCT");
}

TEST_CASE("PosTagger: after 'demanded that', a base form before a name is the subjunctive verb", "[extract][syntax]") {
  CHECK(tags("They demanded that the US strike Iran.") ==
        "They/PRON demanded/VERB that/SCONJ the/DET US/PROPN strike/VERB Iran/PROPN ./PUNCT");
  // Before a lower-case noun it is still a compound: "that the US strike force leave".
  CHECK(tags("They demanded that the US strike force leave.").find("strike/NOUN") != std::string::npos);
}

TEST_CASE("PosTagger: acronyms are proper nouns, numbers are numbers", "[extract][syntax]") {
  CHECK(tags("Some 1,500 troops and 3.5 million dollars went to the IRGC and the PMF.") ==
        "Some/DET 1,500/NUM troops/NOUN and/CCONJ 3.5/NUM million/NUM dollars/NOUN went/VERB to/TO the/DET "
        "IRGC/PROPN and/CCONJ the/DET PMF/PROPN ./PUNCT");
}

TEST_CASE("PosTagger: a capitalised first word is a name only when it is not a common word", "[extract][syntax]") {
  CHECK(tags("Protesters stormed the embassy.") == "Protesters/NOUN stormed/VERB the/DET embassy/NOUN ./PUNCT");
  CHECK(tags("Iran seized a tanker.") == "Iran/PROPN seized/VERB a/DET tanker/NOUN ./PUNCT");
}

TEST_CASE("PosTagger: nationality adjectives before nouns, titles as names", "[extract][syntax]") {
  CHECK(tags("The Turkish President Recep Tayyip Erdogan warned Kurdish groups.") ==
        "The/DET Turkish/ADJ President/PROPN Recep/PROPN Tayyip/PROPN Erdogan/PROPN warned/VERB Kurdish/ADJ "
        "groups/NOUN ./PUNCT");
}

TEST_CASE("PosTagger: context picks noun or verb for ambiguous words", "[extract][syntax]") {
  CHECK(tags("Iran vowed to attack the base after the attack.") ==
        "Iran/PROPN vowed/VERB to/TO attack/VERB the/DET base/NOUN after/ADP the/DET attack/NOUN ./PUNCT");
  CHECK(tags("A drone strike near Erbil killed a commander.") ==
        "A/DET drone/NOUN strike/NOUN near/ADP Erbil/PROPN killed/VERB a/DET commander/NOUN ./PUNCT");
  CHECK(tags("Israel strikes targets in Syria.") ==
        "Israel/PROPN strikes/VERB targets/NOUN in/ADP Syria/PROPN ./PUNCT");
  CHECK(tags("He could strike later.") == "He/PRON could/MODAL strike/VERB later/ADV ./PUNCT");
  // An -ing form after an adverb, or before a determiner, takes an object; after a determiner it is a noun.
  CHECK(tags("They signed a deal formally ending the war.") ==
        "They/PRON signed/VERB a/DET deal/NOUN formally/ADV ending/VERB the/DET war/NOUN ./PUNCT");
  CHECK(tags("A law banning the party passed.") ==
        "A/DET law/NOUN banning/VERB the/DET party/NOUN passed/VERB ./PUNCT");
  CHECK(tags("Chile and Peru each expelled two envoys.") ==
        "Chile/PROPN and/CCONJ Peru/PROPN each/ADV expelled/VERB two/NUM envoys/NOUN ./PUNCT");
  CHECK(tags("Each side expelled two envoys.") ==
        "Each/DET side/NOUN expelled/VERB two/NUM envoys/NOUN ./PUNCT");
  CHECK(tags("Naval aircraft hit five depots.") ==
        "Naval/ADJ aircraft/NOUN hit/VERB five/NUM depots/NOUN ./PUNCT");
  CHECK(tags("The killing of the envoy angered Rome.") ==
        "The/DET killing/NOUN of/ADP the/DET envoy/NOUN angered/VERB Rome/PROPN ./PUNCT");
}

TEST_CASE("PosTagger: lemmas and verb forms", "[extract][syntax]") {
  std::vector<syn::Word> w =
      syn::tagWords(lexicon(), "The militias went home, and children were killed as the army has seized towns.", 0);
  CHECK(wordAt(w, "militias").lemma == "militia");
  CHECK(wordAt(w, "went").lemma == "go");
  CHECK(wordAt(w, "went").form == VerbForm::kPast);
  CHECK(wordAt(w, "children").lemma == "child");
  CHECK(wordAt(w, "were").lemma == "be");
  CHECK(wordAt(w, "killed").lemma == "kill");
  CHECK(wordAt(w, "killed").form == VerbForm::kPastParticiple);
  CHECK(wordAt(w, "seized").form == VerbForm::kPastParticiple);
  CHECK(wordAt(w, "towns").lemma == "town");
  // A plural WordNet lists as a lemma of its own takes its commoner singular, by -ies -> -y too.
  std::vector<syn::Word> a = syn::tagWords(lexicon(), "The authorities arrested two men.", 0);
  CHECK(wordAt(a, "authorities").lemma == "authority");
  std::vector<syn::Word> y = syn::tagWords(lexicon(), "Five years later the forces returned.", 0);
  CHECK(wordAt(y, "years").lemma == "year");  // WordNet lists "years" as a lemma too
  CHECK(wordAt(w, "has").form == VerbForm::kThirdSingular);
}

TEST_CASE("PosTagger: an irregular past with a participle of its own is never a participle", "[extract][syntax]") {
  auto words = syn::tagWords(lexicon(), "Chile spoke by telephone and Peru was spoken to.", 0);
  REQUIRE(words.size() > 6);
  CHECK(words[1].lower == "spoke");
  CHECK(words[1].pastOnly);
  CHECK_FALSE(words[7].pastOnly);  // "spoken"
  auto held = syn::tagWords(lexicon(), "Hostages held by militants were freed.", 0);
  CHECK_FALSE(held[1].pastOnly);  // "held" is past and participle
}

TEST_CASE("PosTagger: irregular participles after be and have", "[extract][syntax]") {
  std::vector<syn::Word> w = syn::tagWords(lexicon(), "The convoy was hit and the talks have begun.", 0);
  CHECK(wordAt(w, "hit").pos == Pos::kVerb);
  CHECK(wordAt(w, "hit").form == VerbForm::kPastParticiple);
  CHECK(wordAt(w, "begun").lemma == "begin");
  CHECK(wordAt(w, "begun").form == VerbForm::kPastParticiple);
}

TEST_CASE("PosTagger: loading fails clearly without WordNet", "[extract][syntax]") {
  auto missing = syn::Lexicon::load("/nonexistent/wordnet");
  REQUIRE_FALSE(missing.isOk());
  CHECK(missing.status().code() == kg::StatusCode::kNotFound);
  CHECK(missing.status().message().find("wordnet-base") != std::string::npos);
  CHECK(missing.status().message().find("/nonexistent/wordnet/index.noun") != std::string::npos);
}

TEST_CASE("PosTagger: a TaggerCache gives the same words", "[extract][syntax]") {
  syn::TaggerCache cache;
  const std::string s = "Iraqi forces killed three militants who attacked a checkpoint near Kirkuk.";
  for (int round = 0; round < 2; ++round) {
    std::vector<syn::Word> plain = syn::tagWords(lexicon(), s, 7);
    std::vector<syn::Word> cached = syn::tagWords(lexicon(), s, 7, &cache);
    REQUIRE(plain.size() == cached.size());
    for (size_t i = 0; i < plain.size(); ++i) {
      CHECK(plain[i].pos == cached[i].pos);
      CHECK(plain[i].lemma == cached[i].lemma);
      CHECK(plain[i].begin == cached[i].begin);
    }
  }
}

TEST_CASE("PosTagger: a past form after a capitalised word that also reads as an adjective is the verb",
          "[extract][syntax]") {
  // "Union" has an adjective reading ("union soldiers"), "suspended" an adjective one too.
  const std::string t = tags("The African Union suspended Gabon.");
  CHECK(t.find("suspended/VERB") != std::string::npos);
  CHECK(t.find("Union/ADJ") == std::string::npos);
}

TEST_CASE("PosTagger: 'last', 'next' and 'past' before a word of time qualify it", "[extract][syntax]") {
  const std::string s = "Poland expelled 45 Russian diplomats last week.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "last").pos == Pos::kAdjective);
  // Not before other words: "the talks will last hours" keeps the verb.
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), "The talks will last two hours.", 0);
  CHECK(wordAt(v, "last").pos == Pos::kVerb);
}

TEST_CASE("PosTagger: a past form after a subject and an adverb is the verb, not a modifier", "[extract][syntax]") {
  const std::string s = "The bloc also imposed financial sanctions on Niger.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "imposed").pos == Pos::kVerb);
  // A modifier after a determiner stays one.
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), "The newly imposed sanctions hurt Niger.", 0);
  CHECK(wordAt(v, "imposed").pos == Pos::kAdjective);
}

TEST_CASE("PosTagger: after a verb of demanding and 'that', a base form after the subject is the verb",
          "[extract][syntax]") {
  const std::string s = "Iran demanded that the Iraqi government act decisively against the attackers.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "act").pos == Pos::kVerb);
  // Not after other verbs, nor when a noun follows: "said that the government act was void".
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), "Iran said that the government act was void.", 0);
  CHECK(wordAt(v, "act").pos == Pos::kNoun);
}

TEST_CASE("PosTagger: a word joined by 'and' to a modifier, before a noun, is a modifier too", "[extract][syntax]") {
  const std::string s = "Turkey launched an air and ground offensive against the PKK.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "ground").pos == Pos::kNoun);
  // An adjective stays one: "the awful and evil minister".
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), "The awful and evil minister resigned.", 0);
  CHECK(wordAt(v, "evil").pos == Pos::kAdjective);
}

TEST_CASE("PosTagger: an -ing form opening the sentence before a finite verb is its subject noun", "[extract][syntax]") {
  for (const char* s : {"Fighting erupted overnight between the two armies.", "Shelling continues near the border.",
                        "Looting has spread to the capital."}) {
    const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
    INFO(tags(s));
    CHECK(w.front().pos == Pos::kNoun);
  }
  // Still a verb when it takes an object or a phrase: "Citing security concerns, ...".
  const std::string s = "Citing security concerns, Norway closed its embassy.";
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(v.front().pos == Pos::kVerb);
}

TEST_CASE("PosTagger: an -ing verb opening the sentence before a name, a comma later, is a verb, not part of the name",
          "[extract][syntax]") {
  for (const char* s : {"Visiting Nairobi on Monday, the minister urged Kenya to act.",
                        "Meeting Vladimir Putin in Moscow, Xi Jinping praised Russia."}) {
    const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
    INFO(tags(s));
    CHECK(w.front().pos == Pos::kVerb);
  }
  // An -ing word that is an adjective too stays in the name: "Acting President X, ..." is a title.
  const std::string s = "Acting President Hamid Karzai met the envoy, officials said.";
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(v.front().pos != Pos::kVerb);
}

TEST_CASE("PosTagger: a bare common noun right after a preposition goes on as a compound, not a subject",
          "[extract][syntax]") {
  const std::string s = "Norway sanctioned the officer, accusing him of human rights abuses.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "rights").pos == Pos::kNoun);
  // A name after the preposition may still head a clause's subject: "in Gondor rains fall" is not touched.
  const std::string t = "Officials in Gondor warn that the river rises.";
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), t, 0);
  INFO(tags(t));
  CHECK(wordAt(v, "warn").pos == Pos::kVerb);
}

TEST_CASE("PosTagger: an -ed or -ing word ending a naming verb's object is its complement adjective",
          "[extract][syntax]") {
  const std::string s = "Tehran called the resolution politically motivated, and Oslo called the vote alarming.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "motivated").pos == Pos::kAdjective);
  CHECK(wordAt(w, "alarming").pos == Pos::kAdjective);
  // Not after other verbs: "the envoy the ministry appointed" keeps its verb.
  const std::string t = "Oslo recalled the envoy the ministry appointed.";
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), t, 0);
  INFO(tags(t));
  CHECK(wordAt(v, "appointed").pos == Pos::kVerb);
}

TEST_CASE("PosTagger: a finite form right after a relative 'which' or 'who' is the relative clause's verb",
          "[extract][syntax]") {
  const std::string s = "Rockets hit the air base, which hosts Gondor troops.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "hosts").pos == Pos::kVerb);
  // After "that" the word may open the clause's subject: "told him that attacks on troops were unacceptable".
  const std::string t = "Gondor told Velmora that attacks on its troops were unacceptable.";
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), t, 0);
  INFO(tags(t));
  CHECK(wordAt(v, "attacks").pos == Pos::kNoun);
}

TEST_CASE("PosTagger: 'said' after a comma or a name is the verb, after a determiner an adjective",
          "[extract][syntax]") {
  const std::string s = "Aragorn, speaking in Bree alongside Faramir, said Mordor was likely to attack Gondor.";
  const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
  INFO(tags(s));
  CHECK(wordAt(w, "said").pos == Pos::kVerb);
  const std::string t = "Gondor said the said agreement was void.";
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), t, 0);
  INFO(tags(t));
  CHECK(v[1].pos == Pos::kVerb);
  CHECK(v[3].pos != Pos::kVerb);  // "the said agreement"
}

TEST_CASE("PosTagger: an -s word after a verb and a name is the name's noun, whatever time word follows",
          "[extract][syntax]") {
  for (const std::string s :
       {"Gondor jets struck Velmora positions early on Saturday.",
        "Gondor jets struck Velmora positions last Thursday.", "Israeli jets hit Hamas targets this week."}) {
    const std::vector<syn::Word> w = syn::tagWords(lexicon(), s, 0);
    INFO(tags(s));
    CHECK(w[4].pos == Pos::kNoun);
  }
  // After a verb of saying the name may be the subject of a reported clause.
  const std::string r = "Gondor said Velmora attacks its border posts.";
  const std::vector<syn::Word> v = syn::tagWords(lexicon(), r, 0);
  INFO(tags(r));
  CHECK(wordAt(v, "attacks").pos == Pos::kVerb);
}
