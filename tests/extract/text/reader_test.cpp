#include "extract/text/reader.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "../../support/temp_dir.h"

using kg::extract::RawDocument;
using kg::extract::readBuffer;
using kg::extract::readInputs;
using kg::extract::ReadStats;
using kg::extract::ReadWarning;

namespace {

struct Read {
  std::vector<RawDocument> docs;
  std::vector<ReadWarning> warnings;
};

Read readOne(const std::string& name, std::string bytes) {
  Read r;
  ReadStats stats;
  readBuffer(
      name, std::move(bytes), [&](RawDocument&& d) { r.docs.push_back(std::move(d)); }, &r.warnings, &stats);
  return r;
}

void writeFile(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("Reader: invalid UTF-8 is repaired with U+FFFD and reported", "[extract][reader]") {
  Read r = readOne("bad.txt", std::string("Pompeo \xC3\x28 met \xFF\xFE Saleh \xE2\x82 in Baghdad."));
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "Pompeo \xEF\xBF\xBD( met \xEF\xBF\xBD\xEF\xBF\xBD Saleh \xEF\xBF\xBD in Baghdad.");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].where == "bad.txt");
  CHECK_THAT(r.warnings[0].message, Catch::Contains("invalid UTF-8"));
}

TEST_CASE("Reader: a binary file is skipped with a warning naming it", "[extract][reader]") {
  std::string bytes =
      "\x7f"
      "ELF";
  bytes += std::string(100, '\0');
  Read r = readOne("tool.bin", bytes);
  CHECK(r.docs.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].where == "tool.bin");
  CHECK_THAT(r.warnings[0].message, Catch::Contains("binary"));
}

TEST_CASE("Reader: an empty or blank file is skipped with a warning", "[extract][reader]") {
  for (const std::string& bytes : {std::string(), std::string(" \n\n\t ")}) {
    Read r = readOne("empty.txt", bytes);
    CHECK(r.docs.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0].toString(), Catch::Contains("empty.txt") && Catch::Contains("empty"));
  }
}

TEST_CASE("Reader: a 50 MB single line is read whole", "[extract][reader]") {
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "Kataib Hezbollah fired rockets at the embassy and ";
  line += "\xC3";  // a truncated sequence at the very end
  const size_t size = line.size();
  Read r = readOne("huge.txt", std::move(line));
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text.size() == size - 1 + 3);
  CHECK(r.warnings.size() == 1);
}

TEST_CASE("Reader: JSON Lines carry metadata, a malformed line is a warning naming file:line", "[extract][reader]") {
  const std::string jsonl =
      R"({"text": "Iraq's parliament voted to expel US troops.", "title": "Parliament vote", "date": "2020-01-05", "source": "Example Wire", "url": "https://example.org/a"})"
      "\n"
      R"({"text": "broken because the brace is missing")"
      "\n\n"
      R"({"title": "no text here"})"
      "\n"
      R"({"text": "Iran fired missiles at Ain al-Asad.", "date": "January 8, 2020"})"
      "\n"
      R"({"text": "A date nobody can read.", "date": "soon"})";
  Read r = readOne("feed.jsonl", jsonl);
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].title == "Parliament vote");
  CHECK(r.docs[0].date == kg::Date::day(2020, 1, 5));
  CHECK(r.docs[0].source == "Example Wire");
  CHECK(r.docs[0].url == "https://example.org/a");
  CHECK(r.docs[0].path == "feed.jsonl:1");
  CHECK(r.docs[1].date == kg::Date::day(2020, 1, 8));
  CHECK(r.docs[1].source == "feed.jsonl");
  CHECK_FALSE(r.docs[2].date.known());
  REQUIRE(r.warnings.size() == 3);
  CHECK(r.warnings[0].where == "feed.jsonl:2");
  CHECK_THAT(r.warnings[0].message, Catch::Contains("malformed JSON"));
  CHECK(r.warnings[1].where == "feed.jsonl:4");
  CHECK(r.warnings[2].where == "feed.jsonl:6");
  CHECK_THAT(r.warnings[2].message, Catch::Contains("soon"));
}

TEST_CASE("Reader: HTML loses tags, scripts and styles and keeps paragraphs", "[extract][reader]") {
  const std::string html =
      "<!DOCTYPE html><html><head><title>Strike &amp; response</title><style>p{color:red}</style>"
      "<script>var x = '<p>not text</p>';</script></head><body><nav>Home</nav>"
      "<h1>Iran strikes Ain al-Asad</h1><p>Iran&#8217;s missiles hit the base on\nJanuary 8.</p>"
      "<!-- a comment --><p>No one was killed &ndash; officials said.<br>More later.</p></body></html>";
  Read r = readOne("page.html", html);
  REQUIRE(r.docs.size() == 1);
  const std::string& t = r.docs[0].text;
  CHECK(r.docs[0].title == "Strike & response");
  CHECK(t.find("not text") == std::string::npos);
  CHECK(t.find("color") == std::string::npos);
  CHECK(t.find("<") == std::string::npos);
  CHECK(t.find("Iran\xE2\x80\x99s missiles hit the base on January 8.") != std::string::npos);
  CHECK(t.find("killed \xE2\x80\x93 officials said.\nMore later.") != std::string::npos);
  CHECK(t.find("Iran strikes Ain al-Asad\n\n") != std::string::npos);
}

