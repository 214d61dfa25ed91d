#include "geo/gdal_log.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace cartes::geo {
namespace {

std::mutex sink_mutex;
LogSink& sink() {
  static LogSink s;
  return s;
}

void log_line(std::string_view line) {
  std::lock_guard lock(sink_mutex);
  if (sink()) {
    sink()(line);
  } else if (const char* v = std::getenv("CARTES_GDAL_LOG"); v && *v) {
    std::fprintf(stderr, "gdal: %.*s\n", static_cast<int>(line.size()), line.data());
  }
}

}  // namespace

void set_gdal_log_sink(LogSink s) {
  std::lock_guard lock(sink_mutex);
  sink() = std::move(s);
}

namespace detail {

struct GdalErrorScopeAccess {
  static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
    auto* scope = static_cast<GdalErrorScope*>(CPLGetErrorHandlerUserData());
    const std::string text = message ? message : "";
    if ((level == CE_Failure || level == CE_Fatal) && scope) scope->errors_.push_back(text);
    else if (level != CE_None) log_line(text);
  }
};

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorScope::GdalErrorScope() {
  ensure_gdal();
  CPLPushErrorHandlerEx(&GdalErrorScopeAccess::handle, this);
}

GdalErrorScope::~GdalErrorScope() { CPLPopErrorHandler(); }

std::string GdalErrorScope::errors() const {
  std::string out;
  for (const auto& e : errors_) {
    if (!out.empty()) out += "; ";
    out += e;
  }
  return out;
}

}  // namespace detail
}  // namespace cartes::geo
