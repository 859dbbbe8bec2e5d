// sandik core — RFC 4180 CSV: quoted fields, "" escapes, CRLF or LF, a UTF-8 BOM skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sandik {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each row has header.size() fields
  int column(std::string_view name) const;     // -1 when absent
};

// Returns the table, or nullopt with `error` set ("row 12: 13 fields, the header has 14"; the header is row 1, as in csv_import's problems).
std::optional<CsvTable> parse_csv(std::string_view text, std::string& error);

}  // namespace sandik
