// A named events file of a TKG set (importer.h kTkg, a file): events_named.tsv,
// `date t subject relation object split` with a header line, the relation a
// CAMEO event name ("Make statement") or code.
#include <algorithm>
#include <filesystem>

#include "core/import_run.h"

namespace kg::core::importing {

namespace {

namespace fs = std::filesystem;

struct NamedColumns {
  size_t date = 0, subject = 0, relation = 0, object = 0, count = 0;
};

Result<NamedColumns> readHeader(std::string_view line, const std::string& path) {
  auto f = splitTabs(line);
  NamedColumns c;
  c.count = f.size();
  auto need = [&](const char* name, size_t* out) -> Status {
    auto it = std::find_if(f.begin(), f.end(), [&](std::string_view x) { return trim(x) == name; });
    if (it == f.end())
      return Status::invalidArgument(path + ":1: the header has no '" + name +
                                     "' column; a named events file starts with 'date<TAB>t<TAB>subject<TAB>relation<TAB>object'");
    *out = static_cast<size_t>(it - f.begin());
    return Status::ok();
  };
  KG_RETURN_IF_ERROR(need("date", &c.date));
  KG_RETURN_IF_ERROR(need("subject", &c.subject));
  KG_RETURN_IF_ERROR(need("relation", &c.relation));
  KG_RETURN_IF_ERROR(need("object", &c.object));
  return c;
}

// relation name or code -> (code, event, evidence text), cached per relation.
struct NamedRelation {
  std::string code;
  std::optional<PloverEvent> event;
  std::string text;
};

class NamedReader {
 public:
  NamedReader(ImportRun& run, const std::string& path, const CameoNames& names, NamedColumns c)
      : run_(run), path_(path), names_(names), c_(c) {
    const fs::path p = fs::absolute(path).lexically_normal();
    doc_ = "tkg:" + p.parent_path().filename().string() + "/" + p.filename().string();
  }

  Status row(size_t lineNo, std::string_view line) {
    auto f = splitTabs(line);
    if (f.size() != c_.count)
      return run_.malformed(path_, lineNo, "expected " + std::to_string(c_.count) + " tab-separated fields, got " +
                                               std::to_string(f.size()));
    auto date = Date::parse(trim(f[c_.date]));
    if (!date || date->precision() != DatePrecision::kDay)
      return run_.malformed(path_, lineNo, "bad date '" + std::string(trim(f[c_.date]).substr(0, 40)) + "' (want YYYY-MM-DD)");
    const std::string src(trim(f[c_.subject])), dst(trim(f[c_.object]));
    if (src.empty() || dst.empty()) return run_.malformed(path_, lineNo, "empty subject or object");
    // The actors a row names are stored before its relation is checked.
    auto s = run_.actor(src, {}, {});
    if (s.status().code() == StatusCode::kInvalidArgument) return run_.malformed(path_, lineNo, s.status().message());
    if (!s) return s.status();
    auto d = run_.actor(dst, {}, {});
    if (d.status().code() == StatusCode::kInvalidArgument) return run_.malformed(path_, lineNo, d.status().message());
    if (!d) return d.status();
    const NamedRelation& rel = relation(trim(f[c_.relation]));
    if (!rel.event)
      return run_.malformed(path_, lineNo, "relation '" + std::string(trim(f[c_.relation])) +
                                               "' is not a CAMEO event code or name");
    if (s.value() == d.value()) {
      run_.noActorPair(path_, lineNo, "subject and object are the same actor ('" + src +
                                          "'): no edge joins an actor to itself");
      return Status::ok();
    }
    return run_.event(s.value(), d.value(), *rel.event, rel.code, date.value(), doc_, static_cast<uint32_t>(lineNo),
                      rel.text);
  }

 private:
  const NamedRelation& relation(std::string_view name) {
    auto it = relations_.find(std::string(name));
    if (it != relations_.end()) return it->second;
    NamedRelation r;
    if (allDigits(name)) {
      r.code = std::string(name);
      r.text = names_.nameOf(name);
      if (r.text.empty()) r.text = "CAMEO " + r.code;
    } else {
      auto code = names_.codeOf(name);
      r.code = code ? *code : "?" + std::string(name);
      r.text = std::string(name);
    }
    r.event = eventForCameo(r.code);
    return relations_.emplace(std::string(name), std::move(r)).first->second;
  }

  ImportRun& run_;
  const std::string& path_;
  const CameoNames& names_;
  NamedColumns c_;
  std::string doc_;
  std::unordered_map<std::string, NamedRelation> relations_;
};

}  // namespace

Result<ImportSummary> importNamedEvents(storage::GraphStore& store, const ImportOptions& opt) {
  auto text = readWholeFile(opt.path);
  if (!text) return text.status();
  auto columns = readHeader(firstLine(text.value()), opt.path);
  if (!columns) return columns.status();
  auto dir = cameoDirectory(opt.cameoDir, cameoCandidates(opt.path));
  if (!dir) return Status::failedPrecondition(dir.status().message());
  auto names = CameoNames::load(dir.value());
  if (!names) return names.status();
  ImportRun run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());
  NamedReader reader(run, opt.path, names.value(), columns.value());
  KG_RETURN_IF_ERROR(forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
    if (lineNo == 1 || trim(line).empty()) return Status::ok();
    run.countRow();
    return reader.row(lineNo, line);
  }));
  return run.finish();
}

}  // namespace kg::core::importing
