// End-to-end extraction: the seed pages against a gold list written for the
// project (tests/extract/gold/seeds_gold.txt), and short articles written for
// the project that the dictionary was not tuned on (gold/unseen_*.txt).
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include "../support/shared_data.h"
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "extract/actors/name_fold.h"
#include "extract/text/reader.h"
#include "extract/text/page_segmenter.h"
#include "extract/text/sentences.h"

namespace fs = std::filesystem;
using namespace kg;
using namespace kg::extract;

namespace {

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string key(const std::string& name) {
  auto k = nameKeys(name);
  return k.empty() ? name : k.front();
}

struct GoldFact {
  std::string src, type, dst, date;
  bool reread = false;  // added on a second reading of the pages
};

struct Gold {
  std::vector<GoldFact> facts;
  std::vector<std::vector<std::string>> aliasGroups;
};

Gold readGold(const fs::path& p) {
  Gold g;
  std::istringstream in(readFile(p));
  std::string line;
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream ss(s);
    while (std::getline(ss, cur, '|')) {
      const auto b = cur.find_first_not_of(" \t");
      const auto e = cur.find_last_not_of(" \t\r");
      out.push_back(b == std::string::npos ? "" : cur.substr(b, e - b + 1));
    }
    return out;
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("fact ", 0) == 0 || line.rfind("reread ", 0) == 0) {
      const bool reread = line[0] == 'r';
      auto f = split(line.substr(reread ? 7 : 5));
      f.resize(4);
      g.facts.push_back({f[0], f[1], f[2], f[3], reread});
    } else if (line.rfind("alias ", 0) == 0) {
      g.aliasGroups.push_back(split(line.substr(6)));
    }
  }
  return g;
}

const Extractor& extractor() {
  static std::unique_ptr<Extractor> x = [] {
    auto r = Extractor::create({});
    REQUIRE(r.isOk());
    return std::move(r).value();
  }();
  return *x;
}

// A triple as names: "src|TYPE|dst" -> dates seen.
using Triples = std::map<std::string, std::set<std::string>>;

// The gold's type name for an edge. The gold was written with SANCTION for
// "imposed sanctions" and AGREE for "signed an agreement"; the project's one
// CAMEO->PLOVER mapping (data/cameo_plover.txt, from CAMEO2PLOVER-2021) puts
// CAMEO 163 under COERCE and 057 under SUPPORT. Those two codes are read
// under the gold's names (as the held-out scorer does).
std::string goldTypeName(const Edge& e) {
  if (e.type == EdgeType::kCoerce && e.cameo.rfind("163", 0) == 0) return "SANCTION";
  if (e.type == EdgeType::kSupport && e.cameo == "057") return "AGREE";
  return edgeTypeName(e.type);
}

// Edges read from the text; with `dictionary`, also the dictionary offices of
// the actors the article mentions.
void collect(const Extraction& x, Triples* out, bool verbose, bool dictionary = false) {
  for (const auto& e : x.edges) {
    const bool fromDictionary = e.edge.evidence.empty() || e.edge.evidence.front().doc.empty();
    if (fromDictionary && !dictionary) continue;
    if (fromDictionary) verbose = false;
    const std::string t = key(x.actors[e.src].actor.name) + "|" + goldTypeName(e.edge) + "|" +
                          key(x.actors[e.dst].actor.name);
    std::string d = e.edge.when.from.known() ? e.edge.when.from.toString()
                    : e.edge.when.to.known() ? "<=" + e.edge.when.to.toString()
                                             : "";
    (*out)[t].insert(d);
    if (verbose)
      std::cout << "  " << x.actors[e.src].actor.name << " -" << edgeTypeName(e.edge.type)
                << (e.edge.mode.empty() ? "" : ":" + e.edge.mode) << "-> " << x.actors[e.dst].actor.name << " ["
                << d << "] " << e.edge.title << " conf=" << e.edge.confidence << "\n      "
                << e.edge.evidence.front().text.substr(0, 160) << "\n";
  }
}

struct Score {
  size_t goldTotal = 0, goldFound = 0, extracted = 0, correct = 0, dated = 0, datedRight = 0;
  // Not exact, but a point inside the gold's month or year ("2021-07-27" for "2021-07").
  size_t datedWithin = 0;
};

