#include "ingest/format_detect.h"

#include <algorithm>
#include <string>

namespace veille::ingest {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

enum class Encoding { kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// The byte-order mark at the start of `s`, and its length in *bom_bytes.
Encoding DetectBom(std::string_view s, size_t* bom_bytes) {
  struct Bom {
    std::string_view bytes;
    Encoding encoding;
  };
  // UTF-32LE first: its BOM starts with the UTF-16LE one.
  static constexpr Bom kBoms[] = {
      {{"\xFF\xFE\x00\x00", 4}, Encoding::kUtf32Le}, {{"\x00\x00\xFE\xFF", 4}, Encoding::kUtf32Be},
      {{"\xFF\xFE", 2}, Encoding::kUtf16Le},         {{"\xFE\xFF", 2}, Encoding::kUtf16Be},
      {{"\xEF\xBB\xBF", 3}, Encoding::kUtf8},
  };
  for (const Bom& bom : kBoms) {
    if (StartsWith(s, bom.bytes)) {
      *bom_bytes = bom.bytes.size();
      return bom.encoding;
    }
  }
  *bom_bytes = 0;
  return Encoding::kUtf8;
}

// The first kSniffBytes of `head` as single bytes, without a BOM: UTF-16/32
// code units are narrowed (non-ASCII ones become '?'), so that markup and
// braces can be found the same way in every encoding.
std::string AsciiView(std::string_view head) {
  head = head.substr(0, kSniffBytes);
  size_t bom_bytes = 0;
  const Encoding enc = DetectBom(head, &bom_bytes);
  head.remove_prefix(bom_bytes);
  size_t unit = 1;
  if (enc == Encoding::kUtf16Le || enc == Encoding::kUtf16Be) unit = 2;
  if (enc == Encoding::kUtf32Le || enc == Encoding::kUtf32Be) unit = 4;
  if (unit == 1) return std::string(head);
  const bool little = enc == Encoding::kUtf16Le || enc == Encoding::kUtf32Le;
  std::string out;
  out.reserve(head.size() / unit);
  for (size_t i = 0; i + unit <= head.size(); i += unit) {
    uint32_t cp = 0;
    for (size_t b = 0; b < unit; ++b) {
      const size_t idx = little ? i + unit - 1 - b : i + b;
      cp = (cp << 8) | static_cast<unsigned char>(head[idx]);
    }
    out.push_back(cp < 0x80 ? static_cast<char>(cp) : '?');
  }
  return out;
}

// '{' then a key or '}' (spaces allowed), and a complete first line ending
// with '}'. `s` starts at the '{'.
bool LooksLikeJsonObjectLine(std::string_view s) {
  size_t i = 1;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i >= s.size() || (s[i] != '"' && s[i] != '}')) return false;
  const size_t nl = s.find('\n');
  if (nl == std::string_view::npos) return true;  // the line goes on past the head
  std::string_view line = s.substr(0, nl);
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  return !line.empty() && line.back() == '}';
}

// True when a known HTML tag or a doctype appears in `lower` (lowercase).
bool HasMarkup(std::string_view lower) {
  static constexpr std::string_view kTags[] = {
      "html",   "head",   "body",   "meta",       "div",  "p",    "article", "title",
      "script", "style",  "link",   "br",         "span", "h1",   "h2",      "h3",
      "h4",     "h5",     "h6",     "table",      "ul",   "ol",   "li",      "section",
      "header", "footer", "nav",    "main",       "form", "img",  "iframe",  "noscript",
      "strong", "em",     "figure", "blockquote", "pre",  "base", "aside",   "svg",
  };
  for (size_t lt = lower.find('<'); lt != std::string_view::npos; lt = lower.find('<', lt + 1)) {
    std::string_view rest = lower.substr(lt + 1);
    if (StartsWith(rest, "!doctype")) return true;
    if (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);  // a closing tag
    for (std::string_view tag : kTags) {
      if (!StartsWith(rest, tag)) continue;
      if (rest.size() == tag.size()) return true;  // cut at the end of the head
      const char next = rest[tag.size()];
      if (IsBlank(next) || next == '>' || next == '/') return true;
    }
  }
  return false;
}

// The root element of an XML document in `ascii`, lowercased with its
// attributes, e.g. "rss version=\"2.0\"", after a declaration, comments,
// processing instructions and a doctype (internal subset included); "" when
// the first markup is not an element or the head ends first.
std::string_view RootElement(std::string_view ascii) {
  size_t i = 0;
  for (;;) {
    while (i < ascii.size() && IsBlank(ascii[i])) ++i;
    if (i >= ascii.size() || ascii[i] != '<') return {};
    std::string_view rest = ascii.substr(i);
    size_t end = std::string_view::npos;
    if (StartsWith(rest, "<?")) {
      end = rest.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (StartsWith(rest, "<!--")) {
      end = rest.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (StartsWith(rest, "<!doctype") || StartsWith(rest, "<!DOCTYPE")) {
      const size_t bracket = rest.find('[');
      const size_t gt = rest.find('>');
      if (bracket != std::string_view::npos && bracket < gt) {
        end = rest.find("]", bracket);
        if (end != std::string_view::npos) end = rest.find('>', end);
      } else {
        end = gt;
      }
      if (end != std::string_view::npos) end += 1;
    } else {
      end = rest.find('>');
      return end == std::string_view::npos ? rest.substr(1) : rest.substr(1, end - 1);
    }
    if (end == std::string_view::npos) return {};
    i += end;
  }
}

// kFeed or kOpml for a feed or OPML root element (as RootElement gives it,
// lowercased), kUnknown otherwise. Namespaces are checked by URI text: the
// head is not parsed as XML here, the readers do that.
DocFormat XmlFormat(std::string_view root) {
  auto named = [&](std::string_view name) {
    return StartsWith(root, name) &&
           (root.size() == name.size() || IsBlank(root[name.size()]) || root[name.size()] == '/');
  };
  if (named("rss")) return DocFormat::kFeed;
  if (named("opml")) return DocFormat::kOpml;
  if (named("feed") && (root.find("http://www.w3.org/2005/atom") != std::string_view::npos ||
                        root.find("http://purl.org/atom/ns#") != std::string_view::npos)) {
    return DocFormat::kFeed;
  }
  const size_t colon = root.find(':');
  const size_t space = root.find_first_of(" \t\r\n");
  if (colon != std::string_view::npos && colon < space && named(root.substr(0, colon + 4)) &&
      root.substr(colon + 1, 3) == "rdf" &&
      (root.find("http://purl.org/rss/1.0/") != std::string_view::npos ||
       root.find("http://my.netscape.com/rdf/simple/0.9/") != std::string_view::npos)) {
    return DocFormat::kFeed;
  }
  return DocFormat::kUnknown;
}

// The format the name suggests, or kUnknown.
DocFormat FormatFromName(std::string_view path) {
  std::string name(path.substr(
      path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1));
  std::transform(name.begin(), name.end(), name.begin(), ToLowerAscii);
  if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return DocFormat::kUnknown;
  const std::string_view ext = std::string_view(name).substr(dot + 1);
  if (ext == "html" || ext == "htm" || ext == "xhtml") return DocFormat::kHtml;
  if (ext == "txt") return DocFormat::kText;
  if (ext == "jsonl" || ext == "ndjson") return DocFormat::kJsonl;
  if (ext == "rss" || ext == "atom" || ext == "xml" || ext == "rdf") return DocFormat::kFeed;
  if (ext == "opml") return DocFormat::kOpml;
  if (ext == "warc") return DocFormat::kWarc;
  return DocFormat::kUnknown;
}

}  // namespace

DocFormat DetectFormat(std::string_view head, std::string_view path) {
  std::string ascii = AsciiView(head);
  const size_t first = std::find_if_not(ascii.begin(), ascii.end(), IsBlank) - ascii.begin();
  bool ambiguous = first == ascii.size();
  if (!ambiguous && ascii[first] == '{') {
    if (LooksLikeJsonObjectLine(std::string_view(ascii).substr(first))) return DocFormat::kJsonl;
    ambiguous = true;
  }
  if (!ambiguous) {
    if (HasWarcMagic(std::string_view(ascii).substr(first))) return DocFormat::kWarc;
    std::transform(ascii.begin(), ascii.end(), ascii.begin(), ToLowerAscii);
    if (const DocFormat xml = XmlFormat(RootElement(std::string_view(ascii).substr(first)));
        xml != DocFormat::kUnknown) {
      return xml;
    }
    if (HasMarkup(ascii)) return DocFormat::kHtml;
    return DocFormat::kText;
  }
  const DocFormat by_name = FormatFromName(path);
  return by_name == DocFormat::kUnknown ? DocFormat::kText : by_name;
}

bool HasWarcMagic(std::string_view head) { return StartsWith(head, "WARC/1."); }

std::string_view SniffBinary(std::string_view head) {
  struct Magic {
    std::string_view bytes;
    size_t offset;
    std::string_view what;
  };
  static constexpr Magic kMagics[] = {
      {{"\x89PNG\r\n\x1a\n", 8}, 0, "PNG image"},
      {{"\xFF\xD8\xFF", 3}, 0, "JPEG image"},
      {"GIF87a", 0, "GIF image"},
      {"GIF89a", 0, "GIF image"},
      {"%PDF-", 0, "PDF document"},
      {{"PK\x03\x04", 4}, 0, "ZIP archive"},
      {{"PK\x05\x06", 4}, 0, "ZIP archive"},
      {{"\x7F"
        "ELF",
        4},
       0,
       "ELF executable"},
      {{"\x1F\x8B", 2}, 0, "gzip data (compressed twice)"},
      {"1AY&SY", 4, "bzip2 data"},
      {{"\xFD"
        "7zXZ\x00",
        6},
       0,
       "xz data"},
      {{"\x28\xB5\x2F\xFD", 4}, 0, "zstd data"},
      {{"7z\xBC\xAF\x27\x1C", 6}, 0, "7-Zip archive"},
      {{"Rar!\x1A\x07", 6}, 0, "RAR archive"},
      {{"SQLite format 3\x00", 16}, 0, "SQLite database"},
      {{"\x00"
        "asm",
        4},
       0,
       "WebAssembly module"},
      {{"OggS\x00", 5}, 0, "Ogg media"},
      {"ID3\x03", 0, "MP3 audio"},
      {"ID3\x04", 0, "MP3 audio"},
      {"ftyp", 4, "MP4/QuickTime media"},
      {"WEBPVP8", 8, "WebP image"},
      {{"II*\x00", 4}, 0, "TIFF image"},
      {{"MM\x00*", 4}, 0, "TIFF image"},
      {{"\xCA\xFE\xBA\xBE", 4}, 0, "Java class or Mach-O binary"},
      {{"\xCF\xFA\xED\xFE", 4}, 0, "Mach-O executable"},
  };
  for (const Magic& m : kMagics) {
    if (head.size() >= m.offset && StartsWith(head.substr(m.offset), m.bytes)) return m.what;
  }
  size_t bom_bytes = 0;
  if (DetectBom(head, &bom_bytes) != Encoding::kUtf8) return "";
  if (head.substr(0, kSniffBytes).find('\0') != std::string_view::npos) return "NUL bytes";
  return "";
}

}  // namespace veille::ingest
