#include "core/local_ingest.h"

#include <cassert>

#include "core/ingest.h"
#include "extract/dates/dates.h"
#include "extract/extractor.h"
#include "extract/text/reader.h"

namespace kg::core {

extract::ExtractorOptions extractorOptions(const DictionaryOptions& d) {
  extract::ExtractorOptions xo;
  xo.loadDefaultDictionary = d.loadDefaultDictionary;
  xo.actorFiles = d.actorFiles;
  xo.petrarchFiles = d.petrarchFiles;
  xo.verbFiles = d.verbFiles;
  xo.agentFiles = d.agentFiles;
  xo.discardFiles = d.discardFiles;
  return xo;
}

struct LocalIngest::Impl {
  std::unique_ptr<extract::Extractor> extractor;
  std::unique_ptr<Ingestor> ingestor;  // borrows *extractor: declared after it, destroyed before it
};

LocalIngest::LocalIngest(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LocalIngest::~LocalIngest() = default;

Result<std::unique_ptr<LocalIngest>> LocalIngest::create(const DictionaryOptions& dictionaries) {
  auto impl = std::make_unique<Impl>();
  auto extractor = extract::Extractor::create(extractorOptions(dictionaries));
  if (!extractor) return extractor.status();
  impl->extractor = std::move(extractor).value();
  return std::unique_ptr<LocalIngest>(new LocalIngest(std::move(impl)));
}

Status LocalIngest::open(Engine& engine, const IngestOptions& options) {
  assert(!impl_->ingestor && "LocalIngest::open called twice");
  auto ingestor = Ingestor::create(engine, *impl_->extractor, options);
  if (!ingestor) return ingestor.status();
  impl_->ingestor = std::move(ingestor).value();
  return Status::ok();
}

const std::vector<std::string>& LocalIngest::dictionaryWarnings() const { return impl_->extractor->warnings(); }

Status LocalIngest::ingestPaths(const std::vector<std::string>& paths, const IngestProgress& progress) {
  return impl_->ingestor->ingestPaths(paths, progress);
}

const IngestSummary& LocalIngest::summary() const { return impl_->ingestor->summary(); }

ReadCounts readDocuments(const std::vector<std::string>& paths, const std::function<void(IngestDocument&&)>& visit,
                         std::vector<std::string>* warnings) {
  std::vector<extract::ReadWarning> read;
  const extract::ReadStats stats = extract::readInputs(
      paths,
      [&](extract::RawDocument&& d) {
        IngestDocument doc;
        doc.text = std::move(d.text);
        doc.title = std::move(d.title);
        doc.date = d.date;
        doc.source = std::move(d.source);
        doc.url = std::move(d.url);
        visit(std::move(doc));
      },
      &read);
  if (warnings)
    for (const auto& w : read) warnings->push_back(w.toString());
  return ReadCounts{stats.files, stats.documents, stats.bytes};
}

std::optional<Date> parseDocumentDate(std::string_view text) { return extract::parseDate(text); }

}  // namespace kg::core
