#pragma once
// Typed errors carrying their context. Libraries throw these; each front end
// converts them at exactly one place (CLI main: message + exit code; viewer:
// an error panel).
#include <stdexcept>
#include <string>

namespace cartes {

// Documented exit codes of the `cartes` CLI (README, "Exit codes").
enum class ExitCode : int {
  ok = 0,
  internal = 1,      // a bug: unexpected exception
  usage = 2,         // bad command line
  input = 3,         // missing or unreadable input (sources folder, file, layer)
  data = 4,          // input readable but wrong (bad geometry, unknown code, bad catalogue)
  output = 5,        // cannot write the output (path unwritable, disk full)
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string message)
      : std::runtime_error(std::move(message)), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

// Bad command-line use.
struct UsageError : Error {
  explicit UsageError(std::string m) : Error(ExitCode::usage, std::move(m)) {}
};
// A file or folder that cannot be found or read. Message names it.
struct InputError : Error {
  explicit InputError(std::string m) : Error(ExitCode::input, std::move(m)) {}
};
// Readable but wrong data; message names the file, line/feature and code at fault.
struct DataError : Error {
  explicit DataError(std::string m) : Error(ExitCode::data, std::move(m)) {}
};
// The output cannot be written; message names the path.
struct OutputError : Error {
  explicit OutputError(std::string m) : Error(ExitCode::output, std::move(m)) {}
};

// The exit code an exception stands for: its own for an Error, internal (a
// bug) for anything else. The viewer uses it; the CLI's main catches the same
// types in the same order (it also prints them).
ExitCode exit_code_of(const std::exception& e) noexcept;

}  // namespace cartes
