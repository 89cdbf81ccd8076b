#include "extract/lexicon/given_names.h"

namespace kg::extract {

Result<GivenNames> parseGivenNames(std::string_view text, std::string_view file) {
  static constexpr std::pair<std::string_view, WordSet GivenNames::*> kFields[] = {
      {"given_names", &GivenNames::givenNames},
      {"place_heads", &GivenNames::placeHeads},
      {"hyphen_words", &GivenNames::hyphenWords},
      {"group_nouns", &GivenNames::groupNouns},
      {"arabic_group_prefixes", &GivenNames::arabicGroupPrefixes},
      {"kin_nouns", &GivenNames::kinNouns},
      {"leading_nouns", &GivenNames::leadingNouns},
      {"armed_words", &GivenNames::armedWords},
      {"company_nouns", &GivenNames::companyNouns},
      {"person_nouns", &GivenNames::personNouns},
      {"people_nouns", &GivenNames::peopleNouns},
      {"not_given_names", &GivenNames::notGivenNames},
      {"person_object_verbs", &GivenNames::personObjectVerbs},
      {"name_closers", &GivenNames::nameClosers},
      {"home_bound_names", &GivenNames::homeBoundNames},
      {"arabic_standalone_openers", &GivenNames::arabicStandaloneOpeners},
      {"state_name_heads", &GivenNames::stateNameHeads},
      {"tenure_words", &GivenNames::tenureWords},
      {"office_field_words", &GivenNames::officeFieldWords},
  };
  return parseWordSetFields(text, file, kFields);
}

const GivenNames& givenNames() {
  static const Result<GivenNames> names = parseGivenNames(givenNamesText(), "given_names.txt");
  return requireEmbedded(names);
}

}  // namespace kg::extract
