// Test helper: reads the PETRARCH validation records (<Sentence> with <Text>
// and a Penn Treebank <Parse>) and aligns the parse's leaves to byte offsets
// of the text, so that gold tags and phrases can be compared with ours.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace kg::extract::syntax::testing {

struct PennNode {
  std::string label;  // phrase label ("NP") or POS tag for a leaf ("NNP")
  std::string word;   // leaves only
  std::vector<std::unique_ptr<PennNode>> children;
  // Leaves: byte offsets of the word in the record's text, or npos when it
  // could not be found (a tokenisation the text does not show).
  size_t begin = std::string::npos;
  size_t end = std::string::npos;

  bool leaf() const { return children.empty(); }
};

struct PennRecord {
  std::string id;
  std::string text;  // whitespace runs folded to one space
  std::unique_ptr<PennNode> root;
};

// All records of `path` that have both a text and a parse; empty when the
// file cannot be read (the caller fails on that).
std::vector<PennRecord> readPennRecords(const std::string& path);

// Leaves of `node` in order.
void collectLeaves(const PennNode& node, std::vector<const PennNode*>& out);

}  // namespace kg::extract::syntax::testing
