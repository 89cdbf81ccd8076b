// PLOVER / POLECAT event records, one JSON object per line (importer.h
// kPlover), as `kg export --format plover` writes them.
#include <nlohmann/json.hpp>

#include "core/import_run.h"

namespace kg::core::importing {

namespace {

using nlohmann::json;

// Record fields the edge itself holds (not kept again as attributes).
constexpr const char* kEdgeFields[] = {"id", "event_id", "event_date", "event_type", "mode", "event_mode",
                                       "actor", "recipient", "actor_country", "recipient_country",
                                       "cameo", "event_text"};
// Other spellings of the attributes every format shares (README "Imported fields").
constexpr std::pair<const char*, const char*> kRenamed[] = {
    {"source", "publisher"}, {"story_date", "publication_date"}, {"place_name", "place"}, {"placename", "place"},
    {"latitude", "lat"}, {"longitude", "lon"}, {"long", "lon"}, {"actor_role", "src_role"},
    {"recipient_role", "dst_role"}, {"confidence", "plover_confidence"}, {"sources", "plover_sources"}};

bool isEdgeField(const std::string& key) {
  for (const char* k : kEdgeFields)
    if (key == k) return true;
  return false;
}

std::string attributeName(const std::string& key) {
  for (const auto& [from, to] : kRenamed)
    if (key == from) return to;
  return key;
}

// A scalar as text: strings as they are, numbers and booleans as JSON writes them.
std::string scalarText(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Every field the edge does not hold, as attributes: scalars as text, arrays
// of scalars joined by "; ", objects (a POLECAT location) one level deep as
// "key.field" (the first element of an array of objects).
void putAttributes(Attributes& a, const std::string& prefix, const json& record) {
  for (const auto& [key, v] : record.items()) {
    if (prefix.empty() && isEdgeField(key)) continue;
    const std::string name = prefix.empty() ? attributeName(key) : prefix + attributeName(key);
    if (v.is_null()) continue;
    if (v.is_object()) {
      if (prefix.empty()) putAttributes(a, name + ".", v);
      continue;
    }
    if (v.is_array()) {
      if (!v.empty() && v.front().is_object()) {
        if (prefix.empty()) putAttributes(a, name + ".", v.front());
        continue;
      }
      std::string joined;
      for (const auto& x : v) {
        if (x.is_structured() || x.is_null()) continue;
        if (!joined.empty()) joined += "; ";
        joined += scalarText(x);
      }
      if (!joined.empty()) a[name] = joined;
      continue;
    }
    std::string text = scalarText(v);
    if (!text.empty()) a[name] = std::move(text);
  }
}

// A string field, or the "name" of an object (POLECAT actors); "" when absent.
std::string nameField(const json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    auto n = it->find("name");
    if (n != it->end() && n->is_string()) return n->get<std::string>();
  }
  return {};
}

std::string idOf(const json& record) {
  for (const char* key : {"id", "event_id"}) {
    auto it = record.find(key);
    if (it != record.end() && (it->is_string() || it->is_number_integer()) && !scalarText(*it).empty())
      return scalarText(*it);
  }
  return {};
}

class PloverReader {
 public:
  PloverReader(ImportRun& run, const std::string& path) : run_(run), path_(path) {}

  Status line(size_t lineNo, std::string_view text) {
    json record = json::parse(text, nullptr, false);
    if (record.is_discarded() || !record.is_object())
      return run_.malformed(path_, lineNo, "not a JSON object: '" + std::string(text.substr(0, 60)) + "'");
    const std::string id = idOf(record);
    if (id.empty()) return run_.malformed(path_, lineNo, "no \"id\" (or \"event_id\")");
    auto type = parseEdgeType(nameField(record, "event_type"));
    if (!type) return run_.malformed(path_, lineNo, "\"event_type\": " + type.status().message());
    Date date;
    if (std::string d = nameField(record, "event_date"); !d.empty()) {
      auto parsed = Date::parse(d);
      if (!parsed || !parsed->known()) return run_.malformed(path_, lineNo, "bad \"event_date\" '" + d + "'");
      date = parsed.value();
    }
    const std::string cameo = nameField(record, "cameo");
    if (!cameo.empty() && !eventForCameo(cameo))
      return run_.malformed(path_, lineNo, "\"cameo\" '" + cameo + "' is not a CAMEO event code");
    std::string mode = nameField(record, "mode");
    if (mode.empty()) mode = nameField(record, "event_mode");
    return ends(lineNo, record, PloverEvent{type.value(), mode, cameo}, date, id);
  }

 private:
  Status ends(size_t lineNo, const json& record, PloverEvent ev, const Date& date, const std::string& id) {
    ActorId ids[2] = {0, 0};
    const char* roles[2] = {"actor", "recipient"};
    const char* countries[2] = {"actor_country", "recipient_country"};
    for (int i = 0; i < 2; ++i) {
      const std::string name = nameField(record, roles[i]);
      if (name.empty()) continue;
      auto a = run_.actor(name, nameField(record, countries[i]), {});
      if (a.status().code() == StatusCode::kInvalidArgument) return run_.malformed(path_, lineNo, a.status().message());
      if (!a) return a.status();
      ids[i] = a.value();
    }
    if (!ids[0] || !ids[1]) {
      run_.noActorPair(path_, lineNo, std::string("no \"") + (ids[0] ? "recipient" : "actor") + "\": no edge");
      return Status::ok();
    }
    if (ids[0] == ids[1]) {
      run_.noActorPair(path_, lineNo, "actor and recipient are the same actor: no edge joins an actor to itself");
      return Status::ok();
    }
    Attributes attrs;
    putAttributes(attrs, "", record);
    const std::string cameo(ev.code);
    ev.code = "";
    return run_.event(ids[0], ids[1], ev, cameo, date, "plover:" + id, 0, nameField(record, "event_text"),
                      std::move(attrs));
  }

  ImportRun& run_;
  const std::string& path_;
};

}  // namespace

Result<ImportSummary> importPlover(storage::GraphStore& store, const ImportOptions& opt) {
  auto text = readWholeFile(opt.path);
  if (!text) return text.status();
  ImportRun run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());
  PloverReader reader(run, opt.path);
  KG_RETURN_IF_ERROR(forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
    if (trim(line).empty()) return Status::ok();
    run.countRow();
    return reader.line(lineNo, line);
  }));
  if (run.summary().rows == 0) return Status::invalidArgument(opt.path + ": no PLOVER records (one JSON object per line)");
  return run.finish();
}

}  // namespace kg::core::importing
