#include "store_pg/pg_catalogue_store.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "store_pg/migrations.hpp"
#include "model/catalogue.hpp"

namespace cartes::store_pg {

using nlohmann::json;
using namespace cartes::model;

namespace {

// One snapshot of the whole catalogue as JSON (arrays and nulls unambiguous).
constexpr const char* load_sql = R"(
SELECT json_build_object(
  'format', c.format, 'header', c.header, 'revision', c.revision,
  'alliances', coalesce((SELECT json_agg(json_build_object(
      'id', a.id, 'name', a.name, 'status', a.status, 'themes', a.themes, 'finalites', a.finalites,
      'portage_kind', a.portage_kind, 'portage_structure', a.portage_structure, 'portage_lead', a.portage_lead,
      'temporalite', a.temporalite, 'intensite', a.intensite, 'tendance', a.tendance, 'since', a.since,
      'scope', a.scope, 'confidence', a.confidence, 'confidence_note', a.confidence_note,
      'sources', a.sources, 'notes', a.notes, 'workshop', a.workshop, 'position', a.position,
      'members', coalesce((SELECT json_agg(json_build_object('level', m.level, 'code', m.code, 'name', m.name,
                                   'confidence', m.confidence, 'note', m.note) ORDER BY m.position)
                           FROM cartes.members m WHERE m.alliance_id = a.id), '[]'),
      'partners', coalesce((SELECT json_agg(json_build_object('name', p.name, 'kind', p.kind) ORDER BY p.position)
                            FROM cartes.partners p WHERE p.alliance_id = a.id), '[]'))
    ORDER BY a.position) FROM cartes.alliances a), '[]'))::text
FROM cartes.catalogue c)";

std::string token(const std::string& revision) { return "rev:" + revision; }

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  for (const auto& v : j) out.push_back(v.get<std::string>());
  return out;
}

template <FamilyEnumType E>
E enum_value(const json& j, const char* key, std::vector<std::string>& problems, const std::string& id) {
  const std::string v = j.at(key).get<std::string>();
  if (auto e = parse_value<E>(v)) return *e;
  problems.push_back("alliance '" + id + "': unknown " + key + " value '" + v + "' in the database");
  return E{};
}

Alliance alliance_of(const json& j, std::vector<std::string>& problems) {
  Alliance a;
  a.id = j.at("id").get<std::string>();
  a.name = j.at("name").get<std::string>();
  a.status = enum_value<Status>(j, "status", problems, a.id);
  a.themes = strings(j.at("themes"));
  a.finalites = strings(j.at("finalites"));
  a.portage.kind = j.at("portage_kind").get<std::string>();
  a.portage.structure = j.at("portage_structure").get<std::string>();
  a.portage.lead = j.at("portage_lead").get<std::string>();
  a.temporalite = enum_value<Horizon>(j, "temporalite", problems, a.id);
  a.intensite = enum_value<Intensity>(j, "intensite", problems, a.id);
  a.tendance = enum_value<Trend>(j, "tendance", problems, a.id);
  if (!j.at("since").is_null()) a.since = j.at("since").get<int>();
  a.scope = j.at("scope").get<std::string>();
  a.confidence = enum_value<Confidence>(j, "confidence", problems, a.id);
  a.confidence_note = j.at("confidence_note").get<std::string>();
  a.sources = strings(j.at("sources"));
  a.notes = j.at("notes").get<std::string>();
  for (const json& m : j.at("members")) {
    Member member;
    if (auto level = parse_level(m.at("level").get<std::string>())) member.level = *level;
    member.code = m.at("code").get<std::string>();
    member.name = m.at("name").get<std::string>();
    member.note = m.at("note").get<std::string>();
    member.confidence = a.confidence;
    if (!m.at("confidence").is_null()) {
      member.confidence_explicit = true;
      if (auto c = parse_value<Confidence>(m.at("confidence").get<std::string>())) member.confidence = *c;
    }
    a.members.push_back(std::move(member));
  }
  for (const json& p : j.at("partners")) a.partners.push_back({p.at("name").get<std::string>(), p.at("kind").get<std::string>()});
  if (const json& w = j.at("workshop"); !w.is_null()) {
    Workshop workshop;
    workshop.table = w.at("table").get<int>();
    workshop.session = w.value("session", "");
    for (const json& family : w.at("gommettes")) {
      std::vector<std::pair<std::string, int>> counts;
      for (const json& c : family.at(1)) counts.emplace_back(c.at(0).get<std::string>(), c.at(1).get<int>());
      workshop.gommettes.emplace_back(family.at(0).get<std::string>(), std::move(counts));
    }
    a.workshop = std::move(workshop);
  }
  return a;
}

