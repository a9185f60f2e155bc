// Progress reporting on stderr for long runs: a redrawn bar with count, rate
// and ETA when stderr is a terminal, a plain line every few seconds otherwise.
// Not thread-safe: one Progress per running command.
#ifndef VEILLE_CLI_PROGRESS_H_
#define VEILLE_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace veille::cli {

class Progress {
 public:
  // `total` inputs expected (0 if unknown); `what` names the unit ("files").
  Progress(std::string what, int64_t total, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Records that `done` units are finished and `documents` handled so far.
  void Update(int64_t done, int64_t documents);
  // Clears the bar (before printing a line of one's own to stderr).
  void Clear();
  // Prints the final state and stops drawing.
  void Finish();

 private:
  void Draw(bool final);

  std::string what_;
  int64_t total_;
  bool enabled_;
  bool tty_;
  bool drawn_ = false;
  int64_t done_ = 0;
  int64_t documents_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace veille::cli

#endif  // VEILLE_CLI_PROGRESS_H_
