// kg: the ActorGraph command line. Wires options -> engine -> commands.
#include <cstdlib>

#include "tools/kg/cli.h"

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

  kg::cli::registerActorCommands(app, ctx);
  kg::cli::registerEdgeCommands(app, ctx);
  kg::cli::registerImportCommands(app, ctx);
  kg::cli::registerIngestCommands(app, ctx);
  kg::cli::registerQueryCommands(app, ctx);
  kg::cli::registerExportCommands(app, ctx);
  // Further command groups register here.

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kg::cli::kExitUsage;
  }
  return ctx.exitCode;
}
