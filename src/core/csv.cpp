#include "core/csv.hpp"

#include "core/error.hpp"

namespace cartes::csv {

namespace {
// The one state machine; `open_quote_line` gets the line of a quote left open
// at the end (0 when none), whose field then runs to the end of the text.
std::vector<Record> records_of(std::string_view text, char separator, int& open_quote_line) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Record> out;
  Record record;
  std::string field;
  bool quoted = false, at_start = true, any = false;
  int line = 1, quote_line = 0;
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    at_start = true;
  };
  auto end_record = [&] {
    end_field();
    // A blank line is no record (a single empty field, never quoted).
    if (any) out.push_back(std::move(record));
    record = Record{};
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (record.line == 0) record.line = line;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && at_start) {
      quoted = any = true;
      at_start = false;
      quote_line = line;
    } else if (c == separator) {
      end_field();
      any = true;
    } else if (c == '\r' && (i + 1 == text.size() || text[i + 1] == '\n')) {
      // CRLF: the '\r' belongs to the line break.
    } else if (c == '\n') {
      end_record();
      ++line;
    } else {
      field += c;
      at_start = false;
      any = true;
    }
  }
  open_quote_line = quoted ? quote_line : 0;
  if (any || !field.empty()) end_record();
  return out;
}
}  // namespace

std::vector<Record> read_records(std::string_view text, char separator) {
  int open_quote_line = 0;
  std::vector<Record> out = records_of(text, separator, open_quote_line);
  if (open_quote_line)
    throw DataError("line " + std::to_string(open_quote_line) + ": a quoted field is never closed");
  return out;
}

std::vector<std::string> split_line(std::string_view line, char separator) {
  int open_quote_line = 0;  // a line's open quote runs to its end, as before
  std::vector<Record> records = records_of(line.substr(0, line.find('\n')), separator, open_quote_line);
  if (records.empty()) return {std::string()};
  return std::move(records.front().fields);
}

char detect_separator(std::string_view text) {
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == ',' || c == ';') return c;
    else if (c == '\n') break;
  }
  return ',';
}

std::vector<std::string> split_list(std::string_view field, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= field.size()) {
    const std::size_t end = field.find(separator, start);
    const std::string_view item = field.substr(start, end == std::string_view::npos ? field.npos : end - start);
    if (!item.empty()) out.emplace_back(item);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string quote(std::string_view field, char separator) {
  if (field.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace cartes::csv
