#include "core/problems.hpp"

namespace cartes {

void ProblemReporter::report(Problem p) {
  std::lock_guard lock(mutex_);
  problems_.push_back(std::move(p));
}

std::vector<Problem> ProblemReporter::problems() const {
  std::lock_guard lock(mutex_);
  return problems_;
}

std::map<std::string, int> ProblemReporter::counts() const {
  std::lock_guard lock(mutex_);
  std::map<std::string, int> out;
  for (const auto& p : problems_) ++out[p.kind];
  return out;
}

std::size_t ProblemReporter::size() const {
  std::lock_guard lock(mutex_);
  return problems_.size();
}

}  // namespace cartes
