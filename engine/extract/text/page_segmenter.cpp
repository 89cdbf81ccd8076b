#include "extract/text/page_segmenter.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "extract/dates/dates.h"
#include "extract/text/normalizer.h"
#include "extract/text/sentences.h"
#include "extract/lexicon/dictionary_lines.h"

namespace kg::extract {
namespace {

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

// Leading list bullets, which pages put before buttons ("• Like 1").
std::string_view stripBullets(std::string_view s) {
  for (;;) {
    s = trimBlanks(s);
    if (startsWith(s, "\xE2\x80\xA2") || startsWith(s, "\xE2\x96\xAA") || startsWith(s, "\xE2\x96\xBA")) {  // • ▪ ►
      s.remove_prefix(3);
    } else if (startsWith(s, "\xC2\xB7")) {  // ·
      s.remove_prefix(2);
    } else if (startsWith(s, "* ") || s == "*") {
      s.remove_prefix(1);
    } else {
      return s;
    }
  }
}

bool allDigits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

bool hasLetterOrDigit(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) return true;
  }
  return false;
}

enum class LineKind { kText, kBoiler, kEnd, kDate, kUndatedByline };

struct LineInfo {
  LineKind kind = LineKind::kText;
  Date date;              // for kEnd (a footer may carry the article's date) and kDate
  bool labelled = false;  // kDate: "Date: ..." metadata
};

// A line that ends an article: blog footers and forum post buttons.
std::optional<LineInfo> endMarker(std::string_view line, const std::string& lc) {
  if (lc == "link to comment" || lc == "share on other sites") return LineInfo{LineKind::kEnd, {}};
  // "posted by NAME at 11:22| Comment(0) | ..."
  if (startsWith(lc, "posted by ") && (contains(lc, "comment(") || contains(lc, " at ")))
    return LineInfo{LineKind::kEnd, {}};
  // "January 7, 2020 Posted by | Illegal Occupation | , | Leave a comment"
  if (const size_t p = lc.find("posted by"); p != std::string::npos && line.size() < 400) {
    const std::string_view rest = trimBlanks(std::string_view(lc).substr(p + 9));
    if (rest.empty() || rest[0] == '|') {
      LineInfo info{LineKind::kEnd, {}};
      if (auto m = findDate(line.substr(0, p))) info.date = m->date;
      return info;
    }
  }
  return std::nullopt;
}

bool isUrlOrFileName(std::string_view s) {
  if (contains(s, " ")) return false;
  if (startsWith(s, "http://") || startsWith(s, "https://") || startsWith(s, "www.")) return true;
  const std::string lc = lowerAscii(s);
  for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".svg"})
    if (contains(lc, ext)) return true;
  return s.size() > 20 && (contains(s, "?") || contains(s, "=") || contains(s, "/"));
}

// A line (no more than a short header) that carries the article's date:
// the date may follow a byline that ends in a separator ("Press TV -",
// "By X | Y |"), a label ("Date:", "calendar.png") or a weekday, and may be
// followed by a time or a bracketed note.
struct DateLineInfo {
  Date date;
  bool labelled = false;  // "Date: ...", "Posted on ...": metadata, never a new article
};

std::optional<DateLineInfo> dateLine(std::string_view line) {
  if (line.size() > 160) return std::nullopt;
  const auto m = findDate(line);
  if (!m) return std::nullopt;
  std::string_view prefix = trimBlanks(line.substr(0, m->begin));
  std::string_view suffix = trimBlanks(line.substr(m->end));
  const std::string lp = lowerAscii(prefix);
  static const char* const kLabels[] = {"date:",        "published:",    "published on", "published",
                                        "posted on",    "posted:",       "updated:",     "last updated:",
                                        "calendar.png", "editing date:", "dated"};
  bool labelled = false;
  for (const char* l : kLabels) labelled = labelled || lp == l;
  bool prefixOk = prefix.empty() || labelled;
  if (!prefixOk && prefix.size() <= 100) {
    const char last = prefix.back();
    const bool separator = last == '-' || last == '|' || last == ':' || last == '/';
    const bool oneWord = !contains(prefix, " ");  // a weekday ("Sunday,"), an outlet
    prefixOk = separator || oneWord;
  }
  if (!prefixOk) return std::nullopt;
  if (!suffix.empty()) {
    const char c = suffix[0];
    const bool time = suffix.size() >= 4 && std::isdigit(static_cast<unsigned char>(c)) &&
                      (suffix[1] == ':' || (std::isdigit(static_cast<unsigned char>(suffix[1])) && suffix[2] == ':'));
    const bool note = c == '[' || c == '(' || c == '|' || startsWith(suffix, "\xE2\x80\xA2");
    if (!time && !note) return std::nullopt;
  }
  return DateLineInfo{m->date, labelled};
}

