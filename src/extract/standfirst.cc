// Standfirsts (tests: html_extractor_rules_test.cc).
//
// Idea: a story's lead is its first paragraph, but pages often set it apart
// from the body: under the title in the article's <header> (which the
// cleaning drops with the page header it resembles), in a "chapo",
// "sommario" or "excerpt" box before the body's container, or as an <h2>
// subheadline. Two kinds of evidence make a paragraph before the chosen
// article its lead: it reads like story (a full sentence) and lies near the
// article in the tree, or, when it ends no sentence (subheadlines and
// "sommario" boxes often have no full stop), it comes right after the
// story's title and is neither a cut teaser nor a photo's caption.
// Example: <header><h1>Title</h1><span>3 May</span><h2>The lead, long
// enough, without a full stop</h2></header><article><p>Body...</p>
// </article>: the header goes in cleaning but its h1 and h2 stay; the
// article is chosen, and walking back from its first paragraph the h2 is
// met with the h1 right before it: it joins. A teaser of another story
// further up the page is cut off by the gap of short lines; one in a
// far-off rail, by the tree distance.
// Measured (eval/extract/run): deks under the title are body text to the
// trafilatura corpus' labels and not to the Zyte benchmark's, which is why
// a lead that ends a sentence still needs the tree distance.
// Cost: O(paragraphs + blocks) per page.
#include "extract/standfirst.h"

#include <cctype>
#include <string>
#include <string_view>

#include "extract/text_util.h"

