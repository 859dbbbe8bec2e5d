// sandik adapters — the agencies' own payloads into a `sandik/1` feed: ANKA's province file,
// Anadolu Ajansı's result-short.json and an AP Elections API v2 response.
//
//   std::vector<sandik::AgencyFile> files = {{AgencyFormat::Anka, anka_text, "anka.json", "Mon, 01 Apr 2024 08:42:00
//   GMT"},
//                                            {AgencyFormat::Aa, aa_text, "aa.json", "2024-04-01T01:00:00+03:00"}};
//   sandik::AgencyConversion c = sandik::convert_agency(files);
//   if (!c.ok()) for (auto& p : c.problems) puts(p.to_string().c_str());  // "aa.json: BolgeSonuc[0].x.s.d: …"
//   else publish(c.feed);                                                    // sandik/1 JSON text
//
// What becomes what (the formats: ../shared/data/agency-formats/README.md, docs/feed-format.md):
//   - A province becomes a root area, its districts (ANKA `Ilce[]`, AA `b[]`) its children; an AP
//     state its `level: "state"` unit, its towns or counties the subunits.
//   - Races: PROVINCE-buyuksehir (metropolitan mayor, a candidate race: ANKA gives it per district,
//     AA only for the city), PROVINCE-il (mayor of a province that is not metropolitan),
//     PROVINCE-ilce (district mayors, a party race over the districts: who won where, with ANKA's
//     2019 winners as `previous`, so flips show) and PROVINCE-meclis (district councils). An AP race
//     is STATE-OFFICE[-PARTY][-SEAT].
//   - Parties are known by the agency's party code, not by name ("AK Parti" and "Ak Parti" are code
//     1); independents by their own name. A `base` (an election description or an earlier feed)
//     gives parties their ids, names and colours: its `aliases` list agency codes.
//   - Several files from one agency: the newest gives the results, the earlier ones the history
//     of each race's root area. Files from two agencies become two sources of one feed.
//   - Counts are taken, percentages never: ANKA's truncated `AcilanSandikOrani` and AA's `r` are
//     recomputed from the counts. Names in capitals get Turkish proper case (SARIYER -> Sarıyer).
//   - ANKA and AA files carry no time: `fetched` (the HTTP Last-Modified, or the time the file
//     was saved) is when the numbers were published. AP has its own `timestamp`.
//
// Every problem names the file and the JSON path into the agency's payload. No ImGui, GL or
// browser here: the command line and the widget run this same code.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../core/feed.h"

namespace sandik {

enum class AgencyFormat { Anka, Aa, Ap };
std::optional<AgencyFormat> parse_agency_format(std::string_view name);  // "anka", "aa", "ap"

struct AgencyFile {
  AgencyFormat format = AgencyFormat::Anka;
  std::string_view text;  // the payload, as fetched
  std::string name;       // file name or URL, put before each problem's path ("" = none)
  std::string fetched;    // when it was published: RFC 3339 or an HTTP-date (Last-Modified)
};

struct AgencyOptions {
  std::string_view base;  // optional: an election description or a sandik/1 feed (election, sources, parties)
  std::string province;   // AA: keep only this province, by plate code or name ("" = all in the file)
  std::string status;     // "" = live; else "live", "test" or "final"
  // The feed written is validated, its errors laid to "(converted feed)"; the widget, which reads
  // it next anyway, leaves that to its reading.
  bool check = true;
};

struct AgencyConversion {
  std::string feed;   // sandik/1 JSON; empty when an error was found
  Problems problems;  // errors first, then warnings
  bool ok() const { return !feed.empty(); }
};

AgencyConversion convert_agency(const std::vector<AgencyFile>& files, const AgencyOptions& options = {});

// The same in slices (the widget: a national file is read a few milliseconds at a time): step()
// works until the budget is spent and returns true when done; take() gives what convert_agency()
// gives. The texts must outlive the AgencyConvert.
class AgencyConvert {
 public:
  AgencyConvert(std::vector<AgencyFile> files, const AgencyOptions& options = {});
  ~AgencyConvert();
  bool step(Budget& budget);
  AgencyConversion take();

 private:
  struct Work;
  std::unique_ptr<Work> work_;
};

// "Mon, 01 Apr 2024 01:00:00 GMT" (RFC 9110 IMF-fixdate, the form every server sends).
std::optional<Time> parse_http_date(std::string_view text);

}  // namespace sandik
