#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "scratch_dir.hpp"
#include "analysis/adjacency.hpp"
#include "grid_base.hpp"

using namespace cartes;
using namespace cartes::analysis;
namespace fs = std::filesystem;

TEST_CASE("the contiguity graph is cached in memory and in a file keyed by the base file") {
  const auto base = test::grid_base(5);
  const cartes::test::ScratchDir scratch("test-adjacency-cache");
  const fs::path& dir = scratch.path();
  const fs::path base_file = dir / "grid.gpkg";
  std::ofstream(base_file) << "stand-in for the base GeoPackage";

  GraphSource src;
  AdjacencyCache first(base_file);
  const auto g1 = first.graph(base, model::Level::commune, {}, nullptr, &src);
  CHECK_FALSE(src.from_file);
  CHECK(src.file_written);
  CHECK(src.file == dir / "grid.contiguity-commune-rook.bin");
  CHECK(fs::exists(src.file));
  CHECK(g1->edge_count() == 2 * 5 * 4);
  // Same session: memory.
  const auto again = first.graph(base, model::Level::commune, {}, nullptr, &src);
  CHECK(src.from_memory);
  CHECK(again.get() == g1.get());

  // A new session reads the file, and gets the same graph.
  AdjacencyCache second(base_file);
  const auto g2 = second.graph(base, model::Level::commune, {}, nullptr, &src);
  CHECK(src.from_file);
  CHECK(g2->targets == g1->targets);
  CHECK(g2->shared_length == g1->shared_length);

  // Queen is another file.
  geo::ContiguityOptions queen;
  queen.mode = geo::Adjacency::queen;
  CHECK(second.graph(base, model::Level::commune, queen, nullptr, &src)->edge_count() == 2 * 5 * 4 + 2 * 4 * 4);
  CHECK(src.file == dir / "grid.contiguity-commune-queen.bin");

  // The base file changes (size and time): the cache is stale and rewritten.
  std::ofstream(base_file, std::ios::app) << " rebuilt";
  AdjacencyCache third(base_file);
  third.graph(base, model::Level::commune, {}, nullptr, &src);
  CHECK_FALSE(src.from_file);
  CHECK(src.file_written);

  // A corrupt cache file is recomputed, never trusted.
  { std::ofstream(dir / "grid.contiguity-commune-rook.bin", std::ios::trunc) << "CARTADJ1 garbage"; }
  AdjacencyCache fourth(base_file);
  const auto g4 = fourth.graph(base, model::Level::commune, {}, nullptr, &src);
  CHECK_FALSE(src.from_file);
  CHECK(g4->targets == g1->targets);
  // No temporary file left behind.
  for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().string().find(".tmp") == std::string::npos);
}

TEST_CASE("a base built in memory uses the memory cache only, from two threads") {
  const auto base = test::grid_base(4);
  AdjacencyCache cache;
  std::shared_ptr<const geo::ContiguityGraph> a, b;
  std::thread t([&] { a = cache.graph(base, model::Level::epci, {}); });
  b = cache.graph(base, model::Level::epci, {});
  t.join();
  CHECK(a.get() == b.get());
  CHECK(cache.cache_file(model::Level::epci, geo::Adjacency::rook).empty());
}
