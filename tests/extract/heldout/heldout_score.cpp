#include "heldout_score.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "extract/actors/name_fold.h"
#include "extract/text/reader.h"
#include "extract/text/page_segmenter.h"

namespace fs = std::filesystem;

namespace kg::extract::heldout {

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t p = s.find(sep, start);
    out.push_back(trim(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start)));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

// The name keys (extract::nameKeys: the strict key, and the consonant
// skeleton "~..." when long enough), with a leading "the" dropped. Two names
// meet when they share a key, as the extractor's own catalog matches them:
// "Qasem Soleimani" finds the actor "Qassem Soleimani".
std::vector<std::string> keys(std::string_view name) {
  std::string n = trim(name);
  if (n.size() > 4 && (n.rfind("the ", 0) == 0 || n.rfind("The ", 0) == 0)) n = n.substr(4);
  auto k = nameKeys(n);
  if (k.empty()) k.push_back(n);
  return k;
}

Status lineError(const std::string& file, int line, const std::string& what) {
  return Status::invalidArgument(file + ":" + std::to_string(line) + ": " + what);
}

Result<ExpectedEvent> parseEvent(const std::string& file, int line, std::string_view body, bool mustNot) {
  const std::vector<std::string> f = split(body, '|');
  if (f.size() < 3 || f.size() > 5)
    return lineError(file, line, "expected 'SOURCE | TYPE | TARGET | DATE | FLAGS', got '" + std::string(body) + "'");
  ExpectedEvent e;
  e.line = line;
  e.mustNot = mustNot;
  for (const std::string& s : split(f[0], ';'))
    if (!s.empty()) e.src.push_back(s);
  for (const std::string& s : split(f[2], ';'))
    if (!s.empty()) e.dst.push_back(s);
  if (e.src.empty() || e.dst.empty()) return lineError(file, line, "empty source or target");
  for (const std::string& t : split(f[1], ';')) {
    auto type = parseEdgeType(t);
    if (!type.isOk()) return lineError(file, line, type.status().message());
    e.types.push_back(type.value());
  }
  if (f.size() >= 4 && !f[3].empty() && f[3] != "-") {
    auto d = Date::parse(f[3]);
    if (!d.isOk()) return lineError(file, line, d.status().message());
    e.date = d.value();
  }
  if (f.size() == 5) {
    for (const std::string& flag : split(f[4], ' ')) {
      if (flag.empty()) continue;
      if (flag == "future") e.future = true;
      else if (flag == "negated") e.negated = true;
      else return lineError(file, line, "unknown flag '" + flag + "' (valid: future, negated)");
    }
  }
  return e;
}

bool nameMatches(const std::vector<std::string>& wanted, const Actor& actor) {
  std::set<std::string> have;
  for (std::string& k : keys(actor.name)) have.insert(std::move(k));
  for (const std::string& a : actor.aliases)
    for (std::string& k : keys(a)) have.insert(std::move(k));
  for (const std::string& w : wanted)
    for (const std::string& k : keys(w))
      if (have.count(k)) return true;
  return false;
}

bool isSymmetric(EdgeType t) {
  return t == EdgeType::kAgree || t == EdgeType::kConsult || t == EdgeType::kCooperate;
}

// The analysts wrote SANCTION for "imposed sanctions"; the project's one
// CAMEO->PLOVER mapping (engine/extract/data/cameo_plover.txt, from
// CAMEO2PLOVER-2021) puts CAMEO 163 "impose embargo, boycott or sanctions"
// under COERCE. An expected SANCTION therefore also accepts COERCE coded 163.
// Likewise CAMEO 057 "sign formal agreement" is SUPPORT in that mapping,
// where the analysts wrote AGREE.
bool typeMatches(const ExpectedEvent& e, EdgeType type, const std::string& cameo) {
  auto expects = [&](EdgeType t) { return std::find(e.types.begin(), e.types.end(), t) != e.types.end(); };
  if (expects(type)) return true;
  if (type == EdgeType::kCoerce && cameo.rfind("163", 0) == 0) return expects(EdgeType::kSanction);
  if (type == EdgeType::kSupport && cameo == "057") return expects(EdgeType::kAgree);
  return false;
}

bool matches(const ExpectedEvent& e, const Actor& src, const Edge& edge, const Actor& dst) {
  const EdgeType type = edge.type;
  if (!typeMatches(e, type, edge.cameo)) return false;
  const bool mutual = isSymmetric(type) || (type == EdgeType::kSupport && edge.cameo == "057");
  if (nameMatches(e.src, src) && nameMatches(e.dst, dst)) return true;
  return mutual && nameMatches(e.src, dst) && nameMatches(e.dst, src);
}

