#include "extract/relations/arabic_rules.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <optional>

#include "extract/relations/rule_lexicon.h"

namespace kg::extract {
namespace {

// Arabic events: the weaker mention's confidence times this; the verb-first
// reading takes the first mentions after the verb, with fewer checks than
// the English rules make.
constexpr float kArabicEventFactor = 0.75f;

bool isArabicMarkCp(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640; }

// The lexicon entry for a word, after dropping a proclitic و/ف (and ب/ل for
// nouns: "بانسحاب", "لإخراج").
const ArabicTrigger* lookup(const std::string& norm) {
  const auto& lex = arabicTriggers();
  if (auto it = lex.find(norm); it != lex.end()) return &it->second;
  size_t i = 0;
  std::u32string cs;
  while (i < norm.size()) cs += decodeUtf8(norm, i);
  for (size_t drop = 1; drop <= 2 && cs.size() > drop + 2; ++drop) {
    const char32_t c = cs[drop - 1];
    const bool conj = c == 0x0648 || c == 0x0641;  // و ف
    const bool prep = c == 0x0628 || c == 0x0644;  // ب ل
    if (!conj && !prep) break;
    std::string rest;
    for (size_t k = drop; k < cs.size(); ++k) appendUtf8(rest, cs[k]);
    if (auto it = lex.find(rest); it != lex.end() && (conj || it->second.form == TriggerForm::kNoun)) return &it->second;
    if (prep) break;  // a preposition is the innermost proclitic
  }
  return nullptr;
}

// غارة، ضربة، هجوم، قصف ... (data/arabic_words.txt), alone or after up to
// two letters of proclitics ("بغاره", "وبغاره").
bool isStrikeNoun(const std::string& norm) {
  constexpr size_t kProcliticBytes = 4;  // two Arabic letters
  for (const std::string& s : arabicWords().strikeNouns.words()) {
    if (norm == s) return true;
    if (norm.size() > s.size() && norm.compare(norm.size() - s.size(), s.size(), s) == 0 &&
        norm.size() - s.size() <= kProcliticBytes)
      return true;
  }
  return false;
}

bool isBreak(const Token& t) {
  return !t.word && (t.lower == "." || t.lower == "\u060C" || t.lower == "," || t.lower == "\u061B" ||
                     t.lower == ";" || t.lower == ":" || t.lower == "\u061F");
}

}  // namespace

std::string arabicNormalize(std::string_view word) {
  std::string out;
  size_t i = 0;
  while (i < word.size()) {
    char32_t c = decodeUtf8(word, i);
    if (isArabicMarkCp(c)) continue;
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) c = 0x0627;
    if (c == 0x0649 || c == 0x06CC) c = 0x064A;
    if (c == 0x0629) c = 0x0647;
    appendUtf8(out, c);
  }
  return out;
}

namespace {

// What the Arabic rules share: the sentence with its normalised words, the
// mentions that can be arguments, and the facts found.
struct ArabicScan {
  const std::vector<Token>& tokens;
  std::vector<std::string> norm;  // arabicNormalize() of each Arabic word, "" for others
  std::vector<const Mention*> args;
  // Tokens of a title's body dropped from the arguments: they do not count
  // against the distance from a verb to its subject.
  std::vector<bool> transparent;
  std::vector<int> argAt;  // the argument covering each token, -1 for none
  std::vector<Fact>* out;
  std::vector<bool> verbAt;  // a trigger verb ("وندد", "ودعا") opens its own clause

  // argAfter that stops, as at a clause break, at another event's verb: the
  // object of "ندد" is not found past "ودعا".
  int argAfterInClause(size_t from, size_t window) const {
    for (size_t q = from, seen = 0; q < tokens.size() && seen < window; ++q) {
      if (isBreak(tokens[q]) || verbAt[q]) return -1;
      if (argAt[q] >= 0) return argAt[q];
      if (!transparent[q] && !arabicWords().timeWords.contains(norm[q])) ++seen;
    }
    return -1;
  }

  // The first argument starting within `window` tokens after `from`, not
  // crossing a clause break; -1 if none.
  int argAfter(size_t from, size_t window) const {
    for (size_t q = from, seen = 0; q < tokens.size() && seen < window; ++q) {
      if (isBreak(tokens[q])) return -1;
      if (argAt[q] >= 0) return argAt[q];
      if (!transparent[q] && !arabicWords().timeWords.contains(norm[q])) ++seen;
    }
    return -1;
  }

