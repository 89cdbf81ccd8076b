// kg doc ID, kg docs: the documents evidence was read from, with the title,
// source, date, URL and language the docs family records. Local databases
// only (the RPC interface serves edges and their evidence, not documents).
#include <algorithm>

#include "tools/kg/cli.h"
#include "tools/kg/table.h"

namespace kg::cli {

namespace {

nlohmann::json docToJson(const Document& d) {
  nlohmann::json j = {{"id", d.id},     {"title", d.title},   {"source", d.source},    {"url", d.url},
                      {"date", nullptr}, {"language", d.language}, {"outlet", d.outlet}};
  if (d.date.known()) j["date"] = d.date.toString();
  return j;
}

std::string orDash(const std::string& s) { return s.empty() ? "-" : s; }

int showDoc(CliContext& ctx, const std::string& id) {
  auto engine = ctx.engine(false);
  if (!engine) return ctx.failOpen(engine.status());
  const storage::GraphStore& store = (*engine)->store();
  auto doc = store.getDocument(id);
  if (!doc) return ctx.fail(doc.status());
  std::optional<Document> found = std::move(doc).value();
  if (!found && id.size() >= 6) {
    // A prefix of the content hash, as `kg docs` and evidence lists show it.
    std::vector<Document> matches;
    Status st = store.scanDocuments([&](const Document& d) {
      if (d.id.compare(0, id.size(), id) == 0) matches.push_back(d);
      return matches.size() > 1 ? storage::Scan::kStop : storage::Scan::kContinue;
    });
    if (!st.isOk()) return ctx.fail(st);
    if (matches.size() > 1) return ctx.fail("'" + id + "' is the start of several document ids; give more of it");
    if (matches.size() == 1) found = matches.front();
  }
  if (!found) return ctx.fail(Status::notFound("no document '" + id + "' (kg docs lists them)"), kExitNotFound);
  const Document& d = *found;
  if (ctx.json) {
    ctx.printJson(docToJson(d));
    return 0;
  }
  std::cout << "id:        " << d.id << "\n"
            << "title:     " << printable(orDash(d.title)) << "\n"
            << "source:    " << printable(orDash(d.source)) << "\n";
  if (!d.outlet.empty()) std::cout << "outlet:    " << printable(d.outlet) << "\n";
  std::cout << "date:      " << (d.date.known() ? d.date.toString() : "undated") << "\n"
            << "url:       " << printable(orDash(d.url)) << "\n"
            << "language:  " << orDash(d.language) << "\n";
  return 0;
}

int listDocs(CliContext& ctx, size_t limit) {
  auto engine = ctx.engine(false);
  if (!engine) return ctx.failOpen(engine.status());
  std::vector<Document> docs;
  size_t total = 0;
  Status st = (*engine)->store().scanDocuments([&](const Document& d) {
    ++total;
    if (!limit || docs.size() < limit) docs.push_back(d);
    return storage::Scan::kContinue;
  });
  if (!st.isOk()) return ctx.fail(st);
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& d : docs) arr.push_back(docToJson(d));
    ctx.printJson(arr);
    return 0;
  }
  Table t({{"ID", 64}, {"DATE", 10}, {"LANG", 4}, {"SOURCE", 30}, {"TITLE", 60}, {"URL", 80}});
  for (const auto& d : docs)
    t.addRow({d.id, d.date.known() ? d.date.toString() : "undated", orDash(d.language), orDash(d.source),
              orDash(d.title), orDash(d.url)});
  t.print(std::cout);
  if (docs.size() < total) std::cout << leftOutLine(total - docs.size(), "documents") << "\n";
  return 0;
}

}  // namespace

void registerDocCommands(CLI::App& app, CliContext& ctx) {
  auto* doc = app.add_subcommand("doc", "a document evidence was read from: title, source, date, URL, language");
  auto id = std::make_shared<std::string>();
  doc->add_option("ID", *id, "the document id (its content hash, or the start of it, at least 6 characters)")
      ->required();
  doc->callback([&ctx, id] { ctx.exitCode = showDoc(ctx, *id); });

  auto* docs = app.add_subcommand("docs", "list the stored documents");
  auto limit = std::make_shared<size_t>(0);
  docs->add_option("--limit", *limit, "list at most this many documents (default: all)")->check(countCheck());
  docs->callback([&ctx, limit] { ctx.exitCode = listDocs(ctx, *limit); });
}

}  // namespace kg::cli
