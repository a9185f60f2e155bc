// DomCleaner: one walk over a parsed HTML document that drops non-content
// elements (scripts, navigation, footers, forms, share/comment/related rails
// named by their class or id, hidden elements) and flattens what remains into
// a tree of block elements and the text paragraphs they own, in document
// order. Metadata is collected during the same walk. One cleaner per page.
#ifndef VEILLE_EXTRACT_DOM_CLEANER_H_
#define VEILLE_EXTRACT_DOM_CLEANER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/html_dom.h"
#include "extract/metadata.h"

namespace veille::extract {

enum class BlockKind : uint8_t {
  kContainer,  // div, section, article, main, body, td, table...
  kParagraph,  // p
  kTitle,      // h1
  kHeading,    // h2-h6
  kListItem,   // li, dd, dt
  kQuote,      // blockquote
  kPre,        // pre
};

// A block element that survived cleaning. Blocks are stored in document
// (pre-)order, so a parent's index is always smaller than its children's.
struct Block {
  int32_t parent = -1;  // index in PageBlocks::blocks; -1 for the root
  BlockKind kind = BlockKind::kContainer;
  float tag_weight = 0;     // prior for being the article's container (tag, class cues)
  bool cued = false;        // named like boilerplate; kept only as a page-wide wrapper
  bool prose_only = false;  // cued nav/aside/footer/head...: kept only when it holds most prose
  bool cell = false;        // a table cell (td, th)
  bool header = false;      // a <header> outside <article> (cued; see CleanDom)
  bool leaf = true;         // no block below it (set by CleanDom)
  uint32_t text_chars = 0;  // visible characters in the subtree (set by CleanDom)
  uint32_t link_chars = 0;  // of which inside links
};

// A run of text owned by one block: the block's direct text between two of
// its child blocks. `text` is white-space collapsed; '\n' marks a <br>.
struct Paragraph {
  int32_t block = -1;
  std::string text;
  uint32_t chars = 0;       // visible characters
  uint32_t link_chars = 0;  // visible characters inside <a>
};

struct PageBlocks {
  std::vector<Block> blocks;
  std::vector<Paragraph> paragraphs;
};

// What becomes of elements only named like boilerplate (class/id cues, nav,
// aside, footer, header, form): dropped as usual (kDrop), or kept for a
// second look at a page whose first cleaning left next to nothing (kKeep).
// Hidden elements and non-content tags (script, figcaption...) go either way.
enum class CuedElements : uint8_t { kDrop, kKeep };

// Walks the document rooted at `root` (the <html> element or any element).
// Fills `*out` with the body's cleaned blocks and paragraphs and feeds every
// element to `*metadata`. A <header> outside <article> dropped as furniture
// keeps its first <h1> and the lead paragraph right after it (the story's
// title and standfirst, for the extractor to join to the article). Linear in the number of nodes;
// subtrees deeper than an internal bound (a few hundred levels) are ignored.
void CleanDom(const DomNode& root, PageBlocks* out, MetadataCollector* metadata,
              CuedElements cued = CuedElements::kDrop);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_DOM_CLEANER_H_
