#include "geo/geometry.hpp"

#include <algorithm>
#include <cmath>

#include "geo/geos_handle.hpp"

namespace cartes::geo {
using detail::geos;

namespace {

[[noreturn]] void fail(std::string_view what) {
  std::string msg = "GEOS: ";
  msg += what;
  const std::string detail = detail::last_error();
  if (!detail.empty()) msg += ": " + detail;
  throw GeometryError(msg);
}

GEOSGeometry* check(GEOSGeometry* g, std::string_view what) {
  if (!g) fail(what);
  return g;
}

const GEOSGeometry* need(const Geometry& g, std::string_view what) {
  if (g.null()) throw GeometryError(std::string("null geometry in ") + std::string(what));
  return g.get();
}

GEOSCoordSequence* ring_sequence(const Ring& ring) {
  // Closed rings are required by GEOS; close it if the caller did not.
  const bool closed = !ring.empty() && ring.front() == ring.back();
  const auto n = static_cast<unsigned>(ring.size() + (closed ? 0 : 1));
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geos(), n, 2);
  for (unsigned i = 0; i < ring.size(); ++i)
    GEOSCoordSeq_setXY_r(geos(), seq, i, ring[i].x, ring[i].y);
  if (!closed && !ring.empty())
    GEOSCoordSeq_setXY_r(geos(), seq, n - 1, ring.front().x, ring.front().y);
  return seq;
}

Ring read_ring(const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos(), ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(geos(), seq, &n);
  Ring out(n);
  for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(geos(), seq, i, &out[i].x, &out[i].y);
  return out;
}

void read_polygons(const GEOSGeometry* g, std::vector<Polygon>& out) {
  const int type = GEOSGeomTypeId_r(geos(), g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(geos(), g)) return;
    Polygon p;
    p.rings.push_back(read_ring(GEOSGetExteriorRing_r(geos(), g)));
    const int holes = GEOSGetNumInteriorRings_r(geos(), g);
    for (int i = 0; i < holes; ++i) p.rings.push_back(read_ring(GEOSGetInteriorRingN_r(geos(), g, i)));
    out.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(geos(), g);
    for (int i = 0; i < n; ++i) read_polygons(GEOSGetGeometryN_r(geos(), g, i), out);
  }
}

}  // namespace

void Envelope::expand(const Envelope& o) {
  if (o.empty) return;
  if (empty) {
    *this = o;
    return;
  }
  minx = std::min(minx, o.minx);
  miny = std::min(miny, o.miny);
  maxx = std::max(maxx, o.maxx);
  maxy = std::max(maxy, o.maxy);
}

void Envelope::expand(Point p) { expand(Envelope{p.x, p.y, p.x, p.y, false}); }

bool Envelope::intersects(const Envelope& o) const {
  return !empty && !o.empty && minx <= o.maxx && o.minx <= maxx && miny <= o.maxy && o.miny <= maxy;
}

void Geometry::Deleter::operator()(GEOSGeom_t* g) const noexcept { detail::GeomDeleter{}(g); }

Geometry::Geometry(GEOSGeom_t* owned) noexcept : g_(owned) {
  // GEOS computes a collection's envelope the first time it is asked and
  // caches it inside the geometry: two threads asking at once (perimeters in
  // parallel over shared communes) raced, and the parts of région-wide
  // alliances came out 14 to 17 from one run to the next. Asked here, while
  // one thread owns the geometry, every later use only reads it.
  if (g_) {
    double ignored = 0;
    GEOSGeom_getXMin_r(geos(), g_.get(), &ignored);
  }
}

Geometry Geometry::clone() const {
  if (!g_) return {};
  return Geometry(check(GEOSGeom_clone_r(geos(), g_.get()), "clone"));
}

Geometry Geometry::from_wkt(std::string_view wkt) {
  GEOSWKTReader* r = GEOSWKTReader_create_r(geos());
  const std::string text(wkt);
  GEOSGeometry* g = GEOSWKTReader_read_r(geos(), r, text.c_str());
  GEOSWKTReader_destroy_r(geos(), r);
  return Geometry(check(g, "cannot parse WKT"));
}

Geometry Geometry::from_wkb(std::span<const std::uint8_t> wkb) {
  GEOSWKBReader* r = GEOSWKBReader_create_r(geos());
  GEOSGeometry* g = GEOSWKBReader_read_r(geos(), r, wkb.data(), wkb.size());
  GEOSWKBReader_destroy_r(geos(), r);
  return Geometry(check(g, "cannot parse WKB"));
}

