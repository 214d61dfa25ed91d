#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/error.hpp"

namespace cartes {
namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

// The file a path finally names: symlinks resolved, so that a write goes
// through a link to its target instead of replacing the link.
fs::path resolve_target(const fs::path& p) {
  std::error_code ec;
  fs::path out = p;
  for (int hops = 0; hops < 40 && fs::is_symlink(out, ec); ++hops) {
    fs::path next = fs::read_symlink(out, ec);
    if (ec) break;
    out = next.is_absolute() ? next : out.parent_path() / next;
  }
  return out.lexically_normal();
}

std::string temp_prefix(const fs::path& target) { return "." + target.filename().string() + "."; }

bool process_alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

void sync_folder(const fs::path& folder) {
  const int dfd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd < 0) return;  // best effort: the rename itself has succeeded
  ::fsync(dfd);
  ::close(dfd);
}

}  // namespace

AtomicFile::AtomicFile(fs::path target, std::string suffix) : requested_(std::move(target)) {
  target_ = resolve_target(requested_);
  std::error_code ec;
  if (fs::is_directory(target_, ec)) throw OutputError("cannot write " + requested_.string() + ": it is a folder");
  const fs::path folder = target_.parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec))
    throw OutputError("cannot write " + requested_.string() + ": folder " + folder.string() + " does not exist");
  remove_stale_temporaries(target_);
  temp_ = folder / (temp_prefix(target_) + std::to_string(::getpid()) + ".tmp" + suffix);
  fs::remove(temp_, ec);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) {
    std::error_code ec;
    for (const char* extra : {"", "-journal", "-wal", "-shm"}) fs::remove(fs::path(temp_.string() + extra), ec);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) {
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) throw OutputError("cannot write " + requested_.string() + ": " + errno_text());
  }
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw OutputError("cannot write " + requested_.string() + ": " + (n < 0 ? errno_text() : "short write") +
                        " (the previous file is kept)");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit() {
  const std::string fail = "cannot write " + requested_.string() + ": ";
  if (fd_ < 0) {
    // Written by someone else through temp_path() (GDAL), or empty.
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0) throw OutputError(fail + errno_text());
  }
  if (::fsync(fd_) != 0) throw OutputError(fail + errno_text() + " (the previous file is kept)");
  // Keep the permission bits of the file being replaced (a 0600 catalogue stays 0600).
  struct stat st {};
  if (::stat(target_.c_str(), &st) == 0) {
    if (::fchmod(fd_, st.st_mode & 07777) != 0) throw OutputError(fail + errno_text());
  }
  const int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) throw OutputError(fail + errno_text() + " (the previous file is kept)");
  if (::rename(temp_.c_str(), target_.c_str()) != 0) throw OutputError(fail + errno_text());
  committed_ = true;
  sync_folder(target_.parent_path());
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
  AtomicFile file(target);
  file.write(bytes);
  file.commit();
}

void refuse_overwriting_inputs(const fs::path& output, const std::vector<fs::path>& inputs, std::string_view what) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0) return;  // a new file cannot be an input
  for (const fs::path& in : inputs) {
    struct stat st {};
    if (in.empty() || ::stat(in.c_str(), &st) != 0) continue;
    if (st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      throw UsageError(std::string(what) + " " + output.string() + " is one of the inputs (" + in.string() +
                       "): choose another file; nothing was written");
  }
}

int remove_stale_temporaries(const fs::path& target) {
  const fs::path resolved = resolve_target(target);
  const fs::path folder = resolved.parent_path().empty() ? fs::path(".") : resolved.parent_path();
  const std::string prefix = temp_prefix(resolved);
  int removed = 0;
  std::error_code ec;
  fs::directory_iterator it(folder, ec), end;
  if (ec) return 0;
  std::vector<fs::path> stale;
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string rest = name.substr(prefix.size());  // "PID.tmp..."
    const auto dot = rest.find(".tmp");
    if (dot == std::string::npos || dot == 0) continue;
    char* stop = nullptr;
    const long pid = std::strtol(rest.substr(0, dot).c_str(), &stop, 10);
    if (!stop || *stop != '\0' || pid == ::getpid() || process_alive(pid)) continue;
    stale.push_back(it->path());
  }
  for (const auto& p : stale)
    if (fs::remove(p, ec)) ++removed;
  return removed;
}

}  // namespace cartes
