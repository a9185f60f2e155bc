#include "veille/article.h"

namespace veille {

const char* DocFormatName(DocFormat f) {
  switch (f) {
    case DocFormat::kHtml:
      return "html";
    case DocFormat::kText:
      return "text";
    case DocFormat::kJsonl:
      return "jsonl";
    case DocFormat::kFeed:
      return "feed";
    case DocFormat::kOpml:
      return "opml";
    case DocFormat::kWarc:
      return "warc";
    case DocFormat::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace veille
