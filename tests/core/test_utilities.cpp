#include <catch2/catch.hpp>
#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>

#include "core/csv.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"

using namespace cartes;

TEST_CASE("parallel_for visits every index once and rethrows the first error") {
  std::vector<std::atomic<int>> seen(1000);
  parallel_for(seen.size(), 2, [&](std::size_t i) { seen[i]++; });
  for (auto& s : seen) CHECK(s.load() == 1);
  CHECK_THROWS_WITH(parallel_for(100, 2, [](std::size_t i) {
                      if (i == 37) throw std::runtime_error("index 37");
                    }),
                    "index 37");
  std::set<unsigned> workers;
  std::mutex m;
  parallel_for_worker(50, 3, [&](unsigned w, std::size_t) {
    std::lock_guard lock(m);
    workers.insert(w);
  });
  for (unsigned w : workers) CHECK(w < parallel_workers(50, 3));
  CHECK(parallel_workers(1, 8) == 1);
  CHECK(parallel_workers(0, 8) == 1);
}

TEST_CASE("CSV lines split with quotes, CRLF and BOM") {
  CHECK(csv::split_line("a,b,,c") == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(csv::split_line("\xEF\xBB\xBF" "x;\"y;z\";\"say \"\"hi\"\"\"\r", ';') ==
        std::vector<std::string>{"x", "y;z", "say \"hi\""});
  CHECK(csv::split_list("a|b||c|", '|') == std::vector<std::string>{"a", "b", "c"});
  CHECK(csv::split_list("", '|').empty());
  CHECK(csv::quote("plain") == "plain");
  CHECK(csv::quote("a,\"b\"") == "\"a,\"\"b\"\"\"");
  CHECK(csv::split_line(csv::quote("a,\"b\"")) == std::vector<std::string>{"a,\"b\""});
}

TEST_CASE("CSV records of a whole file keep line breaks inside quotes and their first line") {
  const auto records = csv::read_records("\xEF\xBB\xBF" "id,notes\r\na,\"deux\r\nlignes\"\r\n\r\nb,\"\"\"x\"\"\"\nc,last", ',');
  REQUIRE(records.size() == 4);
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == std::vector<std::string>{"a", "deux\r\nlignes"});
  CHECK(records[2].line == 5);  // the blank line 4 is no record
  CHECK(records[2].fields == std::vector<std::string>{"b", "\"x\""});
  CHECK(records[3].fields == std::vector<std::string>{"c", "last"});
  CHECK_THROWS_WITH(csv::read_records("a,b\nc,\"open\n", ','), "line 2: a quoted field is never closed");
  CHECK(csv::detect_separator("\"a,b\";c\n1,2") == ';');
  CHECK(csv::detect_separator("id,name;x") == ',');
  CHECK(csv::detect_separator("id") == ',');
}

TEST_CASE("French names fold and unknown ids suggest the nearest") {
  CHECK(fold_name("Châteaubriant") == "chateaubriant");
  CHECK(fold_name("Maine Cœur de Sarthe") == "maine coeur de sarthe");
  CHECK(fold_name("Pays d’Ancenis") == "pays d'ancenis");
  CHECK(edit_distance("mobilite", "mobilte") == 1);
  const std::vector<std::string> themes{"mobilite", "sante", "alimentation", "economie"};
  CHECK(nearest("mobilté", themes, 1) == std::vector<std::string>{"mobilite"});
  const UnknownIdError e("theme", "mobilte", themes, "--theme");
  CHECK(e.code() == ExitCode::data);
  CHECK(std::string(e.what()).find("--theme: unknown theme 'mobilte' (did you mean mobilite") == 0);
}
