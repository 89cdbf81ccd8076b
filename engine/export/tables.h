// Table exports into a directory:
//  csv    actors.csv (id + the actor columns of attributes.h) and edges.csv
//         (src, src_name, dst, dst_name + the edge columns), RFC 4180, with
//         a header row.
//  neo4j  actors.csv and relationships.csv in the header syntax of
//         `neo4j-admin database import` (:ID(Actor), :LABEL, :START_ID(Actor),
//         :END_ID(Actor), :TYPE, typed properties: name:string, aliases:string[],
//         confidence:float, sources:int, ...), arrays split on '|', plus
//         neo4j-import.sh with the command that loads them.
// Streamed: rows are written as they arrive.
#pragma once

#include <memory>
#include <string>

#include "export/writer.h"

namespace kg::exports {

// IOError when a file in `dir` cannot be created. `dir` must exist.
Result<std::unique_ptr<GraphWriter>> newCsvWriter(const std::string& dir);
Result<std::unique_ptr<GraphWriter>> newNeo4jWriter(const std::string& dir);

// The Neo4j label of an actor kind: Person, Organisation, ArmedGroup, State,
// GovernmentBody, Media, Other.
std::string neo4jKindLabel(ActorKind k);

}  // namespace kg::exports
