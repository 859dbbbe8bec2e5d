// The map and tile views without drawing: the geometry the pointer and the keyboard use, the
// tiles' labels, the presentation model (fills, legend, mirror) on real feeds, and the widget
// wanting, taking and showing a map.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "core/map.h"
#include "core/turkish.h"
#include "support.h"
#include "ui/map_layout.h"
#include "ui/widget.h"

using namespace sandik;

namespace {

std::shared_ptr<const MapAsset> load_map(const std::string& id) {
  ParsedMap m = parse_map(test::read_file(std::string(SANDIK_ASSETS "/maps/") + id + ".json"));
  REQUIRE_MESSAGE(m.ok(), m.error);
  return std::make_shared<const MapAsset>(std::move(*m.map));
}

int shape_named(const MapAsset& m, const std::string& name) {
  for (std::size_t s = 0; s < m.shapes.size(); ++s)
    if (m.shapes[s].name == name) return static_cast<int>(s);
  FAIL("no shape " << name);
  return -1;
}

ui::WidgetOptions view(const char* v, const char* race = "") {
  ui::WidgetOptions o;
  o.view = v;
  o.race = race;
  return o;
}

const std::vector<bool> kAll(200, true);

}  // namespace

TEST_CASE("map geometry: pointer, tiles, arrows, the inset") {
  for (const char* id : {"istanbul", "turkiye"}) {
    CAPTURE(id);
    const auto map = load_map(id);
    SUBCASE("every label point is inside its own shape, every tile centre in its own tile") {
      for (std::size_t s = 0; s < map->shapes.size(); ++s) {
        CAPTURE(map->shapes[s].name);
        CHECK(ui::shape_at(*map, map->shapes[s].label_x, map->shapes[s].label_y) == static_cast<int>(s));
        const ui::Point c = ui::tile_centre(map->shapes[s]);
        CHECK(ui::tile_at(*map, c.x, c.y) == static_cast<int>(s));
        CHECK(ui::tile_at(*map, c.x + 0.45f, c.y) == static_cast<int>(s));  // (still inside its hexagon)
      }
      CHECK(ui::shape_at(*map, -5, -5) == -1);
      CHECK(ui::tile_at(*map, -3, -3) == -1);
    }
    SUBCASE("the tile grid: one tile an area, inside the grid, most neighbours side by side") {
      std::set<std::pair<int, int>> cells;
      int pairs = 0, near = 0;
      for (std::size_t s = 0; s < map->shapes.size(); ++s) {
        const MapShape& sh = map->shapes[s];
        CHECK(sh.tile_col >= 0);
        CHECK(sh.tile_col < map->tile_columns);
        CHECK(sh.tile_row < map->tile_rows);
        cells.insert({sh.tile_col, sh.tile_row});
        for (int k : sh.neighbors) {
          ++pairs;
          const ui::Point a = ui::tile_centre(sh), b = ui::tile_centre(map->shapes[static_cast<std::size_t>(k)]);
          near += std::hypot(a.x - b.x, a.y - b.y) < 1.01f;
        }
      }
      CHECK(cells.size() == map->shapes.size());
      CHECK(near * 10 >= pairs * 6);  // (Istanbul 53 of 83 pairs, Türkiye 134 of 165)
    }
    SUBCASE("an arrow goes that way, to a neighbour where one is that way") {
      for (std::size_t s = 0; s < map->shapes.size(); ++s)
        for (const auto& [dx, dy] : {std::pair{1.0f, 0.0f}, {-1.0f, 0.0f}, {0.0f, 1.0f}, {0.0f, -1.0f}})
          for (bool tiles : {false, true}) {
            const int to = ui::toward(*map, static_cast<int>(s), dx, dy, tiles, kAll);
            if (to < 0) continue;
            const ui::Point a = ui::anchor(*map, static_cast<int>(s), tiles), b = ui::anchor(*map, to, tiles);
            CHECK((b.x - a.x) * dx + (b.y - a.y) * dy > 0);
          }
    }
  }
  const auto ist = load_map("istanbul");
  SUBCASE("the arrows across Istanbul: along the shore, over the Bosphorus, none past the edge") {
    const auto go = [&](const char* from, float dx, float dy) {
      const int to = ui::toward(*ist, shape_named(*ist, from), dx, dy, false, kAll);
      return to < 0 ? std::string() : ist->shapes[static_cast<std::size_t>(to)].name;
    };
    CHECK(go("Kadıköy", 0, -1) == "Üsküdar");  // (its neighbour to the north)
    // No border that way: the nearest over the water, on the Asian side.
    CHECK(std::set<std::string>{"Üsküdar", "Ümraniye", "Beykoz"}.count(go("Beşiktaş", 1, 0)));
    CHECK(go("Silivri", -1, 0) == "");  // (the city's western end)
    CHECK(go("Şile", 1, 0) == "");      // (its eastern end)
    std::vector<bool> only_fatih(ist->shapes.size(), false);
    only_fatih[static_cast<std::size_t>(shape_named(*ist, "Fatih"))] = true;
    CHECK(ui::toward(*ist, shape_named(*ist, "Zeytinburnu"), 1, 0, false, only_fatih) == shape_named(*ist, "Fatih"));
  }
  SUBCASE("the inset: the small districts of the centre at phone width, none at a wall's") {
    const float phone = 358.0f / ist->width;  // device px a map unit, 390 px wide at DPR 1
    const ui::Box box = ui::small_shapes_box(*ist, phone, 16);
    REQUIRE_FALSE(box.empty());
    for (const char* name : {"Güngören", "Bayrampaşa", "Esenler", "Zeytinburnu"}) {
      CAPTURE(name);
      const MapShape& s = ist->shapes[static_cast<std::size_t>(shape_named(*ist, name))];
      CHECK(s.label_x > box.x0);
      CHECK(s.label_x < box.x1);
      CHECK(s.label_y > box.y0);
      CHECK(s.label_y < box.y1);
    }
    CHECK(box.w() < ist->width * 0.6f);
    CHECK(ui::small_shapes_box(*ist, 20000.0f / ist->width, 16).empty());
  }
}

