// libxml2's xmlTextReader over a ByteStream (tests: feed_reader_test.cc,
// opml_reader_test.cc, which feed it through both readers).
//
// xmlReaderForIO pulls bytes through ReadCallback, so the whole document is
// never in memory: the reader keeps the current node's ancestors and frees
// each subtree once passed. Parser options: XML_PARSE_NONET (no fetch, even
// of a DTD), no XML_PARSE_DTDLOAD (the external subset is never read), no
// XML_PARSE_NOENT (entity references stay references: an internal entity is
// never substituted, so a billion-laughs document costs its own size; libxml2
// still checks entity declarations for loops and amplification, and those
// errors surface as "entity expansion refused"), no XML_PARSE_HUGE (libxml2's
// default limits, e.g. 10 MB per text node, stay on), XML_PARSE_NOERROR /
// NOWARNING (nothing is printed: the first error is captured by a structured
// handler and returned as a Status).
#include "ingest/xml_stream.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <climits>
#include <mutex>
#include <string>

namespace veille::ingest {
namespace {

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

struct XmlStream::Impl {
  std::unique_ptr<ByteStream> stream;
  Status stream_status;  // the stream's error, if it failed
  std::string error;     // the first parser error
  int error_line = 0;
  int error_code = 0;
  xmlTextReaderPtr reader = nullptr;
  bool done = false;
  bool started = false;
  bool saw_bytes = false;  // a byte other than XML whitespace was read
  int64_t bytes_read = 0;

  static int ReadCallback(void* context, char* buffer, int len) {
    auto* impl = static_cast<Impl*>(context);
    if (len <= 0) return 0;
    Result<size_t> got = impl->stream->Read(buffer, static_cast<size_t>(len));
    if (!got.ok()) {
      impl->stream_status = got.status();
      return -1;
    }
    impl->bytes_read += static_cast<int64_t>(*got);
    for (size_t i = 0; i < *got && !impl->saw_bytes; ++i) {
      const char c = buffer[i];
      impl->saw_bytes = c != ' ' && c != '\t' && c != '\r' && c != '\n';
    }
    return static_cast<int>(*got);
  }
  static int CloseCallback(void*) { return 0; }

