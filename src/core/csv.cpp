#include "csv.h"

namespace sandik {

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

std::optional<CsvTable> parse_csv(std::string_view text, std::string& error) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  std::size_t line = 1, row_line = 1;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    if (!(row.size() == 1 && row[0].empty())) lines.push_back(std::move(row));
    row.clear();
    row_line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) {
    error = "line " + std::to_string(row_line) + ": a quoted field is not closed";
    return std::nullopt;
  }
  if (field_started || !row.empty()) end_row();
  if (lines.empty()) {
    error = "the file is empty";
    return std::nullopt;
  }
  CsvTable t;
  t.header = std::move(lines[0]);
  for (std::size_t r = 1; r < lines.size(); ++r) {
    if (lines[r].size() != t.header.size()) {
      error = "row " + std::to_string(r + 1) + ": " + std::to_string(lines[r].size()) + " fields, the header has " +
              std::to_string(t.header.size());
      return std::nullopt;
    }
    t.rows.push_back(std::move(lines[r]));
  }
  return t;
}

}  // namespace sandik
