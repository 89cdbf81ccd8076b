// Edges: typed, dated relations between actors, each with its evidence.
// Plain value types.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/actor.h"

namespace kg {

// The 16 PLOVER event types, then the standing relations, then the CAMEO-only
// event types: CAMEO root 01 (make public statement) -> STATEMENT, so that
// imported statements are kept rather than dropped (core/cameo.h), and
// APPEAL, which `kg import` wrote for root 02 until 2026-12-06; appeals are
// now REQUEST by every reader (extract::eventForCameo), and APPEAL edges of
// older databases still read and query as before. The numeric values are
// stored on disk (engine/storage/FORMAT.md): never renumber; new types are
// appended.
enum class EdgeType : uint8_t {
  kAgree = 0, kConsult, kSupport, kConcede, kCooperate, kAid, kRetreat, kRequest,
  kAccuse, kReject, kThreaten, kProtest, kSanction, kMobilize, kCoerce, kAssault,
  kMemberOf = 16, kLeaderOf, kPartOf, kOfficialOf,
  kStatement = 20, kAppeal = 21,
};
inline constexpr int kEdgeTypeCount = 22;

// "AGREE" ... "ASSAULT", "MEMBER_OF", "LEADER_OF", "PART_OF", "OFFICIAL_OF",
// "STATEMENT", "APPEAL".
const char* edgeTypeName(EdgeType t);
// Case-insensitive; accepts '-' for '_'. InvalidArgument listing the valid types otherwise.
Result<EdgeType> parseEdgeType(std::string_view s);
// All valid names, comma-separated, for messages.
std::string edgeTypeList();
// MEMBER_OF, LEADER_OF, PART_OF, OFFICIAL_OF: offices and memberships.
bool isStandingType(EdgeType t);
// The 16 PLOVER event types (AGREE .. ASSAULT).
bool isPloverType(EdgeType t);
// Events typed by their CAMEO root only (STATEMENT; APPEAL of older imports): no PLOVER event.
bool isCameoOnlyType(EdgeType t);
// A support stated as a standing state, not an act: SUPPORT with no CAMEO
// code ("the Iran-backed militia", "groups supported by Tehran"). An act of
// support has a code (051 praise, 057 a signed agreement). The extractor
// dates such a support by its article; the store grows one edge over the
// articles that state it (storage/merge_rule.h isStatedSupport).
bool isStatedSupport(EdgeType t, std::string_view cameo);

using DocId = std::string;  // hex content hash of the document

// Where an edge's dates come from. Stored on disk (FORMAT.md): never renumber.
//   kUnknown     not recorded: typed in by hand, imported event rows (dated by
//                their rows), records written before the basis was kept, and
//                text events with no date anywhere (undated article)
//   kText        a date the sentence itself gives ("on Sunday", "January 3")
//   kArticle     no date in the sentence: the article's publication date (a
//                point at the article date's precision, as ICEWS/GDELT do);
//                capped at a party's recorded death when the article is
//                within a week of it (actors.txt "died")
//   kDictionary  an office or membership with the tenure an actor dictionary
//                records (authoritative: text mentions never extend it)
enum class DateBasis : uint8_t { kUnknown = 0, kText = 1, kArticle = 2, kDictionary = 3 };
inline constexpr uint8_t kDateBasisCount = 4;
// "", "text", "article", "dictionary".
const char* dateBasisName(DateBasis b);

// One place an edge was read from.
struct Evidence {
  DocId doc;               // "" for evidence typed in by hand without a document
  uint32_t sentence = 0;   // sentence index within the document
  uint32_t begin = 0;      // byte offsets of the sentence within the document text
  uint32_t end = 0;
  std::string text;        // the sentence (or a snippet of it)
  // What the source row said about this report of the event, by name
  // ("goldstein", "tone", "url", "lat", ...; README "Imported fields"):
  // `kg import` keeps each format's analyst fields here. Locations are
  // attributes of the event, never actors. Empty for text evidence.
  std::map<std::string, std::string> attributes = {};  // "= {}": brace-initialised Evidence{doc, ...} stays warning-free
  // The document's title and publication date, as the docs family records
  // them: filled by the queries that answer with evidence (core::GraphApi),
  // never stored with the evidence; "" / unknown when the document is not
  // stored (evidence typed in by hand, imported rows).
  std::string docTitle = {};
  Date docDate = {};

  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Edge {
  EdgeId id = 0;
  ActorId src = 0;
  ActorId dst = 0;
  EdgeType type = EdgeType::kConsult;
  std::string mode;        // PLOVER mode, e.g. "drone"; "" when none
  std::string cameo;       // CAMEO code, e.g. "183"; "" when none
  std::string title;       // for OFFICIAL_OF/LEADER_OF: the office ("Prime Minister")
  DateRange when;
  float confidence = 1.0f;  // 0..1
  DateBasis dateBasis = DateBasis::kUnknown;
  // Independent documents backing the edge: distinct doc ids among all its
  // evidence (evidence without a document, "", counts as one). Kept by the
  // store on every merge; 0 when not counted (records written before the
  // count was kept, or by the bulk loader). Ignored by WriteBatch::putEdge.
  uint32_t sources = 0;
  std::vector<Evidence> evidence;
  // CAMEO actor codes of the two parties as the event coder composed them
  // from a dictionary code and the agents in the phrase ("Polish officials"
  // -> "POLGOV"); "" when no dictionary gave one.
  std::string srcCode;
  std::string dstCode;

  friend bool operator==(const Edge&, const Edge&) = default;
};

}  // namespace kg