  // True when the mention starting at token `at` names a place: after "في"
  // (in) or "قرب" (near), directly or across a word of direction ("في جنوب
  // لبنان", "in southern Lebanon").
  bool locatedAt(size_t at) const {
    static const std::array<std::string_view, 5> kDirections = {"\u062C\u0646\u0648\u0628", "\u0634\u0645\u0627\u0644",
                                                               "\u0634\u0631\u0642", "\u063A\u0631\u0628",
                                                               "\u0648\u0633\u0637"};  // جنوب شمال شرق غرب وسط
    auto place = [&](size_t q) { return norm[q] == "\u0641\u064A" || norm[q] == "\u0642\u0631\u0628"; };  // في قرب
    if (at >= 1 && place(at - 1)) return true;
    // "على جنوب لبنان": a region of a state is where, as after في.
    auto placeOrOn = [&](size_t q) { return place(q) || norm[q] == "\u0639\u0644\u064A"; };  // على
    return at >= 2 && placeOrOn(at - 2) &&
           std::find(kDirections.begin(), kDirections.end(), std::string_view(norm[at - 1])) != kDirections.end();
  }

  // Arguments coordinated with args[k] by و ("سليماني والمهندس", "X و Y").
  std::vector<int> group(int k) const {
    std::vector<int> g{k};
    size_t end = args[k]->tokEnd;
    for (size_t a = static_cast<size_t>(k) + 1; a < args.size(); ++a) {
      const size_t b = args[a]->tokBegin;
      bool joined = false, other = false;
      for (size_t q = end; q < b; ++q) {
        if (norm[q] == "\u0648") joined = true;
        else other = true;
      }
      if (b == end || (!joined && !other)) {
        // "والمهندس": the conjunction is written on the name.
        joined = !tokens[b].lower.empty() && tokens[b].lower.rfind("\u0648", 0) == 0;
      }
      if (!joined || other) break;
      g.push_back(static_cast<int>(a));
      end = args[a]->tokEnd;
    }
    return g;
  }

  // One fact per source and target (args indexes).
  void add(const std::vector<int>& srcs, const std::vector<int>& dsts, const ArabicTrigger& tr, const char* mode) {
    for (int s : srcs) {
      for (int d : dsts) {
        if (args[s]->entity == args[d]->entity) continue;
        Fact f;
        f.src = args[s]->entity;
        f.dst = args[d]->entity;
        f.type = tr.type;
        f.cameo = tr.cameo;
        f.mode = mode;
        f.confidence = std::min(args[s]->confidence, args[d]->confidence) * kArabicEventFactor;
        f.tense = Tense::kPast;
        out->push_back(std::move(f));
      }
    }
  }

  // The attack mode the sentence names (drone, air strike, missile), or "".
  const char* attackMode() const {
    for (const auto& n : norm) {
      if (n.find("\u0645\u0633\u064A\u0631") != std::string::npos) return "drone";     // مسيرة
      if (n.find("\u063A\u0627\u0631") != std::string::npos) return "airstrike";       // غارة
    }
    for (const auto& n : norm) {
      if (n.find("\u0635\u0627\u0631\u0648\u062E") != std::string::npos) return "missile";  // صاروخ
    }
    return "";
  }
};

// Normalises the Arabic words of the sentence into `norm`. False for a
// question ("هل تفكرون في ..."): nothing was done.
bool normaliseWords(const std::vector<Token>& tokens, std::vector<std::string>* norm) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].script == Script::kArabic) (*norm)[i] = arabicNormalize(tokens[i].lower);
    if ((*norm)[i] == "\u0647\u0644" || tokens[i].lower == "\u061F") return false;
  }
  return true;
}

// `w` (arabicNormalize'd) is in `set`, as written or after a proclitic
// ("بالرئيس", "للرئيس", "والوزير").
bool inSetAfterProclitic(const WordSet& set, const std::string& w) {
  if (set.contains(w)) return true;
  size_t k = 0;
  const char32_t c = decodeUtf8(w, k);
  if (c != 0x0648 && c != 0x0641 && c != 0x0628 && c != 0x0644) return false;  // و ف ب ل
  const std::string rest = w.substr(k);
  if (set.contains(rest)) return true;
  // "للرئيس": ل before the article drops its alef.
  return c == 0x0644 && rest.rfind("\u0644", 0) == 0 && set.contains("\u0627" + rest);
}

