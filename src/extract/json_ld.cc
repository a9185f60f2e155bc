#include "extract/json_ld.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include <string_view>

#include "extract/charset.h"
#include "extract/text_util.h"

namespace veille::extract {
namespace {

using Json = nlohmann::json;

std::string Clean(std::string_view s) { return CollapseWhitespace(DecodeEntities(s)); }

// The string at obj[key], or "".
std::string StringAt(const Json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return "";
  return Clean(it->get_ref<const std::string&>());
}

// A schema.org Thing given as "name" string, {"name": ...} or a list of them.
std::string NameOf(const Json& value) {
  if (value.is_string()) return Clean(value.get_ref<const std::string&>());
  if (value.is_object()) return StringAt(value, "name");
  if (!value.is_array()) return "";
  std::string names;
  for (const Json& item : value) {
    std::string name = NameOf(item);
    if (name.empty() || item.is_array()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

// An ImageObject, a URL string, or a list whose first usable entry wins.
std::string ImageOf(const Json& value) {
  if (value.is_string()) return Clean(value.get_ref<const std::string&>());
  if (value.is_object()) return StringAt(value, "url");
  if (!value.is_array()) return "";
  for (const Json& item : value) {
    if (item.is_array()) continue;
    std::string url = ImageOf(item);
    if (!url.empty()) return url;
  }
  return "";
}

bool IsArticleTypeName(std::string_view type) {
  return type.find("Article") != std::string_view::npos ||
         type.find("BlogPosting") != std::string_view::npos ||
         type.find("Report") != std::string_view::npos;
}

bool IsArticleTyped(const Json& obj) {
  const auto it = obj.find("@type");
  if (it == obj.end()) return false;
  if (it->is_string()) return IsArticleTypeName(it->get_ref<const std::string&>());
  if (!it->is_array()) return false;
  for (const Json& t : *it) {
    if (t.is_string() && IsArticleTypeName(t.get_ref<const std::string&>())) return true;
  }
  return false;
}

// Appends the objects of one parsed block: itself, or its array items, and
// the members of an "@graph".
void CollectObjects(const Json& block, std::vector<const Json*>* out) {
  if (block.is_array()) {
    for (const Json& item : block) {
      if (item.is_object()) CollectObjects(item, out);
    }
    return;
  }
  if (!block.is_object()) return;
  out->push_back(&block);
  const auto graph = block.find("@graph");
  if (graph == block.end() || !graph->is_array()) return;
  for (const Json& item : *graph) {
    if (item.is_object()) out->push_back(&item);
  }
}

// The publication date of `obj`: datePublished, else uploadDate (a
// VideoObject's), else dateCreated; "" when it has none.
std::string DateOf(const Json& obj) {
  for (const char* key : {"datePublished", "uploadDate", "dateCreated"}) {
    std::string date = StringAt(obj, key);
    if (!date.empty()) return date;
  }
  return "";
}

JsonLdFacts FactsOf(const Json& obj) {
  JsonLdFacts facts;
  facts.headline = StringAt(obj, "headline");
  if (facts.headline.empty()) facts.headline = StringAt(obj, "name");
  if (const auto it = obj.find("author"); it != obj.end()) facts.author = NameOf(*it);
  facts.date_published = DateOf(obj);
  facts.date_modified = StringAt(obj, "dateModified");
  if (const auto it = obj.find("publisher"); it != obj.end()) facts.publisher = NameOf(*it);
  if (const auto it = obj.find("image"); it != obj.end()) facts.image = ImageOf(*it);
  facts.url = StringAt(obj, "url");
  return facts;
}

// The length of the tag starting at body[i] == '<' ("<p>", "</div>",
// "<!-- -->"), or 0 when that '<' is text ("inflation <3%", "x < y"): a tag
// opens with a letter, '/' or '!' and closes within kMaxTagBytes.
size_t TagLength(std::string_view body, size_t i) {
  constexpr size_t kMaxTagBytes = 256;
  if (i + 1 >= body.size()) return 0;
  const char c = body[i + 1];
  if (!std::isalpha(static_cast<unsigned char>(c)) && c != '/' && c != '!') return 0;
  const size_t end = body.substr(0, std::min(body.size(), i + kMaxTagBytes)).find('>', i);
  return end == std::string_view::npos ? 0 : end - i + 1;
}

// `body` as paragraphs: one per line, tags dropped (a CMS may put the
// body's HTML in the string: "<p>...</p>" and "<br>" end a line), entities
// decoded, white space collapsed, joined by "\n\n".
std::string BodyParagraphs(std::string_view body) {
  std::string lines;
  lines.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    const size_t length = body[i] == '<' ? TagLength(body, i) : 0;
    if (length == 0) {
      lines.push_back(body[i]);
      continue;
    }
    const size_t end = i + length - 1;
    const std::string_view tag = body.substr(i, end - i);
    if (tag.starts_with("</p") || tag.starts_with("<br") || tag.starts_with("</h") ||
        tag.starts_with("</li") || tag.starts_with("</div")) {
      lines.push_back('\n');
    }
    i = end;
  }
  std::string out;
  size_t start = 0;
  while (start <= lines.size()) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    std::string paragraph = Clean(std::string_view(lines).substr(start, end - start));
    if (!paragraph.empty()) {
      if (!out.empty()) out += "\n\n";
      out += paragraph;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string ReadJsonLdArticleBody(const std::vector<std::string>& scripts) {
  // As in ReadJsonLd: no accessor used throws after its type check; the
  // catch is the adapter's promise.
  try {
    std::string body;
    int bodies = 0;  // distinct non-empty article bodies
    for (const std::string& script : scripts) {
      if (script.find("\"articleBody\"") == std::string::npos) continue;
      const Json block = Json::parse(script, nullptr, /*allow_exceptions=*/false);
      if (block.is_discarded()) continue;
      std::vector<const Json*> objects;
      CollectObjects(block, &objects);
      for (const Json* obj : objects) {
        const auto it = obj->find("articleBody");
        if (it == obj->end() || !it->is_string() || !IsArticleTyped(*obj)) continue;
        const std::string& text = it->get_ref<const std::string&>();
        if (text.empty() || text == body) continue;
        body = text;
        ++bodies;
      }
    }
    return bodies == 1 ? BodyParagraphs(body) : std::string();
  } catch (const std::exception&) {
    return std::string();
  }
}

JsonLdFacts ReadJsonLd(const std::vector<std::string>& scripts) {
  // nlohmann's accessors used here do not throw after the type checks, and
  // parse() is called without exceptions; the catch is the adapter's promise.
  try {
    std::vector<Json> blocks;
    blocks.reserve(scripts.size());
    for (const std::string& script : scripts) {
      Json block = Json::parse(script, nullptr, /*allow_exceptions=*/false);
      if (!block.is_discarded()) blocks.push_back(std::move(block));
    }
    std::vector<const Json*> objects;
    for (const Json& block : blocks) CollectObjects(block, &objects);
    JsonLdFacts facts;
    bool found = false;
    for (const Json* obj : objects) {
      if (IsArticleTyped(*obj)) {
        facts = FactsOf(*obj);
        found = true;
        break;
      }
    }
    for (const Json* obj : objects) {
      if (found) break;
      if (obj->contains("headline")) {
        facts = FactsOf(*obj);
        found = true;
      }
    }
    // A page typed otherwise (WebPage, Recipe, VideoObject...) still dates
    // itself.
    for (const Json* obj : objects) {
      if (!facts.date_published.empty() || !facts.other_date.empty()) break;
      facts.other_date = DateOf(*obj);
    }
    for (const Json* obj : objects) {
      if (!facts.date_modified.empty()) break;
      facts.date_modified = StringAt(*obj, "dateModified");
    }
    return facts;
  } catch (...) {
    // A malformed block: the page simply has no JSON-LD facts.
  }
  return {};
}

}  // namespace veille::extract