// Two names are the same actor when any of their keys (strict or skeleton)
// meet, as the extractor's own index does. CONSULT, AGREE and COOPERATE are
// mutual: either direction matches.
bool sameName(const std::string& a, const std::string& b) {
  for (const auto& x : nameKeys(a))
    for (const auto& y : nameKeys(b))
      if (x == y) return true;
  return false;
}

std::vector<std::string> splitTriple(const std::string& t) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t bar; (bar = t.find('|', start)) != std::string::npos; start = bar + 1) out.push_back(t.substr(start, bar - start));
  out.push_back(t.substr(start));
  return out;
}

bool matches(const std::string& triple, const GoldFact& f) {
  const bool mutual = f.type == "CONSULT" || f.type == "AGREE" || f.type == "COOPERATE";
  const auto p = splitTriple(triple);
  if (p[1] != f.type) return false;
  return (sameName(p[0], f.src) && sameName(p[2], f.dst)) || (mutual && sameName(p[0], f.dst) && sameName(p[2], f.src));
}

Triples::const_iterator findTriple(const Triples& got, const GoldFact& f) {
  for (auto it = got.begin(); it != got.end(); ++it) {
    if (matches(it->first, f)) return it;
  }
  return got.end();
}

Score score(const Gold& gold, const Triples& got, bool verbose) {
  Score s;
  std::set<std::string> matched;
  for (const auto& f : gold.facts) {
    const std::string t = key(f.src) + "|" + f.type + "|" + key(f.dst);
    ++s.goldTotal;
    auto it = findTriple(got, f);
    if (it != got.end()) {
      matched.insert(it->first);
      ++s.goldFound;
      if (!f.date.empty()) {
        ++s.dated;
        bool right = false;
        for (const auto& d : it->second) {
          if (d == f.date || d == "<=" + f.date) { right = true; break; }
        }
        bool within = false;
        const auto g = Date::parse(f.date);
        for (const auto& d : it->second) {
          const auto x = d.empty() || d[0] == '<' ? Result<Date>(Status::invalidArgument("no point")) : Date::parse(d);
          if (!right && g.isOk() && x.isOk() && g.value().days() <= x.value().days() &&
              x.value().lastDay() <= g.value().lastDay())
            within = true;
        }
        if (right) {
          ++s.datedRight;
        } else if (within) {
          ++s.datedWithin;
        }
        if (!right && verbose) {
          std::string seen;
          for (const auto& d : it->second) seen += " [" + d + "]";
          std::cout << "  WRONG DATE " << t << " " << f.date << ", got" << seen << "\n";
        }
      }
    } else if (verbose) {
      std::cout << "  MISSED " << t << "\n";
    }
  }
  for (const auto& [t, dates] : got) {
    ++s.extracted;
    bool ok = matched.count(t) > 0;
    for (const auto& f : gold.facts) ok = ok || matches(t, f);  // another direction or spelling
    if (ok) ++s.correct;
    else if (verbose) std::cout << "  EXTRA " << t << "\n";
  }
  return s;
}

void print(const char* what, const Score& s) {
  std::cout << what << ": precision " << s.correct << "/" << s.extracted << " = "
            << (s.extracted ? 100.0 * s.correct / s.extracted : 0) << "%, recall " << s.goldFound << "/" << s.goldTotal
            << " = " << (s.goldTotal ? 100.0 * s.goldFound / s.goldTotal : 0) << "%, dates right " << s.datedRight
            << "/" << s.dated << " (and " << s.datedWithin << " more inside the gold's month or year)\n";
}

bool verbose() { return std::getenv("KG_GOLD_VERBOSE") != nullptr; }

// Floors actually reached (percent), with a margin; see the printed figures.
// Measured with the event coder (extract/coding) beside the relation rules.
// Precision here is against the gold list, which is not exhaustive: many
// coder edges it counts as wrong are true facts the list lacks (see the hand
// audit in the closing note of the event-coding issue).
// measured 79.2 (61/77). One fact fewer than before the location rule: the reread fact "United States
// ASSAULT Syria" was found only from "a US bombing raid on two targets in Syria", the place-as-target
// reading the event-coding issue calls wrong ("depots in Syria" is where, not whom).
// Session 17 added six reread facts the apposition rules now read (measured 80.7, 67/83).
constexpr size_t FLOOR_RECALL = 80;
constexpr size_t FLOOR_PRECISION = 58;          // measured 58.7 (74/126; session 19: pronouns add "Muhandis met [Soleimani] on the tarmac", true, added as a reread fact, and "[al-Rubaie] termed the talks between Baghdad and Washington useless" as ACCUSE of both, not in the gold; 58.5, 72/123 before; 56.9, 66/116, before the six reread facts): "the Iraqis and Iranians have cooperated" now gives Iraq <-> Iran (050), true and not in the gold: the gold is not exhaustive ("Iraq REJECT Sadr", "US ACCUSE Israel" from "confirmed that Tel Aviv was behind", the planned "US COERCE Syria" from "trying to overthrow the Syrian government" are true and not in it); "Seely AGREE coalition" is wrong
constexpr size_t FLOOR_FIRST_READING_RECALL = 75;  // measured 75.0 (45/60)

