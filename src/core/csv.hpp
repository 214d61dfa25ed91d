#pragma once
// The one CSV splitter: a line into fields (RFC 4180 quotes: "a, ""b""" is
// one field), and a list field ("a|b|c") into its non-empty items.
#include <string>
#include <string_view>
#include <vector>

namespace cartes::csv {

// Fields of one line. A trailing '\r' (CRLF files) is dropped; a UTF-8 BOM at
// the start of the line too. Quotes only count at the start of a field.
std::vector<std::string> split_line(std::string_view line, char separator = ',');

// One record of a whole file, and the line it starts on (1-based), for
// messages: a quoted field may hold line breaks (a spreadsheet's notes).
struct Record {
  int line = 0;
  std::vector<std::string> fields;
};
// Every record of `text` (BOM, CRLF and a last line without its break
// accepted; blank lines skipped). DataError naming the line of a quote left
// open at the end of the text.
std::vector<Record> read_records(std::string_view text, char separator = ',');

// ',' or ';' (a French spreadsheet's choice), whichever the header line holds
// outside quotes; ',' when neither.
char detect_separator(std::string_view text);

// Non-empty items of a list field.
std::vector<std::string> split_list(std::string_view field, char separator);

// The field quoted when it holds the separator, a quote or a line break.
std::string quote(std::string_view field, char separator = ',');

}  // namespace cartes::csv
