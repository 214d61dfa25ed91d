#include "core/progress.hpp"

#include <cstdio>
#include <exception>
#include <unistd.h>

namespace cartes {

void SharedProgress::step(std::string_view name) {
  std::lock_guard lock(mutex_);
  step_ = name;
  fraction_.store(0.0);
}

std::string SharedProgress::step_name() const {
  std::lock_guard lock(mutex_);
  return step_;
}

StreamProgress::StreamProgress(std::FILE* out) : out_(out), tty_(isatty(fileno(out)) != 0) {}

StreamProgress::~StreamProgress() { finish_line(); }

void StreamProgress::finish_line() {
  if (step_.empty()) return;
  // Destroyed while an exception unwinds: the step did not finish.
  const char* outcome = std::uncaught_exceptions() > 0 ? "failed" : "done";
  if (tty_) std::fprintf(out_, "\r%s... %s\n", step_.c_str(), outcome);
  else std::fprintf(out_, "%s... %s\n", step_.c_str(), outcome);
  std::fflush(out_);
  step_.clear();
}

void StreamProgress::step(std::string_view name) {
  finish_line();
  step_ = name;
  last_percent_ = -1;
  if (tty_) {
    std::fprintf(out_, "%s...", step_.c_str());
    std::fflush(out_);
  }
}

void StreamProgress::advance(double fraction) {
  // Only terminals get the live percentage: logs stay one line per step.
  if (!tty_ || step_.empty()) return;
  const int percent = static_cast<int>(fraction * 100.0);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  std::fprintf(out_, "\r%s... %3d%%", step_.c_str(), percent);
  std::fflush(out_);
}

}  // namespace cartes