// True when normalized word `w` is a word of a title (leader_titles or
// official_titles), a proclitic allowed before it.
bool isTitleWord(const std::string& w) {
  return inSetAfterProclitic(arabicWords().officialTitles, w) || inSetAfterProclitic(arabicWords().leaderTitles, w);
}

// The office a title written in the two words before token `at` states:
// LEADER_OF or OFFICIAL_OF (official_titles win: "نائب الرئيس"), or nullopt
// when neither word is a title word.
std::optional<EdgeType> titleBefore(const ArabicScan& s, size_t at) {
  bool leader = false, official = false;
  for (size_t q = at; q > 0 && q + 2 >= at; --q) {
    const std::string& w = s.norm[q - 1];
    if (w.empty()) break;
    official = official || inSetAfterProclitic(arabicWords().officialTitles, w);
    leader = leader || inSetAfterProclitic(arabicWords().leaderTitles, w);
  }
  if (official) return EdgeType::kOfficialOf;
  if (leader) return EdgeType::kLeaderOf;
  return std::nullopt;
}

// The person mention starting right where mention `m` ends, or nullptr.
const Mention* personRightAfter(const Mention& m, const std::vector<Mention>& mentions,
                                const std::vector<Entity>& entities) {
  for (const auto& n : mentions)
    if (n.tokBegin == m.tokEnd && entities[n.entity].actor.kind == ActorKind::kPerson) return &n;
  return nullptr;
}

// The person mention right after mention `m`, or after up to two Arabic
// words no mention covers that are no title words: given names the
// dictionary's alias lacks ("وزير الخارجية الأمريكي أنتوني بلينكن", the alias
// being "بلينكن"); nullptr when none.
const Mention* personAfterGivenNames(const ArabicScan& s, const Mention& m, const std::vector<Mention>& mentions,
                                     const std::vector<Entity>& entities) {
  size_t at = m.tokEnd;
  for (int given = 0; given <= 2; ++given) {
    for (const auto& n : mentions)
      if (n.tokBegin == at) return entities[n.entity].actor.kind == ActorKind::kPerson ? &n : nullptr;
    if (at >= s.tokens.size() || s.tokens[at].script != Script::kArabic || s.norm[at].empty()) return nullptr;
    if (isTitleWord(s.norm[at])) return nullptr;
    ++at;
  }
  return nullptr;
}

// A title's body written between the title and its holder: the holder's
// office in it (LEADER_OF / OFFICIAL_OF, titleBefore), when a title is there.
void pushTitleOffice(ArabicScan& s, const Mention& body, const Mention& holder) {
  const auto type = titleBefore(s, body.tokBegin);
  if (!type) return;
  Fact f;
  f.src = holder.entity;
  f.dst = body.entity;
  f.type = *type;
  f.confidence = std::min(body.confidence, holder.confidence) * kArabicEventFactor;
  s.out->push_back(std::move(f));
}

