// RSS and Atom feeds to RawDocuments (tests: tests/ingest/feed_reader_test.cc).
//
// The feed is read as a stream of XML nodes (XmlStream). Each element is
// classified once, when it starts, by namespace URI and local name into a
// Tag (an RSS <title> and an Atom <title> are both kTitle; a <dc:creator>
// is kCreator whatever its prefix); the tags of the open elements are kept
// in a stack, so that "a <name> inside an Atom <author> inside an <entry>"
// is a lookup, not a tree walk. The three dialects differ only in shape:
//   RSS 0.9x/2.0   <rss><channel>...<item>...</item></channel></rss>
//   RSS 1.0 (RDF)  <rdf:RDF><channel>...</channel><item>...</item></rdf:RDF>
//   Atom           <feed>...<entry>...</entry></feed>
// An item is gathered field by field: when a field element starts, a sink
// string is chosen and the text below it is appended; for bodies, child
// elements are serialised back to markup (Atom type="xhtml", or raw HTML
// tags that a careless RSS feed left unescaped). When the item element ends
// its fields become one RawDocument, returned by Next(); nothing of an item
// outlives it, so memory is one item plus the parser's window whatever the
// feed's length. Cost: linear in the input; one pass.
#include "ingest/feed_reader.h"

#include <nlohmann/json.hpp>

#include <string_view>
#include <utility>
#include <vector>

#include "common/iso_time.h"
#include "common/rfc822_time.h"
#include "common/url.h"
#include "ingest/byte_size.h"
#include "ingest/feed_text.h"
#include "ingest/xml_stream.h"

namespace veille::ingest {
namespace {

using Json = nlohmann::json;
using Kind = XmlStream::NodeKind;

// XmlStream reads ahead of the node being delivered; raw byte counts per
// item are only trusted beyond this margin (the gathered text is exact).
constexpr size_t kReadAheadSlack = 64 << 10;

enum class Dialect { kUnknown, kRss, kRdf, kAtom };

enum class Tag : uint8_t {
  kOther,
  kChannel,
  kItem,  // RSS <item> or Atom <entry>
  kTitle,
  kLink,
  kDescription,  // RSS <description>
  kEncoded,      // content:encoded
  kContent,      // Atom <content>
  kSummary,      // Atom <summary>
  kGuid,         // RSS <guid>, Atom <id>
  kPubDate,      // RSS <pubDate> (RFC 822)
  kIsoDate,      // dc:date, Atom <published>, Atom 0.3 <issued>
  kUpdated,      // Atom <updated>, Atom 0.3 <modified>
  kCreator,      // dc:creator, RSS <author>
  kAtomAuthor,   // Atom <author> (a container)
  kAtomName,     // Atom <name>
  kCategory,     // RSS <category>, dc:subject, Atom <category>
};

bool IsAtomNs(std::string_view ns) { return ns == kAtomNs || ns == kAtom03Ns; }
bool IsRssNs(std::string_view ns) { return ns.empty() || ns == kRss10Ns || ns == kRss090Ns; }

Tag Classify(std::string_view ns, std::string_view local) {
  if (IsAtomNs(ns)) {
    if (local == "entry") return Tag::kItem;
    if (local == "title") return Tag::kTitle;
    if (local == "link") return Tag::kLink;
    if (local == "content") return Tag::kContent;
    if (local == "summary") return Tag::kSummary;
    if (local == "id") return Tag::kGuid;
    if (local == "published" || local == "issued") return Tag::kIsoDate;
    if (local == "updated" || local == "modified") return Tag::kUpdated;
    if (local == "author") return Tag::kAtomAuthor;
    if (local == "name") return Tag::kAtomName;
    if (local == "category") return Tag::kCategory;
    return Tag::kOther;
  }
  if (IsRssNs(ns)) {
    if (local == "channel") return Tag::kChannel;
    if (local == "item") return Tag::kItem;
    if (local == "title") return Tag::kTitle;
    if (local == "link") return Tag::kLink;
    if (local == "description") return Tag::kDescription;
    if (local == "guid") return Tag::kGuid;
    if (local == "pubDate") return Tag::kPubDate;
    if (local == "author") return Tag::kCreator;
    if (local == "category") return Tag::kCategory;
    return Tag::kOther;
  }
  if (ns == kContentNs && local == "encoded") return Tag::kEncoded;
  if (ns == kDcNs) {
    if (local == "creator") return Tag::kCreator;
    if (local == "date") return Tag::kIsoDate;
    if (local == "subject") return Tag::kCategory;
  }
  return Tag::kOther;
}

// How a body element's text is to be taken (Atom's type attribute; RSS
// bodies are sniffed).
enum class BodyType { kSniff, kText, kHtml, kXhtml, kOutOfLine };

BodyType AtomBodyType(std::string_view type, bool has_src) {
  if (has_src) return BodyType::kOutOfLine;
  if (type.empty() || type == "text" || type == "text/plain") return BodyType::kText;
  if (type == "html" || type == "text/html" || type == "escaped") return BodyType::kHtml;
  if (type == "xhtml" || type == "application/xhtml+xml" || type == "xml") return BodyType::kXhtml;
  return BodyType::kOutOfLine;  // another media type: not an article body
}

// What one item (or the feed itself) has gathered so far.
struct Fields {
  std::string title, link, link_base, alt_link, guid, about, pub_date, iso_date, updated;
  std::string description, encoded, content, summary, author;
  BodyType content_type = BodyType::kSniff, summary_type = BodyType::kSniff;
  BodyType title_type = BodyType::kText;
  bool guid_is_permalink = true;
  std::vector<std::string> categories;
};

// The field being gathered: where its text goes and how.
struct Sink {
  Tag tag = Tag::kOther;
  int depth = -1;       // the field element's depth; -1 when none
  bool markup = false;  // serialise child elements back to markup
  std::string text;
};

class FeedReader final : public DocumentReader {
 public:
  FeedReader(std::string input, std::unique_ptr<ByteStream> stream, size_t max_bytes)
      : input_(std::move(input)), xml_(input_, std::move(stream)), max_bytes_(max_bytes) {
    Result<std::string> canonical = CanonicalizeUrl(input_);
    if (canonical.ok()) input_base_ = input_;
  }

