// Document: one article read into the graph. Plain value type.
#pragma once

#include <string>

#include "base/date.h"
#include "model/edge.h"

namespace kg {

struct Document {
  DocId id;              // hex content hash of the article text
  std::string source;    // file path, site or outlet
  std::string url;
  std::string title;
  Date date;             // publication date where known
  std::string language;  // "en", "ja", "ar", ...
  std::string outlet;    // the outlet its dateline or byline names ("Reuters"); "" when none

  friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace kg
