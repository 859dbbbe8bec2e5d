// sandik — the command line for data desks.
//
//   sandik validate FEED                      errors and warnings; "ok" and exit 0 when valid
//   sandik summary FEED [--race ID] [--source ID] [--area ID] [--lang tr|en] [--json]
//   sandik table FEED [--race ID] [--source ID] [--area ID] [--sort KEY] [--desc] [--search TEXT] [--json]
//   sandik import (--election DESC | --into FEED) --race ID --source ID [options] FILE.csv
//   sandik import --from anka|aa|ap [--updated TIME] FILE... [--from … FILE...] [--election DESC | --into FEED]
//   sandik serve [--root DIR] [--port N] [--host ADDR]
//
// Exit codes: 0 ok; 1 the feed (or the CSV) is invalid, the problems on stderr, one per line,
// "PATH: message"; 2 usage or I/O error.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "../adapters/agency.h"
#include "../adapters/csv_import.h"
#include "../core/feed.h"
#include "../core/format.h"
#include "../core/table_model.h"
#include "../core/tally.h"
#include "../core/time.h"
#include "../core/turkish.h"
#include "../ui/present.h"
#include "../ui/strings.h"
#include "../ui/widget.h"
#include "replay.h"
#include "serve.h"

namespace {

using ojson = nlohmann::ordered_json;
constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

const char* kUsageText =
    "usage: sandik COMMAND [options]\n"
    "  validate FEED [--after SHOWN]        check a feed; prints ok or every problem as PATH: message;\n"
    "                                       --after: warn when FEED is older than SHOWN (out of order)\n"
    "  summary FEED [--race ID] [--source ID] [--area ID] [--lang tr|en] [--json]\n"
    "                                       the aggregated result of one race in one area\n"
    "  table FEED [--race ID] [--source ID] [--area ID] [--sort name|leader|margin|reporting|turnout|swing]\n"
    "             [--desc] [--search TEXT] [--lang tr|en] [--json]\n"
    "                                       the district table: one row per child area\n"
    "  import (--election DESC.json | --into FEED.json) [--race ID] --source ID [--source-name NAME]\n"
    "         [--as results|history|previous|declare] [--where COLUMN=VALUE]... [--map FIELD=COLUMN]...\n"
    "         [--area ID] [--label TEXT] [--status live|test|final] [--share CONTESTANT=COLUMN]... FILE.csv\n"
    "                                       a results table into a sandik/1 feed, on stdout\n"
    "  import --from anka|aa|ap [--updated TIME] FILE... [--from FORMAT [--updated TIME] FILE...]...\n"
    "         [--election DESC.json | --into FEED.json] [--province PLATE|NAME] [--status live|test|final]\n"
    "         [--verbose]                   (many warnings are counted by kind; --verbose lists them all)\n"
    "                                       the agencies' own payloads into one sandik/1 feed, a source\n"
    "                                       per agency; --updated: when the next files were published\n"
    "                                       (default: each file's modification time; AP has its own)\n"
    "  replay [SNAPSHOTS_DIR] [--speed 60] [--port 8000] [--host 127.0.0.1] [--root DIR] [--path URL_PATH]\n"
    "         [--max-age 5] [--fail-rate 0.1] [--slow-ms 2000] [--malformed-at N] [--out-of-order]\n"
    "                                       election night again: a feed that changes as the night's clock runs\n"
    "  serve [--root DIR] [--port 8000] [--host 127.0.0.1]\n"
    "                                       serve the demo page (web/), dist/ and assets/feeds/\n"
    "exit codes: 0 ok, 1 invalid input, 2 usage or I/O error\n";

int usage(const std::string& why) {
  if (!why.empty()) std::fprintf(stderr, "sandik: %s\n", why.c_str());
  std::fputs(kUsageText, stderr);
  return kUsage;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  // --name value (or "" for flags)
  bool flag(const std::string& name) const {
    for (const auto& [k, v] : options)
      if (k == name) return true;
    return false;
  }
  std::string get(const std::string& name, const std::string& def = "") const {
    for (const auto& [k, v] : options)
      if (k == name) return v;
    return def;
  }
  std::vector<std::string> all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : options)
      if (k == name) out.push_back(v);
    return out;
  }
};