std::optional<std::string> workshop_json(const Alliance& a) {
  if (!a.workshop) return std::nullopt;
  json gommettes = json::array();
  for (const auto& [family, counts] : a.workshop->gommettes) {
    json c = json::array();
    for (const auto& [id, n] : counts) c.push_back({id, n});
    gommettes.push_back({family, c});
  }
  return json{{"table", a.workshop->table}, {"session", a.workshop->session}, {"gommettes", gommettes}}.dump();
}

// A text[] literal from strings, for a $n parameter: {"a","b"} with quotes
// and backslashes escaped.
std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i ? ",\"" : "\"";
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

struct Snapshot {
  Catalogue catalogue;
  std::string revision;
  std::vector<std::string> problems;
};

Snapshot read_snapshot(PgConnection& c, const std::string& where) {
  const PgRows rows = c.exec(load_sql);
  Snapshot s;
  const json j = json::parse(rows.text(0, 0));
  s.revision = std::to_string(j.at("revision").get<long long>());
  s.catalogue.source_name = where;
  s.catalogue.format = j.at("format").get<int>();
  s.catalogue.header = j.at("header").get<std::string>();
  for (const json& a : j.at("alliances")) s.catalogue.alliances.push_back(alliance_of(a, s.problems));
  return s;
}

void write_alliance(PgConnection& c, const Alliance& a, int position) {
  const auto opt = [](const std::string& s) { return std::optional<std::string>(s); };
  c.exec(R"(INSERT INTO cartes.alliances (id, position, name, status, themes, finalites, portage_kind, portage_structure,
              portage_lead, temporalite, intensite, tendance, since, scope, confidence, confidence_note, sources, notes, workshop,
              canonical)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb, $20)
            ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name, status = EXCLUDED.status,
              themes = EXCLUDED.themes, finalites = EXCLUDED.finalites, portage_kind = EXCLUDED.portage_kind,
              portage_structure = EXCLUDED.portage_structure, portage_lead = EXCLUDED.portage_lead,
              temporalite = EXCLUDED.temporalite, intensite = EXCLUDED.intensite, tendance = EXCLUDED.tendance,
              since = EXCLUDED.since, scope = EXCLUDED.scope, confidence = EXCLUDED.confidence,
              confidence_note = EXCLUDED.confidence_note, sources = EXCLUDED.sources, notes = EXCLUDED.notes,
              workshop = EXCLUDED.workshop, canonical = EXCLUDED.canonical, version = cartes.alliances.version + 1,
              updated_by = current_user, updated_at = now())",
         {opt(a.id), opt(std::to_string(position)), opt(a.name), opt(std::string(to_string(a.status))),
          opt(text_array(a.themes)), opt(text_array(a.finalites)), opt(a.portage.kind), opt(a.portage.structure),
          opt(a.portage.lead), opt(std::string(to_string(a.temporalite))), opt(std::string(to_string(a.intensite))),
          opt(std::string(to_string(a.tendance))), a.since ? opt(std::to_string(*a.since)) : std::nullopt, opt(a.scope),
          opt(std::string(to_string(a.confidence))), opt(a.confidence_note), opt(text_array(a.sources)), opt(a.notes),
          workshop_json(a), opt(to_canonical_toml(a))},
         ExitCode::output);
  c.exec("DELETE FROM cartes.members WHERE alliance_id = $1", {a.id}, ExitCode::output);
  c.exec("DELETE FROM cartes.partners WHERE alliance_id = $1", {a.id}, ExitCode::output);
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const Member& m = a.members[i];
    c.exec("INSERT INTO cartes.members (alliance_id, position, level, code, name, confidence, note) "
           "VALUES ($1, $2, $3, $4, $5, $6, $7)",
           {a.id, std::to_string(i), std::string(level_name(m.level)), m.code, m.name,
            m.confidence_explicit ? std::optional<std::string>(std::string(to_string(m.confidence))) : std::nullopt,
            m.note},
           ExitCode::output);
  }
  for (std::size_t i = 0; i < a.partners.size(); ++i)
    c.exec("INSERT INTO cartes.partners (alliance_id, position, name, kind) VALUES ($1, $2, $3, $4)",
           {a.id, std::to_string(i), a.partners[i].name, a.partners[i].kind}, ExitCode::output);
}

}  // namespace

