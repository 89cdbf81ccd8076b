// The attribute columns every export format carries, in one order, so that
// GraphML keys, GEXF attributes, DOT attributes, CSV columns, Neo4j and
// Nebula properties agree. Pure functions; safe from any thread.
#pragma once

#include <array>
#include <string>

#include "export/selection.h"
#include "model/actor.h"

namespace kg::exports {

enum class AttrType { kString, kInt, kLong, kDouble };
struct AttrSpec {
  const char* name;
  AttrType type;
};

// Actors: name, kind, country, aliases ('|'-separated; a '|' inside an alias
// becomes '/'), attributes (a JSON object, "" when none).
inline constexpr std::array<AttrSpec, 5> kActorAttrs{{{"name", AttrType::kString},
                                                      {"kind", AttrType::kString},
                                                      {"country", AttrType::kString},
                                                      {"aliases", AttrType::kString},
                                                      {"attributes", AttrType::kString}}};
std::array<std::string, kActorAttrs.size()> actorValues(const Actor& a);

// Edges: edge_id (0 for a collapsed edge), type, mode, cameo, title, from,
// to (dates as in the JSON contract, "" when unknown), date_basis, confidence,
// sources, evidence_count, src_code, dst_code, weight (edges merged, 1
// without --collapse).
inline constexpr std::array<AttrSpec, 14> kEdgeAttrs{{{"edge_id", AttrType::kLong},
                                                      {"type", AttrType::kString},
                                                      {"mode", AttrType::kString},
                                                      {"cameo", AttrType::kString},
                                                      {"title", AttrType::kString},
                                                      {"from", AttrType::kString},
                                                      {"to", AttrType::kString},
                                                      {"date_basis", AttrType::kString},
                                                      {"confidence", AttrType::kDouble},
                                                      {"sources", AttrType::kInt},
                                                      {"evidence_count", AttrType::kInt},
                                                      {"src_code", AttrType::kString},
                                                      {"dst_code", AttrType::kString},
                                                      {"weight", AttrType::kInt}}};
std::array<std::string, kEdgeAttrs.size()> edgeValues(const ExportEdge& e);

// "ASSAULT 2020-01-03", "OFFICIAL_OF (Prime Minister) 2018-10-25..2020-05-06",
// "ASSAULT x3 2019-12-27..2020-01-03" for a collapsed edge.
std::string edgeLabel(const ExportEdge& e);

}  // namespace kg::exports
