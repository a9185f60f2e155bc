// Named entities: persons, organisations and places recognised in an
// article's title and text (French and English first), their variants merged
// within the article, then across articles by an EntityRegistry.
// EntityResources is immutable once loaded: share it across threads.
// RecognizeEntities is thread-safe. An EntityRegistry is used from one thread.
#ifndef VEILLE_ENTITIES_H_
#define VEILLE_ENTITIES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

enum class EntityKind : uint8_t { kPerson = 0, kOrganization = 1, kPlace = 2, kOther = 3 };
// "person", "organization", "place", "other".
const char* EntityKindName(EntityKind kind);
// Parses a name of EntityKindName (also "org", "loc", "per"); false if unknown.
bool ParseEntityKind(std::string_view name, EntityKind* kind);

// Why a mention (or a registry variant) belongs to its entity. Every merge
// records one; `veille entities` shows them.
enum class MergeRule : uint8_t {
  kFirst = 0,      // the surface that created the entity
  kSame,           // the same surface again
  kNormalized,     // a hyphen, case or accent variant ("Kim-Jong-un" ~ "Kim Jong Un")
  kAlias,          // the alias table lists both ("Poutine" ~ "Putin")
  kPlaceId,        // the gazetteer gives both one id ("Moscou" ~ "Moscow")
  kShortForm,      // a part of a full name met in the same article ("M. Kim", "Poutine")
  kTruncated,      // a leading part of a longer name of the article ("Kim Jong")
  kTypo,           // one name part within a small edit distance, the rest identical
  kRegistryPrior,  // a short form with no antecedent in its article, resolved to
                   // the entity it named most often in earlier articles
};
const char* MergeRuleName(MergeRule rule);  // "first", "same", "normalized", ...
bool ParseMergeRule(std::string_view name, MergeRule* rule);

// Where a mention lies.
enum class EntityField : uint8_t { kTitle = 0, kText = 1 };

struct EntityMention {
  std::string surface;  // as written, honorific excluded ("Kim" for "M. Kim")
  EntityField field = EntityField::kText;
  uint32_t begin = 0;  // byte offsets of `surface` in the field's string
  uint32_t end = 0;
  uint32_t sentence = 0;  // 0-based sentence index within the field
  EntityKind kind = EntityKind::kOther;
  std::string cue;  // what typed it: "alias", "honorific", "role", "gazetteer", "first-name", ...
  // In-article resolution: index into ArticleEntities::entities, or -1 when
  // the mention is unresolved (an ambiguous or antecedent-less short form).
  int32_t local_entity = -1;
  MergeRule rule = MergeRule::kFirst;  // how it joined its local entity
  // Set by EntityRegistry::Add: the canonical entity (0 = unresolved).
  int64_t entity_id = 0;
  std::string canonical;
};

// One referent within one article: its full forms and short mentions.
struct LocalEntity {
  EntityKind kind = EntityKind::kOther;
  std::string name;      // the most frequent full form in the article
  std::string alias_of;  // the alias table's canonical name, "" if none
  std::string place_id;  // gazetteer id ("country:RU"), "" if none
  // True when the article names it only by a short form ("Kim") that no
  // full form before it (or just after it) explains. The registry then
  // resolves it from earlier articles (MergeRule::kRegistryPrior), else to
  // the one entity of `candidates` (full forms met later in the article),
  // else keeps it on its own when there are no candidates, else leaves its
  // mentions unresolved.
  bool short_only = false;
  std::vector<int32_t> candidates;
};

struct ArticleEntities {
  std::vector<EntityMention> mentions;  // in order: title first, then text
  std::vector<LocalEntity> entities;
};

