// XmlStream: a pull parser over the bytes of one ByteStream, in bounded
// memory (libxml2's xmlTextReader fed through a read callback; nodes already
// passed are freed), for the feed and OPML readers. Hardened for hostile
// input: no network, no DTD loading, no entity substitution (so a
// "billion laughs" document cannot expand), libxml2's default size limits.
// Used from one thread at a time; distinct streams are independent.
#ifndef VEILLE_INGEST_XML_STREAM_H_
#define VEILLE_INGEST_XML_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/byte_stream.h"
#include "veille/status.h"

namespace veille::ingest {

// Well-known namespace URIs (elements are matched by URI, never by prefix).
inline constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";
inline constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRss10Ns = "http://purl.org/rss/1.0/";
inline constexpr std::string_view kRss090Ns = "http://my.netscape.com/rdf/simple/0.9/";
inline constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
inline constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
inline constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

class XmlStream {
 public:
  enum class NodeKind { kElement, kEndElement, kText, kEntityRef, kOther };

  // Parses `stream`; `name` is the document's URL for libxml2 (it never
  // fetches anything) and names the input in errors.
  XmlStream(std::string name, std::unique_ptr<ByteStream> stream);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;  // owns the libxml2 reader
  XmlStream& operator=(const XmlStream&) = delete;

  // Moves to the next node. Returns true at a node, false at the end of the
  // document, or an error once (later calls return false):
  //   - the stream's own error (truncated gzip, I/O), as the stream gave it;
  //   - kInvalidInput "malformed XML (line N): reason" (libxml2's reason,
  //     e.g. "Opening and ending tag mismatch: p line 3 and item");
  //   - kInvalidInput "not XML (...)" when the first node cannot be read;
  //   - kInvalidInput "entity expansion refused (...)" for an entity loop or
  //     an amplification libxml2 detects.
  // Errors carry no input name: callers add it with the record number.
  // The parser reads ahead of the nodes delivered: nodes within the last
  // read window (about 4 KiB) before a fatal error are not delivered.
  Result<bool> Read();

  // The current node; valid until the next Read().
  NodeKind kind() const { return kind_; }
  std::string_view local_name() const;
  std::string_view namespace_uri() const;  // "" when none
  std::string_view qualified_name() const;
  std::string_view value() const;  // text of a kText node
  int depth() const;               // 0 for the root element
  bool is_empty_element() const;   // <x/>: no kEndElement follows
  // The attribute with this local name and namespace ("" = no namespace) on
  // the current element, or "" when absent.
  std::string Attribute(std::string_view local, std::string_view ns = "") const;
  // Calls f(qualified name, value) for each attribute of the current element
  // (namespace declarations included).
  template <typename F>
  void ForEachAttribute(F f) const;
  int line() const;  // the parser's current line (1-based)
  // Input bytes pulled from the stream so far (before decoding; the parser
  // reads ahead of the current node by at most one 4 KiB window). Cheap,
  // unlike libxml2's byte count for non-UTF-8 input.
  int64_t bytes_read() const;

 private:
  struct Impl;
  bool MoveToAttribute(int index) const;
  std::string_view CurrentName() const;
  std::string_view CurrentValue() const;
  int AttributeCount() const;
  void MoveToElement() const;

  std::unique_ptr<Impl> impl_;
  NodeKind kind_ = NodeKind::kOther;
};

template <typename F>
void XmlStream::ForEachAttribute(F f) const {
  const int n = AttributeCount();
  for (int i = 0; i < n; ++i) {
    if (MoveToAttribute(i)) f(CurrentName(), CurrentValue());
  }
  MoveToElement();
}

// Appends `text` to *out with &, <, > (and " when `attribute`) escaped.
void AppendXmlEscaped(std::string_view text, bool attribute, std::string* out);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_XML_STREAM_H_
