#include "extract/relations/arabic_rules.h"

#include <algorithm>
#include <unordered_map>

namespace kg::extract {
namespace {

// Arabic events: the weaker mention's confidence times this; the verb-first
// reading takes the first mentions after the verb, with fewer checks than
// the English rules make.
constexpr float kArabicEventFactor = 0.75f;

enum class ArForm : uint8_t { kVerb, kNoun };

struct ArTrigger {
  EdgeType type;
  const char* cameo;
  ArForm form;
};

// Normalised forms (see arabicNormalize): stems and their feminine (-ت) and
// plural (-وا) past forms are listed; proclitics are stripped before lookup.
const std::unordered_map<std::string, ArTrigger>& arabicLexicon() {
  using E = EdgeType;
  constexpr ArForm V = ArForm::kVerb, N = ArForm::kNoun;
  static const std::unordered_map<std::string, ArTrigger> k = [] {
    std::unordered_map<std::string, ArTrigger> m;
    auto verb = [&](std::initializer_list<const char*> stems, E type, const char* cameo) {
      for (const char* s : stems) {
        const std::string st = arabicNormalize(s);
        m.emplace(st, ArTrigger{type, cameo, V});
        m.emplace(st + "\u062A", ArTrigger{type, cameo, V});             // -ت
        m.emplace(st + "\u0648\u0627", ArTrigger{type, cameo, V});       // -وا
      }
    };
    auto word = [&](std::initializer_list<const char*> ws, E type, const char* cameo, ArForm f) {
      for (const char* w : ws) m.emplace(arabicNormalize(w), ArTrigger{type, cameo, f});
    };
    verb({"اغتال", "قتل", "هاجم", "قصف", "استهدف", "ضرب"}, E::kAssault, "190");
    word({"اغتيل", "يغتال", "تغتال", "يستهدف", "تستهدف"}, E::kAssault, "186", V);
    word({"اغتيال", "مقتل"}, E::kAssault, "186", N);
    verb({"هدد", "توعد"}, E::kThreaten, "130");
    word({"يهدد", "تهدد"}, E::kThreaten, "130", V);
    verb({"اتهم"}, E::kAccuse, "112");
    verb({"أدان", "ندد"}, E::kAccuse, "111");
    word({"يتهم", "تتهم"}, E::kAccuse, "112", V);
    verb({"اجتمع", "استقبل", "زار", "بحث"}, E::kConsult, "040");
    word({"التقى", "التقت", "التقوا", "يلتقي", "تلتقي"}, E::kConsult, "040", V);
    verb({"طالب", "طلب", "حث"}, E::kRequest, "100");
    word({"دعا", "دعت", "دعوا", "يدعو", "تدعو", "يطالب", "تطالب"}, E::kRequest, "020", V);
    verb({"فرض"}, E::kSanction, "163");
    word({"عقوبات"}, E::kSanction, "163", N);
    verb({"دعم", "ساند"}, E::kSupport, "");
    word({"يدعم", "تدعم"}, E::kSupport, "", V);
    verb({"انسحب"}, E::kRetreat, "0874");
    word({"انسحاب"}, E::kRetreat, "0874", N);
    verb({"طرد", "أخرج"}, E::kCoerce, "174");
    word({"إخراج", "طرد"}, E::kCoerce, "174", N);
    verb({"رفض"}, E::kReject, "120");
    return m;
  }();
  return k;
}

bool isArabicMarkCp(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640; }

// The lexicon entry for a word, after dropping a proclitic و/ف (and ب/ل for
// nouns: "بانسحاب", "لإخراج").
const ArTrigger* lookup(const std::string& norm) {
  const auto& lex = arabicLexicon();
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
    if (auto it = lex.find(rest); it != lex.end() && (conj || it->second.form == ArForm::kNoun)) return &it->second;
    if (prep) break;  // a preposition is the innermost proclitic
  }
  return nullptr;
}

bool isStrikeNoun(const std::string& norm) {
  // غارة، ضربة، هجوم، قصف — with a proclitic ب/ف/و.
  static const char* kNouns[] = {"غاره", "ضربه", "هجوم", "قصف", "غارات", "ضربات", "عمليه"};
  for (const char* n : kNouns) {
    const std::string s = n;
    if (norm == s) return true;
    if (norm.size() > s.size() && norm.compare(norm.size() - s.size(), s.size(), s) == 0 &&
        norm.size() - s.size() <= 4)  // "بغاره", "بضربه", "وبغاره"
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

void arabicRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                     const std::vector<Entity>& entities, std::vector<Fact>* out) {
  std::vector<std::string> norm(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].script == Script::kArabic) norm[i] = arabicNormalize(tokens[i].lower);
    // A question ("هل تفكرون في ..."): nothing was done.
    if (norm[i] == "\u0647\u0644" || tokens[i].lower == "\u061F") return;
  }
  std::vector<const Mention*> args;
  // Tokens of a title's body dropped below: they do not count against the
  // distance from a verb to its subject.
  std::vector<bool> transparent(tokens.size(), false);
  for (const auto& m : mentions) {
    if (m.modifier || entities[m.entity].actor.kind == ActorKind::kMedia) continue;
    // "ابن سلمان", "بن زايد", "آل سعود": part of another person's name.
    if (m.tokBegin > 0) {
      const std::string& before = norm[m.tokBegin - 1];
      if (before == "\u0627\u0628\u0646" || before == "\u0628\u0646" || before == "\u0627\u0644") continue;
    }
    // "الأمين العام لعصائب أهل الحق قيس الخزعلي": the body a title is "of"
    // (written with ل) right before the person holding it is not an
    // argument; the person is.
    if (entities[m.entity].actor.kind != ActorKind::kPerson && m.tokBegin < tokens.size() &&
        tokens[m.tokBegin].lower.rfind("\u0644", 0) == 0) {
      bool personNext = false;
      for (const auto& n : mentions)
        if (n.tokBegin == m.tokEnd && entities[n.entity].actor.kind == ActorKind::kPerson) personNext = true;
      if (personNext) {
        for (size_t q = m.tokBegin; q < m.tokEnd && q < tokens.size(); ++q) transparent[q] = true;
        continue;
      }
    }
    args.push_back(&m);
  }
  std::vector<int> argAt(tokens.size(), -1);
  for (size_t k = 0; k < args.size(); ++k)
    for (size_t q = args[k]->tokBegin; q < args[k]->tokEnd && q < tokens.size(); ++q) argAt[q] = static_cast<int>(k);