// Options listed in `with_value` take the next argument; others are flags.
bool parse_args(int argc, char** argv, int from, const std::vector<std::string>& with_value,
                const std::vector<std::string>& flags, Args& args, std::string& error) {
  for (int i = from; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      args.positional.push_back(a);
      continue;
    }
    std::string value;
    const std::size_t eq = a.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
    }
    const std::string name = a.substr(2);
    if (std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
      if (!inline_value) {
        if (i + 1 >= argc) {
          error = "--" + name + " needs a value";
          return false;
        }
        value = argv[++i];
      }
    } else if (std::find(flags.begin(), flags.end(), name) == flags.end()) {
      error = "unknown option --" + name;
      return false;
    }
    args.options.emplace_back(name, value);
  }
  return true;
}

void print_problems(const sandik::Problems& problems) {
  for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
}

// Every error; the warnings in full when there are few (or with --verbose), else counted by
// kind with the first three of each and their paths (a national import has hundreds).
void print_summarised(const sandik::Problems& problems, bool verbose) {
  constexpr std::size_t kFew = 20, kExamples = 3;
  std::vector<const sandik::Problem*> warnings;
  for (const auto& p : problems) {
    if (p.severity == sandik::Severity::Error)
      std::fprintf(stderr, "%s\n", p.to_string().c_str());
    else
      warnings.push_back(&p);
  }
  if (verbose || warnings.size() <= kFew) {
    for (const auto* p : warnings) std::fprintf(stderr, "%s\n", p->to_string().c_str());
    return;
  }
  std::vector<std::pair<std::string, std::vector<const sandik::Problem*>>> kinds;  // in order of first appearance
  for (const auto* p : warnings) {
    const std::string kind = p->code.empty() ? "other" : p->code;
    auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == kind; });
    if (it == kinds.end()) it = kinds.insert(kinds.end(), {kind, {}});
    it->second.push_back(p);
  }
  std::fprintf(stderr, "%zu warnings (--verbose lists them all):\n", warnings.size());
  for (const auto& [kind, list] : kinds) {
    std::fprintf(stderr, "  %zu %s, the first:\n", list.size(), kind.c_str());
    for (std::size_t i = 0; i < list.size() && i < kExamples; ++i)
      std::fprintf(stderr, "    %s\n", list[i]->to_string().c_str());
  }
}

// Reads and validates a feed; prints its problems. Returns exit code, kOk with `out` set.
int load_feed(const std::string& path, sandik::ParsedFeed& out) {
  std::string text;
  if (!read_file(path, text)) {
    std::fprintf(stderr, "sandik: cannot read %s\n", path.c_str());
    return kUsage;
  }
  sandik::ParseOptions opt;
  opt.max_bytes = 512u << 20;  // the command line checks large files; the widget keeps 20 MiB
  out = sandik::parse_feed(text, opt);
  print_problems(out.problems);
  return out.ok() ? kOk : kInvalid;
}

int cmd_validate(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"after"}, {}, args, err)) return usage(err);
  if (args.positional.size() != 1) return usage("validate takes one FEED");
  sandik::ParsedFeed parsed;
  const int rc = load_feed(args.positional[0], parsed);
  if (rc != kOk) return rc;
  if (args.flag("after")) {  // would a widget showing the --after feed take this one?
    sandik::ParsedFeed shown;
    if (const int rc2 = load_feed(args.get("after"), shown); rc2 != kOk) return rc2 == kInvalid ? kUsage : rc2;
    if (auto late = sandik::out_of_order(*shown.feed, *parsed.feed)) print_problems({*late});
  }
  std::printf("ok\n");
  return kOk;
}

ojson opt_count(const std::optional<sandik::Count>& v) { return v ? ojson(*v) : ojson(nullptr); }
ojson opt_double(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }

