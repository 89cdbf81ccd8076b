// GDELT event rows (importer.h kGdelt): the 1.0 and 2.0 codebook layouts,
// headerless tab-separated or a headed CSV.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/import_run.h"

namespace kg::core::importing {

namespace {

// Field positions from GLOBALEVENTID (0) on, the same in GDELT 1.0 and 2.0
// (the codebooks' column order, public since 2013).
namespace col {
constexpr size_t kId = 0, kDate = 1;
constexpr size_t kActor1Code = 5, kActor1Name = 6, kActor1Country = 7;
constexpr size_t kActor2Code = 15, kActor2Name = 16, kActor2Country = 17;
constexpr size_t kIsRootEvent = 25, kEventCode = 26, kQuadClass = 29, kGoldstein = 30;
constexpr size_t kNumMentions = 31, kNumSources = 32, kNumArticles = 33, kAvgTone = 34;
constexpr size_t kFirstGeo = 35;  // Actor1Geo_*, then Actor2Geo_*, ActionGeo_*, DATEADDED, SOURCEURL
}  // namespace col

constexpr size_t kGdelt1Columns = 58;        // daily files since April 2013
constexpr size_t kGdelt1NoUrlColumns = 57;   // the backfile: no SOURCEURL
constexpr size_t kGdelt2Columns = 61;        // 2.0: every geo block has an ADM2 code
constexpr size_t kGdelt1GeoFields = 7;       // Type, FullName, CountryCode, ADM1Code, Lat, Long, FeatureID
constexpr size_t kGdelt2GeoFields = 8;       // ... ADM1Code, ADM2Code, Lat, ...

struct Layout {
  size_t geoFields = kGdelt1GeoFields;
  size_t geo(size_t block) const { return col::kFirstGeo + block * geoFields; }  // 0 actor1, 1 actor2, 2 action
  size_t dateAdded() const { return geo(3); }
  size_t url() const { return dateAdded() + 1; }
  size_t columns() const { return url() + 1; }
};
constexpr Layout kGdelt1{kGdelt1GeoFields};
constexpr Layout kGdelt2{kGdelt2GeoFields};

// A row's fields from GLOBALEVENTID on (`base` skips leading CSV columns).
struct Row {
  const std::vector<std::string_view>& fields;
  size_t base;
  Layout layout;
  std::string_view at(size_t i) const { return base + i < fields.size() ? trim(fields[base + i]) : std::string_view(); }
};

void put(Attributes& a, const std::string& key, std::string_view value) {
  if (!value.empty()) a.emplace(key, std::string(value));
}

// Attribute names, made once: a bulk import builds ~20 per row.
struct Keys {
  const std::string srcCode = "src_code", dstCode = "dst_code", rootEvent = "root_event", quadClass = "quad_class",
                    goldstein = "goldstein", mentions = "mentions", numSources = "num_sources", articles = "articles",
                    tone = "tone", geoType = "geo_type", place = "place", country = "country", admin1 = "admin1",
                    admin2 = "admin2", lat = "lat", lon = "lon", featureId = "feature_id", dateAdded = "date_added",
                    url = "url";
};

// The event's location (ActionGeo). The actors' own geo blocks (where
// Actor1/Actor2 are based) are not kept: analysts map where events happen,
// and they would double the memory and disk an import takes per row.
void putActionGeo(Attributes& a, const Row& r, const Keys& k) {
  const size_t g = r.layout.geo(2);
  const bool adm2 = r.layout.geoFields == kGdelt2GeoFields;
  const size_t lat = g + (adm2 ? 5 : 4);
  if (r.at(g) != "0") put(a, k.geoType, r.at(g));  // 0: no location
  put(a, k.place, r.at(g + 1));
  put(a, k.country, r.at(g + 2));
  put(a, k.admin1, r.at(g + 3));
  if (adm2) put(a, k.admin2, r.at(g + 4));
  put(a, k.lat, r.at(lat));
  put(a, k.lon, r.at(lat + 1));
  put(a, k.featureId, r.at(lat + 2));
}

Attributes attributesOf(const Row& r) {
  static const Keys k;
  Attributes a;
  put(a, k.srcCode, r.at(col::kActor1Code));
  put(a, k.dstCode, r.at(col::kActor2Code));
  put(a, k.rootEvent, r.at(col::kIsRootEvent));
  put(a, k.quadClass, r.at(col::kQuadClass));
  put(a, k.goldstein, r.at(col::kGoldstein));
  put(a, k.mentions, r.at(col::kNumMentions));
  put(a, k.numSources, r.at(col::kNumSources));
  put(a, k.articles, r.at(col::kNumArticles));
  put(a, k.tone, r.at(col::kAvgTone));
  putActionGeo(a, r, k);
  put(a, k.dateAdded, r.at(r.layout.dateAdded()));
  put(a, k.url, r.at(r.layout.url()));
  return a;
}

// YYYYMMDD -> a day; nullopt when it is not a real date.
std::optional<Date> parseCompactDay(std::string_view s) {
  if (s.size() != 8 || !allDigits(s)) return std::nullopt;
  const std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
  auto d = Date::parse(iso);
  if (!d || d->precision() != DatePrecision::kDay) return std::nullopt;
  return d.value();
}

// The first field of `r` that is not the kind of value its column holds:
// "bad <column> '<value>'"; "" when all are.
std::string badField(const Row& r) {
  struct Check {
    size_t column;
    const char* name;
    bool integer;
  };
  const size_t lat = r.layout.geoFields == kGdelt2GeoFields ? 5 : 4;
  const Check checks[] = {{col::kQuadClass, "QuadClass", true},     {col::kGoldstein, "GoldsteinScale", false},
                          {col::kNumMentions, "NumMentions", true},  {col::kNumSources, "NumSources", true},
                          {col::kNumArticles, "NumArticles", true},  {col::kAvgTone, "AvgTone", false},
                          {r.layout.geo(0) + lat, "Actor1Geo_Lat", false}, {r.layout.geo(0) + lat + 1, "Actor1Geo_Long", false},
                          {r.layout.geo(1) + lat, "Actor2Geo_Lat", false}, {r.layout.geo(1) + lat + 1, "Actor2Geo_Long", false},
                          {r.layout.geo(2) + lat, "ActionGeo_Lat", false}, {r.layout.geo(2) + lat + 1, "ActionGeo_Long", false}};
  for (const auto& c : checks) {
    std::string_view v = r.at(c.column);
    if (v.empty() || (c.integer ? allDigits(v) : isNumber(v))) continue;
    return std::string("bad ") + c.name + " '" + std::string(v.substr(0, 40)) + "' (want a number)";
  }
  return {};
}

class GdeltReader {
 public:
  GdeltReader(ImportRun& run, const ImportOptions& opt) : run_(run), names_(loadCameoNamesIfFound(opt)) {}

