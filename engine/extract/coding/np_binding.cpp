#include "extract/coding/np_binding.h"

#include <algorithm>
#include <string_view>

#include "extract/coding/coder_lexicon.h"

namespace kg::extract {

namespace {

using syntax::kNoIndex;
using syntax::NounPhrase;
using syntax::SentenceParse;

// Heads that stand for their owner: "Iraq's government", "the leader of
// Hamas" (role_heads in data/english_coder_words.txt).
bool isRoleHead(std::string_view lemma) { return englishCoderWords().roleHeads.contains(lemma); }

// The actor of the nearest clause subject before word `w` (not inside the
// phrase `np` itself), or none when that subject names no actor.
std::vector<size_t> antecedent(const SentenceParse& p, const NpActors& out, size_t w, int32_t np) {
  int32_t best = kNoIndex;
  // "its" agrees with a singular subject: "EU leaders ... after its
  // authorities" is not the EU's.
  const bool singular = p.words[w].lower == "its";
  for (const auto& c : p.clauses) {
    if (c.subject == kNoIndex || c.subject == np || c.subjectInherited) continue;
    const auto& s = p.nps[c.subject];
    if (s.span.last > w) continue;
    const auto& head = p.words[s.head];
    if (singular && head.pos == syntax::Pos::kNoun && head.lemma != head.lower) continue;
    if (best == kNoIndex || s.span.first > p.nps[best].span.first) best = c.subject;
  }
  if (best == kNoIndex) return {};
  const NounPhrase& s = p.nps[best];
  if (s.members.empty()) return out[best].empty() ? std::vector<size_t>{} : std::vector<size_t>{out[best].front()};
  return {};
}

// True when word `w` lies inside a phrase nested in `np` other than its owner
// or, for a subject "X of Y", the X that holds its head ("the Calenardhon
// Ministry of Silly Walks condemned ...").
bool inForeignPart(const SentenceParse& p, int32_t np, size_t w) {
  const NounPhrase& whole = p.nps[np];
  const bool subjectOf = whole.ofNp != kNoIndex && isSubject(p, np);
  for (size_t k = 0; k < p.nps.size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (static_cast<int32_t>(k) == np || n.parent != np) continue;
    if (static_cast<int32_t>(k) == whole.possessor) continue;
    if (subjectOf && n.span.first <= whole.head && whole.head < n.span.last) continue;
    if (w >= n.span.first && w < n.span.last) return true;
  }
  // Words of a prepositional phrase inside the span ("depots in Syria").
  for (const auto& pp : p.pps)
    if (w >= pp.span.first && w < pp.span.last && pp.span.first > p.nps[np].span.first) return true;
  return false;
}

struct ByteSpan {
  size_t begin, end;
};

}  // namespace

// owned_heads in data/english_coder_words.txt: assets, people abroad, acts.
bool isOwnedHead(std::string_view lemma) { return englishCoderWords().ownedHeads.contains(lemma); }

bool isPlaceHead(std::string_view lemma) { return englishCoderWords().placeHeads.contains(lemma); }

void entitiesNamed(const SentenceParse& p, const NpActors& actors, int32_t np, std::vector<size_t>* out) {
  if (np == kNoIndex || static_cast<size_t>(np) >= p.nps.size()) return;
  const NounPhrase& n = p.nps[np];
  if (!n.members.empty()) {
    for (uint32_t m : n.members) entitiesNamed(p, actors, static_cast<int32_t>(m), out);
    return;
  }
  if (static_cast<size_t>(np) < actors.size() && !actors[np].empty() &&
      std::find(out->begin(), out->end(), actors[np].front()) == out->end())
    out->push_back(actors[np].front());
}

void addMember(SentenceParse* p, NpActors* actors, size_t np, syntax::WordSpan span, size_t entity) {
  NounPhrase m;
  m.span = span;
  m.head = span.last - 1;
  m.parent = static_cast<int32_t>(np);
  p->nps[np].members.push_back(static_cast<uint32_t>(p->nps.size()));
  p->nps.push_back(m);
  actors->push_back({entity});
}

// "two Iraqi politicians, A and B": a list of names in apposition to a
// common noun (its owner or demonym written or not) is what the phrase
// names, each member once. True when the list renamed the phrase.
bool renameByNamedList(const SentenceParse& p, const std::vector<bool>& headNamed, int32_t list, NpActors* out,
                       std::vector<std::pair<int32_t, size_t>>* displaced) {
  const NounPhrase& n = p.nps[list];
  const int32_t of = n.appositionOf;
  if (n.members.size() < 2 || headNamed[of] || p.words[p.nps[of].head].pos != syntax::Pos::kNoun) return false;
  std::vector<size_t> named;
  for (uint32_t m : n.members) {
    if (!headNamed[m] || (*out)[m].empty()) return false;
    named.push_back((*out)[m].front());
  }
  if (displaced)
    for (size_t owner : (*out)[of]) displaced->emplace_back(of, owner);
  (*out)[of] = std::move(named);
  return true;
}

bool isSubject(const SentenceParse& p, int32_t np) {
  return std::any_of(p.clauses.begin(), p.clauses.end(),
                     [&](const syntax::Clause& c) { return c.subject == np && !c.subjectInherited; });
}

bool isPossessivePronoun(std::string_view w) { return w == "its" || w == "their"; }

NpActors bindMentions(const SentenceParse& p, const std::vector<Mention>& allMentions,
                      std::vector<std::pair<int32_t, size_t>>* displaced) {
  NpActors out(p.nps.size());
  // A name matched only by its consonant skeleton over common nouns is a
  // misreading ("Soldiers" is not "Isildur"): not an actor of a phrase.
  std::vector<Mention> mentions;
  for (const Mention& m : allMentions) {
    if (m.source == MentionSource::kSkeleton) {
      bool common = true;
      for (const auto& w : p.words)
        if (w.begin >= m.begin && w.end <= m.end && w.pos == syntax::Pos::kProperNoun) common = false;
      if (common) continue;
    }
    mentions.push_back(m);
  }
  // An abbreviation's full stop ("Jr.", "Sr.") is no part of the name a
  // mention covers ("Ferdinand Marcos Jr."): the word ends before it.
  auto wordSpan = [&](size_t w) {
    ByteSpan s{p.words[w].begin, p.words[w].end};
    const std::string& lower = p.words[w].lower;
    if (lower.size() > 1 && lower.back() == '.' && s.end > s.begin + 1) --s.end;
    return s;
  };
  auto covers = [](const Mention& m, ByteSpan s) { return m.begin <= s.begin && s.end <= m.end; };
  auto within = [](const Mention& m, ByteSpan s) { return s.begin <= m.begin && m.end <= s.end; };

  // First pass: the phrase's own words. `headNamed[k]`: a mention covers
  // the head itself (not only a modifier or owner before it).
  std::vector<bool> headNamed(p.nps.size(), false);
  for (size_t k = 0; k < p.nps.size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (!n.members.empty() || n.span.first >= n.span.last) continue;
    const ByteSpan head = wordSpan(n.head);
    const ByteSpan all{p.words[n.span.first].begin, p.words[n.span.last - 1].end};
    const Mention* best = nullptr;
    for (const Mention& m : mentions) {
      if (covers(m, head) && !m.modifier) { best = &m; headNamed[k] = true; break; }
    }
    if (!best) {
      for (const Mention& m : mentions) {
        if (!within(m, all) || m.begin >= head.begin) continue;
        // Whole words only ("Iran-backed militia" is the militia), and only
        // nouns and adjectives between the mention and the head ("a US drone
        // strike", "the Gondor main opposition group"; not "Pompeo
        // specifically identified two groups").
        size_t w = n.span.first;
        while (w < n.span.last && p.words[w].begin < m.begin) ++w;
        if (w >= n.span.last || p.words[w].begin != m.begin) continue;
        size_t after = w;
        while (after < n.span.last && p.words[after].end <= m.end) ++after;
        if (after == w || p.words[after - 1].end != m.end) continue;
        if (inForeignPart(p, static_cast<int32_t>(k), w)) continue;
        // ("Houthi missile and drone attacks": coordinated modifiers, one phrase.)
        bool modifiersOnly = true;
        for (size_t x = after; x < n.head; ++x)
          modifiersOnly = modifiersOnly &&
                          (p.words[x].pos == syntax::Pos::kNoun || p.words[x].pos == syntax::Pos::kProperNoun ||
                           p.words[x].pos == syntax::Pos::kPossessive || p.words[x].pos == syntax::Pos::kAdjective ||
                           (n.members.empty() && x > after && p.words[x].pos == syntax::Pos::kCoordinator));
        if (!modifiersOnly) continue;
        best = &m;  // the last one before the head wins
      }
    }
    if (!best) {
      for (const Mention& m : mentions)
        if (covers(m, head)) { best = &m; break; }  // a modifier mention on the head itself
    }
    if (best) out[k].push_back(best->entity);
    // The body a title before the name names ("Russian Foreign Minister
    // Sergei Lavrov": Russia) is an owner too.
    if (best && best->titleOf != kNoActor && std::find(out[k].begin(), out[k].end(), best->titleOf) == out[k].end())
      out[k].push_back(best->titleOf);
    // Owners: the other mentions among the phrase's own words before the head.
    for (const Mention& m : mentions)
      if (best && &m != best && within(m, all) && m.end <= head.begin && m.entity != best->entity)
        out[k].push_back(m.entity);
  }
  // An apposition names the phrase: "the commander of the Quds Force,
  // Qassem Soleimani" is Soleimani.
  // A role phrase whose own words name its body ("the RSF commander,
  // Mohamed Hamdan Dagalo"), or a common noun whose owner is named before
  // it ("Iraq's top Shiite cleric, Grand Ayatollah Ali al-Sistani"), is
  // what its named apposition names, not the body or the owner.
  for (size_t k = 0; k < p.nps.size(); ++k) {
    const int32_t of = p.nps[k].appositionOf;
    if (of != kNoIndex && renameByNamedList(p, headNamed, static_cast<int32_t>(k), &out, displaced)) continue;
    if (of == kNoIndex || out[k].empty()) continue;
    const auto& ofHead = p.words[p.nps[of].head];
    const bool ownedNoun = !headNamed[of] && ofHead.pos == syntax::Pos::kNoun;
    if (out[of].empty()) {
      out[of].push_back(out[k].front());
    } else if ((isRoleHead(ofHead.lemma) || ownedNoun) && p.words[p.nps[k].head].pos == syntax::Pos::kProperNoun &&
               headNamed[k] && std::find(out[of].begin(), out[of].end(), out[k].front()) == out[of].end()) {
      if (displaced)
        for (size_t owner : out[of]) displaced->emplace_back(of, owner);
      out[of] = {out[k].front()};
    }
  }
  // The parse may miss an apposition after a role: "the commander of the
  // Quds Force, Qassem Soleimani, ..." (a phrase naming an actor between
  // commas right after a role phrase with none of its own).
  for (size_t k = 0; k < p.nps.size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (!out[k].empty() || !isRoleHead(p.words[n.head].lemma) || n.span.last + 1 >= p.words.size()) continue;
    if (p.words[n.span.last].lower != ",") continue;
    for (size_t j = 0; j < p.nps.size(); ++j) {
      const NounPhrase& a = p.nps[j];
      if (a.span.first != n.span.last + 1 || out[j].empty() || !a.members.empty()) continue;
      const bool closed = a.span.last >= p.words.size() || p.words[a.span.last].lower == "," ||
                          p.words[a.span.last].pos == syntax::Pos::kPunct;
      if (closed) out[k].push_back(out[j].front());
      break;
    }
  }
  // Second pass: role heads take their owner's actor: a possessor, an "of"
  // phrase, or a place right after them ("lawmakers in Fornost"); member
  // heads (member_heads: "rebels of X") a possessor or an "of" phrase; owned
  // heads take a possessor, an "of" phrase or the inner phrase's owner;
  // place heads ("the Gondorian city of Osgiliath", place_heads) a
  // possessor or the inner phrase's demonym.
  // Only for subjects: "fighters in northern Syria" as an object is not Syria.
  // A member of a coordinated subject shares the place after the whole
  // ("lawmakers and officials in Fornost").
  auto followingPlace = [&](const NounPhrase& n) -> int32_t {
    const NounPhrase& whole = n.parent != kNoIndex && !p.nps[n.parent].members.empty() ? p.nps[n.parent] : n;
    bool subject = false;
    for (const auto& c : p.clauses)
      if (c.subject != kNoIndex && &p.nps[c.subject] == &whole && !c.subjectInherited) subject = true;
    if (!subject) return kNoIndex;
    for (const auto& pp : p.pps)
      if (pp.span.first == whole.span.last && (pp.prep == "in" || pp.prep == "from")) return pp.np;
    return kNoIndex;
  };
  for (size_t k = 0; k < p.nps.size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (!out[k].empty() || !n.members.empty()) continue;
    const bool role = isRoleHead(p.words[n.head].lemma);
    const bool owned = isOwnedHead(p.words[n.head].lemma);
    const bool place = isPlaceHead(p.words[n.head].lemma);
    const bool member = englishCoderWords().memberHeads.contains(p.words[n.head].lemma);
    if (!role && !owned && !place && !member) continue;
    // A subject "its air force", "their fighters": the actor named before.
    // (As an object, "recalled its ambassador", the phrase is the source's
    // own and no party to the event.)
    if (isPossessivePronoun(p.words[n.span.first].lower)) {
      if (isSubject(p, static_cast<int32_t>(k))) out[k] = antecedent(p, out, n.span.first, static_cast<int32_t>(k));
      continue;
    }
    // Owned things take an owner written with them ("depots of Hamas",
    // "Hamas's tunnels"), never a place after them.
    // A place takes no "of" owner ("two regions of Ukraine", place_heads).
    const bool placeOnly = place && !role && !owned;
    for (int32_t owner : {n.possessor, placeOnly ? kNoIndex : n.ofNp, role ? followingPlace(n) : kNoIndex}) {
      if (owner == kNoIndex || !out[k].empty()) continue;
      const NounPhrase& o = p.nps[owner];
      if (!o.members.empty()) {
        for (uint32_t m : o.members)
          for (size_t e : out[m]) out[k].push_back(e);
      } else {
        out[k] = out[owner];
      }
    }
    // "Maduro's claim of victory": the owner is written on the inner phrase
    // with the same head ("Maduro's claim"), the "of" phrase is the thing.
    for (size_t j = 0; j < p.nps.size() && out[k].empty(); ++j)
      if (p.nps[j].parent == static_cast<int32_t>(k) && p.nps[j].head == n.head && j != k) out[k] = out[j];
  }
  return out;
}

namespace {

// True when phrase `k` is the victim of an attack noun right before it:
// "strikes on their positions", "raids against its bases".
bool victimOfAttackNoun(const SentenceParse& p, size_t k) {
  const EnglishCoderWords& w = englishCoderWords();
  for (const auto& pp : p.pps) {
    if (pp.np != static_cast<int32_t>(k) || pp.span.first == 0 || !w.victimPrepositions.contains(pp.prep) ||
        pp.prep == "of")
      continue;
    if (w.attackNouns.contains(p.words[pp.span.first - 1].lemma)) return true;
  }
  return false;
}

}  // namespace

void bindPossessiveSubjects(const SentenceParse& p, NpActors* actors, const std::function<bool(size_t)>& isPerson) {
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || !isPossessivePronoun(p.words[n.span.first].lower)) continue;
    const std::string& head = p.words[n.head].lemma;
    const bool bindable = isRoleHead(head) || isOwnedHead(head) || englishCoderWords().memberHeads.contains(head);
    // A subject, or what an attack noun hits ("despite American strikes on
    // their positions": the positions of the subject before it).
    const bool hit = isOwnedHead(head) && victimOfAttackNoun(p, k);
    if (!bindable || (!isSubject(p, static_cast<int32_t>(k)) && !hit)) continue;
    (*actors)[k] = antecedent(p, *actors, n.span.first, static_cast<int32_t>(k));
    if (!(*actors)[k].empty() || !isPerson || p.words[n.span.first].lower != "its") continue;
    // No singular subject before it: the nearest phrase naming one actor
    // that is no person ("sanctions on Belarus after its authorities").
    int32_t best = kNoIndex;
    for (size_t j = 0; j < p.nps.size() && j < actors->size(); ++j) {
      const NounPhrase& c = p.nps[j];
      if (j == k || c.span.last > n.span.first || !c.members.empty() || (*actors)[j].size() != 1) continue;
      if (isPerson((*actors)[j].front())) continue;
      if (best == kNoIndex || c.span.last > p.nps[best].span.last) best = static_cast<int32_t>(j);
    }
    if (best != kNoIndex) (*actors)[k] = (*actors)[best];
  }
}

