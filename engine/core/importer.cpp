#include "core/importer.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/cameo.h"
#include "core/import_run.h"
#include "extract/actors/name_fold.h"

namespace kg::core {

namespace {

namespace fs = std::filesystem;
using namespace importing;

// Whitespace-separated unsigned integers; false on anything else.
bool parseInts(std::string_view line, int64_t* out, size_t maxFields, size_t* count) {
  size_t n = 0, i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    if (n == maxFields) return false;
    int64_t v = 0;
    size_t start = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
      v = v * 10 + (line[i] - '0');
      if (v > (int64_t{1} << 40)) return false;
      ++i;
    }
    if (i == start || (i < line.size() && line[i] != ' ' && line[i] != '\t')) return false;
    out[n++] = v;
  }
  *count = n;
  return true;
}

}  // namespace

const char* timeUnitName(TimeUnit u) {
  switch (u) {
    case TimeUnit::kMinutes: return "minutes";
    case TimeUnit::kHours: return "hours";
    case TimeUnit::kDays: return "days";
  }
  return "?";
}

Result<TimeUnit> parseTimeUnit(std::string_view s) {
  if (s == "minutes" || s == "minute") return TimeUnit::kMinutes;
  if (s == "hours" || s == "hour") return TimeUnit::kHours;
  if (s == "days" || s == "day") return TimeUnit::kDays;
  return Status::invalidArgument("unknown time unit '" + std::string(s) + "'; use minutes, hours or days");
}

int64_t dayOfTimeIndex(int64_t t, TimeUnit unit, int32_t epochDay) {
  int64_t per = unit == TimeUnit::kMinutes ? 1440 : unit == TimeUnit::kHours ? 24 : 1;
  int64_t q = t / per;
  if (t % per != 0 && t < 0) --q;  // floor
  return epochDay + q;
}

TimeUnit guessTimeUnit(uint64_t gcdOfTimes) {
  if (gcdOfTimes != 0 && gcdOfTimes % 24 == 0) return TimeUnit::kHours;
  if (gcdOfTimes > 1 && 1440 % gcdOfTimes == 0) return TimeUnit::kMinutes;
  return TimeUnit::kDays;
}


namespace {

// `name<TAB>id` lines -> names by id. Ids are dense (0..n-1 in the TKG
// sets); one far beyond the number of lines, or given twice, is an error
// naming its line, never an allocation sized by it or a silent overwrite.
Result<std::vector<std::string>> readIdFile(const std::string& path) {
  auto text = readWholeFile(path);
  if (!text) return text.status();
  std::unordered_map<int64_t, std::pair<std::string, size_t>> byId;  // id -> (name, line)
  int64_t maxId = -1;
  size_t maxLine = 0;
  Status st = forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
    if (trim(line).empty()) return Status::ok();
    const std::string where = path + ":" + std::to_string(lineNo);
    auto tab = line.rfind('\t');
    int64_t id = -1;
    size_t n = 0;
    if (tab == std::string_view::npos || !parseInts(line.substr(tab + 1), &id, 1, &n) || n != 1)
      return Status::invalidArgument(where + ": expected name<TAB>id, got '" + printable(line.substr(0, 80)) + "'");
    auto [it, added] = byId.emplace(id, std::make_pair(std::string(trim(line.substr(0, tab))), lineNo));
    if (!added)
      return Status::invalidArgument(where + ": id " + std::to_string(id) + " was already given on line " +
                                     std::to_string(it->second.second) + " ('" + printable(it->second.first) + "')");
    if (id > maxId) maxId = id, maxLine = lineNo;
    return Status::ok();
  });
  if (!st.isOk()) return st;
  constexpr int64_t kSlack = 1024;  // ids may skip a few numbers
  if (maxId >= static_cast<int64_t>(byId.size()) * 2 + kSlack)
    return Status::invalidArgument(path + ":" + std::to_string(maxLine) + ": id " + std::to_string(maxId) +
                                   " is far beyond the " + std::to_string(byId.size()) +
                                   " entries of the file; ids must number the entries from 0");
  std::vector<std::string> out(static_cast<size_t>(maxId + 1));
  for (auto& [id, entry] : byId) out[static_cast<size_t>(id)] = std::move(entry.first);
  return out;
}

