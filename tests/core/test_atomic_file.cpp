// The one atomic writer: the previous file survives every failure, links are
// written through, modes kept, stale temporaries of dead processes removed,
// and an output that is one of the inputs is refused by identity.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using cartes::AtomicFile;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}
}  // namespace

TEST_CASE("an atomic write replaces the file and leaves no temporary") {
  cartes::test::ScratchDir dir("atomic");
  const fs::path f = dir / "out.txt";
  spit(f, "old");
  cartes::write_file_atomically(f, "new content");
  CHECK(slurp(f) == "new content");
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("an uncommitted atomic file leaves the previous file and no temporary") {
  cartes::test::ScratchDir dir("atomic-abort");
  const fs::path f = dir / "out.txt";
  spit(f, "old");
  {
    AtomicFile a(f);
    a.write("half of it");
  }
  CHECK(slurp(f) == "old");
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a write that fails (file size limit) is an OutputError and the previous file stays") {
  cartes::test::ScratchDir dir("atomic-full");
  const fs::path f = dir / "out.bin";
  spit(f, "previous");
  // A child process with a 4 KiB file size limit: write() fails with EFBIG,
  // as it would with ENOSPC on a full disk.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    try {
      cartes::write_file_atomically(f, std::string(100000, 'x'));
      ::_exit(0);
    } catch (const cartes::OutputError& e) {
      ::_exit(std::string(e.what()).find(f.string()) != std::string::npos ? 5 : 6);
    } catch (...) {
      ::_exit(7);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 5);
  CHECK(slurp(f) == "previous");
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a symlink is written through and a file keeps its mode") {
  cartes::test::ScratchDir dir("atomic-link");
  const fs::path target = dir / "real.toml";
  const fs::path link = dir / "link.toml";
  spit(target, "old");
  ::chmod(target.c_str(), 0600);
  fs::create_symlink("real.toml", link);
  cartes::write_file_atomically(link, "new");
  CHECK(fs::is_symlink(link));
  CHECK(slurp(target) == "new");
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a folder as target, or a missing folder, is an OutputError") {
  cartes::test::ScratchDir dir("atomic-folder");
  CHECK_THROWS_AS(cartes::write_file_atomically(dir.path(), "x"), cartes::OutputError);
  CHECK_THROWS_AS(cartes::write_file_atomically(dir / "no/such/file", "x"), cartes::OutputError);
}

TEST_CASE("stale temporaries of dead processes are removed, live ones kept") {
  cartes::test::ScratchDir dir("atomic-stale");
  const fs::path f = dir / "base.gpkg";
  // A pid that cannot exist (above pid_max) stands for a process killed with -9.
  spit(dir / ".base.gpkg.999999999.tmp.gpkg", "litter");
  spit(dir / ".base.gpkg.999999999.tmp.gpkg-journal", "litter");
  const std::string live = ".base.gpkg." + std::to_string(::getppid()) + ".tmp.gpkg";
  spit(dir / live, "someone else's work");
  spit(dir / "other.gpkg", "unrelated");
  CHECK(cartes::remove_stale_temporaries(f) == 2);
  CHECK(fs::exists(dir / live));
  CHECK(fs::exists(dir / "other.gpkg"));
  CHECK_FALSE(fs::exists(dir / ".base.gpkg.999999999.tmp.gpkg"));
}

TEST_CASE("an output that is one of the inputs is refused, however it is spelled") {
  cartes::test::ScratchDir dir("atomic-inputs");
  const fs::path in = dir / "catalogue.toml";
  spit(in, "format = 1\n");
  fs::create_symlink(in, dir / "alias.toml");
  fs::create_hard_link(in, dir / "hard.toml");
  for (const fs::path& out : {dir / "./catalogue.toml", dir / "alias.toml", dir / "hard.toml"})
    CHECK_THROWS_AS(cartes::refuse_overwriting_inputs(out, {dir / "x.gpkg", in}, "--out"), cartes::UsageError);
  CHECK_NOTHROW(cartes::refuse_overwriting_inputs(dir / "new.gpkg", {in}, "--out"));
  spit(dir / "other.gpkg", "");
  CHECK_NOTHROW(cartes::refuse_overwriting_inputs(dir / "other.gpkg", {in}, "--out"));
}
