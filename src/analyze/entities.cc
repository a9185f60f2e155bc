// The public entry points of include/veille/entities.h: names of the enums
// and RecognizeEntities (recognizer, then in-article variant resolution).
#include "veille/entities.h"

#include <array>

#include "analyze/entity_gazetteer.h"
#include "analyze/entity_recognizer.h"
#include "analyze/entity_variants.h"

namespace veille {
namespace {

constexpr std::array<const char*, 4> kKindNames = {"person", "organization", "place", "other"};
constexpr std::array<const char*, 9> kRuleNames = {"first",     "same",     "normalized",
                                                   "alias",     "place-id", "short-form",
                                                   "truncated", "typo",     "registry-prior"};

}  // namespace

const char* EntityKindName(EntityKind kind) {
  return kKindNames[static_cast<size_t>(kind) % kKindNames.size()];
}

bool ParseEntityKind(std::string_view name, EntityKind* kind) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (name == kKindNames[i]) return *kind = static_cast<EntityKind>(i), true;
  }
  if (name == "per") return *kind = EntityKind::kPerson, true;
  if (name == "org") return *kind = EntityKind::kOrganization, true;
  if (name == "loc") return *kind = EntityKind::kPlace, true;
  return false;
}

const char* MergeRuleName(MergeRule rule) {
  return kRuleNames[static_cast<size_t>(rule) % kRuleNames.size()];
}

bool ParseMergeRule(std::string_view name, MergeRule* rule) {
  for (size_t i = 0; i < kRuleNames.size(); ++i) {
    if (name == kRuleNames[i]) return *rule = static_cast<MergeRule>(i), true;
  }
  return false;
}

ArticleEntities RecognizeEntities(const EntityResources& resources, std::string_view title,
                                  std::string_view text, std::string_view lang) {
  const std::vector<analyze::Token> title_tokens = analyze::Tokenize(title, lang);
  const std::vector<analyze::Token> text_tokens = analyze::Tokenize(text, lang);
  const std::vector<analyze::SentenceSpan> title_sentences = analyze::SplitSentences(title, lang);
  const std::vector<analyze::SentenceSpan> text_sentences = analyze::SplitSentences(text, lang);
  return analyze::RecognizeFieldEntities(analyze::AsGazetteer(resources),
                                         {title, &title_tokens, &title_sentences},
                                         {text, &text_tokens, &text_sentences}, lang);
}

}  // namespace veille
