// sandik core — the results feed `sandik/1`: model, parsing and validation.
//
// INDEX
//   Problem, Problems     one validation finding: severity, JSON path, message
//   Text                  a string or a {lang: string} map
//   Feed and its parts    Election, Source, Party, Area, Candidate, Race, SourceResults, Result …
//   parse_feed()          bytes -> Feed + every problem found (never throws, never aborts)
//
// USAGE
//   sandik::ParseOptions opt;                        // defaults are right for the widget
//   sandik::ParsedFeed p = sandik::parse_feed(bytes, opt);
//   if (!p.ok()) for (auto& e : p.problems) puts(e.to_string().c_str());   // "PATH: message"
//   else use(*p.feed);
//
// No ImGui, GL or browser here: this file compiles natively and into the wasm unchanged.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "budget.h"

namespace sandik {

using Count = std::int64_t;                         // vote and box counts, exact up to 2^53
constexpr Count kMaxExactCount = 9007199254740992;  // 2^53: largest count a JSON reader keeps exact

// ---- problems ---------------------------------------------------------------------------------
enum class Severity { Error, Warning };

struct Problem {
  Severity severity = Severity::Error;
  std::string path;               // JSON path, e.g. races[0].results.AA.areas.beyoglu.votes.kurum ("" = document)
  std::string message;            // e.g. expected a non-negative integer, got -5
  std::string file;               // the file or URL it is in, where there are several ("" = the one document)
  std::string code;               // what kind of problem, for tools: "missing", "type", "count", … ("" = not sorted)
  std::string to_string() const;  // "FILE: PATH: message" ("warning: " prefixed for warnings)
};
using Problems = std::vector<Problem>;

// ---- model ------------------------------------------------------------------------------------
struct Text {                                                // "title" or {"tr": "...", "en": "..."}
  std::vector<std::pair<std::string, std::string>> by_lang;  // lang -> text; lang "" = plain string
  const std::string& get(std::string_view lang) const;       // lang, else "tr", else "en", else first
};

struct Time {              // an RFC 3339 instant as written in the feed
  std::int64_t epoch = 0;  // seconds since 1970-01-01T00:00:00Z
  int offset_min = 0;      // the offset it was written with (+03:00 = 180)
  std::string text;        // as written
};

enum class FeedStatus { Live, Test, Final };
enum class RaceKind { Candidate, Party };
enum class SeatMethod { DHondt, SainteLague, Hare };

struct Election {
  std::string id;
  Text title;
  std::string date;      // YYYY-MM-DD
  std::string timezone;  // IANA name, e.g. Europe/Istanbul
};

// Who counted: a news agency or a party counts unofficially; the election authority's count is
// the official one. Unknown when the feed does not say.
enum class SourceKind { Unknown, Agency, Authority, Party };

struct Source {
  std::string id, name, url;
  SourceKind kind = SourceKind::Unknown;
  bool unofficial() const { return kind == SourceKind::Agency || kind == SourceKind::Party; }
};

struct Party {
  std::string id, name, short_name;  // short_name = "short", or name when absent
  std::uint32_t color = 0x808080;    // 0xRRGGBB
  std::string logo;                  // an http(s) or relative URL ("" = none), drawn beside the name
};

struct Area {
  std::string id, name, level;
  std::string code;                        // the agencies' own code (a plate code: "34"), "" = none
  int parent = -1;                         // index into Feed::areas, -1 = a root
  std::optional<Count> boxes, registered;  // as given; Tally fills in sums for parents
  std::vector<int> children;               // indices, in feed order
  std::string collation;                   // turkish::sort_key(name), made once as the feed is read
};

struct Candidate {
  std::string id, name;
  int party = -1;     // index into Feed::parties
  std::string photo;  // an http(s) or relative URL ("" = none), drawn beside the name
};

struct Result {  // one area from one source, exactly as given
  std::optional<Count> boxes_counted, cast, registered_counted, valid;
  std::optional<Count> boxes;  // extension: this race's own boxes there (AP: precincts differ by race)
  std::vector<std::pair<int, Count>> votes;    // contestant index -> votes
  std::vector<std::pair<int, double>> shares;  // contestant index -> percent (display only)
  std::optional<double> reporting_pct;         // extension, shares-only results: boxes opened as reported
};

// Entries by area index, kept in one block in that order and found by halving it (a whole
// country's night has 6,300 results: a hash node each was an allocation and a free each, and a
// lookup a hash and a chain). Each area is added once; finish() orders them when all are in.
template <typename T>
class ByArea {
 public:
  using Entry = std::pair<int, T>;
  using const_iterator = typename std::vector<Entry>::const_iterator;
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void reserve(std::size_t n) { entries_.reserve(n); }
  void emplace(int area, T value);  // (feed.cpp: once for each T, not inlined at every use)
  void finish();
  const_iterator find(int area) const;
  std::size_t count(int area) const { return find(area) != end() ? 1 : 0; }