// The mentions that can be arguments: not modifiers, media, parts of
// another person's name, or the body of a title written before its holder.
void collectArgs(ArabicScan& s, const std::vector<Mention>& mentions, const std::vector<Entity>& entities) {
  const auto& tokens = s.tokens;
  for (const auto& m : mentions) {
    if (m.modifier || entities[m.entity].actor.kind == ActorKind::kMedia) continue;
    // "ابن سلمان", "بن زايد", "آل سعود": part of another person's name.
    if (m.tokBegin > 0 && arabicWords().nameParticles.contains(s.norm[m.tokBegin - 1])) continue;
    // "الأمين العام لعصائب أهل الحق قيس الخزعلي": the body a title is "of"
    // (written with ل) right before the person holding it is not an
    // argument; the person is. So for a group's body governed by the title
    // word itself ("قائد فيلق القدس قاسم سليماني", commander of the Quds
    // Force): the state's adjective is read below.
    const ActorKind kind = entities[m.entity].actor.kind;
    const bool ofBody = m.tokBegin < tokens.size() && tokens[m.tokBegin].lower.rfind("\u0644", 0) == 0;
    const bool titledBody = kind != ActorKind::kState && m.tokBegin > 0 && m.tokBegin <= tokens.size() &&
                            isTitleWord(s.norm[m.tokBegin - 1]);
    if (kind != ActorKind::kPerson && (ofBody || titledBody)) {
      if (const Mention* holder = personRightAfter(m, mentions, entities)) {
        for (size_t q = m.tokBegin; q < m.tokEnd && q < tokens.size(); ++q) s.transparent[q] = true;
        pushTitleOffice(s, m, *holder);
        continue;
      }
    }
    // "الرئيس العراقي برهم صالح", "وزير الخارجية الإيراني محمد جواد ظريف":
    // a state's adjective between a title and its holder's name names the
    // holder's state; the holder, not the state, is the argument.
    if (entities[m.entity].actor.kind == ActorKind::kState && titleBefore(s, m.tokBegin)) {
      if (const Mention* holder = personAfterGivenNames(s, m, mentions, entities)) {
        // The state's adjective and any given names before the known name
        // ("الأمريكي أنتوني بلينكن") stand aside for the holder.
        for (size_t q = m.tokBegin; q < holder->tokBegin && q < tokens.size(); ++q) s.transparent[q] = true;
        pushTitleOffice(s, m, *holder);
        continue;
      }
    }
    s.args.push_back(&m);
  }
  for (size_t k = 0; k < s.args.size(); ++k)
    for (size_t q = s.args[k]->tokBegin; q < s.args[k]->tokEnd && q < tokens.size(); ++q)
      s.argAt[q] = static_cast<int>(k);
}

// "الفصائل المدعومة من إيران", "كتائب حزب الله المدعومة من إيران": Y
// supports X. True when token i is the participle (read or not).
bool supportedBy(ArabicScan& s, size_t i) {
  if (s.norm[i].find("\u0645\u062F\u0639\u0648\u0645") == std::string::npos) return false;  // مدعوم
  if (i + 1 < s.tokens.size() && s.norm[i + 1] == "\u0645\u0646") {
    const int src = s.argAfter(i + 2, 2);
    const int dst = i > 0 ? s.argAt[i - 1] : -1;
    static const ArabicTrigger kSupport{EdgeType::kSupport, "", TriggerForm::kNoun};
    if (src >= 0 && dst >= 0) s.add({src}, {dst}, kSupport, "");
  }
  return true;
}

// "اغتيال سليماني والمهندس بغارة أمريكية": the actor after the strike noun
// attacked the victims; "اغتيال واشنطن لسليماني": the first actor killed
// the one marked لـ.
void assaultNoun(ArabicScan& s, size_t i, const ArabicTrigger& tr, const char* mode) {
  const int first = s.argAfter(i + 1, 2);
  if (first < 0) return;
  const std::vector<int> victims = s.group(first);
  const size_t after = s.args[victims.back()]->tokEnd;
  for (size_t q = after; q < s.tokens.size() && q < after + 3; ++q) {
    if (isBreak(s.tokens[q])) break;
    if (isStrikeNoun(s.norm[q])) {
      const int agent = s.argAfter(q + 1, 3);
      if (agent >= 0) s.add({agent}, victims, tr, mode);
      return;
    }
  }
  const int second = s.argAfter(after, 2);
  if (second >= 0 && s.tokens[s.args[second]->tokBegin].lower.rfind("\u0644", 0) == 0)
    s.add({first}, s.group(second), tr, mode);
}

// "انسحاب القوات الأمريكية من العراق"
void retreatNoun(ArabicScan& s, size_t i, const ArabicTrigger& tr) {
  const int src = s.argAfter(i + 1, 3);
  int dst = -1;
  for (size_t q = i + 1; q < s.tokens.size() && q < i + 8 && dst < 0; ++q) {
    if (isBreak(s.tokens[q])) break;
    if (s.norm[q] == "\u0645\u0646") dst = s.argAfter(q + 1, 2);  // من
    else if (s.tokens[q].lower.rfind("\u0645\u0646", 0) == 0 && s.argAt[q] >= 0 && s.argAt[q] != src) dst = s.argAt[q];
  }
  if (src >= 0 && dst >= 0) s.add({src}, {dst}, tr, "");
}

