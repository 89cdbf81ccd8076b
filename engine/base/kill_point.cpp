#include "base/kill_point.h"

#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace kg {

void killPoint(std::string_view name) {
  const char* wanted = std::getenv("KG_KILL_POINT");
  if (wanted == nullptr || name != wanted) return;
  ::kill(::getpid(), SIGKILL);
  ::pause();  // SIGKILL cannot be caught; never returns
}

}  // namespace kg
