// sandik command line — split: a whole country's feed as an index and one part per province, so a
// phone downloads only what it shows (docs/hosting.md, "A split night").
//
//   sandik split turkiye.json --out site/2024
//     site/2024/index.json      the root and every province, each race's results there (the
//                               province's own, or the sum of its districts), the scoreboard,
//                               and "parts": [{"area": "istanbul", "url": "istanbul.json"}, …]
//     site/2024/istanbul.json   the province with its districts and beldes: its races whole
//
// Every file is a valid sandik/1 document. The parts are written before the index, each to a
// temporary name and renamed, so the folder never holds an index naming a part not yet there.
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "../core/scoreboard.h"
#include "../core/tally.h"
#include "../core/turkish.h"
#include "common.h"

namespace sandik::cli {
namespace {

namespace fs = std::filesystem;

// Every area's boxes and voters: its own, else the sum over its children (the feed's rule), made
// once for the whole tree, children before parents (no recursion: area trees can be deep).
struct Sizes {
  std::vector<std::optional<Count>> boxes, registered;
};
Sizes sizes_of(const Feed& feed, const std::vector<int>& top_down) {
  Sizes s{std::vector<std::optional<Count>>(feed.areas.size()), std::vector<std::optional<Count>>(feed.areas.size())};
  auto add = [](std::optional<Count>& sum, const std::optional<Count>& n) {
    if (n) sum = sum.value_or(0) + *n;
  };
  for (auto next = top_down.rbegin(); next != top_down.rend(); ++next) {
    const std::size_t i = static_cast<std::size_t>(*next);
    const Area& a = feed.areas[i];
    std::optional<Count> boxes, registered;
    for (const int c : a.children) {
      add(boxes, s.boxes[static_cast<std::size_t>(c)]);
      add(registered, s.registered[static_cast<std::size_t>(c)]);
    }
    s.boxes[i] = a.boxes ? a.boxes : boxes;
    s.registered[i] = a.registered ? a.registered : registered;
  }
  return s;
}

// One area's RESULT as the tally has it: the source's own figures there, or their sum below.
ojson result_of(const Feed& feed, const Race& race, const RaceTally& tally, int area, const std::set<int>& listed,
                const Sizes& sizes) {
  const Tally& t = tally.at(area);
  ojson r = ojson::object();
  if (t.boxes_counted) r["boxes_counted"] = *t.boxes_counted;
  const std::optional<Count> own = tally.boxes(area);
  if (own && own != sizes.boxes[static_cast<std::size_t>(area)]) r["boxes"] = *own;
  if (t.cast) r["cast"] = *t.cast;
  if (t.registered_counted) r["registered_counted"] = *t.registered_counted;
  if (t.shares_only) {
    r["shares"] = ojson::object();
    for (std::size_t k = 0; k < t.shares.size(); ++k)
      if (t.shares[k] > 0) r["shares"][feed.contestant_id(race, tally.contestant_at(k))] = t.shares[k];
    if (t.reporting_pct) r["reporting_pct"] = *t.reporting_pct;
    return r;
  }
  r["valid"] = t.valid;
  r["votes"] = ojson::object();
  for (std::size_t k = 0; k < t.votes.size(); ++k)
    if (listed.count(tally.contestant_at(k))) r["votes"][feed.contestant_id(race, tally.contestant_at(k))] = t.votes[k];
  return r;
}

// The contestants a source lists anywhere in a race (a party race's contestants are every party
// of the feed: only those the source names are written).
std::set<int> listed_by(const SourceResults& sr) {
  std::set<int> out;
  for (const auto& [area, res] : sr.areas) {
    for (const auto& v : res.votes) out.insert(v.first);
    for (const auto& v : res.shares) out.insert(v.first);
  }
  return out;
}

// The parties a document's races name: candidates' parties, a party race's contestants, previous
// winners, calls; only those go into its "parties".
void parties_named(const ojson& race, std::set<std::string>& out) {
  const bool party_race = race.value("kind", "") == "party";
  auto keys = [&](const ojson& obj, const char* key) {
    if (obj.is_object() && obj.contains(key) && obj[key].is_object())
      for (const auto& [k, v] : obj[key].items()) out.insert(k);
  };
  if (race.contains("candidates"))
    for (const ojson& c : race["candidates"]) out.insert(c.value("party", ""));
  if (race.contains("previous") && race["previous"].contains("areas"))
    for (const auto& [id, p] : race["previous"]["areas"].items()) {
      out.insert(p.value("winner", ""));
      keys(p, "votes");
    }
  if (!party_race) return;
  if (race.contains("results"))
    for (const auto& [src, sr] : race["results"].items())
      if (sr.contains("areas"))
        for (const auto& [id, r] : sr["areas"].items()) keys(r, "votes"), keys(r, "shares");
  if (race.contains("history"))
    for (const auto& [src, points] : race["history"].items())
      for (const ojson& pt : points) keys(pt, "votes"), keys(pt, "shares");
  if (race.contains("calls"))
    for (const ojson& c : race["calls"]) out.insert(c.value("winner", ""));
}

void keep_parties(ojson& doc, const std::set<std::string>& also = {}) {
  std::set<std::string> named = also;
  for (const ojson& race : doc["races"]) parties_named(race, named);
  ojson kept = ojson::array();
  for (const ojson& p : doc["parties"])
    if (named.count(p.value("id", ""))) kept.push_back(p);
  doc["parties"] = std::move(kept);
}

// The document's members but its areas and races (kept as they came: election, sources, parties…).
ojson head_of(const ojson& doc) {
  ojson out = ojson::object();
  for (const auto& [k, v] : doc.items())
    if (k != "areas" && k != "races") out[k] = v;
  return out;
}

bool write_atomically(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fclose(f) == 0;
  std::error_code ec;
  if (ok) fs::rename(tmp, path, ec);
  return ok && !ec;
}

}  // namespace

// The files of a split night, parts first and the index last (the order they are published
// in): {name, text}; false with `error` when the feed cannot be split.
bool split_files(const Feed& feed, const ojson& doc, std::vector<std::pair<std::string, std::string>>& files,
                 std::string& error) {
  int roots = 0, root = -1;
  for (std::size_t i = 0; i < feed.areas.size(); ++i)
    if (feed.areas[i].parent < 0) ++roots, root = static_cast<int>(i);
  if (roots != 1) return error = "split needs a feed with one root area (the country), not " + std::to_string(roots), false;
  const Area& top = feed.areas[static_cast<std::size_t>(root)];
  if (top.children.empty()) return error = "split: the root area \"" + top.id + "\" has no areas under it", false;

  // The tree from the root down, and the area right under the root that each area is part of.
  std::vector<int> top_down{root};
  std::vector<int> part_of(feed.areas.size(), -1);
  for (std::size_t i = 0; i < top_down.size(); ++i)
    for (const int c : feed.areas[static_cast<std::size_t>(top_down[i])].children) {
      part_of[static_cast<std::size_t>(c)] = i == 0 ? c : part_of[static_cast<std::size_t>(top_down[i])];
      top_down.push_back(c);
    }
  const Sizes sizes = sizes_of(feed, top_down);

  // The index's areas: the root and the areas right under it, each with its whole size.
  std::set<int> in_index = {root};
  ojson index = head_of(doc);
  index["areas"] = ojson::array();
  auto sized = [&](int i) {
    ojson a = doc["areas"][static_cast<std::size_t>(i)];
    if (const auto& n = sizes.boxes[static_cast<std::size_t>(i)]) a["boxes"] = *n;
    if (const auto& n = sizes.registered[static_cast<std::size_t>(i)]) a["registered"] = *n;
    return a;
  };
  index["areas"].push_back(sized(root));
  for (const int c : top.children) {
    in_index.insert(c);
    index["areas"].push_back(sized(c));
  }

  // The parts: one per area under the root, with the races whose root is in its subtree.
  ojson parts = ojson::array();
  std::set<std::string> names;
  for (const int c : top.children) {
    auto here = [&](int area) { return area >= 0 && part_of[static_cast<std::size_t>(area)] == c; };
    ojson part = head_of(doc);
    part["areas"] = ojson::array();
    part["areas"].push_back(doc["areas"][static_cast<std::size_t>(root)]);
    for (std::size_t i = 0; i < feed.areas.size(); ++i)
      if (here(static_cast<int>(i))) part["areas"].push_back(doc["areas"][i]);
    part["races"] = ojson::array();
    for (std::size_t r = 0; r < feed.races.size(); ++r)
      if (here(feed.races[r].area)) part["races"].push_back(doc["races"][r]);
    if (part["races"].empty()) continue;  // (an area without races of its own has no part)
    keep_parties(part);
    std::string name = turkish::slug(feed.areas[static_cast<std::size_t>(c)].id);
    if (name.empty() || names.count(name)) name = "part-" + std::to_string(c);
    names.insert(name);
    files.emplace_back(name + ".json", part.dump() + "\n");
    parts.push_back({{"area", feed.areas[static_cast<std::size_t>(c)].id}, {"url", name + ".json"}});
  }

  // The index's races: each race's results at the index's areas (its own there, or the sum).
  index["races"] = ojson::array();
  for (std::size_t r = 0; r < feed.races.size(); ++r) {
    const Race& race = feed.races[r];
    ojson rj = doc["races"][r];
    rj["results"] = ojson::object();
    for (const SourceResults& sr : race.results) {
      const RaceTally tally(feed, race, sr.source);
      const std::set<int> listed = listed_by(sr);
      const std::string& sid = feed.sources[static_cast<std::size_t>(sr.source)].id;
      ojson areas = ojson::object();
      for (const int a : in_index)
        if (tally.in_race(a) && tally.at(a).has_counts)
          areas[feed.areas[static_cast<std::size_t>(a)].id] = result_of(feed, race, tally, a, listed, sizes);
      rj["results"][sid] = {{"updated", sr.updated.text}, {"areas", std::move(areas)}};
    }
    if (rj.contains("calls")) {  // only the calls for the index's areas
      ojson kept = ojson::array();
      for (std::size_t k = 0; k < race.calls.size(); ++k)
        if (in_index.count(race.calls[k].area)) kept.push_back(rj["calls"][k]);
      rj["calls"] = std::move(kept);
    }
    if (rj.contains("previous") && rj["previous"].contains("areas")) {
      ojson kept = ojson::object();
      for (const auto& [id, v] : rj["previous"]["areas"].items())
        if (in_index.count(feed.find_area(id))) kept[id] = v;
      rj["previous"]["areas"] = std::move(kept);
    }
    index["races"].push_back(std::move(rj));
  }
  // What the parts hold that the index does not: the mayoralties counted over every district.
  index["scoreboard"] = ojson::array();
  for (int s = -1; s < static_cast<int>(feed.sources.size()); ++s)
    index["scoreboard"].push_back(scoreboard_json(feed, scoreboard(feed, s), s, false));
  index["parts"] = std::move(parts);
  std::set<std::string> counted;
  for (const ojson& board : index["scoreboard"])
    for (const ojson& level : board["levels"])
      for (const ojson& p : level["parties"]) counted.insert(p["party"].get<std::string>());
  keep_parties(index, counted);
  files.emplace_back("index.json", index.dump() + "\n");
  return true;
}

int cmd_split(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"out"}, {}, args, err)) return usage(err);
  if (args.positional.size() != 1) return usage("split takes one FEED");
  if (!args.flag("out") || args.get("out").empty()) return usage("split needs --out DIR");
  ParsedFeed parsed;
  std::string text;
  if (const int rc = load_feed(args.positional[0], parsed, &text); rc != kOk) return rc;
  std::vector<std::pair<std::string, std::string>> files;
  if (!split_files(*parsed.feed, ojson::parse(text, nullptr, false), files, err)) return usage(err);
  const fs::path out(args.get("out"));
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return usage("cannot make " + out.string() + ": " + ec.message());
  for (const auto& [name, body] : files)
    if (!write_atomically(out / name, body)) return usage("cannot write " + (out / name).string());
  std::fprintf(stderr, "%s: index.json and %zu parts\n", out.string().c_str(), files.size() - 1);
  return kOk;
}

}  // namespace sandik::cli