Triples extractPages(const std::vector<fs::path>& files, Triples* withDictionary) {
  Triples got;
  for (const auto& p : files) {
    std::vector<ReadWarning> warnings;
    ReadStats stats;
    std::vector<Article> articles;
    readBuffer(p.string(), readFile(p), [&](RawDocument&& d) {
      for (auto& a : toArticles(d, {})) articles.push_back(std::move(a));
    }, &warnings, &stats);
    for (const auto& a : articles) {
      if (verbose()) std::cout << "== " << p.filename().string() << " [" << a.doc.date.toString() << "] " << a.doc.title.substr(0, 80) << "\n";
      const Extraction x = extractor().extract(a);
      collect(x, &got, verbose());
      collect(x, withDictionary, false, true);
    }
  }
  return got;
}

}  // namespace

TEST_CASE("Extractor: the seed pages meet the gold list's precision and recall floors", "[extract][gold]") {
  const fs::path seeds = KG_SEEDS_DIR;
  KG_REQUIRE_SHARED_PATH(seeds);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(seeds)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  const Gold gold = readGold(fs::path(KG_GOLD_DIR) / "seeds_gold.txt");
  REQUIRE(gold.facts.size() >= 40);
  REQUIRE(gold.aliasGroups.size() >= 15);
  Triples withDictionary;
  const Triples got = extractPages(files, &withDictionary);
  const Score s = score(gold, got, verbose());
  print("seeds (edges read from text)", s);
  Gold first = gold;
  first.facts.erase(std::remove_if(first.facts.begin(), first.facts.end(), [](const GoldFact& f) { return f.reread; }),
                    first.facts.end());
  const Score f1 = score(first, got, false);
  print("seeds, first-reading gold only", f1);
  CHECK(f1.goldFound * 100 >= f1.goldTotal * FLOOR_FIRST_READING_RECALL);
  const Score d = score(gold, withDictionary, false);
  std::cout << "seeds: recall counting the dictionary offices of mentioned actors too: " << d.goldFound << "/"
            << d.goldTotal << "\n";
  // Floors measured on the seeds (see the report printed above).
  CHECK(s.goldFound * 100 >= s.goldTotal * FLOOR_RECALL);
  CHECK(s.correct * 100 >= s.extracted * FLOOR_PRECISION);
}

TEST_CASE("Extractor: every spelling of an alias group resolves to its actor", "[extract][gold]") {
  const Gold gold = readGold(fs::path(KG_GOLD_DIR) / "seeds_gold.txt");
  size_t total = 0, resolved = 0;
  for (const auto& group : gold.aliasGroups) {
    const std::string& canonical = group.front();
    for (size_t k = 1; k < group.size(); ++k) {
      const std::string& spelling = group[k];
      bool arabic = false, japanese = false;
      for (unsigned char ch : spelling) {
        if (ch == 0xD8 || ch == 0xD9 || ch == 0xDA || ch == 0xDB) arabic = true;
        if (ch == 0xE3 || ch == 0xE4 || ch == 0xE5 || ch == 0xE6 || ch == 0xE7 || ch == 0xE8 || ch == 0xE9) japanese = true;
      }
      const std::string text = arabic     ? "\u0642\u0627\u0644 " + spelling + " \u0627\u0644\u064a\u0648\u0645."
                               : japanese ? spelling + "\u306f\u8ff0\u3079\u305f\u3002"
                                          : spelling + " said on Monday.";
      Article a;
      a.text = text;
      a.doc.id = "alias";
      a.doc.date = Date::day(2020, 9, 1);
      a.sentences = splitSentences(a.text);
      const Extraction x = extractor().extract(a);
      bool found = false;
      for (const auto& xa : x.actors) found = found || xa.actor.name == canonical;
      ++total;
      if (found) ++resolved;
      else UNSCOPED_INFO("'" << spelling << "' did not resolve to " << canonical);
      CHECK(found);
    }
  }
  std::cout << "alias groups: " << resolved << "/" << total << " spellings resolved in " << gold.aliasGroups.size()
            << " groups\n";
}

