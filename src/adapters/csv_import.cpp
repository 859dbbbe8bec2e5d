#include "csv_import.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "../core/time.h"
#include "../core/turkish.h"

namespace sandik {
namespace {

using ojson = nlohmann::ordered_json;

const std::pair<const char*, const char*> kDefaultColumns[] = {
    {"area", "district"},       {"boxes_counted", "boxes_opened"},
    {"boxes", "boxes_total"},   {"registered", "registered"},
    {"cast", "cast"},           {"valid", "valid"},
    {"party", "party"},         {"party_code", "party_code"},
    {"candidate", "candidate"}, {"color", "color"},
    {"votes", "votes"},         {"updated", "snapshot_time"},
    {"note", "note"},
};

bool has_lowercase(const std::string& s) { return turkish::upper(s) != s; }
std::string display_name(const std::string& s) { return has_lowercase(s) ? s : turkish::title_case(s); }

struct Import {
  ojson& feed;
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
  bool number(const std::vector<std::string>& row, std::size_t r, const char* field, std::optional<long long>& out) {
    const std::string* s = cell(row, field);
    if (!s) return true;
    long long v = 0;
    for (char ch : *s) {
      if (ch < '0' || ch > '9' || v > 900719925474099)
        return fail(r, std::string(field) + " (column " + table.header[static_cast<std::size_t>(column(field))] +
                           "): expected a non-negative integer, got \"" + *s + "\"");
      v = v * 10 + (ch - '0');
    }
    out = v;
    return true;
  }

  ojson& race() {
    ojson& races = feed["races"];
    for (auto& r : races)
      if (opt.race.empty() || r.value("id", "") == opt.race) return r;
    static ojson none;
    return none;
  }

  std::string area_id(ojson& race_obj, const std::vector<std::string>& row) {
    const std::string* name = cell(row, "area");
    if (!name) return opt.area.empty() ? race_obj.value("area", "") : opt.area;
    const std::string key = turkish::fold(*name);
    for (const auto& a : feed["areas"])
      if (turkish::fold(a.value("name", "")) == key || a.value("id", "") == turkish::slug(*name)) return a["id"];
    ojson a;
    a["id"] = turkish::slug(*name);
    a["name"] = display_name(*name);
    a["parent"] = race_obj.value("area", "");
    a["level"] = opt.area_level.empty() ? "district" : opt.area_level;
    feed["areas"].push_back(a);
    return a["id"];
  }

  // Party identity: a candidate already known (another source), a declared party (id, name,
  // short or one of its "aliases", which may be agency codes), else a new party.
  std::string party_id(ojson& race_obj, const std::vector<std::string>& row) {
    const std::string* cand = cell(row, "candidate");
    if (cand && race_obj.contains("candidates")) {
      const std::string cid = turkish::slug(display_name(*cand));
      for (const auto& c : race_obj["candidates"])
        if (c.value("id", "") == cid) return c.value("party", "");
    }
    const std::string* name = cell(row, "party");
    const std::string* code = cell(row, "party_code");
    const std::string key = name ? turkish::fold(*name) : "";
    auto is_code = [](const std::string& a) {
      return !a.empty() && a.find_first_not_of("0123456789") == std::string::npos;
    };
    // 1. The agency's party code is the party's identity (ABP 11 and ABP 23 are two parties).
    if (code)
      for (const auto& p : feed["parties"])
        if (p.contains("aliases"))
          for (const auto& alias : p["aliases"])
            if (alias.is_string() && alias.get<std::string>() == *code) return p["id"];
    // 2. Else the name (id, name, short or a named alias), unless the party is known by other codes.
    for (const auto& p : feed["parties"]) {
      bool other_code = false;
      if (code && p.contains("aliases"))
        for (const auto& alias : p["aliases"])
          if (alias.is_string() && is_code(alias.get<std::string>())) other_code = true;
      if (other_code || key.empty()) continue;
      if (turkish::fold(p.value("id", "")) == key || turkish::fold(p.value("name", "")) == key ||
          turkish::fold(p.value("short", "")) == key)
        return p["id"];
      if (p.contains("aliases"))
        for (const auto& alias : p["aliases"])
          if (alias.is_string() && turkish::fold(alias.get<std::string>()) == key) return p["id"];
    }
    const std::string label = name ? *name : code ? *code : "?";
    std::string id = turkish::slug(label);
    if (id.empty()) id = "party";
    for (const auto& p : feed["parties"])
      if (p.value("id", "") == id) id += "-" + (code ? *code : std::to_string(feed["parties"].size()));
    ojson p;
    p["id"] = id;
    p["name"] = label;
    p["short"] = label;
    const std::string* color = cell(row, "color");
    p["color"] = color && color->size() == 7 && (*color)[0] == '#' ? *color : "#808080";
    if (code) p["aliases"] = ojson::array({*code});
    feed["parties"].push_back(p);
    return id;
  }

