#include "base/edit_distance.h"

#include <catch2/catch.hpp>

TEST_CASE("editDistance: insertions, deletions and substitutions each cost one", "[base]") {
  CHECK(kg::editDistance("", "") == 0);
  CHECK(kg::editDistance("neighbors", "neighbors") == 0);
  CHECK(kg::editDistance("", "abc") == 3);
  CHECK(kg::editDistance("abc", "") == 3);
  CHECK(kg::editDistance("nieghbors", "neighbors") == 2);  // a swap is two edits
  CHECK(kg::editDistance("qasem", "qassem") == 1);
  CHECK(kg::editDistance("kitten", "sitting") == 3);
  CHECK(kg::editDistance("sitting", "kitten") == 3);
}
