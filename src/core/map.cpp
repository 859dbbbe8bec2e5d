#include "map.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

#include "json.h"
#include "sandik_map_catalogue.h"
#include "turkish.h"

namespace sandik {
namespace {

using json::Path;
using json::Value;

// Reads one map file; the first problem stops it, named by its JSON path.
class MapReader {
 public:
  std::string error;

  bool fail(const Path& at, const std::string& what) {
    if (error.empty()) error = (at.str().empty() ? std::string("map") : at.str()) + ": " + what;
    return false;
  }
  const Value* member(const Value& obj, const Path& at, const char* key, bool required = true) {
    const Value* v = obj.find(key);
    if (!v && required) fail(at / key, "missing");
    return v;
  }
  bool string(const Value& obj, const Path& at, const char* key, std::string& out, bool required = true) {
    const Value* v = member(obj, at, key, required);
    if (!v) return !required;       // (missing: already reported when required)
    if (v->is_null()) return true;  // null: as if absent, "" kept
    if (!v->is_string()) return fail(at / key, "expected a string, got " + json::describe(*v));
    out = std::string(v->str());
    return true;
  }
  bool number(const Value& v, const Path& at, float& out) {
    if (!v.is_number() || !std::isfinite(v.number()) || std::fabs(v.number()) > 1e6)
      return fail(at, "expected a number of map units, got " + json::describe(v));
    out = static_cast<float>(v.number());
    return true;
  }
  bool index(const Value& v, const Path& at, std::size_t below, int& out) {
    if (!v.is_count() || v.count() >= below)
      return fail(at, "expected an index below " + std::to_string(below) + ", got " + json::describe(v));
    out = static_cast<int>(v.count());
    return true;
  }
  const Value* array(const Value& obj, const Path& at, const char* key) {
    const Value* v = member(obj, at, key);
    if (v && !v->is_array()) return fail(at / key, "expected an array, got " + json::describe(*v)), nullptr;
    return v;
  }

  bool shape(const Value& v, const Path& at, std::size_t shapes, MapShape& s) {
    if (!v.is_object()) return fail(at, "expected an object, got " + json::describe(v));
    if (!string(v, at, "name", s.name) || !string(v, at, "code", s.code, false) ||
        !string(v, at, "short", s.short_name, false))
      return false;
    const Path lp = at / "label";
    const Value* label = array(v, at, "label");
    if (!label) return false;
    if (label->items().size() != 2) return fail(lp, "expected [x, y]");
    if (!number(label->items()[0], lp[0], s.label_x) || !number(label->items()[1], lp[1], s.label_y)) return false;

    const Path vp = at / "vertices";
    const Value* vertices = array(v, at, "vertices");
    if (!vertices) return false;
    if (vertices->items().size() % 2) return fail(vp, "expected x, y pairs: an even count of numbers");
    s.vertices.resize(vertices->items().size());
    for (std::size_t i = 0; i < s.vertices.size(); ++i)
      if (!number(vertices->items()[i], vp[i], s.vertices[i])) return false;
    const std::size_t points = s.vertices.size() / 2;

    const Path rp = at / "rings";
    const Value* rings = array(v, at, "rings");
    if (!rings) return false;
    for (std::size_t i = 0; i < rings->items().size(); ++i) {
      const Value& r = rings->items()[i];
      const Path ri = rp[i];
      if (!r.is_array() || r.items().size() != 2) return fail(ri, "expected [first vertex, count]");
      int first = 0, count = 0;
      if (!index(r.items()[0], ri[0], points, first) || !index(r.items()[1], ri[1], points + 1, count)) return false;
      if (count < 3 || static_cast<std::size_t>(first) + static_cast<std::size_t>(count) > points)
        return fail(ri, "a ring of at least 3 vertices within the shape's " + std::to_string(points));
      s.rings.emplace_back(first, count);
    }

    const Path tp = at / "triangles";
    const Value* triangles = array(v, at, "triangles");
    if (!triangles) return false;
    if (triangles->items().size() % 3) return fail(tp, "expected vertex indices three a triangle");
    s.triangles.resize(triangles->items().size());
    for (std::size_t i = 0; i < s.triangles.size(); ++i) {
      int t = 0;
      if (!index(triangles->items()[i], tp[i], points, t)) return false;
      s.triangles[i] = static_cast<std::uint32_t>(t);
    }

    const Path np = at / "neighbors";
    const Value* neighbors = array(v, at, "neighbors");
    if (!neighbors) return false;
    for (std::size_t i = 0; i < neighbors->items().size(); ++i) {
      int n = 0;
      if (!index(neighbors->items()[i], np[i], shapes, n)) return false;
      s.neighbors.push_back(n);
    }
    if (const Value* tile = member(v, at, "tile", false); tile && !tile->is_null()) {
      const Path tl = at / "tile";
      if (!tile->is_array() || tile->items().size() != 2) return fail(tl, "expected [column, row]");
      if (!index(tile->items()[0], tl[0], std::size_t(tile_columns), s.tile_col) ||
          !index(tile->items()[1], tl[1], std::size_t(tile_rows), s.tile_row))
        return false;
    }
    return true;
  }
  int tile_columns = 0, tile_rows = 0;  // the map's grid, read before its shapes

