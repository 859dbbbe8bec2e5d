// Maps: the committed map assets read, their geometry sound, joined to real feeds both ways.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "core/feed.h"
#include "core/map.h"
#include "support.h"

using namespace sandik;
using ojson = nlohmann::ordered_json;

namespace {

std::string read(const std::string& path) { return sandik::test::read_file(path); }

MapAsset load_map(const std::string& id) {
  const ParsedMap m = parse_map(read(std::string(SANDIK_ASSETS "/maps/") + id + ".json"));
  REQUIRE_MESSAGE(m.ok(), m.error);
  return *m.map;
}

std::shared_ptr<const Feed> load_feed(const std::string& text) {
  ParsedFeed p = parse_feed(text);
  REQUIRE_MESSAGE(p.ok(), (p.problems.empty() ? "" : p.problems[0].to_string()));
  return p.feed;
}

double triangle_area(const MapShape& s) {
  double sum = 0;
  for (std::size_t t = 0; t + 2 < s.triangles.size(); t += 3) {
    const float* a = &s.vertices[2 * s.triangles[t]];
    const float* b = &s.vertices[2 * s.triangles[t + 1]];
    const float* c = &s.vertices[2 * s.triangles[t + 2]];
    sum += std::fabs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  }
  return sum;
}

double ring_area(const MapShape& s, std::size_t r) {
  const auto [first, count] = s.rings[r];
  double sum = 0;
  for (int i = 0; i < count; ++i) {
    const float* a = &s.vertices[2 * static_cast<std::size_t>(first + i)];
    const float* b = &s.vertices[2 * static_cast<std::size_t>(first + (i + 1) % count)];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return std::fabs(sum) / 2;
}

}  // namespace

TEST_CASE("maps: the committed assets") {
  for (const char* id : {"istanbul", "turkiye"}) {
    CAPTURE(id);
    const MapAsset m = load_map(id);
    CHECK(m.id == id);
    CHECK(m.credit == "© OpenStreetMap contributors");
    CHECK(m.license == "ODbL 1.0");
    CHECK(m.shapes.size() == (std::string(id) == "istanbul" ? 39u : 81u));
    CHECK(std::max(m.width, m.height) == doctest::Approx(2000));
    for (const MapShape& s : m.shapes) {
      CAPTURE(s.name);
      CHECK_FALSE(s.triangles.empty());
      CHECK_FALSE(s.rings.empty());
      CHECK(s.label_x >= 0);
      CHECK(s.label_x <= m.width);
      CHECK(s.label_y >= 0);
      CHECK(s.label_y <= m.height);
      // A shape of one outline is filled exactly: its triangles cover what the outline encloses.
      if (s.rings.size() == 1) CHECK(triangle_area(s) == doctest::Approx(ring_area(s, 0)).epsilon(0.001));
      for (const int n : s.neighbors) {  // neighbours both ways
        const auto& back = m.shapes[static_cast<std::size_t>(n)].neighbors;
        CHECK(std::find(back.begin(), back.end(), static_cast<int>(&s - m.shapes.data())) != back.end());
      }
    }
  }
  const MapAsset ist = load_map("istanbul");
  const auto shape = [&](const std::string& name) -> const MapShape& {
    for (const MapShape& s : ist.shapes)
      if (s.name == name) return s;
    FAIL("no shape " << name);
    return ist.shapes[0];
  };
  // Kadıköy borders Üsküdar and Ataşehir, not Beşiktaş across the Bosphorus; the islands nothing.
  const auto neighbors_of = [&](const std::string& name) {
    std::vector<std::string> out;
    for (const int n : shape(name).neighbors) out.push_back(ist.shapes[static_cast<std::size_t>(n)].name);
    return out;
  };
  const std::vector<std::string> kadikoy = neighbors_of("Kadıköy");
  CHECK(std::find(kadikoy.begin(), kadikoy.end(), "Üsküdar") != kadikoy.end());
  CHECK(std::find(kadikoy.begin(), kadikoy.end(), "Ataşehir") != kadikoy.end());
  CHECK(std::find(kadikoy.begin(), kadikoy.end(), "Beşiktaş") == kadikoy.end());
  CHECK(neighbors_of("Adalar").empty());
}

TEST_CASE("maps: joined to feeds by code or folded name, both ways") {
  const MapAsset ist = load_map("istanbul"), tr = load_map("turkiye");
  const auto istanbul = load_feed(read(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
  MapJoin j = join_map(*istanbul, ist);
  CHECK(j.parent == istanbul->find_area("istanbul"));
  CHECK(j.complete());
  for (std::size_t s = 0; s < ist.shapes.size(); ++s) {
    REQUIRE(j.area_of[s] >= 0);
    CHECK(j.shape_of(j.area_of[s]) == static_cast<int>(s));
  }
  CHECK(j.shape_of(istanbul->find_area("istanbul")) == -1);
  CHECK(join_map(*istanbul, tr).parent == -1);  // no Türkiye in a city's feed

  const auto national = load_feed(read(SANDIK_ASSETS "/feeds/turkiye/01-aa-0055.json"));
  j = join_map(*national, tr);
  CHECK(j.complete());
  // "Afyon" on the map, Afyonkarahisar in the feed: the plate code joins them.
  for (std::size_t s = 0; s < tr.shapes.size(); ++s)
    if (tr.shapes[s].name == "Afyon")
      CHECK(national->areas[static_cast<std::size_t>(j.area_of[s])].name == "Afyonkarahisar");
  const MapJoin city = join_map(*national, ist);
  CHECK(national->areas[static_cast<std::size_t>(city.parent)].id == "istanbul");
  CHECK(city.complete());

  // A renamed district and a stranger: each listed, nothing dropped.
  ojson f = ojson::parse(read(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
  for (auto& a : f["areas"])
    if (a["id"] == "besiktas") a["name"] = "Beşiktaş Merkez";
  f["areas"].push_back({{"id", "yeni"}, {"name", "Yeni İlçe"}, {"parent", "istanbul"}, {"level", "district"}});
  const auto changed = load_feed(f.dump());
  j = join_map(*changed, ist);
  CHECK_FALSE(j.complete());
  REQUIRE(j.shapes_without_area.size() == 1);
  CHECK(ist.shapes[static_cast<std::size_t>(j.shapes_without_area[0])].name == "Beşiktaş");
  REQUIRE(j.areas_without_shape.size() == 2);
  CHECK(changed->areas[static_cast<std::size_t>(j.areas_without_shape[0])].id == "besiktas");
  CHECK(changed->areas[static_cast<std::size_t>(j.areas_without_shape[1])].id == "yeni");

  // The parent by name before code: a district numbered 34 is not İstanbul.
  f = ojson::parse(read(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
  f["areas"].push_back({{"id", "x"}, {"name", "X"}, {"parent", nullptr}, {"code", 34}});
  f["areas"].push_back({{"id", "y"}, {"name", "Y"}, {"parent", "x"}});
  CHECK(join_map(*load_feed(f.dump()), ist).parent == load_feed(f.dump())->find_area("istanbul"));
}

TEST_CASE("maps: a broken map file is refused, named by its JSON path") {
  const std::string head = R"({"format":"sandik-map/1","id":"x","credit":"c","parent":{"name":"İstanbul"},"size":[10,10],)";
  const auto error = [](const std::string& text) { return parse_map(text).error; };
  const std::string ok_shape = R"({"name":"A","label":[1,1],"vertices":[0,0,1,0,0,1],"rings":[[0,3]],"triangles":[0,1,2],"neighbors":[]})";
  CHECK(parse_map(head + R"("shapes":[)" + ok_shape + "]}").ok());
  CHECK(error("{") == "map: invalid JSON at line 1, column 2: unexpected end of input");
  CHECK(error(R"({"format":"sandik/1"})") == "format: expected \"sandik-map/1\", got \"sandik/1\"");
  CHECK(error(head + R"("shapes":[]})") == "shapes: expected at least one shape");
  CHECK(error(head + R"("shapes":[{"name":"A","label":[1,1],"vertices":[0,0,1],"rings":[],"triangles":[],"neighbors":[]}]})") ==
        "shapes[0].vertices: expected x, y pairs: an even count of numbers");
  CHECK(error(head + R"("shapes":[{"name":"A","label":[1,1],"vertices":[0,0,1,0,0,1],"rings":[[1,3]],"triangles":[],"neighbors":[]}]})") ==
        "shapes[0].rings[0]: a ring of at least 3 vertices within the shape's 3");
  CHECK(error(head + R"("shapes":[{"name":"A","label":[1,1],"vertices":[0,0,1,0,0,1],"rings":[[0,3]],"triangles":[0,1,2],"neighbors":[1]}]})") ==
        "shapes[0].neighbors[0]: expected an index below 1, got 1");
  CHECK(error(head + R"("shapes":[{"name":"A","label":["x",1],"vertices":[],"rings":[],"triangles":[],"neighbors":[]}]})") ==
        "shapes[0].label[0]: expected a number of map units, got \"x\"");
  CHECK(error(head + R"("shapes":[{"label":[1,1]}]})") == "shapes[0].name: missing");
}