LineInfo classify(std::string_view raw) {
  const std::string_view line = stripBullets(raw);
  if (line.empty() || !hasLetterOrDigit(line)) return {LineKind::kBoiler, {}};
  const std::string lc = lowerAscii(line);
  if (auto end = endMarker(line, lc)) return *end;
  if (isBoilerplateLine(line)) return {LineKind::kBoiler, {}};
  if (auto d = dateLine(line)) return {LineKind::kDate, d->date, d->labelled};
  // "Posted on  by Elijah J Magnier": a blog's post line whose date the page
  // lost still opens a post (undatedByline).
  if (line.size() < 160 && startsWith(lc, "posted on ") && contains(lc, " by ")) return {LineKind::kUndatedByline, {}};
  return {LineKind::kText, {}};
}

size_t countNonAscii(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) == 0xC0) ++n;  // lead bytes = characters
  return n;
}

// Could this line be a headline? Short, more than one word, not a sentence
// (ending in '.' or ',' inside or outside quotes), not a byline or credit.
bool headlineLike(std::string_view s) {
  if (s.size() < 8 || s.size() > 250) return false;
  std::string_view core = s;
  while (!core.empty() && (core.back() == '"' || core.back() == '\'' || core.back() == ')')) core.remove_suffix(1);
  if (core.empty()) return false;
  const char last = core.back();
  const bool ellipsis = core.size() >= 3 && core.substr(core.size() - 3) == "...";
  if (last == ',' || last == ';' || (last == '.' && !ellipsis)) return false;
  if (s[0] >= 'a' && s[0] <= 'z') return false;
  const std::string lc = lowerAscii(s.substr(0, 12));
  for (const char* p : {"source:", "by ", "photo", "image", "credit", "via ", "(photo", "file photo"})
    if (startsWith(lc, p)) return false;
  const std::string all = lowerAscii(s);
  if (contains(all, "(photo") || contains(all, "photo:") || contains(all, "(file photo")) return false;  // a caption
  if (countNonAscii(s) >= 4) return true;
  return contains(s, " ");
}

// A headline with some substance, preferred over a short line near it (an
// author's name, a section label).
bool strongHeadline(std::string_view s) { return std::count(s.begin(), s.end(), ' ') >= 3 || countNonAscii(s) >= 20; }

struct Seg {
  std::vector<std::string_view> lines;  // "" = paragraph break
  std::string_view title;
  Date date;

  size_t contentLines() const {
    return static_cast<size_t>(
        std::count_if(lines.begin(), lines.end(), [](std::string_view l) { return !l.empty(); }));
  }
  size_t contentBytes() const {
    size_t n = 0;
    for (std::string_view l : lines) n += l.size();
    return n;
  }
  // The headline for a date line that follows lines[..last]: among up to
  // three headline-like lines right above it, the nearest substantial one
  // (skipping an author's name or a user name), else the nearest.
  int pickTitle(int last) const {
    std::vector<int> run;
    for (int i = last; i >= 0 && run.size() < 3; --i) {
      if (lines[i].empty()) continue;
      if (!headlineLike(lines[i])) {
        if (lines[i].size() <= 24 && lines[i].back() != '.') continue;  // a bare forum user name
        break;
      }
      run.push_back(i);
    }
    if (run.empty()) return -1;
    for (size_t k = 0; k < run.size(); ++k) {
      if (!strongHeadline(lines[run[k]])) continue;
      // A long line with a clause ("While X may be ..., the ...") under a
      // headline is its standfirst: the headline above is the title.
      const std::string_view l = lines[run[k]];
      if (l.size() > 100 && contains(l, ", ") && k + 1 < run.size() && strongHeadline(lines[run[k + 1]]) &&
          !contains(lines[run[k + 1]], ", "))
        return run[k + 1];
      return run[k];
    }
    return run.front();
  }
  // Index of the last non-empty line, or -1.
  int lastContent() const {
    for (int i = static_cast<int>(lines.size()) - 1; i >= 0; --i)
      if (!lines[i].empty()) return i;
    return -1;
  }
};

