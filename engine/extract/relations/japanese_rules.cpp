#include "extract/relations/japanese_rules.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "extract/relations/rule_lexicon.h"

namespace kg::extract {
namespace {

// Japanese events: the weaker mention's confidence times this; roles are read
// from particles alone, with fewer rules than English has.
constexpr float kJapaneseEventFactor = 0.75f;

// The action noun at token i (data/japanese_triggers.txt), or nullptr.
const JapaneseTrigger* triggerAt(const std::vector<Token>& tokens, size_t i) {
  const auto& triggers = japaneseTriggers();
  const auto it = triggers.find(tokens[i].lower);
  return it == triggers.end() ? nullptr : &it->second;
}

// The particle after mention `m`; "" for a place named after the actor.
std::string particleAfter(const std::vector<Token>& tokens, const Mention& m) {
  size_t q = m.tokEnd;
  // A title or noun written with the name: "ソレイマニ司令官を", "米軍は".
  for (int k = 0; k < 2 && q + 1 < tokens.size() && tokens[q].script == Script::kHan; ++k) {
    // "アサド空軍基地": a place named after the actor, not the actor.
    if (tokens[q].lower.find("基地") != std::string::npos) return "";
    ++q;
  }
  return q < tokens.size() ? tokens[q].lower : "";
}

// The agent of a passive: "米軍に", "米国により", "米軍によって", "米軍で", and
// "米軍の空爆で" (the actor owning the strike noun that is the means).
bool agentParticle(const std::vector<Token>& tokens, const Mention& m, const std::string& p) {
  if (p == "に" || p == "によって" || p == "により" || p == "による" || p == "で") return true;
  if (p != "の") return false;
  size_t q = m.tokEnd;
  while (q < tokens.size() && tokens[q].lower != "の") ++q;
  for (size_t r = q + 1; r < tokens.size() && r <= q + 3; ++r) {
    const std::string& w = tokens[r].lower;
    if (w == "で" || w == "により" || w == "によって") return true;
    if (tokens[r].script != Script::kHan && tokens[r].script != Script::kKana) return false;
  }
  return false;
}

// True when particle `w` can mark the object of the verb noun `tr`: "を",
// or に for requests and warnings, と for talks and agreements, から for
// withdrawals.
bool marksObject(const std::string& w, const JapaneseTrigger& tr) {
  return w == "を" ||
         (w == "に" &&
          (tr.type == EdgeType::kRequest || tr.type == EdgeType::kThreaten || tr.type == EdgeType::kAccuse)) ||
         (w == "と" && (tr.type == EdgeType::kConsult || tr.type == EdgeType::kAgree)) ||
         (w == "から" && tr.type == EdgeType::kRetreat);
}

bool isWordOf(const Token& t) { return t.script == Script::kHan || t.script == Script::kKana; }

// A word of two or more katakana (U+30A1..U+30FA, and the long-vowel mark
// U+30FC) only: a loanword noun ("ミサイル", "ドローン").
bool isKatakanaWord(std::string_view w) {
  if (w.size() < 6 || w.size() % 3 != 0) return false;
  for (size_t k = 0; k < w.size(); k += 3) {
    const auto b0 = static_cast<unsigned char>(w[k]), b1 = static_cast<unsigned char>(w[k + 1]),
               b2 = static_cast<unsigned char>(w[k + 2]);
    const uint32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    if (b0 != 0xE3 || cp < 0x30A1 || cp > 0x30FC || (cp > 0x30FA && cp != 0x30FC)) return false;
  }
  return true;
}

// The object phrase's particle before the verb noun at i; tokens.size() for
// none. Between them may stand:
//  * a noun compounded with the verb noun: "電話会談", "首脳会談", "国外追放",
//    "経済制裁", "軍事侵攻";
//  * an adverb ("強く非難した", "厳しく批判") or a manner or result phrase of
//    one or two nouns with に/で ("電話で協議した", "テロ組織に指定した");
//  * "への" / "に対する" ending the object phrase itself: "ウクライナへの侵攻",
//    "イランに対する制裁" (the mention before へ / に is the object).
//  * an adjective: "厳しい報復", "新たな制裁" (an い-adjective, or a な-adjective
//    stem and な);
//  * for a complaint, "厳重に抗議した": a manner word with に, when no name
//    is marked by that に (`named`: a mention's particle stands at the index).
size_t objectParticle(const std::vector<Token>& tokens, size_t i, const JapaneseTrigger& tr,
                      const std::vector<bool>& named) {
  static const std::unordered_set<std::string_view> kCompounds = {"電話", "首脳", "オンライン", "国外", "経済",
                                                                  "軍事", "追加", "全面", "大規模", "緊急"};
  static const std::unordered_set<std::string_view> kPrefixes = {"大", "新", "再", "超", "全"};
  size_t before = i;
  if (before > 1 && kCompounds.count(tokens[before - 1].lower)) --before;
  // A katakana noun compounded with it: "ミサイル攻撃", "ドローン攻撃".
  else if (before > 1 && isKatakanaWord(tokens[before - 1].lower)) --before;
  // An adjective before the (compounded) verb noun ("大規模な": a prefix may open its stem).
  if (before > 2 && tokens[before - 1].lower == "な" && isWordOf(tokens[before - 2])) {
    before -= 2;
    if (before > 1 && kPrefixes.count(tokens[before - 1].lower)) --before;
  } else if (before > 1 && tokens[before - 1].lower.size() > 3 && tokens[before - 1].lower.ends_with("い") &&
             tokens[before - 1].lower != "ない") {
    --before;
  }
  if (before >= 2 && tokens[before - 1].lower == "の" && tokens[before - 2].lower == "へ") return before - 2;
  // "Yとの首脳会談", "Yとの合意": the partner of a mutual act.
  if (before >= 2 && tokens[before - 1].lower == "の" && tokens[before - 2].lower == "と" && marksObject("と", tr))
    return before - 2;
  if (before >= 2 && (tokens[before - 1].lower == "対する" || tokens[before - 1].lower == "対し") &&
      tokens[before - 2].lower == "に")
    return before - 2;
  // MeCab writes "に対する" / "に対し" as one word.
  if (before >= 1 && (tokens[before - 1].lower == "に対する" || tokens[before - 1].lower == "に対し")) return before - 1;
  // "Yの制裁を「経済テロ」だと批判した": a characterisation quoted with だと
  // between the object and the verb noun.
  if (before >= 3 && tokens[before - 1].lower == "と" && tokens[before - 2].lower == "だ") {
    for (size_t q = before - 2; q > 0 && q + 10 > before; --q) {
      const std::string& w = tokens[q - 1].lower;
      if (w == "。" || w == "、") break;
      if (w == "を") return q - 1;
    }
  }
  for (int skips = 0; skips < 2 && before > 0; ++skips) {
    const std::string& w = tokens[before - 1].lower;
    const bool manner = w == "に" && tr.type == EdgeType::kAccuse && !named[before - 1];
    if (marksObject(w, tr) && !manner) return before - 1;
    // An adverb of an adjective ("強く", "厳しく").
    if (w.size() > 3 && w.ends_with("く") && !tokens[before - 1].capital) {
      --before;
      continue;
    }
    // "電話で", "テロ組織に": one or two nouns and で/に, with the object's particle before them.
    if ((w == "で" || w == "に") && before >= 3 && isWordOf(tokens[before - 2])) {
      size_t k = before - 2;
      if (k >= 1 && isWordOf(tokens[k - 1])) --k;
      if (k >= 1 && marksObject(tokens[k - 1].lower, tr)) return k - 1;
      // "ハマスとの戦闘休止に合意した": the partner named in the phrase.
      if (k >= 2 && tokens[k - 1].lower == "の" && tokens[k - 2].lower == "と" && marksObject("と", tr)) return k - 2;
    }
    break;
  }
  return tokens.size();
}

// The index of the particle after mention `m` (past a title or noun written
// with the name, as particleAfter reads it).
size_t particleIndexAfter(const std::vector<Token>& tokens, const Mention& m) {
  size_t q = m.tokEnd;
  for (int k = 0; k < 2 && q + 1 < tokens.size() && tokens[q].script == Script::kHan; ++k) ++q;
  return q;
}

// "イスラエルに向けて…を発射した", "Yに対して攻撃を行った": for an attack,
// the mention before "に向け(て)" or "に対して" in the clause before the verb
// noun is its target; nullptr for none.
const Mention* attackTargetBefore(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, size_t i) {
  const Mention* found = nullptr;
  for (const auto& m : mentions) {
    if (m.modifier || m.tokEnd >= i) continue;
    const size_t p = particleIndexAfter(tokens, m);
    if (p >= i) continue;
    const bool toward = (tokens[p].lower == "に" && p + 1 < i && tokens[p + 1].lower == "向け") ||
                        tokens[p].lower == "に対して" || tokens[p].lower == "に対し";
    bool inClause = true;
    for (size_t q = p; q < i; ++q)
      if (tokens[q].lower == "。" || tokens[q].lower == "、") inClause = false;
    if (toward && inClause) found = &m;
  }
  return found;
}

// "イランは、イスラエルが報復すれば…と警告した": a warning with no addressee is
// aimed at the one a condition before it names (marked が, then "ば", "なら"
// or "場合" before the verb noun at i, in the same sentence); nullptr for none.
const Mention* conditionSubjectBefore(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, size_t i) {
  for (const auto& m : mentions) {
    if (m.modifier || m.tokEnd >= i) continue;
    const size_t p = particleIndexAfter(tokens, m);
    if (p >= i || tokens[p].lower != "が") continue;
    for (size_t q = p + 1; q < i && tokens[q].lower != "。"; ++q)
      if (tokens[q].lower == "ば" || tokens[q].lower == "なら" || tokens[q].lower == "場合") return &m;
  }
  return nullptr;
}

// "スウェーデンのNATO加盟を承認した": when the object is a body written right
// before 加盟 (accession) and its owner marked の before it, the act is on the
// one acceding; else `obj` itself.
const Mention* accedingOwner(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                             const Mention& obj) {
  if (obj.tokEnd >= tokens.size() || tokens[obj.tokEnd].lower != "加盟") return &obj;
  for (const auto& m : mentions)
    if (!m.modifier && m.tokEnd + 1 == obj.tokBegin && tokens[m.tokEnd].lower == "の") return &m;
  return &obj;
}

// The topic (marked は) before mention `before`, other than it; nullptr for none.
const Mention* topicBefore(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                           const Mention& before) {
  const Mention* found = nullptr;
  for (const auto& m : mentions) {
    if (m.modifier || m.tokEnd > before.tokBegin || m.entity == before.entity) continue;
    const size_t p = particleIndexAfter(tokens, m);
    if (p < tokens.size() && tokens[p].lower == "は") found = &m;
  }
  return found;
}

// The index after a verb noun at `v` used as a relative clause before a
// noun ("支援する武装組織", "支援した組織": the verb noun, する / した, then
// a word that is no particle); 0 when it is not.
size_t relativeClauseEnd(const std::vector<Token>& tokens, size_t v) {
  static const std::unordered_set<std::string_view> kParticles = {"を", "に", "が", "は", "と", "で", "の",
                                                                  "も", "から", "、", "。", "「", "」"};
  size_t next = 0;
  if (v + 2 < tokens.size() && tokens[v + 1].lower == "する") next = v + 2;
  if (v + 3 < tokens.size() && tokens[v + 1].lower == "し" && tokens[v + 2].lower == "た") next = v + 3;
  if (next == 0 || !isWordOf(tokens[next]) || kParticles.count(tokens[next].lower)) return 0;
  return next;
}

// Mention `m` is the subject of a relative clause ("イランが支援する武装組織"):
// marked が, a verb noun right after it used before a noun; the index of
// that verb noun, 0 for none.
size_t relativeClauseVerbAfter(const std::vector<Token>& tokens, const Mention& m) {
  const size_t p = particleIndexAfter(tokens, m);
  if (p + 1 >= tokens.size() || tokens[p].lower != "が") return 0;
  return triggerAt(tokens, p + 1) != nullptr && relativeClauseEnd(tokens, p + 1) != 0 ? p + 1 : 0;
}

// "中国による邦人の拘束に抗議した", "ロシアによるウクライナ侵攻を非難した": the
// author of the act complained of, marked "による" in the clause before the
// verb noun; nullptr for none. It is the one accused, not the act's victim.
const Mention* authorOfActBefore(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, size_t i) {
  const Mention* found = nullptr;
  for (const auto& m : mentions) {
    if (m.modifier || m.tokEnd >= i) continue;
    const size_t p = particleIndexAfter(tokens, m);
    if (p >= i || tokens[p].lower != "による") continue;
    bool inClause = true;
    for (size_t q = p; q < i; ++q)
      if (tokens[q].lower == "。" || tokens[q].lower == "、") inClause = false;
    if (inClause) found = &m;
  }
  return found;
}

// "ロシアのウクライナ侵攻を非難した": a victim named inside an act noun
// (侵攻, 攻撃 ...) that an actor owns with の before it: the owner is the one
// accused, never the victim; nullptr for none.
const Mention* invaderOfVictim(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                               const Mention& victim) {
  static const std::unordered_set<std::string_view> kActNouns = {"侵攻", "侵略", "攻撃", "空爆", "併合", "占領"};
  if (victim.tokEnd >= tokens.size() || !kActNouns.count(tokens[victim.tokEnd].lower)) return nullptr;
  for (const auto& m : mentions) {
    if (m.modifier || m.tokEnd >= victim.tokBegin || &m == &victim) continue;
    const size_t p = particleIndexAfter(tokens, m);
    if (p + 1 == victim.tokBegin && tokens[p].lower == "の") return &m;
  }
  return nullptr;
}

// "中国は日本の決定に抗議した", "日本の措置を強く非難した": the owner (marked
// の) of what is complained of, marked に or を right before the verb noun at
// i (an adverb may stand between), is the one accused; nullptr for none.
const Mention* ownerOfComplainedNoun(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, size_t i) {
  for (const auto& m : mentions) {
    if (m.modifier || m.tokEnd >= i) continue;
    const size_t p = particleIndexAfter(tokens, m);
    if (p + 2 >= i || tokens[p].lower != "の") continue;
    size_t marks = 0;
    bool clean = true;
    for (size_t q = p + 1; q < i && clean; ++q) {
      const std::string& w = tokens[q].lower;
      if (w == "。" || w == "、" || w == "の" || w == "が" || w == "は") clean = false;
      if (w == "に" || w == "を") ++marks;
    }
    if (clean && marks == 1) return &m;
  }
  return nullptr;
}

// The verb noun at i negated ("支持しない", "攻撃しなかった", "合意せず").
bool negatedAfter(const std::vector<Token>& tokens, size_t i) {
  for (size_t q = i + 1; q < tokens.size() && q <= i + 3; ++q) {
    const std::string& w = tokens[q].lower;
    if (w == "ない" || w == "ず" || w == "なかっ" || w == "ませ" || w == "せず") return true;
    if (w == "。" || w == "、") break;
  }
  return false;
}

// The verb noun at i told as what will be done: "追放すると発表した",
// "制裁を科すと表明した" (a quoted future before a verb of announcing, with no
// past form before the quote).
bool announcedAfter(const std::vector<Token>& tokens, size_t i) {
  static const std::unordered_set<std::string_view> kAnnouncing = {"表明", "発表", "述べ", "明らか", "強調", "警告"};
  for (size_t q = i + 1; q + 1 < tokens.size() && q <= i + 4; ++q) {
    const std::string& w = tokens[q].lower;
    if (w == "た" || w == "。" || w == "、") return false;
    if (w == "と" && kAnnouncing.count(tokens[q + 1].lower)) return true;
  }
  return false;
}

// "Yの外交官に国外退去を命じた": 退去 (leaving) is an expulsion only when
// ordered or demanded ("を命じ", "を求め"); alone it is a departure.
bool orderedToLeave(const std::vector<Token>& tokens, size_t i) {
  return tokens[i].lower == "退去" && i + 2 < tokens.size() && tokens[i + 1].lower == "を" &&
         (tokens[i + 2].lower.rfind("命じ", 0) == 0 || tokens[i + 2].lower.rfind("求め", 0) == 0);
}

// "米国に撤退を要求した", "Yに制裁を科した", "Yに警告を発した": the addressee
// is marked に even when a を phrase sits before the verb.
bool addresseeMarked(const std::vector<Token>& tokens, size_t i, const JapaneseTrigger& tr) {
  const bool sanctionNoun = tr.cameo.rfind("16", 0) == 0 && i + 2 < tokens.size() && tokens[i + 1].lower == "を" &&
                            (tokens[i + 2].lower.rfind("科", 0) == 0 || tokens[i + 2].lower.rfind("課", 0) == 0);
  // "Yに（ミサイル）攻撃を行った / 加えた / 仕掛けた / 実施した": an attack done with
  // a light verb is aimed at the phrase marked に.
  auto lightVerb = [&](const std::string& w) {
    return w.rfind("行", 0) == 0 || w.rfind("加え", 0) == 0 || w.rfind("仕掛け", 0) == 0 || w == "実施";
  };
  const bool attackDone = tr.type == EdgeType::kAssault && i + 2 < tokens.size() && tokens[i + 1].lower == "を" &&
                          lightVerb(tokens[i + 2].lower);
  return tr.type == EdgeType::kRequest || tr.type == EdgeType::kThreaten || sanctionNoun || attackDone ||
         orderedToLeave(tokens, i);
}

// Mention `m` ends the object phrase marked at `particle` (directly or
// marked "の" within it: "米軍の撤退を"), and names no base.
bool endsObjectPhrase(const std::vector<Token>& tokens, const Mention& m, size_t particle) {
  // "ロシアの外交官10人を": the owner, の and up to five words of the phrase.
  if (particle >= tokens.size() || m.tokEnd > particle || m.tokEnd + 7 <= particle) return false;
  size_t at = m.tokEnd;
  bool place = false;
  for (int k = 0; k < 2 && at < particle && tokens[at].script == Script::kHan; ++k) {
    place = place || tokens[at].lower.find("基地") != std::string::npos;
    ++at;
  }
  return !place && (at == particle || tokens[m.tokEnd].lower == "の");
}

// "中国外務省の報道官は", "イランの外相が": the owner of a role or body of one
// to three nouns that is the subject stands for it (a name written later,
// "ロシアのプーチン大統領は", is nearer and wins).
bool ownerOfSubject(const std::vector<Token>& tokens, const Mention& m) {
  size_t q = m.tokEnd;
  // A body written with the name: "中国外務省の".
  for (int k = 0; k < 2 && q < tokens.size() && tokens[q].script == Script::kHan; ++k) ++q;
  if (q >= tokens.size() || tokens[q].lower != "の") return false;
  ++q;
  const size_t first = q;
  while (q < tokens.size() && q < first + 3 && tokens[q].script == Script::kHan) ++q;
  if (q == first || q >= tokens.size() || (tokens[q].lower != "は" && tokens[q].lower != "が")) return false;
  // The noun is a role or a body: it ends in 官 (報道官), 相 (外相), 省, 軍,
  // 府 (政府), 局 (当局), 会 (議会), 長 (長官 ...), 者 (指導者), 隊, 使 (大使),
  // 領 (大統領), 部 (幹部), 脳 (首脳); "シリアの場合は" (the case of Syria) is no one.
  static const std::array<std::string_view, 14> kRoleEnds = {"官", "相", "省", "軍", "府", "局", "会",
                                                             "長", "者", "隊", "使", "領", "部", "脳"};
  const std::string& last = tokens[q - 1].lower;
  return std::any_of(kRoleEnds.begin(), kRoleEnds.end(), [&](std::string_view e) { return last.ends_with(e); });
}

struct JaRoles {
  const Mention* subj = nullptr;
  const Mention* obj = nullptr;  // the agent when passive
};

// The subject (marked が/は) and object (or passive agent) of the verb noun at i.
// `received`: "Xから攻撃を受けた": the agent is marked から or による (not
// に or で, which say where), or owns the verb noun ("Xの攻撃を受けた").
JaRoles rolesOf(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                const std::vector<Entity>& entities, size_t i, const JapaneseTrigger& tr, bool passive,
                bool received) {
  JaRoles r;
  std::vector<bool> named(tokens.size() + 1, false);
  for (const auto& m : mentions) named[std::min(particleIndexAfter(tokens, m), tokens.size())] = true;
  const size_t particle = objectParticle(tokens, i, tr, named);
  const bool addressee = addresseeMarked(tokens, i, tr);
  for (const auto& m : mentions) {
    if (m.tokEnd > i || m.modifier) continue;
    if (entities[m.entity].actor.kind == ActorKind::kMedia) continue;
    const std::string p = particleAfter(tokens, m);
    // The subject of a relative clause before the verb noun ("イランが支援する
    // 武装組織を非難した") is not the main clause's.
    const size_t rel = relativeClauseVerbAfter(tokens, m);
    const bool relative = rel != 0 && rel < i;
    if ((p == "が" || p == "は" || ownerOfSubject(tokens, m)) && m.tokEnd <= particle && !relative) r.subj = &m;
    if (endsObjectPhrase(tokens, m, particle)) r.obj = &m;
    if (passive && !received && agentParticle(tokens, m, p)) r.obj = &m;
    if (received && (p == "から" || p == "による" || p == "により" || p == "によって" ||
                     (p == "の" && particleIndexAfter(tokens, m) + 1 == i)))
      r.obj = &m;
    if (!passive && addressee && r.obj == nullptr && p == "に" && (r.subj == nullptr || m.tokBegin > r.subj->tokBegin))
      r.obj = &m;
  }
  // "カナダの外交官1人に国外退去を命じた": the owner of the phrase marked に.
  if (!passive && addressee && r.obj == nullptr) {
    size_t q = i;
    while (q > 0 && tokens[q - 1].lower != "に" && tokens[q - 1].lower != "、" && tokens[q - 1].lower != "。") --q;
    if (q > 0 && tokens[q - 1].lower == "に") {
      for (const auto& m : mentions) {
        if (m.modifier || (r.subj != nullptr && m.tokBegin <= r.subj->tokBegin)) continue;
        if (endsObjectPhrase(tokens, m, q - 1)) r.obj = &m;
      }
    }
  }
  return r;
}

// "XとYは会談した", "XとYが合意した": for an act done together (talks,
// agreement, cooperation), the mention X joined by と right before the
// subject Y; nullptr for none.
const Mention* partnerBefore(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                             const Mention& subj, const JapaneseTrigger& tr) {
  if (tr.type != EdgeType::kConsult && tr.type != EdgeType::kAgree && tr.type != EdgeType::kCooperate) return nullptr;
  for (const auto& m : mentions) {
    if (m.modifier || m.tokEnd > subj.tokBegin) continue;
    const size_t p = particleIndexAfter(tokens, m);
    if (p + 1 == subj.tokBegin && tokens[p].lower == "と") return &m;
  }
  return nullptr;
}

// "米英両軍は", "日韓両国は", "日韓首脳は": a state written right before the
// subject with nothing between (one-kanji abbreviations run together), the
// pair then named by 両 or 首脳, is a subject too; nullptr for none.
const Mention* runTogetherSubject(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                  const std::vector<Entity>& entities, const Mention& subj) {
  if (subj.tokEnd >= tokens.size()) return nullptr;
  const std::string& next = tokens[subj.tokEnd].lower;
  if (next.rfind("両", 0) != 0 && next.rfind("首脳", 0) != 0) return nullptr;
  if (entities[subj.entity].actor.kind != ActorKind::kState) return nullptr;
  for (const auto& m : mentions)
    if (!m.modifier && m.tokEnd == subj.tokBegin && m.entity != subj.entity &&
        entities[m.entity].actor.kind == ActorKind::kState)
      return &m;
  return nullptr;
}

}  // namespace

// Japanese: "XがYを空爆した", "XはYの撤退を求めた", passive "YがXに殺害された".
// The subject is the mention marked by が/は, the object the one marked by
// を/に/の/と, the verb a Sino-Japanese action noun.
void japaneseRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                       const std::vector<Entity>& entities, std::vector<Fact>* out) {
  // The parties of talks read earlier in the sentence: "XはYと会談し、
  // …を求めた" asks Y.
  const Mention* talkSubj = nullptr;
  const Mention* talkPartner = nullptr;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const JapaneseTrigger* tr = triggerAt(tokens, i);
    if (tr == nullptr) continue;
    if (tokens[i].lower == "退去" && !orderedToLeave(tokens, i)) continue;
    // "報復攻撃": in a compound of two verb nouns the last one is the act.
    if (i + 1 < tokens.size() && triggerAt(tokens, i + 1) != nullptr) continue;
    if (negatedAfter(tokens, i)) continue;
    // "される", and "を受けた" (received: "イスラエルはイランから攻撃を受けた";
    // not "支援を受ける武装勢力", a relative clause).
    const bool received = i + 3 < tokens.size() && tokens[i + 1].lower == "を" && tokens[i + 2].lower == "受け" &&
                          (tokens[i + 3].lower == "た" || tokens[i + 3].lower == "て" || tokens[i + 3].lower == "、");
    const bool passive =
        received || (i + 2 < tokens.size() && tokens[i + 1].lower == "さ" && tokens[i + 2].lower.rfind("れ", 0) == 0);
    // "イランが支援する武装組織カタイブ・ヒズボラ": a relative clause; its
    // subject marked が right before it, its object the noun it modifies.
    if (const size_t next = relativeClauseEnd(tokens, i); next != 0 && !passive) {
      const Mention* relSubj = nullptr;
      const Mention* head = nullptr;
      for (const auto& m : mentions) {
        if (m.modifier) continue;
        if (relativeClauseVerbAfter(tokens, m) == i) relSubj = &m;
        if (head == nullptr && m.tokBegin >= next && m.tokBegin <= next + 3) head = &m;
      }
      if (relSubj != nullptr && head != nullptr && relSubj->entity != head->entity) {
        Fact f;
        f.src = relSubj->entity;
        f.dst = head->entity;
        f.type = tr->type;
        f.cameo = tr->cameo;
        f.mode = tr->mode;
        f.confidence = std::min(relSubj->confidence, head->confidence) * kJapaneseEventFactor;
        f.tense = tokens[i + 1].lower == "し" ? Tense::kPast : Tense::kPresent;
        out->push_back(std::move(f));
      }
      if (relSubj != nullptr) continue;
    }
    auto [subj, obj] = rolesOf(tokens, mentions, entities, i, *tr, passive, received);
    const Mention* coSubj = subj != nullptr && !passive ? runTogetherSubject(tokens, mentions, entities, *subj) : nullptr;
    // "日韓首脳は会談した": the two did it with each other.
    if (coSubj != nullptr && obj == nullptr &&
        (tr->type == EdgeType::kConsult || tr->type == EdgeType::kAgree || tr->type == EdgeType::kCooperate)) {
      obj = subj;
      subj = coSubj;
      coSubj = nullptr;
    }
    if (subj != nullptr && obj == nullptr && !passive) {
      // "サウジアラビアとイランは合意した": the first of a subject joined by と
      // to the named subject did it with them.
      if (const Mention* first = partnerBefore(tokens, mentions, *subj, *tr)) {
        obj = subj;
        subj = first;
      }
    }
    if (subj != nullptr && obj == nullptr && !passive && tr->type == EdgeType::kAssault)
      obj = attackTargetBefore(tokens, mentions, i);
    if (obj != nullptr && !passive) obj = accedingOwner(tokens, mentions, *obj);
    if (obj == nullptr && !passive && tr->type == EdgeType::kThreaten) {
      if (const Mention* cond = conditionSubjectBefore(tokens, mentions, i)) {
        obj = cond;
        if (subj == nullptr || subj->entity == cond->entity) subj = topicBefore(tokens, mentions, *cond);
      }
    }
    if (subj != nullptr && !passive && tr->type == EdgeType::kAccuse) {
      if (const Mention* author = authorOfActBefore(tokens, mentions, i); author != nullptr && author != subj)
        obj = author;
      if (obj == nullptr)
        if (const Mention* owner = ownerOfComplainedNoun(tokens, mentions, i); owner != nullptr && owner != subj)
          obj = owner;
      if (obj != nullptr)
        if (const Mention* invader = invaderOfVictim(tokens, mentions, *obj); invader != nullptr && invader != subj)
          obj = invader;
    }
    // "ゼレンスキー大統領は、ロシアがミサイル攻撃を行ったと非難した": what is
    // condemned is quoted (と right before the verb noun); the quote's
    // subject, marked が, is the one accused, the topic (は) before it the
    // accuser.
    if (!passive && tr->type == EdgeType::kAccuse && i > 0 && tokens[i - 1].lower == "と") {
      const Mention* quoted = nullptr;
      for (const auto& m : mentions)
        if (!m.modifier && m.tokEnd < i && particleAfter(tokens, m) == "が") quoted = &m;
      if (quoted != nullptr)
        if (const Mention* speaker = topicBefore(tokens, mentions, *quoted);
            speaker != nullptr && speaker->entity != quoted->entity) {
          subj = speaker;
          obj = quoted;
        }
    }
    // A request with no one named, after talks of the same subject in the
    // same sentence, is made to the other party of the talks.
    if (subj != nullptr && obj == nullptr && !passive && tr->type == EdgeType::kRequest && talkSubj != nullptr &&
        talkSubj->entity == subj->entity)
      obj = talkPartner;
    if (subj == nullptr || obj == nullptr || subj->entity == obj->entity) continue;
    if (subj->tokBegin > obj->tokBegin && !passive) continue;
    if (tr->type == EdgeType::kConsult && !passive) {
      talkSubj = subj;
      talkPartner = obj;
    }
    Fact f;
    f.src = passive ? obj->entity : subj->entity;
    f.dst = passive ? subj->entity : obj->entity;
    f.type = tr->type;
    f.cameo = tr->cameo;
    f.mode = tr->mode;
    f.confidence = std::min(subj->confidence, obj->confidence) * kJapaneseEventFactor;
    f.tense = Tense::kPresent;
    for (size_t q = i + 1; q < tokens.size() && q <= i + 3; ++q)
      if (tokens[q].lower == "た") f.tense = Tense::kPast;
    f.planned = announcedAfter(tokens, i);
    if (f.planned) f.mode = "planned";
    // "米英両軍はXを空爆した": both did it.
    if (coSubj != nullptr && coSubj->entity != obj->entity) {
      Fact g = f;
      g.src = coSubj->entity;
      g.confidence = std::min(coSubj->confidence, obj->confidence) * kJapaneseEventFactor;
      out->push_back(std::move(g));
    }
    out->push_back(std::move(f));
  }
}

}  // namespace kg::extract