  static void OnError(void* context, xmlErrorPtr err) {
    auto* impl = static_cast<Impl*>(context);
    // Only fatal errors stop the parse; others (an entity left undeclared
    // because the external DTD is not read, a relative namespace URI) do not.
    if (err == nullptr || err->level < XML_ERR_FATAL || !impl->error.empty()) return;
    std::string msg = err->message != nullptr ? err->message : "unknown error";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    impl->error = msg.empty() ? "unknown error" : msg;
    impl->error_line = err->line;
    impl->error_code = err->code;
  }
};

XmlStream::XmlStream(std::string name, std::unique_ptr<ByteStream> stream)
    : impl_(std::make_unique<Impl>()) {
  InitLibxml();
  impl_->stream = std::move(stream);
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
  impl_->reader = xmlReaderForIO(&Impl::ReadCallback, &Impl::CloseCallback, impl_.get(),
                                 name.c_str(), nullptr, options);
  if (impl_->reader != nullptr) {
    xmlTextReaderSetStructuredErrorHandler(impl_->reader, &Impl::OnError, impl_.get());
  }
}

XmlStream::~XmlStream() {
  if (impl_->reader != nullptr) xmlFreeTextReader(impl_->reader);
}

Result<bool> XmlStream::Read() {
  if (impl_->done) return false;
  if (impl_->reader == nullptr) {
    impl_->done = true;
    if (!impl_->stream_status.ok()) return impl_->stream_status;
    return Status::Internal("cannot create an XML reader");
  }
  const int rc = xmlTextReaderRead(impl_->reader);
  // The parser runs ahead of the nodes delivered, by up to one 4 KiB read:
  // a fatal error found there ends the document before those nodes are
  // delivered (libxml2's reader does not hand them out).
  if (rc == 1) {
    impl_->started = true;
    switch (xmlTextReaderNodeType(impl_->reader)) {
      case XML_READER_TYPE_ELEMENT:
        kind_ = NodeKind::kElement;
        break;
      case XML_READER_TYPE_END_ELEMENT:
        kind_ = NodeKind::kEndElement;
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        kind_ = NodeKind::kText;
        break;
      case XML_READER_TYPE_ENTITY_REFERENCE:
        kind_ = NodeKind::kEntityRef;
        break;
      default:
        kind_ = NodeKind::kOther;
        break;
    }
    return true;
  }
  impl_->done = true;
  if (!impl_->stream_status.ok()) return impl_->stream_status;
  if (!impl_->saw_bytes) return Status::InvalidInput("not XML (empty document)");
  if (rc == 0 && impl_->error.empty()) return false;
  std::string reason = impl_->error.empty() ? "unreadable document" : impl_->error;
  if (impl_->error_code == XML_ERR_ENTITY_LOOP ||
      reason.find("mplification") != std::string::npos ||
      reason.find("entity reference loop") != std::string::npos) {
    return Status::InvalidInput("entity expansion refused (line " +
                                std::to_string(impl_->error_line) + "): " + reason);
  }
  if (impl_->error_code == XML_ERR_DOCUMENT_EMPTY || impl_->error_code == XML_ERR_DOCUMENT_START) {
    return Status::InvalidInput("not XML (line " + std::to_string(impl_->error_line) +
                                "): " + reason);
  }
  return Status::InvalidInput("malformed XML (line " + std::to_string(impl_->error_line) +
                              "): " + reason);
}

std::string_view XmlStream::local_name() const {
  return View(xmlTextReaderConstLocalName(impl_->reader));
}
std::string_view XmlStream::namespace_uri() const {
  return View(xmlTextReaderConstNamespaceUri(impl_->reader));
}
std::string_view XmlStream::qualified_name() const {
  return View(xmlTextReaderConstName(impl_->reader));
}
std::string_view XmlStream::value() const { return View(xmlTextReaderConstValue(impl_->reader)); }
int XmlStream::depth() const { return xmlTextReaderDepth(impl_->reader); }
bool XmlStream::is_empty_element() const { return xmlTextReaderIsEmptyElement(impl_->reader) == 1; }
int XmlStream::line() const { return xmlTextReaderGetParserLineNumber(impl_->reader); }
int64_t XmlStream::bytes_read() const { return impl_->bytes_read; }

std::string XmlStream::Attribute(std::string_view local, std::string_view ns) const {
  const std::string l(local);
  xmlChar* v = nullptr;
  if (ns.empty()) {
    v = xmlTextReaderGetAttribute(impl_->reader, reinterpret_cast<const xmlChar*>(l.c_str()));
  } else {
    const std::string n(ns);
    v = xmlTextReaderGetAttributeNs(impl_->reader, reinterpret_cast<const xmlChar*>(l.c_str()),
                                    reinterpret_cast<const xmlChar*>(n.c_str()));
  }
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

int XmlStream::AttributeCount() const { return xmlTextReaderAttributeCount(impl_->reader); }
bool XmlStream::MoveToAttribute(int index) const {
  return xmlTextReaderMoveToAttributeNo(impl_->reader, index) == 1;
}
std::string_view XmlStream::CurrentName() const {
  return View(xmlTextReaderConstName(impl_->reader));
}
std::string_view XmlStream::CurrentValue() const {
  return View(xmlTextReaderConstValue(impl_->reader));
}
void XmlStream::MoveToElement() const { xmlTextReaderMoveToElement(impl_->reader); }

void AppendXmlEscaped(std::string_view text, bool attribute, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        if (attribute) {
          out->append("&quot;");
          break;
        }
        [[fallthrough]];
      default:
        out->push_back(c);
    }
  }
}

}  // namespace veille::ingest
