// sandik command line — validate, summary and table: a feed as a data desk checks it before
// publishing, summary and table in the reader's words (the widget's presentation model).
#include <algorithm>
#include <cstdio>

#include "../core/scoreboard.h"
#include "../core/table_model.h"
#include "../core/tally.h"
#include "../core/turkish.h"
#include "../ui/present.h"
#include "../ui/strings.h"
#include "../ui/widget.h"
#include "common.h"

namespace sandik::cli {
namespace {

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
    print_line(stdout, line);
  }
}

}  // namespace

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
  print_line(stdout, v.title + " — " + ar.name + ", " + src.name + " (" + updated + ")");
  std::printf("%s, %s\n",
              sandik::ui::say(sandik::ui::Str::CliBoxes, lang,
                              {count(s.boxes_counted), count(s.boxes),
                               s.reporting_pct ? sandik::format_percent(*s.reporting_pct, lang) : "–"})
                  .c_str(),
              sandik::ui::say(sandik::ui::Str::CliTurnout, lang, {v.turnout.empty() ? "–" : v.turnout}).c_str());
  std::vector<std::vector<std::string>> rows;
  for (const sandik::ui::Bar& b : v.bars) rows.push_back({b.name, b.party, b.count, b.share, b.tag});
  print_aligned(rows, {34, 14, 12, 9, 0}, {false, false, true, true, false}, "  ");
  print_line(stdout, v.margin);
  if (!v.unofficial.empty()) print_line(stdout, v.unofficial);
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
  (void)widget.presented();  // (makes the rows)
  const sandik::ui::TableView v = sandik::ui::present_table(widget.model(), lang, static_cast<std::size_t>(-1));  // all
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
  print_line(stdout, v.sentence);
  return kOk;
}

}  // namespace sandik::cli

namespace sandik::cli {

// Mayoralties won per office level: who won and leads how many, against the previous winners.
int cmd_scoreboard(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"source", "lang"}, {"json"}, args, err)) return usage(err);
  if (args.positional.size() != 1) return usage("scoreboard takes one FEED");
  sandik::ParsedFeed parsed;
  if (const int rc = load_feed(args.positional[0], parsed); rc != kOk) return rc;
  const sandik::Feed& feed = *parsed.feed;
  int source = -1;
  if (args.flag("source")) {
    source = feed.find_source(args.get("source"));
    if (source < 0) return usage("no source \"" + args.get("source") + "\" in the feed");
  }
  // (A split index holds no district rows: it carries the count made from them, and this is it.)
  const std::vector<sandik::ScoreLevel> levels = sandik::scoreboard(feed, source);
  if (levels.empty())
    return usage("no race of the feed names a mayor's office (\"office\": metropolitan, province, district, belde)");
  if (args.flag("json")) {
    std::printf("%s\n", scoreboard_json(feed, levels, source, true).dump(2).c_str());
    return kOk;
  }
  const sandik::Lang lang = sandik::lang_from_code(args.get("lang", "en"));
  const sandik::ui::ScoreboardView v = sandik::ui::present_scoreboard(feed, levels, lang);
  for (const sandik::ui::ScoreboardView::Level& level : v.levels) {
    print_line(stdout, level.title + " — " + level.total + (level.tied.empty() ? "" : "; " + level.tied));
    std::vector<std::vector<std::string>> rows = {v.columns};
    for (const auto& r : level.rows) rows.push_back({r.party, r.won, r.leading, r.previous, r.change});
    print_aligned(rows, {16, 7, 5, 5, 0}, {false, true, true, true, true}, "  ", "  ");
  }
  return kOk;
}

}  // namespace sandik::cli
