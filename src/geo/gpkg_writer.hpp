#pragma once
// Writing a GeoPackage atomically: everything goes to a temporary file beside
// the target, renamed over it only by commit(). A writer destroyed without
// commit() (an exception on the way) removes the temporary file, so a failed
// run never leaves a partial GeoPackage.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "geo/vector_reader.hpp"

namespace cartes::geo {

enum class FieldType { integer, real, text };

struct FieldDef {
  std::string name;
  FieldType type = FieldType::text;
};

enum class GeometryKind { none, multipolygon, multilinestring, point };

struct LayerDef {
  std::string name;
  GeometryKind geometry = GeometryKind::multipolygon;
  int epsg = 2154;
  std::vector<FieldDef> fields;
  std::string description;
};

// A QGIS style stored in the `layer_styles` table, so QGIS opens the layer
// already styled (QML is QGIS's own style document).
struct LayerStyle {
  std::string layer;
  std::string name;
  std::string qml;
  std::string sld;  // optional
  std::string description;
  bool use_as_default = true;
};

class GpkgWriter {
 public:
  class Layer {
   public:
    virtual ~Layer() = default;
    // Values in the order of LayerDef::fields; geometry may be null for
    // GeometryKind::none layers.
    virtual void write(const std::vector<FieldValue>& values, const Geometry* geometry) = 0;
  };

  // Throws OutputError naming the path when its folder is missing or unwritable.
  explicit GpkgWriter(std::filesystem::path final_path);
  ~GpkgWriter();
  GpkgWriter(const GpkgWriter&) = delete;
  GpkgWriter& operator=(const GpkgWriter&) = delete;

  Layer& add_layer(const LayerDef& def);
  void add_style(const LayerStyle& style);
  // Closes the dataset and renames the temporary file over the target.
  void commit();

  const std::filesystem::path& path() const { return final_path_; }

 private:
  struct Impl;
  std::filesystem::path final_path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cartes::geo
