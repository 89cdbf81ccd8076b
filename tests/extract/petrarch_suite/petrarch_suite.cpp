#include "petrarch_suite.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extract/coding/actor_codes.h"
#include "extract/coding/event_coder.h"
#include "extract/coding/np_binding.h"
#include "extract/actors/catalog.h"
#include "extract/lexicon/agent_dictionary.h"
#include "extract/lexicon/discard_list.h"
#include "extract/lexicon/verb_dictionary.h"
#include "extract/actors/mentions.h"
#include "extract/text/normalizer.h"
#include "extract/actors/petrarch_actors.h"
#include "extract/actors/resolver.h"
#include "extract/syntax/clauses.h"

namespace kg::testing {

namespace {

using namespace kg::extract;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The value of attribute `name` in a tag's text ("" when absent); either quote.
std::string attribute(const std::string& tag, const std::string& name) {
  for (size_t at = tag.find(name); at != std::string::npos; at = tag.find(name, at + 1)) {
    size_t k = at + name.size();
    while (k < tag.size() && tag[k] == ' ') ++k;
    if (k >= tag.size() || tag[k] != '=') continue;
    ++k;
    while (k < tag.size() && tag[k] == ' ') ++k;
    if (k >= tag.size() || (tag[k] != '"' && tag[k] != '\'')) continue;
    const char q = tag[k];
    const size_t close = tag.find(q, k + 1);
    if (close == std::string::npos) return "";
    return tag.substr(k + 1, close - k - 1);
  }
  return "";
}

std::string collapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Records between <Sentences> tags; comments removed first.
std::vector<SuiteRecord> readRecords(std::string xml) {
  for (size_t c = xml.find("<!--"); c != std::string::npos; c = xml.find("<!--", c)) {
    const size_t e = xml.find("-->", c);
    xml.erase(c, e == std::string::npos ? std::string::npos : e + 3 - c);
  }
  std::vector<SuiteRecord> out;
  for (size_t at = xml.find("<Sentence "); at != std::string::npos; at = xml.find("<Sentence ", at + 1)) {
    const size_t end = xml.find("</Sentence>", at);
    const std::string body = xml.substr(at, end == std::string::npos ? std::string::npos : end - at);
    const std::string open = body.substr(0, body.find('>'));
    SuiteRecord r;
    r.id = attribute(open, "id");
    r.category = attribute(open, "category");
    r.date = attribute(open, "date");
    for (size_t e = body.find("<EventCoding"); e != std::string::npos; e = body.find("<EventCoding", e + 1)) {
      const std::string tag = body.substr(e, body.find('>', e) - e);
      if (!attribute(tag, "noevents").empty()) r.noEvents = true;
      else if (tag.find("error") != std::string::npos) r.errorRecord = true;
      else r.expected.push_back({attribute(tag, "sourcecode"), attribute(tag, "targetcode"), attribute(tag, "eventcode")});
    }
    const size_t t = body.find("<Text>"), te = body.find("</Text>");
    if (t != std::string::npos && te != std::string::npos) r.text = collapseSpaces(body.substr(t + 6, te - t - 6));
    for (size_t a = r.text.find("&amp;"); a != std::string::npos; a = r.text.find("&amp;", a + 1)) r.text.erase(a + 1, 4);
    out.push_back(std::move(r));
  }
  return out;
}

Date recordDate(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return {};
  auto d = Date::parse(yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2));
  return d.isOk() ? d.value() : Date();
}

// "FRO/BIL/SAM" -> its three codes; an agent suffix applies to each
// ("FRO/BILGOV" is not written by PETRARCH, so the suffix stays on the last).
std::vector<std::string> splitCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t at = 0;
  while (true) {
    const size_t slash = code.find('/', at);
    out.push_back(code.substr(at, slash == std::string::npos ? std::string::npos : slash - at));
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  return out;
}

void score(SuiteRecord& r, SuiteCounts* c) {
  ++c->records;
  c->expected += r.expected.size();
  c->produced += r.produced.size();
  std::vector<bool> used(r.produced.size(), false);
  for (const auto& e : r.expected) {
    bool exact = false, root = false;
    for (size_t k = 0; k < r.produced.size() && !exact; ++k) {
      if (used[k]) continue;
      const auto& p = r.produced[k];
      if (p.source != e.source || p.target != e.target) continue;
      if (p.code == e.code) { exact = true; used[k] = true; }
    }
    for (size_t k = 0; k < r.produced.size() && !exact && !root; ++k) {
      if (used[k]) continue;
      const auto& p = r.produced[k];
      if (p.source == e.source && p.target == e.target && p.code.substr(0, 2) == e.code.substr(0, 2)) {
        root = true;
        used[k] = true;
      }
    }
    if (exact) ++c->exact;
    if (exact || root) ++c->root;
    else ++c->missed;
  }
  size_t spurious = std::count(used.begin(), used.end(), false);
  c->spurious += spurious;
  if (spurious) ++c->recordsWithSpurious;
}

}  // namespace

