// ActorRef: how a query names an actor — by id (that actor only) or by a
// name, alias or spelling to resolve (Engine::resolveOne), or not at all.
//
// A request by id answers for that actor even when another actor has the
// same name; an id that names no actor is NotFound "no actor with id N". A
// name is resolved exactly as before ActorRef existed, so code that fills a
// query with a string (`q.actor = "Iran"`) keeps its meaning: the
// conversion from a string is implicit on purpose.
//
// A plain value; safe to share between threads when not modified.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "base/status.h"
#include "model/actor.h"

namespace kg::core {

class ActorRef {
 public:
  ActorRef() = default;  // no actor
  ActorRef(std::string name) : name_(std::move(name)) {}  // NOLINT(google-explicit-constructor)
  ActorRef(const char* name) : name_(name) {}             // NOLINT(google-explicit-constructor)
  ActorRef(std::string_view name) : name_(name) {}        // NOLINT(google-explicit-constructor)

  static ActorRef ofId(ActorId id) {
    ActorRef r;
    r.byId_ = true;
    r.id_ = id;
    return r;
  }

  // A command-line ACTOR of a query command: "#12" is id 12 (that id only);
  // anything else is a name, alias or spelling. InvalidArgument for a "#"
  // followed by something other than 1-19 digits.
  static Result<ActorRef> parseArg(std::string_view arg);

  // Neither an id nor a name ("" as a name is no actor, as before).
  bool empty() const { return !byId_ && name_.empty(); }
  bool byId() const { return byId_; }
  ActorId id() const { return id_; }            // requires byId()
  const std::string& name() const { return name_; }  // "" when byId()
  // "#12" or the name, for messages and logs.
  std::string text() const { return byId_ ? "#" + std::to_string(id_) : name_; }

  friend bool operator==(const ActorRef&, const ActorRef&) = default;

 private:
  bool byId_ = false;
  ActorId id_ = 0;
  std::string name_;
};

}  // namespace kg::core
