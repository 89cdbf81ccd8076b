#include "base/write_fault.h"

#include <bit>
#include <cstdio>
#include <cstdlib>

namespace kg {

namespace {

constexpr const char* kFaultVariable = "KG_FAULT_WRITE";
constexpr size_t kMaxDigits = 18;  // any such N fits a uint64_t
constexpr WriteOp kOps[] = {WriteOp::kAppend, WriteOp::kCreate,  WriteOp::kSync,
                            WriteOp::kRename, WriteOp::kDirSync, WriteOp::kLink};

// "append+sync" or "all" as bits; 0 when a name is unknown.
unsigned parseOps(std::string_view list) {
  if (list == "all") return kAllWriteOps;
  unsigned ops = 0;
  while (true) {
    const size_t plus = list.find('+');
    const std::string_view name = list.substr(0, plus);
    unsigned bit = 0;
    for (WriteOp op : kOps)
      if (name == writeOpName(op)) bit = static_cast<unsigned>(op);
    if (bit == 0) return 0;
    ops |= bit;
    if (plus == std::string_view::npos) return ops;
    list.remove_prefix(plus + 1);
  }
}

}  // namespace

const char* writeOpName(WriteOp op) {
  switch (op) {
    case WriteOp::kAppend: return "append";
    case WriteOp::kCreate: return "create";
    case WriteOp::kSync: return "sync";
    case WriteOp::kRename: return "rename";
    case WriteOp::kDirSync: return "dirsync";
    case WriteOp::kLink: return "link";
  }
  return "?";
}

std::optional<WriteFault> parseWriteFault(std::string_view spec) {
  WriteFault fault;
  const size_t colon = spec.find(':');
  if (spec.substr(0, colon) == "count") {
    fault.ops = colon == std::string_view::npos ? kAllWriteOps : parseOps(spec.substr(colon + 1));
    if (fault.ops == 0) return std::nullopt;
    return fault;
  }
  const std::string_view number = spec.substr(0, colon);
  if (number.empty() || number.size() > kMaxDigits || number.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  fault.nth = std::stoull(std::string(number));
  if (fault.nth == 0) return std::nullopt;
  std::string_view rest = colon == std::string_view::npos ? std::string_view() : spec.substr(colon + 1);
  if (colon != std::string_view::npos && rest.empty()) return std::nullopt;  // "5:"
  if (rest.substr(0, rest.find(':')) == "nospace") {
    fault.noSpace = true;
    rest = rest.find(':') == std::string_view::npos ? std::string_view() : rest.substr(rest.find(':') + 1);
    if (spec.back() == ':') return std::nullopt;  // "5:nospace:"
  }
  if (!rest.empty()) {
    fault.ops = parseOps(rest);
    if (fault.ops == 0) return std::nullopt;
  }
  return fault;
}

Result<std::optional<WriteFault>> writeFaultFromEnvironment() {
  const char* spec = std::getenv(kFaultVariable);
  if (spec == nullptr) return std::optional<WriteFault>();
  auto fault = parseWriteFault(spec);
  if (!fault)
    return Status::invalidArgument(std::string(kFaultVariable) + "='" + spec +
                                   "' is not N[:nospace][:OPS] or count[:OPS] (N >= 1: the first call that fails; "
                                   "OPS: all, or append, create, sync, rename, dirsync, link joined by '+')");
  return fault;
}

Status WriteFaults::next(WriteOp op, std::string_view what) {
  if ((fault_.ops & static_cast<unsigned>(op)) == 0) return Status::ok();
  const uint64_t n = ++calls_;
  ++byKind_[std::countr_zero(static_cast<unsigned>(op))];
  if (fault_.nth == 0 || n < fault_.nth) return Status::ok();
  return Status::ioError(std::string(writeOpName(op)) + " " + std::string(what) + ": " +
                         (fault_.noSpace ? "No space left on device" : "Input/output error") + " (call " +
                         std::to_string(n) + ", injected by " + kFaultVariable + ")");
}

}  // namespace kg

namespace kg {

WriteFaults::~WriteFaults() {
  if (fault_.nth == 0) std::fprintf(stderr, "kg: KG_FAULT_WRITE=count: %s\n", summary().c_str());
}

std::string WriteFaults::summary() const {
  std::string out = std::to_string(calls_.load()) + " calls";
  const char* sep = ": ";
  for (WriteOp op : kOps) {
    if ((fault_.ops & static_cast<unsigned>(op)) == 0) continue;
    out += sep + std::string(writeOpName(op)) + " " +
           std::to_string(byKind_[std::countr_zero(static_cast<unsigned>(op))].load());
    sep = ", ";
  }
  return out;
}

}  // namespace kg
