#include "extract/lexicon/verb_dictionary.h"
#include "extract/lexicon/dictionary_lines.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

namespace kg::extract {
namespace {

bool isVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool isLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool isConsonant(char c) { return isLetter(c) && !isVowel(c); }
bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Characters of a dictionary word (verbs, pattern words, synset phrases).
bool isWordChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '\'' || c == '.' || c == '/' || c == ',' || u >= 0x80;
}

// Regular plural of a noun, as the PETRARCH docs describe it (S; IES for a
// consonant + Y; ES after SS), extended to X, CH and SH.
std::string pluralOf(const std::string& w) {
  if (w.size() >= 2 && w.back() == 'Y' && isConsonant(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "IES";
  if (endsWith(w, "SS") || endsWith(w, "X") || endsWith(w, "CH") || endsWith(w, "SH")) return w + "ES";
  return w + "S";
}

// Vowel groups, 'U' after 'Q' and 'Y' counting as consonants.
int vowelGroups(const std::string& w) {
  int groups = 0;
  bool inVowel = false;
  for (size_t i = 0; i < w.size(); ++i) {
    const bool v = isVowel(w[i]) && !(w[i] == 'U' && i > 0 && w[i - 1] == 'Q');
    if (v && !inVowel) ++groups;
    inVowel = v;
  }
  return groups;
}

// Ends consonant-vowel-consonant (last consonant not W, X or Y): the shape
// whose final consonant doubles before -ED / -ING when stressed.
bool endsCvc(const std::string& w) {
  if (w.size() < 3) return false;
  const char c1 = w[w.size() - 3], v = w[w.size() - 2], c2 = w.back();
  if (!isConsonant(c2) || c2 == 'W' || c2 == 'X' || c2 == 'Y') return false;
  if (!isVowel(v)) return false;
  if (v == 'U' && c1 == 'Q') return false;
  return isConsonant(c1) || (w.size() >= 4 && c1 == 'U' && w[w.size() - 4] == 'Q');
}

struct Inflection {
  std::string word;
  VerbFormKind kind;
};

// The regular forms of an English verb word. A one-syllable word ending
// consonant-vowel-consonant doubles its last consonant ("STOPPED"); a longer
// one gets both spellings ("VISITED", "OMITTED"), since the stress that
// decides is not known.
std::vector<Inflection> regularForms(const std::string& w) {
  std::vector<Inflection> out;
  if (w.empty()) return out;
  // Third person.
  if (w.size() >= 2 && w.back() == 'Y' && isConsonant(w[w.size() - 2])) {
    out.push_back({w.substr(0, w.size() - 1) + "IES", VerbFormKind::kThirdPerson});
  } else if (endsWith(w, "S") || endsWith(w, "X") || endsWith(w, "Z") || endsWith(w, "CH") || endsWith(w, "SH") ||
             (w.size() >= 2 && w.back() == 'O' && isConsonant(w[w.size() - 2]))) {
    out.push_back({w + "ES", VerbFormKind::kThirdPerson});
  } else {
    out.push_back({w + "S", VerbFormKind::kThirdPerson});
  }
  const bool cvc = endsCvc(w);
  const int groups = vowelGroups(w);
  const std::string doubled = w + w.back();
  // Past and participle.
  if (w.back() == 'E') {
    out.push_back({w + "D", VerbFormKind::kPast});
  } else if (w.size() >= 2 && w.back() == 'Y' && isConsonant(w[w.size() - 2])) {
    out.push_back({w.substr(0, w.size() - 1) + "IED", VerbFormKind::kPast});
  } else if (cvc && groups == 1) {
    out.push_back({doubled + "ED", VerbFormKind::kPast});
  } else {
    out.push_back({w + "ED", VerbFormKind::kPast});
    if (cvc) out.push_back({doubled + "ED", VerbFormKind::kPast});
  }
  // Gerund.
  if (endsWith(w, "IE")) {
    out.push_back({w.substr(0, w.size() - 2) + "YING", VerbFormKind::kGerund});
  } else if (w.back() == 'E' && w.size() > 2 && !endsWith(w, "EE") && !endsWith(w, "YE") && !endsWith(w, "OE")) {
    out.push_back({w.substr(0, w.size() - 1) + "ING", VerbFormKind::kGerund});
  } else if (cvc && groups == 1) {
    out.push_back({doubled + "ING", VerbFormKind::kGerund});
  } else {
    out.push_back({w + "ING", VerbFormKind::kGerund});
    if (cvc) out.push_back({doubled + "ING", VerbFormKind::kGerund});
  }
  return out;
}

VerbFormKind classifyListed(const std::string& w) {
  if (endsWith(w, "ING")) return VerbFormKind::kGerund;
  if (endsWith(w, "S") && !endsWith(w, "SS")) return VerbFormKind::kThirdPerson;
  return VerbFormKind::kPast;
}

// A verb phrase as written: words joined by '_' or blanks, '+' before the
// inflected word.
struct VerbPhrase {
  std::vector<std::string> words;
  int verbWord = -1;  // -1 when no '+'
};

}  // namespace

// Reads one dictionary text. Holds the parse state; see the header for the
// line kinds.
class VerbDictionaryParser {
 public:
  VerbDictionaryParser(std::string_view origin, std::vector<std::string>* warnings)
      : origin_(origin), warnings_(warnings) {}

  VerbDictionary run(std::string_view text) {
    uint32_t lineNo = 0;
    bool inHtmlComment = false;
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      std::string_view raw = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
      ++lineNo;
      line_ = lineNo;
      std::string line = stripComments(raw, &inHtmlComment);
      const std::string_view s = trimBlanks(line);
      if (s.empty()) continue;
      handle(s);
    }
    if (inHtmlComment) warn("'<!--' comment not closed by the end of the file");
    finish();
    return std::move(d_);
  }

 private:
  enum class State { kNone, kSynset, kFamily };

  void warn(const std::string& msg) {
    if (warnings_) warnings_->push_back(std::string(origin_) + ":" + std::to_string(line_) + ": " + msg);
  }

  // Drops "<!-- ... -->" (possibly spanning lines), then '#' and ';' comments
  // outside "[...]" (codes such as "[###]" keep their '#').
  static std::string stripComments(std::string_view raw, bool* inHtml) {
    std::string out = withoutHtmlComments(raw, inHtml);
    int depth = 0;
    for (size_t k = 0; k < out.size(); ++k) {
      const char c = out[k];
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if ((c == '#' || c == ';') && depth == 0) {
        out.resize(k);
        break;
      }
    }
    return out;
  }

  void handle(std::string_view s) {
    if (s.front() == '&') return synsetHeader(s);
    if (s.substr(0, 3) == "---") return familyHeader(s);
    if (s.front() == '-') {
      if (family_ < 0) return warn("pattern before any '--- NAME [CODE] ---' family header: '" + std::string(s) + "'");
      state_ = State::kFamily;
      return pattern(s.substr(1));
    }
    if (s.front() == '~') return transformation(s.substr(1));
    if (s.front() == '+' && state_ == State::kSynset) return synsetMember(s.substr(1));
    if (family_ < 0) return warn("verb before any '--- NAME [CODE] ---' family header: '" + std::string(s) + "'");
    state_ = State::kFamily;
    verbLine(s);
  }

  // ---- codes ----

  // The text between '[' and ']'. nullopt (with a warning) when malformed.
  std::optional<VerbCode> parseCode(std::string_view inner) {
    inner = trimBlanks(inner);
    if (inner.empty()) {
      warn("empty code '[]'");
      return std::nullopt;
    }
    for (char c : inner) {
      if (isDictionaryBlank(c)) {
        warn("code '[" + std::string(inner) + "]' holds a blank");
        return std::nullopt;
      }
    }
    VerbCode code;
    const size_t colon = inner.find(':');
    std::string_view a = inner.substr(0, colon);
    std::string_view b = colon == std::string_view::npos ? std::string_view{} : inner.substr(colon + 1);
    if (b.find(':') != std::string_view::npos) {
      warn("code '[" + std::string(inner) + "]' has more than one ':'");
      return std::nullopt;
    }
    if (a != "---") code.source = std::string(a);
    if (b != "---") code.target = std::string(b);
    return code;
  }

  // Splits "BODY [CODE] rest" at the last "[...]". `body` gets the text before
  // it, `code` the parsed code (nullopt when absent). False (warned) when
  // malformed.
  bool splitCode(std::string_view s, std::string_view* body, std::optional<VerbCode>* code) {
    const size_t open = s.rfind('[');
    if (open == std::string_view::npos) {
      if (s.find(']') != std::string_view::npos) {
        warn("']' without '[' in '" + std::string(s) + "'");
        return false;
      }
      *body = s;
      code->reset();
      return true;
    }
    const size_t close = s.find(']', open);
    if (close == std::string_view::npos) {
      warn("'[' not closed in '" + std::string(s) + "'");
      return false;
    }
    if (!trimBlanks(s.substr(close + 1)).empty()) {
      warn("text after the code: '" + std::string(trimBlanks(s.substr(close + 1))) + "'");
      return false;
    }
    *code = parseCode(s.substr(open + 1, close - open - 1));
    if (!code->has_value()) return false;
    *body = s.substr(0, open);
    return true;
  }

  // ---- synsets ----

  void synsetHeader(std::string_view s) {
    std::string_view name = s.substr(1);
    size_t end = 0;
    while (end < name.size() && !isDictionaryBlank(name[end])) ++end;
    if (!trimBlanks(name.substr(end)).empty()) {
      warn("text after the synset name: '" + std::string(s) + "'");
    }
    name = name.substr(0, end);
    std::string key = upperAscii(name);
    synsetNoPlural_ = !key.empty() && key.back() == '_';
    while (!key.empty() && key.back() == '_') key.pop_back();
    bool ok = !key.empty();
    for (char c : key) ok = ok && (isLetter(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '_');
    if (!ok) {
      warn("bad synset name '" + std::string(s) + "': its '+' lines are skipped");
      state_ = State::kNone;
      synset_ = -1;
      return;
    }
    state_ = State::kSynset;
    if (auto it = d_.synsetIndex_.find(key); it != d_.synsetIndex_.end()) {
      warn("synset &" + key + " defined again (first at line " + std::to_string(d_.synsets_[it->second].line) +
           "): the phrases are added to it");
      synset_ = it->second;
      return;
    }
    synset_ = static_cast<int64_t>(d_.synsets_.size());
    d_.synsetIndex_.emplace(key, static_cast<uint32_t>(d_.synsets_.size()));
    d_.synsets_.push_back(Synset{key, {}, line_});
  }

  void synsetMember(std::string_view s) {
    if (synset_ < 0) return;
    Synset& set = d_.synsets_[static_cast<size_t>(synset_)];
    s = trimBlanks(s);
    if (!s.empty() && s.front() == '&') {
      const std::string ref = upperAscii(trimBlanks(s.substr(1)));
      std::string key = ref;
      while (!key.empty() && key.back() == '_') key.pop_back();
      auto it = d_.synsetIndex_.find(key);
      if (it == d_.synsetIndex_.end() || static_cast<int64_t>(it->second) == synset_) {
        warn("synset member &" + ref + " is not a synset defined before");
        return;
      }
      for (const auto& p : d_.synsets_[it->second].phrases) addPhrase(set, p);
      return;
    }
    const bool noPlural = synsetNoPlural_ || (!s.empty() && s.back() == '_');
    std::vector<std::string> words;
    std::string cur;
    for (char c : s) {
      if (c == '_' || isDictionaryBlank(c)) {
        if (!cur.empty()) words.push_back(upperAscii(cur));
        cur.clear();
      } else if (isWordChar(c)) {
        cur += c;
      } else {
        warn(std::string("synset phrases hold words only; '") + c + "' in '+" + std::string(s) + "'");
        return;
      }
    }
    if (!cur.empty()) words.push_back(upperAscii(cur));
    if (words.empty()) {
      warn("empty synset phrase");
      return;
    }
    addPhrase(set, words);
    if (!noPlural) {
      words.back() = pluralOf(words.back());
      addPhrase(set, words);
    }
  }

  static void addPhrase(Synset& set, const std::vector<std::string>& words) {
    if (std::find(set.phrases.begin(), set.phrases.end(), words) == set.phrases.end()) set.phrases.push_back(words);
  }

  // ---- families and verbs ----

  void familyHeader(std::string_view s) {
    state_ = State::kFamily;
    size_t i = 0;
    while (i < s.size() && s[i] == '-') ++i;
    std::string_view rest = trimBlanks(s.substr(i));
    VerbFamily fam;
    fam.line = line_;
    const size_t open = rest.find('[');
    std::string_view name = rest.substr(0, open);
    if (open != std::string_view::npos) {
      const size_t close = rest.find(']', open);
      if (close == std::string_view::npos) {
        warn("'[' not closed in family header '" + std::string(s) + "'");
      } else {
        if (auto code = parseCode(rest.substr(open + 1, close - open - 1))) fam.code = *code;
        std::string_view after = trimBlanks(rest.substr(close + 1));
        while (!after.empty() && (after.back() == '-' || isDictionaryBlank(after.back()))) after.remove_suffix(1);
        while (!after.empty() && (after.front() == '-' || isDictionaryBlank(after.front()))) after.remove_prefix(1);
        if (!after.empty()) warn("extra text after the family code ignored: '" + std::string(after) + "'");
      }
    } else {
      while (!name.empty() && (name.back() == '-' || isDictionaryBlank(name.back()))) name.remove_suffix(1);
    }
    name = trimBlanks(name);
    while (!name.empty() && name.back() == '-') name = trimBlanks(name.substr(0, name.size() - 1));
    std::string clean;
    for (char c : name) clean += c == '_' ? ' ' : c;
    clean = upperAscii(trimBlanks(clean));
    if (clean.empty()) warn("family header without a name: '" + std::string(s) + "'");
    fam.name = std::move(clean);
    family_ = static_cast<int64_t>(d_.families_.size());
    d_.families_.push_back(std::move(fam));
  }

  // "+CORDON_OFF", "WIRE_+TAPS", "LASH OUT". False (warned) when malformed.
  bool parseVerbPhrase(std::string_view s, VerbPhrase* out) {
    out->words.clear();
    out->verbWord = -1;
    std::string cur;
    bool plusPending = false;
    auto flush = [&]() {
      if (cur.empty()) return;
      if (plusPending) out->verbWord = static_cast<int>(out->words.size());
      plusPending = false;
      out->words.push_back(upperAscii(cur));
      cur.clear();
    };
    for (char c : s) {
      if (c == '_' || isDictionaryBlank(c) || c == ',') {
        flush();
      } else if (c == '+') {
        if (!cur.empty() || out->verbWord >= 0 || plusPending) {
          warn("misplaced or second '+' in verb '" + std::string(trimBlanks(s)) + "'");
          return false;
        }
        plusPending = true;
      } else if (isWordChar(c)) {
        cur += c;
      } else {
        warn(std::string("'") + c + "' in verb '" + std::string(trimBlanks(s)) + "'");
        return false;
      }
    }
    flush();
    if (plusPending) {
      warn("'+' marks no word in verb '" + std::string(trimBlanks(s)) + "'");
      return false;
    }
    if (out->words.empty()) {
      warn("empty verb");
      return false;
    }
    return true;
  }

  void verbLine(std::string_view s) {
    std::string_view body;
    std::optional<VerbCode> code;
    if (!splitCode(s, &body, &code)) return;
    std::string_view lemmaText = body;
    std::string_view formsText;
    bool hasBraces = false;
    if (const size_t open = body.find('{'); open != std::string_view::npos) {
      const size_t close = body.find('}', open);
      if (close == std::string_view::npos) {
        warn("'{' not closed in verb line '" + std::string(s) + "'");
        return;
      }
      if (!trimBlanks(body.substr(close + 1)).empty()) {
        warn("text after the verb forms: '" + std::string(trimBlanks(body.substr(close + 1))) + "'");
        return;
      }
      lemmaText = body.substr(0, open);
      formsText = body.substr(open + 1, close - open - 1);
      hasBraces = true;
    } else if (body.find('}') != std::string_view::npos) {
      warn("'}' without '{' in verb line '" + std::string(s) + "'");
      return;
    }
    VerbPhrase lemma;
    if (!parseVerbPhrase(lemmaText, &lemma)) return;
    if (lemma.verbWord < 0) lemma.verbWord = 0;

    Verb verb;
    for (size_t i = 0; i < lemma.words.size(); ++i) verb.lemma += (i ? " " : "") + lemma.words[i];
    verb.verbWord = static_cast<uint32_t>(lemma.verbWord);
    verb.family = static_cast<uint32_t>(family_);
    verb.ownCode = code.has_value();
    verb.code = code ? *code : d_.families_[static_cast<size_t>(family_)].code;
    verb.line = line_;
    const auto verbIndex = static_cast<uint32_t>(d_.verbs_.size());

    std::vector<VerbForm> forms;
    auto addForm = [&](const VerbPhrase& p, size_t vw, VerbFormKind kind, bool listed) {
      VerbForm f;
      f.word = p.words[vw];
      f.before.assign(p.words.begin(), p.words.begin() + static_cast<std::ptrdiff_t>(vw));
      f.after.assign(p.words.begin() + static_cast<std::ptrdiff_t>(vw) + 1, p.words.end());
      f.verb = verbIndex;
      f.kind = kind;
      f.listed = listed;
      forms.push_back(std::move(f));
    };
    const auto vw = static_cast<size_t>(lemma.verbWord);
    addForm(lemma, vw, VerbFormKind::kBase, false);
    if (hasBraces) {
      std::string_view rest = formsText;
      std::vector<std::string_view> items;
      size_t i = 0;
      while (i < rest.size()) {
        while (i < rest.size() && (isDictionaryBlank(rest[i]) || rest[i] == ',')) ++i;
        const size_t b = i;
        while (i < rest.size() && !isDictionaryBlank(rest[i]) && rest[i] != ',') ++i;
        if (i > b) items.push_back(rest.substr(b, i - b));
      }
      for (std::string_view item : items) {
        VerbPhrase form;
        if (!parseVerbPhrase(item, &form)) return;
        size_t fw;
        if (form.verbWord >= 0) {
          fw = static_cast<size_t>(form.verbWord);
        } else if (form.words.size() == lemma.words.size()) {
          fw = vw;
        } else if (form.words.size() == 1) {
          VerbPhrase whole = lemma;
          whole.words[vw] = form.words[0];
          form = whole;
          fw = vw;
        } else {
          warn("form '" + std::string(item) + "' does not say which word is the verb (mark it with '+')");
          return;
        }
        addForm(form, fw, classifyListed(form.words[fw]), true);
      }
    } else {
      for (const Inflection& inf : regularForms(lemma.words[vw])) {
        VerbPhrase p = lemma;
        p.words[vw] = inf.word;
        addForm(p, vw, inf.kind, false);
      }
    }
    for (VerbForm& f : forms) {
      // One candidate per (word, surrounding words, family, kind): a verb
      // listed twice in a family ("STUN", "STUN {STUNS ...}") adds no
      // duplicate readings.
      const auto key = std::make_tuple(f.word, f.before, f.after, verb.family, f.kind);
      if (!formKeys_.insert(key).second) continue;
      d_.forms_.push_back(std::move(f));
    }
    d_.families_[verb.family].verbs.push_back(verbIndex);
    d_.verbs_.push_back(std::move(verb));
  }

  // ---- patterns ----

  // Resolves "&NAME_REST" to the longest defined synset prefix ending at a
  // '_' ("&FIGHT_OF_WORDS" is one synset, "&TIETYPES_RELATIONS" the synset
  // TIETYPES joined to the word RELATIONS). Returns the synset and how many
  // characters of `s` (after '&') it used; -1 when undefined.
  std::pair<int64_t, size_t> resolveSynset(std::string_view s) const {
    size_t n = 0;
    while (n < s.size() && (std::isalnum(static_cast<unsigned char>(s[n])) || s[n] == '_')) ++n;
    std::string name = upperAscii(s.substr(0, n));
    while (true) {
      std::string key = name;
      while (!key.empty() && key.back() == '_') key.pop_back();
      if (auto it = d_.synsetIndex_.find(key); it != d_.synsetIndex_.end()) return {it->second, key.size()};
      const size_t us = name.rfind('_');
      if (us == std::string::npos) return {-1, n};
      name.resize(us);
    }
  }

  void pattern(std::string_view s) {
    std::string_view body;
    std::optional<VerbCode> code;
    if (!splitCode(s, &body, &code)) return;
    if (!code) {
      warn("pattern without a '[CODE]': '- " + std::string(trimBlanks(s)) + "'");
      return;
    }
    VerbPattern pat;
    pat.family = static_cast<uint32_t>(family_);
    pat.code = *code;
    pat.line = line_;
    bool seenVerb = false;
    bool joinNext = false;  // a '_' came after the previous element
    bool hasPrev = false;   // there is a previous element (token or verb)
    uint16_t noun = 0, prep = 0, nextGroup = 0;
    auto push = [&](PatternToken t) {
      t.joined = joinNext && hasPrev;
      joinNext = false;
      hasPrev = true;
      t.nounPhrase = noun;
      t.prepPhrase = prep;
      (seenVerb ? pat.post : pat.pre).push_back(std::move(t));
    };
    const std::string full = "- " + std::string(trimBlanks(s));
    size_t i = 0;
    while (i < body.size()) {
      const char c = body[i];
      if (isDictionaryBlank(c)) {
        joinNext = false;
        ++i;
      } else if (c == '_') {
        joinNext = true;
        ++i;
        // A trailing '_' (TABARI's whole-word marker) joins nothing.
        if (i >= body.size() || isDictionaryBlank(body[i]) || body[i] == ')' || body[i] == '}') joinNext = false;
      } else if (c == '{') {
        if (noun) return warn("nested '{' in pattern '" + full + "'");
        noun = ++nextGroup;
        ++i;
      } else if (c == '}') {
        if (!noun) return warn("'}' without '{' in pattern '" + full + "'");
        noun = 0;
        ++i;
      } else if (c == '(') {
        if (prep || noun) return warn("'(' inside a phrase in pattern '" + full + "'");
        prep = ++nextGroup;
        ++i;
      } else if (c == ')') {
        if (!prep || noun) return warn("unbalanced ')' in pattern '" + full + "'");
        prep = 0;
        ++i;
      } else if (c == '*') {
        if (seenVerb) return warn("second '*' in pattern '" + full + "'");
        if (noun || prep) return warn("'*' inside a phrase in pattern '" + full + "'");
        pat.verbJoinedToPre = joinNext && hasPrev;
        seenVerb = true;
        hasPrev = true;
        joinNext = false;
        ++i;
      } else if (c == '+' || c == '$' || c == '%' || c == '^') {
        PatternToken t;
        t.kind = c == '+'   ? PatternTokenKind::kTarget
                 : c == '$' ? PatternTokenKind::kSource
                 : c == '%' ? PatternTokenKind::kCompound
                            : PatternTokenKind::kSkip;
        push(std::move(t));
        ++i;
      } else if (c == '&') {
        auto [index, used] = resolveSynset(body.substr(i + 1));
        if (index < 0) {
          size_t n = i + 1;
          while (n < body.size() && !isDictionaryBlank(body[n]) && body[n] != ')' && body[n] != '}') ++n;
          return warn("undefined synset '" + std::string(body.substr(i, n - i)) + "': pattern ignored");
        }
        PatternToken t;
        t.kind = PatternTokenKind::kSynset;
        t.synset = static_cast<uint32_t>(index);
        push(std::move(t));
        i += 1 + used;
      } else if (isWordChar(c)) {
        size_t n = i;
        while (n < body.size() && isWordChar(body[n])) ++n;
        PatternToken t;
        t.kind = PatternTokenKind::kWord;
        t.word = upperAscii(body.substr(i, n - i));
        push(std::move(t));
        i = n;
      } else {
        return warn(std::string("unexpected '") + c + "' in pattern '" + full + "'");
      }
    }
    if (noun || prep) return warn("unclosed '{' or '(' in pattern '" + full + "'");
    if (!seenVerb) return warn("pattern without '*' (the verb): '" + full + "'");
    d_.families_[pat.family].patterns.push_back(static_cast<uint32_t>(d_.patterns_.size()));
    d_.patterns_.push_back(std::move(pat));
  }

  // ---- transformations ----

  void transformation(std::string_view s) {
    const std::string full = "~" + std::string(trimBlanks(s));
    const size_t eq = s.find('=');
    if (eq == std::string_view::npos) return warn("transformation without '=': '" + full + "'");
    auto words = [](std::string_view t) {
      std::string spaced;
      for (char c : t) {
        if (c == '(' || c == ')') {
          spaced += ' ';
          spaced += c;
          spaced += ' ';
        } else {
          spaced += c;
        }
      }
      std::vector<std::string> out;
      std::istringstream in(spaced);
      for (std::string w; in >> w;) out.push_back(w);
      return out;
    };
    const auto lhs = words(s.substr(0, eq));
    const auto rhs = words(s.substr(eq + 1));
    if (lhs.size() != 7 || lhs[1] != "(" || lhs[5] != ")" || rhs.size() != 3) {
      return warn("transformation is not 'a (b c VERB) VERB = a b CODE': '" + full + "'");
    }
    d_.transformations_.push_back(
        VerbTransformation{lhs[0], lhs[2], lhs[3], upperAscii(lhs[4]), upperAscii(lhs[6]), rhs[0], rhs[1], rhs[2], line_});
  }

  void finish() {
    std::stable_sort(d_.forms_.begin(), d_.forms_.end(),
                     [](const VerbForm& a, const VerbForm& b) { return a.word < b.word; });
    for (size_t i = 0; i < d_.forms_.size();) {
      size_t j = i;
      while (j < d_.forms_.size() && d_.forms_[j].word == d_.forms_[i].word) ++j;
      d_.formRuns_.emplace(d_.forms_[i].word, std::make_pair(static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)));
      i = j;
    }
  }

  std::string_view origin_;
  std::vector<std::string>* warnings_;
  VerbDictionary d_;
  uint32_t line_ = 0;
  State state_ = State::kNone;
  int64_t family_ = -1;
  int64_t synset_ = -1;
  bool synsetNoPlural_ = false;
  std::set<std::tuple<std::string, std::vector<std::string>, std::vector<std::string>, uint32_t, VerbFormKind>>
      formKeys_;
};

Result<VerbDictionary> VerbDictionary::parse(std::string_view text, std::string_view origin,
                                             std::vector<std::string>* warnings) {
  return VerbDictionaryParser(origin, warnings).run(text);
}

Result<VerbDictionary> VerbDictionary::load(const std::string& path, std::vector<std::string>* warnings) {
  auto text = readDictionaryFile(path, "verb dictionary");
  if (!text) return text.status();
  return parse(text.value(), path, warnings);
}

namespace {

// True when upperAscii(w) == w: no lower-case ASCII letter and no byte that a
// locale might change. The event coder looks up words it upper-cased already.
bool isOwnUpperCase(std::string_view w) {
  return std::none_of(w.begin(), w.end(),
                      [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

std::span<const VerbForm> VerbDictionary::lookupForm(std::string_view word) const {
  // Called for every verb group's words: no key copy when none is needed.
  auto it = isOwnUpperCase(word) ? formRuns_.find(word) : formRuns_.find(upperAscii(word));
  if (it == formRuns_.end()) return {};
  return {forms_.data() + it->second.first, it->second.second};
}

int64_t VerbDictionary::findSynset(std::string_view name) const {
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  std::string key = upperAscii(name);
  while (!key.empty() && key.back() == '_') key.pop_back();
  auto it = synsetIndex_.find(key);
  return it == synsetIndex_.end() ? -1 : static_cast<int64_t>(it->second);
}

VerbDictionaryCounts VerbDictionary::counts() const {
  return {families_.size(), verbs_.size(), forms_.size(), patterns_.size(), synsets_.size(), transformations_.size()};
}

}  // namespace kg::extract
