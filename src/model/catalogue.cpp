#include "model/catalogue.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>
#include <unistd.h>

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "sources/scopes.hpp"

namespace cartes::model {

std::string CatalogueIssue::str() const {
  return line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

namespace {
std::string join_issues(const std::vector<CatalogueIssue>& issues) {
  std::string out = issues.size() == 1 ? "1 problem in the catalogue:"
                                       : std::to_string(issues.size()) + " problems in the catalogue:";
  for (const auto& i : issues) out += "\n  " + i.str();
  return out;
}
}  // namespace

CatalogueError::CatalogueError(std::vector<CatalogueIssue> issues)
    : DataError(join_issues(issues)), issues_(std::move(issues)) {}

const Alliance* Catalogue::find(std::string_view id) const {
  for (const auto& a : alliances)
    if (a.id == id) return &a;
  return nullptr;
}

// ---------------------------------------------------------------------------
// Parsing: every problem is collected; nothing stops at the first one.
namespace {

const char* type_name(toml::node_type t) {
  switch (t) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

constexpr std::string_view root_keys[] = {"format", "alliance"};
constexpr std::string_view alliance_keys[] = {
    "id",    "name",       "status",          "themes",  "finalites", "temporalite", "intensite", "tendance",
    "since", "scope",      "confidence",      "confidence_note", "sources", "notes",  "portage",   "members",
    "partners", "workshop"};
constexpr std::string_view portage_keys[] = {"kind", "structure", "lead"};
constexpr std::string_view member_keys[] = {"level", "code", "name", "confidence", "note"};
constexpr std::string_view partner_keys[] = {"name", "kind"};
constexpr std::string_view workshop_keys[] = {"table", "session", "gommettes"};

class Parser {
 public:
  Parser(std::string source, const Vocabulary& vocabulary) : source_(std::move(source)), vocab_(vocabulary) {}

  std::vector<CatalogueIssue> issues;

  void error(int line, std::string message) { issues.push_back({source_, line, std::move(message)}); }

  template <std::size_t N>
  void check_keys(const toml::table& t, const std::string_view (&allowed)[N], const std::string& what) {
    for (const auto& [key, node] : t) {
      if (std::find(std::begin(allowed), std::end(allowed), key.str()) != std::end(allowed)) continue;
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error(line_of(node), what + "unknown key '" + std::string(key.str()) + "' (allowed: " + list + ")");
    }
  }

  // A string value; nullopt (and an error when required) when absent or not a string.
  std::optional<std::string> text(const toml::table& t, std::string_view key, bool required, int line,
                                  const std::string& what) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) error(line, what + "missing required key '" + std::string(key) + "'");
      return std::nullopt;
    }
    if (const auto* s = n->as_string()) {
      // A control character (a NUL cuts the name in list and export) is refused;
      // free text (notes) may hold line breaks and tabs.
      const bool free_text = key == "notes" || key == "note" || key == "confidence_note";
      for (unsigned char ch : s->get())
        if ((ch < 0x20 && ch != '\t' && !(free_text && (ch == '\n' || ch == '\r'))) || ch == 0x7f) {
          char code[8];
          std::snprintf(code, sizeof code, "U+%04X", ch);
          error(line_of(*n), what + "'" + std::string(key) + "' holds the control character " + code +
                                 " (not allowed in " + (free_text ? "notes" : "names, ids and codes") + ")");
          return std::nullopt;
        }
      return s->get();
    }
    error(line_of(*n), what + "'" + std::string(key) + "' must be a string, not " + type_name(n->type()));
    return std::nullopt;
  }

  // A required non-empty string.
  std::string required_text(const toml::table& t, std::string_view key, int line, const std::string& what) {
    auto v = text(t, key, true, line, what);
    if (v && v->empty()) error(line_of(*t.get(key)), what + "'" + std::string(key) + "' is empty");
    return v.value_or("");
  }

  // A value of a vocabulary family, checked.
  std::optional<std::string> word(const toml::table& t, std::string_view key, std::string_view family, bool required,
                                  int line, const std::string& what) {
    auto v = text(t, key, required, line, what);
    if (v && !vocab_.contains(family, *v)) {
      error(line_of(*t.get(key)), what + "unknown " + std::string(family) + " value '" + *v +
                                      "' (allowed: " + vocab_.allowed(family) + ")");
      return std::nullopt;
    }
    return v;
  }

  // One or more values of a vocabulary family.
  std::vector<std::string> words(const toml::table& t, std::string_view key, std::string_view family, int line,
                                 const std::string& what) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) {
      error(line, what + "missing required key '" + std::string(key) + "'");
      return out;
    }
    const toml::array* arr = n->as_array();
    if (!arr) {
      error(line_of(*n), what + "'" + std::string(key) + "' must be an array of strings, not " + type_name(n->type()));
      return out;
    }
    if (arr->empty()) error(line_of(*n), what + "'" + std::string(key) + "' needs at least one value");
    for (const auto& item : *arr) {
      const auto* s = item.as_string();
      if (!s) {
        error(line_of(*n), what + "'" + std::string(key) + "' must hold strings, not " + type_name(item.type()));
        continue;
      }
      if (!vocab_.contains(family, s->get())) {
        error(line_of(*n), what + "unknown " + std::string(family) + " value '" + s->get() +
                               "' (allowed: " + vocab_.allowed(family) + ")");
        continue;
      }
      if (std::find(out.begin(), out.end(), s->get()) != out.end()) {
        error(line_of(*n), what + "'" + s->get() + "' appears twice in '" + std::string(key) + "'");
        continue;
      }
      out.push_back(s->get());
    }
    return out;
  }

  std::vector<std::string> strings(const toml::table& t, std::string_view key, const std::string& what) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
      error(line_of(*n), what + "'" + std::string(key) + "' must be an array of strings, not " + type_name(n->type()));
      return out;
    }
    for (const auto& item : *arr) {
      if (const auto* s = item.as_string(); s && !s->get().empty())
        out.push_back(s->get());
      else
        error(line_of(*n), what + "'" + std::string(key) + "' must hold non-empty strings");
    }
    return out;
  }

  // An array of tables ([[alliance.members]]); nullptr after an error.
  const toml::array* tables(const toml::table& t, std::string_view key, const std::string& what) {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
      error(line_of(*n), what + "'" + std::string(key) + "' must be an array of tables ([[" +
                             (what.empty() ? "" : "alliance.") + std::string(key) + "]])");
      return nullptr;
    }
    return arr;
  }

  Alliance alliance(const toml::table& t) {
    Alliance a;
    a.line = line_of(t);
    check_keys(t, alliance_keys, "");
    a.id = required_text(t, "id", a.line, "");
    if (!a.id.empty() && !is_slug(a.id))
      error(line_of(*t.get("id")), "id '" + a.id + "' is not a slug (lower-case a-z, 0-9 and single '-')");
    const std::string what = a.id.empty() ? std::string("alliance: ") : "alliance '" + a.id + "': ";
    a.name = required_text(t, "name", a.line, what);
    if (auto v = word(t, "status", "status", true, a.line, what)) a.status = *parse_value<Status>(*v);
    a.themes = words(t, "themes", "themes", a.line, what);
    a.finalites = words(t, "finalites", "finalites", a.line, what);
    if (auto v = word(t, "temporalite", "temporalite", true, a.line, what)) a.temporalite = *parse_value<Horizon>(*v);
    if (auto v = word(t, "intensite", "intensite", true, a.line, what)) a.intensite = *parse_value<Intensity>(*v);
    if (auto v = word(t, "tendance", "tendance", true, a.line, what)) a.tendance = *parse_value<Trend>(*v);
    if (const toml::node* n = t.get("since")) {
      if (const auto* i = n->as_integer()) {
        if (i->get() < 1800 || i->get() > 2100)
          error(line_of(*n), what + "'since' must be a year between 1800 and 2100, not " + std::to_string(i->get()));
        else
          a.since = static_cast<int>(i->get());
      } else {
        error(line_of(*n), what + "'since' must be an integer year, not " + type_name(n->type()));
      }
    }
    if (auto v = text(t, "scope", false, a.line, what)) {
      if (!sources::is_known_scope(*v))
        error(line_of(*t.get("scope")),
              what + "unknown scope '" + *v + "' (allowed: " + sources::known_scopes_text() + ")");
      else
        a.scope = *v;
    }
    if (auto v = word(t, "confidence", "confidence", false, a.line, what)) a.confidence = *parse_value<Confidence>(*v);
    a.confidence_note = text(t, "confidence_note", false, a.line, what).value_or("");
    if (a.confidence == Confidence::approximate && a.confidence_note.empty())
      error(t.get("confidence") ? line_of(*t.get("confidence")) : a.line,
            what + "'approximate' confidence needs a 'confidence_note' saying what is uncertain");
    a.sources = strings(t, "sources", what);
    a.notes = text(t, "notes", false, a.line, what).value_or("");

    if (const toml::node* n = t.get("portage")) {
      if (const toml::table* p = n->as_table()) {
        check_keys(*p, portage_keys, what + "portage: ");
        a.portage.kind = word(*p, "kind", "portage", true, line_of(*p), what + "portage: ").value_or("");
        a.portage.structure = text(*p, "structure", false, line_of(*p), what + "portage: ").value_or("");
        a.portage.lead = text(*p, "lead", false, line_of(*p), what + "portage: ").value_or("");
      } else {
        error(line_of(*n), what + "'portage' must be a table ([alliance.portage]), not " + type_name(n->type()));
      }
    } else {
      error(a.line, what + "missing required table [alliance.portage]");
    }

    if (const toml::array* ms = tables(t, "members", what)) {
      for (const auto& node : *ms) a.members.push_back(member(*node.as_table(), a, what));
    }
    if (a.members.empty() && !(t.get("members") && !tables_ok(t, "members")))
      error(a.line, what + "no members: an alliance needs at least one [[alliance.members]]");
    std::set<std::pair<Level, std::string>> seen;
    for (const auto& m : a.members)
      if (!m.code.empty() && !seen.insert({m.level, m.code}).second)
        error(m.line, what + "member " + std::string(level_name(m.level)) + " " + m.code + " is listed twice");
    if (!a.portage.lead.empty() &&
        std::none_of(a.members.begin(), a.members.end(), [&](const Member& m) { return m.code == a.portage.lead; }))
      error(t.get("portage") ? line_of(*t.get("portage")) : a.line,
            what + "portage lead '" + a.portage.lead + "' is not the code of one of the members");

    if (const toml::array* ps = tables(t, "partners", what)) {
      for (const auto& node : *ps) {
        const toml::table& p = *node.as_table();
        check_keys(p, partner_keys, what + "partner: ");
        Partner partner;
        partner.name = required_text(p, "name", line_of(p), what + "partner: ");
        partner.kind = word(p, "kind", "partner_kinds", true, line_of(p), what + "partner: ").value_or("");
        a.partners.push_back(std::move(partner));
      }
    }
    if (const toml::node* n = t.get("workshop")) {
      if (const toml::table* w = n->as_table())
        a.workshop = workshop(*w, a, what + "workshop: ");
      else
        error(line_of(*n), what + "'workshop' must be a table ([alliance.workshop]), not " + type_name(n->type()));
    }
    return a;
  }

 private:
  static bool tables_ok(const toml::table& t, std::string_view key) {
    const toml::array* arr = t.get(key) ? t.get(key)->as_array() : nullptr;
    return arr && arr->is_array_of_tables();
  }

  // [alliance.workshop]: the table, the session and the gommettes on each of
  // the alliance's cards.
  Workshop workshop(const toml::table& t, const Alliance& a, const std::string& what) {
    Workshop w;
    w.line = line_of(t);
    check_keys(t, workshop_keys, what);
    if (const toml::node* n = t.get("table")) {
      if (n->is_integer() && n->as_integer()->get() >= 1 && n->as_integer()->get() <= 999)
        w.table = static_cast<int>(n->as_integer()->get());
      else
        error(line_of(*n), what + "'table' must be a table number from 1 to 999");
    } else {
      error(w.line, what + "missing required key 'table' (the workshop table's number)");
    }
    w.session = text(t, "session", false, w.line, what).value_or("");
    const toml::node* g = t.get("gommettes");
    if (!g) return w;
    const toml::table* gt = g->as_table();
    if (!gt) {
      error(line_of(*g), what + "'gommettes' must be a table of families ([alliance.workshop.gommettes])");
      return w;
    }
    const std::string families = join(workshop_families(), ", ");
    for (const auto& [key, node] : *gt) {
      const std::string family(key.str());
      const auto known = workshop_families();
      if (std::find(known.begin(), known.end(), family) == known.end()) {
        error(line_of(node), what + "gommettes: unknown family '" + family + "' (allowed: " + families + ")");
        continue;
      }
      const toml::table* counts = node.as_table();
      if (!counts) {
        error(line_of(node), what + "gommettes: '" + family + "' must be a table of counts ({ id = count })");
        continue;
      }
      const std::vector<std::string> cards = values_of(a, family);
      std::vector<std::pair<std::string, int>> row;
      for (const auto& [id_key, count] : *counts) {
        const std::string id(id_key.str());
        if (std::find(cards.begin(), cards.end(), id) == cards.end()) {
          error(line_of(count), what + "gommettes on " + family + " '" + id + "', a card this alliance does not have (" +
                                    family + ": " + (cards.empty() ? "none" : join(cards, ", ")) + ")");
          continue;
        }
        if (!count.is_integer() || count.as_integer()->get() < 0 || count.as_integer()->get() > 100000) {
          error(line_of(count), what + "gommettes: " + family + " '" + id + "' must be a count (a whole number, 0 or more)");
          continue;
        }
        row.emplace_back(id, static_cast<int>(count.as_integer()->get()));
      }
      if (!row.empty()) w.gommettes.emplace_back(family, std::move(row));
    }
    return w;
  }

  Member member(const toml::table& t, const Alliance& a, const std::string& what) {
    Member m;
    m.line = line_of(t);
    const std::string w = what + "member: ";
    check_keys(t, member_keys, w);
    if (auto v = text(t, "level", true, m.line, w)) {
      if (auto l = parse_level(*v); l && level_name(*l) == *v)
        m.level = *l;
      else
        error(line_of(*t.get("level")), w + "unknown level '" + *v + "' (allowed: commune, epci, pays, departement, region)");
    }
    if (const toml::node* n = t.get("code"); n && n->is_integer())
      error(line_of(*n), w + "'code' must be a string: write it in quotes (\"" + std::to_string(n->as_integer()->get()) +
                             "\"), codes keep their leading zeros");
    else
      m.code = required_text(t, "code", m.line, w);
    m.name = required_text(t, "name", m.line, w);
    m.confidence = a.confidence;
    if (auto v = word(t, "confidence", "confidence", false, m.line, w)) {
      m.confidence = *parse_value<Confidence>(*v);
      m.confidence_explicit = true;
    }
    m.note = text(t, "note", false, m.line, w).value_or("");
    if (m.confidence_explicit && m.confidence == Confidence::approximate && m.note.empty() &&
        a.confidence_note.empty())
      error(line_of(*t.get("confidence")), w + "'approximate' member needs a 'note' saying what is uncertain");
    return m;
  }

  std::string source_;
  const Vocabulary& vocab_;
};