namespace veille::extract {
namespace {

constexpr uint32_t kMinLeadChars = 80;  // shorter lines are bylines, dates, labels
constexpr double kMaxLeadLinkDensity = 0.25;
constexpr size_t kMinLeadWords = 8;   // fewer: a URL, a label, a list of names
constexpr int kMaxGapParagraphs = 6;  // short lines between the lead and the body
constexpr uint32_t kMaxGapChars = 300;
constexpr int kMaxTitleGapParagraphs = 4;  // short lines between the title and the lead
constexpr uint32_t kMaxTitleGapChars = 200;
constexpr int kMaxLevelsUp = 3;
// A header holding more text than this is not a story's title block but a
// page nested in an unclosed <header> (the second look finds its article).
constexpr uint32_t kMaxHeaderChars = 1500;

bool LinkPoor(const Paragraph& p) {
  return p.chars > 0 && static_cast<double>(p.link_chars) / p.chars < kMaxLeadLinkDensity;
}

// True when the paragraph before `k`, over at most a few short lines, is
// the title.
bool TitleBefore(const PageBlocks& page, size_t k) {
  uint32_t gap_chars = 0;
  for (int gap = 0; k-- > 0 && gap <= kMaxTitleGapParagraphs; ++gap) {
    const Paragraph& p = page.paragraphs[k];
    if (page.blocks[p.block].kind == BlockKind::kTitle) return true;
    gap_chars += p.chars;
    if (p.chars >= kMinLeadChars || gap_chars > kMaxTitleGapChars) return false;
  }
  return false;
}

// A photo's caption set as a paragraph under the title: it ends with its
// credit in parentheses ("... (NASA via AP)", "(Foto: dpa)", "(AP
// Photo/Evan Vucci)") or says it shows an archive picture ("file photo").
bool LooksLikeCaption(std::string_view text) {
  constexpr size_t kMaxCreditBytes = 60;
  static constexpr std::string_view kArchive[] = {"file photo",      "archivfoto",
                                                  "archivbild",      "photo d'archive",
                                                  "foto de archivo", "foto d'archivio"};
  static constexpr std::string_view kCredit[] = {
      "photo",   "foto",  "bild", "image", "credit", "crédit",   "via ", "ap",   "afp",
      "reuters", "getty", "dpa",  "epa",   "imago",  "keystone", "efe",  "ansa", "picture"};
  const std::string folded = FoldForMatch(text);
  for (const std::string_view cue : kArchive) {
    if (folded.find(cue) != std::string::npos) return true;
  }
  std::string_view s = folded;
  while (s.ends_with('.') || s.ends_with(' ')) s.remove_suffix(1);
  if (!s.ends_with(')')) return false;
  const size_t open = s.rfind('(');
  if (open == std::string_view::npos || s.size() - open > kMaxCreditBytes) return false;
  const std::string_view credit = s.substr(open);
  for (const std::string_view cue : kCredit) {
    const size_t at = credit.find(cue);
    // A word start: "(ap photo", "(nasa via ap)", not "(mapped)".
    if (at != std::string_view::npos && !std::isalpha(static_cast<unsigned char>(credit[at - 1]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

void MarkHeaderLeads(const PageBlocks& page, const std::vector<char>& dropped,
                     std::vector<char>* keep) {
  const std::vector<Block>& blocks = page.blocks;
  size_t k = 0;  // paragraphs are in document order, blocks in pre-order
  for (size_t h = 0; h < blocks.size(); ++h) {
    if (!blocks[h].header || !dropped[h] || blocks[h].text_chars > kMaxHeaderChars ||
        (blocks[h].parent >= 0 && dropped[blocks[h].parent])) {
      continue;
    }
    size_t end = h + 1;  // the header's subtree is [h, end)
    while (end < blocks.size()) {
      int32_t b = blocks[end].parent;
      while (b > static_cast<int32_t>(h)) b = blocks[b].parent;
      if (b != static_cast<int32_t>(h)) break;
      ++end;
    }
    while (k < page.paragraphs.size() && page.paragraphs[k].block < static_cast<int32_t>(h)) ++k;
    bool titled = false;
    uint32_t gap_chars = 0;
    int gap = 0;
    // The header's own paragraphs: its parent's loose text after it (a
    // smaller block index) is not the header's.
    for (; k < page.paragraphs.size() && page.paragraphs[k].block >= static_cast<int32_t>(h) &&
           page.paragraphs[k].block < static_cast<int32_t>(end);
         ++k) {
      const Paragraph& p = page.paragraphs[k];
      if (!titled) {
        titled = blocks[p.block].kind == BlockKind::kTitle;
        (*keep)[k] = titled;
        continue;
      }
      if (p.chars >= kMinLeadChars) {
        (*keep)[k] = LinkPoor(p) && !EndsTruncated(p.text);
        break;
      }
      gap_chars += p.chars;
      if (++gap > kMaxTitleGapParagraphs || gap_chars > kMaxTitleGapChars) break;
    }
  }
}

void JoinStandfirst(const PageBlocks& page, int32_t best, std::vector<char>* selected) {
  const std::vector<Block>& blocks = page.blocks;
  // The first paragraph inside a selected subtree.
  std::vector<char> inside(blocks.size(), 0);
  for (size_t i = 0; i < blocks.size(); ++i) {
    inside[i] = (*selected)[i] || (blocks[i].parent >= 0 && inside[blocks[i].parent]);
  }
  size_t first = 0;
  while (first < page.paragraphs.size() && !inside[page.paragraphs[first].block]) ++first;
  if (first == page.paragraphs.size()) return;
  int32_t top = best;
  for (int up = 0; up < kMaxLevelsUp && blocks[top].parent >= 0; ++up) top = blocks[top].parent;
  uint32_t gap_chars = 0;
  for (size_t k = first, gap = 0; k-- > 0 && gap <= kMaxGapParagraphs; ++gap) {
    const Paragraph& p = page.paragraphs[k];
    if (p.chars < kMinLeadChars || blocks[p.block].kind == BlockKind::kTitle) {
      gap_chars += p.chars;
      if (gap_chars > kMaxGapChars) return;
      continue;
    }
    if (!LinkPoor(p)) return;
    if (!blocks[p.block].leaf) return;  // text loose in a container of other blocks
    if (!EndsSentence(p.text)) {
      // A lead without a full stop (a subheadline, a "sommario"), right
      // under the title; not a cut teaser, a URL or a photo's caption.
      if (TitleBefore(page, k) && ShapeOf(p.text).words >= kMinLeadWords &&
          !EndsTruncated(p.text) && !LooksLikeCaption(p.text)) {
        (*selected)[p.block] = 1;
      }
      return;
    }
    for (int32_t b = p.block; b >= 0; b = blocks[b].parent) {
      if (b == top) {
        (*selected)[p.block] = 1;
        return;
      }
    }
    return;
  }
}

}  // namespace veille::extract
