#include "core/error.hpp"
// Out-of-line anchor so the error types have one home translation unit.

namespace cartes {

ExitCode exit_code_of(const std::exception& e) noexcept {
  if (const auto* err = dynamic_cast<const Error*>(&e)) return err->code();
  return ExitCode::internal;
}

}  // namespace cartes
