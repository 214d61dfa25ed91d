#include "model/alliance_fields.hpp"

#include <algorithm>
#include <charconv>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/families.hpp"
#include "sources/scopes.hpp"

namespace cartes::model {

namespace {
// A list cell from its items; DataError when an item holds the separator
// (it would come back as two).
std::string join_items(const std::vector<std::string>& items, std::string_view column) {
  for (const auto& item : items)
    if (item.find(list_separator) != std::string::npos)
      throw DataError(std::string(column) + ": '" + item + "' holds ';', the list separator of the spreadsheet form");
  return join(items, std::string_view(&list_separator, 1));
}

std::vector<std::string> level_names() {
  std::vector<std::string> out;
  for (Level l : all_levels) out.emplace_back(level_name(l));
  return out;
}

// A whole number written out in full ("2015", not "2015a"); nullopt otherwise.
std::optional<int> whole_number(std::string_view text) {
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

// The ids of a family's cell: each item an id or a French label.
std::vector<std::string> family_ids(const FamilyDef& family, std::string_view cell, const Vocabulary& vocabulary) {
  std::vector<std::string> ids;
  for (const std::string& item : split_items(cell)) {
    std::string id = vocabulary.resolve(family.key, item);
    if (id.empty())
      throw DataError("unknown " + std::string(family.key) + " value '" + item +
                      "' (allowed: " + vocabulary.allowed(family.key) + ")");
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  }
  if (ids.empty()) throw DataError(std::string(family.key) + ": a value is needed (" + vocabulary.allowed(family.key) + ")");
  if (!family.multi_valued && ids.size() > 1)
    throw DataError(std::string(family.key) + " takes one value, not " + std::to_string(ids.size()));
  return ids;
}

AllianceColumn text_column(std::string name, std::string help, std::string Alliance::*field) {
  return {std::move(name), std::move(help), false, [field](const Alliance& a) { return a.*field; },
          [field](Alliance& a, std::string_view text, const FieldContext&) { a.*field = std::string(text); }};
}

std::vector<AllianceColumn> make_columns() {
  std::vector<AllianceColumn> c;
  c.push_back(text_column("id", "Stable slug: a-z, 0-9 and '-'", &Alliance::id));
  c.push_back(text_column("name", "Name, in French", &Alliance::name));
  for (const FamilyDef& f : card_families()) {
    if (!f.assign) continue;
    const std::string help = std::string(f.label) + (f.multi_valued ? ": one or more ids or labels" : ": an id or label");
    c.push_back({std::string(f.key), help, f.multi_valued,
                 [&f](const Alliance& a) { return join_items(f.values(a), f.key); },
                 [&f](Alliance& a, std::string_view text, const FieldContext& ctx) {
                   f.assign(a, family_ids(f, text, ctx.vocabulary));
                 }});
  }
  c.push_back({"portage_structure", "Name of the structure that carries it (optional)", false,
               [](const Alliance& a) { return a.portage.structure; },
               [](Alliance& a, std::string_view text, const FieldContext&) { a.portage.structure = std::string(text); }});
  c.push_back({"portage_lead", "Code of the member that leads (optional)", false,
               [](const Alliance& a) { return a.portage.lead; },
               [](Alliance& a, std::string_view text, const FieldContext&) { a.portage.lead = std::string(trim_blanks(text)); }});
  c.push_back({"since", "Year it started (optional)", false,
               [](const Alliance& a) { return a.since ? std::to_string(*a.since) : std::string(); },
               [](Alliance& a, std::string_view text, const FieldContext&) {
                 text = trim_blanks(text);
                 if (text.empty()) {
                   a.since.reset();
                   return;
                 }
                 const std::optional<int> year = whole_number(text);
                 if (!year) throw DataError("since: '" + std::string(text) + "' is not a year");
                 a.since = *year;
               }});
  c.push_back({"scope", "Smallest base holding every member: " + sources::known_scopes_text(), false,
               [](const Alliance& a) { return a.scope; },
               [](Alliance& a, std::string_view text, const FieldContext&) {
                 text = trim_blanks(text);
                 if (!sources::is_known_scope(text))
                   throw DataError("unknown scope '" + std::string(text) + "' (allowed: " + sources::known_scopes_text() + ")");
                 a.scope = std::string(text);
               }});
  c.push_back(text_column("confidence_note", "What is uncertain (needed when approximate)", &Alliance::confidence_note));
  c.push_back({"members", "Members as level:code (or a code the base knows at one level)", true,
               [](const Alliance& a) {
                 std::vector<std::string> items;
                 for (const Member& m : a.members) items.push_back(std::string(level_name(m.level)) + ":" + m.code);
                 return join_items(items, "members");
               },
               [](Alliance& a, std::string_view text, const FieldContext& ctx) {
                 std::vector<Member> members;
                 for (const std::string& item : split_items(text)) {
                   Member m = resolve_member(item, ctx, a.members);
                   const bool twice = std::any_of(members.begin(), members.end(), [&](const Member& x) {
                     return x.level == m.level && x.code == m.code;
                   });
                   if (twice) throw DataError("members: " + item + " is given twice");
                   if (!m.confidence_explicit) m.confidence = a.confidence;
                   members.push_back(std::move(m));
                 }
                 a.members = std::move(members);
               }});
  c.push_back({"partners", "Non-spatial partners as kind:name (kinds: [partner_kinds])", true,
               [](const Alliance& a) {
                 std::vector<std::string> items;
                 for (const Partner& p : a.partners) items.push_back(p.kind + ":" + p.name);
                 return join_items(items, "partners");
               },
               [](Alliance& a, std::string_view text, const FieldContext& ctx) {
                 std::vector<Partner> partners;
                 for (const std::string& item : split_items(text)) {
                   const std::size_t colon = item.find(':');
                   if (colon == std::string::npos)
                     throw DataError("partners: '" + item + "' is not kind:name (e.g. etablissement_sante:CHU de Brest)");
                   const std::string kind = ctx.vocabulary.resolve("partner_kinds", trim_blanks(item.substr(0, colon)));
                   if (kind.empty())
                     throw DataError("partners: unknown partner_kinds value '" + std::string(trim_blanks(item.substr(0, colon))) +
                                     "' (allowed: " + ctx.vocabulary.allowed("partner_kinds") + ")");
                   partners.push_back({std::string(trim_blanks(std::string_view(item).substr(colon + 1))), kind});
                 }
                 a.partners = std::move(partners);
               }});
  c.push_back({"sources", "Addresses of the sources", true,
               [](const Alliance& a) { return join_items(a.sources, "sources"); },
               [](Alliance& a, std::string_view text, const FieldContext&) { a.sources = split_items(text); }});
  c.push_back(text_column("notes", "Free text, in French", &Alliance::notes));
  // The workshop card (FORMAT.md, "Workshop"): empty for other alliances.
  c.push_back({"workshop_table", "Workshop table number (empty: not from a workshop)", false,
               [](const Alliance& a) { return a.workshop ? std::to_string(a.workshop->table) : std::string(); },
               [](Alliance& a, std::string_view text, const FieldContext&) {
                 text = trim_blanks(text);
                 if (text.empty()) {
                   a.workshop.reset();
                   return;
                 }
                 const std::optional<int> table = whole_number(text);
                 if (!table || *table < 1 || *table > 999)
                   throw DataError("workshop_table: '" + std::string(text) + "' is not a table number from 1 to 999");
                 if (!a.workshop) a.workshop.emplace();
                 a.workshop->table = *table;
               }});
  c.push_back({"workshop_session", "Workshop session (free text)", false,
               [](const Alliance& a) { return a.workshop ? a.workshop->session : std::string(); },
               [](Alliance& a, std::string_view text, const FieldContext&) {
                 if (a.workshop) a.workshop->session = std::string(text);
                 else if (!trim_blanks(text).empty())
                   throw DataError("workshop_session: a session needs a workshop_table");
               }});
  c.push_back({"gommettes", "Gommettes on the workshop cards: family:id=count items", true,
               [](const Alliance& a) {
                 std::vector<std::string> items;
                 if (a.workshop)
                   for (std::string_view family : workshop_families())
                     for (const std::string& id : values_of(a, family))
                       if (const int n = a.workshop->count(family, id); n > 0)
                         items.push_back(std::string(family) + ":" + id + "=" + std::to_string(n));
                 return join_items(items, "gommettes");
               },
               [](Alliance& a, std::string_view text, const FieldContext&) {
                 const std::vector<std::string> items = split_items(text);
                 if (!a.workshop) {
                   if (!items.empty()) throw DataError("gommettes: gommettes need a workshop_table");
                   return;
                 }
                 a.workshop->gommettes.clear();
                 for (const std::string& item : items) {
                   const std::size_t colon = item.find(':'), equals = item.find('=');
                   if (colon == std::string::npos || equals == std::string::npos || equals < colon)
                     throw DataError("gommettes: '" + item + "' is not family:id=count (e.g. finalites:mise_en_reseau=4)");
                   const std::string family(trim_blanks(std::string_view(item).substr(0, colon)));
                   const std::string id(trim_blanks(std::string_view(item).substr(colon + 1, equals - colon - 1)));
                   const std::string_view count = trim_blanks(std::string_view(item).substr(equals + 1));
                   const auto families = workshop_families();
                   if (std::find(families.begin(), families.end(), family) == families.end())
                     throw DataError("gommettes: unknown family '" + family + "' in '" + item + "'");
                   const std::vector<std::string> cards = values_of(a, family);
                   if (std::find(cards.begin(), cards.end(), id) == cards.end())
                     throw DataError("gommettes: '" + item + "' is on a card this alliance does not have");
                   const std::optional<int> n = whole_number(count);
                   if (!n || *n < 0)
                     throw DataError("gommettes: '" + item + "': the count must be a whole number, 0 or more");
                   a.workshop->set_count(family, id, *n);
                 }
               }});
  return c;
}

}  // namespace

std::span<const AllianceColumn> alliance_columns() {
  static const std::vector<AllianceColumn> columns = make_columns();
  return columns;
}

const AllianceColumn* find_column(std::string_view name) {
  for (const auto& c : alliance_columns())
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> column_names() {
  std::vector<std::string> out;
  for (const auto& c : alliance_columns()) out.push_back(c.name);
  return out;
}

std::vector<std::string> split_items(std::string_view cell) {
  std::vector<std::string> out;
  for (const std::string& item : csv::split_list(cell, list_separator))
    if (const std::string_view t = trim_blanks(item); !t.empty()) out.emplace_back(t);
  return out;
}

std::vector<std::string> differing_columns(const Alliance& a, const Alliance& b) {
  std::vector<std::string> out;
  for (const AllianceColumn& column : alliance_columns())
    if (column.cell(a) != column.cell(b)) out.push_back(column.name);
  return out;
}

Member resolve_member(std::string_view text, const FieldContext& context, const std::vector<Member>& previous) {
  text = trim_blanks(text);
  std::optional<Level> level;
  std::string code;
  if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
    const std::string_view name = trim_blanks(text.substr(0, colon));
    level = parse_level(name);
    if (!level) throw UnknownIdError("level", name, level_names(), "member " + std::string(text));
    code = std::string(trim_blanks(text.substr(colon + 1)));
  } else {
    code = std::string(text);
  }
  if (code.empty()) throw DataError("member '" + std::string(text) + "': no code");
  auto kept = [&](Level l) {
    return std::find_if(previous.begin(), previous.end(), [&](const Member& m) { return m.level == l && m.code == code; });
  };
  if (!level) {
    std::vector<Level> found;
    for (Level l : all_levels)
      if (context.base.find(l, code) || kept(l) != previous.end()) found.push_back(l);
    if (found.size() > 1) {
      std::vector<std::string> choices;
      for (Level l : found) choices.push_back(std::string(level_name(l)) + ":" + code);
      throw DataError("member " + code + " is a code at several levels: write " + join(choices, " or "));
    }
    if (found.size() == 1) level = found.front();
  }
  if (level) {
    if (auto it = kept(*level); it != previous.end()) return *it;
    if (const Territory* t = context.base.find(*level, code)) {
      Member m;
      m.level = *level;
      m.code = code;
      m.name = t->name;
      return m;
    }
  }
  // Unknown: suggest codes of the level given (or of every level).
  std::vector<std::string> candidates;
  for (Level l : all_levels)
    if (!level || l == *level)
      for (const Territory& t : context.base.layer(l)) candidates.push_back(t.code);
  const std::string what = (level ? std::string(level_name(*level)) : std::string("territory")) + " code";
  throw DataError("unknown " + what + " '" + code + "' in the " + context.base.scope + " base" +
                  did_you_mean(code, candidates) +
                  (context.base.scope == "france" ? "" : "; a member outside it needs --scope france"));
}

}  // namespace cartes::model
