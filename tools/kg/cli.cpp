#include "tools/kg/cli.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "core/json_codec.h"
#include "core/local_graph.h"
#include "rpc/client.h"
#include "tools/kg/table.h"

namespace kg::cli {

Result<core::Engine*> CliContext::engine(bool write) {
  if (!remote.empty())
    return Status::invalidArgument("this command works on a local database; drop --remote and pass --db PATH");
  if (engine_ && (engineWritable_ || !write)) return engine_.get();
  api_.reset();  // it borrows the engine
  engine_.reset();
  std::error_code ec;
  const bool existed = std::filesystem::exists(dbPath, ec);
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
  if (write && !existed) createdDb_ = true;
  return engine_.get();
}

Status CliContext::closeEngine() {
  api_.reset();
  if (!engine_) return Status::ok();
  if (engineWritable_) (void)core::trimChangeLog(*engine_);
  // The writer pays for a due fold, not the next query; what the command
  // committed stands whatever happens here. After the trim, whose commit
  // would leave the folded file one commit behind the store; the records the
  // folded file makes useless go at the next writer's trim.
  if (engineWritable_ && writerFold && exitCode == 0) {
    auto folded = core::foldSnapshotFile(*engine_, verifySnapshotEveryOpen);
    if (!folded && !json)
      std::cerr << "kg: warning: could not fold the graph snapshot file (the next query will): "
                << folded.status().message() << "\n";
  }
  Status closed = engine_->close();
  engine_.reset();
  if (closed.isOk()) return closed;
  return Status(closed.code(), "closing the database '" + dbPath + "' failed: " + closed.message() +
                                   " (what the command committed is kept: the next open recovers it)");
}

Result<core::GraphApi*> CliContext::api() {
  if (api_) return api_.get();
  if (!remote.empty()) {
    auto client = rpc::Client::connect(remote);
    if (!client) return client.status();
    api_ = std::move(client).value();
    return api_.get();
  }
  auto e = engine(false);
  if (!e) return e.status();
  auto local = std::make_unique<core::LocalGraph>(**e);
  local->setSnapshotReport([](const std::string& line) { std::cerr << "kg: warning: " << line << "\n"; });
  local->setSnapshotVerifyEveryOpen(verifySnapshotEveryOpen);
  local->setSnapshotProgress([this](uint64_t done, uint64_t total) {
    if (progress) progress->snapshotBuild(done, total);
  });
  api_ = std::move(local);
  return api_.get();
}

Result<core::GraphApi*> CliContext::writableApi() {
  if (!remote.empty()) return api();
  auto e = engine(true);  // drops an api_ over a read-only engine
  if (!e) return e.status();
  if (!api_) {
    auto local = std::make_unique<core::LocalGraph>(**e);
    local->setSnapshotReport([](const std::string& line) { std::cerr << "kg: warning: " << line << "\n"; });
    local->setSnapshotVerifyEveryOpen(verifySnapshotEveryOpen);
    api_ = std::move(local);
  }
  return api_.get();
}

namespace {

std::string codeName(StatusCode c) {
  switch (c) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kBusy: return "busy";
    case StatusCode::kLimitExceeded: return "limit_exceeded";
    case StatusCode::kIOError: return "io_error";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kDeadlineExceeded: return "deadline_exceeded";
    case StatusCode::kInternal: break;
  }
  return "internal";
}

}  // namespace

