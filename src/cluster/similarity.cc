// Scoring a doc against a story.
//
// The score is a weighted mean of the parts both sides have:
//   text   = (title_weight * cos_title + body_weight * cos_body) / (weights present)
// where, with text_weight_exponent e > 0 and both parts present, title_weight
// = (title terms)^e and body_weight = (body terms)^e: each part counts by
// the evidence it holds (8 title terms against 200 body terms: 1 to 5 at
// e = 0.5), so the title does not outvote a full article's body.
//   score  = (text * L + entity_weight * cos_entities) / (1 + entity_weight)   [entities on both]
//          =  text * L                                                        [otherwise]
//   score *= T * D
// L = 1 + short_text_boost * length_prior / (n + length_prior), with n terms
// on the doc's side (the shorter side for two docs), adapts the score to text
// length by itself: two headlines of one story share one or two of their ~6
// terms (cosine ~0.3), while two long articles on the same kind of event
// share a topic vocabulary that gives them as much. L is 2.14 for a 6-term
// headline, 1.10 for a 150-term article, so one threshold serves both.
// T = 0.5^(excess / half_life), where excess is the time distance beyond the
// grace span around the story's [first, last] (stories are bursts).
// With entities_only_raise the entity mix only lifts the text score (entity
// recognition is partial, so an absent overlap is weak evidence), and the
// entity weight grows with the number of entities compared (m / (m + prior)).
// With place_penalty, the score is multiplied by 1 - place_penalty when each
// side's heaviest place is absent from the other's places (place_conflict).
// D = 0.5^(excess / date_half_life) does for event dates what T does for
// publication times: it needs no publication time (undated pages, ECB+), and
// keeps apart two events of one kind with the same actors dated years apart.
// Covered by tests/cluster/similarity_test.cc.
#include "cluster/similarity.h"

#include <algorithm>
#include <cmath>

#include "cluster/centroid.h"