// Planned, threatened or conditional events carry the mode "planned"
// (extract/coding/english_events.cpp); other coders may say "future" or
// "hypothetical".
bool codedAsHappened(const Edge& edge) {
  return edge.mode != "future" && edge.mode != "planned" && edge.mode != "hypothetical" && edge.mode != "negated";
}

// An explicit date: the edge's date is that day (or falls in that month).
// No date in the sentence: the article date, or "on or before" it (what the
// extractor writes for an undated past-tense event).
bool dateRight(const Date& expected, bool fromArticle, const DateRange& when) {
  if (fromArticle && !when.from.known() && when.to.known())
    return when.to.precision() == DatePrecision::kDay && when.to.days() == expected.days();
  if (!when.from.known()) return false;
  if (expected.precision() == DatePrecision::kDay)
    return when.from.precision() == DatePrecision::kDay && when.from.days() == expected.days();
  return when.from.days() >= expected.days() && when.from.days() <= expected.lastDay();
}

std::string rangeString(const DateRange& r) {
  if (!r.anyKnown()) return "(none)";
  if (r.from == r.to) return r.from.toString();
  return (r.from.known() ? r.from.toString() : std::string("..")) + "/" + (r.to.known() ? r.to.toString() : std::string(".."));
}

std::string describe(const ExpectedEvent& e) {
  auto join = [](const auto& v, auto str) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ; ") + str(x);
    return s;
  };
  auto id = [](const std::string& s) { return s; };
  auto typeName = [](EdgeType t) { return std::string(edgeTypeName(t)); };
  return join(e.src, id) + " | " + join(e.types, typeName) + " | " + join(e.dst, id);
}

struct Produced {
  const Actor* src;
  const Actor* dst;
  const Edge* edge;
  std::string sentence;
};

std::string fmtPct(size_t num, size_t den) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%5.1f%%", den ? 100.0 * double(num) / double(den) : 0.0);
  return buf;
}

std::string fmtRatio(size_t num, size_t den) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", den ? double(num) / double(den) : 0.0);
  return buf;
}

}  // namespace

Result<std::vector<HeldoutDoc>> parseHeldoutFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::notFound(path + ": cannot open");
  std::vector<HeldoutDoc> docs;
  std::string raw;
  int lineNo = 0;
  while (std::getline(in, raw)) {
    ++lineNo;
    const std::string line = trim(raw);
    if (line.empty()) continue;
    if (line.rfind("# doc:", 0) == 0) {
      std::istringstream ss(line.substr(6));
      std::string id, dateWord, date;
      ss >> id >> dateWord >> date;
      if (id.empty() || dateWord != "date:" || date.empty())
        return lineError(path, lineNo, "expected '# doc: <id> date: YYYY-MM-DD', got '" + line + "'");
      auto d = Date::parse(date);
      if (!d.isOk()) return lineError(path, lineNo, d.status().message());
      docs.push_back({path, lineNo, id, d.value(), {}, {}});
      continue;
    }
    if (line[0] == '#') continue;  // a comment
    if (docs.empty()) return lineError(path, lineNo, "text before the first '# doc:' header");
    HeldoutDoc& doc = docs.back();
    if (line[0] == '=') {
      if (doc.sentences.empty()) return lineError(path, lineNo, "event line before any sentence");
      const bool mustNot = line.size() > 1 && line[1] == '!';
      auto e = parseEvent(path, lineNo, std::string_view(line).substr(mustNot ? 2 : 1), mustNot);
      if (!e.isOk()) return e.status();
      doc.events.push_back(std::move(e).value());
      continue;
    }
    doc.sentences.push_back(line);
  }
  return docs;
}