namespace {

struct Unseen {
  Article article;
  std::vector<GoldFact> expected;
};

Unseen readUnseen(const fs::path& p) {
  Unseen u;
  std::istringstream in(readFile(p));
  std::string line, text;
  bool inText = false;
  while (std::getline(in, line)) {
    if (inText) { text += line + "\n"; continue; }
    if (line.empty() || line[0] == '#') continue;
    if (line == "text") { inText = true; continue; }
    if (line.rfind("date ", 0) == 0) u.article.doc.date = Date::parse(line.substr(5)).value();
    if (line.rfind("expect ", 0) == 0) {
      std::vector<std::string> f;
      std::string cur;
      std::istringstream ss(line.substr(7));
      while (std::getline(ss, cur, '|')) {
        const auto b = cur.find_first_not_of(" ");
        const auto e = cur.find_last_not_of(" ");
        f.push_back(b == std::string::npos ? "" : cur.substr(b, e - b + 1));
      }
      f.resize(4);
      u.expected.push_back({f[0], f[1], f[2], f[3]});
    }
  }
  u.article.text = text;
  u.article.doc.id = p.filename().string();
  u.article.sentences = splitSentences(text);
  return u;
}

}  // namespace

TEST_CASE("Extractor: articles the dictionary was not tuned on yield their expected facts", "[extract][gold]") {
  size_t total = 0, found = 0, extracted = 0, correct = 0, datesExpected = 0, datesRight = 0;
  for (const auto& e : fs::directory_iterator(KG_GOLD_DIR)) {
    if (e.path().filename().string().rfind("unseen_", 0) != 0) continue;
    const Unseen u = readUnseen(e.path());
    Triples got;
    collect(extractor().extract(u.article), &got, verbose());
    std::set<std::string> want;
    for (const auto& f : u.expected) {
      const std::string t = key(f.src) + "|" + f.type + "|" + key(f.dst);
      want.insert(t);
      ++total;
      auto it = got.find(t);
      if (it == got.end()) {
        UNSCOPED_INFO(e.path().filename().string() << ": missing " << t);
        continue;
      }
      ++found;
      if (!f.date.empty()) {
        ++datesExpected;
        if (it->second.count(f.date)) ++datesRight;
      }
    }
    for (const auto& [t, d] : got) {
      ++extracted;
      if (want.count(t)) ++correct;
      else UNSCOPED_INFO(e.path().filename().string() << ": unexpected " << t);
    }
  }
  std::cout << "unseen articles: recall " << found << "/" << total << ", precision " << correct << "/" << extracted
            << ", dates " << datesRight << "/" << datesExpected << "\n";
  CHECK(found * 100 >= total * 80);
  CHECK(correct * 100 >= extracted * 70);
}

TEST_CASE("Extractor: edges carry the sentence as evidence with its index and byte offsets", "[extract][extractor]") {
  Article a;
  a.text = "Officials spoke. Washington accused Tehran of the attack on Sunday.";
  a.doc.id = "doc-1";
  a.doc.date = Date::day(2020, 1, 6);  // a Monday
  a.sentences = splitSentences(a.text);
  const Extraction x = extractor().extract(a);
  const ExtractedEdge* accuse = nullptr;
  for (const auto& e : x.edges)
    if (e.edge.type == EdgeType::kAccuse) accuse = &e;
  REQUIRE(accuse != nullptr);
  CHECK(x.actors[accuse->src].actor.name == "United States");
  CHECK(x.actors[accuse->dst].actor.name == "Iran");
  REQUIRE(accuse->edge.evidence.size() == 1);
  const Evidence& ev = accuse->edge.evidence[0];
  CHECK(ev.doc == "doc-1");
  CHECK(ev.sentence == 1);
  CHECK(a.text.substr(ev.begin, ev.end - ev.begin) == ev.text);
  CHECK(ev.text.rfind("Washington accused", 0) == 0);
  CHECK(accuse->edge.cameo == "112");
  CHECK(accuse->edge.when.from.toString() == "2020-01-05");  // "on Sunday" before Monday 2020-01-06
  CHECK(accuse->edge.confidence > 0.5f);
  CHECK(accuse->edge.confidence <= 1.0f);
}

