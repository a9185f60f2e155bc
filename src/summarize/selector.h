// Redundancy-aware selection of a story's summary sentences (essay in
// selector.cc). Pure functions over a StoryContext; thread-safe.
#ifndef VEILLE_SUMMARIZE_SELECTOR_H_
#define VEILLE_SUMMARIZE_SELECTOR_H_

#include <vector>

#include "summarize/story_context.h"
#include "veille/summarize.h"

namespace veille::summarize {

// Salience of each sentence of `ctx` before cross-source support: centrality,
// lead position, key-entity coverage and recency, weighted by `options`.
// 0 for a sentence that may not be chosen (ineligible, or from a copy).
std::vector<double> BaseSalience(const StoryContext& ctx, const SummarizeOptions& options);

// Picks up to options.sentences sentences by salience with cross-source
// support, dropping any that states a fact already chosen, and returns them
// in reading order (article time, then position), each with the articles
// stating its fact.
std::vector<SummarySentence> SelectSentences(const StoryContext& ctx,
                                             const SummarizeOptions& options,
                                             const std::vector<double>& base);

}  // namespace veille::summarize

#endif  // VEILLE_SUMMARIZE_SELECTOR_H_
