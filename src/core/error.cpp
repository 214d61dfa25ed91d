#include "core/error.hpp"
// Out-of-line anchor so the error types have one home translation unit.