TEST_CASE("Extractor: a support stated by a compound holds on the article's date, not on the sentence's event day",
          "[extract][extractor]") {
  auto support = [](const std::string& text) -> std::optional<Edge> {
    Article a;
    a.text = text;
    a.doc.id = "d";
    a.doc.date = Date::parse("2024-08-26").value();
    a.sentences = splitSentences(a.text);
    for (const auto& e : extractor().extract(a).edges)
      if (e.edge.type == EdgeType::kSupport && e.edge.cameo.empty() && !e.edge.evidence.empty() &&
          !e.edge.evidence[0].doc.empty())
        return e.edge;
    return std::nullopt;
  };
  // The attack is last month's; Iran's backing of Hezbollah is stated as of the article.
  const auto e = support("The Iran-backed Hezbollah fired rockets at Israel last month.");
  REQUIRE(e);
  CHECK(e->when == DateRange::point(Date::day(2024, 8, 26)));
  CHECK(e->dateBasis == DateBasis::kArticle);
  const auto f = support("Israel struck the Iran-backed Hezbollah on Sunday.");
  REQUIRE(f);
  CHECK(f->when == DateRange::point(Date::day(2024, 8, 26)));
}

TEST_CASE("Extractor: dates follow the sentence, then the article, and unknown stays unknown", "[extract][extractor]") {
  auto when = [](const std::string& text, const std::string& date, DateBasis basis = DateBasis::kArticle) {
    Article a;
    a.text = text;
    a.doc.id = "d";
    if (!date.empty()) a.doc.date = Date::parse(date).value();
    a.sentences = splitSentences(a.text);
    for (const auto& e : extractor().extract(a).edges) {
      if (e.edge.evidence.empty() || e.edge.evidence[0].doc.empty() || isStandingType(e.edge.type)) continue;
      CHECK(e.edge.dateBasis == basis);
      return e.edge.when.from.toString() + ".." + e.edge.when.to.toString();
    }
    return std::string("none");
  };
  CHECK(when("Iraq has told Iran to stop.", "2020-01-06") == "2020-01-06..2020-01-06");  // present perfect
  // Past tense, no date in the sentence: the article's date as a point (was
  // "on or before the article date", which overlapped every earlier window).
  CHECK(when("Iraq accused Iran of meddling.", "2020-01-06") == "2020-01-06..2020-01-06");
  CHECK(when("Iraq accused Iran of meddling.", "2020-01") == "2020-01..2020-01");  // at the article date's precision
  CHECK(when("Iraq accused Iran of meddling on January 3.", "2020-01-06", DateBasis::kText) == "2020-01-03..2020-01-03");
  CHECK(when("Iraq accused Iran of meddling on Sunday.", "2020-01-06", DateBasis::kText) == "2020-01-05..2020-01-05");
  CHECK(when("Iraq accused Iran of meddling.", "", DateBasis::kUnknown) == "..");  // no date at all
  // Told as before the article's news with no date of its own: undated, not the article's day.
  CHECK(when("Iraq recently accused Iran of meddling.", "2020-01-06", DateBasis::kUnknown) == "..");
  CHECK(when("Iraq had previously accused Iran of meddling.", "2020-01-06", DateBasis::kUnknown) == "..");
  // With a date of its own the date wins; "in recent weeks" is the news itself.
  CHECK(when("Iraq recently accused Iran of meddling on January 3.", "2020-01-06", DateBasis::kText) ==
        "2020-01-03..2020-01-03");
  CHECK(when("Iraq accused Iran of meddling in recent weeks.", "2020-01-06") == "2020-01-06..2020-01-06");
  // Planned, threatened or announced (mode planned): dated by when it was
  // planned, the article's day or the day of its saying, never undated.
  CHECK(when("Washington will close its embassy in Iraq.", "2020-09-25") == "2020-09-25..2020-09-25");
  CHECK(when("Iran said on Wednesday that it would retaliate against Israel.", "2024-04-05", DateBasis::kText) ==
        "2024-04-03..2024-04-03");
}