// Leading comment lines (and blank lines between them), kept on save.
std::string leading_comments(std::string_view text) {
  std::size_t pos = 0, end_of_comments = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    const std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    std::string_view line = text.substr(pos, next - pos);
    const auto first = line.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
      pos = next;
      continue;
    }
    if (line[first] != '#') break;
    pos = next;
    end_of_comments = next;
  }
  std::string header(text.substr(0, end_of_comments));
  if (!header.empty() && header.back() != '\n') header += '\n';
  return header;
}

}  // namespace

Catalogue parse_catalogue(std::string_view text, const std::string& source_name, const Vocabulary& vocabulary) {
  return parse_catalogue(text, source_name, vocabulary, nullptr);
}

Catalogue parse_catalogue(std::string_view text, const std::string& source_name, const Vocabulary& vocabulary,
                          std::vector<CatalogueIssue>* problems) {
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    throw CatalogueError({{source_name, static_cast<int>(e.source().begin.line),
                           "TOML syntax: " + std::string(e.description())}});
  }
  Parser p(source_name, vocabulary);
  Catalogue cat;
  cat.source_name = source_name;
  cat.header = leading_comments(text);
  p.check_keys(root, root_keys, "");
  if (const toml::node* f = root.get("format")) {
    if (!f->is_integer() || f->as_integer()->get() != 1)
      p.error(line_of(*f), "'format' must be 1 (the only version of FORMAT.md)");
  } else {
    p.error(1, "missing required key 'format' (format = 1)");
  }
  if (const toml::node* n = root.get("alliance")) {
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
      p.error(line_of(*n), "'alliance' must be an array of tables ([[alliance]])");
    } else {
      for (const auto& node : *arr) cat.alliances.push_back(p.alliance(*node.as_table()));
    }
  }
  std::map<std::string, int> ids;
  for (const auto& a : cat.alliances) {
    if (a.id.empty()) continue;
    auto [it, fresh] = ids.emplace(a.id, a.line);
    if (!fresh)
      p.error(a.line, "duplicate id '" + a.id + "' (first at line " + std::to_string(it->second) + ")");
  }
  if (!p.issues.empty()) {
    std::stable_sort(p.issues.begin(), p.issues.end(),
                     [](const CatalogueIssue& a, const CatalogueIssue& b) { return a.line < b.line; });
    if (!problems) throw CatalogueError(std::move(p.issues));
    *problems = std::move(p.issues);
  }
  return cat;
}