  // Extra (non-codebook) columns of a headed file, kept under their header name.
  void keepExtra(size_t column, std::string name) { extras_.emplace_back(column, std::move(name)); }

  Status row(const std::string& path, size_t lineNo, const Row& r) {
    const std::string_view id = r.at(col::kId);
    if (!allDigits(id)) return run_.malformed(path, lineNo, "bad GLOBALEVENTID '" + std::string(id.substr(0, 40)) + "'");
    auto date = parseCompactDay(r.at(col::kDate));
    if (!date)
      return run_.malformed(path, lineNo, "bad SQLDATE '" + std::string(r.at(col::kDate).substr(0, 40)) + "' (want YYYYMMDD)");
    const std::string code(r.at(col::kEventCode));
    if (!allDigits(code) || code.size() < 2 || code.size() > 4)
      return run_.malformed(path, lineNo, "bad EventCode '" + code.substr(0, 40) + "'");
    if (std::string bad = badField(r); !bad.empty()) return run_.malformed(path, lineNo, bad);
    // The actors a row names are stored before its code is checked.
    ActorId ends[2] = {0, 0};
    std::string names[2];
    const size_t nameCol[2] = {col::kActor1Name, col::kActor2Name};
    const size_t codeCol[2] = {col::kActor1Code, col::kActor2Code};
    const size_t countryCol[2] = {col::kActor1Country, col::kActor2Country};
    for (int i = 0; i < 2; ++i) {
      std::string& name = names[i];
      name = r.at(nameCol[i]).empty() ? r.at(codeCol[i]) : r.at(nameCol[i]);
      if (name.empty()) continue;
      auto a = run_.actor(name, r.at(countryCol[i]), {}, r.at(codeCol[i]));
      if (a.status().code() == StatusCode::kInvalidArgument) return run_.malformed(path, lineNo, a.status().message());
      if (!a) return a.status();
      ends[i] = a.value();
    }
    auto ev = eventForCameo(code);
    if (!ev) return run_.malformed(path, lineNo, "EventCode '" + code + "' is not a CAMEO event code");
    if (!ends[0] || !ends[1]) {
      run_.noActorPair(path, lineNo, std::string("no Actor") + (ends[0] ? "2" : "1") +
                                         " (empty name and code): a one-sided event, no edge");
      return Status::ok();
    }
    if (ends[0] == ends[1]) {
      run_.noActorPair(path, lineNo, "Actor1 and Actor2 are the same actor ('" + names[0] +
                                         "'): no edge joins an actor to itself");
      return Status::ok();
    }
    Attributes attrs = attributesOf(r);
    for (const auto& [column, name] : extras_)
      if (column < r.fields.size()) put(attrs, name, trim(r.fields[column]));
    return run_.event(ends[0], ends[1], *ev, code, date.value(), "gdelt:" + std::string(id), 0, textOf(code),
                      std::move(attrs));
  }