TEST_CASE("Extractor: no edge read from text has an open start, offices are points with the article basis "
          "unless they are a recorded tenure",
          "[extract][extractor]") {
  Article a;
  a.text = "Secretary of State Mike Pompeo warned Iran. The United States killed Qassem Soleimani. "
           "Iraq condemned the United States on January 3.";
  a.doc.id = "d";
  a.doc.date = Date::day(2020, 1, 6);
  a.sentences = splitSentences(a.text);
  const Extraction x = extractor().extract(a);
  size_t fromText = 0;
  for (const auto& e : x.edges) {
    const bool dictionary = e.edge.evidence.empty() || e.edge.evidence[0].doc.empty();
    if (dictionary) {
      if (e.edge.when.anyKnown()) CHECK(e.edge.dateBasis == DateBasis::kDictionary);
      continue;
    }
    ++fromText;
    INFO(edgeTypeName(e.edge.type) << " " << e.edge.when.from.toString() << ".." << e.edge.when.to.toString());
    if (e.edge.dateBasis == DateBasis::kDictionary) {
      // An office the dictionary records, read from the text: that tenure (Pompeo's 2018-04-26..2021-01-20).
      CHECK(isStandingType(e.edge.type));
      CHECK(e.edge.when.from.toString() == "2018-04-26");
      continue;
    }
    CHECK(e.edge.when.from.known() == e.edge.when.to.known());
    if (e.edge.when.anyKnown()) {
      CHECK(e.edge.when.from == e.edge.when.to);
      CHECK((e.edge.dateBasis == DateBasis::kText || e.edge.dateBasis == DateBasis::kArticle));
    }
  }
  CHECK(fromText >= 2);
}

TEST_CASE("Extractor: dictionary offices of mentioned actors come with their dates and dictionary evidence", "[extract][extractor]") {
  Article a;
  a.text = "Mustafa al-Kadhimi spoke.";
  a.doc.id = "d";
  a.sentences = splitSentences(a.text);
  const Extraction x = extractor().extract(a);
  bool office = false;
  for (const auto& e : x.edges) {
    if (e.edge.type != EdgeType::kLeaderOf || x.actors[e.dst].actor.name != "Iraq") continue;
    office = true;
    CHECK(e.edge.title == "Prime Minister");
    CHECK(e.edge.when.from.toString() == "2020-05-07");
    CHECK(e.edge.when.to.toString() == "2022-10-27");
    REQUIRE(e.edge.evidence.size() == 1);
    CHECK(e.edge.evidence[0].doc.empty());
    CHECK(e.edge.evidence[0].text.find("actors.txt") != std::string::npos);
  }
  CHECK(office);
}

TEST_CASE("Extractor: odd text never fails and yields nothing", "[extract][extractor]") {
  for (const std::string& text : {std::string(), std::string("\xff\xfe garbage \x01"), std::string(5000, '.'),
                                 std::string("---- ,,,, ;;;; ''''")}) {
    Article a;
    a.text = text;
    a.doc.id = "d";
    a.sentences = splitSentences(a.text);
    const Extraction x = extractor().extract(a);
    CHECK(x.edges.empty());
  }
}

TEST_CASE("Extractor: identity keys handed to the engine never join two actors of one kind", "[extract][extractor]") {
  Article a;
  a.text = "Syria and Israel traded fire. Hadi al-Amiri met Mark Milley. Khamenei and Khomeini were named. "
           "Hezbollah and Kata'ib Hezbollah denied it. Saddam Hussein and Fuad Hussein were compared.";
  a.doc.id = "d";
  a.doc.date = Date::day(2020, 1, 6);
  a.sentences = splitSentences(a.text);
  const Extraction x = extractor().extract(a);
  std::map<std::pair<std::string, int>, std::string> owner;
  for (const auto& xa : x.actors) {
    for (const auto& k : xa.nameKeys) {
      const auto slot = std::make_pair(k, static_cast<int>(xa.actor.kind));
      auto [it, inserted] = owner.emplace(slot, xa.actor.name);
      INFO("key '" << k << "' of " << xa.actor.name << " and " << it->second);
      CHECK((inserted || it->second == xa.actor.name));
    }
  }
  std::set<std::string> names;
  for (const auto& xa : x.actors) names.insert(xa.actor.name);
  for (const char* n : {"Syria", "Israel", "Hadi al-Amiri", "Mark Milley", "Ali Khamenei", "Ruhollah Khomeini",
                        "Hezbollah", "Kata'ib Hezbollah", "Saddam Hussein", "Fuad Hussein"}) {
    INFO(n);
    CHECK(names.count(n));
  }
}

