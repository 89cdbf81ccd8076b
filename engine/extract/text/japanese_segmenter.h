// Japanese word segmentation with MeCab (the IPA dictionary), so that names
// written without spaces ("ソレイマニ司令官") fall into words the actor
// dictionary can match, in article text and in dictionary aliases alike.
//
// Thread safety: one JapaneseSegmenter may be used from several threads at
// once (each call parses with its own MeCab lattice).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace kg::extract {

struct JapaneseWord {
  size_t begin = 0;  // byte offsets into the segmented text
  size_t end = 0;
  bool properNoun = false;  // MeCab: 名詞,固有名詞
  bool noun = false;
};

class JapaneseSegmenter {
 public:
  // nullptr when MeCab or its dictionary cannot be loaded; callers then fall
  // back to script runs (katakana runs, kanji runs).
  static std::unique_ptr<JapaneseSegmenter> create();
  ~JapaneseSegmenter();
  JapaneseSegmenter(const JapaneseSegmenter&) = delete;
  JapaneseSegmenter& operator=(const JapaneseSegmenter&) = delete;

  std::vector<JapaneseWord> segment(std::string_view text) const;

 private:
  struct Impl;
  explicit JapaneseSegmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::extract