void bindOwnedOf(const SentenceParse& p, NpActors* actors) {
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || n.ofNp == kNoIndex || !isOwnedHead(p.words[n.head].lemma)) continue;
    const auto of = static_cast<size_t>(n.ofNp);
    if (of < actors->size() && p.nps[of].members.empty() && (*actors)[of].size() == 1) (*actors)[k] = (*actors)[of];
  }
}

void bindCounts(const SentenceParse& p, NpActors* actors) {
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || n.ofNp == kNoIndex || !englishCoderWords().quantityHeads.contains(p.words[n.head].lemma))
      continue;
    const NounPhrase& of = p.nps[n.ofNp];
    // "thousands of Israelis", "hundreds of Egyptian workers" (people of a
    // state: an owned head its demonym bound), "hundreds of Kata'ib
    // Hezbollah supporters" (a role the name before it bound); not
    // "thousands of supporters of X", whose people are not X (that phrase
    // is not bound).
    const bool people = p.words[of.head].pos == syntax::Pos::kProperNoun || isOwnedHead(p.words[of.head].lemma) ||
                        (static_cast<size_t>(n.ofNp) < actors->size() && !(*actors)[n.ofNp].empty() &&
                         p.words[of.head].pos == syntax::Pos::kNoun);
    if (of.span.first == n.head + 2 && of.members.empty() && people && static_cast<size_t>(n.ofNp) < actors->size())
      (*actors)[k] = (*actors)[n.ofNp];
  }
}