// --race, --source, --area: defaults are the first race, its first source, the race's root.
struct Selection {
  const sandik::Race* race = nullptr;
  int source = -1, area = -1;
};
int select(const sandik::Feed& feed, const Args& args, Selection& sel) {
  const int race_i = args.flag("race") ? feed.find_race(args.get("race")) : 0;
  if (race_i < 0) return usage("no race \"" + args.get("race") + "\" in the feed");
  sel.race = &feed.races[static_cast<std::size_t>(race_i)];
  if (args.flag("source")) {
    sel.source = feed.find_source(args.get("source"));
    if (sel.source < 0) return usage("no source \"" + args.get("source") + "\" in the feed");
  } else {
    sel.source = sel.race->results.empty() ? 0 : sel.race->results.front().source;
  }
  sel.area = sel.race->area;
  if (args.flag("area")) {
    sel.area = feed.find_area(args.get("area"));
    if (sel.area < 0) return usage("no area \"" + args.get("area") + "\" in the feed");
  }
  return kOk;
}

// The widget's options for what --race, --source and --area chose.
sandik::ui::WidgetOptions widget_options(const sandik::Feed& feed, const Selection& sel, sandik::Lang lang) {
  sandik::ui::WidgetOptions o;
  o.race = sel.race->id;
  o.source = feed.sources[static_cast<std::size_t>(sel.source)].id;
  o.area = feed.areas[static_cast<std::size_t>(sel.area)].id;
  o.lang = lang;
  o.view = "detail";
  return o;
}

