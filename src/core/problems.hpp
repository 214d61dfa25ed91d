#pragma once
// Data-quality findings are reported, not thrown (libosmium's ProblemReporter):
// a code re-keyed, polygons merged, a geometry repaired, a feature unmatched.
// The build writes them to the `build_report` layer and prints a summary.
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace cartes {

struct Problem {
  std::string kind;     // stable machine-readable kind, e.g. "code_rekeyed"
  std::string code;     // the territory code concerned (may be empty)
  std::string source;   // file (and feature) where it was seen
  std::string message;  // human-readable, in English
};

class ProblemReporter {
 public:
  void report(Problem p);
  std::vector<Problem> problems() const;
  // Number of findings per kind, sorted by kind.
  std::map<std::string, int> counts() const;
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Problem> problems_;
};

}  // namespace cartes
