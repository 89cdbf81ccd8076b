#include "extract/relations/japanese_rules.h"

#include <algorithm>

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

// The object phrase's particle: the "を" (or に/と for requests, warnings,
// talks, から for withdrawals) right before the verb noun at i;
// tokens.size() for none.
size_t objectParticle(const std::vector<Token>& tokens, size_t i, const JapaneseTrigger& tr) {
  size_t particle = tokens.size();
  // "電話会談", "首脳会談": a noun compounded before the verb noun.
  size_t before = i;
  if (before > 1 && tokens[before - 1].script == Script::kHan &&
      (tokens[before - 1].lower == "電話" || tokens[before - 1].lower == "首脳" || tokens[before - 1].lower == "オンライン"))
    --before;
  if (before > 0) {
    const std::string& w = tokens[before - 1].lower;
    if (w == "を" || (w == "に" && (tr.type == EdgeType::kRequest || tr.type == EdgeType::kThreaten)) ||
        (w == "と" && (tr.type == EdgeType::kConsult || tr.type == EdgeType::kAgree)) ||
        (w == "から" && tr.type == EdgeType::kRetreat))
      particle = before - 1;
  }
  return particle;
}

// "米国に撤退を要求した", "Yに制裁を科した", "Yに警告を発した": the addressee
// is marked に even when a を phrase sits before the verb.
bool addresseeMarked(const std::vector<Token>& tokens, size_t i, const JapaneseTrigger& tr) {
  const bool sanctionNoun = tr.cameo.rfind("16", 0) == 0 && i + 2 < tokens.size() && tokens[i + 1].lower == "を" &&
                            (tokens[i + 2].lower.rfind("科", 0) == 0 || tokens[i + 2].lower.rfind("課", 0) == 0);
  return tr.type == EdgeType::kRequest || tr.type == EdgeType::kThreaten || sanctionNoun;
}

// Mention `m` ends the object phrase marked at `particle` (directly or
// marked "の" within it: "米軍の撤退を"), and names no base.
bool endsObjectPhrase(const std::vector<Token>& tokens, const Mention& m, size_t particle) {
  if (particle >= tokens.size() || m.tokEnd > particle || m.tokEnd + 5 <= particle) return false;
  size_t at = m.tokEnd;
  bool place = false;
  for (int k = 0; k < 2 && at < particle && tokens[at].script == Script::kHan; ++k) {
    place = place || tokens[at].lower.find("基地") != std::string::npos;
    ++at;
  }
  return !place && (at == particle || tokens[m.tokEnd].lower == "の");
}

struct JaRoles {
  const Mention* subj = nullptr;
  const Mention* obj = nullptr;  // the agent when passive
};

// The subject (marked が/は) and object (or passive agent) of the verb noun at i.
JaRoles rolesOf(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                const std::vector<Entity>& entities, size_t i, const JapaneseTrigger& tr, bool passive) {
  JaRoles r;
  const size_t particle = objectParticle(tokens, i, tr);
  const bool addressee = addresseeMarked(tokens, i, tr);
  for (const auto& m : mentions) {
    if (m.tokEnd > i || m.modifier) continue;
    if (entities[m.entity].actor.kind == ActorKind::kMedia) continue;
    const std::string p = particleAfter(tokens, m);
    if ((p == "が" || p == "は") && m.tokEnd <= particle) r.subj = &m;
    if (endsObjectPhrase(tokens, m, particle)) r.obj = &m;
    if (passive && agentParticle(tokens, m, p)) r.obj = &m;
    if (!passive && addressee && r.obj == nullptr && p == "に" && (r.subj == nullptr || m.tokBegin > r.subj->tokBegin))
      r.obj = &m;
  }
  return r;
}

}  // namespace

// Japanese: "XがYを空爆した", "XはYの撤退を求めた", passive "YがXに殺害された".
// The subject is the mention marked by が/は, the object the one marked by
// を/に/の/と, the verb a Sino-Japanese action noun.
void japaneseRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                       const std::vector<Entity>& entities, std::vector<Fact>* out) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const JapaneseTrigger* tr = triggerAt(tokens, i);
    if (tr == nullptr) continue;
    const bool passive = i + 2 < tokens.size() && tokens[i + 1].lower == "さ" && tokens[i + 2].lower.rfind("れ", 0) == 0;
    const auto [subj, obj] = rolesOf(tokens, mentions, entities, i, *tr, passive);
    if (subj == nullptr || obj == nullptr || subj->entity == obj->entity) continue;
    if (subj->tokBegin > obj->tokBegin && !passive) continue;
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
    out->push_back(std::move(f));
  }
}

}  // namespace kg::extract
