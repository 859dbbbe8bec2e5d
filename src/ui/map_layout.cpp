#include "map_layout.h"

#include <algorithm>
#include <cmath>

namespace sandik::ui {

Point tile_centre(const MapShape& s) {
  return {static_cast<float>(s.tile_col) + ((s.tile_row & 1) ? 0.5f : 0.0f) + 0.5f,
          static_cast<float>(s.tile_row) * kTileRow + 0.5773503f};
}

Point tile_grid_size(const MapAsset& m) {
  return {static_cast<float>(m.tile_columns) + 0.5f, static_cast<float>(m.tile_rows - 1) * kTileRow + 1.1547005f};
}

Point anchor(const MapAsset& m, int shape, bool tiles) {
  const MapShape& s = m.shapes[static_cast<std::size_t>(shape)];
  return tiles ? tile_centre(s) : Point{s.label_x, s.label_y};
}

Box bounds(const MapShape& s) { return {s.x0, s.y0, s.x1, s.y1}; }

namespace {

bool in_triangle(float px, float py, float ax, float ay, float bx, float by, float cx, float cy) {
  const float d1 = (px - bx) * (ay - by) - (ax - bx) * (py - by);
  const float d2 = (px - cx) * (by - cy) - (bx - cx) * (py - cy);
  const float d3 = (px - ax) * (cy - ay) - (cx - ax) * (py - ay);
  const bool neg = d1 < 0 || d2 < 0 || d3<0, pos = d1> 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

}  // namespace

int shape_at(const MapAsset& m, float x, float y) {
  for (std::size_t s = 0; s < m.shapes.size(); ++s) {
    const MapShape& sh = m.shapes[s];
    const Box b = bounds(sh);
    if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) continue;
    const auto& v = sh.vertices;
    for (std::size_t t = 0; t + 2 < sh.triangles.size(); t += 3) {
      const std::size_t a = 2 * sh.triangles[t], bb = 2 * sh.triangles[t + 1], c = 2 * sh.triangles[t + 2];
      if (in_triangle(x, y, v[a], v[a + 1], v[bb], v[bb + 1], v[c], v[c + 1])) return static_cast<int>(s);
    }
  }
  return -1;
}

int tile_at(const MapAsset& m, float x, float y) {
  // The nearest tile centre is the tile the point is in (hexagons are their centres' Voronoi
  // cells), within a hexagon's outer radius 1/√3 of it.
  int best = -1;
  float best_d = 1.0f / 3.0f;
  for (std::size_t s = 0; s < m.shapes.size(); ++s) {
    if (m.shapes[s].tile_col < 0) continue;
    const Point c = tile_centre(m.shapes[s]);
    const float d = (c.x - x) * (c.x - x) + (c.y - y) * (c.y - y);
    if (d < best_d) best_d = d, best = static_cast<int>(s);
  }
  return best;
}

int toward(const MapAsset& m, int from, float dx, float dy, bool tiles, const std::vector<bool>& ok) {
  if (from < 0 || static_cast<std::size_t>(from) >= m.shapes.size()) return -1;
  const Point p = anchor(m, from, tiles);
  const float len = std::sqrt(dx * dx + dy * dy);
  dx /= len;
  dy /= len;
  const auto pick = [&](bool neighbours_only) {
    int best = -1;
    float best_score = 0;
    for (std::size_t s = 0; s < m.shapes.size(); ++s) {
      const int c = static_cast<int>(s);
      if (c == from || s >= ok.size() || !ok[s]) continue;
      const Point q = anchor(m, c, tiles);
      const float vx = q.x - p.x, vy = q.y - p.y;
      if (neighbours_only) {
        const auto& n = m.shapes[static_cast<std::size_t>(from)].neighbors;
        const bool near = tiles ? vx * vx + vy * vy < 1.44f : std::find(n.begin(), n.end(), c) != n.end();
        if (!near) continue;
      }
      const float along = vx * dx + vy * dy, across = std::fabs(vx * dy - vy * dx);
      if (along <= 0 || across > along * 1.7320508f) continue;
      const float score = along + 2 * across;
      if (best < 0 || score < best_score) best_score = score, best = c;
    }
    return best;
  };
  const int near = pick(true);
  return near >= 0 ? near : pick(false);
}

Box small_shapes_box(const MapAsset& m, float px_per_unit, float min_px) {
  int smallest = -1;
  float smallest_size = 0;
  for (std::size_t s = 0; s < m.shapes.size(); ++s) {
    const Box b = bounds(m.shapes[s]);
    const float size = std::max(b.w(), b.h()) * px_per_unit;
    if (size < min_px && (smallest < 0 || size < smallest_size)) smallest = static_cast<int>(s), smallest_size = size;
  }
  if (smallest < 0) return {};
  const MapShape& at = m.shapes[static_cast<std::size_t>(smallest)];
  Box box{at.label_x, at.label_y, at.label_x, at.label_y};
  for (std::size_t s = 0; s < m.shapes.size(); ++s) {
    const Box b = bounds(m.shapes[s]);
    const float size = std::max(b.w(), b.h()) * px_per_unit;
    const MapShape& sh = m.shapes[s];
    const float dx = sh.label_x - at.label_x, dy = sh.label_y - at.label_y;
    if (size >= min_px || dx * dx + dy * dy > m.width * m.width / 16) continue;
    box.x0 = std::min(box.x0, b.x0);
    box.y0 = std::min(box.y0, b.y0);
    box.x1 = std::max(box.x1, b.x1);
    box.y1 = std::max(box.y1, b.y1);
  }
  // A margin around them, so their neighbours show where they are.
  const float pad = std::max(box.w(), box.h()) * 0.15f;
  return {box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad};
}

}  // namespace sandik::ui
