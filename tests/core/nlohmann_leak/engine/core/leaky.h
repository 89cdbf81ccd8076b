// A core header that reaches nlohmann through another header: the fixture
// that shows scripts/check_core_headers.cmake failing (tests/CMakeLists.txt).
#pragma once
#include "model/value.h"
