#include "extract/syntax/pos_tagger.h"

#include "extract/syntax/chunker.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace kg::extract::syntax {

// Literals compared with words are string_views: a std::string == const char*
// would call strlen and compare() for each test.
using namespace std::string_view_literals;

extern const char kEnglishWordsText[];  // data/english_words.txt, embedded by CMake

namespace {

// Closed-class groups of english_words.txt, as bits.
enum Closed : uint32_t {
  kCDet = 1u << 0, kCPron = 1u << 1, kCPrep = 1u << 2, kCCoord = 1u << 3, kCSubord = 1u << 4,
  kCAux = 1u << 5, kCModal = 1u << 6, kCNeg = 1u << 7, kCTo = 1u << 8, kCAdv = 1u << 9,
  kCParticle = 1u << 10, kCNamePart = 1u << 11,
};

struct ClosedEntry {
  uint32_t mask = 0;
  Pos pos = Pos::kNoun;  // of the first group that lists the word
};

// Sense counts per open class, from WordNet's index files; a crude frequency prior.
// Irregular forms point at their base (verb.exc, noun.exc) so that one lookup
// of a word finds both its own senses and its irregular reading.
struct OpenEntry {
  uint8_t noun = 0, verb = 0, adj = 0, adv = 0;
  bool proper = false;  // WordNet spells most of its noun senses capitalised (Iran, Baghdad)
  const std::string* verbBase = nullptr;   // "went" -> "go"
  bool pastOnly = false;  // an irregular past whose verb has its own participle ("spoke": "spoken")
  const std::string* nounSingular = nullptr;  // "militia" stays; "men" -> "man"
};

// FNV-1a: short keys, and cheaper than the library's hash for them.
struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, SvHash, std::equal_to<>>;

uint8_t clampCount(int n) { return static_cast<uint8_t>(n > 255 ? 255 : n); }

}  // namespace

struct Lexicon::Impl {
  WordMap<ClosedEntry> closed;
  WordMap<OpenEntry> open;
  WordMap<std::string> verbExc;  // irregular form -> base
  WordMap<std::string> nounExc;  // irregular plural -> singular

  const ClosedEntry* findClosed(std::string_view w) const {
    auto it = closed.find(w);
    return it == closed.end() ? nullptr : &it->second;
  }
  const OpenEntry* findOpen(std::string_view w) const {
    auto it = open.find(w);
    return it == open.end() ? nullptr : &it->second;
  }
};

Lexicon::Lexicon(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lexicon::~Lexicon() = default;

const char* posName(Pos pos) {
  static constexpr std::array<const char*, 17> kNames = {
      "NOUN", "PROPN", "PRON", "VERB", "AUX", "MODAL", "ADJ", "ADV", "DET",
      "NUM", "ADP", "CCONJ", "SCONJ", "TO", "NEG", "POSS", "PUNCT"};
  return kNames[static_cast<size_t>(pos)];
}

bool isPluralNoun(const Word& w) { return w.pos == Pos::kNoun && w.lower != w.lemma && w.lower.ends_with('s'); }

const char* verbFormName(VerbForm f) {
  static constexpr std::array<const char*, 6> kNames = {"", "base", "3sg", "past", "part", "ger"};
  return kNames[static_cast<size_t>(f)];
}

namespace {

// ---------------------------------------------------------------- loading

Status parseClosedWords(std::string_view text, Lexicon::Impl& lex) {
  static const std::unordered_map<std::string, std::pair<uint32_t, Pos>> kGroups = {
      {"DET", {kCDet, Pos::kDeterminer}},     {"PRON", {kCPron, Pos::kPronoun}},
      {"PREP", {kCPrep, Pos::kPreposition}},  {"COORD", {kCCoord, Pos::kCoordinator}},
      {"SUBORD", {kCSubord, Pos::kSubordinator}}, {"AUX", {kCAux, Pos::kAux}},
      {"MODAL", {kCModal, Pos::kModal}},      {"NEG", {kCNeg, Pos::kNegation}},
      {"TO", {kCTo, Pos::kTo}},               {"ADV", {kCAdv, Pos::kAdverb}},
      {"PARTICLE", {kCParticle, Pos::kAdverb}}, {"NAMEPART", {kCNamePart, Pos::kProperNoun}},
  };
  std::istringstream in{std::string(text)};
  std::string line;
  for (int lineNo = 1; std::getline(in, line); ++lineNo) {
    if (line.empty() || line[0] == '#') continue;
    size_t colon = line.find(':');
    auto group = colon == std::string::npos ? kGroups.end() : kGroups.find(line.substr(0, colon));
    if (group == kGroups.end()) {
      return Status::corruption("english_words.txt:" + std::to_string(lineNo) + ": unknown group in '" + line + "'");
    }
    std::istringstream words(line.substr(colon + 1));
    for (std::string w; words >> w;) {
      auto [it, fresh] = lex.closed.try_emplace(w);
      if (fresh) it->second.pos = group->second.second;
      it->second.mask |= group->second.first;
    }
  }
  return Status::ok();
}

Status openWordNetFile(const std::string& dir, const char* name, std::ifstream& in) {
  std::string path = dir + "/" + name;
  in.open(path);
  if (!in) {
    return Status::notFound("WordNet file " + path + " is missing: install the Debian package wordnet-base "
                            "(scripts/deps.sh) or pass its directory to Lexicon::load");
  }
  return Status::ok();
}

// index.<pos>: "lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets...".
Status readIndex(const std::string& dir, const char* name, uint8_t OpenEntry::*field, Lexicon::Impl& lex) {
  std::ifstream in;
  if (Status s = openWordNetFile(dir, name, in); !s) return s;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // licence header
    size_t sp = line.find(' ');
    if (sp == std::string::npos || line.find('_') < sp) continue;  // multiword lemmas are not used
    size_t sp2 = line.find(' ', sp + 1);
    int senses = std::atoi(line.c_str() + sp2 + 1);
    lex.open[line.substr(0, sp)].*field = clampCount(senses);
  }
  return Status::ok();
}

Status readExceptions(const std::string& dir, const char* name, WordMap<std::string>& out) {
  std::ifstream in;
  if (Status s = openWordNetFile(dir, name, in); !s) return s;
  std::string form, base;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    if (fields >> form >> base) out.try_emplace(form, base);
  }
  return Status::ok();
}

// data.noun: counts, per single-word lemma, the synsets spelling it capitalised
// ("Iran") against those in lower case ("ties"): names are mostly capitalised.
Status markProperNouns(const std::string& dir, Lexicon::Impl& lex) {
  std::ifstream in;
  if (Status s = openWordNetFile(dir, "data.noun", in); !s) return s;
  WordMap<std::pair<int, int>> counts;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream f(line);
    std::string offset, lexFile, ssType, hexCount;
    f >> offset >> lexFile >> ssType >> hexCount;
    int n = static_cast<int>(std::strtol(hexCount.c_str(), nullptr, 16));
    for (int i = 0; i < n; ++i) {
      std::string word, lexId;
      f >> word >> lexId;
      if (word.empty() || word.find('_') != std::string::npos) continue;
      bool upper = word[0] >= 'A' && word[0] <= 'Z';
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto& [caps, lower] = counts[word];
      (upper ? caps : lower)++;
    }
  }
  for (auto& [word, c] : counts) {
    auto it = lex.open.find(word);
    if (it != lex.open.end() && c.first > c.second) it->second.proper = true;
  }
  return Status::ok();
}

}  // namespace

namespace {

bool endsWith(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf;
}

}  // namespace

bool isParticipleOnly(std::string_view form) {
  // Irregular forms ending in -n/-en are participles (taken, shown, withdrawn).
  return endsWith(form, "en") || endsWith(form, "wn") || endsWith(form, "ne") || form == "been"sv || form == "done"sv;
}

