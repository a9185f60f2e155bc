// Test helper: the Vladivostok 2019 story of the seed pages (000, 001, 003,
// 004) as SummaryArticles, built the way the pipeline builds them: the
// project's Extract() on the text pages, the publication dates, the
// Analyzer (dates, entities) and one EntityRegistry over the four pages.
#ifndef VEILLE_TESTS_SUMMARIZE_SEED_STORY_H_
#define VEILLE_TESTS_SUMMARIZE_SEED_STORY_H_

#include <string>
#include <vector>

#include "veille/status.h"
#include "veille/summarize.h"

namespace veille::testing {

// kNotFound when the seed folder is absent.
Result<std::vector<SummaryArticle>> LoadSeedStory(const std::string& seeds_dir);

}  // namespace veille::testing

#endif  // VEILLE_TESTS_SUMMARIZE_SEED_STORY_H_