PgCatalogueStore::PgCatalogueStore(const std::string& conninfo)
    : connection_(std::make_unique<PgConnection>(conninfo)) {
  require_current_schema(*connection_);
}

LoadedCatalogue PgCatalogueStore::load(const Vocabulary& vocabulary) const {
  Snapshot s = read_snapshot(*connection_, describe());
  if (!s.problems.empty()) {
    std::vector<CatalogueIssue> issues;
    for (auto& p : s.problems) issues.push_back({describe(), 0, std::move(p)});
    throw CatalogueError(std::move(issues));
  }
  // Checked with the file's rules: the canonical text parsed (messages name
  // the alliance; their line is that of `cartes db pull`'s output).
  Catalogue checked = parse_catalogue(to_canonical_toml(s.catalogue), describe(), vocabulary);
  return {std::move(checked), {token(s.revision)}};
}

CatalogueVersion PgCatalogueStore::current_version() const {
  return {token(connection_->exec("SELECT revision FROM cartes.catalogue").text(0, 0))};
}

namespace {
// A save cut short (connection killed, server stopped) rolled back whole.
template <typename F>
CatalogueVersion saving(F&& f) {
  try {
    return f();
  } catch (const PgError& e) {
    throw PgError(e.code(), std::string(e.what()) + " (the save is one transaction: nothing of it was kept)",
                  e.sqlstate());
  }
}
}  // namespace

CatalogueVersion PgCatalogueStore::save(const Catalogue& catalogue) {
  return saving([&] { return write(catalogue, nullptr); });
}

CatalogueVersion PgCatalogueStore::save_if_unchanged(const Catalogue& catalogue, const CatalogueVersion& expected) {
  return saving([&] { return write(catalogue, &expected); });
}

