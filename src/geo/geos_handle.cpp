#include "geo/geos_handle.hpp"

#include <cstdarg>
#include <cstdio>
#include <string>

namespace cartes::geo::detail {
namespace {

// GEOS reports notices and errors through callbacks; errors also show up as
// null/exception-code returns that geometry.cpp turns into exceptions, so the
// messages are kept for that error text rather than printed.
thread_local std::string last_geos_error;

void on_error(const char* message, void*) { last_geos_error = message ? message : ""; }
void on_notice(const char*, void*) {}

struct Handle {
  GEOSContextHandle_t h = GEOS_init_r();
  Handle() {
    GEOSContext_setErrorMessageHandler_r(h, on_error, nullptr);
    GEOSContext_setNoticeMessageHandler_r(h, on_notice, nullptr);
  }
  ~Handle() { GEOS_finish_r(h); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

}  // namespace

GEOSContextHandle_t geos() {
  thread_local Handle handle;
  return handle.h;
}

std::string last_error() { return last_geos_error; }

void GeomDeleter::operator()(GEOSGeometry* g) const noexcept {
  if (g) GEOSGeom_destroy_r(geos(), g);
}
void PreparedDeleter::operator()(const GEOSPreparedGeometry* g) const noexcept {
  if (g) GEOSPreparedGeom_destroy_r(geos(), g);
}

}  // namespace cartes::geo::detail
