// sandik ui — the map's geometry the views and the keyboard share, without drawing: where a
// shape is (its label point, or its tile's centre), which shape is under a point, which one an
// arrow key goes to, and which shapes are too small to tap (the inset). Pure: tested natively.
//
//   int s = shape_at(map, x, y);                          // map units, -1: none there
//   int to = toward(map, from, 1, 0, tiles, can_focus);   // the right arrow
//   Box box = small_shapes_box(map, px_per_unit, 14 * dpr);
#pragma once

#include <vector>

#include "core/map.h"

namespace sandik::ui {

struct Point {
  float x = 0, y = 0;
};
struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  float w() const { return x1 - x0; }
  float h() const { return y1 - y0; }
};

// The tile grid in tile units: a hexagon 1 across (pointy top), rows √3/2 apart, odd rows half
// a tile right; the grid's size.
constexpr float kTileRow = 0.8660254f;
Point tile_centre(const MapShape& s);
Point tile_grid_size(const MapAsset& m);
// A shape's place: its label point (map units) or its tile's centre (tile units).
Point anchor(const MapAsset& m, int shape, bool tiles);
Box bounds(const MapShape& s);  // (made as the map was read)

// The shape whose triangles hold the point (map units), or whose tile does (tile units); -1.
int shape_at(const MapAsset& m, float x, float y);
int tile_at(const MapAsset& m, float x, float y);

// Where an arrow (dx, dy: the way it points, y down) goes from `from`: the neighbour most that
// way (a shape sharing a border; a tile touching), within 60° of it; else the nearest that way
// of all; -1 when there is none. Only shapes `ok` marks are gone to (one flag a shape).
int toward(const MapAsset& m, int from, float dx, float dy, bool tiles, const std::vector<bool>& ok);

// The inset: a box (map units) around the shapes drawn smaller than `min_px` across at
// `px_per_unit`, those near the smallest (within a quarter of the map's width of it); empty
// when no shape is that small.
Box small_shapes_box(const MapAsset& m, float px_per_unit, float min_px);

}  // namespace sandik::ui