// Irregular pasts of verbs that have a participle of their own ("spoke" of
// "spoken", "took" of "taken") are never participles: "X spoke by
// telephone" is no reduced passive. ("held", "met", "sent" serve as both.)
void markPastOnly(Lexicon::Impl& impl) {
  std::unordered_set<std::string> withParticiple;
  for (const auto& [form, base] : impl.verbExc)
    if (isParticipleOnly(form)) withParticiple.insert(base);
  for (const auto& [form, base] : impl.verbExc)
    if (!isParticipleOnly(form) && !endsWith(form, "ing") && !endsWith(form, "s") && withParticiple.count(base))
      impl.open[form].pastOnly = true;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::load(const std::string& wordnetDir) {
  auto impl = std::make_unique<Impl>();
  if (Status s = parseClosedWords(kEnglishWordsText, *impl); !s) return s;
  const std::pair<const char*, uint8_t OpenEntry::*> kIndexes[] = {
      {"index.noun", &OpenEntry::noun}, {"index.verb", &OpenEntry::verb},
      {"index.adj", &OpenEntry::adj}, {"index.adv", &OpenEntry::adv}};
  for (const auto& [name, field] : kIndexes) {
    if (Status s = readIndex(wordnetDir, name, field, *impl); !s) return s;
  }
  if (Status s = readExceptions(wordnetDir, "verb.exc", impl->verbExc); !s) return s;
  if (Status s = readExceptions(wordnetDir, "noun.exc", impl->nounExc); !s) return s;
  if (Status s = markProperNouns(wordnetDir, *impl); !s) return s;
  for (const auto& [form, base] : impl->verbExc) impl->open[form].verbBase = &base;
  markPastOnly(*impl);
  for (const auto& [form, base] : impl->nounExc) impl->open[form].nounSingular = &base;
  return std::shared_ptr<const Lexicon>(std::make_shared<Lexicon>(std::move(impl)));
}

namespace {

// ---------------------------------------------------------------- tokens

// ASCII only, and without the C library's locale lookups.
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isAlpha(char c) { return isUpper(c) || (c >= 'a' && c <= 'z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
char toLower(char c) { return isUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isWordByte(char c) { return isAlpha(c) || isDigit(c) || (static_cast<unsigned char>(c) >= 0x80); }

std::string lowerOf(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = toLower(c);
  return out;
}

// Abbreviations whose final '.' belongs to the word.
bool isAbbreviation(std::string_view w) {
  static const std::unordered_set<std::string_view> kAbbrev = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "sen", "rep",
      "gov", "pres", "prof", "st", "jr", "sr", "rev", "hon", "amb", "brig", "jan", "feb", "mar", "apr",
      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "no", "vs",
      "etc", "approx", "dept", "govt", "mt", "ft"};
  if (w.size() == 1 && isUpper(w[0])) return true;  // an initial: "George W. Bush"
  if (w.find('.') != std::string_view::npos) return true;  // "U.S", "p.m"
  return kAbbrev.count(lowerOf(w)) > 0;
}

struct Token {
  size_t begin, end;  // in the sentence
};

// Splits off the clitics that the tagger treats as words of their own.
void pushWordToken(std::string_view text, size_t b, size_t e, std::vector<Token>& out) {
  std::string_view w = text.substr(b, e - b);
  if (w.find('\'') == std::string_view::npos) {  // every clitic below has an apostrophe
    out.push_back({b, e});
    return;
  }
  std::string low = lowerOf(w);
  auto endsWith = [&](std::string_view suf) {
    return low.size() > suf.size() && low.compare(low.size() - suf.size(), suf.size(), suf) == 0;
  };
  for (std::string_view clitic : {"n't", "'s", "'re", "'ll", "'ve", "'m", "'d"}) {
    if (endsWith(clitic)) {
      size_t cut = e - clitic.size();
      out.push_back({b, cut});
      out.push_back({cut, e});
      return;
    }
  }
  if (low.size() > 1 && low.back() == '\'' && low[low.size() - 2] == 's') {  // "ministers'"
    out.push_back({b, e - 1});
    out.push_back({e - 1, e});
    return;
  }
  out.push_back({b, e});
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 4 + 4);  // about one token per five bytes of English
  size_t i = 0, n = text.size();
  while (i < n) {
    if (isSpace(text[i])) { ++i; continue; }
    if (!isWordByte(text[i])) {
      size_t j = i + 1;
      if (text[i] == '-' || text[i] == '.') while (j < n && text[j] == text[i]) ++j;  // "--", "..."
      out.push_back({i, j});
      i = j;
      continue;
    }
    // A word: letters/digits joined by inner - ' . , & (al-Muhandis, Kata'ib, U.S, 1,500, AT&T).
    size_t j = i;
    while (j < n) {
      if (isWordByte(text[j])) { ++j; continue; }
      char c = text[j];
      bool joiner = (c == '-' || c == '\'' || c == '.' || c == ',' || c == '&' || c == '/' || c == '%');
      if (c == '%') { ++j; break; }
      if (!joiner || j + 1 >= n || !isWordByte(text[j + 1])) break;
      if (c == ',' && !(isDigit(text[j - 1]) && isDigit(text[j + 1]))) break;
      if (c == '\'' && (text[j + 1] == 's' || text[j + 1] == 't') &&
          (j + 2 >= n || !isWordByte(text[j + 2]))) break;  // clitic, split below
      ++j;
    }
    // Keep the clitic with the word for pushWordToken.
    if (j < n && text[j] == '\'' && j + 1 < n && (j + 2 >= n || !isWordByte(text[j + 2]))) {
      char next = toLower(text[j + 1]);
      if (next == 's' || (next == 't' && j > i && toLower(text[j - 1]) == 'n')) j += 2;
    } else if (j < n && text[j] == '\'' && j > i && (text[j - 1] == 's' || text[j - 1] == 'S') &&
               (j + 1 >= n || !isWordByte(text[j + 1]))) {
      ++j;  // plural possessive "ministers'"
    }
    if (j < n && text[j] == '.' && isAbbreviation(text.substr(i, j - i))) {
      ++j;
      if (j + 1 < n && text[j] == '-' && isAlpha(text[j + 1])) {  // "U.S.-led"
        j += 2;
        while (j < n && (isWordByte(text[j]) || (text[j] == '-' && j + 1 < n && isAlpha(text[j + 1])))) ++j;
      }
    }
    pushWordToken(text, i, j, out);
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------- morphology

// Candidate readings of one word, before context picks one.
struct Reading {
  bool noun = false, verb = false, adj = false, adv = false;
  std::string nounLemma, verbLemma;
  VerbForm form = VerbForm::kNone;
  uint8_t nounSenses = 0, verbSenses = 0, adjSenses = 0;
  bool proper = false;
  bool known = false;  // in WordNet in any form
  bool pastOnly = false;  // OpenEntry::pastOnly
};


const OpenEntry* verbEntry(const Lexicon::Impl& lex, std::string_view base) {
  const OpenEntry* e = base.size() >= 2 ? lex.findOpen(base) : nullptr;
  return e != nullptr && e->verb > 0 ? e : nullptr;
}

const OpenEntry* nounEntry(const Lexicon::Impl& lex, std::string_view base) {
  const OpenEntry* e = base.size() >= 2 ? lex.findOpen(base) : nullptr;
  return e != nullptr && e->noun > 0 ? e : nullptr;
}

// Base form of a regular inflection (`stem` after removing the suffix): tries
// an undoubled final consonant ("planned"), the stem ("attacked") and stem+e
// ("used"). Sets `senses` to the base's verb sense count.
std::string regularBase(const Lexicon::Impl& lex, std::string_view stem, uint8_t& senses) {
  if (stem.size() < 2) return {};
  size_t n = stem.size();
  if (stem[n - 1] == stem[n - 2]) {
    if (const OpenEntry* e = verbEntry(lex, stem.substr(0, n - 1))) {
      senses = e->verb;
      return std::string(stem.substr(0, n - 1));
    }
  }
  if (const OpenEntry* e = verbEntry(lex, stem)) {
    senses = e->verb;
    return std::string(stem);
  }
  std::string withE = std::string(stem) + "e";
  if (const OpenEntry* e = verbEntry(lex, withE)) {
    senses = e->verb;
    return withE;
  }
  return {};
}


void verbReading(const Lexicon::Impl& lex, const std::string& w, const OpenEntry* self, Reading& r) {
  if (self != nullptr && self->verbBase != nullptr) {
    r.verb = true;
    r.verbLemma = *self->verbBase;
    r.form = endsWith(w, "ing") ? VerbForm::kGerund
             : isParticipleOnly(w) ? VerbForm::kPastParticiple : VerbForm::kPast;
    r.pastOnly = self->pastOnly && r.form == VerbForm::kPast;
    if (const OpenEntry* e = verbEntry(lex, r.verbLemma)) r.verbSenses = e->verb;
    return;
  }
  if (self != nullptr && self->verb > 0) {
    r.verb = true;
    r.verbLemma = w;
    r.form = VerbForm::kBase;
    r.verbSenses = self->verb;
    return;
  }
  std::string_view v = w;
  std::string base;
  uint8_t senses = 0;
  VerbForm form = VerbForm::kNone;
  auto tryBase = [&](std::string candidate) {
    if (const OpenEntry* e = verbEntry(lex, candidate)) {
      senses = e->verb;
      base = std::move(candidate);
    }
  };
  if (endsWith(v, "ing")) {
    form = VerbForm::kGerund;
    base = regularBase(lex, v.substr(0, v.size() - 3), senses);
    if (base.empty() && endsWith(v, "ying")) tryBase(std::string(v.substr(0, v.size() - 4)) + "ie");
  } else if (endsWith(v, "ied")) {
    form = VerbForm::kPast;
    tryBase(std::string(v.substr(0, v.size() - 3)) + "y");
  } else if (endsWith(v, "ed")) {
    form = VerbForm::kPast;
    base = regularBase(lex, v.substr(0, v.size() - 2), senses);
  } else if (endsWith(v, "ies")) {
    form = VerbForm::kThirdSingular;
    tryBase(std::string(v.substr(0, v.size() - 3)) + "y");
  } else if (endsWith(v, "s") && !endsWith(v, "ss")) {
    form = VerbForm::kThirdSingular;
    tryBase(std::string(v.substr(0, v.size() - 1)));
    if (base.empty() && endsWith(v, "es")) tryBase(std::string(v.substr(0, v.size() - 2)));
  }
  if (!base.empty()) {
    r.verb = true;
    r.verbLemma = std::move(base);
    r.form = form;
    r.verbSenses = senses;
  }
}

void nounReading(const Lexicon::Impl& lex, const std::string& w, const OpenEntry* self, Reading& r) {
  if (self != nullptr && self->nounSingular != nullptr) {
    r.noun = true, r.nounLemma = *self->nounSingular;
    if (const OpenEntry* e = nounEntry(lex, r.nounLemma)) r.nounSenses = e->noun;
    return;
  }
  if (self != nullptr && self->noun > 0) {
    r.noun = true, r.nounLemma = w, r.nounSenses = self->noun;
    // WordNet keeps some plurals as lemmas ("years", "forces"); the singular wins when it is the commoner noun.
    // ("authorities": "authority", by -ies -> -y.)
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') {
      std::string singular = endsWith(w, "ies") ? w.substr(0, w.size() - 3) + "y" : w.substr(0, w.size() - 1);
      if (const OpenEntry* e = nounEntry(lex, singular); e != nullptr && e->noun > self->noun) {
        r.nounLemma = std::move(singular), r.nounSenses = e->noun;
      }
    }
    return;
  }
  std::string_view v = w;
  std::string base;
  if (endsWith(v, "ies")) base = std::string(v.substr(0, v.size() - 3)) + "y";
  else if (endsWith(v, "men")) base = std::string(v.substr(0, v.size() - 3)) + "man";
  else if (endsWith(v, "s") && !endsWith(v, "ss")) base = std::string(v.substr(0, v.size() - 1));
  if (base.empty()) return;
  const OpenEntry* e = nounEntry(lex, base);
  if (e == nullptr && endsWith(v, "es")) {
    base.pop_back();
    e = nounEntry(lex, base);
  }
  if (e != nullptr) r.noun = true, r.nounLemma = std::move(base), r.nounSenses = e->noun;
}

// "fiercest", "biggest", "larger": comparative and superlative adjectives.
void adjectiveDegree(const Lexicon::Impl& lex, const std::string& w, Reading& r) {
  auto isAdj = [&](const std::string& s) {
    const OpenEntry* e = lex.findOpen(s);
    return e != nullptr && e->adj > 0;
  };
  for (std::string_view suf : {"est", "er"}) {
    if (!endsWith(w, suf) || w.size() < suf.size() + 3) continue;
    std::string stem = w.substr(0, w.size() - suf.size());
    std::string undoubled = stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2] ? stem.substr(0, stem.size() - 1) : "";
    std::string y = stem.back() == 'i' ? stem.substr(0, stem.size() - 1) + "y" : "";
    for (const std::string& base : {stem, stem + "e", undoubled, y}) {
      if (!base.empty() && isAdj(base)) {
        r.adj = true;
        r.adjSenses = 1;
        return;
      }
    }
  }
}

Reading readingOf(const Lexicon::Impl& lex, const std::string& w) {
  Reading r;
  const OpenEntry* self = lex.findOpen(w);
  nounReading(lex, w, self, r);
  verbReading(lex, w, self, r);
  if (self != nullptr) {
    r.adj = self->adj > 0, r.adv = self->adv > 0;
    r.adjSenses = self->adj, r.proper = self->proper;
  }
  if (!r.noun && !r.verb && !r.adj) adjectiveDegree(lex, w, r);
  r.known = r.noun || r.verb || r.adj || r.adv;
  return r;
}

// Suffix guesses for a word WordNet does not know.
void guessUnknown(const std::string& w, Reading& r) {
  if (endsWith(w, "ly")) { r.adv = true; return; }
  if (endsWith(w, "ing")) { r.verb = true, r.verbLemma = w.substr(0, w.size() - 3), r.form = VerbForm::kGerund; return; }
  if (endsWith(w, "ed")) { r.verb = true, r.verbLemma = w.substr(0, w.size() - 2), r.form = VerbForm::kPast; return; }
  for (std::string_view suf : {"ous", "ive", "al", "ic", "ful", "less", "able", "ible", "ian", "ese", "ish", "-led",
                               "-backed", "-based", "-linked", "-aligned", "-run", "-made"}) {
    if (endsWith(w, suf)) { r.adj = true; return; }
  }
  for (std::string_view pre : {"pro-", "anti-", "non-", "post-", "pre-", "ex-", "inter-"}) {
    if (w.rfind(pre, 0) == 0) { r.adj = true; return; }
  }
  r.noun = true;
  r.nounLemma = (endsWith(w, "s") && !endsWith(w, "ss") && w.size() > 3) ? w.substr(0, w.size() - 1) : w;
}

// ---------------------------------------------------------------- tagging

// One word being tagged. Its readings are borrowed: from the thread's
// TaggerCache (a frequent word's are not copied per occurrence) or from
// `own`, which analyse() fills when there is no cache.
struct Draft {
  Draft() = default;
  Draft(const Draft&) = delete;  // `readings` may point into the draft itself
  Draft& operator=(const Draft&) = delete;
  Word word;
  const Reading* readings = nullptr;
  Reading own;
  const ClosedEntry* closed = nullptr;
  std::string_view surface;
  const Reading& reading() const { return *readings; }
};

bool isNumberWord(std::string_view w) {
  // The words below have 3 to 9 letters and start with one of these: most
  // words are rejected before hashing them.
  if (w.size() < 3 || w.size() > 9 || std::string_view("tfsenhmbd").find(w[0]) == std::string_view::npos) return false;
  static const std::unordered_set<std::string_view> kNumbers = {
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
      "thousands", "million", "millions", "billion", "billions", "dozen", "dozens", "trillion"};
  return kNumbers.count(w) > 0;
}

bool startsNumeric(std::string_view w) {
  return !w.empty() && (isDigit(w[0]) || (w.size() > 1 && (w[0] == '$' || w[0] == '-') && isDigit(w[1])));
}

bool hasInnerCapital(std::string_view w) {  // "al-Muhandis", "bin-Salman"
  size_t dash = w.find('-');
  return dash != std::string_view::npos && dash + 1 < w.size() && isUpper(w[dash + 1]);
}

bool isAcronym(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (isAlpha(c)) {
      if (!isUpper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

void setVerb(Word& w, const Reading& r) {
  w.pos = Pos::kVerb;
  w.lemma = r.verbLemma;
  w.form = r.form;
  w.pastOnly = r.pastOnly;
}

void setNoun(Word& w, const Reading& r) {
  w.pos = Pos::kNoun;
  w.lemma = r.nounLemma.empty() ? w.lower : r.nounLemma;
  w.form = VerbForm::kNone;
}

// be/have/do forms: lemma and inflection.
void tagAux(Word& w) {
  static const std::unordered_map<std::string_view, std::pair<const char*, VerbForm>> kForms = {
      {"be", {"be", VerbForm::kBase}},       {"is", {"be", VerbForm::kThirdSingular}},
      {"are", {"be", VerbForm::kBase}},      {"am", {"be", VerbForm::kBase}},
      {"'re", {"be", VerbForm::kBase}},      {"'m", {"be", VerbForm::kBase}},
      {"'s", {"be", VerbForm::kThirdSingular}}, {"was", {"be", VerbForm::kPast}},
      {"were", {"be", VerbForm::kPast}},     {"been", {"be", VerbForm::kPastParticiple}},
      {"being", {"be", VerbForm::kGerund}},  {"have", {"have", VerbForm::kBase}},
      {"has", {"have", VerbForm::kThirdSingular}}, {"had", {"have", VerbForm::kPast}},
      {"having", {"have", VerbForm::kGerund}}, {"'ve", {"have", VerbForm::kBase}},
      {"'d", {"have", VerbForm::kPast}},     {"do", {"do", VerbForm::kBase}},
      {"does", {"do", VerbForm::kThirdSingular}}, {"did", {"do", VerbForm::kPast}},
      {"done", {"do", VerbForm::kPastParticiple}}, {"doing", {"do", VerbForm::kGerund}}};
  auto it = kForms.find(w.lower);
  w.pos = Pos::kAux;
  if (it != kForms.end()) w.lemma = it->second.first, w.form = it->second.second;
}

bool isSubjectPronoun(std::string_view w) {
  return w == "i"sv || w == "you"sv || w == "he"sv || w == "she"sv || w == "it"sv || w == "we"sv || w == "they"sv;
}

bool nominalPos(Pos p) { return p == Pos::kNoun || p == Pos::kProperNoun || p == Pos::kPronoun; }

// Could the next word start or continue a noun phrase?
bool nounish(const Draft* d) {
  if (d == nullptr) return false;
  if (d->closed != nullptr) return (d->closed->mask & (kCDet | kCPron)) != 0 && d->closed->pos != Pos::kAdverb;
  const Reading& r = d->reading();
  return r.noun || r.adj || d->word.capitalised || d->word.pos == Pos::kNumber || startsNumeric(d->surface);
}

// An open-class noun or adjective follows (not a determiner): "a planned attack".
bool nounContinues(const Draft* d) {
  if (d == nullptr || d->closed != nullptr) return false;
  return d->reading().noun || d->reading().adj || d->word.pos == Pos::kNumber;
}

// Inside a phrase opened by a determiner or possessive: "a U.S. strike", "the group's attack".
bool inDeterminedNp(const std::vector<Draft>& d, size_t i) {
  while (i > 0) {
    --i;
    Pos p = d[i].word.pos;
    if (p == Pos::kDeterminer || p == Pos::kPossessive) return true;
    if (p != Pos::kAdjective && p != Pos::kNoun && p != Pos::kProperNoun && p != Pos::kNumber) return false;
  }
  return false;
}

bool verbish(const Draft* d) {
  if (d == nullptr) return false;
  if (d->closed != nullptr) return (d->closed->mask & (kCAux | kCModal)) != 0;
  return d->reading().verb && (d->reading().form == VerbForm::kPast || d->reading().form == VerbForm::kThirdSingular) &&
         !d->word.capitalised;
}

// The last tagged word before i that is not an adverb or negation.
const Word* prevContent(const std::vector<Draft>& d, size_t i) {
  while (i > 0) {
    --i;
    Pos p = d[i].word.pos;
    if (p != Pos::kAdverb && p != Pos::kNegation) return &d[i].word;
  }
  return nullptr;
}

// Verbs whose past participle is the base form (WordNet lists no exception for them).
bool isUnchangedParticiple(std::string_view w) {
  static const std::unordered_set<std::string_view> kSame = {
      "hit", "cut", "put", "set", "shut", "hurt", "let", "cost", "spread", "quit", "cast", "broadcast",
      "bid", "burst", "split", "thrust", "upset", "shed", "forecast", "rid", "beset", "offset", "outbid",
      "reset", "shut", "slit", "wed", "bet", "read", "run", "come", "become", "overcome"};
  return kSame.count(w) > 0;
}

// The neighbourhood of an open-class word being tagged.
struct Context {
  std::vector<Draft>& drafts;
  size_t i;
  Word& w;
  const Reading& r;
  const Word* prev;   // the word before
  const Word* prevC;  // the word before, skipping adverbs and negation
  const Draft* next;
  Pos pp, pc;         // their tags (kPunct at the start)
  bool afterDet;      // right after a determiner, possessive, adjective or number
};

// "to attack", "could strike", "did not attack", "was hit", "has seized", "they warn".
bool verbAfterAuxiliary(Context& c) {
  const Reading& r = c.r;
  if (!r.verb) return false;
  bool afterTo = c.pc == Pos::kTo || c.pc == Pos::kModal || (c.pc == Pos::kAux && c.prevC->lemma == "do"sv);
  if (afterTo && (r.form == VerbForm::kBase || (c.pc == Pos::kTo && r.verbLemma == c.w.lower))) {
    setVerb(c.w, r);
    c.w.form = VerbForm::kBase;
    return true;
  }
  bool perfect = c.pc == Pos::kAux && (c.prevC->lemma == "have"sv || c.prevC->lemma == "be"sv);
  if (perfect && r.form == VerbForm::kBase && r.verbLemma == c.w.lower && isUnchangedParticiple(c.w.lower)) {
    setVerb(c.w, r);
    c.w.form = VerbForm::kPastParticiple;  // "was hit", "have cut"
    return true;
  }
  if (perfect && (r.form == VerbForm::kPast || r.form == VerbForm::kPastParticiple || r.form == VerbForm::kGerund)) {
    setVerb(c.w, r);
    if (r.form != VerbForm::kGerund) c.w.form = VerbForm::kPastParticiple;
    return true;
  }
  if (c.pc == Pos::kPronoun && isSubjectPronoun(c.prevC->lower) && r.form != VerbForm::kGerund) {
    setVerb(c.w, r);
    return true;
  }
  return false;
}

// "shot dead", "the wounded", "a planned attack", "the fighting".
bool afterDeterminer(Context& c) {
  const Reading& r = c.r;
  if (r.adj && c.pp == Pos::kVerb && c.prev->form == VerbForm::kPastParticiple && !nounContinues(c.next)) {
    c.w.pos = Pos::kAdjective;
    return true;
  }
  if (c.afterDet) {
    if (r.adj && nounish(c.next) && !(c.next->reading().verb && !c.next->reading().noun)) { c.w.pos = Pos::kAdjective; return true; }
    if (r.noun) { setNoun(c.w, r); return true; }
    if (r.adj) { c.w.pos = Pos::kAdjective; return true; }
    if (r.verb && (r.form == VerbForm::kPast || r.form == VerbForm::kPastParticiple)) { c.w.pos = Pos::kAdjective; return true; }
    if (r.verb && r.form == VerbForm::kGerund && !nounContinues(c.next)) { setNoun(c.w, r); return true; }
  }
  return false;
}

// "burned flags and chanted slogans": a finite past verb earlier in the sentence.
bool pastVerbBefore(const std::vector<Draft>& d, size_t i) {
  for (size_t k = 0; k < i; ++k) {
    if (d[k].word.pos == Pos::kVerb && d[k].word.form == VerbForm::kPast) return true;
  }
  return false;
}

// "The Egyptian envoy, Ahmed Samir, held talks": word i follows the comma
// that closes an apposition to the noun phrase opening the sentence (one
// comma before it, a noun or name right before each comma), and no verb
// stands before it. A past form there is the sentence's verb, not an
// adjective of the noun after it. (Not "In Baghdad, armed men ...": the
// sentence opens with a preposition and has one comma.)
bool verbAfterApposition(const std::vector<Draft>& d, size_t i) {
  if (i < 4 || d[i - 1].word.lower != "," || !nominalPos(d[i - 2].word.pos)) return false;
  const Pos first = d[0].word.pos;
  if (first != Pos::kDeterminer && first != Pos::kProperNoun && first != Pos::kNoun && first != Pos::kAdjective)
    return false;
  size_t commas = 0;
  for (size_t k = 0; k + 1 < i; ++k) {
    const Pos p = d[k].word.pos;
    if (p == Pos::kVerb || p == Pos::kAux || p == Pos::kModal || p == Pos::kSubordinator || p == Pos::kCoordinator)
      return false;
    if (d[k].word.lower == ",") {
      if (k == 0 || !nominalPos(d[k - 1].word.pos)) return false;
      ++commas;
    }
  }
  return commas == 1;
}

// -ing and -ed forms outside a determined phrase.
bool gerundOrParticiple(Context& c) {
  const Reading& r = c.r;
  if (!r.verb) return false;
  if (r.form == VerbForm::kGerund && r.noun && inDeterminedNp(c.drafts, c.i) && nounContinues(c.next) &&
      c.next->reading().noun && !verbish(c.next)) {
    setNoun(c.w, r);  // "his annual mushroom hunting trip"
    return true;
  }
  // "Fighting erupted overnight", "Shelling has continued": an -ing form
  // that opens the sentence right before a finite verb is its subject.
  if (r.form == VerbForm::kGerund && r.noun && c.i == 0 && verbish(c.next)) {
    setNoun(c.w, r);
    return true;
  }
  if (r.form == VerbForm::kGerund) {
    // "formally ending the mission": after an adverb, or before a
    // determiner outside a determined phrase, an -ing form takes an object.
    const bool takesObject = !c.afterDet && c.next && c.next->word.pos == Pos::kDeterminer;
    // "began shelling", "admitted shooting down an airliner": after a verb
    // that governs it (governsGerund), the -ing form is that act's verb.
    const bool aspectual = c.pp == Pos::kVerb && c.prev != nullptr && governsGerund(c.prev->lemma);
    if (c.pp == Pos::kPreposition || c.pp == Pos::kPunct || c.pp == Pos::kCoordinator || c.pp == Pos::kAdverb ||
        takesObject || aspectual || !r.noun || nominalPos(c.pp)) {
      setVerb(c.w, r);
      return true;
    }
  }
  if ((r.form == VerbForm::kPast || r.form == VerbForm::kPastParticiple) && !(c.afterDet && r.adj)) {
    // "the bloc also imposed financial sanctions": an adverb between a
    // subject and the past form leaves it the verb.
    const bool subjectBefore = c.pp == Pos::kNoun || c.pp == Pos::kProperNoun || c.pp == Pos::kPronoun ||
                               (c.pp == Pos::kAdverb && (c.pc == Pos::kNoun || c.pc == Pos::kProperNoun ||
                                                         c.pc == Pos::kPronoun));
    bool modifier = r.adj && nounContinues(c.next) && !subjectBefore &&
                    !(c.pp == Pos::kCoordinator && pastVerbBefore(c.drafts, c.i)) &&
                    !verbAfterApposition(c.drafts, c.i);
    if (!modifier) {
      setVerb(c.w, r);
      return true;
    }
  }
  return false;
}

// Two names joined by "and" end right before word i ("Fornost and Gondor
// welcome"): a plural subject, which a base-form verb agrees with.
bool namesJoinedBefore(const std::vector<Draft>& d, size_t i) {
  return i >= 3 && d[i - 1].word.pos == Pos::kProperNoun && d[i - 2].word.lower == "and"sv &&
         d[i - 3].word.pos == Pos::kProperNoun;
}

// Noun or verb after a noun: "Israel strikes targets" against "drone strikes killed".
// "has long accused", "had long sought": a word that may be an adverb,
// between a form of "have" or "be" and a past participle, is one (so the
// participle stays in the verb group).
bool adverbInPerfect(Context& c) {
  const Reading& r = c.r;
  if (!r.adv || c.pp != Pos::kAux || c.prev == nullptr || c.next == nullptr) return false;
  if (c.prev->lemma != "have"sv && c.prev->lemma != "be"sv) return false;
  const Reading& next = c.next->reading();
  if (!next.verb || (next.form != VerbForm::kPastParticiple && next.form != VerbForm::kPast)) return false;
  c.w.pos = Pos::kAdverb;
  return true;
}

// "Nicaragua also cut its ties", "Iran later hit two bases": a word that may
// be a verb, after an adverb that follows a name or pronoun, and before a
// determiner, a pronoun or a number, is the clause's verb.
bool verbAfterSubjectAdverb(Context& c) {
  const Reading& r = c.r;
  if (!r.verb || c.pp != Pos::kAdverb || c.next == nullptr) return false;
  if (c.pc != Pos::kProperNoun && c.pc != Pos::kPronoun) return false;
  const Draft* next = c.next;
  const bool objectStarts = (next->closed != nullptr && (next->closed->mask & (kCDet | kCPron)) != 0) ||
                            next->word.pos == Pos::kNumber || startsNumeric(next->surface) ||
                            isNumberWord(next->word.lower);
  if (!objectStarts) return false;
  setVerb(c.w, r);
  if (r.form == VerbForm::kBase && isUnchangedParticiple(c.w.lower)) c.w.form = VerbForm::kPast;
  return true;
}

// "Talks were held between ...", "Clashes have broken out": a noun-or-verb
// opening the sentence right before an auxiliary or modal is its subject
// (a finite verb is not followed by one).
bool nounBeforeAuxiliary(Context& c) {
  const Reading& r = c.r;
  if (!(r.verb && r.noun) || c.prev != nullptr || c.next == nullptr || c.next->closed == nullptr) return false;
  if ((c.next->closed->mask & (kCAux | kCModal)) == 0) return false;
  setNoun(c.w, r);
  return true;
}

// "struck Hezbollah positions early on Saturday", "hit Houthi targets last
// week": a name (one or more capitalised words) right after a finite verb
// that says nothing (no verb of saying: "said Iran attacks ..."), then a word
// that is a plural noun or a verb in -s: the name qualifies the noun, the
// object of that verb, whatever follows it.
bool objectAfterVerbAndName(const Context& c) {
  if (c.pp != Pos::kProperNoun || c.r.form != VerbForm::kThirdSingular || !c.w.lower.ends_with('s')) return false;
  size_t k = c.i - 1;
  while (k > 0 && c.drafts[k].word.pos == Pos::kProperNoun) --k;
  if (c.drafts[k].word.pos == Pos::kProperNoun) return false;
  const Word& verb = c.drafts[k].word;
  return verb.pos == Pos::kVerb &&
         (verb.form == VerbForm::kPast || verb.form == VerbForm::kThirdSingular || verb.form == VerbForm::kBase) &&
         !isReportingVerb(verb.lemma);
}

bool afterNoun(Context& c) {
  const Reading& r = c.r;
  const Draft* next = c.next;
  if (!(r.verb && r.noun)) return false;
  if (objectAfterVerbAndName(c)) {
    setNoun(c.w, r);
    return true;
  }
  // "camps run by the PKK", "towns hit by the strikes": a participle like
  // the base, between a noun and "by", is a reduced passive.
  if ((c.pp == Pos::kNoun || c.pp == Pos::kProperNoun) && r.form == VerbForm::kBase &&
      isUnchangedParticiple(c.w.lower) && next != nullptr && next->word.lower == "by"sv) {
    setVerb(c.w, r);
    c.w.form = VerbForm::kPastParticiple;
    return true;
  }
  bool objectDet = next != nullptr && next->closed != nullptr && (next->closed->mask & kCDet) != 0;
  // "aircraft hit five depots": a count after the word starts its object.
  const bool countNext = next != nullptr && (next->word.pos == Pos::kNumber || startsNumeric(next->surface) ||
                                             isNumberWord(next->word.lower));
  if ((c.pp == Pos::kNoun || c.pp == Pos::kProperNoun) && inDeterminedNp(c.drafts, c.i) &&
      !((objectDet || countNext) && isUnchangedParticiple(c.w.lower)) &&
      (r.form == VerbForm::kBase || r.form == VerbForm::kThirdSingular) &&
      !(next != nullptr && nounish(next) && !nounContinues(next))) {
    setNoun(c.w, r);
    return true;
  }
  if (c.pp != Pos::kNoun && c.pp != Pos::kProperNoun && c.pp != Pos::kPronoun) return false;
  bool finite = r.form == VerbForm::kThirdSingular || r.form == VerbForm::kBase;
  bool objectNext = next != nullptr && (nounish(next) || next->word.pos == Pos::kNumber) &&
                    (!verbish(next) || next->reading().noun);
  // "the US hit a faction", "Saudi Arabia cut diplomatic ties": a past form
  // like the base after a name, with an object after it.
  const bool objectAfterName = c.pp == Pos::kProperNoun && objectNext;
  if (r.form == VerbForm::kBase && isUnchangedParticiple(c.w.lower) && next != nullptr &&
      ((next->closed != nullptr && (next->closed->mask & (kCDet | kCPron)) != 0) || objectAfterName || countNext)) {
    setVerb(c.w, r);
    c.w.form = VerbForm::kPast;  // "the US hit a faction"
    return true;
  }
  // Agreement: "Iran warns", "the allies warn", but "Minas Tirith border police".
  const Word* prev = c.prev;
  bool pluralBefore = (c.pp == Pos::kNoun && endsWith(prev->lower, "s")) ||
                      (c.pp == Pos::kPronoun && isSubjectPronoun(prev->lower) && prev->lower != "he"sv &&
                       prev->lower != "she"sv && prev->lower != "it"sv) ||
                      namesJoinedBefore(c.drafts, c.i);
  bool followsName = r.form == VerbForm::kThirdSingular ? (c.pp == Pos::kProperNoun || c.pp == Pos::kPronoun)
                                                        : pluralBefore;
  bool prepNext = next != nullptr && next->closed != nullptr && (next->closed->mask & (kCPrep | kCTo | kCSubord)) != 0;
  // "accused him of human rights abuses": a bare common noun right after a
  // preposition is inside its phrase, no subject; the word after it goes on
  // with the phrase.
  if (c.pp == Pos::kNoun && c.i >= 2 && c.drafts[c.i - 2].word.pos == Pos::kPreposition && !prev->capitalised) {
    setNoun(c.w, r);
    return true;
  }
  if ((finite && objectNext && (followsName || r.form == VerbForm::kThirdSingular)) ||
      (finite && followsName && prepNext && r.verbSenses > r.nounSenses)) {
    setVerb(c.w, r);
    return true;
  }
  setNoun(c.w, r);
  return true;
}

// A past form, then a particle, then the start of an object: "an American
// jet shot down an Iranian drone", "the army called off the offensive" (the
// word before may read as an adjective, "jet", and make the past a noun).
bool phrasalPast(Context& c) {
  const Reading& r = c.r;
  if (!r.verb || (r.form != VerbForm::kPast && r.form != VerbForm::kPastParticiple)) return false;
  if (c.next == nullptr || c.i + 2 >= c.drafts.size()) return false;
  const std::string_view particle = c.next->word.lower;
  if (particle != "down"sv && particle != "off"sv && particle != "out"sv && particle != "up"sv) return false;
  const Draft& after = c.drafts[c.i + 2];
  const bool objectStarts = (after.closed != nullptr && (after.closed->mask & kCDet) != 0) ||
                            after.word.capitalised || startsNumeric(after.surface) || isNumberWord(after.word.lower);
  if (!objectStarts) return false;
  setVerb(c.w, r);
  c.w.form = VerbForm::kPast;
  return true;
}

// No context rule applied: adjective before a noun, else the likelier class.
void byLexicon(Context& c) {
  const Reading& r = c.r;
  // "called the remarks crazy", "the troops present": a word that may be an
  // adjective, after a plural noun and ending the phrase, qualifies it.
  const bool afterPlural = c.prev != nullptr && isPluralNoun(*c.prev) && !nounContinues(c.next);
  if (r.adj && (!r.noun || (nounContinues(c.next) && !verbish(c.next)) || c.pp == Pos::kAux || afterPlural)) {
    if (!(r.noun && r.nounSenses > 2 * r.adjSenses + 2 && !nounish(c.next))) {
      c.w.pos = Pos::kAdjective;
      return;
    }
  }
  if (r.noun && (!r.verb || r.nounSenses >= r.verbSenses || c.pp != Pos::kPunct)) return setNoun(c.w, r);
  if (r.verb) return setVerb(c.w, r);
  if (r.adj) { c.w.pos = Pos::kAdjective; return; }
  if (r.adv) { c.w.pos = Pos::kAdverb; return; }
  setNoun(c.w, r);
}

// "last week", "next month", "past year": "last", "next" and "past" before a
// word of time qualify it (never "diplomats last week" as a verb "last").
bool timeQualifier(Context& c) {
  static const std::unordered_set<std::string_view> kQualifiers = {"last", "next", "past"};
  static const std::unordered_set<std::string_view> kTimeWords = {
      "week", "weekend", "month", "year", "night", "summer", "spring", "autumn", "fall", "winter", "decade",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
  if (!c.next || !kQualifiers.count(c.w.lower) || !kTimeWords.count(c.next->word.lower)) return false;
  c.w.pos = Pos::kAdjective;
  return true;
}

// "an air and ground offensive", "a land and sea blockade": a word joined by
// "and"/"or" to a modifier of a determined phrase, with a noun after it,
// modifies that noun too (not the verb "grind").
bool coordinatedModifier(Context& c) {
  const Reading& r = c.r;
  // Only a noun that also reads as a verb ("ground"); an adjective reading
  // ("awful and evil minister") is left to the rules after this one.
  if (!r.noun || !r.verb || r.adj || c.i < 3 || c.next == nullptr || !nounContinues(c.next) ||
      !c.next->reading().noun)
    return false;
  const Word& conj = c.drafts[c.i - 1].word;
  if (conj.lower != "and"sv && conj.lower != "or"sv) return false;
  const Pos before = c.drafts[c.i - 2].word.pos;
  if ((before != Pos::kNoun && before != Pos::kAdjective) || !inDeterminedNp(c.drafts, c.i - 2)) return false;
  setNoun(c.w, r);
  return true;
}

// "demanded that the Iraqi government act decisively", "urged that Iran
// release the ship": after a verb of demanding and "that", a base form right
// after the clause's subject phrase is its (subjunctive) verb, not a noun
// compounded with the subject's head.
bool subjunctiveAfterDemand(Context& c) {
  static const std::unordered_set<std::string_view> kDemandVerbs = {
      "demand", "insist", "urge", "ask", "request", "recommend", "propose", "require", "order", "suggest"};
  const Reading& r = c.r;
  if (!r.verb || r.form != VerbForm::kBase || (c.pp != Pos::kNoun && c.pp != Pos::kProperNoun)) return false;
  // A name right after it is its object ("demanded that the US strike Iran"),
  // not the rest of a compound noun.
  if (c.next != nullptr && nounContinues(c.next) && !c.next->word.capitalised) return false;
  size_t k = c.i;
  while (k > 0) {
    const Pos p = c.drafts[k - 1].word.pos;
    if (p != Pos::kNoun && p != Pos::kProperNoun && p != Pos::kAdjective && p != Pos::kDeterminer &&
        p != Pos::kPossessive && p != Pos::kNumber)
      break;
    --k;
  }
  if (k < 2 || k == c.i || c.drafts[k - 1].word.lower != "that"sv) return false;
  const Word& governor = c.drafts[k - 2].word;
  if (governor.pos != Pos::kVerb || !kDemandVerbs.count(governor.lemma)) return false;
  setVerb(c.w, r);
  c.w.form = VerbForm::kBase;
  return true;
}

// "called the strikes particularly alarming", "called the resolution
// politically motivated", "branded the vote illegitimate": after a verb
// that names its object by a second one (call, brand, label, term, deem,
// consider) and that object, a word that may be an adjective or an -ing or
// -ed form, ending the clause (adverbs before it allowed), is the object's
// complement, an adjective: never a clause of its own ("the resolution
// motivated ...").
// (Wider than the chunker's isNamingVerb, whose verbs take a second noun
// phrase: "consider", "declare", "deem" take an adjective.)
bool objectComplement(Context& c) {
  static const std::unordered_set<std::string_view> kNamingVerbs = {"call",     "brand",   "label", "term",
                                                                    "consider", "declare", "deem"};
  const Reading& r = c.r;
  const bool form =
      r.verb && (r.form == VerbForm::kGerund || r.form == VerbForm::kPast || r.form == VerbForm::kPastParticiple);
  if (!(r.adj || form)) return false;
  // (The next word is not tagged yet: punctuation is what no word starts.)
  if (c.next != nullptr && isWordByte(c.next->surface[0]) && c.next->word.lower != "and"sv &&
      c.next->word.lower != "but"sv)
    return false;
  size_t k = c.i;
  while (k > 0 && c.drafts[k - 1].word.pos == Pos::kAdverb) --k;
  const size_t objectEnd = k;
  while (k > 0) {
    const Pos p = c.drafts[k - 1].word.pos;
    if (p != Pos::kNoun && p != Pos::kProperNoun && p != Pos::kPronoun && p != Pos::kAdjective &&
        p != Pos::kDeterminer && p != Pos::kPossessive && p != Pos::kNumber)
      break;
    --k;
  }
  if (k == objectEnd || k == 0) return false;
  const Word& verb = c.drafts[k - 1].word;
  if (verb.pos != Pos::kVerb || !kNamingVerbs.count(verb.lemma)) return false;
  c.w.pos = Pos::kAdjective;
  return true;
}

// "the base, which hosts US troops", "the envoy, who heads the mission":
// right after a relative "which" / "who", a finite form that may be a verb
// is the relative clause's verb. (Not after "that": "told him that attacks
// on troops were unacceptable".)
bool verbAfterRelative(Context& c) {
  const Reading& r = c.r;
  if (!r.verb || (r.form != VerbForm::kThirdSingular && r.form != VerbForm::kPast) || c.prev == nullptr) return false;
  if (c.prev->lower != "which"sv && c.prev->lower != "who"sv) return false;
  if (c.pp != Pos::kSubordinator) return false;
  setVerb(c.w, r);
  return true;
}

// "Blinken, speaking alongside X, said Russia was ...": "said" is an
// adjective only right after a determiner ("the said agreement"); after a
// comma or a name it is the verb.
bool saidAfterComma(Context& c) {
  const Reading& r = c.r;
  if (!r.verb || r.form != VerbForm::kPast || c.w.lower != "said"sv || c.prev == nullptr) return false;
  if (c.prev->lower != ","sv && c.pp != Pos::kProperNoun) return false;
  setVerb(c.w, r);
  return true;
}

// Picks noun / verb / adjective / adverb for an open-class word from its
// readings and its neighbours; the first rule that applies wins.
void tagOpen(std::vector<Draft>& drafts, size_t i) {
  Draft& d = drafts[i];
  const Word* prev = i > 0 ? &drafts[i - 1].word : nullptr;
  const Word* prevC = prevContent(drafts, i);
  Pos pp = prev ? prev->pos : Pos::kPunct;
  Context c{drafts, i, d.word, d.reading(), prev, prevC, i + 1 < drafts.size() ? &drafts[i + 1] : nullptr,
            pp, prevC ? prevC->pos : Pos::kPunct,
            pp == Pos::kDeterminer || pp == Pos::kPossessive || pp == Pos::kAdjective || pp == Pos::kNumber};
  const Reading& r = d.reading();
  if (r.adv && !r.noun && !r.verb && (!r.adj || endsWith(d.word.lower, "ly"))) {
    d.word.pos = Pos::kAdverb;
    return;
  }
  if (saidAfterComma(c) || timeQualifier(c) || objectComplement(c) || verbAfterRelative(c) || adverbInPerfect(c) ||
      verbAfterAuxiliary(c) || phrasalPast(c) || afterDeterminer(c) || coordinatedModifier(c) ||
      gerundOrParticiple(c) || subjunctiveAfterDemand(c) || nounBeforeAuxiliary(c) || verbAfterSubjectAdverb(c) ||
      afterNoun(c))
    return;
  byLexicon(c);
}

// "that": a determiner before a noun that ends its phrase, else a complementizer.
Pos tagThat(const std::vector<Draft>& d, size_t i) {
  const Draft* next = i + 1 < d.size() ? &d[i + 1] : nullptr;
  const Word* prev = i > 0 ? &d[i - 1].word : nullptr;
  if (prev != nullptr && prev->pos == Pos::kPreposition && nounContinues(next)) return Pos::kDeterminer;  // "on that narrative"
  if (prev != nullptr && (prev->pos == Pos::kVerb || nominalPos(prev->pos) || prev->pos == Pos::kPunct)) {
    return Pos::kSubordinator;
  }
  if (next != nullptr && next->closed == nullptr && next->reading().noun && !next->word.capitalised) return Pos::kDeterminer;
  return Pos::kSubordinator;
}

// After "after/before/since": does a noun phrase and then a verb follow?
bool clauseFollows(const std::vector<Draft>& d, size_t i) {
  size_t j = i + 1;
  auto inPhrase = [&](const Draft& x) {
    if (x.closed != nullptr) return (x.closed->mask & (kCDet | kCPron)) != 0 && (x.closed->mask & kCAux) == 0;
    if (startsNumeric(x.surface) || x.word.capitalised) return true;
    const Reading& r = x.reading();
    bool verbOnly = r.verb && !r.noun && !r.adj && r.form != VerbForm::kGerund;
    return (r.noun || r.adj) && !verbOnly;
  };
  while (j < d.size() && inPhrase(d[j])) ++j;
  if (j == i + 1 || j >= d.size()) return false;
  const Draft& v = d[j];
  if (v.closed != nullptr) return (v.closed->mask & (kCAux | kCModal)) != 0;
  return v.reading().verb && v.reading().form != VerbForm::kGerund;
}

// Words listed in several closed groups (as/after/before, 's, no, about, that, one).
void tagClosed(std::vector<Draft>& d, size_t i) {
  Draft& dr = d[i];
  Word& w = dr.word;
  uint32_t mask = dr.closed->mask;
  w.pos = dr.closed->pos;
  w.lemma = w.lower;
  const Word* prev = i > 0 ? &d[i - 1].word : nullptr;
  const Draft* next = i + 1 < d.size() ? &d[i + 1] : nullptr;
  if (w.lower == "that"sv) { w.pos = tagThat(d, i); return; }
  bool atLeast = (w.lower == "at"sv && next != nullptr && (next->word.lower == "least"sv || next->word.lower == "most"sv)) ||
                 ((w.lower == "least"sv || w.lower == "most"sv) && prev != nullptr && prev->lower == "at"sv);
  if (atLeast) {
    w.pos = Pos::kAdverb;  // "at least five civilians"
    return;
  }
  // Existential "there is", and "there would be", "there will be" (a modal
  // and "be" after it): "said that there would be consequences for X".
  const bool modalBe = next != nullptr && next->closed != nullptr && (next->closed->mask & kCModal) &&
                       i + 2 < d.size() && d[i + 2].word.lower == "be"sv;
  if (w.lower == "there"sv && next != nullptr && next->closed != nullptr &&
      (((next->closed->mask & kCAux) && next->word.lower != "have"sv && next->word.lower != "has"sv &&
        next->word.lower != "had"sv) ||
       modalBe)) {
    w.pos = Pos::kPronoun;
    return;
  }
  if (w.lower == "'s"sv) {
    bool pron = prev != nullptr && prev->pos == Pos::kPronoun;
    bool verbNext = next != nullptr && (next->word.lower == "been"sv || next->word.lower == "not"sv ||
                                        (next->reading().verb && next->reading().form == VerbForm::kGerund && !next->reading().noun));
    if (pron || verbNext) tagAux(w); else w.pos = Pos::kPossessive, w.lemma = "'s";
    return;
  }
  if (mask & kCAux) { tagAux(w); return; }
  if (mask & kCModal) {
    w.pos = Pos::kModal;
    if (w.lower == "wo"sv) w.lemma = "will";
    if (w.lower == "ca"sv) w.lemma = "can";
    if (w.lower == "'ll"sv) w.lemma = "will";
    return;
  }
  if ((mask & kCSubord) && (mask & kCPrep)) {
    // after/before/since/until/as: a subordinator when a clause follows.
    bool clauseNext = clauseFollows(d, i);
    w.pos = clauseNext && w.lower != "as"sv ? Pos::kSubordinator : Pos::kPreposition;
    return;
  }
  // A floating quantifier after the subject: "Germany, France and Poland each
  // expelled ...", "the two leaders both agreed ...".
  const bool afterNominal = prev != nullptr && (prev->pos == Pos::kProperNoun || prev->pos == Pos::kNoun ||
                                                (prev->pos == Pos::kPronoun && prev->lower != "it"sv));
  if ((w.lower == "each"sv || w.lower == "both"sv || w.lower == "all"sv) && afterNominal && next != nullptr &&
      next->reading().verb && (next->reading().form == VerbForm::kPast || !next->reading().noun)) {
    w.pos = Pos::kAdverb;
    return;
  }
  if (w.lower == "no"sv) { w.pos = next && nounish(next) ? Pos::kDeterminer : Pos::kNegation; return; }
  if (w.lower == "one"sv) { w.pos = Pos::kNumber; return; }
  if ((mask & kCParticle) && (mask & kCPrep)) { w.pos = Pos::kPreposition; return; }
  if ((mask & kCAdv) && (mask & kCDet)) {  // "more troops" against "most certainly"
    w.pos = next != nullptr && nounish(next) ? Pos::kDeterminer : Pos::kAdverb;
    return;
  }
  if (w.lower == "about"sv && next && (next->word.pos == Pos::kNumber || startsNumeric(next->surface))) { w.pos = Pos::kAdverb; return; }
}

bool isNamePart(const std::vector<Draft>& d, size_t i) {
  if (d[i].closed == nullptr || (d[i].closed->mask & kCNamePart) == 0) return false;
  bool capBefore = i > 0 && d[i - 1].word.capitalised && d[i - 1].word.pos != Pos::kPunct;
  bool capAfter = i + 1 < d.size() && d[i + 1].word.capitalised;
  return capAfter && (capBefore || d[i].word.capitalised);
}

// "Visiting New Delhi on Wednesday, Rice urged ...", "Meeting Putin in
// Moscow, Xi praised ...": the sentence's first word d[i], an -ing form of
// a known verb that is no adjective (not "Acting President X"), with a comma
// later in the sentence, opens a participle clause, not a name.
bool opensParticipleClause(const std::vector<Draft>& d, size_t i) {
  const Reading& r = d[i].reading();
  if (!r.verb || !r.known || r.proper || r.adj || r.form != VerbForm::kGerund) return false;
  return std::any_of(d.begin() + static_cast<std::ptrdiff_t>(i) + 1, d.end(),
                     [](const Draft& x) { return x.surface == ","sv; });
}

// Capitalised words: names, unless sentence-initial and a common word.
bool tagCapitalised(std::vector<Draft>& d, size_t i, bool initial, bool headline) {
  Draft& dr = d[i];
  Word& w = dr.word;
  if (!w.capitalised) return false;
  if (headline) {
    bool unknown = dr.closed == nullptr && (!dr.reading().known || dr.reading().proper);
    if (unknown || isAcronym(dr.surface)) w.pos = Pos::kProperNoun;
    return unknown || isAcronym(dr.surface);
  }
  if (isAcronym(dr.surface) && dr.surface != "I"sv && dr.surface != "A"sv) { w.pos = Pos::kProperNoun; return true; }
  const Reading& r = dr.reading();
  size_t dash = w.lower.rfind('-');
  if (dash != std::string::npos && dash + 1 < dr.surface.size() && !isUpper(dr.surface[dash + 1]) && r.verb &&
      (r.form == VerbForm::kPast || r.form == VerbForm::kPastParticiple)) {
    w.pos = Pos::kAdjective;  // "U.S.-led", "Iran-backed"
    return true;
  }
  // Capitals on both sides of a hyphen: a name ("Amir-Abdollahian",
  // "Al-Sudani"), never a nationality adjective.
  if (dash != std::string::npos && dash > 0 && dash + 1 < dr.surface.size() && isUpper(dr.surface[dash + 1])) {
    w.pos = Pos::kProperNoun;
    return true;
  }
  bool nationality = r.adj && (endsWith(w.lower, "ish") || endsWith(w.lower, "ian") || endsWith(w.lower, "an") ||
                               endsWith(w.lower, "ese") || endsWith(w.lower, "i"));
  bool nextCap = i + 1 < d.size() && d[i + 1].word.capitalised && d[i + 1].closed == nullptr;
  const Draft* next = i + 1 < d.size() ? &d[i + 1] : nullptr;
  // "the African Union suspended Syria": a past form that is no noun is the
  // verb after the name, not a second adjective ("Union" reads as one too).
  const bool nextPastVerb = next != nullptr && next->reading().verb && !next->reading().noun &&
                            (next->reading().form == VerbForm::kPast || next->reading().form == VerbForm::kPastParticiple);
  bool beforeNoun = r.adj && next != nullptr && !next->word.capitalised && nounContinues(next) && !nextPastVerb;
  bool beforeCoordAdj = r.adj && next != nullptr && next->word.lower == "and"sv && i + 2 < d.size() &&
                        d[i + 2].word.capitalised && d[i + 2].reading().adj;
  bool nominalUse = next == nullptr || next->word.pos == Pos::kPunct || verbish(next);
  if ((nationality && !nominalUse) || beforeNoun || beforeCoordAdj) {
    w.pos = Pos::kAdjective;
    return true;
  }
  if (initial) {
    if (dr.closed != nullptr) return false;
    bool coordinatedName = next != nullptr &&
                           (next->word.lower == "and"sv || next->word.lower == "or"sv || next->word.lower == ","sv) &&
                           i + 2 < d.size() && d[i + 2].word.capitalised;
    if (coordinatedName) {
      w.pos = Pos::kProperNoun;  // "Turkey and Russia agreed"
      return true;
    }
    if (r.verb && r.form == VerbForm::kBase && verbish(next)) {
      w.pos = Pos::kProperNoun;  // "Trump told Congress"
      return true;
    }
    if (next != nullptr && next->word.lower == "'s"sv) {
      w.pos = Pos::kProperNoun;  // "Trump's decision"
      return true;
    }
    if (nextCap && !opensParticipleClause(d, i) &&
        !(r.verb && (r.form == VerbForm::kPast || r.form == VerbForm::kThirdSingular))) {
      w.pos = Pos::kProperNoun;  // "Crown Prince Mohammed"
      return true;
    }
    if (r.known && !r.proper && !nextCap) return false;
    if (r.known && !r.proper && (r.verb || r.adv || r.adj)) return false;
  }
  w.pos = Pos::kProperNoun;
  return true;
}

// All caps, or Title Case for most words: capitals then say nothing about names.
bool isHeadline(std::string_view text, const std::vector<Draft>& drafts) {
  int upper = 0, lower = 0;
  for (char c : text) {
    if (isUpper(c)) ++upper;
    else if (isAlpha(c)) ++lower;
  }
  if (upper > 12 && upper > 2 * lower) return true;
  int words = 0, capitalised = 0;
  for (const Draft& d : drafts) {
    if (!isAlpha(d.surface[0])) continue;
    ++words;
    capitalised += d.word.capitalised;
  }
  constexpr int kMinWords = 4;
  return words >= kMinWords && capitalised * 10 >= words * 8;
}

// Lexicon readings of one word (context-free; the same wherever it occurs).
void analyse(const Lexicon::Impl& lex, Draft& d) {
  d.readings = &d.own;
  d.closed = lex.findClosed(d.word.lower);
  if (d.closed != nullptr || !isWordByte(d.surface[0]) || startsNumeric(d.surface)) return;
  const std::string& lower = d.word.lower;
  size_t dash = lower.rfind('-');
  if (dash != std::string::npos && dash + 1 < lower.size() && lex.findOpen(lower) == nullptr) {
    d.own = readingOf(lex, lower.substr(dash + 1));  // "U.S.-backed" reads as "backed"
  } else {
    d.own = readingOf(lex, lower);
  }
  if (!d.own.known) guessUnknown(lower, d.own);
}

}  // namespace

struct TaggerCache::Impl {
  struct Entry {
    const ClosedEntry* closed;
    Reading reading;
  };
  WordMap<Entry> words;
};

TaggerCache::TaggerCache() : impl_(std::make_unique<Impl>()) {}
TaggerCache::~TaggerCache() = default;

std::vector<Word> tagWords(const Lexicon& lexicon, std::string_view text, size_t offset, TaggerCache* cache) {
  const Lexicon::Impl& lex = lexicon.impl();
  std::vector<Token> tokens = tokenize(text);
  std::vector<Draft> drafts(tokens.size());
  // Drafts borrow their readings from the memo: it is cleared (when full)
  // before the sentence, never while drafts point into it.
  if (cache != nullptr && cache->impl().words.size() + tokens.size() > TaggerCache::kMaxWords)
    cache->impl().words.clear();
  for (size_t i = 0; i < tokens.size(); ++i) {
    Draft& d = drafts[i];
    d.surface = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    d.word.begin = offset + tokens[i].begin;
    d.word.end = offset + tokens[i].end;
    d.word.lower = lowerOf(d.surface);
    d.word.capitalised = isUpper(d.surface[0]) || hasInnerCapital(d.surface);
    if (cache == nullptr) {
      analyse(lex, d);
      continue;
    }
    auto& memo = cache->impl().words;
    if (auto it = memo.find(d.word.lower); it != memo.end()) {
      d.closed = it->second.closed;
      d.readings = &it->second.reading;
      continue;
    }
    analyse(lex, d);
    const auto at = memo.emplace(d.word.lower, TaggerCache::Impl::Entry{d.closed, std::move(d.own)}).first;
    d.readings = &at->second.reading;
  }
  bool headline = isHeadline(text, drafts);
  bool initial = true;
  for (size_t i = 0; i < drafts.size(); ++i) {
    Draft& d = drafts[i];
    Word& w = d.word;
    w.lemma = w.lower;
    if (d.surface == "'"sv && i > 0 && drafts[i - 1].word.end == w.begin) {
      w.pos = Pos::kPossessive;
      continue;
    }
    // "$500 million", "€2 billion": a currency sign right before a number
    // is part of the amount's phrase.
    const bool currencySign = d.surface == "$"sv || d.surface == "\u20ac"sv || d.surface == "\u00a3"sv || d.surface == "\u00a5"sv;
    if (currencySign && i + 1 < drafts.size() && startsNumeric(drafts[i + 1].surface) &&
        drafts[i + 1].word.begin == w.end) {
      w.pos = Pos::kNumber;
      initial = false;
      continue;
    }
    if (d.closed == nullptr && !isWordByte(d.surface[0]) && !startsNumeric(d.surface)) {
      w.pos = Pos::kPunct;
      initial = initial || d.surface == "\""sv || d.surface == "("sv || d.surface == ":"sv;
      continue;
    }
    if (startsNumeric(d.surface) && w.lower.find('-') != std::string::npos && isAlpha(w.lower.back())) {
      w.pos = Pos::kAdjective;  // "12-year", "5-member"
    } else if (startsNumeric(d.surface) || (d.closed == nullptr && d.reading().noun && isNumberWord(w.lower))) {
      w.pos = Pos::kNumber;
    } else if (isNamePart(drafts, i)) {
      w.pos = Pos::kProperNoun;
    } else if (tagCapitalised(drafts, i, initial, headline)) {
      // tagged
    } else if (d.closed != nullptr) {
      tagClosed(drafts, i);
    } else {
      tagOpen(drafts, i);
    }
    initial = false;
  }
  // "declared two diplomats persona non grata": the Latin phrase says what
  // the object is declared, as an adverb would; never the end of the
  // object's noun phrase.
  for (size_t i = 0; i + 2 < drafts.size(); ++i)
    if (drafts[i].word.lower == "persona"sv && drafts[i + 1].word.lower == "non"sv &&
        drafts[i + 2].word.lower == "grata"sv)
      for (size_t k = i; k < i + 3; ++k) drafts[k].word.pos = Pos::kAdverb;
  std::vector<Word> out;
  out.reserve(drafts.size());
  for (Draft& d : drafts) out.push_back(std::move(d.word));
  return out;
}

}  // namespace kg::extract::syntax
