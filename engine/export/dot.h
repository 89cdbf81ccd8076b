// Graphviz DOT writer: a digraph with one node per actor (label = name, plus
// every attribute of attributes.h) and one edge per fact (label "TYPE date").
// A cut output carries graph attributes truncated="true" and a visible label
// saying so. Streamed. Node ids are the actor ids.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "export/sink.h"
#include "export/writer.h"

namespace kg::exports {

// Borrows `sink`, which must outlive the writer.
std::unique_ptr<GraphWriter> newDotWriter(Sink& sink);

// Appends `text` as a DOT quoted string: '"' and '\\' escaped, line breaks
// as \n, invalid UTF-8 replaced by U+FFFD. Also used by kg neighbors/path
// --format dot (tools/kg/graph_output.cpp).
void appendDotQuoted(std::string* out, std::string_view text);

}  // namespace kg::exports
