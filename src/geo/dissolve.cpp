#include "geo/dissolve.hpp"

#include <cmath>

#include "geo/geos_handle.hpp"

namespace cartes::geo {
using detail::geos;

bool dissolve_is_sound(const Geometry& result, double members_area, double relative_tolerance) {
  if (result.is_empty() || !result.is_valid()) return false;
  const double area = result.area();
  const double scale = std::max(members_area, 1.0);
  return std::abs(area - members_area) <= relative_tolerance * scale;
}

DissolveResult dissolve(std::span<const Geometry* const> members, const DissolveOptions& options) {
  DissolveResult out;
  for (const Geometry* m : members)
    if (m) out.members_area += m->area();
  if (members.empty()) {
    out.geometry = Geometry::empty_multipolygon();
    return out;
  }
  if (options.try_coverage_union) {
    Geometry coll = collect(members);
    // GEOSCoverageUnion_r returns null (not an exception) on some inputs;
    // treat that like an empty result and fall back.
    GEOSGeometry* fast = GEOSCoverageUnion_r(geos(), coll.get());
    if (fast) {
      Geometry g = Geometry(fast).as_multipolygon();
      if (dissolve_is_sound(g, out.members_area, options.relative_tolerance)) {
        out.geometry = std::move(g);
        return out;
      }
    }
    out.fell_back = true;
  }
  std::vector<Geometry> parts;
  parts.reserve(members.size());
  for (const Geometry* m : members)
    if (m) parts.push_back(m->clone());
  out.geometry = unary_union(std::move(parts));
  return out;
}

}  // namespace cartes::geo
