// kg: the ActorGraph command line. Wires options -> engine -> commands.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/edit_distance.h"
#include "tools/kg/cli.h"

namespace {

using kg::editDistance;

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

// The subcommand the words of argv select ("kg --db x export --fromat" ->
// export), or the app itself.
const CLI::App* commandOf(const CLI::App& app, int argc, char** argv) {
  const CLI::App* at = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string w = argv[i];
    if (w == "--db" || w == "--remote") { ++i; continue; }
    if (w.rfind("-", 0) == 0) continue;
    for (const CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == w) {
        at = sub;
        break;
      }
  }
  return at;
}

// "kg neighbors IRAN --limt 5": the first option word of argv that neither
// the command nor kg itself knows, and the closest known option names.
std::pair<std::string, std::vector<std::string>> unknownOption(const CLI::App& app, const CLI::App& cmd, int argc,
                                                               char** argv) {
  std::vector<std::string> known;
  for (const CLI::App* a : {&cmd, &app})
    for (const CLI::Option* o : a->get_options())
      for (const auto& n : o->get_lnames()) known.push_back("--" + n);
  known.push_back("--help");
  for (int i = 1; i < argc; ++i) {
    std::string w = argv[i];
    if (w.rfind("--", 0) != 0 || w == "--") continue;
    w = w.substr(0, w.find('='));
    if (std::find(known.begin(), known.end(), w) != known.end()) continue;
    std::vector<std::pair<size_t, std::string>> near;
    for (const auto& k : known) {
      const size_t d = editDistance(w, k);
      if (d <= std::max<size_t>(2, w.size() / 4)) near.emplace_back(d, k);
    }
    std::sort(near.begin(), near.end());
    std::vector<std::string> names;
    for (const auto& [d, k] : near)
      if (names.size() < 3 && std::find(names.begin(), names.end(), k) == names.end()) names.push_back(k);
    return {w, names};
  }
  return {"", {}};
}

// "kg nieghbors": the command is unknown. Names it, with the nearest
// commands when they are close (usage error, exit 2); -1 when the word is
// a command after all (the parse failed for another reason).
int unknownCommand(const CLI::App& app, const std::string& word, bool json) {
  std::vector<std::pair<size_t, std::string>> near;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word) return -1;
    const size_t d = editDistance(word, sub->get_name());
    if (d <= std::max<size_t>(2, word.size() / 3)) near.emplace_back(d, sub->get_name());
  }
  std::sort(near.begin(), near.end());
  std::string msg = "'" + word + "' is not a kg command";
  std::vector<std::string> names;
  if (!near.empty()) {
    msg += "; did you mean '" + near.front().second + "'";
    names.push_back(near.front().second);
    for (size_t k = 1; k < near.size() && near[k].first == near.front().first; ++k) {
      msg += " or '" + near[k].second + "'";
      names.push_back(near[k].second);
    }
    msg += "?";
  }
  msg += " (kg --help lists them)";
  return kg::cli::printError(json, kg::cli::kExitUsage, "usage", msg, names);
}

bool wantsJson(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--json") return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  kg::cli::CliContext ctx;
  CLI::App app{"kg: ActorGraph, an actor-relationship knowledge graph of typed, dated, evidenced edges"};
  app.require_subcommand(1);
  app.fallthrough();  // --db/--json may follow the subcommand
  const char* env = std::getenv("KG_DB");
  ctx.dbPath = env && *env ? env : "./kg.db";
  // KG_WRITER_FOLD=0: writing commands leave a due fold of the snapshot file
  // to the next query (quicker writes, slower first query).
  const char* fold = std::getenv("KG_WRITER_FOLD");
  ctx.writerFold = !(fold && std::string_view(fold) == "0");
  // KG_SNAPSHOT_VERIFY=always: read the graph snapshot file whole (every
  // checksum) at every open, not once per version of the file.
  const char* verify = std::getenv("KG_SNAPSHOT_VERIFY");
  ctx.verifySnapshotEveryOpen = verify && std::string_view(verify) == "always";
  auto* db = app.add_option("--db", ctx.dbPath, "database directory (default: $KG_DB, else ./kg.db)");
  app.add_flag("--json", ctx.json, "print machine-readable JSON (errors too: {\"error\":{...}} on stderr)");
  app.add_flag("--quiet", ctx.quiet, "no progress lines on a terminal");
  app.add_option("--remote", ctx.remote, "HOST:PORT or unix:PATH of a kgd server to query instead of --db")
      ->excludes(db);
  app.set_version_flag("--version", std::string("kg (ActorGraph) ") + KG_VERSION);

  kg::cli::registerActorCommands(app, ctx);
  kg::cli::registerEdgeCommands(app, ctx);
  kg::cli::registerCurationCommands(app, ctx);
  kg::cli::registerImportCommands(app, ctx);
  kg::cli::registerIngestCommands(app, ctx);
  kg::cli::registerQueryCommands(app, ctx);
  kg::cli::registerExportCommands(app, ctx);
  kg::cli::registerDocCommands(app, ctx);
  // Further command groups register here.

  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.find_first_of(" \t'\"") != std::string::npos || a.empty()) a = "'" + a + "'";
    ctx.commandLine += (i > 1 ? " " : "") + a;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    const bool json = wantsJson(argc, argv);
    const std::string word = firstCommandWord(argc, argv);
    if (!word.empty() && app.get_subcommands().empty()) {
      if (int rc = unknownCommand(app, word, json); rc >= 0) return rc;
    }
    const CLI::App* cmd = commandOf(app, argc, argv);
    const std::string name = cmd == &app ? "kg" : "kg " + cmd->get_name();
    auto [option, near] = unknownOption(app, *cmd, argc, argv);
    if (!option.empty() && dynamic_cast<const CLI::ExtrasError*>(&e)) {
      std::string msg = "'" + option + "' is not an option of " + name;
      if (!near.empty()) msg += "; did you mean '" + near.front() + "'?";
      msg += " (" + name + " --help lists them)";
      return kg::cli::printError(json, kg::cli::kExitUsage, "usage", msg, near);
    }
    return kg::cli::printError(json, kg::cli::kExitUsage, "usage",
                               std::string(e.what()) + " (" + name + " --help lists the options)");
  }
  if (ctx.exitCode != 0) ctx.discardCreatedDatabase();
  // A failed final sync is the command's failure when nothing else failed;
  // after another error it is only worth a warning (one error per run).
  if (kg::Status closed = ctx.closeEngine(); !closed.isOk()) {
    if (ctx.exitCode == 0) ctx.exitCode = ctx.fail(closed);
    else if (!ctx.json) std::cerr << "kg: warning: " << closed.message() << "\n";
  }
  return ctx.exitCode;
}
