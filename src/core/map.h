// sandik core — maps: the widget's map assets (assets/maps/ID.json, made at build time by
// tools/make-maps.mjs with mapshaper and earcut from OpenStreetMap's boundaries; format in
// docs/maps.md), read through the strict JSON reader, and joined to a feed's areas.
//
//   sandik::ParsedMap m = sandik::parse_map(text);          // m.ok(), else m.error names the path
//   sandik::MapJoin j = sandik::join_map(feed, *m.map);      // j.parent: the area the map shows
//   j.area_of[shape], j.shape_of(area), j.areas_without_shape, j.shapes_without_area
//
// Join keys: the agencies' code where both the feed's area and the shape have one (provinces:
// the plate code), otherwise the name folded the Turkish way (turkish::fold), among the
// children of the map's parent area. Nothing unmatched is dropped: it is listed, both ways.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feed.h"

namespace sandik {

struct MapShape {
  std::string name;                       // as the boundaries name it ("Adalar")
  std::string code;                       // the agencies' code ("34"), "" when the boundaries have none
  std::string short_name;                 // its tile's label where the name does not fit ("KAD"; "" = none)
  float label_x = 0, label_y = 0;         // a point inside, for its label and its focus
  std::vector<float> vertices;            // x, y pairs in map units, y down
  std::vector<std::pair<int, int>> rings; // outlines: first vertex, number of vertices (closed)
  std::vector<std::uint32_t> triangles;   // vertex indices, three a triangle: the fill
  std::vector<int> neighbors;             // shapes it shares a border with
  int tile_col = -1, tile_row = -1;       // its hexagon in the tile grid (odd rows half a tile right)
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;   // its bounding box, made as the map is read
};

struct MapAsset {
  std::string id;  // "istanbul"
  Text title;
  std::string parent_name, parent_code;  // the area whose children the shapes are
  std::string credit, license, source;   // "© OpenStreetMap contributors", "ODbL 1.0", where from
  float width = 0, height = 0;           // map units
  int tile_columns = 0, tile_rows = 0;   // the tile grid (0: the map has none)
  std::vector<MapShape> shapes;
};

struct ParsedMap {
  std::optional<MapAsset> map;
  std::string error;  // "PATH: message" when the file was refused
  bool ok() const { return map.has_value(); }
};
ParsedMap parse_map(std::string_view text);
// The same map as the widget fetches it (dist/maps/ID.bin, tools/map_binary.py): a flat
// little-endian copy that takes a few lines to read. Bad bytes are refused ("byte 812: …").
ParsedMap read_map_binary(std::string_view bytes);

// The maps a build carries (assets/maps/index.json, compiled in): which file shows whose
// children, so a widget fetches a map only where one applies.
struct MapEntry {
  std::string id, file, parent_name, parent_code;  // file: "istanbul.json" (the widget's: "istanbul.bin")
};
const std::vector<MapEntry>& map_catalogue();  // the compiled-in one, read once

// The feed's area a map with this parent shows: an area with children named so (folded), the
// one with the code among several, else the one with the most children; by code alone only
// when no area has the name. -1: none.
int map_parent(const Feed& feed, std::string_view parent_name, std::string_view parent_code);

struct MapJoin {
  int parent = -1;                       // the feed's area the map shows; -1: not in this feed
  std::vector<int> area_of;              // shape -> area index (-1: the feed has no such area)
  std::vector<int> areas_without_shape;  // children of parent the map has no shape for
  std::vector<int> shapes_without_area;  // shapes no child of parent matches
  int shape_of(int area) const;          // -1 when the area is not on the map
  bool complete() const { return parent >= 0 && areas_without_shape.empty() && shapes_without_area.empty(); }
};
// The shapes to the children of map_parent(), by code, else by folded name.
MapJoin join_map(const Feed& feed, const MapAsset& map);

}  // namespace sandik
