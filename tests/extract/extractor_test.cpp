// End-to-end extraction: the seed pages against a gold list written for the
// project (tests/extract/gold/seeds_gold.txt), and short articles written for
// the project that the dictionary was not tuned on (gold/unseen_*.txt).
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "extract/name_fold.h"
#include "extract/reader.h"
#include "extract/segmenter.h"
#include "extract/sentences.h"

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
    if (line.rfind("fact ", 0) == 0) {
      auto f = split(line.substr(5));
      f.resize(4);
      g.facts.push_back({f[0], f[1], f[2], f[3]});
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

void collect(const Extraction& x, Triples* out, bool verbose) {
  for (const auto& e : x.edges) {
    if (e.edge.evidence.empty() || e.edge.evidence.front().doc.empty()) continue;  // dictionary offices
    const std::string t = key(x.actors[e.src].actor.name) + "|" + edgeTypeName(e.edge.type) + "|" +
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
};

Score score(const Gold& gold, const Triples& got, bool verbose) {
  Score s;
  std::set<std::string> goldKeys;
  for (const auto& f : gold.facts) {
    const std::string t = key(f.src) + "|" + f.type + "|" + key(f.dst);
    goldKeys.insert(t);
    ++s.goldTotal;
    auto it = got.find(t);
    if (it != got.end()) {
      ++s.goldFound;
      if (!f.date.empty()) {
        ++s.dated;
        for (const auto& d : it->second) {
          if (d == f.date || d == "<=" + f.date) { ++s.datedRight; break; }
        }
      }
    } else if (verbose) {
      std::cout << "  MISSED " << t << "\n";
    }
  }
  for (const auto& [t, dates] : got) {
    ++s.extracted;
    if (goldKeys.count(t)) ++s.correct;
    else if (verbose) std::cout << "  EXTRA " << t << "\n";
  }
  return s;
}

void print(const char* what, const Score& s) {
  std::cout << what << ": precision " << s.correct << "/" << s.extracted << " = "
            << (s.extracted ? 100.0 * s.correct / s.extracted : 0) << "%, recall " << s.goldFound << "/" << s.goldTotal
            << " = " << (s.goldTotal ? 100.0 * s.goldFound / s.goldTotal : 0) << "%, dates right " << s.datedRight
            << "/" << s.dated << "\n";
}

bool verbose() { return std::getenv("KG_GOLD_VERBOSE") != nullptr; }

Triples extractPages(const std::vector<fs::path>& files) {
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
      collect(extractor().extract(a), &got, verbose());
    }
  }
  return got;
}

}  // namespace

TEST_CASE("Extractor: the seed pages meet the gold list's precision and recall floors", "[extract][gold]") {
  const fs::path seeds = KG_SEEDS_DIR;
  if (!fs::exists(seeds)) {
    WARN("seed directory " << seeds << " not present; skipped");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(seeds)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  const Gold gold = readGold(fs::path(KG_GOLD_DIR) / "seeds_gold.txt");
  CHECK(gold.facts.size() >= 40);
  const Score s = score(gold, extractPages(files), verbose());
  print("seeds", s);
  CHECK(s.goldFound * 100 >= s.goldTotal * 40);
  CHECK(s.correct * 100 >= s.extracted * 40);
}
