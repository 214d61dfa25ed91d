#pragma once
// Contiguity (adjacency) of polygons that tile a territory: which territories
// are neighbours, and how long is the boundary they share.
//
//   rook  : neighbours when they share a stretch of boundary at least
//           `min_shared_length` long (default 1 m) — two EPCI meeting at a
//           single point are not neighbours;
//   queen : neighbours when their boundaries come within `snap_tolerance`
//           anywhere (a shared point is enough).
//
// Candidates come from a GEOS STRtree on the envelopes (expanded by the
// tolerance). Each candidate pair is then measured on the boundary segments:
// the length of A's boundary lying within `snap_tolerance` of B's boundary.
// The tolerance absorbs the centimetre noise of sources stored in 5-decimal
// WGS84 and reprojected (a neighbour's copy of a shared vertex can be off by
// a few centimetres, and then an exact boundary intersection is a handful of
// crossing points of length zero). Measured effect: BENCHMARKS.md, "Rings".
// Where a shared chain ends and the two boundaries part at an angle θ, they
// stay within the tolerance for about tol·cot θ more, which is counted (a few
// centimetres for usual angles; under 1 m in the tests' acute triangulation).
//
// `ContiguityMethod::geos_overlay` computes the same thing with GEOS overlay
// (GEOSSnap_r of A's boundary to B's, then GEOSIntersection_r and its length);
// it is kept as the reference for tests and as the benchmark's baseline.
#include <cstdint>
#include <span>
#include <vector>

#include "core/progress.hpp"
#include "geo/geometry.hpp"

namespace cartes::geo {

enum class Adjacency { rook, queen };
enum class ContiguityMethod { segments, geos_overlay };

struct ContiguityOptions {
  Adjacency mode = Adjacency::rook;
  double min_shared_length = 1.0;  // rook: metres of common boundary
  double snap_tolerance = 0.05;    // metres: boundaries closer than this coincide
  int threads = 2;                 // the pair measurements run on this many threads
  ContiguityMethod method = ContiguityMethod::segments;
};

// An undirected graph in compressed rows: the neighbours of i are
// targets[offsets[i] .. offsets[i+1]), sorted, each with its shared length.
struct ContiguityGraph {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> targets;
  std::vector<float> shared_length;  // metres (queen-only contacts: below min_shared_length)

  std::size_t size() const { return offsets.size() - 1; }
  std::span<const std::uint32_t> neighbours(std::size_t i) const {
    return {targets.data() + offsets[i], targets.data() + offsets[i + 1]};
  }
  std::span<const float> lengths(std::size_t i) const {
    return {shared_length.data() + offsets[i], shared_length.data() + offsets[i + 1]};
  }
  std::size_t degree(std::size_t i) const { return offsets[i + 1] - offsets[i]; }
  std::size_t edge_count() const { return targets.size() / 2; }
  bool adjacent(std::size_t a, std::size_t b) const;
  // Territories without any neighbour (islands such as Ouessant or Sein).
  std::vector<std::size_t> islands() const;

  struct Edge {
    std::uint32_t a = 0, b = 0;
    float length = 0;
  };
  // From undirected edges (each once, a != b) over n nodes.
  static ContiguityGraph from_edges(std::size_t n, std::vector<Edge> edges);
};

struct ContiguityStats {
  std::size_t candidate_pairs = 0;  // envelope pairs from the STRtree
  std::size_t edges = 0;
  double index_seconds = 0;         // STRtree build and queries
  double measure_seconds = 0;       // pair measurements
};

// Null or empty geometries become isolated nodes. Throws GeometryError when
// GEOS fails on a geometry (naming its index).
ContiguityGraph contiguity(std::span<const Geometry* const> geometries, const ContiguityOptions& options = {},
                           Progress* progress = nullptr, ContiguityStats* stats = nullptr);

// Length (metres) of a's boundary lying within `tolerance` of b's boundary,
// by the segment method; exposed for tests.
double shared_boundary_length(const Geometry& a, const Geometry& b, double tolerance);

// Envelope pairs (i < j) whose envelopes, expanded by `tolerance`, intersect:
// the candidates, from a GEOS STRtree.
std::vector<std::pair<std::uint32_t, std::uint32_t>> envelope_pairs(std::span<const Geometry* const> geometries,
                                                                    double tolerance);

}  // namespace cartes::geo
