#include "core/progress.hpp"

#include <cstdio>
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
  if (tty_) std::fprintf(out_, "\r%s... done\n", step_.c_str());
  else std::fprintf(out_, "%s... done\n", step_.c_str());
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