struct EntityOptions {
  // Folder of places.tsv, first_names.txt, surnames.txt, proper_nouns.txt,
  // common_words.txt (data/gazetteers, built by tools/make_gazetteers.py).
  std::string gazetteer_dir;
  // The project's alias table (data/aliases/aliases.tsv) and an optional
  // user table of the same format ("" for none) whose rows are added to it.
  std::string alias_path;
  std::string user_alias_path;
  // Typo merge: a name part other than the last (the surname) may differ by
  // at most this many edits (Damerau: a transposition is one), the other
  // parts being identical, and
  // only parts of at least `min_typo_part_chars` letters. Larger merges more
  // misspellings and risks merging relatives ("Un" vs "Il" are never merged).
  int max_typo_edits = 1;
  int min_typo_part_chars = 5;
  // A short form with no earlier full form binds to a full form at most this
  // many sentences later (cataphora); a title, to a full form among the
  // text's first cataphora_sentences + 1 sentences.
  int cataphora_sentences = 1;
  // A short form that several full forms of the article could name goes to
  // the most recent one only if that was met within this many sentences.
  int recency_sentences = 3;
  // An antecedent-less short form takes the entity it named in earlier
  // articles when it did so at least this often and twice as often as any other.
  int registry_prior_min_count = 2;
};

// The gazetteers and the alias table, loaded once. Immutable.
class EntityResources {
 public:
  // Loads the files named in `options`. kIoError names a file that cannot
  // be read, kInvalidInput a malformed alias line (with its line number).
  static Result<std::unique_ptr<const EntityResources>> Load(const EntityOptions& options);
  virtual ~EntityResources() = default;
  virtual const EntityOptions& options() const = 0;
};

// The default EntityOptions with the data files of this source tree (the
// build's data folder).
EntityOptions DefaultEntityOptions();

// Recognises the named entities of one article and resolves its short forms
// within it. `lang` is the article's ISO 639-1 code (may be empty). Never fails;
// returns no mentions for empty input.
ArticleEntities RecognizeEntities(const EntityResources& resources, std::string_view title,
                                  std::string_view text, std::string_view lang);

// Plain rows for persistence: an entity, and one row per (entity, surface).
struct EntityRow {
  int64_t id = 0;
  EntityKind kind = EntityKind::kOther;
  std::string canonical;
  std::string alias_of;  // alias-table canonical name, "" if none
  std::string place_id;
};
struct EntityVariantRow {
  int64_t entity_id = 0;
  std::string surface;
  MergeRule rule = MergeRule::kFirst;  // the rule that first tied it to the entity
  bool full_form = true;               // false for a short form ("Kim", "Poutine")
  int64_t count = 0;                   // mentions seen
  int64_t articles = 0;                // articles it was seen in
};

// Canonical entities across articles. Feed each article's ArticleEntities in
// ingest order; the registry assigns EntityMention::entity_id and canonical.
// Not thread-safe: one owner (the pipeline) feeds it.
class EntityRegistry {
 public:
  explicit EntityRegistry(const EntityResources& resources);  // borrowed; must outlive
  ~EntityRegistry();
  EntityRegistry(const EntityRegistry&) = delete;
  EntityRegistry& operator=(const EntityRegistry&) = delete;

  // Merges the article's entities into the registry and fills in each
  // mention's entity_id and canonical (0 and "" for unresolved mentions).
  void Add(ArticleEntities* article);

  std::vector<EntityRow> Entities() const;         // by id
  std::vector<EntityVariantRow> Variants() const;  // by entity id, then count descending
  // Appends the rows of the entities `ids` (unknown ids skipped), as Entities()
  // and Variants() would list them; costs O(|ids| log) rather than the whole
  // registry, for saving what one batch touched.
  void RowsFor(const std::vector<int64_t>& ids, std::vector<EntityRow>* entities,
               std::vector<EntityVariantRow>* variants) const;
  // Replaces the registry's content with stored rows. kInvalidInput when a
  // variant names an unknown entity or an id repeats.
  Status Load(const std::vector<EntityRow>& entities,
              const std::vector<EntityVariantRow>& variants);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace veille

#endif  // VEILLE_ENTITIES_H_
