#include "model/catalogue_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"

namespace cartes::model {
namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_bytes(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  if (fs::is_directory(file, ec)) throw InputError(file.string() + ": is a folder, not a catalogue file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw InputError("cannot read " + file.string());
  return s.str();
}

// Serialises the check-then-rename of save_if_unchanged between Cartes
// processes (an advisory lock on a companion file; the catalogue itself is
// replaced by rename, so locking it would lock the old inode).
class SaveLock {
 public:
  explicit SaveLock(const fs::path& file) {
    const fs::path lock = file.parent_path() / ("." + file.filename().string() + ".lock");
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~SaveLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  SaveLock(const SaveLock&) = delete;
  SaveLock& operator=(const SaveLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace

CatalogueVersion version_of_text(std::string_view bytes) {
  // FNV-1a 64 and the size: a change detector, not a security measure.
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%zu-%016llx", bytes.size(), static_cast<unsigned long long>(h));
  return {buf};
}

TomlCatalogueStore::TomlCatalogueStore(fs::path file) : file_(std::move(file)) {}

LoadedCatalogue TomlCatalogueStore::load(const Vocabulary& vocabulary) const {
  const auto bytes = read_bytes(file_);
  if (!bytes) throw InputError(file_.string() + ": no such catalogue file");
  LoadedCatalogue out;
  out.catalogue = parse_catalogue(*bytes, file_.string(), vocabulary);
  out.version = version_of_text(*bytes);
  return out;
}

CatalogueVersion TomlCatalogueStore::current_version() const {
  const auto bytes = read_bytes(file_);
  return bytes ? version_of_text(*bytes) : CatalogueVersion{};
}

CatalogueVersion TomlCatalogueStore::save(const Catalogue& catalogue) {
  const std::string text = to_canonical_toml(catalogue);
  SaveLock lock(file_);
  write_file_atomically(file_, text);
  return version_of_text(text);
}

CatalogueVersion TomlCatalogueStore::save_if_unchanged(const Catalogue& catalogue, const CatalogueVersion& expected) {
  const std::string text = to_canonical_toml(catalogue);
  SaveLock lock(file_);
  const CatalogueVersion now = current_version();
  if (!(now == expected))
    throw CatalogueConflict(file_.string() + " changed on disk since it was loaded (another editor, a git pull?): "
                            "nothing was saved; reload it and re-apply your edits, or save under another name");
  write_file_atomically(file_, text);
  return version_of_text(text);
}

bool is_database_location(std::string_view location) { return location.rfind("PG:", 0) == 0; }

namespace {
DatabaseStoreFactory& database_factory() {
  static DatabaseStoreFactory factory;
  return factory;
}
}  // namespace

void set_database_store_factory(DatabaseStoreFactory factory) { database_factory() = std::move(factory); }

std::unique_ptr<CatalogueStore> open_catalogue_store(const std::string& location) {
  if (location.empty()) throw UsageError("no catalogue given");
  if (is_database_location(location)) {
    if (database_factory()) return database_factory()(location);
    throw UsageError("catalogue " + location.substr(0, 3) +
                     "…: this build of Cartes has no PostgreSQL store (a catalogue file is expected)");
  }
  return std::make_unique<TomlCatalogueStore>(location);
}

}  // namespace cartes::model
