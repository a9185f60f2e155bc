// Loaders for the clustering evaluation sets in ../shared/data (formats in
// each dataset's README.md) and the seed pages. Errors as Status.
#ifndef VEILLE_EVAL_CLUSTER_DATASETS_H_
#define VEILLE_EVAL_CLUSTER_DATASETS_H_

#include <string>
#include <vector>

#include "text_features.h"
#include "veille/status.h"

namespace veille::eval {

// UCI News Aggregator slice: headlines with TIMESTAMP (ms -> s) and STORY.
Result<std::vector<EvalText>> LoadUci(const std::string& csv_gz);
// ECB+: one text per XML file of the tar.gz (tokens joined; the first
// sentence, after the URL line of ecbplus files, is the title); gold from
// doc_clusters.tsv. No times.
Result<std::vector<EvalText>> LoadEcb(const std::string& tar_gz, const std::string& clusters_tsv);

struct TextPair {
  EvalText a, b;
  bool same = false;  // GOLDEN:quality == OK
};
// tgcontest pools: every *.tsv of `dir` (ru_* in Russian, en_* in English).
Result<std::vector<TextPair>> LoadTgPairs(const std::string& dir);
// The seed pages through the project's Extract(); gold: the expected story
// per seed (000, 001, 003, 004 one story; 002 another). With `with_dates`,
// each page's time is the publication date it came with (000 2019-04-25,
// 001 2019-04-23, 002 2024-06-19, 003 2019-04-24, 004 2019-04-25, noon UTC),
// as the pipeline feeds it; else kUnknownTime.
Result<std::vector<EvalText>> LoadSeeds(const std::string& dir, bool with_dates);
// Background French text for document frequencies (Europeana newspapers,
// tokens grouped into pseudo-documents of about 300 words).
Result<std::vector<EvalText>> LoadFrenchBackground(const std::string& bio_gz, size_t max_docs);

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_DATASETS_H_
