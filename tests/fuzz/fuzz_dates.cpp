// Date parsing: the CLI's and JSONL's strict dates (Date::parse) and the
// extractor's dates in running text (parseDate, findDate, eventDate).
#include "base/date.h"
#include "extract/dates/dates.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = kg::fuzz::asText(data, size);
  if (auto d = kg::Date::parse(text); d.isOk()) {
    // A date that parses prints as a date that parses to itself.
    const std::string shown = d->toString();
    auto again = kg::Date::parse(shown);
    if (!again.isOk() || !(*again == *d)) __builtin_trap();
  }
  (void)kg::extract::parseDate(text);
  (void)kg::extract::findDate(text);
  (void)kg::extract::eventDate(text, kg::Date::day(2020, 1, 5));
  (void)kg::extract::eventDate(text, kg::Date());
  return 0;
}
