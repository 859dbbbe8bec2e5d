// sandik adapters — a results table (CSV) added to a feed being built (csv_import.h): rows are
// grouped by moment and area, then become one source's results, its history, the previous
// winners, or only the race's people and places. The Builder writes the feed (builder.h).
#include "csv_import.h"

#include <algorithm>
#include <map>
#include <optional>

#include "../core/decimal.h"
#include "../core/format.h"
#include "../core/time.h"
#include "../core/turkish.h"

namespace sandik {
namespace {

using adapters::AreaB;
using adapters::Builder;
using adapters::PartyB;
using adapters::PointB;
using adapters::PreviousB;
using adapters::RaceB;
using adapters::ResultB;
using adapters::Snapshot;

const std::pair<const char*, const char*> kDefaultColumns[] = {
    {"area", "district"},       {"boxes_counted", "boxes_opened"},
    {"boxes", "boxes_total"},   {"registered", "registered"},
    {"cast", "cast"},           {"valid", "valid"},
    {"party", "party"},         {"party_code", "party_code"},
    {"candidate", "candidate"}, {"color", "color"},
    {"votes", "votes"},         {"updated", "snapshot_time"},
    {"note", "note"},
};
constexpr std::uint32_t kUnknownColor = 0x808080;

bool has_lowercase(const std::string& s) { return turkish::upper(s) != s; }
std::string display_name(const std::string& s) { return has_lowercase(s) ? s : turkish::title_case(s); }
bool is_code(const std::string& a) { return !a.empty() && a.find_first_not_of("0123456789") == std::string::npos; }

// "50.43", "7": a percentage as a table writes it (no sign, no exponent).
std::optional<double> percent(const std::string& text) {
  const std::size_t dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (!is_code(whole) || (dot != std::string::npos && !is_code(frac))) return std::nullopt;
  return decimal::parse(text);
}

struct AreaRows {
  std::optional<Count> boxes_counted, boxes, registered, cast, valid;
  std::vector<std::pair<std::string, Count>> votes;  // contestant -> votes, in file order
};
struct Moment {
  std::int64_t epoch = 0;
  std::string at;
  std::vector<std::pair<std::string, AreaRows>> areas;
};

struct Import {
  Builder& feed;
  const CsvTable& table;
  const CsvImportOptions& opt;
  std::map<std::string, int> col;  // field -> column
  std::string error;

  int column(const char* field) const {
    const auto it = col.find(field);
    return it == col.end() ? -1 : it->second;
  }
  const std::string* cell(const std::vector<std::string>& row, const char* field) const {
    const int c = column(field);
    return c < 0 || row[static_cast<std::size_t>(c)].empty() ? nullptr : &row[static_cast<std::size_t>(c)];
  }
  bool fail(std::size_t row, const std::string& msg) {
    if (error.empty()) error = "row " + std::to_string(row + 2) + ": " + msg;  // +1 header, +1 one-based
    return false;
  }
  bool number(const std::vector<std::string>& row, std::size_t r, const char* field, std::optional<Count>& out) {
    const std::string* s = cell(row, field);
    if (!s) return true;
    Count v = 0;
    for (char ch : *s) {
      if (ch < '0' || ch > '9' || v > kMaxExactCount / 10)
        return fail(r, std::string(field) + " (column " + table.header[static_cast<std::size_t>(column(field))] +
                           "): expected a non-negative integer, got \"" + *s + "\"");
      v = v * 10 + (ch - '0');
    }
    out = v;
    return true;
  }

  RaceB* race() {
    for (RaceB& r : feed.races())
      if (opt.race.empty() || r.id == opt.race) return &r;
    return nullptr;
  }

  std::string area_id(const RaceB& race, const std::vector<std::string>& row) {
    const std::string* name = cell(row, "area");
    if (!name) return opt.area.empty() ? race.area : opt.area;
    const std::string key = turkish::fold(*name);
    const std::string slug = turkish::slug(*name);
    for (const AreaB& a : feed.areas())
      if (turkish::fold(a.name) == key || a.id == slug) return a.id;
    return feed
        .add_area({slug,
                   display_name(*name),
                   race.area,
                   opt.area_level.empty() ? "district" : opt.area_level,
                   std::nullopt,
                   std::nullopt,
                   {},
                   {}})
        .id;
  }