void bindWhatDescribedAs(const SentenceParse& p, NpActors* actors) {
  for (const syntax::Clause& c : p.clauses) {
    for (uint32_t o : c.objects) {
      const NounPhrase& n = p.nps[o];
      if (o >= actors->size() || !(*actors)[o].empty() || n.span.last != n.span.first + 1 ||
          p.words[n.span.first].lower != "what")
        continue;
      // The describing clause: the first whose verb comes after "what".
      const syntax::Clause* next = nullptr;
      for (const syntax::Clause& k : p.clauses) {
        const uint32_t at = p.vgs[k.verb].span.first;
        if (at > n.span.first && (next == nullptr || at < p.vgs[next->verb].span.first)) next = &k;
      }
      if (next == nullptr || !englishCoderWords().describingVerbs.contains(p.vgs[next->verb].lemma)) continue;
      for (uint32_t pp : next->pps) {
        const auto& ph = p.pps[pp];
        if (ph.prep != "as" || ph.np == kNoIndex || static_cast<size_t>(ph.np) >= actors->size()) continue;
        (*actors)[o] = (*actors)[ph.np];
        break;
      }
    }
  }
}

void bindDescribedRelativeSubjects(const SentenceParse& p, NpActors* actors) {
  for (const syntax::Clause& c : p.clauses) {
    if (c.kind != syntax::ClauseKind::kRelative || !c.subjectInherited || c.subject == kNoIndex) continue;
    const auto k = static_cast<size_t>(c.subject);
    if (k >= actors->size() || !(*actors)[k].empty()) continue;
    const NounPhrase& d = p.nps[k];
    const std::string& first = p.words[d.span.first].lower;
    if ((first != "a" && first != "an" && first != "the") || d.span.first < 2) continue;
    if (p.words[d.span.first - 1].lower != ",") continue;
    // The phrase the comma closes: the innermost one naming an actor that
    // ends right there ("Ethiopia and the TPLF, a rebel group ...": the TPLF).
    const size_t none = p.nps.size();
    size_t best = none;
    for (size_t j = 0; j < p.nps.size() && j < actors->size(); ++j)
      if (p.nps[j].span.last == d.span.first - 1 && !(*actors)[j].empty() &&
          (best == none || p.nps[j].span.first > p.nps[best].span.first))
        best = j;
    if (best != none) (*actors)[k] = (*actors)[best];
  }
}