struct Relation {
  std::optional<PloverEvent> event;
  std::string code;  // CAMEO code, or "?<name>" when the name has none
  std::string text;  // evidence text: the CAMEO event name
};

Result<ImportSummary> importTkg(storage::GraphStore& store, const ImportOptions& opt) {
  const fs::path dir(opt.path);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::notFound("'" + opt.path + "' is not a directory of TKG files");
  auto entities = readIdFile((dir / "entity2id.txt").string());
  if (!entities) return entities.status();
  auto relations = readIdFile((dir / "relation2id.txt").string());
  if (!relations) return relations.status();

  // Relation -> edge type (eventForCameo), through the CAMEO code list for names.
  std::optional<CameoNames> names;
  bool needNames = !std::all_of(relations->begin(), relations->end(), [](const std::string& r) { return r.empty() || allDigits(r); });
  std::optional<std::string> cameoDir;
  if (auto d = cameoDirectory(opt.cameoDir, cameoCandidates(opt.path)); d) cameoDir = d.value();
  else if (needNames) return Status::failedPrecondition(d.status().message());
  if (cameoDir) {
    auto n = CameoNames::load(*cameoDir);
    if (!n) {
      if (needNames) return n.status();
    } else {
      names = std::move(n).value();
    }
  }
  std::vector<Relation> rels(relations->size());
  for (size_t i = 0; i < rels.size(); ++i) {
    const std::string& r = (*relations)[i];
    if (r.empty()) continue;
    if (allDigits(r)) {
      rels[i].code = r;
      rels[i].text = names ? names->nameOf(r) : "";
      if (rels[i].text.empty()) rels[i].text = "CAMEO " + r;
    } else {
      auto code = names->codeOf(r);
      rels[i].code = code ? *code : "?" + r;
      rels[i].text = r;
    }
    rels[i].event = eventForCameo(rels[i].code);
  }

  std::vector<std::string> files = opt.files;
  if (files.empty())
    for (const char* f : {"train.txt", "valid.txt", "test.txt"})
      if (fs::exists(dir / f, ec)) files.push_back(f);
  if (files.empty()) return Status::notFound("no quadruple files (train.txt, valid.txt, test.txt) in '" + opt.path + "'");

  ImportRun run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());

  // Pass 1: parse every line (the time unit needs all of them).
  struct Quad {
    uint32_t s, r, o, file;
    int64_t t;
    uint32_t line;
  };
  std::vector<Quad> quads;
  uint64_t gcd = 0;
  std::vector<std::string> docs;
  const std::string setName = fs::absolute(dir).lexically_normal().filename().string().empty()
                                  ? fs::absolute(dir).lexically_normal().parent_path().filename().string()
                                  : fs::absolute(dir).lexically_normal().filename().string();
  for (uint32_t fi = 0; fi < files.size(); ++fi) {
    const std::string path = (dir / files[fi]).string();
    docs.push_back("tkg:" + setName + "/" + files[fi]);
    auto text = readWholeFile(path);
    if (!text) return text.status();
    quads.reserve(quads.size() + text->size() / 20);
    KG_RETURN_IF_ERROR(forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
      if (trim(line).empty()) return Status::ok();
      run.countRow();
      int64_t v[5];
      size_t n = 0;
      if (!parseInts(line, v, 5, &n) || n < 4)
        return run.malformed(path, lineNo, "expected 'subject relation object time' as 4 or 5 non-negative integers, got '" +
                                               std::string(line.substr(0, 80)) + "'");
      if (static_cast<size_t>(v[0]) >= entities->size() || (*entities)[v[0]].empty())
        return run.malformed(path, lineNo, "unknown entity id " + std::to_string(v[0]));
      if (static_cast<size_t>(v[2]) >= entities->size() || (*entities)[v[2]].empty())
        return run.malformed(path, lineNo, "unknown entity id " + std::to_string(v[2]));
      if (static_cast<size_t>(v[1]) >= rels.size() || (*relations)[v[1]].empty())
        return run.malformed(path, lineNo, "unknown relation id " + std::to_string(v[1]));
      gcd = std::gcd(gcd, static_cast<uint64_t>(v[3]));
      quads.push_back(Quad{static_cast<uint32_t>(v[0]), static_cast<uint32_t>(v[1]), static_cast<uint32_t>(v[2]), fi,
                           v[3], static_cast<uint32_t>(lineNo)});
      return Status::ok();
    }));
  }
  TimeUnit unit = opt.timeUnit ? *opt.timeUnit : guessTimeUnit(gcd);
  run.summary().timeUnit = timeUnitName(unit);
  run.summary().timeUnitGuessed = !opt.timeUnit.has_value();

  // Pass 2: actors and edges.
  std::vector<ActorId> ids(entities->size(), 0);
  const int32_t epoch = opt.epoch.days();
  for (const Quad& q : quads) {
    const Relation& rel = rels[q.r];
    // The actors a row names are stored before its relation is checked.
    bool named = true;
    for (uint32_t e : {q.s, q.o}) {
      if (ids[e]) continue;
      auto id = run.actor((*entities)[e], {}, {});
      if (id.status().code() == StatusCode::kInvalidArgument) {
        KG_RETURN_IF_ERROR(run.malformed((dir / files[q.file]).string(), q.line, id.status().message()));
        named = false;
        break;
      }
      if (!id) return id.status();
      ids[e] = id.value();
    }
    if (!named) continue;
    if (!rel.event) {
      KG_RETURN_IF_ERROR(run.malformed((dir / files[q.file]).string(), q.line,
                                       "relation '" + (*relations)[q.r] + "' is not a CAMEO event code or name"));
      continue;
    }
    if (q.s == q.o || ids[q.s] == ids[q.o]) {
      run.noActorPair((dir / files[q.file]).string(), q.line,
                      "subject and object are the same actor ('" + (*entities)[q.s] +
                          "'): no edge joins an actor to itself");
      continue;
    }
    const int64_t day = dayOfTimeIndex(q.t, unit, epoch);
    if (day < firstImportDay() || day > lastImportDay()) {
      KG_RETURN_IF_ERROR(run.malformed((dir / files[q.file]).string(), q.line,
                                       "time " + std::to_string(q.t) + " (" + timeUnitName(unit) +
                                           " from the epoch) is not a date between the years 1 and 9999"));
      continue;
    }
    KG_RETURN_IF_ERROR(run.event(ids[q.s], ids[q.o], *rel.event, rel.code, Date::fromDays(static_cast<int32_t>(day), DatePrecision::kDay), docs[q.file],
                                 q.line, rel.text));
  }
  return run.finish();
}

