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
  float label_x = 0, label_y = 0;         // a point inside, for its label and its focus
  std::vector<float> vertices;            // x, y pairs in map units, y down
  std::vector<std::pair<int, int>> rings; // outlines: first vertex, number of vertices (closed)
  std::vector<std::uint32_t> triangles;   // vertex indices, three a triangle: the fill
  std::vector<int> neighbors;             // shapes it shares a border with
};

struct MapAsset {
  std::string id;  // "istanbul"
  Text title;
  std::string parent_name, parent_code;  // the area whose children the shapes are
  std::string credit, license, source;   // "© OpenStreetMap contributors", "ODbL 1.0", where from
  float width = 0, height = 0;           // map units
  std::vector<MapShape> shapes;
};

struct ParsedMap {
  std::optional<MapAsset> map;
  std::string error;  // "PATH: message" when the file was refused
  bool ok() const { return map.has_value(); }
};
ParsedMap parse_map(std::string_view text);

struct MapJoin {
  int parent = -1;                       // the feed's area the map shows; -1: not in this feed
  std::vector<int> area_of;              // shape -> area index (-1: the feed has no such area)
  std::vector<int> areas_without_shape;  // children of parent the map has no shape for
  std::vector<int> shapes_without_area;  // shapes no child of parent matches
  int shape_of(int area) const;          // -1 when the area is not on the map
  bool complete() const { return parent >= 0 && areas_without_shape.empty() && shapes_without_area.empty(); }
};
// The parent: an area with children whose code is the map's parent code, else whose folded
// name is the map's parent name (the one with the most children if several).
MapJoin join_map(const Feed& feed, const MapAsset& map);

}  // namespace sandik