  // Party identity: a candidate already known (another source), a declared party (id, name,
  // short or one of its "aliases", which may be agency codes), else a new party.
  std::string party_id(const RaceB& race, const std::vector<std::string>& row) {
    const std::string* cand = cell(row, "candidate");
    if (cand && race.candidate)
      if (const auto* c = race.find_candidate(turkish::slug(display_name(*cand)))) return c->party;
    const std::string* name = cell(row, "party");
    const std::string* code = cell(row, "party_code");
    const std::string key = name ? turkish::fold(*name) : "";
    // 1. The agency's party code is the party's identity (ABP 11 and ABP 23 are two parties).
    if (code)
      for (const PartyB& p : feed.parties())
        if (std::find(p.aliases.begin(), p.aliases.end(), *code) != p.aliases.end()) return p.id;
    // 2. Else the name (id, name, short or a named alias), unless the party is known by other codes.
    for (const PartyB& p : feed.parties()) {
      const bool other_code = code && std::any_of(p.aliases.begin(), p.aliases.end(), is_code);
      if (other_code || key.empty()) continue;
      if (turkish::fold(p.id) == key || turkish::fold(p.name) == key || turkish::fold(p.short_name) == key) return p.id;
      for (const std::string& alias : p.aliases)
        if (turkish::fold(alias) == key) return p.id;
    }
    const std::string label = name ? *name : code ? *code : "?";
    std::string id = turkish::slug(label);
    if (id.empty()) id = "party";
    for (const PartyB& p : feed.parties())
      if (p.id == id) id += "-" + (code ? *code : std::to_string(feed.parties().size()));
    PartyB p;
    p.id = id;
    p.name = p.short_name = label;
    const std::string* color = cell(row, "color");
    p.has_color = true;
    if (!color || color->size() != 7 || !parse_hex_color(*color, p.color)) p.color = kUnknownColor;
    if (code) p.aliases = {*code};
    p.used = p.kept = true;
    return feed.add_party(std::move(p)).id;
  }

  std::string contestant_id(RaceB& race, const std::vector<std::string>& row, std::size_t r) {
    const std::string party = party_id(race, row);
    if (!race.candidate || opt.target == ImportTarget::Previous) return party;
    const std::string* cand = cell(row, "candidate");
    if (!cand) {
      fail(r, "a candidate race needs a candidate column");
      return "";
    }
    const std::string name = display_name(*cand);
    const std::string id = turkish::slug(name);
    if (!race.find_candidate(id)) race.add_candidate({id, name, party, {}});
    return id;
  }

  bool keep(const std::vector<std::string>& row) const {
    for (const auto& [column_name, value] : opt.where) {
      const int c = table.column(column_name);
      if (c < 0 || row[static_cast<std::size_t>(c)] != value) return false;
    }
    return true;
  }

  bool columns(ImportReport& report) {
    for (const auto& [field, def] : kDefaultColumns) {
      const int c = table.column(def);
      if (c >= 0) col[field] = c;
    }
    for (const auto& [field, column_name] : opt.map) {
      const int c = table.column(column_name);
      if (c < 0) {
        report.error = "--map " + field + "=" + column_name + ": the file has no column \"" + column_name + "\"";
        return false;
      }
      col[field] = c;
    }
    for (const auto& [column_name, value] : opt.where) {
      if (table.column(column_name) < 0) {
        report.error = "--where " + column_name + "=" + value + ": the file has no column \"" + column_name + "\"";
        return false;
      }
    }
    return true;
  }

