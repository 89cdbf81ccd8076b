#include "export/exporter.h"

#include <filesystem>
#include <set>

#include "export/dot.h"
#include "export/graph_xml.h"
#include "export/jsonl.h"
#include "export/plover.h"
#include "export/tables.h"

namespace kg::exports {

namespace {
constexpr const char* kNames[] = {"graphml", "gexf", "dot", "jsonl", "csv", "neo4j", "nebula", "plover"};
}  // namespace

Result<Format> parseFormat(std::string_view s) {
  for (size_t i = 0; i < std::size(kNames); ++i)
    if (s == kNames[i]) return static_cast<Format>(i);
  return Status::invalidArgument("unknown export format '" + std::string(s) + "'; use one of " + kFormatList);
}

const char* formatName(Format f) { return kNames[static_cast<size_t>(f)]; }

bool writesDirectory(Format f) { return f == Format::kCsv || f == Format::kNeo4j || f == Format::kNebula; }

Result<ExportStats> exportGraph(const storage::GraphStore& store, const ExportRequest& req) {
  const Format f = req.format;
  if (req.selection.collapse && (f == Format::kJsonl || f == Format::kPlover))
    return Status::invalidArgument(std::string("--collapse does not apply to ") + formatName(f) +
                                   ", which keeps each fact with its evidence");
  std::unique_ptr<Sink> sink;
  Result<std::unique_ptr<GraphWriter>> writer = Status::internal("no writer");
  if (writesDirectory(f)) {
    if (req.out.empty() || req.out == "-")
      return Status::invalidArgument(std::string(formatName(f)) + " writes several files: give a directory with --out DIR");
    std::error_code ec;
    std::filesystem::create_directories(req.out, ec);
    if (ec || !std::filesystem::is_directory(req.out))
      return Status::ioError("cannot create directory '" + req.out + "'" + (ec ? ": " + ec.message() : ""));
  } else {
    if (!req.out.empty() && req.out != "-" && std::filesystem::is_directory(req.out))
      return Status::invalidArgument(std::string(formatName(f)) + " writes one file, and '" + req.out +
                                     "' is a directory");
  }
  // Select first: a bad filter or unknown actor creates no file.
  auto scan = SelectionScan::prepare(store, req.selection);
  if (!scan) return scan.status();

  switch (f) {
    case Format::kCsv: writer = newCsvWriter(req.out); break;
    case Format::kNeo4j: writer = newNeo4jWriter(req.out); break;
    case Format::kNebula: writer = newNebulaWriter(req.out, req.nebula); break;
    default: {
      auto s = Sink::open(req.out);
      if (!s) return s.status();
      sink = std::move(s).value();
      if (f == Format::kGraphml) writer = newGraphmlWriter(*sink);
      else if (f == Format::kGexf) writer = newGexfWriter(*sink);
      else if (f == Format::kDot) writer = newDotWriter(*sink);
      else if (f == Format::kJsonl) writer = newJsonlWriter(*sink);
      else writer = newPloverWriter(*sink);
    }
  }
  if (!writer) return writer.status();
  GraphWriter& w = **writer;

  ExportStats stats;
  stats.truncated = scan->truncated();
  ExportInfo info;
  info.truncated = scan->truncated();
  info.limit = req.selection.limit;
  info.collapsed = req.selection.collapse;
  info.description = req.description;
  if (info.truncated)
    info.description += (info.description.empty() ? "" : "; ") + std::string("truncated: only the first ") +
                        std::to_string(req.selection.limit) + " matching edges (--limit)";
  info.store = &store;
  KG_RETURN_IF_ERROR(w.begin(info));
  KG_RETURN_IF_ERROR(scan->forEachActor([&](const Actor& a) {
    ++stats.actors;
    return w.actor(a);
  }));
  const size_t evidence = w.evidenceLimit();
  const bool whole = req.selection.wholeGraph();
  std::set<DocId> cited;  // filtered exports: the documents their evidence cites
  KG_RETURN_IF_ERROR(scan->forEachEdge([&](ExportEdge& e) -> Status {
    if (evidence && e.edge.id) {
      auto ev = store.getEvidence(e.edge.id, evidence);
      if (!ev) return ev.status();
      e.edge.evidence = std::move(ev).value();
      if (!whole && w.wantsDocuments())
        for (const auto& x : e.edge.evidence)
          if (!x.doc.empty()) cited.insert(x.doc);
    }
    ++stats.edges;
    if (req.progress) req.progress(stats.edges);
    return w.edge(e);
  }));
  if (w.wantsDocuments()) {
    if (whole) {
      Status err;
      KG_RETURN_IF_ERROR(store.scanDocuments([&](const Document& d) {
        ++stats.documents;
        err = w.document(d);
        return err.isOk() ? storage::Scan::kContinue : storage::Scan::kStop;
      }));
      KG_RETURN_IF_ERROR(err);
    } else {
      for (const auto& id : cited) {
        auto d = store.getDocument(id);
        if (!d) return d.status();
        if (!d->has_value()) continue;
        ++stats.documents;
        KG_RETURN_IF_ERROR(w.document(**d));
      }
    }
  }
  stats.skipped = scan->skippedEdges();
  KG_RETURN_IF_ERROR(w.finish());
  return stats;
}

}  // namespace kg::exports
