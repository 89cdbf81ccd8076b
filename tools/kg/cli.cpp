#include "tools/kg/cli.h"

#include <algorithm>
#include <sstream>

#include "graph/snapshot_file.h"
#include "rpc/client.h"
#include "rpc/local_graph.h"

namespace kg::cli {

Result<core::Engine*> CliContext::engine(bool write) {
  if (!remote.empty())
    return Status::invalidArgument("this command works on a local database; drop --remote and pass --db PATH");
  if (engine_ && (engineWritable_ || !write)) return engine_.get();
  api_.reset();  // it borrows the engine
  engine_.reset();
  core::EngineOptions opts;
  opts.readOnly = !write;
  opts.createIfMissing = write;
  auto e = core::Engine::open(dbPath, opts);
  if (!e) {
    if (e.status().code() == StatusCode::kNotFound && !write)
      return Status::notFound("no database at '" + dbPath +
                              "' (create one with `kg actor add` or `kg ingest`, or pass --db PATH)");
    return e.status();
  }
  engine_ = std::move(e).value();
  engineWritable_ = write;
  return engine_.get();
}

void CliContext::closeEngine() {
  api_.reset();
  if (engine_ && engineWritable_) (void)graph::trimChangeLog(engine_->store(), engine_->path());
  engine_.reset();
}

Result<rpc::GraphApi*> CliContext::api() {
  if (api_) return api_.get();
  if (!remote.empty()) {
    auto client = rpc::Client::connect(remote);
    if (!client) return client.status();
    api_ = std::move(client).value();
    return api_.get();
  }
  auto e = engine(false);
  if (!e) return e.status();
  auto local = std::make_unique<rpc::LocalGraph>(**e);
  local->setSnapshotReport([](const std::string& line) { std::cerr << "kg: warning: " << line << "\n"; });
  api_ = std::move(local);
  return api_.get();
}

int CliContext::fail(const Status& status) {
  std::cerr << "kg: error: " << status.message() << "\n";
  return kExitError;
}

std::string CliContext::nameOf(ActorId id) {
  if (api_) return api_->nameOf(id);
  if (!engine_) return "#" + std::to_string(id);
  auto a = engine_->store().getActor(id);
  if (!a || !a->has_value()) return "#" + std::to_string(id);
  return (*a)->name;
}

CLI::Validator countCheck() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value.empty() || value.size() > 13 ||
            !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return "'" + value + "' is not a count (a whole number from 0 to " + std::to_string(kMaxCount) + ")";
        if (std::stoull(value) > kMaxCount)
          return "'" + value + "' is beyond the largest count " + std::to_string(kMaxCount);
        return "";
      },
      "COUNT");
}

CLI::Validator cameoCheck() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value.empty()) return "empty CAMEO code list ''; give codes or prefixes of 1 to 4 digits, e.g. 19,0211";
        auto list = query::parseCameoList(value);
        return list ? "" : list.status().message();
      },
      "CODES");
}

void addCameoOption(CLI::App* cmd, std::string& text) {
  cmd->add_option("--cameo", text,
                  "only edges whose CAMEO code starts with one of these codes or prefixes, comma-separated "
                  "(e.g. 19,0211; edges without a CAMEO code never match)")
      ->check(cameoCheck());
}

Status parseCameoOption(const std::string& text, query::Filter* filter) {
  auto list = query::parseCameoList(text);
  if (!list) return Status::invalidArgument("--cameo: " + list.status().message());
  filter->cameo = std::move(list).value();
  return Status::ok();
}

Result<std::optional<Date>> parseDateOption(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<Date>();
  auto d = Date::parse(text);
  if (!d) return Status::invalidArgument(std::string(option) + ": " + d.status().message());
  return std::optional<Date>(d.value());
}

Result<std::vector<EdgeType>> parseTypeList(const std::string& text) {
  std::vector<EdgeType> types;
  std::stringstream ss(text);
  std::string t;
  while (std::getline(ss, t, ',')) {
    auto type = parseEdgeType(t);
    if (!type) return type.status();
    types.push_back(type.value());
  }
  return types;
}

Status parseWindow(const std::string& from, const std::string& to, bool undated, query::Filter* filter) {
  auto lo = parseDateOption(from, "--from");
  if (!lo) return lo.status();
  auto hi = parseDateOption(to, "--to");
  if (!hi) return hi.status();
  if (*lo) filter->fromDay = (*lo)->days();
  if (*hi) filter->toDay = (*hi)->lastDay();
  if (filter->fromDay && filter->toDay && *filter->toDay < *filter->fromDay)
    return Status::invalidArgument("the window ends (--to " + to + ") before it starts (--from " + from + ")");
  filter->includeUndated = undated;
  return Status::ok();
}

}  // namespace kg::cli