// Rows in columns aligned by the letters a terminal shows (ı, ş and ğ are one letter, two bytes),
// each column at least `min` wide, right-aligned where `right`; the last column is not padded.
void print_aligned(const std::vector<std::vector<std::string>>& rows, const std::vector<std::size_t>& min,
                   const std::vector<bool>& right, const char* indent, const char* gap = " ") {
  std::vector<std::size_t> w(min);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < w.size(); ++i)
      w[i] = std::max(w[i], sandik::turkish::display_width(r[i]));
  for (const auto& r : rows) {
    std::string line = indent;
    for (std::size_t i = 0; i < r.size(); ++i) {
      const std::size_t pad = w[i] - sandik::turkish::display_width(r[i]);
      const bool last = i + 1 == r.size();
      if (i) line += gap;
      if (right[i])
        line += std::string(pad, ' ') + r[i];
      else
        line += last ? r[i] : r[i] + std::string(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::printf("%s\n", line.c_str());
  }
}

int cmd_summary(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"race", "source", "area", "lang"}, {"json"}, args, err)) return usage(err);
  if (args.positional.size() != 1) return usage("summary takes one FEED");
  sandik::ParsedFeed parsed;
  if (const int rc = load_feed(args.positional[0], parsed); rc != kOk) return rc;
  const sandik::Feed& feed = *parsed.feed;
  Selection sel;
  if (const int rc = select(feed, args, sel); rc != kOk) return rc;
  const sandik::Race& race = *sel.race;
  const int source = sel.source, area = sel.area;
  const sandik::RaceTally tally(feed, race, source);
  if (!tally.in_race(area)) return usage("area \"" + args.get("area") + "\" is not part of race \"" + race.id + "\"");
  const sandik::Summary s = sandik::summarize(tally, area);
  const sandik::SourceResults* sr = race.results_for(source);
  const std::string updated = sr ? sr->updated.text : feed.updated.text;
  const auto& src = feed.sources[static_cast<std::size_t>(source)];
  const auto& ar = feed.areas[static_cast<std::size_t>(area)];

  if (args.flag("json")) {
    ojson j;
    j["race"] = race.id;
    j["source"] = src.id;
    j["area"] = ar.id;
    j["updated"] = updated;
    j["status"] = sandik::outcome_name(s.outcome);
    j["boxes_counted"] = opt_count(s.boxes_counted);
    j["boxes"] = opt_count(s.boxes);
    j["reporting_pct"] = opt_double(s.reporting_pct);
    j["registered"] = opt_count(s.registered);
    j["cast"] = opt_count(s.cast);
    j["valid"] = s.valid;
    j["turnout_pct"] = opt_double(s.turnout_pct);
    j["contestants"] = ojson::array();
    for (const auto& st : s.standings) {
      const int party = race.contestant_party(st.contestant);
      j["contestants"].push_back(
          {{"id", feed.contestant_id(race, st.contestant)},
           {"name", feed.contestant_name(race, st.contestant)},
           {"party", party >= 0 ? ojson(feed.parties[static_cast<std::size_t>(party)].id) : ojson(nullptr)},
           {"votes", s.shares_only ? ojson(nullptr) : ojson(st.votes)},
           {"share_pct", st.share_pct}});
    }
    j["leader"] = s.leader >= 0 ? ojson(feed.contestant_id(race, s.leader)) : ojson(nullptr);
    j["tied"] = s.tied;
    j["margin_votes"] = s.margin_votes;
    j["margin_pct_points"] = s.margin_pct_points;
    if (race.seats) {
      j["seats"] = ojson::object();
      for (const auto& [p, n] : s.seats) j["seats"][feed.parties[static_cast<std::size_t>(p)].id] = n;
    }
    j["winner"] = s.winner >= 0 ? ojson(feed.contestant_id(race, s.winner)) : ojson(nullptr);
    std::printf("%s\n", j.dump(2).c_str());
    return kOk;
  }

  // The reader's words: the same presentation model the widget draws and its mirror reads.
  const sandik::Lang lang = sandik::lang_from_code(args.get("lang", "en"));
  sandik::ui::Widget widget;
  widget.set_options(widget_options(feed, sel, lang));
  widget.set_feed(parsed.feed);
  sandik::ui::UiState all;
  all.others_open = true;  // every contestant with a vote, none grouped
  const sandik::ui::SummaryView v = sandik::ui::present_summary(widget.model(), all, lang);
  auto count = [&](const std::optional<sandik::Count>& n) {
    return n ? sandik::format_count(*n, lang) : std::string("–");
  };
  std::printf("%s — %s, %s (%s)\n", v.title.c_str(), ar.name.c_str(), src.name.c_str(), updated.c_str());
  std::printf("%s, %s\n",
              sandik::ui::say(sandik::ui::Str::CliBoxes, lang,
                              {count(s.boxes_counted), count(s.boxes),
                               s.reporting_pct ? sandik::format_percent(*s.reporting_pct, lang) : "–"})
                  .c_str(),
              sandik::ui::say(sandik::ui::Str::CliTurnout, lang, {v.turnout.empty() ? "–" : v.turnout}).c_str());
  std::vector<std::vector<std::string>> rows;
  for (const sandik::ui::Bar& b : v.bars) {
    std::string votes = b.votes;
    if (const std::size_t sp = votes.rfind(' '); sp != std::string::npos) votes.resize(sp);
    rows.push_back({b.name, b.party, votes, b.share, b.tag});
  }
  print_aligned(rows, {34, 14, 12, 9, 0}, {false, false, true, true, false}, "  ");
  std::printf("%s\n", v.margin.c_str());
  return kOk;
}

