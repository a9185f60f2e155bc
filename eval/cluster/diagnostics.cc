#include "diagnostics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>

#include "cluster/centroid.h"
#include "cluster/similarity.h"

namespace veille::eval {
namespace {

// `v` with every weight raised to `p` (p < 1 flattens the IDF contrast).
IdVector Pow(const IdVector& v, double p) {
  IdVector out = v;
  for (auto& [id, w] : out.terms) w = static_cast<float>(std::pow(w, p));
  return out;
}

// Fraction of the k heaviest terms of `a` that `b` carries.
double TopShare(const IdVector& a, const IdVector& b, size_t k) {
  std::vector<std::pair<float, uint32_t>> heavy;
  for (const auto& [id, w] : a.terms) heavy.emplace_back(w, id);
  std::sort(heavy.begin(), heavy.end(), std::greater<>());
  k = std::min(k, heavy.size());
  if (k == 0) return 0;
  size_t hit = 0;
  for (size_t i = 0; i < k; ++i) {
    hit += std::binary_search(b.terms.begin(), b.terms.end(), std::make_pair(heavy[i].second, 0.0f),
                              [](const auto& x, const auto& y) { return x.first < y.first; });
  }
  return static_cast<double>(hit) / static_cast<double>(k);
}

}  // namespace

double Auc(const std::vector<double>& positive, const std::vector<double>& negative) {
  if (positive.empty() || negative.empty()) return 0;
  std::vector<std::pair<double, int>> all;
  for (double x : positive) all.emplace_back(x, 1);
  for (double x : negative) all.emplace_back(x, 0);
  std::sort(all.begin(), all.end());
  double rank_sum = 0;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const double rank = static_cast<double>(i + j + 1) / 2;
    for (size_t k = i; k < j; ++k) rank_sum += all[k].second ? rank : 0;
    i = j;
  }
  const double np = static_cast<double>(positive.size());
  const double nn = static_cast<double>(negative.size());
  return (rank_sum - np * (np + 1) / 2) / (np * nn);
}

void PairAuc(const char* name, const std::vector<ClusterDoc>& docs,
             const std::vector<LabelledPair>& pairs, const ClusterOptions& options) {
  using Sim = std::function<double(const ClusterDoc&, const ClusterDoc&)>;
  auto whole = [&](const ClusterDoc& d) { return cluster::WholeText(d, options); };
  auto whole_pow = [&](double p) {
    return [&, p](const ClusterDoc& a, const ClusterDoc& b) {
      return cluster::Cosine(Pow(whole(a), p), Pow(whole(b), p));
    };
  };
  auto score = [&](const ClusterDoc& a, const ClusterDoc& b) {
    return cluster::CombineParts(cluster::DocParts(a, b, options), 0, options, nullptr);
  };
  // The score times a gate: the share of each side's k heaviest terms (the
  // protagonist's name, the place) that the other carries.
  auto gated = [&](size_t k) {
    return [&, k](const ClusterDoc& a, const ClusterDoc& b) {
      const IdVector wa = whole(a), wb = whole(b);
      return score(a, b) * (0.5 + 0.5 * std::min(TopShare(wa, wb, k), TopShare(wb, wa, k)));
    };
  };
  const std::vector<std::pair<const char*, Sim>> sims = {
      {"score", score},
      {"title",
       [](const ClusterDoc& a, const ClusterDoc& b) { return cluster::Cosine(a.title, b.title); }},
      {"body",
       [](const ClusterDoc& a, const ClusterDoc& b) { return cluster::Cosine(a.body, b.body); }},
      {"entities", [](const ClusterDoc& a,
                      const ClusterDoc& b) { return cluster::Cosine(a.entities, b.entities); }},
      {"whole", whole_pow(1)},
      {"whole^0.5", whole_pow(0.5)},
      {"whole^0.3", whole_pow(0.3)},
      {"whole^2", whole_pow(2)},
      {"whole+entities/2",
       [&](const ClusterDoc& a, const ClusterDoc& b) {
         return cluster::Cosine(whole(a), whole(b)) + 0.5 * cluster::Cosine(a.entities, b.entities);
       }},
      {"places", [](const ClusterDoc& a,
                    const ClusterDoc& b) { return cluster::Cosine(a.places, b.places); }},
      {"score*places",
       [&](const ClusterDoc& a, const ClusterDoc& b) {
         if (a.places.terms.empty() || b.places.terms.empty()) return score(a, b);
         return score(a, b) * (0.6 + 0.4 * cluster::Cosine(a.places, b.places));
       }},
      {"persons", [](const ClusterDoc& a,
                     const ClusterDoc& b) { return cluster::Cosine(a.persons, b.persons); }},
      {"score*persons",
       [&](const ClusterDoc& a, const ClusterDoc& b) {
         if (a.persons.terms.empty() || b.persons.terms.empty()) return score(a, b);
         return score(a, b) * (0.6 + 0.4 * cluster::Cosine(a.persons, b.persons));
       }},
      {"score*pconflict",
       [&](const ClusterDoc& a, const ClusterDoc& b) {
         uint32_t ta = 0, tb = 0;
         const bool conflict = cluster::Heaviest(a.persons, &ta) &&
                               cluster::Heaviest(b.persons, &tb) &&
                               !cluster::Carries(b.persons, ta) && !cluster::Carries(a.persons, tb);
         return score(a, b) * (conflict ? 0.7 : 1.0);
       }},
      {"score*top1", gated(1)},
      {"score*top3", gated(3)},
  };
  std::printf("%-8s pairs=%zu AUC:", name, pairs.size());
  for (const auto& [sim_name, sim] : sims) {
    std::vector<double> positive, negative;
    for (const LabelledPair& p : pairs) {
      (p.same ? positive : negative).push_back(sim(docs[p.a], docs[p.b]));
    }
    std::printf(" %s %.3f", sim_name, Auc(positive, negative));
  }
  std::printf("\n");
}

