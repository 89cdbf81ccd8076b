#include "extract/actors/mention_index.h"

#include "extract/lexicon/given_names.h"
#include "extract/lexicon/title_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

namespace kg::extract {

MentionIndex::MentionIndex(const Catalog& catalog, const JapaneseSegmenter* ja) : catalog_(catalog), ja_(ja) {
  const auto& actors = catalog.actors();
  for (size_t i = 0; i < actors.size(); ++i) {
    const auto& a = actors[i];
    addAlias(a.actor.name, i);
    for (const auto& al : a.actor.aliases) {
      addAlias(al, i);
      if (auto oblique = arabicObliquePlural(al)) addAlias(*oblique, i);
    }
    if (a.actor.kind == ActorKind::kState)
      for (const auto& al : a.actor.aliases)
        for (const std::string& nisba : arabicNisbas(al, ja)) addAlias(nisba, i);
    for (const auto& d : a.demonyms) {
      for (const auto& t : tokenize(d, 0, d.size(), ja)) {
        if (t.word) {
          demonyms_.emplace(t.strict, i);
          noteKey(t.strict);
        }
      }
    }
    // A surname alone finds a person the article has not named yet, unless
    // the dictionary says it is too common to (leaders.txt: "attr surname =
    // after_full_name"); the resolver still finds them by it once named.
    if (a.actor.kind == ActorKind::kPerson && ja != nullptr) {
      for (const auto& al : a.actor.aliases) addJapaneseSurname(al, i);
    }
    if (a.actor.kind == ActorKind::kPerson)
      for (const auto& al : a.actor.aliases) addArabicSurname(al, i);
    if (a.actor.kind == ActorKind::kPerson) {
      const auto words = foldName(a.actor.name);
      if (words.size() >= 2 && words.back().script == Script::kLatin && words.back().strict.size() >= 4)
        personLastWords_.insert(words.back().strict);
    }
    const auto surnameAttr = a.actor.attributes.find("surname");
    const bool surnameAlone = surnameAttr == a.actor.attributes.end() || surnameAttr->second != "after_full_name";
    if (a.actor.kind == ActorKind::kPerson && surnameAlone) {
      const auto words = foldName(a.actor.name);
      if (words.size() >= 2 && words.back().strict.size() >= 4) {
        auto add = [&](const std::string& k) {
          auto& v = surnames_[k];
          if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
        };
        add(words.back().strict);
        add("~" + words.back().skeleton);
        if (words.size() >= 3) {
          const auto& w2 = words[words.size() - 2];
          add(w2.strict + " " + words.back().strict);
          add("~" + w2.skeleton + " " + words.back().skeleton);
        }
      }
    }
  }
  for (const auto& t : catalog.titles()) {
    for (const auto& form : t.forms) {
      std::string key;
      for (const auto& tok : tokenize(form, 0, form.size(), ja)) {
        if (!tok.word || tok.article) continue;
        if (!key.empty()) key += ' ';
        key += tok.strict;
        titles_.try_emplace(key);
        noteKey(key);
      }
      if (!key.empty() && !titles_[key].canonical) titles_[key].canonical = t.canonical;
    }
  }
  addCatalogGivenNames(catalog);
}

// The first words of the dictionary persons' Latin names and aliases
// ("julian" of "Julian Assange", "alisher" of "Alisher Usmanov"): given names
// an unknown name may open, as given_names.txt's are. Not a word of three
// letters or fewer, nor one not_given_names lists, nor a one-word name of
// anything that is no person ("jordan", "chad"), nor a title word.
void MentionIndex::addCatalogGivenNames(const Catalog& catalog) {
  const GivenNames& g = givenNames();
  auto firstWord = [](const std::string& name) -> std::string {
    const size_t space = name.find(' ');
    if (space == std::string::npos || space < 4) return "";
    std::string w;
    for (size_t k = 0; k < space; ++k) {
      const auto c = static_cast<unsigned char>(name[k]);
      if (!std::isalpha(c)) return "";
      w += static_cast<char>(std::tolower(c));
    }
    return w;
  };
  std::unordered_set<std::string> others;  // one-word names of non-persons
  for (const auto& a : catalog.actors()) {
    if (a.actor.kind == ActorKind::kPerson) continue;
    auto note = [&](const std::string& n) {
      if (n.find(' ') != std::string::npos) return;
      const auto words = foldName(n);
      others.insert(words.empty() ? n : words.front().strict);
    };
    note(a.actor.name);
    for (const auto& al : a.actor.aliases) note(al);
  }
  for (const auto& a : catalog.actors()) {
    if (a.actor.kind != ActorKind::kPerson) continue;
    std::vector<const std::string*> names{&a.actor.name};
    for (const auto& al : a.actor.aliases) names.push_back(&al);
    for (const std::string* n : names) {
      const std::string w = firstWord(*n);
      if (w.empty() || g.notGivenNames.contains(w) || others.contains(w) || titles_.contains(w)) continue;
      catalogGivenNames_.insert(w);
    }
  }
}

MentionIndex::AliasPlan MentionIndex::planAlias(const std::string& alias) const {
  AliasPlan plan;
  const std::vector<Token> toks = tokenize(alias, 0, alias.size(), ja_);
  std::string k, s;
  size_t letters = 0;
  bool allCaps = true, anyLatin = false;
  for (const auto& t : toks) {
    if (!t.word || t.article || t.strict.empty()) continue;
    if (!plan.prefixes.empty()) { k += ' '; s += ' '; }
    k += t.strict;
    s += t.skeleton;
    plan.prefixes.emplace_back(k, s);
    plan.wordLens.push_back(static_cast<uint8_t>(std::min<size_t>(t.strict.size(), 255)));
    if (t.script == Script::kLatin && plan.wordLens.size() <= 16)
      plan.latinEnds |= latinEnding(t.strict) << (2 * (plan.wordLens.size() - 1));
    if (t.script == Script::kLatin && t.strict.size() <= 2 && plan.wordLens.size() <= 255) {
      plan.shortWords += static_cast<char>(plan.wordLens.size() - 1);
      plan.shortWords += t.strict[0];
      plan.shortWords += t.strict.size() > 1 ? t.strict[1] : '\0';
    }
    if (t.script == Script::kLatin) {
      anyLatin = true;
      allCaps = allCaps && t.allCaps;
      letters += t.strict.size();
    }
  }
  plan.acronym = anyLatin && allCaps && letters <= 6;
  for (const auto& [strict, skeleton] : plan.prefixes) plan.filterBits.emplace_back(filterBit(strict), filterBit(skeleton));
  if (plan.prefixes.size() == 1) plan.arabicLetters = arabicLetters(plan.prefixes.back().first);
  if (plan.prefixes.size() == 1 && anyLatin && !plan.prefixes.back().first.empty()) {
    plan.latinFirst = plan.prefixes.back().first.front();
    plan.latinLast = plan.prefixes.back().first.back();
  }
  return plan;
}

void MentionIndex::addAlias(const std::string& alias, size_t actor) {
  // Only registrations that will be taken back (stored actors, per article)
  // come again: the dictionaries' aliases are added once.
  AliasPlan once;
  const AliasPlan* found = nullptr;
  if (!undo_) {
    once = planAlias(alias);
  } else if (auto it = aliasPlans_.find(std::string_view(alias)); it != aliasPlans_.end()) {
    found = &it->second;
  } else {
    if (aliasPlans_.size() >= kMaxAliasPlans) aliasPlans_.clear();
    found = &aliasPlans_.emplace(alias, planAlias(alias)).first->second;
  }
  const AliasPlan& plan = found ? *found : once;
  const size_t words = plan.prefixes.size();
  if (words == 0) return;
  // An "exact" alias gets no skeleton entry (catalog.h CatalogActor).
  const auto& exact = catalog_.actors()[actor].exactAliases;
  const bool bySkeleton = std::find(exact.begin(), exact.end(), alias) == exact.end();
  // The whole alias's nodes (the last prefix's), kept from their try_emplace
  // for the entries below instead of looked up again; references to a
  // node's value survive the other insertions and rehashing.
  std::vector<Entry>* strictNode = nullptr;
  std::vector<Entry>* skeletonNode = nullptr;
  for (size_t w = 0; w < words; ++w) {
    const auto& [k, s] = plan.prefixes[w];
    // Prefix nodes first created here are erased again by an undo (after
    // the entries below, which the log takes back before them).
    // (Named copies: clang 14 cannot capture a structured binding.)
    const auto strictAt = strict_.try_emplace(k);
    if (strictAt.second && undo_) undo_->push([this, key = k] { strict_.erase(key); });
    noteFilterBit(plan.filterBits[w].first);
    strictNode = &strictAt.first->second;
    if (!bySkeleton) continue;
    const auto skeletonAt = skeleton_.try_emplace(s);
    if (skeletonAt.second && undo_) undo_->push([this, key = s] { skeleton_.erase(key); });
    noteFilterBit(plan.filterBits[w].second);
    skeletonNode = &skeletonAt.first->second;
  }
  const Entry e{actor,           plan.acronym,   plan.wordLens,  plan.arabicLetters,
                plan.latinFirst, plan.latinLast, plan.latinEnds, plan.shortWords};
  const size_t maxWords = std::max(maxWords_, std::min<size_t>(words, 12));
  if (maxWords != maxWords_ && undo_) undo_->push([this, old = maxWords_] { maxWords_ = old; });
  maxWords_ = maxWords;
  auto addTo = [&](std::vector<Entry>& v) {
    for (const auto& x : v) {
      if (x.actor == actor && x.acronym == e.acronym) return;
    }
    v.push_back(e);
    // The node outlives this record: a rollback takes back the record that
    // created it (pushed before this one) only after this one, and rehashing
    // keeps references to elements valid. (A pointer fits std::function's
    // inline storage; a copied key did not.)
    if (undo_) undo_->push([&v] { v.pop_back(); });
  };
  addTo(*strictNode);
  if (skeletonNode) addTo(*skeletonNode);
}

void MentionIndex::noteFilterBit(size_t b) {
  uint64_t& word = keyFilter_[b / 64];
  const uint64_t bit = uint64_t{1} << (b % 64);
  if (word & bit) return;
  // The filter only saves lookups; the bit is still cleared again so that the
  // index is exactly what it was.
  if (undo_) undo_->push([this, w = b / 64, bit] { keyFilter_[w] &= ~bit; });
  word |= bit;
}

// An Arabic alias ending in the sound masculine plural "ون" written with
// the accusative and genitive "ين" ("الحوثيون" -> "الحوثيين": "تدعم
// الحوثيين"); nullopt for any other alias.
std::optional<std::string> MentionIndex::arabicObliquePlural(const std::string& alias) {
  static const std::string kNominative = "\u0648\u0646";  // ون
  static const std::string kOblique = "\u064A\u0646";     // ين
  if (alias.size() < kNominative.size() + 6 || !alias.ends_with(kNominative)) return std::nullopt;
  size_t k = alias.size() - kNominative.size() - 2;  // the letter before ون
  const char32_t before = decodeUtf8(alias, k);
  if (before < 0x0620 || before > 0x064A) return std::nullopt;
  return alias.substr(0, alias.size() - kNominative.size()) + kOblique;
}

// The Arabic adjectives of a state written as a one-word Arabic alias (its
// nisba, masculine and feminine, and the masculine's accusative "ـيا"):
// "السويد" gives "سويدي", "سويديه" and "سويديا", "روسيا" gives "روسي" and
// "روسيه", "السعودية" gives "سعودي". Written by
// rule, so that "السفير السويدي" names Sweden as "الرئيس العراقي" names Iraq
// (whose adjectives actors.txt lists). None for a name ending in ي ("مالي":
// its nisba is the name itself) or of fewer than three letters.
std::vector<std::string> MentionIndex::arabicNisbas(const std::string& alias, const JapaneseSegmenter* ja) {
  std::vector<std::string> out;
  std::string word;
  for (const auto& t : tokenize(alias, 0, alias.size(), ja)) {
    if (!t.word || t.article) continue;
    if (!word.empty() || t.script != Script::kArabic) return out;
    word = t.strict;
  }
  std::u32string cs;
  for (size_t i = 0; i < word.size();) cs += decodeUtf8(word, i);
  if (cs.size() < 3 || cs.back() == 0x064A || cs.back() == 0x0649) return out;
  if (cs.back() == 0x0627 || cs.back() == 0x0647 || cs.back() == 0x0629) cs.pop_back();
  // "تركيا", "روسيا", "سوريا": the ي before the dropped ا is the nisba's own.
  if (cs.back() == 0x064A) cs.pop_back();
  std::string base;
  for (char32_t c : cs) appendUtf8(base, c);
  out.push_back(base + "\u064A");
  out.push_back(base + "\u064A\u0629");
  // The masculine's indefinite accusative: "طردت الهند دبلوماسيا كنديا".
  out.push_back(base + "\u064A\u0627");
  return out;
}

// The letters of an Arabic strict key without its long vowels and final ه:
// "مسيره" is "مسر", "مصريه" is "مصر", "سليماني" is "سلمن". "" when the key
// holds a letter of another script.
std::string MentionIndex::arabicLetters(std::string_view key) {
  std::string out;
  size_t i = 0;
  std::u32string cs;
  while (i < key.size()) cs += decodeUtf8(key, i);
  for (size_t k = 0; k < cs.size(); ++k) {
    const char32_t c = cs[k];
    if (c < 0x0600 || c > 0x06FF) return "";
    if (c == 0x0627 || c == 0x0648 || c == 0x064A || c == 0x0649) continue;
    if ((c == 0x0647 || c == 0x0629) && k + 1 == cs.size()) continue;
    appendUtf8(out, c);
  }
  return out;
}

uint32_t MentionIndex::latinEnding(std::string_view strict) {
  if (strict.empty()) return 0;
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  // A plural's "s" goes as the skeleton drops it ("Forces" ends as "Force").
  if (strict.size() > 4 && strict.back() == 's') {
    const char p = strict[strict.size() - 2];
    if ((!vowel(p) && p != 's') || strict.ends_with("ces")) strict.remove_suffix(1);
  }
  const char last = strict.back();
  if (vowel(last)) return 1;
  if (last == 'h' && strict.size() >= 2 && vowel(strict[strict.size() - 2])) return 1;
  return 2;
}

std::vector<const MentionIndex::Entry*> MentionIndex::similarSkeletonEntries(const std::vector<Entry>& entries,
                                                                            const std::vector<Token>& tokens,
                                                                            std::span<const size_t> wordIdx) const {
  std::vector<const Entry*> ok;
  for (const auto& e : entries) {
    if (e.acronym || e.wordLens.size() != wordIdx.size()) continue;
    bool similar = true;
    for (size_t w = 0; w < wordIdx.size(); ++w) {
      const int a = static_cast<int>(tokens[wordIdx[w]].strict.size());
      const int b = e.wordLens[w];
      if (std::abs(a - b) > std::max(2, b / 3)) similar = false;
      const uint32_t ends = w < 16 ? (e.latinEnds >> (2 * w)) & 3u : 0;
      if (ends != 0 && tokens[wordIdx[w]].script == Script::kLatin && latinEnding(tokens[wordIdx[w]].strict) != ends)
        similar = false;
    }
    for (size_t k = 0; similar && k + 2 < e.shortWords.size(); k += 3) {
      const size_t w = static_cast<unsigned char>(e.shortWords[k]);
      const std::string_view letters(&e.shortWords[k + 1], e.shortWords[k + 2] == '\0' ? 1 : 2);
      if (w < wordIdx.size() && tokens[wordIdx[w]].script == Script::kLatin && tokens[wordIdx[w]].strict != letters)
        similar = false;
    }
    if (!similar) continue;
    if (std::none_of(ok.begin(), ok.end(), [&](const Entry* x) { return x->actor == e.actor; })) ok.push_back(&e);
  }
  return ok;
}

MentionIndex::Hit MentionIndex::match(const std::vector<Token>& tokens, size_t i) const {
  Hit best;
  std::string k, s;
  size_t words = 0;
  bool allCapital = true, allUpper = true;
  // maxWords_ is at most 12 (see addAlias): a fixed array, no allocation per token.
  std::array<size_t, 16> wordIdxBuf{};
  size_t wordCount = 0;
  for (size_t j = i; j < tokens.size(); ++j) {
    const Token& t = tokens[j];
    if (!t.word) break;
    if (t.article) continue;
    if (t.strict.empty()) break;
    if (++words > maxWords_ || wordCount == wordIdxBuf.size()) break;
    if (words > 1) { k += ' '; s += ' '; }
    k += t.strict;
    s += t.skeleton;
    wordIdxBuf[wordCount++] = j;
    const std::span<const size_t> wordIdx(wordIdxBuf.data(), wordCount);
    if (t.script == Script::kLatin) {
      allCapital = allCapital && t.capital;
      allUpper = allUpper && t.allCaps;
    }
    // A name's own leading "the" is written in lower case mid-sentence ("Mordor,
    // the Shire, ..."): the capital that counts is the next word's.
    const size_t lead = wordIdx.size() > 1 && tokens[wordIdx.front()].lower == "the" ? 1 : 0;
    const Token& first = tokens[wordIdx[lead]];
    const bool firstOk = first.script != Script::kLatin || first.capital;
    const size_t len = j - i + 1;
    bool strictHit = false;
    // One word: its key and skeleton are the token's, hashed once by tokenize.
    const bool oneWord = words == 1;
    const auto it = (oneWord ? mayHoldHash(t.strictHash) : mayHold(k)) ? strict_.find(k) : strict_.end();
    const bool strictPrefix = it != strict_.end();  // some alias goes on through k
    if (strictPrefix && !it->second.empty()) {
      Hit h;
      h.length = len;
      for (const auto& e : it->second) {
        if (e.acronym ? allUpper : firstOk) h.entries.push_back(&e);
      }
      if (!h.entries.empty()) {
        best = std::move(h);
        strictHit = true;
      }
    }
    // Skeleton keys only count while every word is capitalised.
    const auto skel = allCapital && (oneWord ? mayHoldHash(t.skeletonHash) : mayHold(s)) ? skeleton_.find(s)
                                                                                          : skeleton_.end();
    // An Arabic word has no capital to say it is a name: alone, its
    // skeleton meets common words ("مسيرة", a drone or a march, is "مصرية"
    // by consonants); it must have the alias's letters but for long vowels.
    const bool loneArabic = oneWord && t.script == Script::kArabic;
    if (!strictHit && skel != skeleton_.end() && len > best.length) {
      std::vector<const Entry*> ok = similarSkeletonEntries(skel->second, tokens, wordIdx);
      if (loneArabic) {
        const std::string letters = arabicLetters(t.strict);
        // An Arabic alias must have the word's letters; another script's
        // alias of the same sound ("ソレイマニ" for "سليماني") may stand.
        std::erase_if(ok, [&](const Entry* e) { return !e->arabicLetters.empty() && e->arabicLetters != letters; });
      }
      // A lone Latin word must also begin and end as the alias does: the
      // vowels a skeleton drops tell "Colombo" from "Colombia".
      if (oneWord && t.script == Script::kLatin && !t.strict.empty())
        std::erase_if(ok, [&](const Entry* e) {
          return e->latinFirst != 0 && (e->latinFirst != t.strict.front() || e->latinLast != t.strict.back());
        });
      // A lone word spelt exactly as the last word of a dictionary person's
      // name is that surname, not another alias's near-spelling ("Morrison"
      // is no "Malaysian"): the mentions' surname lookups read it.
      if (oneWord && t.script == Script::kLatin && personLastWords_.contains(t.strict)) ok.clear();
      size_t skelLen = 0;
      for (char c : s) skelLen += c != ' ';
      if (ok.size() == 1 && (skelLen >= 4 || (words >= 2 && skelLen >= 3))) {
        best.length = len;
        best.entries = ok;
        best.skeleton = true;
      }
    }
    // Skeleton matches need every word capitalised; once one is not, only
    // the strict prefixes can still grow.
    if (!strictPrefix && skel == skeleton_.end()) break;
    // A possessive ends the name unless an alias goes on strictly through
    // it ("Tigray People's Liberation Front").
    if (t.possessive && !strictPrefix) break;
  }
  return best;
}

// "岸田文雄" -> "岸田": the first of two or more words of an alias written in
// kanji alone (MeCab splits family and given names; a one-word alias says
// nothing of where the family name ends).
void MentionIndex::addJapaneseSurname(const std::string& alias, size_t actor) {
  const std::vector<Token> toks = tokenize(alias, 0, alias.size(), ja_);
  if (toks.size() < 2) return;
  for (const auto& t : toks)
    if (!t.word || t.script != Script::kHan) return;
  auto& v = japaneseSurnames_[toks.front().strict];
  if (std::find(v.begin(), v.end(), actor) == v.end()) v.push_back(actor);
}

// "محمد شياع السوداني" -> "السوداني": the last of two or more Arabic words.
void MentionIndex::addArabicSurname(const std::string& alias, size_t actor) {
  const std::vector<Token> toks = tokenize(alias, 0, alias.size(), ja_);
  size_t words = 0;
  for (const auto& t : toks) {
    if (!t.word || t.article) continue;
    if (t.script != Script::kArabic) return;
    ++words;
  }
  if (words < 2 || toks.back().strict.empty()) return;
  auto& v = arabicSurnames_[toks.back().strict];
  if (std::find(v.begin(), v.end(), actor) == v.end()) v.push_back(actor);
}

const std::vector<size_t>* MentionIndex::arabicSurname(const std::string& strict) const {
  auto it = arabicSurnames_.find(strict);
  return it == arabicSurnames_.end() ? nullptr : &it->second;
}

const std::vector<size_t>* MentionIndex::japaneseSurname(const std::string& strict) const {
  auto it = japaneseSurnames_.find(strict);
  return it == japaneseSurnames_.end() ? nullptr : &it->second;
}

const std::vector<size_t>* MentionIndex::surname(const std::string& key) const {
  auto it = surnames_.find(key);
  return it == surnames_.end() ? nullptr : &it->second;
}

std::optional<size_t> MentionIndex::demonym(const Token& t) const {
  if (!mayHoldHash(t.strictHash)) return std::nullopt;
  auto it = demonyms_.find(t.strict);
  if (it == demonyms_.end()) return std::nullopt;
  return it->second;
}

std::optional<size_t> MentionIndex::demonym(const std::string& strict) const {
  if (!mayHold(strict)) return std::nullopt;
  auto it = demonyms_.find(strict);
  if (it == demonyms_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::pair<std::string, size_t>> MentionIndex::title(const std::vector<Token>& tokens, size_t i) const {
  std::optional<std::pair<std::string, size_t>> best;
  std::string k;
  for (size_t j = i; j < tokens.size() && j < i + 6; ++j) {
    const Token& t = tokens[j];
    if (!t.word || t.strict.empty()) {
      if (t.lower == "." && j > i) continue;  // "Lt. Gen."
      break;
    }
    const bool oneWord = k.empty();
    if (oneWord && !mayHoldHash(t.strictHash)) break;  // the common miss, before copying the key
    if (!k.empty()) k += ' ';
    k += t.strict;
    const auto it = (oneWord || mayHold(k)) ? titles_.find(k) : titles_.end();
    if (it == titles_.end()) break;
    if (it->second.canonical) best = std::make_pair(*it->second.canonical, j - i + 1);
  }
  if (!best) best = deputyTitle(tokens, i);
  return best;
}

// "deputy foreign minister", "Vice Admiral": a word that opens a deputy's
// title before a title the list knows, when the list does not know the
// whole (it knows "Vice President"). The title is the opener written as a
// capitalised word and the known title's canonical name.
std::optional<std::pair<std::string, size_t>> MentionIndex::deputyTitle(const std::vector<Token>& tokens,
                                                                       size_t i) const {
  if (i + 1 >= tokens.size() || !tokens[i].word || !isSubordinateTitleOpener(tokens[i].lower)) return std::nullopt;
  if (isSubordinateTitleOpener(tokens[i + 1].lower)) return std::nullopt;  // one opener only
  auto rest = title(tokens, i + 1);
  if (!rest) return std::nullopt;
  std::string opener = tokens[i].lower;
  opener[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(opener[0])));
  return std::make_pair(opener + " " + rest->first, rest->second + 1);
}

}  // namespace kg::extract
