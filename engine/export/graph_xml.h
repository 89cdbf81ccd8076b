// GraphML and GEXF 1.2 writers: every actor and edge attribute of
// attributes.h, a `label` for Gephi and Cytoscape (GraphML: a node key named
// "label" and one for edges; GEXF: the label attribute), and — when the
// output was cut by --limit — a graph attribute `truncated` (GraphML) or a
// meta description and keyword (GEXF). Node ids are "a<actor id>", edge ids
// "e<edge id>" (or "c<n>" for collapsed edges). Streamed: each actor and
// edge is written as it arrives.
#pragma once

#include <memory>
#include <string>

#include "export/attributes.h"

#include "export/sink.h"
#include "export/writer.h"

namespace kg::exports {

// The writers borrow `sink`, which must outlive them.
std::unique_ptr<GraphWriter> newGraphmlWriter(Sink& sink);
std::unique_ptr<GraphWriter> newGexfWriter(Sink& sink);

// Pieces of a GraphML file, shared with kg neighbors/path --format graphml
// (tools/kg/graph_output.cpp), which draws a query's subgraph the same way.
// The XML declaration, the <graphml> element and the keys truncated,
// description (graph) and label (node).
void appendGraphmlPreamble(std::string* out);
// One <key> line: id `idPrefix` + attribute name, for `domain` ("node" or
// "edge"), with the attribute's GraphML type.
void appendGraphmlKey(std::string* out, const char* domain, const char* idPrefix, const AttrSpec& attr);

}  // namespace kg::exports