// ICEWS columns kept as evidence attributes (README "Imported fields").
struct IcewsAttribute {
  const char* column;
  const char* name;
  bool number;
};
constexpr IcewsAttribute kIcewsAttributes[] = {
    {"Intensity", "intensity", true},      {"Source Sectors", "src_sectors", false},
    {"Source Country", "src_country", false}, {"Target Sectors", "dst_sectors", false},
    {"Target Country", "dst_country", false}, {"Story ID", "story_id", false},
    {"Sentence Number", "sentence_id", false}, {"Publisher", "publisher", false},
    {"City", "place", false},              {"District", "district", false},
    {"Province", "admin1", false},         {"Country", "country", false},
    {"Latitude", "lat", true},             {"Longitude", "lon", true}};
constexpr std::string_view kIcewsMissing = "NA";  // ICEWS's "no value"

// Fills `attrs` from the kept columns; "bad <column> '<value>'" when a number
// column holds something else, "" when all is well.
std::string icewsAttributes(const std::vector<std::string_view>& f,
                            const std::vector<std::pair<size_t, const IcewsAttribute*>>& kept, Attributes* attrs) {
  for (const auto& [column, a] : kept) {
    std::string_view v = trim(f[column]);
    if (v.empty() || v == kIcewsMissing) continue;
    if (a->number && !isNumber(v))
      return std::string("bad ") + a->column + " '" + std::string(v.substr(0, 40)) + "' (want a number)";
    attrs->emplace(a->name, std::string(v));
  }
  return {};
}

