#pragma once
// PostgreSQL behind one boundary: the only file including libpq (as src/geo is
// for GDAL/GEOS/PROJ). A connection, parameterised queries (never a value
// spliced into SQL), transactions, and errors that name the server by its
// public part: a password never appears in a message.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace cartes::store_pg {

// A failed query or connection; `sqlstate` is PostgreSQL's code ("42501":
// insufficient privilege, "40001": serialization failure), empty when the
// connection itself failed.
class PgError : public Error {
 public:
  PgError(ExitCode code, std::string message, std::string sqlstate)
      : Error(code, std::move(message)), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

// Rows of text values (null as nullopt).
class PgRows {
 public:
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const std::optional<std::string>& at(std::size_t row, std::size_t column) const { return rows_.at(row).at(column); }
  std::string text(std::size_t row, std::size_t column) const { return at(row, column).value_or(""); }
  std::vector<std::vector<std::optional<std::string>>> rows_;
};

using PgParams = std::vector<std::optional<std::string>>;

class PgConnection {
 public:
  // `conninfo`: a libpq connection string ("host=… dbname=…", "service=…",
  // a postgresql:// URI). InputError-coded PgError (exit 3) when the server
  // cannot be reached or refuses the login.
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // One statement, its values as $1, $2...; PgError with `code` on failure.
  PgRows exec(const std::string& sql, const PgParams& params = {}, ExitCode code = ExitCode::input);
  // Several statements without values (a migration file), in one call.
  void exec_script(const std::string& sql, ExitCode code = ExitCode::data);

  const std::string& describe() const { return public_name_; }
  std::string user() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string public_name_;
};

// "PG:host=… port=… dbname=…": the connection string without its password
// (and any other secret key), for messages.
std::string public_conninfo(const std::string& conninfo);

// A transaction that rolls back unless committed (a dropped connection or an
// error mid-save leaves the data as they were).
class PgTransaction {
 public:
  explicit PgTransaction(PgConnection& c, const char* begin = "BEGIN");
  ~PgTransaction();
  void commit();

 private:
  PgConnection& c_;
  bool done_ = false;
};

}  // namespace cartes::store_pg