TEST_CASE("tiles' labels: three letters, unique on each map, Turkish upper case") {
  for (const char* id : {"istanbul", "turkiye"}) {
    const auto map = load_map(id);
    std::set<std::string> seen;
    for (const MapShape& s : map->shapes) {
      CAPTURE(s.name);
      CHECK(turkish::display_width(s.short_name) == 3);
      CHECK(seen.insert(s.short_name).second);
      CHECK(turkish::upper(s.short_name) == s.short_name);
    }
  }
  const auto ist = load_map("istanbul");
  CHECK(ist->shapes[static_cast<std::size_t>(shape_named(*ist, "Kadıköy"))].short_name == "KAD");
  CHECK(ist->shapes[static_cast<std::size_t>(shape_named(*ist, "Şişli"))].short_name == "ŞİŞ");
}

TEST_CASE("the map's model on Istanbul's feeds, and the widget that shows it") {
  const auto ist = load_map("istanbul");
  ui::Widget w;
  w.set_options(view("map", "ilce"));
  REQUIRE(w.set_feed(test::read_file(SANDIK_ASSETS "/feeds/istanbul-2024.json")).accepted);
  SUBCASE("it wants Istanbul's map and only that; a summary widget wants none") {
    REQUIRE(w.maps_wanted().size() == 1);
    CHECK(w.maps_wanted()[0].id == "istanbul");
    CHECK(w.maps_wanted()[0].file == "istanbul.json");
    CHECK(w.take_new_maps());
    CHECK_FALSE(w.take_new_maps());
    CHECK_FALSE(w.take_new_parts());
    CHECK_FALSE(w.presented().map.map);
    ui::Widget summary;
    summary.set_options(view("summary"));
    REQUIRE(summary.set_feed(test::read_file(SANDIK_ASSETS "/feeds/istanbul-2024.json")).accepted);
    CHECK(summary.maps_wanted().empty());
    ui::Widget table;
    table.set_options(view("table"));
    REQUIRE(table.set_feed(test::read_file(SANDIK_ASSETS "/feeds/istanbul-2024.json")).accepted);
    CHECK(table.maps_wanted().empty());
  }
  w.set_map("istanbul", ist);
  CHECK(w.maps_wanted().empty());
  const ui::MapView& v = w.presented().map;
  REQUIRE(v.map);
  REQUIRE(v.areas.size() == 39);
  SUBCASE("final: every district filled solid in its winner's colour, the legend counts them") {
    int led = 0;
    for (const ui::MapArea& a : v.areas) {
      CAPTURE(a.name);
      CHECK(a.area >= 0);
      CHECK(a.fill == ui::Fill::Counted);
      CHECK(a.color != 0);
      CHECK(a.card.size() >= 4);
    }
    for (const ui::Chip& c : v.leaders) led += std::stoi(c.text.substr(c.text.rfind(' ') + 1));
    CHECK(led == 39);
    CHECK(v.leaders.front().text == "CHP 26");  // (the night's own count: CHP won 26 of 39 districts)
    CHECK(v.partial.empty());
    CHECK(v.missing.empty());
    // The flips outlined are the flips view's.
    std::set<std::string> outlined, listed;
    for (const ui::MapArea& a : v.areas)
      if (a.flipped) outlined.insert(a.name);
    for (const TableRow& r : w.model().flips) listed.insert(*r.name);
    CHECK(outlined == listed);
    CHECK(outlined.count("Silivri"));
    CHECK_FALSE(v.flipped.empty());
  }
  SUBCASE("the mirror lists every district with the card's numbers and credits OpenStreetMap") {
    const std::string mirror = w.accessible_json();
    CHECK(mirror.find("© OpenStreetMap contributors") != std::string::npos);
    CHECK(mirror.find("Güngören") != std::string::npos);
    CHECK(v.rows.size() == 39);
    CHECK(v.columns.size() == 6);
    for (const ui::MapArea& a : v.areas) {
      const auto row = std::find_if(v.rows.begin(), v.rows.end(), [&](const auto& r) { return r[0] == a.name; });
      REQUIRE(row != v.rows.end());
      CHECK(a.card[1].find((*row)[2]) != std::string::npos);  // the same share
    }
  }
  SUBCASE("the keyboard: into the map, across it by neighbours, Enter opens, Escape comes back") {
    REQUIRE(w.key(ui::Widget::Key::Next));
    REQUIRE(w.focus().rfind("area:", 0) == 0);
    CHECK(w.focus() == w.focus_order().front());
    const std::string first = w.focus();
    REQUIRE(w.key(ui::Widget::Key::Down));
    CHECK(w.focus() != first);
    CHECK(w.focus().rfind("area:", 0) == 0);
    const std::string id = w.focus().substr(5);
    REQUIRE(w.activate());
    CHECK(w.model().feed->areas[static_cast<std::size_t>(w.model().area)].id == id);
    CHECK(w.accessible_json().find("© OpenStreetMap") == std::string::npos);  // (the district's detail)
    REQUIRE(w.navigate_back());
    CHECK(w.model().area == w.model().race->area);
    CHECK(w.presented().map.map);
  }
  SUBCASE("a partial moment: striped where counting, grey where nothing is in") {
    ui::Widget n;
    n.set_options(view("map", "istanbul-ilce"));  // (AA's 00.55 count, the national feed: districts 73–92 % in)
    REQUIRE(n.set_feed(test::read_file(SANDIK_ASSETS "/feeds/turkiye/01-aa-0055.json")).accepted);
    n.set_map("istanbul", ist);
    const ui::MapView& p = n.presented().map;
    REQUIRE(p.map);
    int partial = 0;
    for (const ui::MapArea& a : p.areas) partial += a.fill == ui::Fill::Partial;
    CHECK(partial > 0);
    CHECK_FALSE(p.partial.empty());
    CHECK(n.accessible_json().find(p.partial) != std::string::npos);
    for (std::size_t i = 0; i < p.areas.size(); ++i) {
      if (p.areas[i].fill != ui::Fill::Partial) continue;
      const auto row =
          std::find_if(p.rows.begin(), p.rows.end(), [&](const auto& r) { return r[0] == p.areas[i].name; });
      REQUIRE(row != p.rows.end());
      CHECK((*row)[4] != "%100,0");  // (its boxes opened, as the table says, short of all)
    }
  }
  SUBCASE("tiles: the same areas, from the same rows") {
    ui::Widget t;
    t.set_options(view("tiles", "ilce"));
    REQUIRE(t.set_feed(test::read_file(SANDIK_ASSETS "/feeds/istanbul-2024.json")).accepted);
    t.set_map("istanbul", ist);
    const ui::MapView& tv = t.presented().map;
    REQUIRE(tv.map);
    CHECK(tv.tiles);
    REQUIRE(tv.areas.size() == v.areas.size());
    for (std::size_t i = 0; i < v.areas.size(); ++i) CHECK(tv.areas[i].card == v.areas[i].card);
    // A map without a tile grid: the tiles view shows its shapes rather than nothing.
    MapAsset gridless = *ist;
    gridless.tile_columns = gridless.tile_rows = 0;
    ui::Widget g;
    g.set_options(view("tiles", "ilce"));
    REQUIRE(g.set_feed(test::read_file(SANDIK_ASSETS "/feeds/istanbul-2024.json")).accepted);
    g.set_map("istanbul", std::make_shared<const MapAsset>(gridless));
    REQUIRE(g.presented().map.map);
    CHECK_FALSE(g.presented().map.tiles);
  }
}