  ImportReport run() {
    ImportReport report;
    if (!columns(report)) return report;
    if (!opt.shares.empty()) return run_shares(report);
    if (column("votes") < 0) {
      report.error = "the file has no votes column (map one with --map votes=COLUMN)";
      return report;
    }
    RaceB* race_ptr = race();
    if (!race_ptr) {
      report.error =
          opt.race.empty() ? "the description has no race" : "no race \"" + opt.race + "\" in the description";
      return report;
    }
    RaceB& race = *race_ptr;

    // Group rows: updated time -> area id -> counts and votes (in file order).
    std::map<std::int64_t, Moment> moments;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (!keep(row)) continue;
      std::int64_t epoch = 0;
      std::string when;
      if (const std::string* u = cell(row, "updated")) {
        std::string text = *u;
        if (text.size() == 10) text += "T00:00:00Z";  // a date alone (previous elections)
        const auto t = parse_rfc3339(text);
        if (!t) return fail(r, "updated: expected an RFC 3339 time, got \"" + *u + "\""), finish(report);
        epoch = t->epoch;
        when = *u;
      }
      Moment& moment = moments[epoch];
      moment.epoch = epoch;
      moment.at = when;
      const std::string area = area_id(race, row);
      if (area.empty()) return fail(r, "no area for this row"), finish(report);
      auto it = std::find_if(moment.areas.begin(), moment.areas.end(), [&](auto& e) { return e.first == area; });
      if (it == moment.areas.end()) {
        moment.areas.emplace_back(area, AreaRows{});
        it = moment.areas.end() - 1;
      }
      AreaRows& a = it->second;
      if (!number(row, r, "boxes_counted", a.boxes_counted) || !number(row, r, "boxes", a.boxes) ||
          !number(row, r, "registered", a.registered) || !number(row, r, "cast", a.cast) ||
          !number(row, r, "valid", a.valid))
        return finish(report);
      std::optional<Count> votes;
      if (!number(row, r, "votes", votes)) return finish(report);
      if (race.candidate && opt.target != ImportTarget::Previous && !cell(row, "candidate")) {
        ++report.rows_skipped;  // an agency's "others" row: its votes stay in `valid`, unattributed
        continue;
      }
      const std::string contestant = contestant_id(race, row, r);
      if (contestant.empty()) return finish(report);
      if (std::any_of(a.votes.begin(), a.votes.end(), [&](const auto& v) { return v.first == contestant; }))
        return fail(r, "a second row for \"" + contestant + "\" in area \"" + area + "\""), finish(report);
      a.votes.emplace_back(contestant, votes.value_or(0));
      ++report.rows_used;
    }
    if (moments.empty()) {
      report.error = "no rows left after --where";
      return report;
    }
    // Areas learn their boxes and registered voters from the rows where the feed lacks them.
    for (const auto& [epoch, moment] : moments)
      for (const auto& [area, a] : moment.areas)
        for (AreaB& fa : feed.areas())
          if (fa.id == area && area != race.area) {
            if (a.boxes && !fa.boxes) fa.boxes = a.boxes;
            if (a.registered && !fa.registered) fa.registered = a.registered;
          }
    if (opt.target == ImportTarget::Previous) {
      previous(race, moments.rbegin()->second);
    } else if (opt.target != ImportTarget::Declare) {
      if (!add_source()) return finish(report);
      if (opt.target == ImportTarget::Results) results(race, moments.rbegin()->second);
      if (opt.target == ImportTarget::History)
        for (const auto& [epoch, moment] : moments) history(race, moment);
    }
    if (!opt.status.empty()) feed.status = opt.status;
    report.ok = true;
    return report;
  }

  // A table of reported percentages -> history points (or the source's result) with shares.
  ImportReport run_shares(ImportReport& report) {
    RaceB* race_ptr = race();
    if (!race_ptr) {
      report.error = "no race \"" + opt.race + "\" in the feed";
      return report;
    }
    RaceB& race = *race_ptr;
    if (opt.target == ImportTarget::Previous) {
      report.error = "--share goes with --as history or --as results";
      return report;
    }
    // Resolve each CONTESTANT=COLUMN to a contestant id of the race.
    std::vector<std::pair<std::string, int>> cols;
    for (const auto& [who, column_name] : opt.shares) {
      const int c = table.column(column_name);
      if (c < 0) {
        report.error = "--share " + who + "=" + column_name + ": the file has no column \"" + column_name + "\"";
        return report;
      }
      std::string id = who;
      if (race.candidate && !race.find_candidate(who)) {
        const auto it = std::find_if(race.candidates.begin(), race.candidates.end(),
                                     [&party = who](const adapters::CandidateB& cand) { return cand.party == party; });
        if (it == race.candidates.end()) {
          report.error = "--share " + who + ": no candidate or party of a candidate called \"" + who + "\" in race \"" +
                         race.id + "\"";
          return report;
        }
        id = it->id;
      }
      cols.emplace_back(id, c);
    }
    if (!add_source()) return finish(report);
    std::vector<PointB> points;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (!keep(row)) continue;
      const std::string* when = cell(row, "updated");
      const auto t = when ? parse_rfc3339(*when) : std::nullopt;
      if (!t) return fail(r, "updated: expected an RFC 3339 time"), finish(report);
      PointB point{t->epoch, *when, {}};
      for (const auto& [id, c] : cols) {
        const std::string& text = row[static_cast<std::size_t>(c)];
        if (text.empty()) continue;
        const std::optional<double> v = percent(text);
        if (!v || *v > 100)
          return fail(r, table.header[static_cast<std::size_t>(c)] + ": expected a percentage, got \"" + text + "\""),
                 finish(report);
        point.result.shares.emplace_back(id, *v);
      }
      if (point.result.shares.empty()) continue;  // a note alone is not a moment of the count
      if (const std::string* pct = cell(row, "reporting_pct")) {
        const std::optional<double> v = percent(*pct);
        if (!v || *v > 100)
          return fail(r, "reporting_pct: expected a percentage, got \"" + *pct + "\""), finish(report);
        point.result.extras.emplace_back("reporting_pct", json::number_text(*v));
      }
      if (const std::string* note = cell(row, "note")) point.result.extras.emplace_back("note", json::quote(*note));
      ++report.rows_used;
      if (opt.target == ImportTarget::Results) touch(point.epoch, point.at);
      points.push_back(std::move(point));
    }
    if (opt.target == ImportTarget::Results) {  // the last such row is the source's current result
      if (!points.empty()) {
        PointB& last = points.back();
        ResultB result;
        result.shares = last.result.shares;
        for (const auto& extra : last.result.extras)
          if (extra.first == "reporting_pct") result.extras.push_back(extra);
        const std::string area = opt.area.empty() ? race.area : opt.area;
        race.results(opt.source) = {Snapshot{last.epoch, last.at, {{area, result}}, {}}};
      }
    } else {
      std::vector<PointB>& list = race.points(opt.source);
      list.insert(list.end(), points.begin(), points.end());
      std::stable_sort(list.begin(), list.end(), [](const PointB& x, const PointB& y) { return x.epoch < y.epoch; });
    }
    report.ok = true;
    return report;
  }

