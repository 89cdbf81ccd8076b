// Status and Result<T>: expected failures as values.
//
// A Status is either OK or carries a code and a message a user can act on
// (what was wrong, where). Result<T> holds a T or a non-OK Status.
// Both are plain values: safe to copy and to read from several threads.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kg {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // bad user input: a date, a name, a file line
  kNotFound,          // an actor, an edge, a document that is not there
  kAlreadyExists,
  kFailedPrecondition,  // e.g. a database of another format version
  kBusy,              // e.g. a database locked by another process
  kLimitExceeded,     // a query beyond a documented maximum
  kIOError,
  kCorruption,
  kInternal,
  kDeadlineExceeded,  // the work ran past its deadline and was stopped (a server's per-call deadline)
};

const char* statusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  static Status invalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status notFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status alreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status failedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status busy(std::string m) { return {StatusCode::kBusy, std::move(m)}; }
  static Status limitExceeded(std::string m) { return {StatusCode::kLimitExceeded, std::move(m)}; }
  static Status ioError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status deadlineExceeded(std::string m) { return {StatusCode::kDeadlineExceeded, std::move(m)}; }

  bool isOk() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return isOk(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "InvalidArgument: bad date '2020-13-45'"; "OK" when ok.
  std::string toString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds a value or a non-OK Status. Accessing value() of an error is a bug (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).isOk() && "Result built from an OK status");
  }

  bool isOk() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return isOk(); }
  const Status& status() const {
    static const Status kOkStatus;
    return isOk() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { assert(isOk()); return std::get<T>(v_); }
  const T& value() const& { assert(isOk()); return std::get<T>(v_); }
  T&& value() && { assert(isOk()); return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg

#define KG_RETURN_IF_ERROR(expr)              \
  do {                                        \
    ::kg::Status kg_status_ = (expr);         \
    if (!kg_status_.isOk()) return kg_status_; \
  } while (0)