// "أعلن العراق إخراج القوات الأمريكية": the actor before expels the one
// right after ("إخراج قواتهما من سوريا": Syria is where from, not whom).
void coerceNoun(ArabicScan& s, size_t i, const ArabicTrigger& tr) {
  int dst = s.argAfter(i + 1, 2);
  if (dst >= 0 && (s.tokens[s.args[dst]->tokBegin].lower.rfind("\u0645\u0646", 0) == 0 ||
                   s.norm[s.args[dst]->tokBegin - 1] == "\u0645\u0646"))
    dst = -1;
  int src = -1;
  for (size_t q = i; q > 0 && q + 4 > i; --q) {
    if (isBreak(s.tokens[q - 1])) break;
    if (s.argAt[q - 1] >= 0) { src = s.argAt[q - 1]; break; }
  }
  if (src >= 0 && dst >= 0) s.add({src}, s.group(dst), tr, "");
}

// An action noun (sanctions are read with their verb فرض).
void nounEvent(ArabicScan& s, size_t i, const ArabicTrigger& tr, const char* mode) {
  if (tr.type == EdgeType::kSanction) return;
  if (tr.type == EdgeType::kAssault) assaultNoun(s, i, tr, mode);
  else if (tr.type == EdgeType::kRetreat) retreatNoun(s, i, tr);
  else if (tr.type == EdgeType::kCoerce) coerceNoun(s, i, tr);
}

// "لم يهدد", "لن تنسحب", "لا يدعم": negated, not done.
bool negated(const ArabicScan& s, size_t i) {
  return i > 0 && arabicWords().negations.contains(s.norm[i - 1]);
}

// `w` without a leading و/ف and article ("والصواريخ" -> "صواريخ").
std::string bareWord(const std::string& w) {
  size_t k = 0;
  std::string rest = w;
  const char32_t c = decodeUtf8(w, k);
  if ((c == 0x0648 || c == 0x0641) && w.size() > k + 4) rest = w.substr(k);  // و ف
  if (rest.rfind("\u0627\u0644", 0) == 0 && rest.size() > 8) rest = rest.substr(4);  // ال
  return rest;
}

// `w` is a light verb ("أجرى", "عقد"), with or without its و/ف.
bool isLightVerb(const std::string& w) {
  if (arabicWords().lightVerbs.contains(w)) return true;
  size_t k = 0;
  const char32_t c = decodeUtf8(w, k);
  return (c == 0x0648 || c == 0x0641) && arabicWords().lightVerbs.contains(w.substr(k));  // و ف
}

// `w` is a launching verb, with or without its و/ف.
// True when `w` is one of `verbs`, as written or after its و/ف ("and",
// "so").
bool isVerbOf(const std::string& w, const WordSet& verbs) {
  if (verbs.contains(w)) return true;
  size_t k = 0;
  const char32_t c = decodeUtf8(w, k);
  return (c == 0x0648 || c == 0x0641) && verbs.contains(w.substr(k));  // و ف
}

bool isLaunchingVerb(const std::string& w) { return isVerbOf(w, arabicWords().launchingVerbs); }

// True when one of `nouns` that is no argument stands within the eight
// words after word `i`, before a break: the act a light verb makes.
bool nounSoonAfter(const ArabicScan& s, size_t i, const WordSet& nouns) {
  for (size_t q = i + 1, words = 0; q < s.tokens.size() && words < 8; ++q) {
    if (isBreak(s.tokens[q])) return false;
    if (s.norm[q].empty()) continue;
    ++words;
    if (s.argAt[q] < 0 && nouns.contains(s.norm[q])) return true;
  }
  return false;
}

// "قتل X في غارة أمريكية": passive; the actor after the strike noun
// attacked the subjects. True when the attack verb is passive (read or
// without an agent).
bool passiveAssault(ArabicScan& s, size_t i, size_t after, const std::vector<int>& subjects, const ArabicTrigger& tr,
                    const char* mode) {
  for (size_t q = after; q < s.tokens.size() && q < after + 3; ++q) {
    if (isBreak(s.tokens[q])) break;
    if (isStrikeNoun(s.norm[q])) {
      const int agent = s.argAfter(q + 1, 3);
      if (agent >= 0) s.add({agent}, subjects, tr, mode);
      return true;
    }
  }
  return s.norm[i] == arabicNormalize("اغتيل");  // passive without an agent
}

// The argument starting at token `at` is the victim of a killing named by
// the noun right before it ("بالانتقام لمقتل سليماني", revenge for the
// killing of Soleimani; "أدان اغتيال X"): that noun's, not the verb's object.
bool victimOfActNoun(const ArabicScan& s, size_t at) {
  if (at == 0 || s.norm[at - 1].empty()) return false;
  const ArabicTrigger* tr = lookup(s.norm[at - 1]);
  return tr != nullptr && tr->form == TriggerForm::kNoun && tr->type == EdgeType::kAssault;
}