Catalogue load_catalogue(const std::filesystem::path& file, const Vocabulary& vocabulary) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw InputError("the catalogue " + file.string() + " is a folder, not a TOML file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("cannot read the catalogue " + file.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError("error while reading the catalogue " + file.string());
  return parse_catalogue(ss.str(), file.string(), vocabulary);
}

// ---------------------------------------------------------------------------
// Checking members against a territory base.

BaseCheck check_against_base(const Catalogue& catalogue, const TerritoryBase& base) {
  BaseCheck out;
  for (const auto& a : catalogue.alliances) {
    for (const auto& m : a.members) {
      const std::string what = "alliance '" + a.id + "': member " + std::string(level_name(m.level)) + " " + m.code;
      const Territory* t = base.find(m.level, m.code);
      if (!t) {
        if (a.scope == "france" && base.scope != "france") {
          out.out_of_scope.push_back({catalogue.source_name, m.line,
                                      what + " (" + m.name + ") is outside the " + base.scope + " base"});
          continue;
        }
        std::string msg = what + " is not in the " + base.scope + " base";
        if (const Territory* other = base.find_any(m.code))
          msg += " as a " + std::string(level_name(m.level)) + "; it is the " + std::string(level_name(other->level)) +
                 " " + other->name;
        const auto near = base.nearest_by_name(m.name, 3);
        if (!near.empty()) {
          msg += "; nearest names to '" + m.name + "':";
          for (std::size_t i = 0; i < near.size(); ++i)
            msg += std::string(i ? "," : "") + " " + near[i]->name + " (" +
                   std::string(level_name(near[i]->level)) + " " + near[i]->code + ")";
        }
        out.errors.push_back({catalogue.source_name, m.line, msg});
        continue;
      }
      if (fold_name(t->name) != fold_name(m.name))
        out.errors.push_back({catalogue.source_name, m.line,
                              what + ": name '" + m.name + "' does not match the base's '" + t->name + "'"});
    }
  }
  return out;
}

