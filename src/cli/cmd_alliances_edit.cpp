// `cartes alliances add|set|remove` and `cartes alliances members add|remove`:
// the catalogue edited from scripts, through the viewer's edit model
// (EditHistory) and the rules of `cartes check`. Each edit is saved
// canonically and atomically, or refused with exit 4 and nothing written.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>

#include "cli/alliance_subcommands.hpp"
#include "cli/edit_session.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/catalogue.hpp"

namespace cartes::cli {
namespace {

std::string option_name(const std::string& column) {
  std::string out = "--" + column;
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}


// One option per column of the spreadsheet form (alliance_fields.hpp), so that
// a field the model gains is an option here with no change. A column whose
// name the command already uses (--scope: the base's) is --alliance-<name>.
class FieldOptions {
 public:
  void add_to(CLI::App& app) {
    for (const model::AllianceColumn& column : model::alliance_columns()) {
      if (column.name == "id") continue;
      std::string name = option_name(column.name);
      if (app.get_option_no_throw(name)) name = "--alliance-" + name.substr(2);
      CLI::Option* option = app.add_option(name, values_[column.name],
                                           column.help + (column.list ? " (several values, or ';'-separated)" : ""));
      if (!column.list) option->expected(1);
      options_.emplace_back(&column, option);
    }
  }

  bool any() const {
    return std::any_of(options_.begin(), options_.end(), [](const auto& o) { return o.second->count() > 0; });
  }

  // The given fields set on `alliance`; DataError naming the option at fault.
  void apply(model::Alliance& alliance, const model::FieldContext& context) const {
    for (const auto& [column, option] : options_) {
      if (option->count() == 0) continue;
      const std::vector<std::string>& values = values_.at(column->name);
      const std::string text = column->list ? join(values, ";") : (values.empty() ? std::string() : values.front());
      try {
        column->assign(alliance, text, context);
      } catch (const DataError& e) {
        throw DataError(option->get_name() + ": " + e.what());
      }
    }
  }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::pair<const model::AllianceColumn*, CLI::Option*>> options_;
};

std::string member_text(const model::Member& m) { return std::string(model::level_name(m.level)) + ":" + m.code; }

class AddCommand final : public Command {
 public:
  std::string name() const override { return "add"; }
  std::string description() const override { return "Add an alliance (its fields as options), checked and saved"; }
  void configure(CLI::App& app) override {
    app.add_option("id", id_, "New alliance id (a-z, 0-9 and '-')")->required();
    options_.add_to(app);
    fields_.add_to(app);
  }
  int run() override {
    EditSession session(options_);
    if (session.history().catalogue().find(id_))
      throw DataError("alliance id '" + id_ + "' is already taken (alliances set changes it)");
    model::Alliance alliance;
    alliance.id = id_;
    fields_.apply(alliance, session.context());
    session.refuse_if_invalid(alliance);
    session.history().add(alliance);
    session.save();
    std::printf("added '%s' (%zu member%s) to %s\n", alliance.id.c_str(), alliance.members.size(),
                alliance.members.size() == 1 ? "" : "s", session.describe().c_str());
    return 0;
  }

 private:
  CatalogueOptions options_;
  FieldOptions fields_;
  std::string id_;
};

class SetCommand final : public Command {
 public:
  std::string name() const override { return "set"; }
  std::string description() const override { return "Change fields of an alliance, checked and saved"; }
  void configure(CLI::App& app) override {
    app.add_option("id", id_, "Alliance id")->required();
    options_.add_to(app);
    fields_.add_to(app);
  }
  int run() override {
    if (!fields_.any()) throw UsageError("alliances set: give at least one field to change (--name, --themes, ... see --help)");
    EditSession session(options_);
    const model::Alliance before = session.history().alliance(id_);
    model::Alliance after = before;
    fields_.apply(after, session.context());
    const std::vector<std::string> changed = model::differing_columns(before, after);
    if (model::to_canonical_toml(before) == model::to_canonical_toml(after)) {
      std::printf("'%s' already has these values: nothing to save\n", id_.c_str());
      return 0;
    }
    session.refuse_if_invalid(after);
    session.history().replace(id_, after);
    session.save();
    std::printf("updated '%s' in %s: %s\n", id_.c_str(), session.describe().c_str(), join(changed, ", ").c_str());
    return 0;
  }

