// JSON-LD (schema.org) facts of a page: the <script type="application/ld+json">
// blocks news sites embed for search engines. Handles a single object, a
// top-level array and an "@graph" list. Pure; thread-safe; never throws.
#ifndef VEILLE_EXTRACT_JSON_LD_H_
#define VEILLE_EXTRACT_JSON_LD_H_

#include <string>
#include <vector>

namespace veille::extract {

struct JsonLdFacts {
  std::string headline;
  std::string author;          // names joined by ", " when several
  std::string date_published;  // the article's own date, as written; normalised by the caller
  std::string date_modified;   // the article's dateModified, as written
  std::string other_date;      // else the first date of an object of another type (a WebPage, an
                               // embedded VideoObject): weaker evidence, as written
  std::string publisher;       // the publisher's name
  std::string image;           // an image URL
  std::string url;
};

// Reads `scripts` (the text of each JSON-LD block, in page order). The first
// object typed as an article (NewsArticle, Article, BlogPosting, Report...)
// gives the facts; without one, the first object with a headline does. The
// date is datePublished, else uploadDate, else dateCreated, of that object;
// without one, other_date is that of the first object of any type that has
// one (a WebPage, a Recipe, a video embedded in the article). date_modified
// is the dateModified of the article object, else of the first object with one.
// Malformed blocks are skipped. Strings come back with entities decoded and
// white space collapsed; absent facts are empty.
JsonLdFacts ReadJsonLd(const std::vector<std::string>& scripts);

// The article's text as the page declares it for search engines: the
// "articleBody" string of the article-typed JSON-LD object of `scripts`
// (Article, NewsArticle, BlogPosting...), one paragraph per line, joined by
// "\n\n" (markup inside it removed, a '<' that opens no tag kept, entities
// decoded, white space collapsed); "" when no article object has one, or
// when several distinct ones do (a hub page listing articles, a live blog's
// updates: none of them is the page's article). Only blocks that mention
// "articleBody" are parsed.
std::string ReadJsonLdArticleBody(const std::vector<std::string>& scripts);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_JSON_LD_H_