  bool read(const Value& root, MapAsset& m) {
    const Path top;
    if (!root.is_object()) return fail(top, "expected a JSON object, got " + json::describe(root));
    std::string format;
    if (!string(root, top, "format", format)) return false;
    if (format != "sandik-map/1") return fail(top / "format", "expected \"sandik-map/1\", got " + json::quote(format));
    if (!string(root, top, "id", m.id) || !string(root, top, "credit", m.credit) ||
        !string(root, top, "license", m.license, false) || !string(root, top, "source", m.source, false))
      return false;
    if (const Value* t = member(root, top, "title", false)) {
      if (t->is_string()) {
        m.title.by_lang.emplace_back("", std::string(t->str()));
      } else if (t->is_object()) {
        for (const auto& [lang, text] : t->members())
          if (text.is_string()) m.title.by_lang.emplace_back(std::string(lang), std::string(text.str()));
      }
    }
    const Path pp = top / "parent";
    const Value* parent = member(root, top, "parent");
    if (!parent) return false;
    if (!parent->is_object()) return fail(pp, "expected an object, got " + json::describe(*parent));
    if (!string(*parent, pp, "name", m.parent_name) || !string(*parent, pp, "code", m.parent_code, false)) return false;
    const Path sp = top / "size";
    const Value* size = array(root, top, "size");
    if (!size) return false;
    if (size->items().size() != 2) return fail(sp, "expected [width, height]");
    if (!number(size->items()[0], sp[0], m.width) || !number(size->items()[1], sp[1], m.height)) return false;
    if (m.width <= 0 || m.height <= 0) return fail(sp, "expected a width and a height above 0");
    if (const Value* t = member(root, top, "tiles", false); t && !t->is_null()) {
      const Path tp = top / "tiles";
      if (!t->is_array() || t->items().size() != 2) return fail(tp, "expected [columns, rows]");
      if (!index(t->items()[0], tp[0], 1000, tile_columns) || !index(t->items()[1], tp[1], 1000, tile_rows))
        return false;
      m.tile_columns = tile_columns;
      m.tile_rows = tile_rows;
    }
    const Path shp = top / "shapes";
    const Value* shapes = array(root, top, "shapes");
    if (!shapes) return false;
    if (shapes->items().empty()) return fail(shp, "expected at least one shape");
    m.shapes.resize(shapes->items().size());
    for (std::size_t i = 0; i < m.shapes.size(); ++i)
      if (!shape(shapes->items()[i], shp[i], m.shapes.size(), m.shapes[i])) return false;
    if (!m.tile_columns) return true;
    for (std::size_t i = 0; i < m.shapes.size(); ++i) {  // a grid: every shape its own tile
      const MapShape& s = m.shapes[i];
      if (s.tile_col < 0) return fail(shp[i] / "tile", "missing (the map has a tile grid)");
      for (std::size_t k = 0; k < i; ++k)
        if (m.shapes[k].tile_col == s.tile_col && m.shapes[k].tile_row == s.tile_row)
          return fail(shp[i] / "tile", "the same tile as shapes[" + std::to_string(k) + "]");
    }
    return true;
  }
};

// Codes compare as numbers where they are ("034" is plate 34), else as written.
std::string code_key(std::string_view code) {
  std::size_t i = 0;
  while (i + 1 < code.size() && code[i] == '0') ++i;
  return std::string(code.substr(i));
}

}  // namespace

namespace {
// What both readers do with a map they took: each shape's bounding box, once.
ParsedMap taken(MapAsset&& m) {
  for (MapShape& s : m.shapes) {
    s.x0 = s.y0 = 1e9f;
    s.x1 = s.y1 = -1e9f;
    for (std::size_t i = 0; i + 1 < s.vertices.size(); i += 2) {
      s.x0 = std::min(s.x0, s.vertices[i]);
      s.x1 = std::max(s.x1, s.vertices[i]);
      s.y0 = std::min(s.y0, s.vertices[i + 1]);
      s.y1 = std::max(s.y1, s.vertices[i + 1]);
    }
  }
  ParsedMap out;
  out.map = std::move(m);
  return out;
}
}  // namespace

ParsedMap parse_map(std::string_view text) {
  ParsedMap out;
  json::Limits limits;
  limits.max_bytes = 8u << 20;
  const json::Document doc = json::parse(text, limits);
  if (!doc.ok()) {
    out.error = (doc.error_path.empty() ? std::string("map") : doc.error_path) + ": " + doc.error;
    return out;
  }
  MapReader reader;
  MapAsset m;
  if (reader.read(*doc.root, m)) return taken(std::move(m));
  out.error = reader.error;
  return out;
}

namespace {
std::vector<MapEntry> parse_map_catalogue(std::string_view text) {
  std::vector<MapEntry> out;
  const json::Document doc = json::parse(text, json::Limits{});
  const Value* maps = doc.ok() && doc.root->is_object() ? doc.root->find("maps") : nullptr;
  if (!maps || !maps->is_array()) return out;
  for (const Value& m : maps->items()) {
    const Value *id = m.is_object() ? m.find("id") : nullptr, *file = id ? m.find("file") : nullptr;
    const Value* parent = file ? m.find("parent") : nullptr;
    const Value* name = parent && parent->is_object() ? parent->find("name") : nullptr;
    if (!id || !id->is_string() || !file->is_string() || !name || !name->is_string()) continue;
    const Value* code = parent->find("code");
    out.push_back({std::string(id->str()), std::string(file->str()), std::string(name->str()),
                   code && code->is_string() ? std::string(code->str()) : std::string()});
  }
  return out;
}

}  // namespace

const std::vector<MapEntry>& map_catalogue() {
  static const std::vector<MapEntry> catalogue = parse_map_catalogue(kMapCatalogue);
  return catalogue;
}

namespace {

// A cursor over the binary map: every read checks the bytes are there; the first problem stops it.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view b) : b_(b) {}
  std::string error;
  bool fail(const std::string& what) {
    if (error.empty()) error = "byte " + std::to_string(at_ + 8) + ": " + what;
    return false;
  }
  bool raw(void* out, std::size_t n) {  // (little-endian, as wasm and the writer are)
    if (b_.size() - at_ < n) return fail("the file ends too soon");
    if (n) std::memcpy(out, b_.data() + at_, n);  // (an empty list's out may be null)
    at_ += n;
    return true;
  }
  template <typename T>
  bool get(T& out) {
    return raw(&out, sizeof(T));
  }
  bool text(std::string& out) {
    std::uint16_t n = 0;
    if (!get(n) || b_.size() - at_ < n) return fail("the file ends too soon");
    out.assign(b_.data() + at_, n);
    at_ += n;
    return true;
  }
  // A count (`wide`: 4 bytes, else 2), then that many u16 values, each below `below`.
  bool list(std::vector<std::uint16_t>& out, bool wide, std::size_t below) {
    std::uint32_t n = 0;
    std::uint16_t n16 = 0;
    if (!(wide ? get(n) : get(n16))) return false;
    if (!wide) n = n16;
    if ((b_.size() - at_) / 2 < n) return fail("the file ends too soon");
    out.resize(n);
    raw(out.data(), 2 * std::size_t{n});
    for (std::uint16_t x : out)
      if (x >= below) return fail("expected a value below " + std::to_string(below) + ", got " + std::to_string(x));
    return true;
  }
  bool done() const { return at_ == b_.size(); }