 private:
  const std::string& textOf(const std::string& code) {
    auto it = text_.find(code);
    if (it != text_.end()) return it->second;
    std::string t = names_ ? names_->nameOf(code) : "";
    if (t.empty()) t = "CAMEO " + code;
    return text_.emplace(code, std::move(t)).first->second;
  }

  ImportRun& run_;
  std::optional<CameoNames> names_;
  std::unordered_map<std::string, std::string> text_;  // code -> evidence text
  std::vector<std::pair<size_t, std::string>> extras_;
};

// Lower case letters and digits only: "Global_Event_ID" -> "globaleventid".
std::string headerKey(std::string_view s) {
  std::string k;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) k.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return k;
}

bool isGdeltHeader(std::string_view line) {
  std::string l(line);
  std::transform(l.begin(), l.end(), l.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return l.find("globaleventid") != std::string::npos || l.find("global_event_id") != std::string::npos;
}

Status importHeadless(ImportRun& run, GdeltReader& reader, const std::string& path, std::string_view text) {
  return forEachLine(text, [&](size_t lineNo, std::string_view line) -> Status {
    if (trim(line).empty()) return Status::ok();
    run.countRow();
    auto f = splitTabs(line);
    if (f.size() != kGdelt1Columns && f.size() != kGdelt1NoUrlColumns && f.size() != kGdelt2Columns)
      return run.malformed(path, lineNo, "expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated fields, got " +
                                             std::to_string(f.size()));
    return reader.row(path, lineNo, Row{f, 0, f.size() == kGdelt2Columns ? kGdelt2 : kGdelt1});
  });
}

Status importHeaded(ImportRun& run, GdeltReader& reader, const std::string& path, std::string_view text) {
  const char sep = firstLine(text).find('\t') != std::string_view::npos ? '\t' : ',';
  const char* sepName = sep == '\t' ? "tab-separated" : "comma-separated";
  std::vector<std::string> header, cells;
  std::vector<std::string_view> views;
  size_t base = 0;
  Layout layout = kGdelt1;
  std::string error;
  return forEachLine(text, [&](size_t lineNo, std::string_view line) -> Status {
    if (lineNo == 1) {
      if (!splitQuoted(line, sep, &header, &error)) return Status::invalidArgument(path + ":1: " + error);
      auto id = std::find_if(header.begin(), header.end(), [](const std::string& h) { return headerKey(h) == "globaleventid"; });
      base = static_cast<size_t>(id - header.begin());
      const bool adm2 = std::any_of(header.begin(), header.end(), [](const std::string& h) { return headerKey(h).find("adm2") != std::string::npos; });
      layout = adm2 ? kGdelt2 : kGdelt1;
      const size_t need = layout.columns() - (adm2 ? 0 : 1);  // a 1.0 file may lack SOURCEURL
      if (id == header.end() || header.size() - base < need)
        return Status::invalidArgument(path + ":1: a GDELT header names GLOBALEVENTID and then at least " +
                                       std::to_string(need) + " columns in the GDELT " + (adm2 ? "2.0" : "1.0") +
                                       " order; this one has " + std::to_string(header.size()) + " columns");
      for (size_t c = 0; c < header.size(); ++c)
        if ((c < base || c >= base + layout.columns()) && !headerKey(header[c]).empty())
          reader.keepExtra(c, std::string(trim(header[c])));
      return Status::ok();
    }
    if (trim(line).empty()) return Status::ok();
    run.countRow();
    if (!splitQuoted(line, sep, &cells, &error)) return run.malformed(path, lineNo, error);
    if (cells.size() != header.size())
      return run.malformed(path, lineNo, "expected " + std::to_string(header.size()) + " " + sepName +
                                             " fields (as the header), got " + std::to_string(cells.size()));
    views.assign(cells.begin(), cells.end());
    return reader.row(path, lineNo, Row{views, base, layout});
  });
}

}  // namespace

bool looksLikeGdeltHeader(std::string_view firstLineText) { return isGdeltHeader(firstLineText); }

Result<ImportSummary> importGdelt(storage::GraphStore& store, const ImportOptions& opt) {
  auto text = readWholeFile(opt.path);
  if (!text) return text.status();
  if (trim(text.value()).empty()) return Status::invalidArgument(opt.path + ": empty file (no GDELT event rows)");
  ImportRun run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());
  GdeltReader reader(run, opt);
  const bool headed = isGdeltHeader(firstLine(text.value()));
  KG_RETURN_IF_ERROR(headed ? importHeaded(run, reader, opt.path, text.value())
                            : importHeadless(run, reader, opt.path, text.value()));
  return run.finish();
}

}  // namespace kg::core::importing
