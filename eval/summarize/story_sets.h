// Stories to summarise for the evaluation and the benchmark, built as the
// pipeline builds them: the analyze stage's dates and entities (one
// EntityRegistry across the set), as SummaryArticles.
#ifndef VEILLE_EVAL_SUMMARIZE_STORY_SETS_H_
#define VEILLE_EVAL_SUMMARIZE_STORY_SETS_H_

#include <string>
#include <vector>

#include "veille/status.h"
#include "veille/summarize.h"

namespace veille::eval {

struct EvalStory {
  std::string name;  // gold label ("12_ecbplus") or "seeds"
  std::vector<SummaryArticle> articles;
};

// Every gold event cluster of ECB+ (ECB+_topics1-35.tar.gz + doc_clusters.tsv
// in `dir`): one article per XML file, tokens detokenised, the first
// sentence as title (after the URL line of ecbplus files, whose host is the
// site; ecb files get "ecb:<file>"), no publication times (ids follow the
// file order). Stories in label order.
Result<std::vector<EvalStory>> LoadEcbStories(const std::string& dir);

}  // namespace veille::eval

#endif  // VEILLE_EVAL_SUMMARIZE_STORY_SETS_H_