std::string joinBody(const std::vector<std::string_view>& lines) {
  std::string body;
  bool pendingBreak = false;
  for (std::string_view l : lines) {
    if (l.empty()) {
      pendingBreak = true;
      continue;
    }
    if (!body.empty()) body += pendingBreak ? "\n\n" : "\n";
    body.append(l);
    pendingBreak = false;
  }
  return body;
}

// Splits an over-long body into parts of at most kMaxArticleBytes, at
// paragraph breaks, else line breaks, else spaces, else character boundaries.
std::vector<std::string> splitLong(const std::string& body) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (body.size() - pos > kMaxArticleBytes) {
    const size_t limit = pos + kMaxArticleBytes;
    size_t cut = body.rfind("\n\n", limit);
    if (cut == std::string::npos || cut <= pos + kMaxArticleBytes / 2) cut = body.rfind('\n', limit);
    if (cut == std::string::npos || cut <= pos + kMaxArticleBytes / 2) cut = body.rfind(' ', limit);
    if (cut == std::string::npos || cut <= pos + kMaxArticleBytes / 2) {
      cut = limit;
      while (cut > pos && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    }
    parts.push_back(body.substr(pos, cut - pos));
    pos = cut;
    while (pos < body.size() && (body[pos] == '\n' || body[pos] == ' ')) ++pos;
  }
  if (pos < body.size()) parts.push_back(body.substr(pos));
  return parts;
}

class PageSegmenter {
 public:
  std::vector<Segment> run(std::string_view text) {
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      line(trimBlanks(text.substr(pos, nl - pos)));
      pos = nl + 1;
    }
    close();
    // A text that is one short statement ("Iraq held talks with Kuwait.")
    // is no page furniture: with nothing else on the page, it is the article.
    if (out_.empty() && shortStatement_) out_.push_back(std::move(*shortStatement_));
    return std::move(out_);
  }

 private:
  void line(std::string_view l) {
    if (l.empty()) {
      cur_.lines.emplace_back();
      return;
    }
    const LineInfo info = classify(l);
    switch (info.kind) {
      case LineKind::kBoiler:
        cur_.lines.emplace_back();  // keep the paragraphs around it apart
        return;
      case LineKind::kEnd:
        if (info.date.known() && !cur_.date.known()) cur_.date = info.date;
        close();
        return;
      case LineKind::kDate:
        if (info.labelled) {
          if (!cur_.date.known()) dated(info.date);
          return;
        }
        dated(info.date);
        return;
      case LineKind::kText:
        cur_.lines.push_back(stripBullets(l));
        return;
      case LineKind::kUndatedByline:
        undatedByline();
        return;
    }
  }

  // A post line with no date ("Posted on  by X") after an article's text:
  // the headline above it opens another, undated article (its sentences
  // must not take the article before's date). At an article's head it is
  // only that article's byline.
  void undatedByline() {
    const int last = cur_.lastContent();
    if (last < 0 || cur_.contentLines() <= 1 || !headlineLike(cur_.lines[last])) return;
    startArticle(Date::unknown(), last);
  }

  void dated(Date d) {
    const int last = cur_.lastContent();
    const size_t bytesBeforeLast = cur_.contentBytes() - (last >= 0 ? cur_.lines[last].size() : 0);
    if (!cur_.date.known() && cur_.title.empty() && cur_.contentLines() <= 5 && bytesBeforeLast <= 300) {
      // Still at the article's head: the date is its date; the headline
      // above it is its title and what precedes that is page header.
      cur_.date = d;
      const int t = cur_.pickTitle(last);
      if (t >= 0) {
        cur_.title = cur_.lines[t];
        cur_.lines.erase(cur_.lines.begin(), cur_.lines.begin() + t + 1);
      }
      return;
    }
    // A new article starts: the headline above the date (and any byline
    // between them) goes with it.
    startArticle(d, cur_.pickTitle(last));
  }

  // Closes the current article and opens the next, dated `d`, whose title is
  // line `t` of the current one (with the lines after it); no title when `t`
  // is negative.
  void startArticle(Date d, int t) {
    Seg next;
    next.date = d;
    if (t >= 0) {
      next.title = cur_.lines[t];
      next.lines.assign(cur_.lines.begin() + t + 1, cur_.lines.end());
      cur_.lines.resize(t);
      // Pages often print the headline twice (a link, then the heading).
      for (int i = cur_.lastContent(); i >= 0 && cur_.lines[i] == next.title; i = cur_.lastContent())
        cur_.lines.resize(i);
    }
    close();
    cur_ = std::move(next);
  }

  void close() {
    Seg seg = std::move(cur_);
    cur_ = Seg();
    if (seg.title.empty()) {
      const int first = [&] {
        for (size_t i = 0; i < seg.lines.size(); ++i)
          if (!seg.lines[i].empty()) return static_cast<int>(i);
        return -1;
      }();
      // A headline followed by more text is the title of an undated article.
      if (first >= 0 && headlineLike(seg.lines[first]) && seg.contentLines() > 1) {
        seg.title = seg.lines[first];
        seg.lines.erase(seg.lines.begin(), seg.lines.begin() + first + 1);
      }
    }
    std::string body = joinBody(seg.lines);
    if (body.size() < kMinArticleBytes) {
      if (!shortStatement_ && looksLikeStatement(body)) shortStatement_ = Segment{std::string(seg.title), seg.date, body};
      return;
    }
    if (body.size() <= kMaxArticleBytes) {
      out_.push_back({std::string(seg.title), seg.date, std::move(body)});
      return;
    }
    std::vector<std::string> parts = splitLong(body);
    for (size_t i = 0; i < parts.size(); ++i) {
      std::string title(seg.title);
      title += (title.empty() ? "" : " ") + std::string("(part ") + std::to_string(i + 1) + ")";
      out_.push_back({std::move(title), seg.date, std::move(parts[i])});
    }
  }

  // Three words or more ending in a full stop, question or exclamation mark.
  static bool looksLikeStatement(const std::string& body) {
    if (body.empty()) return false;
    const char last = body.back();
    if (last != '.' && last != '!' && last != '?') return false;
    return std::count(body.begin(), body.end(), ' ') >= 2;
  }

  Seg cur_;
  std::vector<Segment> out_;
  std::optional<Segment> shortStatement_;  // the first short statement dropped
};

}  // namespace