 private:
  std::vector<Entry> entries_;
  bool sorted_ = true;
};

struct SourceResults {
  int source = -1;
  Time updated;
  ByArea<Result> areas;  // area index -> result
};

struct Call {
  int source = -1, area = -1, winner = -1;  // winner: contestant index
  Time at;
};

struct HistoryPoint {
  Time at;
  std::optional<Count> boxes_counted;
  std::vector<std::pair<int, Count>> votes;
  std::vector<std::pair<int, double>> shares;  // extension: a moment reported only as shares
  std::optional<Count> valid;                  // extension: valid votes at that moment (shares = votes / valid)
  std::optional<double> reporting_pct;         // extension: boxes opened as reported, in percent
  std::string note;                            // extension: what was said at that moment
};

struct Previous {
  std::string label;
  struct AreaPrev {
    int winner = -1;                           // party index
    std::vector<std::pair<int, Count>> votes;  // party index -> votes
    std::optional<Count> valid;
  };
  ByArea<AreaPrev> areas;
};

struct Seats {
  int total = 0;
  SeatMethod method = SeatMethod::DHondt;
  double threshold = 0;  // fraction of valid votes, 0.10 = 10 %
};

struct Race {
  std::string id;
  Text title;
  RaceKind kind = RaceKind::Candidate;
  int area = -1;                      // root area index
  // The office (an extension): "metropolitan", "province", "district", "belde" (a mayor) or
  // "council"; "" when the feed does not say. Races of one office are counted together.
  std::string office;
  std::vector<Candidate> candidates;  // kind == Candidate
  std::optional<Seats> seats;
  std::optional<Previous> previous;
  std::vector<SourceResults> results;  // in feed order of the "results" object
  std::vector<Call> calls;
  std::vector<std::pair<int, std::vector<HistoryPoint>>> history;  // source index -> points

  // Contestants are candidates (candidate race) or parties (party race), addressed by index.
  int contestant_count(const struct Feed& feed) const;
  int contestant_party(int contestant) const;  // party index of a contestant
  const SourceResults* results_for(int source) const;
  // The freshest count: the source whose results were updated last (the first of those updated
  // at the same time); 0 for a race without results. What the widget and the command line show
  // unless told otherwise.
  int freshest_source() const;
  int find_contestant(std::string_view id) const;  // a candidate race's; -1 when absent (Feed::find_contestant)
};

// Mayoralties per office level (scoreboard.h counts them; a split index carries them).
struct ScoreParty {
  int party = -1;  // index into feed.parties
  int leading = 0, won = 0, previous = 0;
};

struct ScoreLevel {
  std::string level;                // "metropolitan", "province", "district", "belde"
  int total = 0;                    // offices of this level in the feed
  int tied = 0;                     // offices where the top two have equal votes, nobody called
  std::vector<ScoreParty> parties;  // most won first, then most leading, then most previous
};

// A split night's index (`sandik split`, an extension): where a province's own feed is.
struct FeedPart {
  int area = -1;    // index into Feed::areas
  std::string url;  // relative to the index's URL (or http(s))
};

struct Feed {
  std::string format;  // "sandik/1"
  Time updated;
  FeedStatus status = FeedStatus::Live;
  Election election;
  std::vector<Source> sources;
  std::vector<Party> parties;
  std::vector<Area> areas;
  std::vector<Race> races;
  // Extensions of a split index: its parts, and the scoreboard counted over the whole country
  // (source index, -1 = each race's freshest -> levels), which the index alone cannot count.
  std::vector<FeedPart> parts;
  std::vector<std::pair<int, std::vector<ScoreLevel>>> scoreboards;

  int find_source(std::string_view id) const;  // -1 when absent
  int find_party(std::string_view id) const;
  int find_area(std::string_view id) const;
  int find_race(std::string_view id) const;
  // A contestant of a race by id: a candidate, or in a party race a party. -1 when absent.
  int find_contestant(const Race& race, std::string_view id) const;
  const std::string& contestant_name(const Race& race, int contestant) const;
  const std::string& contestant_id(const Race& race, int contestant) const;

  std::unordered_map<std::string, int> source_index, party_index, area_index, race_index;  // id -> index
};

// ---- parsing ----------------------------------------------------------------------------------
struct ParseOptions {
  std::size_t max_bytes = 0;   // = 20 MiB; larger documents are rejected before parsing
  int max_depth = 0;           // = 32; JSON nested deeper is rejected
  std::size_t max_string = 0;  // = 4096 bytes for any one string value
  std::size_t max_areas = 0;   // = 200000 areas
};

struct ParsedFeed {
  std::shared_ptr<const Feed> feed;  // null when there are errors
  Problems problems;                 // errors first, then warnings, each in document order
  std::size_t errors = 0, warnings = 0;  // all of them, those past the listed ones too
  bool ok() const { return feed != nullptr; }
  std::size_t error_count() const;
};

ParsedFeed parse_feed(std::string_view json_text, const ParseOptions& options = {});

// The same in slices, so that a page's main thread is never held long by a very large feed:
// step() works until the budget is spent and returns true when done; take() then gives what
// parse_feed() gives. The text must outlive the FeedParse.
class FeedParse {
 public:
  FeedParse(std::string_view json_text, const ParseOptions& options = {});
  ~FeedParse();
  FeedParse(FeedParse&&) noexcept;
  FeedParse& operator=(FeedParse&&) noexcept;
  bool step(Budget& budget);
  ParsedFeed take();

 private:
  struct Work;
  std::unique_ptr<Work> work_;
};

// A feed whose `updated` is older than the one already shown is ignored as out of order (a
// cache answering late): returns that warning, or nothing when `incoming` may replace `shown`.
std::optional<Problem> out_of_order(const Feed& shown, const Feed& incoming);

}  // namespace sandik