namespace veille::cluster {

int64_t TimeGap(int64_t time, int64_t first, int64_t last) {
  if (time == kUnknownTime || first == kUnknownTime || last == kUnknownTime) return 0;
  if (time < first) return first - time;
  if (time > last) return time - last;
  return 0;
}

double CombineParts(const SimilarityParts& parts, int64_t time_gap_s, const ClusterOptions& options,
                    Explanation* why) {
  double text = 0, text_weight = 0;
  double tw = options.title_weight, bw = options.body_weight;
  if (options.text_weight_exponent > 0 && parts.has_title && parts.has_body &&
      parts.title_terms > 0 && parts.body_terms > 0) {
    tw = std::pow(static_cast<double>(parts.title_terms), options.text_weight_exponent);
    bw = std::pow(static_cast<double>(parts.body_terms), options.text_weight_exponent);
  }
  if (parts.has_title) {
    text += tw * parts.title;
    text_weight += tw;
  }
  if (parts.has_body) {
    text += bw * parts.body;
    text_weight += bw;
  }
  text = text_weight > 0 ? text / text_weight : 0;
  const double n = static_cast<double>(parts.terms);
  const double length =
      n > 0 ? 1 + options.short_text_boost * options.length_prior / (n + options.length_prior) : 0;
  double score = text * length;
  if (parts.has_entities) {
    const double m = static_cast<double>(parts.entity_count);
    const double w = options.entity_weight *
                     (options.entity_prior > 0 && m > 0 ? m / (m + options.entity_prior) : 1.0);
    const double mixed = (score + w * parts.entities) / (1 + w);
    score = options.entities_only_raise ? std::max(score, mixed) : mixed;
  }
  double place_factor = 1;
  if (parts.has_places && parts.place_conflict) place_factor = 1 - options.place_penalty;
  score *= place_factor;
  if (parts.has_persons && options.person_penalty > 0 && options.person_cosine > 0 &&
      parts.persons < options.person_cosine) {
    score *= 1 - options.person_penalty * (1 - parts.persons / options.person_cosine);
  }
  double time_factor = 1;
  double evidence = 1;
  if (options.time_grace_prior > 0 && n > 0) evidence = std::min(1.0, n / options.time_grace_prior);
  const double excess = static_cast<double>(time_gap_s) - evidence * options.time_grace_s;
  if (excess > 0) {
    time_factor = std::exp2(
        -excess / std::max(1.0, evidence * static_cast<double>(options.time_half_life_s)));
  }
  double date_factor = 1;
  const int64_t date_excess = static_cast<int64_t>(parts.date_gap_days) - options.date_grace_days;
  if (parts.has_dates && date_excess > 0) {
    date_factor = std::exp2(-static_cast<double>(date_excess) /
                            static_cast<double>(std::max(1, options.date_half_life_days)));
  }
  score *= time_factor * date_factor;
  if (why != nullptr) {
    why->date_factor = date_factor;
    why->date_gap_days = parts.has_dates ? parts.date_gap_days : 0;
    why->score = score;
    why->title_cosine = parts.title;
    why->body_cosine = parts.body;
    why->entity_cosine = parts.entities;
    why->length_factor = length;
    why->time_factor = time_factor;
    why->time_gap_s = time_gap_s;
  }
  return score;
}

constexpr int32_t kMaxEventSpanDays = 31;  // a month; a bare year is too vague

bool EventSpan(const ClusterDoc& doc, int lead_sentences, int32_t* first_day, int32_t* last_day) {
  bool found = false;
  for (const DateSpan& d : doc.dates) {
    if (d.sentence >= static_cast<uint32_t>(std::max(0, lead_sentences))) continue;
    if (d.last_day < d.first_day || d.last_day - d.first_day > kMaxEventSpanDays) continue;
    if (!found || d.last_day - d.first_day < *last_day - *first_day) {
      *first_day = d.first_day;
      *last_day = d.last_day;
      found = true;
    }
  }
  return found;
}

bool Heaviest(const IdVector& v, uint32_t* id) {
  float best = -1;
  for (const auto& [i, w] : v.terms) {
    if (w > best) best = w, *id = i;
  }
  return best >= 0;
}

bool Carries(const IdVector& v, uint32_t id) {
  return std::binary_search(v.terms.begin(), v.terms.end(), std::make_pair(id, 0.0f),
                            [](const auto& x, const auto& y) { return x.first < y.first; });
}

int32_t SpanGap(int32_t a1, int32_t a2, int32_t b1, int32_t b2) {
  if (a2 < b1) return b1 - a2;
  if (b2 < a1) return a1 - b2;
  return 0;
}

IdVector WholeText(const ClusterDoc& doc, const ClusterOptions& options) {
  if (doc.body.terms.empty()) return doc.title;
  if (doc.title.terms.empty()) return doc.body;
  const double nt = Norm(doc.title), nb = Norm(doc.body);
  const double scale = options.body_weight > 0 ? options.title_weight / options.body_weight : 1;
  IdVector out;
  out.terms.reserve(doc.title.terms.size() + doc.body.terms.size());
  auto t = doc.title.terms.begin(), b = doc.body.terms.begin();
  while (t != doc.title.terms.end() || b != doc.body.terms.end()) {
    if (b == doc.body.terms.end() || (t != doc.title.terms.end() && t->first < b->first)) {
      out.terms.emplace_back(t->first, static_cast<float>(scale * t->second / nt));
      ++t;
    } else if (t == doc.title.terms.end() || b->first < t->first) {
      out.terms.emplace_back(b->first, static_cast<float>(b->second / nb));
      ++b;
    } else {
      out.terms.emplace_back(t->first, static_cast<float>(scale * t->second / nt + b->second / nb));
      ++t, ++b;
    }
  }
  return out;  // Cosine and Centroid::Add normalise
}

ClusterDoc AsWholeText(const ClusterDoc& doc, const ClusterOptions& options) {
  ClusterDoc out;
  out.id = doc.id;
  out.time = doc.time;
  out.body = WholeText(doc, options);
  out.entities = doc.entities;
  out.places = doc.places;
  out.persons = doc.persons;
  out.dates = doc.dates;
  return out;
}

SimilarityParts DocParts(const ClusterDoc& a, const ClusterDoc& b, const ClusterOptions& options) {
  const int date_lead_sentences = options.date_lead_sentences;
  SimilarityParts p;
  int32_t a1 = 0, a2 = 0, b1 = 0, b2 = 0;
  if (EventSpan(a, date_lead_sentences, &a1, &a2) && EventSpan(b, date_lead_sentences, &b1, &b2)) {
    p.has_dates = true;
    p.date_gap_days = SpanGap(a1, a2, b1, b2);
  }
  size_t terms_a = 0, terms_b = 0;
  if (!a.title.terms.empty() && !b.title.terms.empty()) {
    p.has_title = true;
    p.title = Cosine(a.title, b.title);
    p.title_terms = std::min(a.title.terms.size(), b.title.terms.size());
    terms_a += a.title.terms.size();
    terms_b += b.title.terms.size();
  }
  if (options.cross_text ? !a.body.terms.empty() || !b.body.terms.empty()
                         : !a.body.terms.empty() && !b.body.terms.empty()) {
    p.has_body = true;
    p.body = options.cross_text ? Cosine(WholeText(a, options), WholeText(b, options))
                                : Cosine(a.body, b.body);
    p.body_terms = std::min(a.body.terms.size(), b.body.terms.size());
    terms_a += a.body.terms.size();
    terms_b += b.body.terms.size();
  }
  if (!a.places.terms.empty() && !b.places.terms.empty()) {
    p.has_places = true;
    p.places = Cosine(a.places, b.places);
    uint32_t top_a = 0, top_b = 0;
    p.place_conflict = options.place_penalty > 0 && Heaviest(a.places, &top_a) &&
                       Heaviest(b.places, &top_b) && !Carries(b.places, top_a) &&
                       !Carries(a.places, top_b);
  }
  if (options.person_penalty > 0 && !a.persons.terms.empty() && !b.persons.terms.empty()) {
    p.has_persons = true;
    p.persons = Cosine(a.persons, b.persons);
  }
  if (!a.entities.terms.empty() && !b.entities.terms.empty()) {
    p.has_entities = true;
    p.entities = Cosine(a.entities, b.entities);
    p.entity_count = std::min(a.entities.terms.size(), b.entities.terms.size());
  }
  p.terms = std::min(terms_a, terms_b);
  return p;
}

}  // namespace veille::cluster
