#pragma once
// A scratch folder for one test process. CTest runs the test cases of one
// executable as parallel processes (catch_discover_tests, `ctest -j`), so a
// fixed name under /tmp lets one case delete another's files: the process id
// keeps them apart. Removed when the object goes out of scope.
#include <filesystem>
#include <string>
#include <unistd.h>

namespace cartes::test {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("cartes-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& leaf) const { return path_ / leaf; }

 private:
  std::filesystem::path path_;
};

}  // namespace cartes::test
