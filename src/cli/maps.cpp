// sandik maps FEED [--maps DIR] [--json]: which of the widget's maps (assets/maps, made by
// tools/make-maps.mjs) show areas of FEED, and every area without a shape and shape without an
// area. Exit 0 when a map shows the feed and every area and shape are matched; 1 otherwise.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "../core/map.h"
#include "common.h"

namespace sandik::cli {

int cmd_maps(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"maps"}, {"json"}, args, err)) return usage(err);
  if (args.positional.size() != 1) return usage("maps takes one FEED");
  sandik::ParsedFeed parsed;
  if (const int rc = load_feed(args.positional[0], parsed); rc != kOk) return rc;
  const sandik::Feed& feed = *parsed.feed;
  const std::string dir = args.get("maps", "assets/maps");
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json" && entry.path().filename() != "index.json")  // (the catalogue)
      files.push_back(entry.path().string());
  if (ec) return usage("cannot read the maps in " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());

  int rc = kOk, shown = 0;
  ojson out = {{"maps", ojson::array()}};
  for (const std::string& file : files) {
    std::string text;
    if (!read_file(file, text)) return usage("cannot read " + file);
    const sandik::ParsedMap m = sandik::parse_map(text);
    if (!m.ok()) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), m.error.c_str());
      rc = kInvalid;
      continue;
    }
    const sandik::MapAsset& map = *m.map;
    const sandik::MapJoin j = sandik::join_map(feed, map);
    if (j.parent < 0) continue;  // a map of somewhere this feed is not
    ++shown;
    if (!j.complete()) rc = kInvalid;
    const sandik::Area& parent = feed.areas[static_cast<std::size_t>(j.parent)];
    ojson missing = ojson::array(), extra = ojson::array();
    for (const int a : j.areas_without_shape) missing.push_back(feed.areas[static_cast<std::size_t>(a)].id);
    for (const int s : j.shapes_without_area) extra.push_back(map.shapes[static_cast<std::size_t>(s)].name);
    const std::size_t matched = map.shapes.size() - j.shapes_without_area.size();
    out["maps"].push_back({{"map", map.id},
                           {"parent", parent.id},
                           {"areas", parent.children.size()},
                           {"shapes", map.shapes.size()},
                           {"matched", matched},
                           {"areas_without_shape", missing},
                           {"shapes_without_area", extra}});
    if (args.flag("json")) continue;
    print_line(stdout, map.id + ": " + std::to_string(matched) + " of " + std::to_string(parent.children.size()) +
                           " areas of " + parent.name + " (" + parent.id + ") on the map of " +
                           std::to_string(map.shapes.size()) + " shapes");
    for (const int a : j.areas_without_shape) {
      const sandik::Area& area = feed.areas[static_cast<std::size_t>(a)];
      print_line(stderr, map.id + ": area " + area.id + " (" + area.name + ") has no shape on the map");
    }
    for (const int s : j.shapes_without_area)
      print_line(stderr, map.id + ": shape \"" + map.shapes[static_cast<std::size_t>(s)].name +
                             "\" matches no area of " + parent.name);
  }
  if (args.flag("json")) std::printf("%s\n", out.dump(2).c_str());
  if (!shown) {
    std::fprintf(stderr, "no map in %s shows an area of this feed\n", dir.c_str());
    return kInvalid;
  }
  return rc;
}

}  // namespace sandik::cli
