#include "sources/rekeying.hpp"

#include "core/error.hpp"
#include "geo/vector_reader.hpp"
#include "sources/layout.hpp"

namespace cartes::sources {
namespace fs = std::filesystem;

CommuneRekeying::CommuneRekeying(const Cog& cog, const fs::path& mergers_csv)
    : mergers_file_(mergers_csv), former_(cog.former) {
  for (const auto& [code, c] : cog.communes) {
    if (c.type == "commune-actuelle") current_.insert(code);
    else if (!c.chef_lieu.empty()) chef_lieu_.emplace(code, c.chef_lieu);
  }
  geo::ReadOptions o;
  o.read_geometry = false;
  for (const auto& row : geo::read_features(mergers_csv, o)) {
    const std::string where = mergers_csv.string() + ": line " + std::to_string(row.fid + 1);
    const std::string before = row.text("code_before"), after = row.text("code_after");
    if (before.empty() || after.empty() || row.text("source_url").empty())
      throw DataError(where + ": code_before, code_after and source_url are required");
    mergers_[before] = {after, where};
  }
}

Rekeyed CommuneRekeying::rekey(const std::string& code) const {
  if (is_current(code)) return {code, "identical"};
  if (auto it = chef_lieu_.find(code); it != chef_lieu_.end() && is_current(it->second))
    return {it->second, "chefLieu"};
  if (auto it = mergers_.find(code); it != mergers_.end()) {
    // Checked when used: the table covers all of France, a scope's COG may not.
    if (!is_current(it->second.first))
      throw DataError(it->second.second + ": " + it->second.first + " is not a current commune of COG 2025");
    return {it->second.first, "merger table"};
  }
  return {};
}

std::string CommuneRekeying::why_unknown(const std::string& code) const {
  std::string msg = "commune code " + code +
                    " is neither a current commune of COG 2025, nor a delegated or associated one, nor in " +
                    mergers_file_.string();
  if (auto it = former_.find(code); it != former_.end())
    msg += " (COG 2025 lists it among the former codes of " + it->second + ": add that merger to the table)";
  return msg;
}

CommuneRekeying load_commune_rekeying(const fs::path& root, const fs::path& project_data) {
  return CommuneRekeying(read_cog_communes(cog_dir(root)), commune_mergers(project_data));
}

}  // namespace cartes::sources