int cmd_table(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"race", "source", "area", "sort", "search", "lang"}, {"json", "desc"}, args, err))
    return usage(err);
  if (args.positional.size() != 1) return usage("table takes one FEED");
  sandik::TableQuery q;
  if (args.flag("sort")) {
    const auto key = sandik::sort_key_from(args.get("sort"));
    if (!key) return usage("--sort takes name, leader, margin, reporting, turnout or swing, got " + args.get("sort"));
    q.sort = *key;
  }
  q.desc = args.flag("desc");
  q.search = args.get("search");
  sandik::ParsedFeed parsed;
  if (const int rc = load_feed(args.positional[0], parsed); rc != kOk) return rc;
  const sandik::Feed& feed = *parsed.feed;
  Selection sel;
  if (const int rc = select(feed, args, sel); rc != kOk) return rc;
  const sandik::RaceTally tally(feed, *sel.race, sel.source);
  if (!tally.in_race(sel.area))
    return usage("area \"" + args.get("area") + "\" is not part of race \"" + sel.race->id + "\"");
  const auto rows = sandik::table_rows(tally, sel.area, q);
  auto contestant = [&](int c) { return c >= 0 ? ojson(feed.contestant_id(*sel.race, c)) : ojson(nullptr); };
  auto party = [&](int p) { return p >= 0 ? ojson(feed.parties[static_cast<std::size_t>(p)].id) : ojson(nullptr); };
  if (args.flag("json")) {
    ojson j;
    j["rows"] = ojson::array();
    for (const auto& r : rows) {
      const bool has = r.has_results;
      j["rows"].push_back(
          {{"area", feed.areas[static_cast<std::size_t>(r.area)].id},
           {"name", *r.name},
           {"leader", contestant(r.leader)},
           {"leader_party", party(r.leader_party)},
           {"leader_share_pct", has ? ojson(r.leader_share_pct) : ojson(nullptr)},
           {"runner_up", contestant(r.runner_up)},
           {"runner_up_share_pct", has && r.runner_up >= 0 ? ojson(r.runner_up_share_pct) : ojson(nullptr)},
           {"margin_pct_points", has ? ojson(r.margin_pct_points) : ojson(nullptr)},
           {"reporting_pct", opt_double(r.reporting_pct)},
           {"turnout_pct", opt_double(r.turnout_pct)},
           {"previous_winner", party(r.previous_winner)},
           {"flipped", r.flipped},
           {"margin_votes", has ? ojson(r.margin_votes) : ojson(nullptr)},
           {"swing_pct_points", opt_double(r.swing_pct_points)},
           {"tied", r.tied}});
    }
    std::printf("%s\n", j.dump(2).c_str());
    return kOk;
  }
  const sandik::Lang lang = sandik::lang_from_code(args.get("lang", "en"));
  sandik::ui::Widget widget;
  sandik::ui::WidgetOptions wo = widget_options(feed, sel, lang);
  wo.view = "table";
  wo.search = q.search;
  wo.sort = args.get("sort");
  wo.desc = q.desc;
  widget.set_options(wo);
  widget.set_feed(parsed.feed);
  const sandik::ui::TableView v = sandik::ui::present_table(widget.model(), lang);
  std::vector<std::vector<std::string>> out{{}};
  std::vector<bool> right;
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < v.columns.size(); ++i) {
    const bool any = std::any_of(v.rows.begin(), v.rows.end(), [&](const auto& r) { return !r.cells[i].text.empty(); });
    if (!v.columns[i].in_mirror || !any) continue;  // (no previous election: no such column)
    keep.push_back(i);
    out[0].push_back(v.columns[i].spoken);
    right.push_back(v.columns[i].right);
  }
  for (const auto& r : v.rows) {
    out.emplace_back();
    for (std::size_t i : keep) out.back().push_back(r.cells[i].text.empty() ? "–" : r.cells[i].text);
  }
  print_aligned(out, std::vector<std::size_t>(keep.size(), 0), right, "", "  ");
  std::printf("%s\n", v.sentence.c_str());
  return kOk;
}