 private:
  std::string_view b_;
  std::size_t at_ = 0;
};

}  // namespace

ParsedMap read_map_binary(std::string_view bytes) {
  ParsedMap out;
  if (bytes.substr(0, 8) != std::string_view("SDKMAP1\0", 8)) {  // (offsets below count from the file's start)
    out.error = "byte 0: not a sandik map (SDKMAP1)";
    return out;
  }
  BinaryReader r(bytes.substr(8));
  MapAsset m;
  std::string tr, en;
  std::uint16_t columns = 0, rows = 0, count = 0;
  bool ok = r.text(m.id) && r.text(tr) && r.text(en) && r.text(m.parent_name) && r.text(m.parent_code) &&
            r.text(m.credit) && r.text(m.license) && r.text(m.source) && r.get(m.width) && r.get(m.height) &&
            r.get(columns) && r.get(rows) && r.get(count);
  if (ok && (!(m.width > 0) || !(m.height > 0) || count == 0)) ok = r.fail("expected a size and shapes");
  m.title.by_lang = {{"tr", tr}, {"en", en}};
  m.tile_columns = columns;
  m.tile_rows = rows;
  m.shapes.resize(ok ? count : 0);
  for (MapShape& s : m.shapes) {
    std::int16_t col = 0, row = 0;
    std::vector<std::uint16_t> neighbors, vertices, rings, triangles;
    ok = ok && r.text(s.name) && r.text(s.code) && r.text(s.short_name) && r.get(s.label_x) && r.get(s.label_y) &&
         r.get(col) && r.get(row) && r.list(neighbors, false, count) && r.list(vertices, true, 65536);
    const std::size_t points = vertices.size() / 2;
    ok = ok && r.list(rings, false, 65536) && r.list(triangles, true, points);  // (rings: first, count pairs)
    if (ok && (rings.size() % 2 || vertices.size() % 2 || triangles.size() % 3))
      ok = r.fail("expected whole pairs, triangles");
    for (std::size_t i = 0; ok && i + 1 < rings.size(); i += 2) {
      if (rings[i + 1] < 3 || std::size_t(rings[i]) + rings[i + 1] > points) ok = r.fail("a ring outside its shape");
      s.rings.emplace_back(rings[i], rings[i + 1]);
    }
    if (ok && columns && (col < 0 || col >= columns || row < 0 || row >= rows)) ok = r.fail("a tile outside the grid");
    s.tile_col = col;
    s.tile_row = row;
    s.neighbors.assign(neighbors.begin(), neighbors.end());
    s.vertices.assign(vertices.begin(), vertices.end());
    s.triangles.assign(triangles.begin(), triangles.end());
  }
  if (ok && !r.done()) ok = r.fail("bytes after the last shape");
  if (ok) return taken(std::move(m));
  out.error = r.error;
  return out;
}

