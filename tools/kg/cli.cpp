#include "tools/kg/cli.h"

namespace kg::cli {

Result<core::Engine*> CliContext::engine(bool write) {
  if (engine_ && (engineWritable_ || !write)) return engine_.get();
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

int CliContext::fail(const Status& status) {
  std::cerr << "kg: error: " << status.message() << "\n";
  return kExitError;
}

std::string CliContext::nameOf(ActorId id) {
  if (!engine_) return "#" + std::to_string(id);
  auto a = engine_->store().getActor(id);
  if (!a || !a->has_value()) return "#" + std::to_string(id);
  return (*a)->name;
}

Result<std::optional<Date>> parseDateOption(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<Date>();
  auto d = Date::parse(text);
  if (!d) return Status::invalidArgument(std::string(option) + ": " + d.status().message());
  return std::optional<Date>(d.value());
}

}  // namespace kg::cli
