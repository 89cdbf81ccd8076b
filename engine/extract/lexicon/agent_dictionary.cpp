#include "extract/lexicon/agent_dictionary.h"
#include "extract/lexicon/dictionary_lines.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>

namespace kg::extract {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool isConsonant(char c) {
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return c >= 'A' && c <= 'Z' && c != 'A' && c != 'E' && c != 'I' && c != 'O' && c != 'U';
}

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Regular plural of a lower-case noun (see the header).
std::string pluralOf(const std::string& w) {
  if (w.size() >= 2 && w.back() == 'y' && isConsonant(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  if (endsWith(w, "ss") || endsWith(w, "x") || endsWith(w, "ch") || endsWith(w, "sh")) return w + "es";
  return w + "s";
}


// A phrase's "!NAME!" markers expand to every combination of their sets'
// items. A hostile file (sets of thousands of items, several markers in one
// phrase) could ask for billions; past these a phrase is skipped with a
// warning. Phoenix.agents.txt's largest phrase expands to a few dozen forms.
constexpr size_t kMaxExpansions = 4096;
constexpr size_t kMaxExpansionBytes = size_t{1} << 20;

}  // namespace

class AgentDictionaryParser {
 public:
  AgentDictionaryParser(std::string_view origin, std::vector<std::string>* warnings)
      : origin_(origin), warnings_(warnings) {}

  AgentDictionary run(std::string_view text) {
    const uint32_t openUntil = forEachContentLine(text, [&](uint32_t lineNo, std::string_view s) {
      line_ = lineNo;
      if (s.front() == '!' && isSubstitution(s)) {
        substitution(s);
      } else {
        entry(s);
      }
    });
    if (openUntil) {
      line_ = openUntil;
      warn("'<!--' comment not closed by the end of the file");
    }
    for (uint32_t i = 0; i < d_.entries_.size(); ++i) d_.byFirstWord_[d_.entries_[i].words.front()].push_back(i);
    return std::move(d_);
  }

 private:
  void warn(const std::string& msg) {
    if (warnings_) warnings_->push_back(std::string(origin_) + ":" + std::to_string(line_) + ": " + msg);
  }

  // "!NAME! = ...": a marker alone before '='.
  static bool isSubstitution(std::string_view s) {
    const size_t eq = s.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view head = trimBlanks(s.substr(0, eq));
    return head.size() >= 3 && head.back() == '!' && head.find('!', 1) == head.size() - 1;
  }

  void substitution(std::string_view s) {
    const size_t eq = s.find('=');
    const std::string_view head = trimBlanks(s.substr(0, eq));
    const std::string name = upperAscii(head.substr(1, head.size() - 2));
    std::vector<std::string> items;
    std::string_view rest = s.substr(eq + 1);
    while (true) {
      const size_t comma = rest.find(',');
      std::string item;
      for (char c : rest.substr(0, comma))
        if (!isDictionaryBlank(c)) item += c;  // the docs: spaces are stripped from the elements
      if (!item.empty()) items.push_back(upperAscii(item));
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
    if (items.empty()) return warn("substitution set !" + name + "! has no items");
    if (d_.subs_.count(name)) warn("substitution set !" + name + "! defined again: the later one is used");
    d_.subs_[name] = std::move(items);
  }

  // Every expansion of the "!NAME!" markers in `s`. False (warned) when a
  // marker is unknown or unclosed.
  bool expand(std::string_view s, std::vector<std::string>* out, bool* hadMarker) {
    out->assign(1, std::string());
    *hadMarker = false;
    size_t i = 0;
    while (i < s.size()) {
      if (s[i] != '!') {
        for (auto& o : *out) o += s[i];
        ++i;
        continue;
      }
      const size_t close = s.find('!', i + 1);
      if (close == std::string_view::npos) {
        warn("unclosed '!' marker in '" + std::string(s) + "'");
        return false;
      }
      const std::string name = upperAscii(s.substr(i + 1, close - i - 1));
      auto it = d_.subs_.find(name);
      if (it == d_.subs_.end()) {
        warn("unknown substitution set !" + name + "! in '" + std::string(s) + "'");
        return false;
      }
      *hadMarker = true;
      size_t bytes = 0;
      for (const auto& o : *out) bytes += it->second.size() * o.size();
      for (const auto& item : it->second) bytes += out->size() * item.size();
      if (out->size() * it->second.size() > kMaxExpansions || bytes > kMaxExpansionBytes) {
        warn("'" + std::string(s.substr(0, std::min<size_t>(s.size(), 80))) + "' expands to more than " +
             std::to_string(kMaxExpansions) + " forms or " + std::to_string(kMaxExpansionBytes) +
             " bytes: skipped");
        return false;
      }
      std::vector<std::string> next;
      next.reserve(out->size() * it->second.size());
      for (const auto& o : *out)
        for (const auto& item : it->second) next.push_back(o + item);
      *out = std::move(next);
      i = close + 1;
    }
    return true;
  }

  // "FOREIGN_MINISTER", "!MINIST! FOR_AGRICULTURE" (after expansion): words
  // and whether a blank (not '_') came before each.
  static void tokenize(std::string_view s, std::vector<std::string>* words, std::vector<bool>* gaps) {
    words->clear();
    gaps->clear();
    std::string cur;
    bool gap = false;
    auto flush = [&]() {
      if (cur.empty()) return;
      gaps->push_back(!words->empty() && gap);
      words->push_back(lower(cur));
      cur.clear();
      gap = false;
    };
    for (char c : s) {
      if (isDictionaryBlank(c)) {
        flush();
        gap = true;
      } else if (c == '_') {
        flush();
      } else if (c == ',') {
        flush();
        cur = ",";
        flush();
      } else {
        cur += c;
      }
    }
    flush();
  }

  void entry(std::string_view s) {
    // The code: "[~GOV]", "[NGO~]"; the docs' own examples close some with '}'.
    const size_t open = s.rfind('[');
    if (open == std::string_view::npos) return warn("agent without a '[CODE]': '" + std::string(s) + "'");
    size_t close = s.find(']', open);
    if (close == std::string_view::npos) {
      close = s.find('}', open);
      if (close == std::string_view::npos) return warn("'[' not closed in '" + std::string(s) + "'");
      warn("code '" + std::string(s.substr(open, close - open + 1)) + "' closed by '}' instead of ']'");
    }
    if (!trimBlanks(s.substr(close + 1)).empty()) {
      return warn("text after the code: '" + std::string(trimBlanks(s.substr(close + 1))) + "'");
    }
    std::string code;
    for (char c : s.substr(open + 1, close - open - 1))
      if (!isDictionaryBlank(c)) code += c;
    bool prefix = false;
    if (code.size() >= 2 && code.front() == '~' && code.find('~', 1) == std::string::npos) {
      code.erase(0, 1);
    } else if (code.size() >= 2 && code.back() == '~' && code.find('~') == code.size() - 1) {
      code.pop_back();
      prefix = true;
    } else {
      return warn("agent code '" + code + "' is not '~CODE' or 'CODE~'");
    }
    code = upperAscii(code);

    std::string_view body = trimBlanks(s.substr(0, open));
    std::string_view phrase = body;
    std::optional<std::string_view> plurals;
    if (const size_t b = body.find('{'); b != std::string_view::npos) {
      const size_t e = body.find('}', b);
      if (e == std::string_view::npos) return warn("'{' not closed in '" + std::string(s) + "'");
      if (!trimBlanks(body.substr(e + 1)).empty()) return warn("text after the plurals in '" + std::string(s) + "'");
      phrase = trimBlanks(body.substr(0, b));
      plurals = body.substr(b + 1, e - b - 1);
    }
    if (phrase.empty()) return warn("agent without a phrase: '" + std::string(s) + "'");

    std::vector<std::string> forms;
    bool hadMarker = false;
    if (!expand(phrase, &forms, &hadMarker)) return;
    const bool stopped = phrase.back() == '_';
    std::vector<std::string> written = forms;  // singular forms as written
    if (plurals) {
      std::string_view rest = *plurals;
      std::istringstream in{std::string(rest)};
      for (std::string p; in >> p;) {
        std::vector<std::string> ex;
        bool m = false;
        if (!expand(p, &ex, &m)) return;
        written.insert(written.end(), ex.begin(), ex.end());
      }
    }
    std::vector<std::string> words;
    std::vector<bool> gaps;
    for (size_t k = 0; k < written.size(); ++k) {
      tokenize(written[k], &words, &gaps);
      if (words.empty()) continue;
      add(words, gaps, code, prefix);
      const bool isSingular = k < forms.size();
      if (isSingular && !plurals && !hadMarker && !stopped) {
        words.back() = pluralOf(words.back());
        add(words, gaps, code, prefix);
      }
    }
  }

  void add(const std::vector<std::string>& words, const std::vector<bool>& gaps, const std::string& code,
           bool prefix) {
    d_.entries_.push_back(AgentEntry{words, gaps, code, prefix, line_});
  }

  std::string_view origin_;
  std::vector<std::string>* warnings_;
  AgentDictionary d_;
  uint32_t line_ = 0;
};

Result<AgentDictionary> AgentDictionary::parse(std::string_view text, std::string_view origin,
                                               std::vector<std::string>* warnings) {
  return AgentDictionaryParser(origin, warnings).run(text);
}

Result<AgentDictionary> AgentDictionary::load(const std::string& path, std::vector<std::string>* warnings) {
  auto text = readDictionaryFile(path, "agent dictionary");
  if (!text) return text.status();
  return parse(text.value(), path, warnings);
}

namespace {

// The end of the shortest match of words[k..] starting at or after `pos`
// (within `maxGap` tokens when a gap is allowed); 0 when none. Backtracks:
// entries are short.
size_t matchRest(const AgentEntry& e, size_t k, std::span<const std::string> tokens, size_t pos, size_t maxGap) {
  if (k == e.words.size()) return pos;
  const size_t last = e.gapBefore[k] ? std::min(tokens.size(), pos + maxGap + 1) : std::min(tokens.size(), pos + 1);
  size_t best = 0;
  for (size_t p = pos; p < last; ++p) {
    if (tokens[p] != e.words[k]) continue;
    const size_t end = matchRest(e, k + 1, tokens, p + 1, maxGap);
    if (end && (!best || end < best)) best = end;
  }
  return best;
}

}  // namespace

std::optional<AgentMatch> AgentDictionary::matchAt(std::span<const std::string> tokens, size_t pos,
                                                   size_t maxGap) const {
  if (pos >= tokens.size()) return std::nullopt;
  auto it = byFirstWord_.find(tokens[pos]);
  if (it == byFirstWord_.end()) return std::nullopt;
  std::optional<AgentMatch> best;
  size_t bestWords = 0;
  for (uint32_t idx : it->second) {
    const AgentEntry& e = entries_[idx];
    if (e.words.size() < bestWords) continue;
    const size_t end = matchRest(e, 1, tokens, pos + 1, maxGap);
    if (!end) continue;
    const bool better = !best || e.words.size() > bestWords || (e.words.size() == bestWords && end < best->end);
    if (better) {
      best = AgentMatch{idx, pos, end};
      bestWords = e.words.size();
    }
  }
  return best;
}

}  // namespace kg::extract