// sandik import --from FORMAT FILE...: each --from and --updated applies to the files after it.
int cmd_import_agency(int argc, char** argv) {
  std::vector<std::string> texts;
  std::vector<sandik::AgencyFile> files;
  sandik::AgencyOptions opt;
  std::string base_path, updated;
  std::optional<sandik::AgencyFormat> format;
  bool verbose = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--from" && has_value) {
      format = sandik::parse_agency_format(argv[++i]);
      if (!format) return usage(std::string("--from takes anka, aa or ap, got ") + argv[i]);
    } else if (a == "--updated" && has_value) {
      updated = argv[++i];
    } else if ((a == "--election" || a == "--into") && has_value) {
      base_path = argv[++i];
    } else if (a == "--province" && has_value) {
      opt.province = argv[++i];
    } else if (a == "--verbose") {
      verbose = true;
    } else if (a == "--status" && has_value) {
      opt.status = argv[++i];
      if (opt.status != "live" && opt.status != "test" && opt.status != "final")
        return usage("--status takes live, test or final");
    } else if (a.rfind("--", 0) == 0) {
      return usage("import --from does not take " + a + (has_value ? "" : " without a value"));
    } else {
      if (!format) return usage("give the format before the file: --from anka|aa|ap " + a);
      files.push_back({*format, {}, a, updated});
      if (updated.empty()) {  // the file's own time, as a web server would send it in Last-Modified
        struct stat st {};
        if (stat(a.c_str(), &st) == 0) {
          const sandik::Civil c = sandik::to_civil(static_cast<std::int64_t>(st.st_mtime), 0);
          files.back().fetched = std::to_string(c.year) + "-" + sandik::two_digits(c.month) + "-" +
                                 sandik::two_digits(c.day) + "T" + sandik::two_digits(c.hour) + ":" +
                                 sandik::two_digits(c.minute) + ":" + sandik::two_digits(c.second) + "Z";
        }
      }
    }
  }
  if (files.empty()) return usage("import --from needs at least one file");
  texts.resize(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!read_file(files[i].name, texts[i]))
      return std::fprintf(stderr, "sandik: cannot read %s\n", files[i].name.c_str()), kUsage;
    files[i].text = texts[i];
  }
  std::string base;
  if (!base_path.empty() && !read_file(base_path, base))
    return std::fprintf(stderr, "sandik: cannot read %s\n", base_path.c_str()), kUsage;
  opt.base = base;
  const sandik::AgencyConversion c = sandik::convert_agency(files, opt);
  print_summarised(c.problems, verbose);
  if (!c.ok()) return kInvalid;
  const ojson pretty = ojson::parse(c.feed, nullptr, false);
  const std::string out =
      pretty.is_discarded() ? c.feed : pretty.dump(1, '\t', false, ojson::error_handler_t::replace) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

int cmd_import(int argc, char** argv) {
  for (int i = 2; i < argc; ++i)
    if (std::strcmp(argv[i], "--from") == 0) return cmd_import_agency(argc, argv);
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2,
                  {"election", "into", "race", "source", "source-name", "as", "where", "map", "area", "label", "status",
                   "area-level", "share"},
                  {}, args, err))
    return usage(err);
  if (args.positional.size() != 1) return usage("import takes one CSV file");
  if (args.flag("election") == args.flag("into")) return usage("import needs --election DESC.json or --into FEED.json");
  const std::string base_path = args.flag("election") ? args.get("election") : args.get("into");
  std::string base_text, csv_text;
  if (!read_file(base_path, base_text))
    return std::fprintf(stderr, "sandik: cannot read %s\n", base_path.c_str()), kUsage;
  if (!read_file(args.positional[0], csv_text))
    return std::fprintf(stderr, "sandik: cannot read %s\n", args.positional[0].c_str()), kUsage;
  ojson feed = ojson::parse(base_text, nullptr, false);
  if (feed.is_discarded() || !feed.is_object())
    return std::fprintf(stderr, "%s: not a JSON object\n", base_path.c_str()), kInvalid;
  if (args.flag("election")) feed["format"] = "sandik/1";

  sandik::CsvImportOptions opt;
  opt.race = args.get("race");
  opt.source = args.get("source");
  opt.source_name = args.get("source-name");
  opt.area = args.get("area");
  opt.area_level = args.get("area-level");
  opt.label = args.get("label");
  opt.status = args.get("status");
  const std::string as = args.get("as", "results");
  if (as == "results")
    opt.target = sandik::ImportTarget::Results;
  else if (as == "history")
    opt.target = sandik::ImportTarget::History;
  else if (as == "previous")
    opt.target = sandik::ImportTarget::Previous;
  else if (as == "declare")
    opt.target = sandik::ImportTarget::Declare;
  else
    return usage("--as takes results, history, previous or declare");
  if (!opt.status.empty() && opt.status != "live" && opt.status != "test" && opt.status != "final")
    return usage("--status takes live, test or final");
  for (const auto& [name, list] :
       {std::pair{"where", &opt.where}, std::pair{"map", &opt.map}, std::pair{"share", &opt.shares}}) {
    for (const std::string& kv : args.all(name)) {
      const std::size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) return usage(std::string("--") + name + " takes NAME=VALUE, got " + kv);
      list->emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    }
  }
  std::string csv_error;
  const auto table = sandik::parse_csv(csv_text, csv_error);
  if (!table) return std::fprintf(stderr, "%s: %s\n", args.positional[0].c_str(), csv_error.c_str()), kInvalid;
  const sandik::ImportReport report = sandik::import_csv(feed, *table, opt);
  if (!report.ok) return std::fprintf(stderr, "%s: %s\n", args.positional[0].c_str(), report.error.c_str()), kInvalid;
  if (report.rows_skipped > 0)
    std::fprintf(stderr, "%s: note: %zu rows without a candidate (\"others\") left out; their votes stay in valid\n",
                 args.positional[0].c_str(), report.rows_skipped);

  const std::string out = feed.dump(1, '\t', false, ojson::error_handler_t::replace) + "\n";
  sandik::ParseOptions popt;
  popt.max_bytes = 512u << 20;
  const sandik::ParsedFeed check = sandik::parse_feed(out, popt);
  print_problems(check.problems);  // the result must itself be a valid feed
  if (!check.ok()) return kInvalid;
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

