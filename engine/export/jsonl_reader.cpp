#include "export/jsonl_reader.h"

#include <unordered_set>

#include "core/engine.h"
#include "export/jsonl.h"

namespace kg::exports {

namespace {
constexpr size_t kBatchRecords = 4096;
}  // namespace

Result<RestoreSummary> restoreJsonl(std::istream& in, const std::string& name, storage::GraphStore& store) {
  auto stats = store.stats();
  if (!stats) return stats.status();
  if (stats->actors || stats->edges)
    return Status::failedPrecondition("kg import --format jsonl restores into an empty database (it keeps the ids); "
                                      "this one has " + std::to_string(stats->actors) + " actors and " +
                                      std::to_string(stats->edges) + " edges");
  RestoreSummary sum;
  std::unordered_set<ActorId> actors;
  auto batch = store.newBatch();
  std::string line;
  auto bad = [&](const std::string& what) {
    return Status::invalidArgument(name + ":" + std::to_string(sum.lines) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++sum.lines;
    if (line.empty() || line == "\r") continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      return bad(std::string("not JSON: ") + e.what());
    }
    if (!j.is_object() || !j.contains("record") || !j["record"].is_string()) return bad("no \"record\" field");
    const std::string record = j["record"].get<std::string>();
    if (record == "header") {
      if (j.value("format", "") != kJsonlFormat) return bad("not an ActorGraph jsonl export (format is not '" +
                                                           std::string(kJsonlFormat) + "')");
      if (j.value("version", 0) != kJsonlVersion)
        return bad("jsonl version " + std::to_string(j.value("version", 0)) + " is not " + std::to_string(kJsonlVersion));
      sum.truncated = j.value("truncated", false);
      continue;
    }
    if (record == "actor") {
      auto a = parseActorRecord(j);
      if (!a) return bad(a.status().message());
      if (!actors.insert(a->id).second) return bad("actor id " + std::to_string(a->id) + " appears twice");
      auto put = batch->putActor(*a, core::Engine::nameKeysFor(*a));
      if (!put) return bad(put.status().message());
      ++sum.actors;
    } else if (record == "edge") {
      auto e = parseEdgeRecord(j);
      if (!e) return bad(e.status().message());
      for (ActorId id : {e->first.src, e->first.dst})
        if (!actors.count(id))
          return bad("edge " + std::to_string(e->first.id) + " refers to actor " + std::to_string(id) +
                     ", which no earlier actor line defines");
      sum.evidence += e->first.evidence.size();
      KG_RETURN_IF_ERROR([&]() -> Status {
        Status s = batch->restoreEdge(e->first, e->second);
        return s.isOk() ? s : bad(s.message());
      }());
      ++sum.edges;
    } else if (record == "document") {
      auto d = parseDocumentRecord(j);
      if (!d) return bad(d.status().message());
      KG_RETURN_IF_ERROR([&]() -> Status {
        Status s = batch->putDocument(*d);
        return s.isOk() ? s : bad(s.message());
      }());
      ++sum.documents;
    } else {
      return bad("unknown record '" + record + "' (header, actor, edge or document)");
    }
    if (batch->size() >= kBatchRecords) KG_RETURN_IF_ERROR(store.commit(*batch));
  }
  if (in.bad()) return Status::ioError("cannot read " + name);
  if (batch->size()) KG_RETURN_IF_ERROR(store.commit(*batch));
  return sum;
}

}  // namespace kg::exports