  ImportReport& finish(ImportReport& report) {
    report.error = error;
    return report;
  }

  bool add_source() {
    if (opt.source.empty()) {
      error = "--source is needed";
      return false;
    }
    for (const adapters::SourceB& s : feed.sources())
      if (s.id == opt.source) return true;
    feed.sources().push_back({opt.source, opt.source_name.empty() ? opt.source : opt.source_name, opt.source_kind, {}});
    return true;
  }

  // The feed's `updated` follows the newest moment a table gives (a moment without a time moves nothing).
  void touch(std::int64_t epoch, const std::string& at) {
    if (parse_rfc3339(at)) feed.touch(epoch, at);
  }

  static ResultB result_of(const AreaRows& a) {
    ResultB r;
    r.boxes_counted = a.boxes_counted;
    r.cast = a.cast;
    r.valid = a.valid;
    r.votes = a.votes;
    return r;
  }

  void results(RaceB& race, const Moment& m) {
    Snapshot snap{m.epoch, m.at, {}, {}};
    for (const auto& [area, a] : m.areas) snap.areas.emplace_back(area, result_of(a));
    race.results(opt.source) = {std::move(snap)};
    touch(m.epoch, m.at);
  }

  // The race root at one moment: the sum over the table's areas.
  void history(RaceB& race, const Moment& m) {
    PointB point{m.epoch, m.at, {}};
    Count boxes = 0, valid = 0;
    bool has_boxes = false, has_valid = true;
    for (const auto& [area, a] : m.areas) {
      if (a.boxes_counted) {
        boxes += *a.boxes_counted;
        has_boxes = true;
      }
      if (a.valid)
        valid += *a.valid;
      else
        has_valid = false;
      for (const auto& [c, v] : a.votes) {
        auto it = std::find_if(point.result.votes.begin(), point.result.votes.end(),
                               [&id = c](const auto& e) { return e.first == id; });
        if (it == point.result.votes.end())
          point.result.votes.emplace_back(c, v);
        else
          it->second += v;
      }
    }
    if (has_boxes) point.result.boxes_counted = boxes;
    if (has_valid && !m.areas.empty()) point.result.valid = valid;
    std::vector<PointB>& list = race.points(opt.source);
    list.push_back(std::move(point));
    std::stable_sort(list.begin(), list.end(), [](const PointB& x, const PointB& y) { return x.epoch < y.epoch; });
  }

  void previous(RaceB& race, const Moment& m) {
    race.previous_label = !opt.label.empty() ? opt.label : m.at.substr(0, 4);
    for (const auto& [area, a] : m.areas) {
      std::string winner;
      Count best = 0;
      bool any = false;
      for (const auto& [party, v] : a.votes)
        if (!any || v > best) {
          best = v;
          winner = party;
          any = true;
        }
      PreviousB entry{area, winner, a.votes, a.valid, {}};
      auto it = std::find_if(race.previous.begin(), race.previous.end(),
                             [&id = area](const PreviousB& e) { return e.area == id; });
      if (it == race.previous.end())
        race.previous.push_back(std::move(entry));
      else
        *it = std::move(entry);
    }
  }
};

}  // namespace

ImportReport import_csv(Builder& feed, const CsvTable& table, const CsvImportOptions& options) {
  Import imp{feed, table, options, {}, {}};
  return imp.run();
}

}  // namespace sandik