int cmd_replay(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2,
                  {"speed", "port", "host", "root", "path", "max-age", "fail-rate", "slow-ms", "malformed-at", "seed"},
                  {"out-of-order"}, args, err))
    return usage(err);
  sandik::ReplayOptions o;
  o.root = args.get("root", ".");
  o.snapshots = args.positional.empty() ? o.root + "/assets/feeds/night" : args.positional[0];
  o.host = args.get("host", o.host);
  o.path = args.get("path", o.path);
  o.out_of_order = args.flag("out-of-order");
  try {
    o.port = std::stoi(args.get("port", "8000"));
    o.speed = std::stod(args.get("speed", "60"));
    o.max_age = std::stoi(args.get("max-age", "5"));
    o.fail_rate = std::stod(args.get("fail-rate", "0"));
    o.slow_ms = std::stoi(args.get("slow-ms", "0"));
    o.malformed_at = std::stol(args.get("malformed-at", "0"));
    o.seed = static_cast<unsigned>(std::stoul(args.get("seed", "31032024")));
  } catch (...) {
    return usage("replay: a numeric option is not a number");
  }
  if (o.port <= 0 || o.port > 65535 || o.speed <= 0 || o.fail_rate < 0 || o.fail_rate > 1 || o.slow_ms < 0)
    return usage("replay: an option is out of range");
  return sandik::replay(o) ? kOk : kUsage;
}

int cmd_serve(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"root", "port", "host"}, {}, args, err)) return usage(err);
  sandik::ServeOptions opt;
  opt.root = args.get("root", ".");
  opt.host = args.get("host", "127.0.0.1");
  const std::string port = args.get("port", "8000");
  opt.port = std::atoi(port.c_str());
  if (opt.port <= 0 || opt.port > 65535) return usage("--port takes 1 to 65535, got " + port);
  return sandik::serve(opt) ? kOk : kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage("");
  const std::string cmd = argv[1];
  if (cmd == "validate") return cmd_validate(argc, argv);
  if (cmd == "summary") return cmd_summary(argc, argv);
  if (cmd == "table") return cmd_table(argc, argv);
  if (cmd == "import") return cmd_import(argc, argv);
  if (cmd == "serve") return cmd_serve(argc, argv);
  if (cmd == "replay") return cmd_replay(argc, argv);
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::fputs(kUsageText, stdout);
    return kOk;
  }
  return usage("unknown command \"" + cmd + "\"");
}