CatalogueVersion PgCatalogueStore::write(const Catalogue& catalogue, const CatalogueVersion* expected) {
  PgConnection& c = *connection_;
  PgTransaction t(c);
  // One saver at a time: the catalogue row is the lock.
  const std::string revision = c.exec("SELECT revision FROM cartes.catalogue FOR UPDATE", {}, ExitCode::output).text(0, 0);
  const std::string base_revision =
      expected && expected->token.rfind("rev:", 0) == 0 ? expected->token.substr(4) : revision;
  if (expected && expected->token.rfind("rev:", 0) != 0)
    throw CatalogueConflict(describe() + ": the version given is not one of this store's");
  // Per alliance, three states: as the saver read it (at base_revision), as
  // it is now (others may have saved since), and as the saver wants it. An
  // alliance only the saver changed is written; one only others changed is
  // kept as they left it; one both changed differently is a conflict.
  const Snapshot now = read_snapshot(c, describe());
  std::map<std::string, std::pair<std::size_t, std::string>> stored;  // id -> position, canonical text
  for (std::size_t i = 0; i < now.catalogue.alliances.size(); ++i)
    stored[now.catalogue.alliances[i].id] = {i, to_canonical_toml(now.catalogue.alliances[i])};
  const bool others_saved = revision != base_revision;
  // The first change after base_revision tells what an alliance was then
  // (its `before`; no row: as it is now).
  auto as_read = [&](const std::string& id) -> std::optional<std::string> {
    if (others_saved) {
      const PgRows r = c.exec("SELECT operation, before->>'canonical' FROM cartes.history "
                              "WHERE alliance_id = $1 AND revision > $2::bigint ORDER BY id LIMIT 1",
                              {id, base_revision});
      if (!r.empty()) return r.text(0, 0) == "insert" ? std::nullopt : r.at(0, 1);
    }
    auto it = stored.find(id);
    return it == stored.end() ? std::nullopt : std::optional<std::string>(it->second.second);
  };
  std::vector<std::string> conflicts, conflicting_ids;
  auto conflict = [&](const std::string& id) {
    conflicting_ids.push_back(id);
    const PgRows r = c.exec("SELECT operation, changed_by, to_char(changed_at, 'YYYY-MM-DD HH24:MI:SS') "
                            "FROM cartes.history WHERE alliance_id = $1 ORDER BY id DESC LIMIT 1", {id});
    conflicts.push_back(r.empty() ? id : id + " (" + r.text(0, 0) + " by " + r.text(0, 1) + " at " + r.text(0, 2) + ")");
  };
  std::map<std::string, bool> mine;
  for (std::size_t i = 0; i < catalogue.alliances.size(); ++i) {
    const Alliance& a = catalogue.alliances[i];
    mine[a.id] = true;
    const std::string text = to_canonical_toml(a);
    auto it = stored.find(a.id);
    const std::optional<std::string> theirs =
        it == stored.end() ? std::nullopt : std::optional<std::string>(it->second.second);
    if (theirs == text) {
      if (it->second.first != i && !others_saved)
        c.exec("UPDATE cartes.alliances SET position = $2 WHERE id = $1", {a.id, std::to_string(i)}, ExitCode::output);
      continue;
    }
    const std::optional<std::string> read = as_read(a.id);
    if (expected && read == text) continue;  // untouched by the saver: theirs stands
    if (expected && read != theirs) {        // changed on both sides
      conflict(a.id);
      continue;
    }
    write_alliance(c, a, static_cast<int>(i));
  }
  for (const auto& [id, where] : stored) {
    if (mine.count(id)) continue;
    if (expected && others_saved) {
      const std::optional<std::string> read = as_read(id);
      if (!read) continue;                   // added by others since: theirs stands
      if (read != where.second) {            // removed here, changed there
        conflict(id);
        continue;
      }
    }
    c.exec("DELETE FROM cartes.alliances WHERE id = $1", {id}, ExitCode::output);
  }
  if (!conflicts.empty()) {
    throw CatalogueConflict(describe() + ": changed by someone else since it was loaded: " + join(conflicts, "; ") +
                            ": nothing was saved; reload and re-apply your edits to " +
                            (conflicts.size() == 1 ? "it" : "them"),
                            conflicting_ids);
  }
  c.exec("UPDATE cartes.catalogue SET revision = revision + "
         "CASE WHEN header IS DISTINCT FROM $2 OR format <> $1::integer THEN 1 ELSE 0 END, format = $1::integer, header = $2",
         {std::to_string(catalogue.format), catalogue.header}, ExitCode::output);
  const std::string after = c.exec("SELECT revision FROM cartes.catalogue", {}, ExitCode::output).text(0, 0);
  t.commit();
  return {token(after)};
}

void register_catalogue_store() {
  model::set_database_store_factory([](const std::string& location) -> std::unique_ptr<model::CatalogueStore> {
    return std::make_unique<PgCatalogueStore>(location.substr(3));  // after "PG:"
  });
}

}  // namespace cartes::store_pg