int MapJoin::shape_of(int area) const {
  for (std::size_t s = 0; s < area_of.size(); ++s)
    if (area_of[s] == area && area >= 0) return static_cast<int>(s);
  return -1;
}

int map_parent(const Feed& feed, std::string_view name, std::string_view code) {
  const std::string parent_name = turkish::fold(name), parent_code = code_key(code);
  // By name first (an agency's district can have the same number as a province's plate), the
  // one whose code is the map's among several, else the one with the most children; by code
  // alone only when no area has the name.
  int parent = -1, by_code = -1;
  const auto better = [&](int a, int than) {
    if (than < 0) return true;
    const Area& x = feed.areas[static_cast<std::size_t>(a)];
    const Area& y = feed.areas[static_cast<std::size_t>(than)];
    const bool xc = !parent_code.empty() && code_key(x.code) == parent_code;
    const bool yc = !parent_code.empty() && code_key(y.code) == parent_code;
    return xc != yc ? xc : x.children.size() > y.children.size();
  };
  for (std::size_t a = 0; a < feed.areas.size(); ++a) {
    const Area& area = feed.areas[a];
    if (area.children.empty()) continue;
    if (turkish::fold(area.name) == parent_name && better(static_cast<int>(a), parent)) parent = static_cast<int>(a);
    if (by_code < 0 && !parent_code.empty() && code_key(area.code) == parent_code) by_code = static_cast<int>(a);
  }
  return parent >= 0 ? parent : by_code;
}

MapJoin join_map(const Feed& feed, const MapAsset& map) {
  MapJoin j;
  j.area_of.assign(map.shapes.size(), -1);
  j.parent = map_parent(feed, map.parent_name, map.parent_code);
  if (j.parent < 0) {
    for (std::size_t s = 0; s < map.shapes.size(); ++s) j.shapes_without_area.push_back(static_cast<int>(s));
    return j;
  }
  const std::vector<int>& children = feed.areas[static_cast<std::size_t>(j.parent)].children;
  std::vector<bool> taken(children.size(), false);
  for (std::size_t s = 0; s < map.shapes.size(); ++s) {
    const MapShape& shape = map.shapes[s];
    const std::string code = code_key(shape.code), name = turkish::fold(shape.name);
    int found = -1;
    for (std::size_t c = 0; c < children.size() && found < 0; ++c) {  // by code first
      const Area& child = feed.areas[static_cast<std::size_t>(children[c])];
      if (!taken[c] && !code.empty() && !child.code.empty() && code_key(child.code) == code)
        found = static_cast<int>(c);
    }
    for (std::size_t c = 0; c < children.size() && found < 0; ++c) {  // then by name
      const Area& child = feed.areas[static_cast<std::size_t>(children[c])];
      if (!taken[c] && turkish::fold(child.name) == name) found = static_cast<int>(c);
    }
    if (found < 0) {
      j.shapes_without_area.push_back(static_cast<int>(s));
      continue;
    }
    taken[static_cast<std::size_t>(found)] = true;
    j.area_of[s] = children[static_cast<std::size_t>(found)];
  }
  for (std::size_t c = 0; c < children.size(); ++c)
    if (!taken[c]) j.areas_without_shape.push_back(children[c]);
  return j;
}

}  // namespace sandik
