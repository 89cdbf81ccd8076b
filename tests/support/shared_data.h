// Tests that read ../shared (seed pages, PETRARCH dictionaries, ICEWS rows)
// by path. A missing file fails the test with a message naming the path,
// never a warning and a skip: CI must not go green without the real data.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>

// Fails the current test when `where` does not exist, naming it.
#define KG_REQUIRE_SHARED_PATH(where)                                                              \
  do {                                                                                            \
    const std::filesystem::path kgSharedPath_(where);                                              \
    if (!std::filesystem::exists(kgSharedPath_))                                                  \
      FAIL("shared data " << kgSharedPath_ << " is missing: put ../shared beside the repository"); \
  } while (false)
