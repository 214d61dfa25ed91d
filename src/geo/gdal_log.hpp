#pragma once
// Internal to geo: GDAL/OGR set-up and a scoped CPL error handler.
//
// GDAL reports problems through CPLError(), by default printed on stderr.
// Inside geo every GDAL call runs under a GdalErrorScope: failures are kept
// so the caller can put GDAL's own words into a typed cartes::Error (with the
// file name), and warnings go to the project's log (gdal_log_sink()), never
// straight to stderr (the CLI's golden tests fail on unexpected stderr).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cartes::geo {

// Where GDAL warnings and debug messages go. Default: dropped, unless the
// environment variable CARTES_GDAL_LOG is set (then printed on stderr with a
// "gdal:" prefix). Front ends may install their own sink (the viewer's log).
using LogSink = std::function<void(std::string_view)>;
void set_gdal_log_sink(LogSink sink);

namespace detail {

// Registers GDAL drivers once (thread-safe).
void ensure_gdal();

// While alive, CPL errors raised on this thread are collected here instead
// of printed. Scopes nest (CPLPushErrorHandlerEx / CPLPopErrorHandler).
class GdalErrorScope {
 public:
  GdalErrorScope();
  ~GdalErrorScope();
  GdalErrorScope(const GdalErrorScope&) = delete;
  GdalErrorScope& operator=(const GdalErrorScope&) = delete;

  bool failed() const { return !errors_.empty(); }
  // The collected failure messages joined with "; " (empty when none).
  std::string errors() const;
  void clear() { errors_.clear(); }

 private:
  friend struct GdalErrorScopeAccess;
  std::vector<std::string> errors_;
};

}  // namespace detail
}  // namespace cartes::geo