void validate_against_base(const Catalogue& catalogue, const TerritoryBase& base) {
  BaseCheck check = check_against_base(catalogue, base);
  if (!check.errors.empty()) throw CatalogueError(std::move(check.errors));
}

// ---------------------------------------------------------------------------
// Canonical writing.
namespace {

void append_escaped(std::string& out, std::string_view s, bool multiline) {
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += multiline ? "\n" : "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  append_escaped(out, s, false);
  return out + "\"";
}

class Emitter {
 public:
  void key(std::string_view k, std::string_view value) {
    out += std::string(k) + " = ";
    if (value.find('\n') != std::string_view::npos) {
      // Multi-line basic string: the newline after the opening quotes is trimmed by TOML.
      out += "\"\"\"\n";
      append_escaped(out, value, true);
      out += "\"\"\"\n";
    } else {
      out += toml_string(value) + "\n";
    }
  }
  void key_if(std::string_view k, std::string_view value) {
    if (!value.empty()) key(k, value);
  }
  void key(std::string_view k, const std::vector<std::string>& values) {
    std::string line = std::string(k) + " = [";
    for (std::size_t i = 0; i < values.size(); ++i) line += (i ? ", " : "") + toml_string(values[i]);
    line += "]";
    if (line.size() <= 100 || values.size() < 2) {
      out += line + "\n";
      return;
    }
    out += std::string(k) + " = [\n";
    for (const auto& v : values) out += "  " + toml_string(v) + ",\n";
    out += "]\n";
  }
  void table(std::string_view header) { out += "\n" + std::string(header) + "\n"; }
  std::string out;
};

}  // namespace

