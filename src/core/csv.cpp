#include "core/csv.hpp"

namespace cartes::csv {

std::vector<std::string> split_line(std::string_view line, char separator) {
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string> out;
  std::string field;
  bool quoted = false, at_start = true;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && at_start) {
      quoted = true;
      at_start = false;
    } else if (c == separator) {
      out.push_back(std::move(field));
      field.clear();
      at_start = true;
    } else {
      field += c;
      at_start = false;
    }
  }
  out.push_back(std::move(field));
  return out;
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
