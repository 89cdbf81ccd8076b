#include <algorithm>
#include <cctype>

#include "model/actor.h"
#include "model/edge.h"

namespace kg {

namespace {
constexpr const char* kKindNames[] = {"person", "organisation", "armed_group", "state",
                                      "government_body", "media", "other"};
constexpr const char* kTypeNames[kEdgeTypeCount] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "MEMBER_OF", "LEADER_OF", "PART_OF", "OFFICIAL_OF", "STATEMENT", "APPEAL"};
}  // namespace

const char* actorKindName(ActorKind k) {
  auto i = static_cast<size_t>(k);
  return i < std::size(kKindNames) ? kKindNames[i] : "other";
}

Result<ActorKind> parseActorKind(std::string_view s) {
  std::string low(s);
  for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(low.begin(), low.end(), '-', '_');
  if (low == "organization") low = "organisation";
  for (size_t i = 0; i < std::size(kKindNames); ++i)
    if (low == kKindNames[i]) return static_cast<ActorKind>(i);
  std::string list;
  for (auto* n : kKindNames) list += (list.empty() ? "" : ", ") + std::string(n);
  return Status::invalidArgument("unknown actor kind '" + std::string(s) + "'; valid kinds: " + list);
}

const char* edgeTypeName(EdgeType t) {
  auto i = static_cast<size_t>(t);
  return i < kEdgeTypeCount ? kTypeNames[i] : "?";
}

std::string edgeTypeList() {
  std::string list;
  for (auto* n : kTypeNames) list += (list.empty() ? "" : ", ") + std::string(n);
  return list;
}

Result<EdgeType> parseEdgeType(std::string_view s) {
  std::string up(s);
  for (auto& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::replace(up.begin(), up.end(), '-', '_');
  for (int i = 0; i < kEdgeTypeCount; ++i)
    if (up == kTypeNames[i]) return static_cast<EdgeType>(i);
  return Status::invalidArgument("unknown edge type '" + std::string(s) + "'; valid types: " + edgeTypeList());
}

const char* dateBasisName(DateBasis b) {
  switch (b) {
    case DateBasis::kText: return "text";
    case DateBasis::kArticle: return "article";
    case DateBasis::kDictionary: return "dictionary";
    case DateBasis::kUnknown: break;
  }
  return "";
}

bool isStandingType(EdgeType t) { return t >= EdgeType::kMemberOf && t <= EdgeType::kOfficialOf; }

bool isPloverType(EdgeType t) { return t <= EdgeType::kAssault; }

bool isCameoOnlyType(EdgeType t) { return t == EdgeType::kStatement || t == EdgeType::kAppeal; }

bool isStatedSupport(EdgeType t, std::string_view cameo) { return t == EdgeType::kSupport && cameo.empty(); }

}  // namespace kg
