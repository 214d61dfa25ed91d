#include "render/mesh.hpp"

#include <GL/glu.h>

#include <array>
#include <cmath>
#include <memory>
#include <string>

namespace cartes::render {

std::size_t MeshGroup::bytes() const {
  return vertices.size() * sizeof(FillVertex) + indices.size() * sizeof(std::uint32_t) +
         segments.size() * sizeof(Segment) + (fill.size() + lines.size()) * sizeof(Range);
}

void begin_feature(MeshGroup& g) {
  g.fill.push_back({static_cast<std::uint32_t>(g.indices.size()), 0});
  g.lines.push_back({static_cast<std::uint32_t>(g.segments.size()), 0});
}

void end_feature(MeshGroup& g) {
  g.fill.back().count = static_cast<std::uint32_t>(g.indices.size()) - g.fill.back().first;
  g.lines.back().count = static_cast<std::uint32_t>(g.segments.size()) - g.lines.back().first;
}

namespace {

// State shared with the GLU callbacks of one tessellation.
struct TessState {
  MeshGroup* out = nullptr;
  geo::Point origin;
  std::uint32_t feature = 0;
  GLenum error = 0;
};

using Callback = void(GLAPIENTRY*)();

void GLAPIENTRY on_vertex(void* vertex, void* user) {
  auto* s = static_cast<TessState*>(user);
  s->out->indices.push_back(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(vertex)));
}

// New vertex at an intersection of edges (self-touching rings, holes touching
// the exterior): appended to the vertex array.
void GLAPIENTRY on_combine(GLdouble coords[3], void*[4], GLfloat[4], void** out_data, void* user) {
  auto* s = static_cast<TessState*>(user);
  const auto index = static_cast<std::uintptr_t>(s->out->vertices.size());
  s->out->vertices.push_back({static_cast<float>(coords[0] - s->origin.x),
                              static_cast<float>(coords[1] - s->origin.y), s->feature});
  *out_data = reinterpret_cast<void*>(index);
}

void GLAPIENTRY on_error(GLenum error, void* user) { static_cast<TessState*>(user)->error = error; }

// Registering an edge-flag callback makes GLU emit independent triangles only
// (no fans or strips), which is what the index buffer holds.
void GLAPIENTRY on_edge_flag(GLboolean, void*) {}
void GLAPIENTRY on_begin(GLenum, void*) {}

struct TessDeleter {
  void operator()(GLUtesselator* t) const noexcept { gluDeleteTess(t); }
};

double signed_area(const geo::Ring& r) {
  double a = 0;
  for (std::size_t i = 0, n = r.size(); i + 1 < n; ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
  return a / 2;
}

}  // namespace

void tessellate(const std::vector<geo::Polygon>& polygons, geo::Point origin, std::uint32_t feature,
                MeshGroup& out, const char* what) {
  std::unique_ptr<GLUtesselator, TessDeleter> tess(gluNewTess());
  if (!tess) throw geo::GeometryError(std::string("cannot create a GLU tessellator for ") + what);
  TessState state{&out, origin, feature, 0};
  gluTessProperty(tess.get(), GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
  gluTessNormal(tess.get(), 0, 0, 1);
  gluTessCallback(tess.get(), GLU_TESS_BEGIN_DATA, reinterpret_cast<Callback>(on_begin));
  gluTessCallback(tess.get(), GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(on_vertex));
  gluTessCallback(tess.get(), GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(on_combine));
  gluTessCallback(tess.get(), GLU_TESS_ERROR_DATA, reinterpret_cast<Callback>(on_error));
  gluTessCallback(tess.get(), GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(on_edge_flag));

  // GLU keeps pointers to the coordinates until gluTessEndPolygon.
  std::vector<std::array<GLdouble, 3>> coords;
  for (const auto& polygon : polygons) {
    std::size_t n = 0;
    for (const auto& ring : polygon.rings) n += ring.size();
    coords.clear();
    coords.reserve(n);
    gluTessBeginPolygon(tess.get(), &state);
    for (const auto& ring : polygon.rings) {
      if (ring.size() < 4) continue;
      gluTessBeginContour(tess.get());
      // The closing point repeats the first one: skip it.
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const auto index = static_cast<std::uintptr_t>(out.vertices.size());
        out.vertices.push_back({static_cast<float>(ring[i].x - origin.x), static_cast<float>(ring[i].y - origin.y),
                                feature});
        coords.push_back({ring[i].x, ring[i].y, 0.0});
        gluTessVertex(tess.get(), coords.back().data(), reinterpret_cast<void*>(index));
      }
      gluTessEndContour(tess.get());
    }
    gluTessEndPolygon(tess.get());
    if (state.error != 0)
      throw geo::GeometryError(std::string("GLU tessellation of ") + what + " failed: " +
                               reinterpret_cast<const char*>(gluErrorString(state.error)));
  }
}

void append_outline(const std::vector<geo::Polygon>& polygons, geo::Point origin, std::uint32_t feature,
                    MeshGroup& out) {
  for (const auto& polygon : polygons) {
    for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
      const auto& ring = polygon.rings[r];
      if (ring.size() < 2) continue;
      const bool exterior = r == 0;
      const bool ccw = signed_area(ring) > 0;
      const bool reverse = exterior != ccw;  // exterior wants CCW, holes CW
      float dist = 0;
      const std::size_t n = ring.size();
      for (std::size_t i = 0; i + 1 < n; ++i) {
        const geo::Point& a = reverse ? ring[n - 1 - i] : ring[i];
        const geo::Point& b = reverse ? ring[n - 2 - i] : ring[i + 1];
        Segment s{static_cast<float>(a.x - origin.x), static_cast<float>(a.y - origin.y),
                  static_cast<float>(b.x - origin.x), static_cast<float>(b.y - origin.y), dist, feature};
        out.segments.push_back(s);
        dist += static_cast<float>(std::hypot(b.x - a.x, b.y - a.y));
      }
    }
  }
}

void append_polyline(const std::vector<geo::Point>& points, geo::Point origin, std::uint32_t feature,
                     MeshGroup& out) {
  float dist = 0;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const auto& a = points[i];
    const auto& b = points[i + 1];
    out.segments.push_back({static_cast<float>(a.x - origin.x), static_cast<float>(a.y - origin.y),
                            static_cast<float>(b.x - origin.x), static_cast<float>(b.y - origin.y), dist, feature});
    dist += static_cast<float>(std::hypot(b.x - a.x, b.y - a.y));
  }
}

}  // namespace cartes::render