bool isBoilerplateLine(std::string_view raw) {
  static const char* const kExact[] = {// (Arabic: "related articles")
                                       "link to comment",
                                       "share on other sites",
                                       "share",
                                       "shares",
                                       "like",
                                       "reply",
                                       "quote",
                                       "report",
                                       "recommended posts",
                                       "related videos",
                                       "related video",
                                       "related news",
                                       "related articles",
                                       "related stories",
                                       "related posts",
                                       "related",
                                       "read more",
                                       "read more:",
                                       "share this article",
                                       "share this:",
                                       "share this",
                                       "latest news",
                                       "jump to content",
                                       "visual search query image",
                                       "see the source image",
                                       "loading...",
                                       "comment",
                                       "comments",
                                       "leave a comment",
                                       "leave a reply",
                                       "print",
                                       "email",
                                       "tweet",
                                       "facebook",
                                       "twitter",
                                       "whatsapp",
                                       "telegram",
                                       "reddit",
                                       "advertisement",
                                       "subscribe",
                                       "menu",
                                       "home",
                                       "search",
                                       "skip to content",
                                       "join the conversation",
                                       "reply to this topic...",
                                       "guest",
                                       "create new...",
                                       "important information",
                                       "author",
                                       "source:",
                                       "description:",
                                       "x",
                                       "\u0645\u0642\u0627\u0644\u0627\u062a \u0645\u0631\u062a\u0628\u0637\u0629",
                                       "sign in",
                                       "sign up",
                                       "register",
                                       "log in",
                                       "login",
                                       "next",
                                       "previous",
                                       "back to top",
                                       "top"};
  static const char* const kPrefixes[] = {"guest views are now limited",
                                          "you can post now and register later",
                                          "note: your post will require",
                                          "only 75 emoji",
                                          "pasted as rich text",
                                          "your link has been automatically embedded",
                                          "your previous content has been restored",
                                          "you cannot paste images",
                                          "recently browsing",
                                          "no registered users viewing",
                                          "by using this site, you agree",
                                          "share on ",
                                          "click here to ",
                                          "follow us on ",
                                          "subscribe to ",
                                          "press tv's website can also be accessed",
                                          "views.png",
                                          "photo credit:",
                                          "image credit:",
                                          "read more:"};
  // Reaction buttons with counts: "Like 1", "Thanks 2", "Upvote 4".
  static const char* const kReactions[] = {"like", "likes", "thanks",   "upvote", "downvote",
                                           "haha", "sad",   "confused", "love",   "wow"};
  const std::string_view line = stripBullets(raw);
  if (line.empty()) return true;
  const std::string lc = lowerAscii(line);
  for (const char* e : kExact)
    if (lc == e) return true;
  for (const char* p : kPrefixes)
    if (startsWith(lc, p)) return true;
  if (line.size() <= 16) {
    const size_t sp = lc.rfind(' ');
    if (sp != std::string::npos && allDigits(std::string_view(lc).substr(sp + 1)))
      for (const char* r : kReactions)
        if (std::string_view(lc).substr(0, sp) == r) return true;
  }
  // "7 Comments", "Comment(0)", "1 Reply", bare counters like "420".
  if (allDigits(line)) return true;
  if (const size_t sp = lc.find(' ');
      sp != std::string::npos && sp < 8 && allDigits(std::string_view(lc).substr(0, sp))) {
    const std::string_view rest = std::string_view(lc).substr(sp + 1);
    if (rest == "comment" || rest == "comments" || rest == "reply" || rest == "replies" || rest == "views" ||
        rest == "shares" || rest == "times read")
      return true;
  }
  if (startsWith(lc, "comment(") && line.size() < 40) return true;
  if (startsWith(lc, "\xC3\x97") || lc == "\xC3\x97") return true;  // × (close buttons)
  return isUrlOrFileName(line);
}

