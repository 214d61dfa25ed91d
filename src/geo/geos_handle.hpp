#pragma once
// Internal to geo: the reentrant GEOS context of the calling thread.
// Each thread gets its own handle (GEOS contexts are not thread-safe), created
// on first use and destroyed when the thread ends.
#include <geos_c.h>

#include <string>

namespace cartes::geo::detail {

GEOSContextHandle_t geos();

// The last error message GEOS gave on this thread (for exception text).
std::string last_error();

// Deleters so GEOS objects live in std::unique_ptr.
struct GeomDeleter {
  void operator()(GEOSGeometry* g) const noexcept;
};
struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* g) const noexcept;
};

}  // namespace cartes::geo::detail