Result<ImportSummary> importIcews(storage::GraphStore& store, const ImportOptions& opt) {
  auto text = readWholeFile(opt.path);
  if (!text) return text.status();
  ImportRun run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());
  std::unordered_map<std::string, size_t> col;
  size_t columns = 0;
  size_t cId = 0, cDate = 0, cSrc = 0, cTgt = 0, cCode = 0, cText = SIZE_MAX;
  size_t cSrcSec = SIZE_MAX, cSrcCty = SIZE_MAX, cTgtSec = SIZE_MAX, cTgtCty = SIZE_MAX;
  std::optional<CameoNames> names;
  if (auto d = cameoDirectory(opt.cameoDir, cameoCandidates(opt.path)); d)
    if (auto n = CameoNames::load(d.value()); n) names = std::move(n).value();
  const std::string& path = opt.path;
  std::string doc;
  std::vector<std::pair<size_t, const IcewsAttribute*>> kept;  // (column, attribute)
  Status parsed = forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
    if (lineNo == 1) {
      auto fields = splitTabs(line);
      columns = fields.size();
      for (size_t i = 0; i < fields.size(); ++i) col[std::string(trim(fields[i]))] = i;
      auto need = [&](const char* name, size_t* out) -> Status {
        auto it = col.find(name);
        if (it == col.end())
          return Status::invalidArgument(path + ":1: the header has no '" + name +
                                         "' column; an ICEWS event file starts with a header line "
                                         "(Event ID, Event Date, Source Name, ..., CAMEO Code, ..., Target Name)");
        *out = it->second;
        return Status::ok();
      };
      KG_RETURN_IF_ERROR(need("Event ID", &cId));
      KG_RETURN_IF_ERROR(need("Event Date", &cDate));
      KG_RETURN_IF_ERROR(need("Source Name", &cSrc));
      KG_RETURN_IF_ERROR(need("Target Name", &cTgt));
      KG_RETURN_IF_ERROR(need("CAMEO Code", &cCode));
      auto opt2 = [&](const char* name, size_t* out) {
        if (auto it = col.find(name); it != col.end()) *out = it->second;
      };
      opt2("Event Text", &cText);
      opt2("Source Sectors", &cSrcSec);
      opt2("Source Country", &cSrcCty);
      opt2("Target Sectors", &cTgtSec);
      opt2("Target Country", &cTgtCty);
      for (const auto& attribute : kIcewsAttributes)
        if (auto it = col.find(attribute.column); it != col.end()) kept.emplace_back(it->second, &attribute);
      return Status::ok();
    }
    if (trim(line).empty()) return Status::ok();
    run.countRow();
    auto f = splitTabs(line);
    if (f.size() != columns)
      return run.malformed(path, lineNo, "expected " + std::to_string(columns) + " tab-separated fields, got " +
                                             std::to_string(f.size()));
    auto field = [&](size_t i) { return i == SIZE_MAX ? std::string_view() : trim(f[i]); };
    auto date = Date::parse(field(cDate));
    if (!date || date->precision() != DatePrecision::kDay)
      return run.malformed(path, lineNo, "bad Event Date '" + std::string(field(cDate)) + "' (want YYYY-MM-DD)");
    std::string code(field(cCode));
    if (!allDigits(code) || code.size() < 2 || code.size() > 4)
      return run.malformed(path, lineNo, "bad CAMEO Code '" + code + "'");
    std::string src(field(cSrc)), dst(field(cTgt));
    if (src.empty() || dst.empty()) return run.malformed(path, lineNo, "empty Source Name or Target Name");
    if (field(cId).empty()) return run.malformed(path, lineNo, "empty Event ID");
    // The actors a row names are stored before its code is checked.
    auto s = run.actor(src, field(cSrcCty), field(cSrcSec));
    if (s.status().code() == StatusCode::kInvalidArgument) return run.malformed(path, lineNo, s.status().message());
    if (!s) return s.status();
    auto d = run.actor(dst, field(cTgtCty), field(cTgtSec));
    if (d.status().code() == StatusCode::kInvalidArgument) return run.malformed(path, lineNo, d.status().message());
    if (!d) return d.status();
    auto ev = eventForCameo(code);
    if (!ev) return run.malformed(path, lineNo, "CAMEO Code '" + code + "' is not a CAMEO event code");
    if (s.value() == d.value()) {
      run.noActorPair(path, lineNo, "Source Name and Target Name are the same actor ('" + src +
                                        "'): no edge joins an actor to itself");
      return Status::ok();
    }
    Attributes attrs;
    if (std::string bad = icewsAttributes(f, kept, &attrs); !bad.empty()) return run.malformed(path, lineNo, bad);
    doc = "icews:" + std::string(field(cId));
    std::string desc(field(cText));
    if (desc.empty() && names) desc = names->nameOf(code);
    return run.event(s.value(), d.value(), *ev, code, date.value(), doc, 0, desc, std::move(attrs));
  });
  KG_RETURN_IF_ERROR(parsed);
  if (columns == 0) return Status::invalidArgument(path + ": empty file (an ICEWS event file starts with a header line)");
  return run.finish();
}

}  // namespace