TEST_CASE("the national overview: the Türkiye map; a province with a map of its districts, and one without") {
  ui::Widget w;
  w.set_options(view("overview"));
  REQUIRE(w.set_feed(test::read_file(SANDIK_ASSETS "/feeds/turkiye/03-final.json")).accepted);
  REQUIRE(w.maps_wanted().size() == 1);
  CHECK(w.maps_wanted()[0].id == "turkiye");
  w.set_map("turkiye", load_map("turkiye"));
  const ui::MapView& v = w.presented().map;
  REQUIRE(v.map);
  CHECK(v.areas.size() == 81);
  CHECK(v.missing.empty());
  int led = 0;
  for (const ui::Chip& c : v.leaders) led += std::stoi(c.text.substr(c.text.rfind(' ') + 1));
  CHECK(led == 81);
  for (std::size_t i = 0; i < v.areas.size(); ++i) {  // (the feed is still live: some boxes are out)
    CAPTURE(v.areas[i].name);
    CHECK(v.areas[i].fill != ui::Fill::None);
    const auto row = std::find_if(v.rows.begin(), v.rows.end(), [&](const auto& r) { return r[0] == v.areas[i].name; });
    REQUIRE(row != v.rows.end());
    if (v.areas[i].fill == ui::Fill::Counted) CHECK(((*row)[4] == "%100,0" || (*row)[4] == "–"));
    if (v.areas[i].fill == ui::Fill::Partial) CHECK((*row)[4] != "–");
  }
  SUBCASE("Ankara: no map of its districts, said, and the table is there") {
    w.go("", "ankara");
    CHECK(w.maps_wanted().empty());
    CHECK_FALSE(w.presented().map.map);
    CHECK(w.presented().map.none.find("Ankara") != std::string::npos);
    CHECK(w.accessible_json().find(w.presented().map.none) != std::string::npos);
    CHECK(w.presented().table.rows.size() == 25);
  }
  SUBCASE("İstanbul: its districts' map is wanted") {
    w.go("", "istanbul");
    REQUIRE(w.maps_wanted().size() == 1);
    CHECK(w.maps_wanted()[0].id == "istanbul");
  }
}