Result<std::vector<std::string>> heldoutFiles(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::notFound(dir + ": not a directory");
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

void Counts::add(const Counts& o) {
  docs += o.docs;
  sentences += o.sentences;
  expected += o.expected;
  found += o.found;
  produced += o.produced;
  correct += o.correct;
  expectedEvents += o.expectedEvents;
  foundEvents += o.foundEvents;
  producedEvents += o.producedEvents;
  correctEvents += o.correctEvents;
  mustNot += o.mustNot;
  mustNotViolated += o.mustNotViolated;
  flagged += o.flagged;
  flaggedCoded += o.flaggedCoded;
  datesChecked += o.datesChecked;
  datesRight += o.datesRight;
  missedNoActor += o.missedNoActor;
  missedNoEdge += o.missedNoEdge;
  missedOtherEdge += o.missedOtherEdge;
}

FileScore scoreFile(const Extractor& extractor, const std::string& name, const std::vector<HeldoutDoc>& docs) {
  FileScore score;
  score.name = name;
  Counts& c = score.counts;
  for (const HeldoutDoc& doc : docs) {
    ++c.docs;
    c.sentences += doc.sentences.size();
    // The ingest front half, as `kg ingest` runs it on a plain-text file.
    RawDocument raw;
    for (const std::string& s : doc.sentences) raw.text += s + "\n";
    raw.source = doc.file;
    raw.path = doc.file + ":" + std::to_string(doc.line);
    raw.date = doc.date;
    ArticleOptions options;
    options.defaultDate = doc.date;
    const std::vector<Article> articles = toArticles(raw, options);
    std::vector<Extraction> extractions;
    for (const Article& a : articles) extractions.push_back(extractor.extract(a));

    // Edges read from the text (dictionary offices carry no document), one per
    // (source, type, target) within the paragraph.
    std::vector<Produced> produced;
    std::set<std::tuple<std::string, int, std::string>> seen;
    for (size_t i = 0; i < extractions.size(); ++i) {
      const Extraction& x = extractions[i];
      for (const ExtractedEdge& e : x.edges) {
        if (e.edge.evidence.empty() || e.edge.evidence.front().doc.empty()) continue;
        const Actor& src = x.actors[e.src].actor;
        const Actor& dst = x.actors[e.dst].actor;
        if (!seen.insert({src.name, int(e.edge.type), dst.name}).second) continue;
        produced.push_back({&src, &dst, &e.edge, e.edge.evidence.front().text});
      }
    }

    const std::string where = name + " " + doc.id;
    std::string actorList;
    for (const Extraction& x : extractions)
      for (const ExtractedActor& a : x.actors) actorList += (actorList.empty() ? "" : ", ") + a.actor.name;
    score.notes.push_back(where + " ACTORS    " + actorList);
    for (const ExpectedEvent& e : doc.events) {
      std::vector<const Produced*> hits;
      for (const Produced& p : produced)
        if (matches(e, *p.src, *p.edge, *p.dst)) hits.push_back(&p);
      const bool standing = isStandingType(e.types.front());
      if (e.mustNot) {
        ++c.mustNot;
        if (!hits.empty()) {
          ++c.mustNotViolated;
          score.notes.push_back(where + " MUST-NOT  =! " + describe(e) + "  [line " + std::to_string(e.line) + "]");
        }
        continue;
      }
      if (e.future || e.negated) {
        ++c.flagged;
        const bool coded = std::any_of(hits.begin(), hits.end(), [](const Produced* p) { return codedAsHappened(*p->edge); });
        if (coded) {
          ++c.flaggedCoded;
          score.notes.push_back(where + (e.future ? " FUTURE    " : " NEGATED   ") + describe(e) + "  [line " +
                                std::to_string(e.line) + "]");
        }
        continue;
      }
      ++c.expected;
      if (!standing) ++c.expectedEvents;
      if (hits.empty()) {
        auto held = [&](const std::vector<std::string>& names) {
          for (const Extraction& x : extractions)
            for (const ExtractedActor& a : x.actors)
              if (nameMatches(names, a.actor)) return true;
          return false;
        };
        const bool between = std::any_of(produced.begin(), produced.end(), [&](const Produced& p) {
          return (nameMatches(e.src, *p.src) && nameMatches(e.dst, *p.dst)) ||
                 (nameMatches(e.src, *p.dst) && nameMatches(e.dst, *p.src));
        });
        std::string why;
        if (!held(e.src) || !held(e.dst)) {
          ++c.missedNoActor;
          why = "no-actor";
        } else if (between) {
          ++c.missedOtherEdge;
          why = "other-edge";
        } else {
          ++c.missedNoEdge;
          why = "no-edge";
        }
        score.notes.push_back(where + " MISSED    " + describe(e) + "  [line " + std::to_string(e.line) + "] " + why);
        continue;
      }
      ++c.found;
      if (standing) continue;
      ++c.foundEvents;
      ++c.datesChecked;
      const Date want = e.date.known() ? e.date : doc.date;
      if (std::any_of(hits.begin(), hits.end(), [&](const Produced* p) { return dateRight(want, !e.date.known(), p->edge->when); })) {
        ++c.datesRight;
      } else {
        score.notes.push_back(where + " DATE      " + describe(e) + " want " + want.toString() + " got " +
                              rangeString(hits.front()->edge->when) + "  [line " + std::to_string(e.line) + "]");
      }
    }
    for (const Produced& p : produced) {
      const bool standing = isStandingType(p.edge->type);
      ++c.produced;
      if (!standing) ++c.producedEvents;
      // Right: an event as stated, or one kept apart as planned that the
      // analysts flagged `future`.
      const bool ok = std::any_of(doc.events.begin(), doc.events.end(), [&](const ExpectedEvent& e) {
        if (e.mustNot || e.negated || !matches(e, *p.src, *p.edge, *p.dst)) return false;
        return !e.future || !codedAsHappened(*p.edge);
      });
      if (ok) {
        ++c.correct;
        if (!standing) ++c.correctEvents;
      } else {
        score.notes.push_back(where + " WRONG     " + p.src->name + " | " + edgeTypeName(p.edge->type) + " | " +
                              p.dst->name + "  <- \"" + p.sentence + "\"");
      }
    }
  }
  return score;
}

std::string formatTable(const std::vector<FileScore>& files) {
  std::ostringstream out;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-14s %5s %5s | %5s %5s %7s | %5s %5s %7s | %7s %7s | %6s %7s | %8s\n", "file", "docs",
                "sents", "exp", "found", "recall", "prod", "right", "prec", "ev.rec", "ev.prec", "=!viol", "fut/neg",
                "dates");
  out << buf;
  Counts total;
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(buf, sizeof buf, "%-14s %5zu %5zu | %5zu %5zu %7s | %5zu %5zu %7s | %7s %7s | %2zu/%-3zu %3zu/%-3zu | %3zu/%-4zu\n",
                  name.c_str(), c.docs, c.sentences, c.expected, c.found, fmtPct(c.found, c.expected).c_str(),
                  c.produced, c.correct, fmtPct(c.correct, c.produced).c_str(),
                  fmtPct(c.foundEvents, c.expectedEvents).c_str(), fmtPct(c.correctEvents, c.producedEvents).c_str(),
                  c.mustNotViolated, c.mustNot, c.flaggedCoded, c.flagged, c.datesRight, c.datesChecked);
    out << buf;
  };
  for (const FileScore& f : files) {
    row(f.name, f.counts);
    total.add(f.counts);
  }
  row("TOTAL", total);
  return out.str();
}