// A verb: the subject after it (VSO) or right before it (SVO), the object
// after the subject ("من" + place for a withdrawal).
void verbEvent(ArabicScan& s, size_t i, const ArabicTrigger& tr, const char* mode) {
  int subj = s.argAfter(i + 1, 4);
  bool svo = false;
  // A name right before the verb is its subject (SVO) unless a preposition
  // governs it ("زيارة لسورية التقى خلالها الرئيس": "to Syria").
  const bool subjectBefore = i > 0 && s.argAt[i - 1] >= 0 && !s.args[s.argAt[i - 1]]->prepositionPrefix;
  if (subjectBefore) {
    subj = s.argAt[i - 1];
    svo = true;
  }
  if (subj < 0) return;
  std::vector<int> subjects = svo ? std::vector<int>{subj} : s.group(subj);
  const size_t after = s.args[subjects.back()]->tokEnd;
  // "شنت X غارات على Y": the strike noun after a launching verb is its
  // object, not the means of a passive.
  if (tr.type == EdgeType::kAssault && !isLaunchingVerb(s.norm[i]) && passiveAssault(s, i, after, subjects, tr, mode))
    return;
  int obj = -1;
  if (tr.type == EdgeType::kRetreat) {  // "انسحبت القوات الأمريكية من العراق"
    for (size_t q = after; q < s.tokens.size() && q < after + 6 && obj < 0; ++q) {
      if (isBreak(s.tokens[q])) break;
      if (s.norm[q] == "\u0645\u0646") obj = s.argAfter(q + 1, 2);
      else if (s.argAt[q] >= 0 && s.tokens[q].lower.rfind("\u0645\u0646", 0) == 0) obj = s.argAt[q];
    }
  } else {
    obj = s.argAfterInClause(svo ? i + 1 : after, 6);
    // "في جنوب لبنان", "في العراق": a place, never the one acted on; the
    // next argument may be.
    while (obj >= 0 && s.locatedAt(s.args[obj]->tokBegin)) obj = s.argAfterInClause(s.args[obj]->tokEnd, 3);
    if (obj >= 0 && victimOfActNoun(s, s.args[obj]->tokBegin)) return;
    // Talks named by a light verb are held with the one after "مع" or
    // written with ب ("اتصالا هاتفيا مع X", "اجتماعا بالرئيس X"); another
    // name is what they were about ("عقد مجلس الأمن اجتماعا لبحث الهجوم
    // الإيراني").
    if (obj >= 0 && isLightVerb(s.norm[i])) {
      const Mention& o = *s.args[obj];
      const bool with = o.tokBegin > 0 && s.norm[o.tokBegin - 1] == "\u0645\u0639";  // مع
      const bool by = o.prepositionPrefix && s.tokens[o.tokBegin].lower.rfind("\u0628", 0) == 0;  // ب
      bool titleWith = false;  // "مع الرئيس الإيراني X": مع before the title
      for (size_t q = o.tokBegin; q > 0 && q + 4 > o.tokBegin; --q)
        if (s.norm[q - 1] == "\u0645\u0639") titleWith = true;
      if (!with && !by && !titleWith) obj = -1;
    }
  }
  // "اتفقت الإمارات وإسرائيل على ...": a mutual act of coordinated subjects
  // with no one else named after them.
  const bool mutual = tr.type == EdgeType::kAgree || tr.type == EdgeType::kConsult || tr.cameo == "057";
  if (obj < 0 && !svo && subjects.size() >= 2 && mutual) {
    s.add({subjects.front()}, std::vector<int>(subjects.begin() + 1, subjects.end()), tr, mode);
    return;
  }
  if (obj < 0 || obj == subj) return;
  s.add(subjects, s.group(obj), tr, mode);
}

// "أجرى X اتصالا هاتفيا مع Y", "عقد X محادثات مع Y": a light verb (with
// its و/ف) whose act is a consult noun within the next few words is talks
// (CONSULT 040 for the meeting noun, 041 for the telephone).
const ArabicTrigger* lightVerbTalks(const ArabicScan& s, size_t i) {
  static const ArabicTrigger kTalks{EdgeType::kConsult, "040", TriggerForm::kVerb};
  if (!isVerbOf(s.norm[i], arabicWords().lightVerbs)) return nullptr;
  return nounSoonAfter(s, i, arabicWords().consultNouns) ? &kTalks : nullptr;
}