TEST_CASE("the widget's binary maps: the same as the committed files, and bad bytes refused") {
  for (const char* id : {"istanbul", "turkiye"}) {
    CAPTURE(id);
    const auto json = load_map(id);
    const std::string bytes = test::read_file(std::string(SANDIK_BUILT_MAPS "/") + id + ".bin");
    const ParsedMap bin = read_map_binary(bytes);
    REQUIRE_MESSAGE(bin.ok(), bin.error);
    const MapAsset& b = *bin.map;
    CHECK(b.id == json->id);
    CHECK(b.title.get("tr") == json->title.get("tr"));
    CHECK(b.title.get("en") == json->title.get("en"));
    CHECK(b.parent_name == json->parent_name);
    CHECK(b.parent_code == json->parent_code);
    CHECK(b.credit == json->credit);
    CHECK(b.license == json->license);
    CHECK(b.width == json->width);
    CHECK(b.height == json->height);
    CHECK(b.tile_columns == json->tile_columns);
    CHECK(b.tile_rows == json->tile_rows);
    REQUIRE(b.shapes.size() == json->shapes.size());
    for (std::size_t s = 0; s < b.shapes.size(); ++s) {
      const MapShape &x = b.shapes[s], &y = json->shapes[s];
      CAPTURE(y.name);
      CHECK(x.name == y.name);
      CHECK(x.code == y.code);
      CHECK(x.short_name == y.short_name);
      CHECK(x.label_x == y.label_x);
      CHECK(x.label_y == y.label_y);
      CHECK(x.vertices == y.vertices);
      CHECK(x.rings == y.rings);
      CHECK(x.triangles == y.triangles);
      CHECK(x.neighbors == y.neighbors);
      CHECK(x.tile_col == y.tile_col);
      CHECK(x.tile_row == y.tile_row);
    }
    // Cut short anywhere, or a byte more: refused, said where.
    for (std::size_t cut : {std::size_t{3}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
      const ParsedMap r = read_map_binary(bytes.substr(0, cut));
      CHECK_FALSE(r.ok());
      CHECK(r.error.rfind("byte ", 0) == 0);
    }
    CHECK(read_map_binary(bytes + "x").error.find("bytes after the last shape") != std::string::npos);
    CHECK(read_map_binary("{\"format\":\"sandik-map/1\"}").error == "byte 0: not a sandik map (SDKMAP1)");
  }
  // A triangle that names a point the shape does not have.
  std::string bytes = test::read_file(SANDIK_BUILT_MAPS "/istanbul.bin");
  bytes[bytes.size() - 2] = '\xff';
  bytes[bytes.size() - 1] = '\x7f';
  const ParsedMap bad = read_map_binary(bytes);
  CHECK_FALSE(bad.ok());
  CHECK(bad.error.find("expected a value below") != std::string::npos);
}
