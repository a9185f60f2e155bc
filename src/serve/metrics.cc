#include "serve/metrics.h"

#include <fmt/format.h>

namespace veille::serve {

void Metrics::Observe(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++h.counts[b];
  h.sum += seconds;
  ++h.count;
}

void Metrics::AddIngest(int64_t documents, int64_t errors) {
  std::lock_guard<std::mutex> lock(mu_);
  ingest_documents_ += documents;
  ingest_errors_ += errors;
}

std::string Metrics::Render(const std::map<std::string, int64_t>& gauges) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  out += "# HELP veille_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE veille_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out += fmt::format("veille_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first,
                       key.second, n);
  }
  out += "# HELP veille_http_request_duration_seconds Time to answer, by route.\n";
  out += "# TYPE veille_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    int64_t cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += h.counts[b];
      const std::string le = b < kBuckets.size() ? fmt::format("{}", kBuckets[b]) : "+Inf";
      out +=
          fmt::format("veille_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      route, le, cumulative);
    }
    out +=
        fmt::format("veille_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, h.sum);
    out += fmt::format("veille_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       h.count);
  }
  out += "# HELP veille_ingest_documents_total Documents read by POST /api/ingest.\n";
  out += "# TYPE veille_ingest_documents_total counter\n";
  out += fmt::format("veille_ingest_documents_total {}\n", ingest_documents_);
  out += "# HELP veille_ingest_errors_total Inputs or records POST /api/ingest failed on.\n";
  out += "# TYPE veille_ingest_errors_total counter\n";
  out += fmt::format("veille_ingest_errors_total {}\n", ingest_errors_);
  for (const auto& [name, value] : gauges) {
    const bool counter = name.size() > 6 && name.compare(name.size() - 6, 6, "_total") == 0;
    out += fmt::format("# TYPE veille_{} {}\nveille_{} {}\n", name, counter ? "counter" : "gauge",
                       name, value);
  }
  return out;
}

}  // namespace veille::serve