// "وقعت إيران والصين اتفاقية تعاون": a signing verb (with its و/ف) with an
// agreement noun within the next few words (SUPPORT 057, sign a formal
// agreement); alone it may say "occurred" ("وقعت اشتباكات").
const ArabicTrigger* signedAgreement(const ArabicScan& s, size_t i) {
  static const ArabicTrigger kSigned{EdgeType::kSupport, "057", TriggerForm::kVerb};
  if (!isVerbOf(s.norm[i], arabicWords().signingVerbs)) return nullptr;
  return nounSoonAfter(s, i, arabicWords().agreementNouns) ? &kSigned : nullptr;
}

// "شنت تركيا غارات على ...", "أطلقت إيران صواريخ على ...": a launching verb
// (with its و/ف) with an attack object within the next few words (ASSAULT
// 190); alone أطلق may say "released" ("أطلقت سراح").
const ArabicTrigger* launchedAttack(const ArabicScan& s, size_t i) {
  static const ArabicTrigger kAttack{EdgeType::kAssault, "190", TriggerForm::kVerb};
  static const ArabicTrigger kCriticism{EdgeType::kAccuse, "111", TriggerForm::kVerb};
  if (!isLaunchingVerb(s.norm[i])) return nullptr;
  for (size_t q = i + 1, words = 0; q < s.tokens.size() && words < 8; ++q) {
    if (isBreak(s.tokens[q])) return nullptr;
    if (s.norm[q].empty()) continue;
    ++words;
    if (s.argAt[q] < 0 && arabicWords().attackObjects.contains(bareWord(s.norm[q]))) {
      // "هجوما حادا": an attack in words.
      const bool verbal = q + 1 < s.tokens.size() && arabicWords().verbalQualifiers.contains(s.norm[q + 1]);
      return verbal ? &kCriticism : &kAttack;
    }
  }
  return nullptr;
}

}  // namespace

void arabicRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                     const std::vector<Entity>& entities, std::vector<Fact>* out) {
  ArabicScan s{tokens, std::vector<std::string>(tokens.size()), {}, std::vector<bool>(tokens.size(), false),
               std::vector<int>(tokens.size(), -1), out, std::vector<bool>(tokens.size(), false)};
  if (!normaliseWords(tokens, &s.norm)) return;
  collectArgs(s, mentions, entities);
  // A verb written with و/ف ("وندد", "ودعا", "وأجرى") opens a clause of
  // its own; a bare one may be a noun of the same letters ("قصف", shelling).
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].script != Script::kArabic || s.argAt[i] >= 0 || arabicTriggers().count(s.norm[i])) continue;
    size_t k = 0;
    const char32_t c = decodeUtf8(s.norm[i], k);
    if (c != 0x0648 && c != 0x0641) continue;  // و ف
    const ArabicTrigger* tr = lookup(s.norm[i]);
    s.verbAt[i] = (tr != nullptr && tr->form == TriggerForm::kVerb) || lightVerbTalks(s, i) != nullptr ||
                  signedAgreement(s, i) != nullptr || launchedAttack(s, i) != nullptr;
  }
  bool requestVerb = false;  // an earlier request governs action nouns ("طالب ... بانسحاب")
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].script != Script::kArabic || s.argAt[i] >= 0) continue;
    if (supportedBy(s, i)) continue;
    const ArabicTrigger* tr = lookup(s.norm[i]);
    if (tr == nullptr) tr = lightVerbTalks(s, i);
    if (tr == nullptr) tr = signedAgreement(s, i);
    if (tr == nullptr) tr = launchedAttack(s, i);
    if (tr == nullptr) continue;
    const char* mode = tr->type == EdgeType::kAssault ? s.attackMode() : "";
    if (tr->form == TriggerForm::kNoun) {
      if (!requestVerb) nounEvent(s, i, *tr, mode);  // asked for, not done
      continue;
    }
    if (negated(s, i)) continue;
    if (tr->type == EdgeType::kRequest) requestVerb = true;
    verbEvent(s, i, *tr, mode);
  }
}

}  // namespace kg::extract