std::vector<Segment> segmentPage(std::string_view normalizedText) { return PageSegmenter().run(normalizedText); }

std::string contentHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::vector<Article> toArticles(const RawDocument& doc, const ArticleOptions& options) {
  const std::string text = normalizeText(doc.text);
  std::vector<Segment> segments = segmentPage(text);
  // A JSON record or HTML page with a title of its own: a single article
  // without a title of its own takes the document's.
  if (segments.size() == 1 && segments[0].title.empty() && !doc.title.empty())
    segments[0].title = normalizeText(doc.title);
  std::vector<Article> out;
  out.reserve(segments.size());
  for (Segment& seg : segments) {
    Article a;
    if (!seg.title.empty()) {
      a.text.reserve(seg.title.size() + 2 + seg.text.size());
      a.text = seg.title;
      a.text += "\n\n";
    }
    a.text += seg.text;
    a.sentences = splitSentences(a.text);
    a.doc.id = contentHash(a.text);
    a.doc.title = seg.title;
    if (a.doc.title.empty() && !a.sentences.empty()) {
      // A title to show: the start of the first sentence.
      const Sentence& s = a.sentences[0];
      std::string_view first(a.text.data() + s.begin, s.end - s.begin);
      if (first.size() > 80) {
        size_t cut = first.rfind(' ', 80);
        first = first.substr(0, cut == std::string_view::npos || cut < 40 ? 80 : cut);
        while (!first.empty() && (static_cast<unsigned char>(first.back()) & 0xC0) == 0x80) first.remove_suffix(1);
        if (!first.empty() && (static_cast<unsigned char>(first.back()) & 0xC0) == 0xC0) first.remove_suffix(1);
        a.doc.title = std::string(first) + "...";
      } else {
        a.doc.title = std::string(first);
      }
    }
    a.doc.date = seg.date.known() ? seg.date : doc.date.known() ? doc.date : options.defaultDate;
    // No dateline: the writer's present the text states ("2024年2月現在",
    // "as of February 2024"), at its precision.
    if (!a.doc.date.known())
      if (auto asOf = asOfDate(a.text)) a.doc.date = *asOf;
    a.doc.source = doc.source;
    a.doc.url = doc.url;
    a.doc.language = detectLanguage(a.text);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace kg::extract
