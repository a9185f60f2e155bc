// Standfirsts: the lead paragraph under a story's title (chapô, "intro",
// "excerpt", subheadline), which pages often set apart from the body's
// container, in the article's <header> or a box of its own. Used by the
// cleaning (dom_cleaner.cc) and the choice (html_extractor.cc). Pure
// functions; thread-safe on distinct pages.
#ifndef VEILLE_EXTRACT_STANDFIRST_H_
#define VEILLE_EXTRACT_STANDFIRST_H_

#include <cstdint>
#include <vector>

#include "extract/dom_cleaner.h"

namespace veille::extract {

// For each block of `page` that is a <header> (Block::header) about to be
// dropped (`dropped`, per block, ancestors' drops included), marks in
// `*keep` (per paragraph, sized like page.paragraphs) its first <h1>
// paragraph and the lead right after it: the first paragraph of 80+ visible
// characters, link-poor and not cut with "...", with only short lines
// (byline, date) between.
void MarkHeaderLeads(const PageBlocks& page, const std::vector<char>& dropped,
                     std::vector<char>* keep);

// Joins the standfirst to the article chosen as the subtrees marked in
// `*selected` (per block; `best` the chosen container): walking back from the
// article's first paragraph over short lines (title, date, byline), the
// first prose paragraph (80+ characters, link-poor, a leaf block) joins when
// it ends a sentence and lies under the chosen block's ancestor three
// levels up; one that ends no sentence (a subheadline, a "sommario") joins
// when the title (<h1>) comes right before it, unless it is cut with "..."
// or is a photo's caption ("... (NASA via AP)").
void JoinStandfirst(const PageBlocks& page, int32_t best, std::vector<char>* selected);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_STANDFIRST_H_
