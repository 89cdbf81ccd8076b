#include "extract/lexicon/discard_list.h"
#include "extract/lexicon/dictionary_lines.h"

#include <cctype>

namespace kg::extract {
namespace {

bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }


}  // namespace

class DiscardListParser {
 public:
  DiscardListParser(std::string_view origin, std::vector<std::string>* warnings)
      : origin_(origin), warnings_(warnings) {}

  DiscardList run(std::string_view text) {
    const uint32_t openUntil = forEachContentLine(text, [&](uint32_t lineNo, std::string_view s) {
      line_ = lineNo;
      phrase(s);
    });
    if (openUntil) {
      line_ = openUntil;
      warn("'<!--' comment not closed by the end of the file");
    }
    return std::move(d_);
  }

 private:
  void warn(const std::string& msg) {
    if (warnings_) warnings_->push_back(std::string(origin_) + ":" + std::to_string(line_) + ": " + msg);
  }

  void phrase(std::string_view s) {
    DiscardPhrase p;
    p.line = line_;
    const std::string full(s);
    if (s.front() == '+') {
      p.kind = DiscardKind::kStory;
      s = trimBlanks(s.substr(1));
    } else if (!isAlnum(s.front())) {
      return warn("a discard starts with a word, or '+' for a story-level discard: '" + full + "'");
    }
    if (!s.empty() && s.back() == '_') {
      p.wholeWord = true;
      s.remove_suffix(1);
    }
    bool space = false;
    for (char c : s) {
      if (c == '_' || isDictionaryBlank(c)) {
        space = true;
        continue;
      }
      if (space && !p.text.empty()) p.text += ' ';
      space = false;
      p.text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (p.text.empty()) return warn("empty discard phrase: '" + full + "'");
    d_.phrases_.push_back(std::move(p));
  }

  std::string_view origin_;
  std::vector<std::string>* warnings_;
  DiscardList d_;
  uint32_t line_ = 0;
};

Result<DiscardList> DiscardList::parse(std::string_view text, std::string_view origin,
                                       std::vector<std::string>* warnings) {
  return DiscardListParser(origin, warnings).run(text);
}

Result<DiscardList> DiscardList::load(const std::string& path, std::vector<std::string>* warnings) {
  auto text = readDictionaryFile(path, "discard list");
  if (!text) return text.status();
  return parse(text.value(), path, warnings);
}

std::optional<DiscardMatch> DiscardList::find(std::string_view sentence) const {
  // Upper case, white space runs as one blank; origin[i] is the offset in
  // `sentence` of norm[i].
  std::string norm;
  std::vector<size_t> origin;
  norm.reserve(sentence.size());
  for (size_t i = 0; i < sentence.size(); ++i) {
    const char c = sentence[i];
    if (isDictionaryBlank(c)) {
      if (!norm.empty() && norm.back() == ' ') continue;
      norm += ' ';
    } else {
      norm += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    origin.push_back(i);
  }
  // TODO(perf): one scan per phrase; an Aho-Corasick automaton if lists grow.
  std::optional<DiscardMatch> best;
  for (uint32_t k = 0; k < phrases_.size(); ++k) {
    const DiscardPhrase& p = phrases_[k];
    for (size_t at = norm.find(p.text); at != std::string::npos; at = norm.find(p.text, at + 1)) {
      if (at > 0 && isAlnum(norm[at - 1])) continue;
      const size_t end = at + p.text.size();
      if (p.wholeWord && end < norm.size() && isAlnum(norm[end])) continue;
      DiscardMatch m{k, p.kind, origin[at]};
      const bool better = !best || (m.kind == DiscardKind::kStory && best->kind != DiscardKind::kStory) ||
                          (m.kind == best->kind && m.offset < best->offset);
      if (better) best = m;
      break;
    }
  }
  return best;
}

}  // namespace kg::extract