std::string to_canonical_toml(const Catalogue& catalogue) {
  Emitter e;
  if (!catalogue.header.empty()) e.out += catalogue.header + "\n";
  e.out += "format = " + std::to_string(catalogue.format) + "\n";
  for (const auto& a : catalogue.alliances) {
    e.table("[[alliance]]");
    e.key("id", a.id);
    e.key("name", a.name);
    e.key("status", to_string(a.status));
    e.key("themes", a.themes);
    e.key("finalites", a.finalites);
    e.key("temporalite", to_string(a.temporalite));
    e.key("intensite", to_string(a.intensite));
    e.key("tendance", to_string(a.tendance));
    if (a.since) e.out += "since = " + std::to_string(*a.since) + "\n";
    e.key("scope", a.scope);
    e.key("confidence", to_string(a.confidence));
    e.key_if("confidence_note", a.confidence_note);
    if (!a.sources.empty()) e.key("sources", a.sources);
    e.key_if("notes", a.notes);
    e.table("[alliance.portage]");
    e.key("kind", a.portage.kind);
    e.key_if("structure", a.portage.structure);
    e.key_if("lead", a.portage.lead);
    for (const auto& m : a.members) {
      e.table("[[alliance.members]]");
      e.key("level", level_name(m.level));
      e.key("code", m.code);
      e.key("name", m.name);
      if (m.confidence_explicit) e.key("confidence", to_string(m.confidence));
      e.key_if("note", m.note);
    }
    for (const auto& p : a.partners) {
      e.table("[[alliance.partners]]");
      e.key("name", p.name);
      e.key("kind", p.kind);
    }
    if (a.workshop) {
      e.table("[alliance.workshop]");
      e.out += "table = " + std::to_string(a.workshop->table) + "\n";
      e.key_if("session", a.workshop->session);
      // Families in the mat's order, values in the alliance's: one canonical form.
      std::string counts;
      for (std::string_view family : workshop_families()) {
        std::string line;
        for (const std::string& id : values_of(a, family))
          if (const int n = a.workshop->count(family, id); n > 0)
            line += (line.empty() ? "" : ", ") + id + " = " + std::to_string(n);
        if (!line.empty()) counts += std::string(family) + " = { " + line + " }\n";
      }
      if (!counts.empty()) {
        e.table("[alliance.workshop.gommettes]");
        e.out += counts;
      }
    }
  }
  return e.out;
}

std::string to_canonical_toml(const Alliance& alliance) {
  Catalogue one;
  one.alliances = {alliance};
  return to_canonical_toml(one);
}

void save_catalogue(const Catalogue& catalogue, const std::filesystem::path& file) {
  write_file_atomically(file, to_canonical_toml(catalogue));
}

}  // namespace cartes::model