const char* importFormatName(ImportFormat f) {
  switch (f) {
    case ImportFormat::kTkg: return "tkg";
    case ImportFormat::kIcews: return "icews";
    case ImportFormat::kGdelt: return "gdelt";
    case ImportFormat::kPlover: return "plover";
    case ImportFormat::kCsv: return "csv";
  }
  return "?";
}

namespace {

constexpr size_t kGdeltColumnCounts[] = {57, 58, 61};  // 1.0 backfile, 1.0 daily, 2.0
constexpr const char* kFormatList = "tkg, icews, gdelt, plover, csv (with --map) or jsonl";

bool isGdeltRow(std::string_view line) {
  auto f = splitTabs(line);
  if (std::find(std::begin(kGdeltColumnCounts), std::end(kGdeltColumnCounts), f.size()) == std::end(kGdeltColumnCounts))
    return false;
  return allDigits(trim(f[0])) && trim(f[1]).size() == 8 && allDigits(trim(f[1]));
}

// What a first line says of its file; "" when nothing known.
std::string formatOfFirstLine(std::string_view line) {
  const std::string_view t = trim(line);
  if (!t.empty() && t.front() == '{') {
    if (t.find("\"record\"") != std::string_view::npos) return "jsonl";
    if (t.find("\"event_type\"") != std::string_view::npos) return "plover";
    return {};
  }
  if (looksLikeGdeltHeader(t)) return "gdelt";
  if (isGdeltRow(line)) return "gdelt";
  auto f = splitTabs(line);
  auto has = [&](std::string_view name) {
    return std::any_of(f.begin(), f.end(), [&](std::string_view x) { return trim(x) == name; });
  };
  if (has("Event ID") && has("CAMEO Code")) return "icews";
  if (has("date") && has("subject") && has("relation") && has("object")) return "tkg";
  return {};
}

}  // namespace

Result<std::string> detectImportFormat(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return std::string("tkg");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound("cannot read '" + path + "'");
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::string f = formatOfFirstLine(line);
  if (!f.empty()) return f;
  return Status::invalidArgument(path + ":1: cannot tell the format from '" + printable(line.substr(0, 60)) +
                                 "'; use --format " + kFormatList);
}

Result<ImportSummary> Importer::run(const ImportOptions& options) {
  if (!options.epoch.known()) return Status::invalidArgument("the time epoch must be a known date");
  switch (options.format) {
    case ImportFormat::kTkg: {
      std::error_code ec;
      if (fs::is_regular_file(options.path, ec)) return importNamedEvents(store_, options);
      return importTkg(store_, options);
    }
    case ImportFormat::kIcews: return importIcews(store_, options);
    case ImportFormat::kGdelt: return importGdelt(store_, options);
    case ImportFormat::kPlover: return importPlover(store_, options);
    case ImportFormat::kCsv: return importCsv(store_, options);
  }
  return Status::invalidArgument("unknown import format");
}

}  // namespace kg::core
