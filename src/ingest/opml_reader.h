// OPML subscription lists (OPML 1.0 and 2.0, as feed readers export them):
// the outlines that carry an xmlUrl are subscriptions; the outlines around
// them are folders, which become the subscription's category. Read with
// XmlStream (no network, no DTD, no entity expansion). Thread-compatible.
// The public entry points are ReadOpml / ReadOpmlInput in veille/ingest.h.
#ifndef VEILLE_INGEST_OPML_READER_H_
#define VEILLE_INGEST_OPML_READER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byte_stream.h"
#include "veille/ingest.h"

namespace veille::ingest {

// Reads the subscriptions of the OPML list in `stream` (see ReadOpml in
// veille/ingest.h for the fields and errors). Errors name `name`.
Result<std::vector<Subscription>> ReadOpmlStream(const std::string& name,
                                                 std::unique_ptr<ByteStream> stream,
                                                 const IngestOptions& options);

// The DocumentReader OpenInput returns for an OPML list: it reads the list
// on the first Next() call, yields no documents (returns false, or the
// list's error once) and reports the number of subscriptions found through
// Skipped() as {"feed subscriptions (import them with `veille sources
// add`)", N}.
std::unique_ptr<DocumentReader> NewOpmlReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              const IngestOptions& options);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_OPML_READER_H_
