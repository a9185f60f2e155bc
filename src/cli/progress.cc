#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace veille::cli {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kTtyInterval = std::chrono::milliseconds(200);
constexpr auto kLogInterval = std::chrono::seconds(10);

std::string FormatDuration(double seconds) {
  if (seconds < 0 || seconds > 360000) return "--:--";
  const int64_t s = static_cast<int64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

Progress::Progress(std::string what, int64_t total, bool enabled)
    : what_(std::move(what)),
      total_(total),
      enabled_(enabled),
      tty_(isatty(STDERR_FILENO) == 1),
      start_(Clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { Clear(); }

void Progress::Update(int64_t done, int64_t documents) {
  done_ = done;
  documents_ = documents;
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - last_draw_ < (tty_ ? kTtyInterval : kLogInterval)) return;
  last_draw_ = now;
  Draw(false);
}

void Progress::Draw(bool final) {
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = elapsed > 0 ? documents_ / elapsed : 0;
  if (!tty_) {
    std::fprintf(stderr, "veille: %s %lld%s %s, %lld documents, %.1f documents/s\n",
                 final ? "done:" : "progress:", static_cast<long long>(done_),
                 total_ > 0 ? fmt::format("/{}", total_).c_str() : "", what_.c_str(),
                 static_cast<long long>(documents_), rate);
    return;
  }
  std::string bar;
  if (total_ > 0) {
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(kWidth * done_ / std::max<int64_t>(total_, 1));
    bar = "[" + std::string(filled, '#') + std::string(kWidth - filled, ' ') + "] ";
  }
  const double per_unit = done_ > 0 ? elapsed / done_ : 0;
  const std::string eta =
      total_ > 0 && done_ > 0 ? " ETA " + FormatDuration(per_unit * (total_ - done_)) : "";
  std::fprintf(stderr, "\r\033[K%s%lld%s %s  %lld docs  %.1f docs/s%s", bar.c_str(),
               static_cast<long long>(done_), total_ > 0 ? fmt::format("/{}", total_).c_str() : "",
               what_.c_str(), static_cast<long long>(documents_), rate, final ? "" : eta.c_str());
  drawn_ = true;
  if (final) {
    std::fputc('\n', stderr);
    drawn_ = false;
  }
  std::fflush(stderr);
}

void Progress::Clear() {
  if (drawn_ && tty_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
  }
}

void Progress::Finish() {
  if (!enabled_) return;
  if (tty_ && std::chrono::duration<double>(Clock::now() - start_).count() < 1.0) {
    Clear();  // a short run needs no bar
  } else {
    Draw(true);
  }
  enabled_ = false;
}

}  // namespace veille::cli
