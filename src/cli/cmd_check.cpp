// `cartes check [CATALOGUE] [--base FILE] [--format]`: validates the alliance
// catalogue (syntax, keys, vocabularies; then codes and names against the
// territory base when it exists) and lists every problem with file:line.
// --format rewrites the file in its canonical form (FORMAT.md key order).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/alliance_context.hpp"
#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "model/catalogue_store.hpp"
#include "model/territory_io.hpp"

namespace cartes::cli {
namespace {

class CheckCommand final : public Command {
 public:
  std::string name() const override { return "check"; }
  std::string description() const override {
    return "Validate the alliance catalogue (every problem at once, with file:line)";
  }
  void configure(CLI::App& app) override {
    app.add_option("catalogue", options_.catalogue, "Catalogue file (default: geodata/alliances/loire-bretagne.toml)");
    options_.add_to(app, false);
    app.add_flag("--format", format_, "Rewrite the file in canonical form (key order of FORMAT.md)");
  }

  int run() override {
    const auto path = options_.catalogue_path();
    const auto vocabulary = model::Vocabulary::load_default();
    if (format_ && model::is_database_location(path.string()))
      throw UsageError("--format rewrites a catalogue file; a database store is always canonical");
    const model::Catalogue catalogue = load_catalogue(options_, vocabulary);
    if (format_) reformat(path, catalogue);

    int members = 0, imaginees = 0;
    for (const auto& a : catalogue.alliances) {
      members += static_cast<int>(a.members.size());
      imaginees += a.status == model::Status::imaginee;
    }
    const int alliances = static_cast<int>(catalogue.alliances.size());
    const std::string summary = path.string() + ": " + count(alliances, "alliance", "alliances") + " (" +
                                std::to_string(alliances - imaginees) + " à l’œuvre, " +
                                count(imaginees, "imaginée", "imaginées") + "), " + count(members, "member", "members");
    const auto base_path = options_.base_path();
    // A base named on the command line must exist: a mistyped --base would
    // otherwise skip every member check and still say OK.
    if (!options_.base.empty() && !std::filesystem::exists(base_path))
      throw InputError("--base: no territory base at " + base_path.string() +
                       " (build one with `cartes build --scope " + options_.scope + " --out " + base_path.string() +
                       "`)");
    if (!std::filesystem::exists(base_path)) {
      std::fprintf(stderr,
                   "cartes: warning: no territory base at %s: member codes and names were not checked "
                   "(build it with `cartes build --scope %s`, or pass --base)\n",
                   base_path.string().c_str(), options_.scope.c_str());
      std::printf("%s: syntax and vocabularies OK\n", summary.c_str());
      return 0;
    }
    const model::TerritoryBase base = load_base(base_path, nullptr);
    model::BaseCheck check = model::check_against_base(catalogue, base);
    for (const auto& note : check.out_of_scope) std::fprintf(stderr, "%s (not an error)\n", note.str().c_str());
    if (!check.errors.empty()) throw model::CatalogueError(std::move(check.errors));
    std::printf("%s: OK against %s", summary.c_str(), base_path.string().c_str());
    if (!check.out_of_scope.empty())
      std::printf(" (%s outside the %s base, in alliances of scope france)",
                  count(static_cast<int>(check.out_of_scope.size()), "member", "members").c_str(), base.scope.c_str());
    std::printf("\n");
    return 0;
  }

 private:
  static void reformat(const std::filesystem::path& path, const model::Catalogue& catalogue) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    // The file's line ending is kept: a CRLF file (most of its lines) stays CRLF throughout.
    const std::string original = ss.str();
    std::size_t lf = 0, crlf = 0;
    for (std::size_t i = 0; i < original.size(); ++i)
      if (original[i] == '\n') (i > 0 && original[i - 1] == '\r' ? crlf : lf)++;
    const bool windows = crlf > lf;
    std::string canonical;
    for (const char ch : model::to_canonical_toml(catalogue)) {  // the kept comment block may hold CRs
      if (ch == '\r') continue;
      if (ch == '\n' && windows) canonical += '\r';
      canonical += ch;
    }
    if (original == canonical) {
      std::printf("%s: already in canonical form\n", path.string().c_str());
      return;
    }
    write_file_atomically(path, canonical);
    std::printf("%s: rewritten in canonical form%s\n", path.string().c_str(),
                windows ? " (CRLF line endings kept)" : crlf ? " (line endings normalised to LF)" : "");
    const int dropped = comment_lines(original) - comment_lines(canonical);
    if (dropped > 0)
      std::fprintf(stderr,
                   "cartes: warning: %d comment lines dropped (only the leading comment block is kept; "
                   "use 'notes' and 'note' for lasting remarks)\n",
                   dropped);
  }

  static std::string count(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  }

  static int comment_lines(const std::string& text) {
    int n = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      const auto first = line.find_first_not_of(" \t");
      n += first != std::string::npos && line[first] == '#';
    }
    return n;
  }

  CatalogueOptions options_;
  bool format_ = false;
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace cartes::cli