TEST_CASE("Extractor: extractTokenized, given the article's tokens, extracts what extract() does",
          "[extract][extractor]") {
  // Every seed page: English, Arabic and Japanese articles (whose sentences
  // MeCab splits, so they are tokenized anew), datelines and headlines.
  size_t articles = 0;
  for (const auto& entry : fs::directory_iterator(KG_SEEDS_DIR)) {
    std::vector<ReadWarning> warnings;
    ReadStats stats;
    readBuffer(
        entry.path().string(), readFile(entry.path()),
        [&](RawDocument&& d) {
          for (const Article& a : toArticles(d, {})) {
            ++articles;
            const Extraction plain = extractor().extract(a);
            const Extraction taken = extractor().extractTokenized(a, tokenize(a.text, 0, a.text.size(), nullptr));
            INFO(entry.path().filename().string() << ": " << a.doc.title);
            CHECK(taken.outlet == plain.outlet);
            REQUIRE(taken.actors.size() == plain.actors.size());
            for (size_t k = 0; k < plain.actors.size(); ++k) {
              CHECK(taken.actors[k].actor == plain.actors[k].actor);
              CHECK(taken.actors[k].nameKeys == plain.actors[k].nameKeys);
              CHECK(taken.actors[k].learnedAliases == plain.actors[k].learnedAliases);
            }
            REQUIRE(taken.edges.size() == plain.edges.size());
            for (size_t k = 0; k < plain.edges.size(); ++k) {
              CHECK(taken.edges[k].src == plain.edges[k].src);
              CHECK(taken.edges[k].dst == plain.edges[k].dst);
              CHECK(taken.edges[k].edge == plain.edges[k].edge);
            }
          }
        },
        &warnings, &stats);
  }
  CHECK(articles > 30);
}

TEST_CASE("Extractor: extract() may run on several threads at once with the same results", "[extract][extractor]") {
  std::vector<Article> articles;
  for (const char* text : {"Soleimani and al-Muhandis were killed by a US drone near Baghdad airport.",
                           "\u7c73\u8ecd\u306f\u30bd\u30ec\u30a4\u30de\u30cb\u53f8\u4ee4\u5b98\u3092\u6bba\u5bb3\u3057\u305f\u3002",
                           "Washington accused Tehran of the attack on Sunday.",
                           "The premier met Matthew Tueller in Baghdad."}) {
    Article a;
    a.text = text;
    a.doc.id = "t";
    a.doc.date = Date::day(2020, 1, 6);
    a.sentences = splitSentences(a.text);
    articles.push_back(a);
  }
  auto render = [](const Extraction& x) {
    std::string s;
    for (const auto& e : x.edges)
      s += x.actors[e.src].actor.name + ">" + edgeTypeName(e.edge.type) + ">" + x.actors[e.dst].actor.name + ";";
    return s;
  };
  std::vector<std::string> expected;
  for (const auto& a : articles) expected.push_back(render(extractor().extract(a)));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round)
        for (const auto& a : articles) got[t].push_back(render(extractor().extract(a)));
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& g : got) {
    REQUIRE(g.size() == 20 * articles.size());
    for (size_t k = 0; k < g.size(); ++k) CHECK(g[k] == expected[k % articles.size()]);
  }
}

TEST_CASE("Extractor: no act of the dead, and no meeting with them, is dated after their recorded death",
          "[extract][extractor][dates]") {
  auto dated = [](const std::string& text, const std::string& date) {
    Article a;
    a.text = text;
    a.doc.id = "d";
    a.doc.date = Date::parse(date).value();
    a.sentences = splitSentences(a.text);
    std::set<std::string> out;
    const auto x = extractor().extract(a);
    for (const auto& e : x.edges) {
      if (isStandingType(e.edge.type)) continue;
      out.insert(x.actors[e.src].actor.name + " " + std::string(edgeTypeName(e.edge.type)) + " " +
                 x.actors[e.dst].actor.name + " " +
                 (e.edge.when.from.known() ? e.edge.when.from.toString() : "undated"));
    }
    return out;
  };
  // Soleimani died on 3 January 2020 (default dictionary). Three days on,
  // an undated report of his arrival is of that day, not of the dateline.
  const auto a = dated("Abu Mahdi al-Muhandis met Qassem Soleimani at Baghdad airport.", "2020-01-06");
  INFO(*a.begin());
  CHECK(a.count("Abu Mahdi al-Muhandis CONSULT Qassem Soleimani 2020-01-03"));
  // Words about the dead need no one alive: praise keeps the dateline.
  const auto b = dated("Ali Khamenei praised Qassem Soleimani.", "2020-01-06");
  CHECK(b.count("Ali Khamenei SUPPORT Qassem Soleimani 2020-01-06"));
  // Long after the death, an act with no date of its own is of an unknown day.
  const auto c = dated("Qassem Soleimani visited Baghdad.", "2021-03-01");
  for (const auto& l : c) CHECK(l.find("undated") != std::string::npos);
  CHECK_FALSE(c.empty());
  // A date the text gives before the death stands.
  const auto d = dated("Qassem Soleimani met Hassan Nasrallah in Beirut in 2019.", "2021-03-01");
  CHECK(d.count("Qassem Soleimani CONSULT Hassan Nasrallah 2019"));
}