std::vector<std::string> suggestionsIn(const std::string& message) {
  std::vector<std::string> out;
  static const std::string kMarker = "closest known names: ";
  const size_t pos = message.find(kMarker);
  if (pos == std::string::npos) return out;
  const std::string rest = message.substr(pos + kMarker.size());
  size_t start = 0;
  while (start < rest.size()) {
    const size_t comma = rest.find(", ", start);
    out.push_back(rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return out;
}

int printError(bool json, int exit, const std::string& code, const std::string& message,
               const std::vector<std::string>& suggestions) {
  if (json) {
    nlohmann::json j = {{"error", {{"code", code}, {"message", message}, {"suggestions", suggestions}, {"exit", exit}}}};
    std::cerr << j.dump() << "\n";
    return exit;
  }
  std::cerr << "kg: error: " << message;
  if (!suggestions.empty() && message.find(suggestions.front()) == std::string::npos) {
    std::cerr << "; did you mean ";
    for (size_t i = 0; i < suggestions.size(); ++i)
      std::cerr << (i ? (i + 1 == suggestions.size() ? " or " : ", ") : "") << "'" << suggestions[i] << "'";
    std::cerr << "?";
  }
  std::cerr << "\n";
  return exit;
}

int CliContext::fail(const Status& status, int exit) {
  // A query stopped at kgd's deadline is neither a usage error nor a plain
  // failure: a script may retry it narrower, or later.
  if (status.code() == StatusCode::kDeadlineExceeded) exit = kExitDeadline;
  const std::string code =
      exit == kExitUsage ? "usage" : exit == kExitNotFound ? "not_found" : codeName(status.code());
  return printError(json, exit, code, status.message(),
                    status.code() == StatusCode::kNotFound ? suggestionsIn(status.message()) : std::vector<std::string>{});
}

int CliContext::failLookup(const Status& status) {
  if (status.code() == StatusCode::kNotFound) return fail(status, kExitNotFound);
  if (status.code() == StatusCode::kLimitExceeded) return fail(status, kExitUsage);
  return fail(status);
}

void CliContext::discardCreatedDatabase() {
  if (!createdDb_) return;
  if (engine_) {
    auto st = engine_->store().stats();
    if (!st || st->actors || st->edges || st->documents || st->evidence) return;
  }
  (void)closeEngine();  // the database is removed
  std::error_code ec;
  std::filesystem::remove_all(dbPath, ec);
  createdDb_ = false;
}

Result<Actor> storedActor(const core::Engine& engine, const core::ActorRef& ref) {
  if (!ref.byId()) return engine.resolveOne(ref.name());
  auto a = engine.store().getActor(ref.id());
  if (!a) return a.status();
  if (!a->has_value()) return Status::notFound("no actor with id " + std::to_string(ref.id()));
  return std::move(**a);
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

void addFilterOptions(CLI::App* cmd, FilterArgs& a) {
  cmd->add_option("--type", a.types, "only these edge types, comma-separated (" + edgeTypeList() + ")");
  addCameoOption(cmd, a.cameo);
  cmd->add_option("--from", a.from, "window start YYYY[-MM[-DD]]: edges whose dates overlap the window");
  cmd->add_option("--to", a.to, "window end YYYY[-MM[-DD]]");
  cmd->add_flag("--undated", a.undated, "with a window, also use edges with no known date");
  cmd->add_option("--direction", a.direction, "walk edges out (src->dst), in (dst->src) or both (default)")
      ->check(CLI::IsMember({"out", "in", "both"}));
  cmd->add_option("--min-confidence", a.minConfidence, "only edges of at least this confidence (0..1)");
}

Result<query::Filter> toFilter(const FilterArgs& a, bool hasWindow) {
  query::Filter f;
  auto types = parseTypeList(a.types);
  if (!types) return Status::invalidArgument("--type: " + types.status().message());
  f.types = std::move(types).value();
  KG_RETURN_IF_ERROR(parseCameoOption(a.cameo, &f));
  KG_RETURN_IF_ERROR(parseWindow(a.from, a.to, a.undated, &f));
  if (a.undated && a.from.empty() && a.to.empty() && !hasWindow)
    return Status::invalidArgument("--undated only applies with a window (--from/--to): without one every edge is used");
  auto dir = query::parseDirection(a.direction);
  if (!dir) return dir.status();
  f.direction = *dir;
  if (!(a.minConfidence >= 0.0f && a.minConfidence <= 1.0f))
    return Status::invalidArgument("--min-confidence " + std::to_string(a.minConfidence) + " is outside 0..1");
  f.minConfidence = a.minConfidence;
  return f;
}

std::string dateText(const DateRange& r) {
  if (!r.anyKnown()) return "undated";
  const std::string from = r.from.known() ? r.from.toString() : "?";
  if (r.to == r.from) return from;
  return from + ".." + (r.to.known() ? r.to.toString() : "?");
}

std::string numberText(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf");
  if (x == std::floor(x) && std::fabs(x) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
  }
  const int digits = x == 0 ? 1 : static_cast<int>(std::floor(std::log10(std::fabs(x)))) + 1;
  const int decimals = std::clamp(6 - digits, 0, 12);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string leftOutLine(size_t leftOut, const std::string& what) {
  if (leftOut == 0) return "";
  return "... " + std::to_string(leftOut) + " more " + what + " not shown (raise --limit)";
}

std::string evidenceText(const Evidence& ev, size_t width) {
  std::string doc;
  if (!ev.docTitle.empty() || ev.docDate.known()) {
    doc = " (" + fitWidth(ev.docTitle, std::max<size_t>(width / 3, 16));
    if (ev.docDate.known()) doc += (ev.docTitle.empty() ? "" : ", ") + ev.docDate.toString();
    doc += ")";
  }
  const size_t docWidth = displayWidth(doc);
  const size_t quoteWidth = width > docWidth + 12 ? width - docWidth : std::min<size_t>(width, 40);
  // A cut sentence ends in the marker, without its closing quote.
  const std::string out = fitWidth("\"" + ev.text + "\"", quoteWidth);
  return fitWidth(out + doc, width);
}

void printEdgeTable(CliContext& ctx, const std::vector<Edge>& edges, size_t limit, const std::string& what, bool withId,
                    std::optional<size_t> total) {
  std::vector<Table::Column> cols;
  if (withId) cols.push_back({"ID", 10, true});
  for (Table::Column c : std::initializer_list<Table::Column>{{"DATE", 23},
                                                              {"BASIS", 10},
                                                              {"SRCS", 5, true},
                                                              {"SOURCE", 30},
                                                              {"TYPE", 30},
                                                              {"TARGET", 30},
                                                              {"EVIDENCE", 110}})
    cols.push_back(c);
  Table t(std::move(cols));
  const size_t shown = limit ? std::min(limit, edges.size()) : edges.size();
  for (size_t i = 0; i < shown; ++i) {
    const Edge& e = edges[i];
    std::string type = edgeTypeName(e.type);
    if (!e.mode.empty()) type += ":" + e.mode;
    if (!e.title.empty()) type += " (" + e.title + ")";
    const std::string basis = dateBasisName(e.dateBasis);
    std::vector<std::string> row;
    if (withId) row.push_back(std::to_string(e.id));
    for (auto& c : {dateText(e.when), basis.empty() ? std::string("-") : basis,
                    e.sources ? std::to_string(e.sources) : std::string("-"), ctx.nameOf(e.src), type,
                    ctx.nameOf(e.dst), e.evidence.empty() ? std::string() : evidenceText(e.evidence.front(), 110)})
      row.push_back(c);
    t.addRow(std::move(row));
  }
  t.print(std::cout);
  const size_t all = total.value_or(edges.size());
  if (shown < all) std::cout << leftOutLine(all - shown, what) << "\n";
}

namespace {

std::string edgeText(CliContext& ctx, const Edge& e) {
  return core::edgeJson(e, [&](ActorId id) { return ctx.nameOf(id); });
}

}  // namespace

nlohmann::json actorJson(const Actor& a) { return nlohmann::json::parse(core::actorJson(a)); }

nlohmann::json edgeJson(CliContext& ctx, const Edge& e) { return nlohmann::json::parse(edgeText(ctx, e)); }

int printEdgesStreamed(CliContext& ctx, const nlohmann::json& doc, const EdgeStream& stream, size_t limit) {
  // The document with its "edges" member null, split there: no string value
  // holds `"edges":null`, since its quotes would be escaped.
  std::string head = "[", tail = "]";
  if (!doc.is_null()) {
    nlohmann::json j = doc;
    j["edges"] = nullptr;
    const std::string text = j.dump();
    const std::string mark = "\"edges\":null";
    const size_t at = text.find(mark);
    head = text.substr(0, at) + "\"edges\":[";
    tail = "]" + text.substr(at + mark.size());
  }
  size_t written = 0;
  Status st = stream([&](Edge& e) {
    if (limit && written == limit) return false;
    std::cout << (written++ ? "," : head) << edgeText(ctx, e);
    return true;
  });
  if (!st.isOk()) {
    if (written) std::cout << "\n";
    std::cout.flush();
    return ctx.failLookup(st);
  }
  std::cout << (written ? "" : head) << tail << "\n";
  return 0;
}

namespace {

// How long a command runs before its progress line appears: a second, so
// that quick commands draw nothing; KG_PROGRESS_DELAY_MS (0 to 60000)
// overrides it, for tests that must see the line whatever the machine's speed.
std::chrono::milliseconds progressDelay() {
  const char* v = std::getenv("KG_PROGRESS_DELAY_MS");
  if (v == nullptr || *v == '\0') return std::chrono::seconds(1);
  char* end = nullptr;
  const long ms = std::strtol(v, &end, 10);
  if (*end != '\0' || ms < 0 || ms > 60000) return std::chrono::seconds(1);
  return std::chrono::milliseconds(ms);
}

}  // namespace

Progress::Progress(CliContext& ctx, std::string label, std::string unit, uint64_t total, std::string itemUnit)
    : ctx_(ctx), label_(std::move(label)), itemUnit_(std::move(itemUnit)), total_(total) {
  start_ = std::chrono::steady_clock::now();
  stage_.unit = std::move(unit);
  stage_.start = start_;
  enabled_ = !ctx.quiet && !ctx.json && isatty(STDERR_FILENO);
  active_ = progressDelay().count() == 0;
  if (enabled_) {
    ctx_.progress = this;
    thread_ = std::thread([this] { run(); });
  }
}

Progress::~Progress() { finish(); }

void Progress::finish() {
  if (ctx_.progress == this) ctx_.progress = nullptr;
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

void Progress::restart(std::string unit, uint64_t done, uint64_t total, std::string stage) {
  std::lock_guard<std::mutex> lock(mu_);
  stage_.name = std::move(stage);
  stage_.unit = std::move(unit);
  stage_.start = std::chrono::steady_clock::now();
  stage_.base = done;
  done_ = done;
  total_ = total;
  drawLocked();
}

void Progress::snapshotBuild(uint64_t done, uint64_t total) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!saved_) {
    saved_ = stage_;
    saved_->done = done_;
    saved_->total = total_;
    stage_ = Stage{"building the graph snapshot", "edges", 0, 0, std::chrono::steady_clock::now(), 0};
    done_ = done;
    total_ = total;
    drawLocked();
  }
  done_ = done;
  total_ = total;
  if (done >= total) {  // built: the command's own counts again
    stage_ = *saved_;
    done_ = saved_->done;
    total_ = saved_->total;
    saved_.reset();
  }
}

namespace {

std::string duration(double s) {
  char buf[32];
  if (s < 60) std::snprintf(buf, sizeof buf, "%.0f s", s);
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%d min %02d s", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
  else std::snprintf(buf, sizeof buf, "%d h %02d min", static_cast<int>(s) / 3600, static_cast<int>(s) / 60 % 60);
  return buf;
}

}  // namespace

// Called with mu_ held (run()).
std::string Progress::line(std::chrono::steady_clock::time_point now) const {
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double stageSeconds = std::chrono::duration<double>(now - stage_.start).count();
  std::string s = "kg " + label_ + ": ";
  if (!stage_.name.empty()) s += stage_.name + ": ";
  const uint64_t done = done_.load(std::memory_order_relaxed);
  const uint64_t total = total_.load(std::memory_order_relaxed);
  const std::string& unit = stage_.unit;
  if (unit.empty()) return s + duration(seconds) + " elapsed";
  if (!phase_.empty() && stage_.name.empty())
    return s + std::to_string(done) + " " + unit + " read; " + phase_ + ", " + duration(seconds) + " elapsed";
  const uint64_t counted = done >= stage_.base ? done - stage_.base : 0;  // since the stage started
  const double rate = stageSeconds > 0 ? static_cast<double>(counted) / stageSeconds : 0;
  if (!itemUnit_.empty() && stage_.name.empty())
    s += std::to_string(items_.load(std::memory_order_relaxed)) + " " + itemUnit_ + ", ";
  if (unit == "bytes") {
    char buf[96];
    if (total)
      std::snprintf(buf, sizeof buf, "%.1f/%.1f MB, %.2f MB/s", static_cast<double>(done) / 1e6,
                    static_cast<double>(total) / 1e6, rate / 1e6);
    else
      std::snprintf(buf, sizeof buf, "%.1f MB, %.2f MB/s", static_cast<double>(done) / 1e6, rate / 1e6);
    s += buf;
  } else {
    s += std::to_string(done);
    if (total) s += "/" + std::to_string(total);
    s += " " + unit + ", " + numberText(std::round(rate)) + " " + unit + "/s";
  }
  if (total && rate > 0 && done <= total) s += ", ETA " + duration(static_cast<double>(total - done) / rate);
  s += ", " + duration(seconds) + " elapsed";
  return s;
}


void Progress::drawLocked() {
  if (!enabled_ || !active_ || stop_) return;
  std::fprintf(stderr, "\r\033[K%s", line(std::chrono::steady_clock::now()).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::run() {
  std::unique_lock<std::mutex> lock(mu_);
  // Nothing for commands that finish within the delay (a second).
  if (cv_.wait_for(lock, progressDelay(), [this] { return stop_.load(); })) return;
  active_ = true;
  do drawLocked();
  while (!cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_.load(); }));
}

}  // namespace kg::cli