TEST_CASE("Reader: directories are walked recursively in sorted order, missing paths warn", "[extract][reader]") {
  kg::testing::TempDir dir;
  writeFile(dir.sub("b/2.txt"), "second file text");
  writeFile(dir.sub("a.txt"), "first file text");
  writeFile(dir.sub("b/1.txt"), "middle file text");
  writeFile(dir.sub(".hidden.txt"), "hidden");
  std::vector<std::string> sources;
  std::vector<ReadWarning> warnings;
  const ReadStats stats = readInputs(
      {dir.path(), dir.sub("missing.txt")}, [&](RawDocument&& d) { sources.push_back(d.source); }, &warnings);
  REQUIRE(sources.size() == 3);
  CHECK(sources[0] == dir.sub("a.txt"));
  CHECK(sources[1] == dir.sub("b/1.txt"));
  CHECK(sources[2] == dir.sub("b/2.txt"));
  CHECK(stats.documents == 3);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where == dir.sub("missing.txt"));
}

TEST_CASE("Reader: a large JSON Lines file is streamed record by record with the same warnings", "[extract][reader]") {
  kg::testing::TempDir dir;
  std::string body(2000, 'x');
  std::string jsonl;
  size_t records = 0;
  while (jsonl.size() < (20u << 20)) {
    jsonl += "{\"text\": \"Iran fired missiles. " + body + "\", \"date\": \"2020-01-08\"}\n";
    ++records;
  }
  jsonl += "{not json\n";
  jsonl += "{\"text\": \"bad \xFF byte\"}\n";
  writeFile(dir.sub("big.jsonl"), jsonl);
  size_t docs = 0, dated = 0;
  std::vector<ReadWarning> warnings;
  const ReadStats stats = readInputs(
      {dir.sub("big.jsonl")},
      [&](RawDocument&& d) {
        ++docs;
        if (d.date == kg::Date::day(2020, 1, 8)) ++dated;
      },
      &warnings);
  CHECK(docs == records + 1);
  CHECK(dated == records);
  CHECK(stats.bytes == jsonl.size());
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].where == dir.sub("big.jsonl") + ":" + std::to_string(records + 1));
  CHECK_THAT(warnings[1].message, Catch::Contains("invalid UTF-8"));
}

TEST_CASE("Reader: links back to a parent directory and second paths to a file are read once", "[extract][reader]") {
  kg::testing::TempDir dir;
  writeFile(dir.sub("in/a.txt"), "Iran condemned the strike on Friday.\n");
  std::filesystem::create_directory_symlink(".", dir.sub("in/loop1"));
  std::filesystem::create_directory_symlink(".", dir.sub("in/loop2"));
  std::filesystem::create_symlink(dir.sub("in/a.txt"), dir.sub("in/same.txt"));
  std::vector<RawDocument> docs;
  std::vector<ReadWarning> warnings;
  ReadStats stats = readInputs({dir.sub("in")}, [&](RawDocument&& d) { docs.push_back(std::move(d)); }, &warnings);
  CHECK(docs.size() == 1);
  CHECK(stats.files == 1);
  size_t loops = 0;
  for (const auto& w : warnings) loops += w.message.find("already read") != std::string::npos;
  CHECK(loops == 2);  // the two directory links are named; the second path to the file is silent
}

TEST_CASE("Reader: an input without end (a device) is cut at the size limit, with a warning", "[extract][reader]") {
  std::vector<RawDocument> docs;
  std::vector<ReadWarning> warnings;
  readInputs({"/dev/zero"}, [&](RawDocument&& d) { docs.push_back(std::move(d)); }, &warnings);
  CHECK(docs.empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where == "/dev/zero");
  CHECK(warnings[0].message.find("MiB; skipped") != std::string::npos);
}

TEST_CASE("Reader: JSON Lines metadata that is not a string is named in a warning", "[extract][reader]") {
  auto r = readOne("feed.jsonl", "{\"text\":\"Iran condemned the strike.\",\"date\":20191231,\"title\":[1]}\n");
  REQUIRE(r.docs.size() == 1);
  CHECK_FALSE(r.docs[0].date.known());
  size_t named = 0;
  for (const auto& w : r.warnings) named += w.message.find("not a string") != std::string::npos;
  CHECK(named == 2);
}
