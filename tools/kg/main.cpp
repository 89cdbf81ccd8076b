// kg: the ActorGraph command line. Wires options -> engine -> commands.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "tools/kg/cli.h"

namespace {

// Levenshtein distance between two short words.
size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The first word that is neither an option nor an option's value: what
// the user meant as the command ("kg --db x nieghbors IRAN" -> "nieghbors").
std::string firstCommandWord(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string w = argv[i];
    if (w == "--db" || w == "--remote") { ++i; continue; }
    if (w.rfind("-", 0) == 0) continue;
    return w;
  }
  return "";
}

// "kg nieghbors": the command is unknown. Names it, with the nearest
// commands when they are close (usage error, exit 2); -1 when the word is
// a command after all (the parse failed for another reason).
int unknownCommand(const CLI::App& app, const std::string& word) {
  std::vector<std::pair<size_t, std::string>> near;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word) return -1;
    const size_t d = editDistance(word, sub->get_name());
    if (d <= std::max<size_t>(2, word.size() / 3)) near.emplace_back(d, sub->get_name());
  }
  std::sort(near.begin(), near.end());
  std::cerr << "kg: error: '" << word << "' is not a kg command";
  if (!near.empty()) {
    std::cerr << "; did you mean '" << near.front().second << "'";
    for (size_t k = 1; k < near.size() && near[k].first == near.front().first; ++k)
      std::cerr << " or '" << near[k].second << "'";
    std::cerr << "?";
  }
  std::cerr << " (kg --help lists them)\n";
  return kg::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  kg::cli::CliContext ctx;
  CLI::App app{"kg: ActorGraph, an actor-relationship knowledge graph of typed, dated, evidenced edges"};
  app.require_subcommand(1);
  app.fallthrough();  // --db/--json may follow the subcommand
  const char* env = std::getenv("KG_DB");
  ctx.dbPath = env && *env ? env : "./kg.db";
  app.add_option("--db", ctx.dbPath, "database directory (default: $KG_DB, else ./kg.db)");
  app.add_flag("--json", ctx.json, "print machine-readable JSON");
  app.add_option("--remote", ctx.remote, "HOST:PORT or unix:PATH of a kgd server to query instead of --db");
  app.set_version_flag("--version", std::string("kg (ActorGraph) ") + KG_VERSION);

  kg::cli::registerActorCommands(app, ctx);
  kg::cli::registerEdgeCommands(app, ctx);
  kg::cli::registerCurationCommands(app, ctx);
  kg::cli::registerImportCommands(app, ctx);
  kg::cli::registerIngestCommands(app, ctx);
  kg::cli::registerQueryCommands(app, ctx);
  kg::cli::registerExportCommands(app, ctx);
  // Further command groups register here.

  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.find_first_of(" \t'\"") != std::string::npos || a.empty()) a = "'" + a + "'";
    ctx.commandLine += (i > 1 ? " " : "") + a;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const std::string word = firstCommandWord(argc, argv);
    if (!word.empty() && app.get_subcommands().empty()) {
      if (int rc = unknownCommand(app, word); rc >= 0) return rc;
    }
    int rc = app.exit(e);
    return rc == 0 ? 0 : kg::cli::kExitUsage;
  }
  return ctx.exitCode;
}
