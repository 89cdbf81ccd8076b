// A small ActorGraph client: connects to kgd, ingests a corpus directory and
// prints how two actors are connected.
//
//   kg_example_client HOST:PORT [CORPUS_DIR] [FROM] [TO]
//
// Defaults: the project's examples/corpus, from "Mike Pompeo" to
// "Qassem Soleimani". See examples/README.md.
#include <iostream>
#include <string>
#include <vector>

#include "core/local_ingest.h"
#include "rpc/client.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " HOST:PORT [CORPUS_DIR] [FROM] [TO]\n";
    return 2;
  }
  const std::string address = argv[1];
  const std::string corpus = argc > 2 ? argv[2] : KG_EXAMPLE_CORPUS;
  const std::string from = argc > 3 ? argv[3] : "Mike Pompeo";
  const std::string to = argc > 4 ? argv[4] : "Qassem Soleimani";

  // 1. Connect.
  auto connected = kg::rpc::Client::connect(address);
  if (!connected) {
    std::cerr << "error: " << connected.status().message() << "\n";
    return 1;
  }
  kg::rpc::Client& kgd = *connected.value();

  // 2. Read the corpus as `kg ingest` would (text, HTML, JSON Lines) and send it.
  std::vector<kg::core::IngestDocument> docs;
  std::vector<std::string> warnings;
  kg::core::readDocuments({corpus}, [&](kg::core::IngestDocument&& d) { docs.push_back(std::move(d)); }, &warnings);
  for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
  auto report = kgd.ingest(docs);
  if (!report) {
    std::cerr << "error: ingest: " << report.status().message() << "\n";
    return 1;
  }
  std::cout << "ingested " << report->documents << " documents: " << report->articles << " articles ("
            << report->articlesSkipped << " already stored), " << report->actorsNew << " new actors, "
            << report->edgesNew << " new edges\n";
  auto stats = kgd.stats();
  if (stats)
    std::cout << "the graph now holds " << stats->actors << " actors and " << stats->edges << " edges\n";

  // 3. Ask for a path and print it hop by hop, with a line of evidence.
  kg::core::PathQuery q;
  q.from = from;
  q.to = to;
  q.options.mode = kg::query::PathMode::kShortest;
  q.evidence = 1;
  auto paths = kgd.paths(q);
  if (!paths) {
    std::cerr << "error: path: " << paths.status().message() << "\n";
    return 1;
  }
  for (const auto& p : paths->paths) {
    std::cout << "\n" << p.nodes.front().name << "\n";
    for (size_t i = 0; i < p.edges.size(); ++i) {
      const kg::Edge& e = p.edges[i];
      const bool forward = e.src == p.nodes[i].id;
      std::string when = "undated";
      if (e.when.anyKnown()) {
        when = e.when.from.known() ? e.when.from.toString() : "?";
        if (!(e.when.to == e.when.from)) when += ".." + e.when.to.toString();
      }
      std::cout << "  " << (forward ? "--" : "<-") << kg::edgeTypeName(e.type) << " (" << when << ")"
                << (forward ? "--> " : "-- ") << p.nodes[i + 1].name << "\n";
      if (!e.evidence.empty()) std::cout << "      \"" << e.evidence.front().text << "\"\n";
    }
  }
  return 0;
}
