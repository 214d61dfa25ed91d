#include "store_pg/pg.hpp"

#include <libpq-fe.h>

namespace cartes::store_pg {

namespace {
std::string trimmed_message(const char* m) {
  std::string s = m ? m : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}
}  // namespace

struct PgConnection::Impl {
  PGconn* conn = nullptr;
};

std::string public_conninfo(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (!options) {
    if (error) PQfreemem(error);
    return "PG:(unreadable connection string)";
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    const std::string key = o->keyword;
    if (key == "password" || key == "sslpassword" || key == "passfile" || key == "sslkey") continue;
    out += (out.empty() ? "" : " ") + key + "=" + o->val;
  }
  PQconninfoFree(options);
  return "PG:" + out;
}

PgConnection::PgConnection(const std::string& conninfo) : impl_(std::make_unique<Impl>()) {
  public_name_ = public_conninfo(conninfo);
  impl_->conn = PQconnectdb(conninfo.c_str());
  if (!impl_->conn || PQstatus(impl_->conn) != CONNECTION_OK) {
    // libpq's own message names host, port and user, never the password.
    const std::string why = impl_->conn ? trimmed_message(PQerrorMessage(impl_->conn)) : "out of memory";
    if (impl_->conn) PQfinish(impl_->conn);
    impl_->conn = nullptr;
    throw PgError(ExitCode::input, "cannot connect to " + public_name_ + ": " + why, "");
  }
  // Messages in English whatever the server's locale; UTF-8 both ways.
  PQsetClientEncoding(impl_->conn, "UTF8");
}

PgConnection::~PgConnection() {
  if (impl_ && impl_->conn) PQfinish(impl_->conn);
}

std::string PgConnection::user() const { return PQuser(impl_->conn); }

PgRows PgConnection::exec(const std::string& sql, const PgParams& params, ExitCode code) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PGresult* r = PQexecParams(impl_->conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                             nullptr, nullptr, 0);
  const ExecStatusType status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string why = trimmed_message(r ? PQresultErrorMessage(r) : PQerrorMessage(impl_->conn));
    if (why.empty()) why = trimmed_message(PQerrorMessage(impl_->conn));
    const std::string sqlstate = state ? state : "";
    PQclear(r);
    throw PgError(code, public_name_ + ": " + why, sqlstate);
  }
  PgRows out;
  const int rows = PQntuples(r), columns = PQnfields(r);
  out.rows_.resize(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < columns; ++j)
      out.rows_[static_cast<std::size_t>(i)].push_back(
          PQgetisnull(r, i, j) ? std::nullopt : std::optional<std::string>(PQgetvalue(r, i, j)));
  PQclear(r);
  return out;
}

void PgConnection::exec_script(const std::string& sql, ExitCode code) {
  PGresult* r = PQexec(impl_->conn, sql.c_str());
  const ExecStatusType status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string why = trimmed_message(r ? PQresultErrorMessage(r) : PQerrorMessage(impl_->conn));
    const std::string sqlstate = state ? state : "";
    PQclear(r);
    throw PgError(code, public_name_ + ": " + why, sqlstate);
  }
  PQclear(r);
}

PgTransaction::PgTransaction(PgConnection& c, const char* begin) : c_(c) { c_.exec(begin); }

PgTransaction::~PgTransaction() {
  if (done_) return;
  try {
    c_.exec("ROLLBACK");
  } catch (const Error&) {
    // The connection is gone: the server rolls back on its own.
  }
}

void PgTransaction::commit() {
  c_.exec("COMMIT", {}, ExitCode::output);
  done_ = true;
}

}  // namespace cartes::store_pg
