// A core header without nlohmann: the check names only leaky.h.
#pragma once
#include <string>
