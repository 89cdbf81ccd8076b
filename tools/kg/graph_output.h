// Drawing-tool output of a subgraph: Graphviz DOT and GraphML (readable by
// networkx.read_graphml, Gephi, yEd). Pure functions; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "model/actor.h"
#include "model/edge.h"

namespace kg::cli {

// A directed multigraph: one node per actor, one edge per fact, labelled
// "TYPE date" (edges among actors missing from `actors` are still drawn).
std::string toDot(const std::vector<Actor>& actors, const std::vector<Edge>& edges);
// GraphML with node keys name, kind and edge keys type, from, to, confidence,
// edge_id, evidence (the first snippet). Dates as in the JSON contract, "" when unknown.
std::string toGraphml(const std::vector<Actor>& actors, const std::vector<Edge>& edges);

}  // namespace kg::cli