  std::string contestant_id(ojson& race_obj, const std::vector<std::string>& row, std::size_t r) {
    const std::string party = party_id(race_obj, row);
    if (race_obj.value("kind", "candidate") == "party" || opt.target == ImportTarget::Previous) return party;
    const std::string* cand = cell(row, "candidate");
    if (!cand) {
      fail(r, "a candidate race needs a candidate column");
      return "";
    }
    const std::string name = display_name(*cand);
    const std::string id = turkish::slug(name);
    for (const auto& c : race_obj["candidates"])
      if (c.value("id", "") == id) return id;
    race_obj["candidates"].push_back({{"id", id}, {"name", name}, {"party", party}});
    return id;
  }

  bool keep(const std::vector<std::string>& row) const {
    for (const auto& [column_name, value] : opt.where) {
      const int c = table.column(column_name);
      if (c < 0 || row[static_cast<std::size_t>(c)] != value) return false;
    }
    return true;
  }

  struct AreaRows {
    std::optional<long long> boxes_counted, boxes, registered, cast, valid;
    ojson votes = ojson::object();
  };

  ImportReport run() {
    ImportReport report;
    for (const auto& [field, def] : kDefaultColumns) {
      const int c = table.column(def);
      if (c >= 0) col[field] = c;
    }
    for (const auto& [field, column_name] : opt.map) {
      const int c = table.column(column_name);
      if (c < 0) {
        report.error = "--map " + field + "=" + column_name + ": the file has no column \"" + column_name + "\"";
        return report;
      }
      col[field] = c;
    }
    for (const auto& [column_name, value] : opt.where) {
      if (table.column(column_name) < 0) {
        report.error = "--where " + column_name + "=" + value + ": the file has no column \"" + column_name + "\"";
        return report;
      }
    }
    if (!opt.shares.empty()) return run_shares(report);
    if (column("votes") < 0) {
      report.error = "the file has no votes column (map one with --map votes=COLUMN)";
      return report;
    }
    for (const char* key : {"sources", "parties", "areas", "races"})
      if (!feed.contains(key) || !feed[key].is_array()) feed[key] = ojson::array();
    ojson& race_obj = race();
    if (race_obj.is_null()) {
      report.error =
          opt.race.empty() ? "the description has no race" : "no race \"" + opt.race + "\" in the description";
      return report;
    }
    if (race_obj.value("kind", "candidate") == "candidate" && !race_obj.contains("candidates"))
      race_obj["candidates"] = ojson::array();

    // Group rows: updated time -> area id -> counts and votes (in file order).
    std::map<long long, std::pair<std::string, std::vector<std::pair<std::string, AreaRows>>>> moments;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (!keep(row)) continue;
      long long epoch = 0;
      std::string when;
      if (const std::string* u = cell(row, "updated")) {
        std::string text = *u;
        if (text.size() == 10) text += "T00:00:00Z";  // a date alone (previous elections)
        const auto t = parse_rfc3339(text);
        if (!t) return fail(r, "updated: expected an RFC 3339 time, got \"" + *u + "\""), finish(report);
        epoch = t->epoch;
        when = *u;
      }
      auto& [moment_text, areas] = moments[epoch];
      moment_text = when;
      const std::string area = area_id(race_obj, row);
      if (area.empty()) return fail(r, "no area for this row"), finish(report);
      auto it = std::find_if(areas.begin(), areas.end(), [&](auto& e) { return e.first == area; });
      if (it == areas.end()) {
        areas.emplace_back(area, AreaRows{});
        it = areas.end() - 1;
      }
      AreaRows& a = it->second;
      if (!number(row, r, "boxes_counted", a.boxes_counted) || !number(row, r, "boxes", a.boxes) ||
          !number(row, r, "registered", a.registered) || !number(row, r, "cast", a.cast) ||
          !number(row, r, "valid", a.valid))
        return finish(report);
      std::optional<long long> votes;
      if (!number(row, r, "votes", votes)) return finish(report);
      if (race_obj.value("kind", "candidate") == "candidate" && opt.target != ImportTarget::Previous &&
          !cell(row, "candidate")) {
        ++report.rows_skipped;  // an agency's "others" row: its votes stay in `valid`, unattributed
        continue;
      }
      const std::string contestant = contestant_id(race_obj, row, r);
      if (contestant.empty()) return finish(report);
      if (a.votes.contains(contestant))
        return fail(r, "a second row for \"" + contestant + "\" in area \"" + area + "\""), finish(report);
      a.votes[contestant] = votes.value_or(0);
      ++report.rows_used;
    }
    if (moments.empty()) {
      report.error = "no rows left after --where";
      return report;
    }
    // Areas learn their boxes and registered voters from the rows where the feed lacks them.
    for (const auto& [epoch, moment] : moments)
      for (const auto& [area, a] : moment.second)
        for (auto& fa : feed["areas"])
          if (fa.value("id", "") == area) {
            if (a.boxes && !fa.contains("boxes") && area != race_obj.value("area", "")) fa["boxes"] = *a.boxes;
            if (a.registered && !fa.contains("registered") && area != race_obj.value("area", ""))
              fa["registered"] = *a.registered;
          }
    if (opt.target == ImportTarget::Declare) {  // the race's people and places, no results yet
      if (!opt.status.empty()) feed["status"] = opt.status;
      report.ok = true;
      return report;
    }
    if (opt.target == ImportTarget::Previous)
      previous(race_obj, moments.rbegin()->second);
    else if (!add_source())
      return finish(report);
    if (opt.target == ImportTarget::Results) results(race_obj, moments.rbegin()->second);
    if (opt.target == ImportTarget::History)
      for (const auto& [epoch, moment] : moments) history(race_obj, moment);
    if (!opt.status.empty()) feed["status"] = opt.status;
    report.ok = true;
    return report;
  }