std::string formatJson(const std::vector<FileScore>& files) {
  auto obj = [](const Counts& c) {
    std::ostringstream o;
    o << "{\"docs\":" << c.docs << ",\"sentences\":" << c.sentences << ",\"expected\":" << c.expected
      << ",\"found\":" << c.found << ",\"recall\":" << fmtRatio(c.found, c.expected) << ",\"produced\":" << c.produced
      << ",\"correct\":" << c.correct << ",\"precision\":" << fmtRatio(c.correct, c.produced)
      << ",\"event_recall\":" << fmtRatio(c.foundEvents, c.expectedEvents)
      << ",\"event_precision\":" << fmtRatio(c.correctEvents, c.producedEvents) << ",\"must_not\":" << c.mustNot
      << ",\"must_not_violated\":" << c.mustNotViolated << ",\"future_negated\":" << c.flagged
      << ",\"future_negated_coded\":" << c.flaggedCoded << ",\"dates_checked\":" << c.datesChecked
      << ",\"dates_right\":" << c.datesRight << ",\"expected_events\":" << c.expectedEvents
      << ",\"found_events\":" << c.foundEvents << ",\"missed_no_actor\":" << c.missedNoActor
      << ",\"missed_no_edge\":" << c.missedNoEdge << ",\"missed_other_edge\":" << c.missedOtherEdge << "}";
    return o.str();
  };
  std::ostringstream out;
  out << "{\"bench\":\"heldout_eval\",\"files\":[";
  Counts total;
  for (size_t i = 0; i < files.size(); ++i) {
    out << (i ? "," : "") << "{\"file\":\"" << files[i].name << "\",\"score\":" << obj(files[i].counts) << "}";
    total.add(files[i].counts);
  }
  out << "],\"overall\":" << obj(total) << "}";
  return out.str();
}

}  // namespace kg::extract::heldout