  Result<bool> Next(RawDocument* doc) override;

 private:
  Status OnElement(Tag tag);
  void OnEndField();
  void OnText(std::string_view text);
  std::string BaseFor(int depth) const;
  void BuildDocument(RawDocument* doc);
  Status Fail(Status s) const { return s.At(input_, in_item_ ? item_number_ : 0); }

  std::string input_;
  std::string input_base_;  // the input's name when it is an absolute URL
  XmlStream xml_;
  const size_t max_bytes_;
  Dialect dialect_ = Dialect::kUnknown;
  std::vector<Tag> tags_;           // tags of the open elements, by depth
  std::vector<std::string> bases_;  // xml:base in effect at each depth
  bool in_item_ = false;
  int item_depth_ = -1;
  int64_t item_number_ = 0;
  int64_t item_start_ = 0;  // bytes read when the item started
  size_t item_bytes_ = 0;   // bytes gathered for the item
  bool oversize_ = false;
  Fields feed_, item_;
  Sink sink_;
  bool done_ = false;
};

std::string FeedReader::BaseFor(int depth) const {
  if (depth >= 0 && static_cast<size_t>(depth) < bases_.size() && !bases_[depth].empty()) {
    return bases_[depth];
  }
  return input_base_;
}

Status FeedReader::OnElement(Tag tag) {
  const int depth = xml_.depth();
  if (depth == 0) {
    const std::string_view ns = xml_.namespace_uri(), local = xml_.local_name();
    if (local == "rss" && ns.empty()) {
      dialect_ = Dialect::kRss;
    } else if (local == "RDF" && ns == kRdfNs) {
      dialect_ = Dialect::kRdf;
    } else if (local == "feed" && IsAtomNs(ns)) {
      dialect_ = Dialect::kAtom;
    } else {
      return Status::InvalidInput("not a feed: root element <" +
                                  std::string(xml_.qualified_name()) +
                                  (ns.empty() ? "" : " xmlns=\"" + std::string(ns) + "\"") +
                                  "> (expected RSS <rss>, RSS 1.0 <rdf:RDF> or Atom <feed>)");
    }
  }
  // Inside a field: a body's markup is re-serialised; other fields keep only text.
  if (sink_.depth >= 0) {
    if (sink_.markup) {
      sink_.text.push_back('<');
      sink_.text.append(xml_.local_name());
      xml_.ForEachAttribute([&](std::string_view name, std::string_view value) {
        if (name.starts_with("xmlns")) return;
        sink_.text.push_back(' ');
        sink_.text.append(name);
        sink_.text.append("=\"");
        AppendXmlEscaped(value, true, &sink_.text);
        sink_.text.push_back('"');
      });
      sink_.text.append(xml_.is_empty_element() ? "/>" : ">");
    }
    return Status::Ok();
  }
  const Tag parent = depth > 0 ? tags_[depth - 1] : Tag::kOther;
  if (tag == Tag::kItem && !in_item_ &&
      (dialect_ == Dialect::kAtom ? depth == 1 : parent == Tag::kChannel || depth == 1)) {
    in_item_ = true;
    item_depth_ = depth;
    ++item_number_;
    item_start_ = xml_.bytes_read();
    item_bytes_ = 0;
    oversize_ = false;
    item_ = Fields{};
    item_.about = xml_.Attribute("about", kRdfNs);  // RSS 1.0: the item's URI
    return Status::Ok();
  }
  // Fields are direct children of the item, or of the channel / Atom feed
  // (an Atom <name> is a child of an <author>).
  const bool feed_level =
      !in_item_ && (dialect_ == Dialect::kAtom ? depth == 1 : parent == Tag::kChannel);
  const bool item_level = in_item_ && depth == item_depth_ + 1;
  const bool author_name = tag == Tag::kAtomName && parent == Tag::kAtomAuthor &&
                           (in_item_ ? depth == item_depth_ + 2 : depth == 2);
  if (!feed_level && !item_level && !author_name) return Status::Ok();
  Fields& f = in_item_ ? item_ : feed_;
  switch (tag) {
    case Tag::kLink:
      if (IsAtomNs(xml_.namespace_uri())) {
        // Atom: rel="alternate" (the default) is the article; keep the first.
        const std::string rel = xml_.Attribute("rel");
        const std::string href = xml_.Attribute("href");
        if (href.empty()) return Status::Ok();
        if ((rel.empty() || rel == "alternate") && f.link.empty()) {
          f.link = href;
          f.link_base = BaseFor(depth);
        } else if (f.alt_link.empty() && rel != "self" && rel != "enclosure" && rel != "replies" &&
                   rel != "edit") {
          f.alt_link = href;
        }
        return Status::Ok();
      }
      f.link_base = BaseFor(depth);
      break;
    case Tag::kCategory:
      if (IsAtomNs(xml_.namespace_uri())) {
        std::string label = xml_.Attribute("label");
        if (label.empty()) label = xml_.Attribute("term");
        if (!label.empty()) f.categories.push_back(std::move(label));
        return Status::Ok();
      }
      break;
    case Tag::kGuid:
      if (xml_.namespace_uri().empty() && xml_.Attribute("isPermaLink") == "false") {
        f.guid_is_permalink = false;
      }
      break;
    case Tag::kContent:
    case Tag::kSummary: {
      std::string type = xml_.Attribute("type");
      if (xml_.namespace_uri() == kAtom03Ns && xml_.Attribute("mode") == "escaped") type = "html";
      if (xml_.namespace_uri() == kAtom03Ns && xml_.Attribute("mode") == "base64") {
        type = "base64";
      }
      const BodyType body = AtomBodyType(type, !xml_.Attribute("src").empty());
      (tag == Tag::kContent ? f.content_type : f.summary_type) = body;
      if (body == BodyType::kOutOfLine) return Status::Ok();
      break;
    }
    case Tag::kTitle:
      if (IsAtomNs(xml_.namespace_uri())) {
        const BodyType t = AtomBodyType(xml_.Attribute("type"), false);
        f.title_type = t == BodyType::kOutOfLine ? BodyType::kText : t;
      }
      break;
    case Tag::kOther:
    case Tag::kChannel:
    case Tag::kItem:
    case Tag::kAtomAuthor:
      return Status::Ok();
    default:
      break;
  }
  if (xml_.is_empty_element()) return Status::Ok();
  sink_.tag = tag;
  sink_.depth = depth;
  sink_.text.clear();
  const BodyType body_type = tag == Tag::kContent   ? f.content_type
                             : tag == Tag::kSummary ? f.summary_type
                                                    : BodyType::kSniff;
  sink_.markup = tag == Tag::kDescription || tag == Tag::kEncoded ||
                 body_type == BodyType::kXhtml || body_type == BodyType::kHtml;
  return Status::Ok();
}

void FeedReader::OnText(std::string_view text) {
  if (sink_.depth < 0 || oversize_) return;
  if (in_item_) {
    item_bytes_ += text.size();
    if (item_bytes_ > max_bytes_) {
      oversize_ = true;
      sink_ = Sink{};
      return;
    }
  }
  // Text right inside a body is its (already unescaped) HTML source; text
  // deeper down belongs to serialised child elements and is escaped again.
  if (sink_.markup && xml_.depth() > sink_.depth + 1) {
    AppendXmlEscaped(text, false, &sink_.text);
  } else {
    sink_.text.append(text);
  }
}

void FeedReader::OnEndField() {
  Fields& f = in_item_ ? item_ : feed_;
  std::string& text = sink_.text;
  auto set_first = [&](std::string* field) {
    if (field->empty()) *field = std::move(text);
  };
  switch (sink_.tag) {
    case Tag::kTitle:
      set_first(&f.title);
      break;
    case Tag::kLink:
      set_first(&f.link);
      break;
    case Tag::kDescription:
      set_first(&f.description);
      break;
    case Tag::kEncoded:
      set_first(&f.encoded);
      break;
    case Tag::kContent:
      set_first(&f.content);
      break;
    case Tag::kSummary:
      set_first(&f.summary);
      break;
    case Tag::kGuid:
      set_first(&f.guid);
      break;
    case Tag::kPubDate:
      set_first(&f.pub_date);
      break;
    case Tag::kIsoDate:
      set_first(&f.iso_date);
      break;
    case Tag::kUpdated:
      set_first(&f.updated);
      break;
    case Tag::kCreator:
    case Tag::kAtomName:
      set_first(&f.author);
      break;
    case Tag::kCategory:
      if (!TrimXmlSpace(text).empty()) f.categories.emplace_back(TrimXmlSpace(text));
      break;
    default:
      break;
  }
  sink_ = Sink{};
}

Result<bool> FeedReader::Next(RawDocument* doc) {
  while (!done_) {
    Result<bool> more = xml_.Read();
    if (!more.ok()) {
      done_ = true;
      return Fail(more.status());
    }
    if (!*more) {
      done_ = true;
      if (dialect_ == Dialect::kUnknown)
        return Fail(Status::InvalidInput("not XML (no root element)"));
      return false;
    }
    const int depth = xml_.depth();
    switch (xml_.kind()) {
      case Kind::kElement: {
        const Tag tag = Classify(xml_.namespace_uri(), xml_.local_name());
        tags_.resize(depth + 1);
        tags_[depth] = tag;
        bases_.resize(depth + 1);
        const std::string parent_base = depth > 0 ? bases_[depth - 1] : input_base_;
        bases_[depth] = parent_base;
        if (std::string base = xml_.Attribute("base", kXmlNs); !base.empty()) {
          Result<std::string> resolved =
              parent_base.empty() ? Result<std::string>(base) : ResolveUrl(parent_base, base);
          bases_[depth] = resolved.ok() ? *resolved : base;
        }
        if (Status s = OnElement(tag); !s.ok()) {
          done_ = true;
          return Fail(s);
        }
        // An empty item (<item/>) ends where it starts.
        if (in_item_ && depth == item_depth_ && xml_.is_empty_element()) {
          in_item_ = false;
          BuildDocument(doc);
          return true;
        }
        break;
      }
      case Kind::kText:
        OnText(xml_.value());
        break;
      case Kind::kEntityRef:
        // An entity left unexpanded (declared in a DTD we do not load): kept
        // as a reference, which the HTML parser of a body understands.
        if (sink_.depth >= 0 && !oversize_) {
          sink_.text.append("&").append(xml_.qualified_name()).append(";");
        }
        break;
      case Kind::kEndElement:
        if (sink_.depth >= 0 && depth > sink_.depth) {
          if (sink_.markup) sink_.text.append("</").append(xml_.local_name()).append(">");
        } else if (sink_.depth >= 0 && depth == sink_.depth) {
          OnEndField();
        } else if (in_item_ && depth == item_depth_) {
          in_item_ = false;
          // Raw bytes are counted by reads, so allow the parser's read-ahead.
          const int64_t item_bytes = xml_.bytes_read() - item_start_;
          if (oversize_ || static_cast<size_t>(item_bytes) > max_bytes_ + kReadAheadSlack) {
            return Status::ResourceExhausted("item exceeds the " + FormatByteSize(max_bytes_) +
                                             " limit")
                .At(input_, item_number_);
          }
          BuildDocument(doc);
          return true;
        }
        break;
      case Kind::kOther:
        break;
    }
  }
  return false;
}

void FeedReader::BuildDocument(RawDocument* doc) {
  Fields& it = item_;
  *doc = RawDocument{};
  doc->input = input_;
  doc->record = item_number_;
  doc->bytes_are_utf8 = true;
  Json extra = Json::object();

  // Body: full content first, then the teaser.
  struct Candidate {
    std::string* text;
    BodyType type;
  };
  const Candidate candidates[] = {{&it.encoded, BodyType::kSniff},
                                  {&it.content, it.content_type},
                                  {&it.description, BodyType::kSniff},
                                  {&it.summary, it.summary_type}};
  const Candidate* body = nullptr;
  for (const Candidate& c : candidates) {
    if (c.type != BodyType::kOutOfLine && !TrimXmlSpace(*c.text).empty()) {
      body = &c;
      break;
    }
  }
  doc->format = DocFormat::kHtml;
  if (body != nullptr) {
    const bool html = body->type == BodyType::kHtml || body->type == BodyType::kXhtml ||
                      (body->type == BodyType::kSniff && LooksLikeHtml(*body->text));
    doc->format = html ? DocFormat::kHtml : DocFormat::kText;
    doc->bytes = std::move(*body->text);
    const std::string& teaser = !it.description.empty() ? it.description : it.summary;
    if (body->text != &it.description && body->text != &it.summary && !teaser.empty()) {
      extra["summary"] = teaser;
    }
  }

  // URL: the item's link, else a permalink guid, else rdf:about / Atom alternate.
  std::string link = std::string(TrimXmlSpace(it.link));
  std::string base = it.link_base;
  if (link.empty() && !it.alt_link.empty()) link = it.alt_link;
  const std::string guid(TrimXmlSpace(it.guid));
  if (link.empty() && !guid.empty() && it.guid_is_permalink && dialect_ != Dialect::kAtom &&
      CanonicalizeUrl(guid).ok()) {
    link = guid;
  }
  if (link.empty()) link = std::string(TrimXmlSpace(it.about));
  if (!link.empty()) {
    if (base.empty()) base = input_base_;
    const std::string channel_link(TrimXmlSpace(feed_.link));
    Result<std::string> resolved =
        base.empty() ? Result<std::string>(Status::InvalidInput("")) : ResolveUrl(base, link);
    if (!resolved.ok() && !channel_link.empty()) resolved = ResolveUrl(channel_link, link);
    doc->url = resolved.ok() ? *resolved : link;
  }

  doc->title = std::string(TrimXmlSpace(it.title_type == BodyType::kText
                                            ? CollapseSpace(it.title)
                                            : CollapseSpace(HtmlToPlain(it.title))));
  doc->author = CollapseSpace(!it.author.empty() ? it.author : feed_.author);
  const std::string feed_title = feed_.title_type == BodyType::kText
                                     ? CollapseSpace(feed_.title)
                                     : CollapseSpace(HtmlToPlain(feed_.title));
  doc->site = feed_title;

  // Dates: published, else (Atom) updated; RFC 822 in RSS, ISO 8601 elsewhere.
  std::vector<std::string> unparsed;
  auto normalise = [&](const std::string& raw, bool rfc822) -> std::string {
    const std::string_view v = TrimXmlSpace(raw);
    if (v.empty()) return "";
    Result<std::string> r = rfc822 ? NormalizeRfc822Time(v) : NormalizeIsoTime(v);
    if (!r.ok() && !rfc822) r = NormalizeRfc822Time(v);  // an RFC 822 date in dc:date
    if (r.ok()) return *r;
    unparsed.emplace_back(v);
    return "";
  };
  doc->published = normalise(it.pub_date, true);
  if (doc->published.empty()) doc->published = normalise(it.iso_date, false);
  const std::string updated = normalise(it.updated, false);
  if (doc->published.empty()) doc->published = updated;

  if (!guid.empty()) {
    extra["guid"] = guid;
  } else if (!it.about.empty()) {
    extra["guid"] = it.about;
  }
  if (!it.categories.empty()) extra["categories"] = it.categories;
  if (!updated.empty()) extra["updated"] = updated;
  if (!feed_title.empty()) extra["feed_title"] = feed_title;
  if (const std::string_view feed_link = TrimXmlSpace(feed_.link); !feed_link.empty()) {
    extra["feed_url"] = std::string(feed_link);
  }
  if (!unparsed.empty()) extra["unparsed_date"] = unparsed.front();
  if (!extra.empty()) doc->extra_json = extra.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::unique_ptr<DocumentReader> NewFeedReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              const IngestOptions& options) {
  return std::make_unique<FeedReader>(std::move(input), std::move(stream),
                                      options.max_document_bytes);
}

}  // namespace veille::ingest
