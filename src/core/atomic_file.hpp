#pragma once
// The one way Cartes writes a file: into a temporary beside the target, every
// write checked, flushed and fsynced, then renamed over the target. On any
// failure the target keeps its previous content and the temporary is removed
// (OutputError naming the target: exit 5).
//
// - A symlink target is written through: the link stays, its target changes.
// - An existing target keeps its permission bits.
// - Temporaries are named ".NAME.PID.tmp<suffix>"; a new AtomicFile removes
//   those left beside its target by processes that no longer exist (kill -9),
//   with their SQLite journals.
// - refuse_overwriting_inputs() compares by file identity (device and inode,
//   symlinks resolved), so an output that is one of the inputs is refused
//   before anything is written, however it is spelled.
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cartes {

class AtomicFile {
 public:
  // `suffix` ends the temporary's name, for writers that choose a format by
  // extension (GDAL: ".gpkg"). Creates nothing yet.
  explicit AtomicFile(std::filesystem::path target, std::string suffix = "");
  ~AtomicFile();  // not committed: the temporary is removed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // The resolved target (symlinks followed) and the temporary's path, for
  // writers that need a path of their own (GDAL). They write the temporary;
  // commit() then syncs and renames it.
  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temp_path() const { return temp_; }

  // Appends bytes to the temporary (opened on first use); OutputError on a
  // short write.
  void write(std::string_view bytes);
  // Flush, fsync, close, keep the mode, rename over the target, fsync the
  // folder. OutputError (and nothing changed) on failure.
  void commit();

 private:
  std::filesystem::path requested_;
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  bool committed_ = false;
};

// Writes `bytes` to `target` through an AtomicFile.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// UsageError (exit 2) when `output` is the same file as one of `inputs`
// (device and inode; inputs that do not exist are skipped). `what` names the
// option, e.g. "--out".
void refuse_overwriting_inputs(const std::filesystem::path& output, const std::vector<std::filesystem::path>& inputs,
                               std::string_view what = "output");

// Removes ".NAME.PID.tmp*" files beside `target` whose process is gone, and
// their "-journal", "-wal", "-shm" companions. Returns how many were removed.
int remove_stale_temporaries(const std::filesystem::path& target);

}  // namespace cartes