void bindHousedTroops(const SentenceParse& p, NpActors* actors) {
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (!n.members.empty() || !isOwnedHead(p.words[n.head].lemma)) continue;
    // "... housing X"; or a relative: "..., which hosts X", "... that housed X".
    static const std::unordered_set<std::string_view> kParticiples = {"housing", "hosting"};
    static const std::unordered_set<std::string_view> kFinite = {"houses", "hosts", "housed",
                                                                 "hosted", "house", "host"};
    size_t next = n.span.last;
    if (next < p.words.size() && p.words[next].lower == ",") ++next;
    if (next < p.words.size() && (p.words[next].lower == "which" || p.words[next].lower == "that")) ++next;
    const auto& forms = next > n.span.last ? kFinite : kParticiples;
    if (next + 1 >= p.words.size() || !forms.count(p.words[next].lower)) continue;
    for (size_t j = 0; j < p.nps.size() && j < actors->size(); ++j) {
      if (p.nps[j].span.first != next + 1 || (*actors)[j].empty()) continue;
      (*actors)[k] = (*actors)[j];
      break;
    }
  }
}

void bindLedBy(const SentenceParse& p, NpActors* actors) {
  for (const syntax::Clause& c : p.clauses) {
    if (c.kind != syntax::ClauseKind::kRelative || c.subject == kNoIndex || c.agent == kNoIndex) continue;
    const auto& vg = p.vgs[c.verb];
    if (vg.voice != syntax::Voice::kPassive && !vg.reducedPassive) continue;
    if (!englishCoderWords().leadingVerbs.contains(vg.lemma)) continue;
    const auto subject = static_cast<size_t>(c.subject), agent = static_cast<size_t>(c.agent);
    if (subject >= actors->size() || agent >= actors->size()) continue;
    // Right after the body: "forces led by X", not "the attack on forces ... led by X".
    if (p.nps[subject].span.last != vg.span.first) continue;
    if ((*actors)[subject].empty() && !(*actors)[agent].empty()) (*actors)[subject] = (*actors)[agent];
  }
  // "The attack, carried out by Hamas, killed three Israeli soldiers": an
  // attack with no actor of its own, described right after it (or after a
  // comma) by a passive of doing it (authoring_verbs) whose agent names an
  // actor, is that actor's act.
  for (const syntax::Clause& c : p.clauses) {
    if (c.kind != syntax::ClauseKind::kRelative || c.subject == kNoIndex || c.agent == kNoIndex) continue;
    const auto& vg = p.vgs[c.verb];
    const std::string verb = vg.particle.empty() ? vg.lemma : vg.lemma + " " + vg.particle;  // "carry out"
    if ((vg.voice != syntax::Voice::kPassive && !vg.reducedPassive) ||
        !englishCoderWords().authoringVerbs.contains(verb))
      continue;
    const auto subject = static_cast<size_t>(c.subject), agent = static_cast<size_t>(c.agent);
    if (subject >= actors->size() || agent >= actors->size() ||
        !englishCoderWords().attackNouns.contains(p.words[p.nps[subject].head].lemma))
      continue;
    const size_t end = p.nps[subject].span.last;
    if (end != vg.span.first && !(end + 1 == vg.span.first && p.words[end].lower == ",")) continue;
    if ((*actors)[subject].empty() && !(*actors)[agent].empty()) (*actors)[subject] = (*actors)[agent];
  }
  // "Forces loyal to Khalifa Haftar launched an offensive": the same for a
  // body "loyal to" a named actor right after it.
  for (const syntax::PrepPhrase& pp : p.pps) {
    if (pp.prep != "to" || pp.np == kNoIndex || pp.span.first < 2 || p.words[pp.span.first - 1].lower != "loyal")
      continue;
    const auto agent = static_cast<size_t>(pp.np);
    for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k)
      if (p.nps[k].span.last + 1 == pp.span.first && p.nps[k].members.empty() && (*actors)[k].empty() &&
          agent < actors->size() && !(*actors)[agent].empty())
        (*actors)[k] = (*actors)[agent];
  }
}

}  // namespace kg::extract