Geometry Geometry::from_polygons(const std::vector<Polygon>& polygons) {
  std::vector<GEOSGeometry*> polys;
  polys.reserve(polygons.size());
  for (const auto& p : polygons) {
    if (p.rings.empty()) continue;
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(geos(), ring_sequence(p.rings[0]));
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < p.rings.size(); ++i)
      holes.push_back(GEOSGeom_createLinearRing_r(geos(), ring_sequence(p.rings[i])));
    polys.push_back(check(GEOSGeom_createPolygon_r(geos(), shell, holes.data(), static_cast<unsigned>(holes.size())),
                          "create polygon"));
  }
  return Geometry(check(GEOSGeom_createCollection_r(geos(), GEOS_MULTIPOLYGON, polys.data(),
                                                    static_cast<unsigned>(polys.size())),
                        "create multipolygon"));
}

Geometry Geometry::point(Point p) { return Geometry(check(GEOSGeom_createPointFromXY_r(geos(), p.x, p.y), "point")); }

Geometry Geometry::empty_multipolygon() {
  return Geometry(check(GEOSGeom_createEmptyCollection_r(geos(), GEOS_MULTIPOLYGON), "empty multipolygon"));
}

std::string Geometry::to_wkt(int decimals) const {
  GEOSWKTWriter* w = GEOSWKTWriter_create_r(geos());
  if (decimals >= 0) {
    GEOSWKTWriter_setRoundingPrecision_r(geos(), w, decimals);
    GEOSWKTWriter_setTrim_r(geos(), w, 1);
  }
  char* s = GEOSWKTWriter_write_r(geos(), w, need(*this, "to_wkt"));
  GEOSWKTWriter_destroy_r(geos(), w);
  std::string out(s ? s : "");
  GEOSFree_r(geos(), s);
  return out;
}

std::vector<std::uint8_t> Geometry::to_wkb() const {
  GEOSWKBWriter* w = GEOSWKBWriter_create_r(geos());
  std::size_t size = 0;
  unsigned char* buf = GEOSWKBWriter_write_r(geos(), w, need(*this, "to_wkb"), &size);
  GEOSWKBWriter_destroy_r(geos(), w);
  std::vector<std::uint8_t> out(buf, buf + size);
  GEOSFree_r(geos(), buf);
  return out;
}

bool Geometry::is_empty() const { return !g_ || GEOSisEmpty_r(geos(), g_.get()) == 1; }

bool Geometry::is_valid() const { return g_ && GEOSisValid_r(geos(), g_.get()) == 1; }

std::string Geometry::invalid_reason() const {
  if (!g_) return "null geometry";
  char* s = GEOSisValidReason_r(geos(), g_.get());
  std::string out(s ? s : "");
  GEOSFree_r(geos(), s);
  return out;
}

std::string Geometry::type_name() const {
  if (!g_) return "null";
  char* s = GEOSGeomType_r(geos(), g_.get());
  std::string out(s ? s : "");
  GEOSFree_r(geos(), s);
  return out;
}

double Geometry::area() const {
  if (!g_) return 0;
  double a = 0;
  if (!GEOSArea_r(geos(), g_.get(), &a)) fail("area");
  return a;
}

double Geometry::length() const {
  if (!g_) return 0;
  double l = 0;
  if (!GEOSLength_r(geos(), g_.get(), &l)) fail("length");
  return l;
}

Envelope Geometry::envelope() const {
  Envelope e;
  if (is_empty()) return e;
  double minx, miny, maxx, maxy;
  if (!GEOSGeom_getXMin_r(geos(), g_.get(), &minx) || !GEOSGeom_getYMin_r(geos(), g_.get(), &miny) ||
      !GEOSGeom_getXMax_r(geos(), g_.get(), &maxx) || !GEOSGeom_getYMax_r(geos(), g_.get(), &maxy))
    fail("envelope");
  return Envelope{minx, miny, maxx, maxy, false};
}

static Point point_of(GEOSGeometry* p, std::string_view what) {
  std::unique_ptr<GEOSGeometry, detail::GeomDeleter> owned(check(p, what));
  Point out;
  if (GEOSisEmpty_r(geos(), owned.get()) || !GEOSGeomGetX_r(geos(), owned.get(), &out.x) ||
      !GEOSGeomGetY_r(geos(), owned.get(), &out.y))
    fail(std::string(what) + " of an empty geometry");
  return out;
}