  // The first argument starting within `window` tokens after `from`, not
  // crossing a clause break; -1 if none.
  auto argAfter = [&](size_t from, size_t window) -> int {
    for (size_t q = from, seen = 0; q < tokens.size() && seen < window; ++q) {
      if (isBreak(tokens[q])) return -1;
      if (argAt[q] >= 0) return argAt[q];
      if (!transparent[q]) ++seen;
    }
    return -1;
  };
  // Arguments coordinated with args[k] by و ("سليماني والمهندس", "X و Y").
  auto group = [&](int k) {
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
  };
  auto add = [&](const std::vector<int>& srcs, const std::vector<int>& dsts, const ArTrigger& tr, const char* mode) {
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
  };
  auto modeOf = [&]() -> const char* {
    for (const auto& n : norm) {
      if (n.find("\u0645\u0633\u064A\u0631") != std::string::npos) return "drone";     // مسيرة
      if (n.find("\u063A\u0627\u0631") != std::string::npos) return "airstrike";       // غارة
    }
    for (const auto& n : norm) {
      if (n.find("\u0635\u0627\u0631\u0648\u062E") != std::string::npos) return "missile";  // صاروخ
    }
    return "";
  };
  bool requestVerb = false;  // an earlier request governs action nouns ("طالب ... بانسحاب")

  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].script != Script::kArabic || argAt[i] >= 0) continue;
    const std::string& w = norm[i];
    // "الفصائل المدعومة من إيران", "كتائب حزب الله المدعومة من إيران".
    if (w.find("\u0645\u062F\u0639\u0648\u0645") != std::string::npos) {  // مدعوم
      if (i + 1 < tokens.size() && norm[i + 1] == "\u0645\u0646") {
        const int src = argAfter(i + 2, 2);
        const int dst = i > 0 ? argAt[i - 1] : -1;
        static const ArTrigger kSupport{EdgeType::kSupport, "", ArForm::kNoun};
        if (src >= 0 && dst >= 0) add({src}, {dst}, kSupport, "");
      }
      continue;
    }
    const ArTrigger* tr = lookup(w);
    if (tr == nullptr) continue;
    const char* mode = tr->type == EdgeType::kAssault ? modeOf() : "";
    if (tr->form == ArForm::kNoun) {
      if (tr->type == EdgeType::kSanction) continue;  // read with its verb فرض
      if (requestVerb) continue;                      // asked for, not done
      if (tr->type == EdgeType::kAssault) {
        // "اغتيال سليماني والمهندس بغارة أمريكية": the actor after the strike
        // noun attacked the victims; "اغتيال واشنطن لسليماني": the first
        // actor killed the one marked لـ.
        const int first = argAfter(i + 1, 2);
        if (first < 0) continue;
        const std::vector<int> victims = group(first);
        const size_t after = args[victims.back()]->tokEnd;
        bool done = false;
        for (size_t q = after; q < tokens.size() && q < after + 3 && !done; ++q) {
          if (isBreak(tokens[q])) break;
          if (isStrikeNoun(norm[q])) {
            const int agent = argAfter(q + 1, 3);
            if (agent >= 0) add({agent}, victims, *tr, mode);
            done = true;
          }
        }
        if (done) continue;
        const int second = argAfter(after, 2);
        if (second >= 0 && tokens[args[second]->tokBegin].lower.rfind("\u0644", 0) == 0)
          add({first}, group(second), *tr, mode);
      } else if (tr->type == EdgeType::kRetreat) {
        // "انسحاب القوات الأمريكية من العراق"
        const int src = argAfter(i + 1, 3);
        int dst = -1;
        for (size_t q = i + 1; q < tokens.size() && q < i + 8 && dst < 0; ++q) {
          if (isBreak(tokens[q])) break;
          if (norm[q] == "\u0645\u0646") dst = argAfter(q + 1, 2);  // من
          else if (tokens[q].lower.rfind("\u0645\u0646", 0) == 0 && argAt[q] >= 0 && argAt[q] != src) dst = argAt[q];
        }
        if (src >= 0 && dst >= 0) add({src}, {dst}, *tr, "");
      } else if (tr->type == EdgeType::kCoerce) {
        // "أعلن العراق إخراج القوات الأمريكية": the actor before expels the
        // one right after ("إخراج قواتهما من سوريا": Syria is where from, not whom).
        int dst = argAfter(i + 1, 2);
        if (dst >= 0 && (tokens[args[dst]->tokBegin].lower.rfind("\u0645\u0646", 0) == 0 ||
                         norm[args[dst]->tokBegin - 1] == "\u0645\u0646"))
          dst = -1;
        int src = -1;
        for (size_t q = i; q > 0 && q + 4 > i; --q) {
          if (isBreak(tokens[q - 1])) break;
          if (argAt[q - 1] >= 0) { src = argAt[q - 1]; break; }
        }
        if (src >= 0 && dst >= 0) add({src}, group(dst), *tr, "");
      }
      continue;
    }
    // "لم يهدد", "لن تنسحب", "لا يدعم": negated, not done.
    if (i > 0 && (norm[i - 1] == "\u0644\u0645" || norm[i - 1] == "\u0644\u0646" || norm[i - 1] == "\u0644\u0627" ||
                  norm[i - 1] == "\u0645\u0627"))
      continue;
    if (tr->type == EdgeType::kRequest) requestVerb = true;
    // Retreat: "انسحبت القوات الأمريكية من العراق".
    int subj = argAfter(i + 1, 4);
    bool svo = false;
    if (subj < 0 || (i > 0 && argAt[i - 1] >= 0)) {
      if (i > 0 && argAt[i - 1] >= 0) { subj = argAt[i - 1]; svo = true; }
    }
    if (subj < 0) continue;
    std::vector<int> subjects = svo ? std::vector<int>{subj} : group(subj);
    const size_t after = args[subjects.back()]->tokEnd;
    if (tr->type == EdgeType::kAssault) {
      // "قتل X في غارة أمريكية": passive; the actor after the strike noun attacked X.
      for (size_t q = after; q < tokens.size() && q < after + 3; ++q) {
        if (isBreak(tokens[q])) break;
        if (isStrikeNoun(norm[q])) {
          const int agent = argAfter(q + 1, 3);
          if (agent >= 0) add({agent}, subjects, *tr, mode);
          subj = -1;
          break;
        }
      }
      if (subj < 0) continue;
      if (w == arabicNormalize("اغتيل")) continue;  // passive without an agent
    }
    int obj = -1;
    if (tr->type == EdgeType::kRetreat) {
      for (size_t q = after; q < tokens.size() && q < after + 6 && obj < 0; ++q) {
        if (isBreak(tokens[q])) break;
        if (norm[q] == "\u0645\u0646") obj = argAfter(q + 1, 2);
        else if (argAt[q] >= 0 && tokens[q].lower.rfind("\u0645\u0646", 0) == 0) obj = argAt[q];
      }
    } else {
      obj = argAfter(svo ? i + 1 : after, 6);
    }
    if (obj < 0 || obj == subj) continue;
    add(subjects, group(obj), *tr, mode);
  }
}

}  // namespace kg::extract