  // A table of reported percentages -> history points with shares.
  ImportReport run_shares(ImportReport& report) {
    for (const char* key : {"sources", "parties", "areas", "races"})
      if (!feed.contains(key) || !feed[key].is_array()) feed[key] = ojson::array();
    ojson& race_obj = race();
    if (race_obj.is_null()) {
      report.error = "no race \"" + opt.race + "\" in the feed";
      return report;
    }
    if (opt.target == ImportTarget::Previous) {
      report.error = "--share goes with --as history or --as results";
      return report;
    }
    // Resolve each CONTESTANT=COLUMN to a contestant id of the race.
    std::vector<std::pair<std::string, int>> cols;
    const bool candidate_race = race_obj.value("kind", "candidate") == "candidate";
    for (const auto& [who, column_name] : opt.shares) {
      const int c = table.column(column_name);
      if (c < 0) {
        report.error = "--share " + who + "=" + column_name + ": the file has no column \"" + column_name + "\"";
        return report;
      }
      std::string id = who;
      if (candidate_race) {
        bool found = false;
        for (const auto& cand : race_obj["candidates"])
          if (cand.value("id", "") == who) found = true;
        for (const auto& cand : race_obj["candidates"])
          if (!found && cand.value("party", "") == who) {
            id = cand.value("id", "");
            found = true;
          }
        if (!found) {
          report.error = "--share " + who + ": no candidate or party of a candidate called \"" + who + "\" in race \"" +
                         race_obj.value("id", "") + "\"";
          return report;
        }
      }
      cols.emplace_back(id, c);
    }
    if (!add_source()) return finish(report);
    ojson& list = race_obj["history"][opt.source];
    if (!list.is_array()) list = ojson::array();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (!keep(row)) continue;
      const std::string* when = cell(row, "updated");
      if (!when || !parse_rfc3339(*when)) return fail(r, "updated: expected an RFC 3339 time"), finish(report);
      ojson point;
      point["at"] = *when;
      ojson shares = ojson::object();
      for (const auto& [id, c] : cols) {
        const std::string& text = row[static_cast<std::size_t>(c)];
        if (text.empty()) continue;
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (!end || *end || v < 0 || v > 100)
          return fail(r, table.header[static_cast<std::size_t>(c)] + ": expected a percentage, got \"" + text + "\""),
                 finish(report);
        shares[id] = v;
      }
      const std::string* note = cell(row, "note");
      if (shares.empty() && !note) continue;
      if (!shares.empty()) point["shares"] = shares;
      if (const std::string* pct = cell(row, "reporting_pct"))
        point["reporting_pct"] = std::strtod(pct->c_str(), nullptr);
      if (note) point["note"] = *note;
      if (shares.empty()) continue;  // a note alone is not a moment of the count
      ++report.rows_used;
      if (opt.target == ImportTarget::Results) {  // the last such row is the source's current result
        ojson result;
        result["shares"] = point["shares"];
        if (point.contains("reporting_pct")) result["reporting_pct"] = point["reporting_pct"];
        ojson set;
        set["updated"] = *when;
        set["areas"] = ojson::object();
        set["areas"][opt.area.empty() ? race_obj.value("area", "") : opt.area] = result;
        race_obj["results"][opt.source] = set;
        bump_updated(*when);
        continue;
      }
      list.push_back(point);
    }
    if (opt.target == ImportTarget::Results) {
      if (list.empty()) race_obj["history"].erase(opt.source);
      if (race_obj["history"].empty()) race_obj.erase("history");
      report.ok = true;
      return report;
    }
    std::vector<ojson> sorted(list.begin(), list.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const ojson& x, const ojson& y) {
      return parse_rfc3339(x["at"].get<std::string>())->epoch < parse_rfc3339(y["at"].get<std::string>())->epoch;
    });
    list = sorted;
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
    for (const auto& s : feed["sources"])
      if (s.value("id", "") == opt.source) return true;
    feed["sources"].push_back({{"id", opt.source}, {"name", opt.source_name.empty() ? opt.source : opt.source_name}});
    return true;
  }

  void bump_updated(const std::string& when) {
    const auto now = parse_rfc3339(when);
    const auto had = parse_rfc3339(feed.value("updated", ""));
    if (now && (!had || now->epoch > had->epoch)) feed["updated"] = when;
  }

  using Moment = std::pair<std::string, std::vector<std::pair<std::string, AreaRows>>>;

  void results(ojson& race_obj, const Moment& m) {
    ojson set;
    set["updated"] = m.first;
    set["areas"] = ojson::object();
    for (const auto& [area, a] : m.second) {
      ojson r;
      if (a.boxes_counted) r["boxes_counted"] = *a.boxes_counted;
      if (a.cast) r["cast"] = *a.cast;
      if (a.valid) r["valid"] = *a.valid;
      r["votes"] = a.votes;
      set["areas"][area] = r;
    }
    race_obj["results"][opt.source] = set;
    bump_updated(m.first);
  }

  void history(ojson& race_obj, const Moment& m) {
    ojson point;
    point["at"] = m.first;
    long long boxes = 0, valid = 0;
    bool has_boxes = false, has_valid = true;
    ojson votes = ojson::object();
    for (const auto& [area, a] : m.second) {
      if (a.boxes_counted) {
        boxes += *a.boxes_counted;
        has_boxes = true;
      }
      if (a.valid)
        valid += *a.valid;
      else
        has_valid = false;
      for (const auto& [c, v] : a.votes.items()) votes[c] = votes.value(c, 0LL) + v.get<long long>();
    }
    if (has_boxes) point["boxes_counted"] = boxes;
    if (has_valid && !m.second.empty()) point["valid"] = valid;
    point["votes"] = votes;
    ojson& list = race_obj["history"][opt.source];
    if (!list.is_array()) list = ojson::array();
    list.push_back(point);
    std::vector<ojson> sorted(list.begin(), list.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const ojson& x, const ojson& y) {
      return parse_rfc3339(x["at"].get<std::string>())->epoch < parse_rfc3339(y["at"].get<std::string>())->epoch;
    });
    list = sorted;
  }

  void previous(ojson& race_obj, const Moment& m) {
    ojson& prev = race_obj["previous"];
    prev["label"] = !opt.label.empty() ? opt.label : m.first.substr(0, 4);
    if (!prev.contains("areas")) prev["areas"] = ojson::object();
    for (const auto& [area, a] : m.second) {
      ojson party_votes = ojson::object();
      for (const auto& [party, v] : a.votes.items()) party_votes[party] = v;
      std::string winner;
      long long best = -1;
      for (const auto& [p, v] : party_votes.items())
        if (v.get<long long>() > best) {
          best = v.get<long long>();
          winner = p;
        }
      ojson entry;
      entry["winner"] = winner;
      entry["votes"] = party_votes;
      if (a.valid) entry["valid"] = *a.valid;
      prev["areas"][area] = entry;
    }
  }
};

}  // namespace

ImportReport import_csv(ojson& feed, const CsvTable& table, const CsvImportOptions& options) {
  Import imp{feed, table, options, {}, {}};
  return imp.run();
}

}  // namespace sandik
