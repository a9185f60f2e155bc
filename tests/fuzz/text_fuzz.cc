// libFuzzer target: Extract() on arbitrary bytes read as TEXT (a flattened page).
// Aborts when extraction succeeds with a field that is not valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/charset.h"
#include "veille/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  veille::RawDocument doc;
  doc.input = "fuzz";
  doc.format = veille::DocFormat::kText;
  doc.url = "https://example.org/news/2019/04/25/story";
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  const veille::Result<veille::Article> article = veille::Extract(doc, veille::ExtractOptions{});
  if (!article.ok()) return 0;
  for (const std::string* field :
       {&article->url, &article->title, &article->author, &article->published, &article->site,
        &article->lang, &article->text, &article->image_url}) {
    if (!veille::extract::IsValidUtf8(*field)) std::abort();
  }
  return 0;
}