 private:
  CatalogueOptions options_;
  FieldOptions fields_;
  std::string id_;
};

class RemoveCommand final : public Command {
 public:
  std::string name() const override { return "remove"; }
  std::string description() const override { return "Remove an alliance from the catalogue"; }
  void configure(CLI::App& app) override {
    app.add_option("id", id_, "Alliance id")->required();
    options_.add_to(app);
  }
  int run() override {
    EditSession session(options_);
    const std::string name = session.history().alliance(id_).name;
    session.history().remove(id_);
    session.save();
    std::printf("removed '%s' (%s) from %s\n", id_.c_str(), name.c_str(), session.describe().c_str());
    return 0;
  }

 private:
  CatalogueOptions options_;
  std::string id_;
};

// `members add|remove ID CODE...`: CODE is level:code, or a code the base
// knows at one level only.
class MembersCommand final : public Command {
 public:
  std::string name() const override { return "members"; }
  std::string description() const override { return "Add or remove members of an alliance (level:code or code)"; }
  void configure(CLI::App& app) override {
    app.require_subcommand(1);
    add_ = app.add_subcommand("add", "Add members (their names come from the territory base)");
    remove_ = app.add_subcommand("remove", "Remove members");
    for (CLI::App* sub : {add_, remove_}) {
      sub->add_option("id", id_, "Alliance id")->required();
      sub->add_option("codes", codes_, "Members: level:code (epci:242900314) or a code (29019)")->required();
      options_.add_to(*sub);
    }
  }
  int run() override {
    EditSession session(options_);
    const model::Alliance before = session.history().alliance(id_);
    model::Alliance after = before;
    std::vector<std::string> done;
    if (add_->parsed()) {
      for (const std::string& text : codes_) {
        model::Member m = model::resolve_member(text, session.context(), after.members);
        const bool present = std::any_of(after.members.begin(), after.members.end(), [&](const model::Member& x) {
          return x.level == m.level && x.code == m.code;
        });
        if (present) continue;
        m.confidence = after.confidence;
        done.push_back(member_text(m) + " " + m.name);
        after.members.push_back(std::move(m));
      }
      if (done.empty()) throw DataError("alliance '" + id_ + "': every member given is already a member");
    } else {
      for (const std::string& text : codes_) {
        const std::size_t colon = text.find(':');
        const std::string code = colon == std::string::npos ? text : text.substr(colon + 1);
        const std::string level = colon == std::string::npos ? std::string() : text.substr(0, colon);
        const auto matches = [&](const model::Member& m) {
          return m.code == code && (level.empty() || model::level_name(m.level) == level);
        };
        const auto it = std::find_if(after.members.begin(), after.members.end(), matches);
        if (it == after.members.end()) {
          std::vector<std::string> members;
          for (const model::Member& m : after.members) members.push_back(member_text(m));
          throw DataError("alliance '" + id_ + "': " + text + " is not a member (members: " + join(members, ", ") + ")");
        }
        done.push_back(member_text(*it) + " " + it->name);
        std::erase_if(after.members, matches);
      }
    }
    session.refuse_if_invalid(after);
    session.history().replace(id_, after,
                              std::string(add_->parsed() ? "Ajouter " : "Retirer ") + std::to_string(done.size()) +
                                  (done.size() == 1 ? " membre" : " membres"));
    session.save();
    std::printf("'%s': %s %zu member%s (%s); %zu member%s now\n", id_.c_str(), add_->parsed() ? "added" : "removed",
                done.size(), done.size() == 1 ? "" : "s", join(done, ", ").c_str(), after.members.size(),
                after.members.size() == 1 ? "" : "s");
    return 0;
  }

 private:
  CatalogueOptions options_;
  CLI::App* add_ = nullptr;
  CLI::App* remove_ = nullptr;
  std::string id_;
  std::vector<std::string> codes_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> make_alliance_edit_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(std::make_unique<AddCommand>());
  out.push_back(std::make_unique<SetCommand>());
  out.push_back(std::make_unique<RemoveCommand>());
  out.push_back(std::make_unique<MembersCommand>());
  return out;
}

}  // namespace cartes::cli
