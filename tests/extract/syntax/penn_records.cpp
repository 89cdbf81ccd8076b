#include "penn_records.h"

#include <fstream>
#include <sstream>

namespace kg::extract::syntax::testing {

namespace {

std::string between(const std::string& s, size_t from, const std::string& open, const std::string& close,
                    size_t limit) {
  size_t b = s.find(open, from);
  if (b == std::string::npos || b > limit) return {};
  b += open.size();
  size_t e = s.find(close, b);
  return e == std::string::npos ? std::string() : s.substr(b, e - b);
}

std::string foldSpaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "(ROOT (S (NP (NNP Arnor)) ...))" -> tree.
std::unique_ptr<PennNode> parseTree(const std::string& s, size_t& i) {
  auto skip = [&] { while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i; };
  auto atom = [&] {
    size_t b = i;
    while (i < s.size() && s[i] != '(' && s[i] != ')' && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') ++i;
    return s.substr(b, i - b);
  };
  skip();
  if (i >= s.size() || s[i] != '(') return nullptr;
  ++i;
  auto node = std::make_unique<PennNode>();
  skip();
  node->label = atom();
  skip();
  while (i < s.size() && s[i] != ')') {
    if (s[i] == '(') {
      if (auto child = parseTree(s, i)) node->children.push_back(std::move(child));
    } else {
      node->word = atom();
    }
    skip();
  }
  ++i;
  return node;
}

std::string unescape(const std::string& w) {
  if (w == "-LRB-" || w == "-LCB-") return "(";
  if (w == "-RRB-" || w == "-RCB-") return ")";
  if (w == "``" || w == "''") return "\"";
  return w;
}

// Finds each leaf in the text in order; a leaf not found nearby stays unaligned.
void align(const std::string& text, PennNode& root) {
  constexpr size_t kMaxGap = 12;
  std::vector<const PennNode*> leaves;
  collectLeaves(root, leaves);
  size_t cursor = 0;
  for (const PennNode* c : leaves) {
    auto* leaf = const_cast<PennNode*>(c);
    std::string w = unescape(leaf->word);
    size_t at = text.find(w, cursor);
    if (w.empty() || at == std::string::npos || at > cursor + kMaxGap) continue;
    leaf->begin = at;
    leaf->end = at + w.size();
    cursor = leaf->end;
  }
}

}  // namespace

void collectLeaves(const PennNode& node, std::vector<const PennNode*>& out) {
  if (node.leaf()) {
    out.push_back(&node);
    return;
  }
  for (const auto& c : node.children) collectLeaves(*c, out);
}

std::vector<PennRecord> readPennRecords(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  std::vector<PennRecord> out;
  for (size_t at = all.find("<Sentence "); at != std::string::npos; at = all.find("<Sentence ", at + 1)) {
    size_t stop = all.find("</Sentence>", at);
    if (stop == std::string::npos) break;
    PennRecord r;
    r.id = between(all, at, "id=\"", "\"", stop);
    r.text = foldSpaces(between(all, at, "<Text>", "</Text>", stop));
    std::string parse = between(all, at, "<Parse>", "</Parse>", stop);
    size_t i = 0;
    r.root = parseTree(parse, i);
    if (r.text.empty() || !r.root) continue;
    align(r.text, *r.root);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kg::extract::syntax::testing
