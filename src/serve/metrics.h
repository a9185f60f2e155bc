// Metrics: request counts and latency histograms per route, and ingest
// error counts, rendered in the Prometheus text exposition format.
// Thread-safe.
#ifndef VEILLE_SERVE_METRICS_H_
#define VEILLE_SERVE_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace veille::serve {

class Metrics {
 public:
  // Counts one request of `route` (a handler name, e.g. "api_story") that
  // answered `status` after `seconds`.
  void Observe(const std::string& route, int status, double seconds);
  void AddIngest(int64_t documents, int64_t errors);

  // The text format, with `gauges` (name, value) appended as veille_<name>
  // (typed counter when the name ends in "_total").
  std::string Render(const std::map<std::string, int64_t>& gauges) const;

  // Upper bounds of the latency buckets, seconds (then +Inf).
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5};

 private:
  struct Histogram {
    std::array<int64_t, kBuckets.size() + 1> counts{};
    double sum = 0;
    int64_t count = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, int64_t> requests_;  // (route, status) -> count
  std::map<std::string, Histogram> latency_;
  int64_t ingest_documents_ = 0;
  int64_t ingest_errors_ = 0;
};

}  // namespace veille::serve

#endif  // VEILLE_SERVE_METRICS_H_
