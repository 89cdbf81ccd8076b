// Every dictionary loader on arbitrary text: the project's own actor format,
// PETRARCH actors, agents, verbs and discards. A bad line is a warning or an
// InvalidArgument naming it, never a crash.
#include "extract/actors/catalog.h"
#include "extract/lexicon/agent_dictionary.h"
#include "extract/lexicon/discard_list.h"
#include "extract/lexicon/verb_dictionary.h"
#include "extract/actors/petrarch_actors.h"
#include "fuzz_input.h"

using namespace kg::extract;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = kg::fuzz::asText(data, size);
  const uint8_t which = kg::fuzz::selector(&text);
  std::vector<std::string> warnings;
  switch (which % 5) {
    case 0: {
      Catalog c;
      if (c.parseDictionary(text, "fuzz.txt").isOk()) (void)c.link();
      break;
    }
    case 1: {
      Catalog c;
      if (parsePetrarch(text, "fuzz.actors.txt", &c, &warnings).isOk()) (void)c.link();
      break;
    }
    case 2: (void)AgentDictionary::parse(text, "fuzz.agents.txt", &warnings); break;
    case 3: (void)VerbDictionary::parse(text, "fuzz.verbs.txt", &warnings); break;
    default: (void)DiscardList::parse(text, "fuzz.discards.txt", &warnings); break;
  }
  return 0;
}
