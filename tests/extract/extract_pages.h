// Test helpers of tests/extract: an HTML page through the whole extraction.
#ifndef VEILLE_TESTS_EXTRACT_EXTRACT_PAGES_H_
#define VEILLE_TESTS_EXTRACT_EXTRACT_PAGES_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "veille/extract.h"

namespace veille::testing_pages {

// Two paragraphs of a French article (the 2019 Vladivostok summit).
inline constexpr char kBody[] =
    "<p>Le dirigeant nord-coréen Kim Jong-un est arrivé mercredi à Vladivostok, en Russie, "
    "pour son premier sommet avec le président Vladimir Poutine.</p>"
    "<p>Les deux hommes doivent évoquer le programme nucléaire de Pyongyang, les sanctions "
    "internationales et la coopération économique entre leurs deux pays.</p>";

// `html` (served at `url`, may be empty) extracted with default options; an
// empty Article, with a test failure, when extraction fails.
inline Article MustExtract(const std::string& html, const std::string& url = "") {
  RawDocument doc;
  doc.input = "page.html";
  doc.format = DocFormat::kHtml;
  doc.bytes = html;
  doc.url = url;
  Result<Article> a = Extract(doc, ExtractOptions{});
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(a).value() : Article{};
}

}  // namespace veille::testing_pages

#endif  // VEILLE_TESTS_EXTRACT_EXTRACT_PAGES_H_
