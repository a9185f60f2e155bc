// Similarity of a doc with a story (or with another doc): the combination of
// title and body TF-IDF cosines, entity cosine, a length factor and a time
// factor that online_clusterer.cc compares with its thresholds. Stateless.
#ifndef VEILLE_CLUSTER_SIMILARITY_H_
#define VEILLE_CLUSTER_SIMILARITY_H_

#include <cstdint>

#include "veille/cluster.h"

namespace veille::cluster {

// The raw parts of a comparison; a part is absent when either side lacks it.
struct SimilarityParts {
  bool has_title = false, has_body = false, has_entities = false;
  double title = 0, body = 0, entities = 0;
  // Terms on the shorter side of the text parts used (headline: ~6, article: hundreds).
  size_t terms = 0;
  // Title and body terms on the doc's side (the shorter side for two docs).
  size_t title_terms = 0, body_terms = 0;
  // Place cosine (ClusterDoc::places, for explanations); absent when either
  // side names no place.
  bool has_places = false;
  double places = 0;
  // Each side's heaviest place is absent from the other's places (Vladivostok
  // vs Pyongyang, both also naming Russia): evidence of two events.
  bool place_conflict = false;
  // Person cosine (ClusterDoc::persons); absent when either side names no
  // person, or person_penalty is 0 (then not computed).
  bool has_persons = false;
  double persons = 0;
  // Entities on the doc's side (the smaller side for two docs).
  size_t entity_count = 0;
  // Days between the two event-date spans (0 when they overlap); absent
  // when either side has no event date.
  bool has_dates = false;
  int32_t date_gap_days = 0;
};

// A doc's event-date span (see ClusterOptions::date_lead_sentences): the
// most precise date mentioned in its first `lead_sentences` sentences, the
// earliest in the text on ties. False when there is none.
bool EventSpan(const ClusterDoc& doc, int lead_sentences, int32_t* first_day, int32_t* last_day);

// The id of the heaviest entry of `v` (the smallest id on ties); false if empty.
bool Heaviest(const IdVector& v, uint32_t* id);
// Whether `v` carries `id`.
bool Carries(const IdVector& v, uint32_t id);

// Days between spans [a1, a2] and [b1, b2]; 0 when they overlap.
int32_t SpanGap(int32_t a1, int32_t a2, int32_t b1, int32_t b2);

// Fills the score fields of `why` (score, cosines, length and time factors)
// from `parts` and the time gap. Returns the score.
double CombineParts(const SimilarityParts& parts, int64_t time_gap_s, const ClusterOptions& options,
                    Explanation* why);

// Distance in seconds from `time` to the span [first, last]; 0 inside it or
// when any of them is unknown.
int64_t TimeGap(int64_t time, int64_t first, int64_t last);

// The doc's whole text as one vector: its title scaled by
// title_weight / body_weight plus its body, L2-normalised (the title alone
// for a headline). Comparing whole texts lets a headline meet an article's
// body, and an article's lead its neighbour's body (cross similarity).
IdVector WholeText(const ClusterDoc& doc, const ClusterOptions& options);

// `doc` with its title folded into its body (WholeText) and no title: what
// the clusterer scores when ClusterOptions::whole_text is set.
ClusterDoc AsWholeText(const ClusterDoc& doc, const ClusterOptions& options);

// Parts of doc `a` against doc `b`.
SimilarityParts DocParts(const ClusterDoc& a, const ClusterDoc& b,
                         const ClusterOptions& options = ClusterOptions());

}  // namespace veille::cluster

#endif  // VEILLE_CLUSTER_SIMILARITY_H_