Point Geometry::interior_point() const {
  return point_of(GEOSPointOnSurface_r(geos(), need(*this, "interior_point")), "interior point");
}

Point Geometry::centroid() const { return point_of(GEOSGetCentroid_r(geos(), need(*this, "centroid")), "centroid"); }

int Geometry::part_count() const {
  if (is_empty()) return 0;
  const int type = GEOSGeomTypeId_r(geos(), g_.get());
  if (type == GEOS_POLYGON) return 1;
  return GEOSGetNumGeometries_r(geos(), g_.get());
}

std::size_t Geometry::vertex_count() const {
  if (!g_) return 0;
  const int n = GEOSGetNumCoordinates_r(geos(), g_.get());
  return n < 0 ? 0 : static_cast<std::size_t>(n);
}

std::vector<Polygon> Geometry::polygons() const {
  std::vector<Polygon> out;
  if (g_) read_polygons(g_.get(), out);
  return out;
}

Geometry Geometry::make_valid() const {
  return Geometry(check(GEOSMakeValid_r(geos(), need(*this, "make_valid")), "make valid")).as_multipolygon();
}

Geometry Geometry::as_multipolygon() const {
  const GEOSGeometry* g = need(*this, "as_multipolygon");
  const int type = GEOSGeomTypeId_r(geos(), g);
  if (type == GEOS_MULTIPOLYGON) return clone();
  // Keep polygonal parts only: MakeValid and unions can leave stray lines/points.
  return from_polygons(polygons());
}

Geometry Geometry::buffer(double distance, int quadrant_segments) const {
  return Geometry(check(GEOSBuffer_r(geos(), need(*this, "buffer"), distance, quadrant_segments), "buffer"));
}

Geometry Geometry::intersection(const Geometry& o) const {
  return Geometry(check(GEOSIntersection_r(geos(), need(*this, "intersection"), need(o, "intersection")), "intersection"));
}

Geometry Geometry::unite(const Geometry& o) const {
  return Geometry(check(GEOSUnion_r(geos(), need(*this, "union"), need(o, "union")), "union"));
}

Geometry Geometry::difference(const Geometry& o) const {
  return Geometry(check(GEOSDifference_r(geos(), need(*this, "difference"), need(o, "difference")), "difference"));
}

Geometry Geometry::boundary() const {
  return Geometry(check(GEOSBoundary_r(geos(), need(*this, "boundary")), "boundary"));
}

Geometry Geometry::simplify(double tolerance) const {
  return Geometry(check(GEOSTopologyPreserveSimplify_r(geos(), need(*this, "simplify"), tolerance), "simplify"));
}

bool Geometry::intersects(const Geometry& o) const {
  const char r = GEOSIntersects_r(geos(), need(*this, "intersects"), need(o, "intersects"));
  if (r == 2) fail("intersects");
  return r == 1;
}

bool Geometry::contains(Point p) const {
  Geometry pt = point(p);
  const char r = GEOSContains_r(geos(), need(*this, "contains"), pt.get());
  if (r == 2) fail("contains");
  return r == 1;
}

double Geometry::distance(const Geometry& o) const {
  double d = 0;
  if (!GEOSDistance_r(geos(), need(*this, "distance"), need(o, "distance"), &d)) fail("distance");
  return d;
}

Geometry collect(std::span<const Geometry* const> parts) {
  std::vector<GEOSGeometry*> clones;
  clones.reserve(parts.size());
  for (const Geometry* p : parts)
    if (p && !p->null()) clones.push_back(check(GEOSGeom_clone_r(geos(), p->get()), "clone"));
  return Geometry(check(GEOSGeom_createCollection_r(geos(), GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                    static_cast<unsigned>(clones.size())),
                        "collect"));
}

Geometry unary_union(std::vector<Geometry> parts) {
  std::vector<GEOSGeometry*> raw;
  raw.reserve(parts.size());
  for (auto& p : parts)
    if (!p.null()) raw.push_back(p.release());
  Geometry coll(check(GEOSGeom_createCollection_r(geos(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                  static_cast<unsigned>(raw.size())),
                      "collect"));
  return Geometry(check(GEOSUnaryUnion_r(geos(), coll.get()), "unary union")).as_multipolygon();
}

}  // namespace cartes::geo
