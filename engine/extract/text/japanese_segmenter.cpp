#include "extract/text/japanese_segmenter.h"

#include <mecab.h>

#include <cstring>
#include <string>

namespace kg::extract {

struct JapaneseSegmenter::Impl {
  // MeCab's API hands out raw owning pointers. A Tagger parsing into a
  // caller's Lattice is safe from several threads (MeCab's documented model).
  MeCab::Model* model = nullptr;
  MeCab::Tagger* tagger = nullptr;
  ~Impl() {
    delete tagger;
    delete model;
  }
};

JapaneseSegmenter::JapaneseSegmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JapaneseSegmenter::~JapaneseSegmenter() = default;

std::unique_ptr<JapaneseSegmenter> JapaneseSegmenter::create() {
  auto impl = std::make_unique<Impl>();
  impl->model = MeCab::createModel("");
  if (impl->model == nullptr) return nullptr;
  impl->tagger = impl->model->createTagger();
  if (impl->tagger == nullptr) return nullptr;
  return std::unique_ptr<JapaneseSegmenter>(new JapaneseSegmenter(std::move(impl)));
}

std::vector<JapaneseWord> JapaneseSegmenter::segment(std::string_view text) const {
  std::vector<JapaneseWord> out;
  if (text.empty()) return out;
  std::unique_ptr<MeCab::Lattice> lattice(impl_->model->createLattice());
  if (!lattice) return out;
  const std::string buf(text);
  lattice->set_sentence(buf.c_str());
  if (!impl_->tagger->parse(lattice.get())) return out;
  for (const MeCab::Node* n = lattice->bos_node(); n != nullptr; n = n->next) {
    if (n->stat == MECAB_BOS_NODE || n->stat == MECAB_EOS_NODE || n->length == 0) continue;
    JapaneseWord w;
    w.begin = static_cast<size_t>(n->surface - buf.c_str());
    w.end = w.begin + n->length;
    const char* f = n->feature;
    w.noun = std::strncmp(f, "名詞", std::strlen("名詞")) == 0;
    w.properNoun = w.noun && std::strstr(f, "固有名詞") != nullptr;
    out.push_back(w);
  }
  return out;
}

}  // namespace kg::extract