Result<SuiteReport> runPetrarchSuite(const std::string& dir) {
  SuiteReport report;
  const std::string recordsPath = dir + "/PETR.UnitTest.records.xml";
  if (!std::ifstream(recordsPath)) return Status::notFound("cannot read " + recordsPath);
  Catalog catalog;
  KG_RETURN_IF_ERROR(loadPetrarchFile(dir + "/PETR.Validate.actors.txt", &catalog, &report.warnings));
  KG_RETURN_IF_ERROR(catalog.link());
  auto verbs = VerbDictionary::load(dir + "/PETR.Validate.verbs.txt", &report.warnings);
  if (!verbs) return verbs.status();
  auto agents = AgentDictionary::load(dir + "/PETR.Validate.agents.txt", &report.warnings);
  if (!agents) return agents.status();
  auto discards = DiscardList::load(dir + "/PETR.Validate.discards.txt", &report.warnings);
  if (!discards) return discards.status();
  auto lexicon = syntax::Lexicon::load();
  if (!lexicon) return lexicon.status();
  MentionIndex index(catalog, nullptr);
  OfficeTable offices(catalog);
  EventCoder coder({&verbs.value()});

  report.records = readRecords(readFile(recordsPath));
  for (SuiteRecord& r : report.records) {
    if (r.errorRecord) continue;
    const Date date = recordDate(r.date);
    const std::string text = normalizeText(r.text);
    if (!discards->find(text)) {
      Resolver resolver(catalog, offices, date);
      const auto tokens = tokenize(text, 0, text.size(), nullptr);
      const auto mentions = findMentions(tokens, index, &resolver);
      const auto parse = syntax::parse(*lexicon.value(), text, 0);
      const NpActors bound = bindMentions(parse, mentions);
      r.trace = syntax::toString(parse);
      for (size_t k = 0; k < bound.size(); ++k)
        for (size_t e : bound[k])
          r.trace += "\n  NP" + std::to_string(k) + " = " + resolver.entities()[e].actor.name + " [" +
                     cameoCodeOn(resolver.entities()[e].actor, date) + "]";
      for (const CodedEvent& e : coder.code(parse, bound)) {
        // Planned events count: PETRARCH codes them like any other (we flag them).
        auto entityCode = [&](size_t entity) { return entityCodeOn(resolver.entities()[entity], catalog, date); };
        // PETRARCH reads agents anywhere in the phrase and writes them even
        // for an actor without a code.
        auto codeOf = [&](size_t entity, int32_t np) {
          return partyCode(parse, bound, entity, np, entityCode, {&agents.value()}, AgentWords::kWholeSpan, true);
        };
        // A compound code "FRO/BIL/SAM" stands for each of its actors.
        for (const auto& src : splitCodes(codeOf(e.source, e.sourceNp)))
          for (const auto& dst : splitCodes(codeOf(e.target, e.targetNp))) {
            SuiteEvent ev{src, dst, e.code};
            if (std::find(r.produced.begin(), r.produced.end(), ev) == r.produced.end()) r.produced.push_back(ev);
          }
      }
    }
    score(r, &report.total);
    score(r, &report.byCategory[r.category]);
  }
  return report;
}

}  // namespace kg::testing
