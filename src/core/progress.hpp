#pragma once
// Progress of long work, reported by libraries and shown by front ends
// (a line on stderr for the CLI, a bar in the viewer).
#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace cartes {

class Progress {
 public:
  virtual ~Progress() = default;
  // A new named step begins (for instance "dissolving EPCI").
  virtual void step(std::string_view name) = 0;
  // Fraction done of the current step, 0..1.
  virtual void advance(double fraction) = 0;
  // The user asked to stop (viewer closing): long loops check this.
  virtual bool cancelled() const { return false; }
};

// Does nothing: for tests and quiet runs.
class NullProgress final : public Progress {
 public:
  void step(std::string_view) override {}
  void advance(double) override {}
};

// Thread-safe snapshot for the viewer's progress bar.
class SharedProgress final : public Progress {
 public:
  void step(std::string_view name) override;
  void advance(double fraction) override { fraction_.store(fraction); }
  bool cancelled() const override { return cancel_.load(); }
  void cancel() { cancel_.store(true); }
  std::string step_name() const;
  double fraction() const { return fraction_.load(); }

 private:
  mutable std::mutex mutex_;
  std::string step_;
  std::atomic<double> fraction_{0.0};
  std::atomic<bool> cancel_{false};
};

// Prints "step... 42%" to a stream, rewriting the line when it is a terminal.
class StreamProgress final : public Progress {
 public:
  explicit StreamProgress(std::FILE* out);
  ~StreamProgress() override;
  void step(std::string_view name) override;
  void advance(double fraction) override;

 private:
  void finish_line();
  std::FILE* out_;
  bool tty_;
  std::string step_;
  int last_percent_ = -1;
};

}  // namespace cartes
