// sandik adapters — a results table (CSV, one row per area × contestant) into a `sandik/1` feed.
//
// The feed starts from a small description of the election (election, sources, parties with
// optional "aliases", the race root area and the races; see tools/istanbul-2024.election.json)
// or from an existing feed, so several files and sources merge into one feed. Both are read into
// the one Builder that the agencies' adapters fill too (builder.h), which writes the feed:
//
//   sandik import --election desc.json --race ibb --source ANKA --where status=final anka.csv > feed.json
//   sandik import --into feed.json --race ibb --source AA --as history --where source=AA aa.csv > feed2.json
//
// Columns are mapped by field (defaults in brackets): area [district], boxes_counted
// [boxes_opened], boxes [boxes_total], registered [registered], cast [cast], valid [valid],
// party [party], party_code [party_code], candidate [candidate], color [color], votes [votes],
// updated [snapshot_time]. A missing optional column is skipped; without an area column every
// row belongs to the race's root area (or --area). Upper-case agency names become proper
// Turkish case (SARIYER -> Sarıyer); ids are made from names (sarıyer -> sariyer).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "../core/csv.h"
#include "builder.h"

namespace sandik {

enum class ImportTarget { Results, History, Previous, Declare };  // Declare: areas, parties, candidates only

struct CsvImportOptions {
  std::string race;         // race id ("" = the first race)
  std::string source;       // source id; added to "sources" when new (not needed for Previous)
  std::string source_name;  // "" = the id
  std::string source_kind;  // agency, authority or party; "" = not said
  ImportTarget target = ImportTarget::Results;
  std::vector<std::pair<std::string, std::string>> where;  // keep rows whose COLUMN equals VALUE
  std::vector<std::pair<std::string, std::string>> map;    // FIELD = COLUMN, over the defaults
  std::string area;        // area id for files without an area column ("" = the race root)
  std::string area_level;  // level of areas the import creates ("" = "district")
  std::string label;       // Previous: the label ("" = the year of the first updated value)
  std::string status;      // "" = leave the feed's status; else live, test or final
  // History from a table of reported percentages (a live blog: one row per moment, a column per
  // party): CONTESTANT = COLUMN, where CONTESTANT is a party id (its candidate in a candidate
  // race) or a contestant id. Each row becomes a history point with `shares` — counts are never
  // made up. --map reporting_pct=COLUMN and --map note=COLUMN carry what else was said.
  std::vector<std::pair<std::string, std::string>> shares;
};

struct ImportReport {
  bool ok = false;
  std::string error;  // "row 12: votes: expected a non-negative integer, got \"x\""
  std::size_t rows_used = 0;
  std::size_t rows_skipped = 0;  // candidate races: rows with no candidate ("Diğer"), left in valid
};

// Adds the table to `feed`: a Builder loaded from the description or the feed (Builder::load).
ImportReport import_csv(adapters::Builder& feed, const CsvTable& table, const CsvImportOptions& options);

}  // namespace sandik