TEST_CASE("Extractor: 'last summer' dates an event to the year of that summer", "[extract][extractor]") {
  Article a;
  a.doc.id = "season";
  a.doc.date = Date::day(2020, 1, 5);
  a.text = "Israel bombed the warehouses of the Popular Mobilization Forces last summer.";
  a.sentences = {{0, static_cast<uint32_t>(a.text.size())}};
  const Extraction x = extractor().extract(a);
  bool found = false;
  for (const auto& e : x.edges) {
    if (e.edge.type != EdgeType::kAssault) continue;
    found = true;
    CHECK(e.edge.when.from == Date::year(2019));
  }
  CHECK(found);
}

TEST_CASE("Extractor: a headline 'X calls on Y for ...' is a present-tense request on the article's date", "[extract][extractor]") {
  Article a;
  a.doc.id = "calls";
  a.doc.date = Date::day(2022, 8, 29);
  a.text = "Coordination Framework calls on Sadrist movement for dialogue";
  a.sentences = {{0, static_cast<uint32_t>(a.text.size())}};
  const Extraction x = extractor().extract(a);
  bool found = false;
  for (const auto& e : x.edges) {
    if (e.edge.type != EdgeType::kRequest) continue;
    found = true;
    CHECK(e.edge.when.from == Date::day(2022, 8, 29));
  }
  CHECK(found);
}

TEST_CASE("Extractor: 'The vote came two days after X' counts back from the day the sentence before gave the vote",
          "[extract][extractor][dates]") {
  // Article of Tuesday 2024-03-12 (invented parties, real states): the vote was on Sunday 03-10,
  // so the arrests two days before it were on Friday 03-08, not two days before the article.
  auto arrestDay = [](const std::string& text) {
    Article a;
    a.text = text;
    a.doc.id = "d";
    a.doc.date = Date::day(2024, 3, 12);
    a.sentences = splitSentences(a.text);
    const Extraction x = extractor().extract(a);
    std::string day = "none";
    for (const auto& e : x.edges)
      if (x.actors[e.src].actor.name == "Georgia" && x.actors[e.dst].actor.name == "Armenia" && !e.edge.evidence.empty() &&
          !e.edge.evidence.front().doc.empty())
        day = e.edge.when.from.toString();
    return day;
  };
  CHECK(arrestDay("Lawmakers in Tbilisi voted on Sunday to close the border. "
                  "The vote came two days after Georgian police arrested three Armenian diplomats.") == "2024-03-08");
  // A subject that is no event told before ("Azerbaijan") and no day before: from the article's date.
  CHECK(arrestDay("Azerbaijan closed its border two days after Georgian police arrested three Armenian diplomats.") ==
        "2024-03-10");
}

TEST_CASE("Extractor: 'the next day' is dated from the day an earlier sentence gave", "[extract][extractor][dates]") {
  // Article of Friday 2024-01-19; "on Tuesday" is 2024-01-16, so "the next day" is 01-17.
  Article a;
  a.text = "Iran struck targets in Pakistan on Tuesday. The next day Pakistan recalled its ambassador from Iran.";
  a.doc.id = "d";
  a.doc.date = Date::day(2024, 1, 19);
  a.sentences = splitSentences(a.text);
  const Extraction x = extractor().extract(a);
  bool seen = false;
  for (const auto& e : x.edges) {
    if (x.actors[e.src].actor.name != "Pakistan" || x.actors[e.dst].actor.name != "Iran") continue;
    seen = true;
    CHECK(e.edge.when.from.toString() == "2024-01-17");
    CHECK(e.edge.dateBasis == DateBasis::kText);
  }
  CHECK(seen);
}
