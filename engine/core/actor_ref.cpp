#include "core/actor_ref.h"

namespace kg::core {

Result<ActorRef> ActorRef::parseArg(std::string_view arg) {
  if (arg.empty() || arg[0] != '#') return ActorRef(arg);
  const std::string_view digits = arg.substr(1);
  bool ok = !digits.empty() && digits.size() < 20;
  for (char c : digits) ok = ok && c >= '0' && c <= '9';
  ActorId id = 0;
  if (ok)  // at most 19 digits: below 2^64
    for (char c : digits) id = id * 10 + static_cast<ActorId>(c - '0');
  if (!ok)
    return Status::invalidArgument("'" + std::string(arg) +
                                   "' is not an actor id: write # followed by the id's digits (e.g. #12), or "
                                   "give a name");
  return ofId(id);
}

}  // namespace kg::core
