// Drawing-tool output of a query's subgraph (kg neighbors / kg path
// --format dot|graphml): Graphviz DOT and GraphML (networkx.read_graphml,
// Gephi, Cytoscape, yEd), with the attributes and labels of kg export
// (engine/export/attributes.h) except the evidence count, which query results
// do not carry; GraphML adds the first evidence snippet. A cut answer
// (`truncated`: --limit/--fanout, --max-paths) says so in a graph attribute.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "model/actor.h"
#include "model/edge.h"

namespace kg::cli {

// A directed multigraph: one node per actor, one edge per fact, labelled
// "TYPE date" (edges among actors missing from `actors` are still drawn).
std::string toDot(const std::vector<Actor>& actors, const std::vector<Edge>& edges, bool truncated,
                  const std::string& cutBy);
// GraphML with a `label` key on nodes and edges, the actor keys name, kind,
// country, aliases, attributes and the edge keys edge_id, type, mode, cameo,
// title, from, to, date_basis, confidence, sources, src_code, dst_code,
// evidence (the first snippet); graph keys truncated and description.
// Dates as in the JSON contract, "" when unknown.
std::string toGraphml(const std::vector<Actor>& actors, const std::vector<Edge>& edges, bool truncated,
                      const std::string& cutBy);

}  // namespace kg::cli
