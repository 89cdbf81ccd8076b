// Helpers for the extraction tests: run the default extractor over a short
// text and print its edges as "Source -TYPE-> Target" lines.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <string>

#include "extract/extractor.h"
#include "extract/text/sentences.h"

namespace kg::extract::testing {

inline const Extractor& defaultExtractor() {
  static std::unique_ptr<Extractor> x = [] {
    auto r = Extractor::create({});
    if (!r.isOk()) return std::unique_ptr<Extractor>();
    return std::move(r).value();
  }();
  return *x;
}

inline Article article(const std::string& text, const std::string& date = "") {
  Article a;
  a.text = text;
  a.doc.id = "test-doc";
  if (!date.empty()) a.doc.date = Date::parse(date).value();
  a.sentences = splitSentences(a.text);
  return a;
}

// Edges read from the article (dictionary offices left out), as
// "Src -TYPE-> Dst" (with ":mode" when there is one).
inline std::set<std::string> eventLines(const Extraction& x, bool withMode = false) {
  std::set<std::string> out;
  for (const auto& e : x.edges) {
    if (e.edge.evidence.empty() || e.edge.evidence.front().doc.empty()) continue;
    std::string type = edgeTypeName(e.edge.type);
    if (withMode && !e.edge.mode.empty()) type += ":" + e.edge.mode;
    out.insert(x.actors[e.src].actor.name + " -" + type + "-> " + x.actors[e.dst].actor.name);
  }
  return out;
}

// True when `line` is among `lines`; otherwise false, with every line there
// logged for the next assertion's message.
inline bool hasLine(const std::set<std::string>& lines, const std::string& line) {
  if (lines.count(line)) return true;
  std::string all;
  for (const auto& x : lines) all += "\n  " + x;
  UNSCOPED_INFO("missing '" << line << "' in:" << all);
  return false;
}

inline std::set<std::string> facts(const std::string& text, const std::string& date = "", bool withMode = false) {
  return eventLines(defaultExtractor().extract(article(text, date)), withMode);
}

// The events coded as having happened: planned, threatened or announced
// ones (mode "planned", extract/coding/english_events.h) left out.
inline std::set<std::string> happened(const std::string& text, const std::string& date = "") {
  Extraction x = defaultExtractor().extract(article(text, date));
  std::erase_if(x.edges, [](const ExtractedEdge& e) { return e.edge.mode == "planned"; });
  return eventLines(x);
}

inline std::set<std::string> actorNames(const std::string& text, const std::string& date = "") {
  std::set<std::string> out;
  for (const auto& a : defaultExtractor().extract(article(text, date)).actors) out.insert(a.actor.name);
  return out;
}

}  // namespace kg::extract::testing