void PairDiagnostics(const char* name, const std::vector<ClusterDoc>& docs,
                     const std::vector<std::string>& gold, bool same_topic,
                     const ClusterOptions& options) {
  auto topic = [](const std::string& g) { return g.substr(0, g.find('_')); };
  std::vector<LabelledPair> pairs;
  std::mt19937 rng(7);
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      if (same_topic) {
        if (topic(gold[i]) != topic(gold[j])) continue;
      } else {
        if (std::llabs(docs[i].time - docs[j].time) > 6 * 3600) continue;
        if (cluster::Cosine(docs[i].title, docs[j].title) <= 0) continue;
        if (rng() % 8 != 0) continue;
      }
      pairs.push_back({i, j, gold[i] == gold[j]});
    }
  }
  PairAuc(name, docs, pairs, options);
}

namespace {

std::string Majority(const std::vector<size_t>& docs, const std::vector<std::string>& gold) {
  std::map<std::string, int> n;
  for (size_t d : docs) ++n[gold[d]];
  std::string best;
  int most = 0;
  for (const auto& [g, c] : n) {
    if (c > most) most = c, best = g;
  }
  return best + "x" + std::to_string(most) + "/" + std::to_string(docs.size());
}

}  // namespace

void DecisionTrace::Record(size_t doc, const Assignment& a) {
  std::vector<std::vector<size_t>> groups = {{doc}};
  auto take = [&](int64_t id) {
    auto it = members_.find(id);
    if (it == members_.end()) return;
    groups.push_back(std::move(it->second));
    members_.erase(it);
  };
  take(a.story_id);
  for (int64_t m : a.merged_story_ids) take(m);
  const int kind = a.merged_story_ids.empty() ? 0 : 1;
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < groups.size(); ++i) {
    for (size_t j = i + 1; j < groups.size(); ++j) {
      for (size_t x : groups[i]) {
        for (size_t y : groups[j]) (gold_[x] == gold_[y] ? good : bad)++;
      }
    }
  }
  good_[kind] += good, bad_[kind] += bad;
  events_[kind] += groups.size() > 1;
  if (verbose_ && groups.size() > 1 && groups[1].size() <= 3) {
    cluster::Centroid persons;
    for (size_t d : groups[1]) persons.Add(docs_[d].persons);
    std::printf("  early %s %s persons %zu/%zu cos %.2f size %zu score %.3f\n",
                bad > 0 ? "BAD " : "good", kind ? "merge" : "join", docs_[doc].persons.terms.size(),
                persons.size(), persons.Cosine(docs_[doc].persons), groups[1].size(), a.why.score);
  }
  if (verbose_ && bad > 0 && (kind == 1 || bad > good)) {
    std::printf("  %s bad %zu good %zu doc %s:", kind ? "merge" : "join", bad, good,
                gold_[doc].c_str());
    for (size_t i = 1; i < groups.size(); ++i)
      std::printf(" %s", Majority(groups[i], gold_).c_str());
    std::printf("\n");
  }
  std::vector<size_t>& all = members_[a.story_id];
  for (const auto& g : groups) all.insert(all.end(), g.begin(), g.end());
}

void DecisionTrace::Print(const char* name) const {
  std::printf("%-8s trace joins %zu good pairs %zu bad %zu | merges %zu good pairs %zu bad %zu\n",
              name, events_[0], good_[0], bad_[0], events_[1], good_[1], bad_[1]);
}

}  // namespace veille::eval
