// MarkHeaderLeads (standfirst.h) on hand-built blocks: what a dropped
// <header> keeps.
#include "extract/standfirst.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace veille::extract {
namespace {

Paragraph Para(int32_t block, const std::string& text) {
  Paragraph p;
  p.block = block;
  p.text = text;
  p.chars = static_cast<uint32_t>(text.size());
  return p;
}

// <div>[0] <header>[1] <h1>[2] <p>[3] </header> loose text of the div </div>
PageBlocks HeaderPage(const std::string& lead, const std::string& after) {
  PageBlocks page;
  page.blocks.resize(4);
  page.blocks[1].parent = 0;
  page.blocks[1].header = true;
  page.blocks[2].parent = 1;
  page.blocks[2].kind = BlockKind::kTitle;
  page.blocks[3].parent = 1;
  page.blocks[3].kind = BlockKind::kParagraph;
  page.paragraphs = {Para(2, "The title")};
  if (!lead.empty()) page.paragraphs.push_back(Para(3, lead));
  page.paragraphs.push_back(Para(0, after));
  for (Block& b : page.blocks) b.text_chars = 300;
  return page;
}

const std::string kLong =
    "A lead paragraph long enough to be a standfirst, set under the title of the story in its "
    "header.";

TEST(Standfirst, DroppedHeaderKeepsItsTitleAndLead) {
  const PageBlocks page = HeaderPage(kLong, kLong);
  std::vector<char> keep(page.paragraphs.size(), 0);
  MarkHeaderLeads(page, {0, 1, 1, 1}, &keep);
  EXPECT_EQ(keep, (std::vector<char>{1, 1, 0}));
}

// The div's loose text after the header is not the header's lead.
TEST(Standfirst, ParentTextAfterTheHeaderIsNotItsLead) {
  const PageBlocks page = HeaderPage("", kLong);
  std::vector<char> keep(page.paragraphs.size(), 0);
  MarkHeaderLeads(page, {0, 1, 1, 1}, &keep);
  EXPECT_EQ(keep, (std::vector<char>{1, 0}));
}

}  // namespace
}  // namespace veille::extract
