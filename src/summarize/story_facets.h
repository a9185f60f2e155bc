// The parts of a summary besides its sentences: key entities, the timeline
// of dated facts and the outlets. Pure functions; thread-safe.
#ifndef VEILLE_SUMMARIZE_STORY_FACETS_H_
#define VEILLE_SUMMARIZE_STORY_FACETS_H_

#include <vector>

#include "summarize/story_context.h"
#include "veille/summarize.h"

namespace veille::summarize {

// Canonical entities by number of articles naming them, then mentions, then
// name; at most options.key_entities.
std::vector<KeyEntity> KeyEntities(const StoryContext& ctx, const SummarizeOptions& options);

// Dated facts: each resolved date with the sentence stating it, mentions of
// one date stating the same fact merged (their articles listed), the most
// attested facts kept (options.timeline, options.timeline_per_date), listed
// in date order (a year before its months, a month before its days).
std::vector<TimelineEntry> Timeline(const StoryContext& ctx, const SummarizeOptions& options);

// Outlets by first publication (unknown times last), with their articles
// and whether they only reprint copies.
std::vector<SummarySource> Sources(const StoryContext& ctx);

}  // namespace veille::summarize

#endif  // VEILLE_SUMMARIZE_STORY_FACETS_H_
