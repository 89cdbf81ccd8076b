// UndoLog: the inverse of each change made to the extractor's actor tables
// (Catalog, MentionIndex, ExtractorImpl's key maps) while it is attached, so
// that the changes can be taken back, newest first.
//
// Used to register the stored actors one article names and drop them before
// the next (Extractor::setArticleActors): the tables return exactly to what
// they were, so no article's reading depends on the articles before it.
//
// Thread safety: none; used under the single-threaded mutation rule of the
// tables it records.
#pragma once

#include <functional>
#include <utility>
#include <vector>

namespace kg::extract {

class UndoLog {
 public:
  UndoLog() = default;
  UndoLog(const UndoLog&) = delete;
  UndoLog& operator=(const UndoLog&) = delete;

  // Records how to take back a change just made. `undo` may capture
  // references to the changed tables; they must outlive this log's rollback().
  void push(std::function<void()> undo) { undo_.push_back(std::move(undo)); }

  // Takes back every recorded change, newest first, and empties the log.
  void rollback() { rollbackTo(0); }

  // Takes back the changes recorded after the first `mark` (a size() read
  // earlier), newest first, so the tables are as they were at that mark.
  void rollbackTo(size_t mark) {
    while (undo_.size() > mark) {
      std::function<void()> f = std::move(undo_.back());
      undo_.pop_back();
      f();
    }
  }

  bool empty() const { return undo_.empty(); }
  // The number of changes recorded: a mark for rollbackTo.
  size_t size() const { return undo_.size(); }

 private:
  std::vector<std::function<void()>> undo_;
};

}  // namespace kg::extract
