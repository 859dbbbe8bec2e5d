// sandik web platform — the one place that knows about the browser: WebGL2 contexts, ImGui
// contexts and their renderer (gl_renderer.h), input from the loader, frames on demand. The loader
// (src/web/loader.js) owns the DOM side: canvases, events, fetch, timers, the accessible mirror.
//
// One door (STYLE.md 13): sandik_request() takes a versioned JSON message and answers one, for
// everything but the two calls made on every frame and every pointer move, sandik_frame() and
// sandik_input(), whose integer codes are protocol.json's on both sides. Each widget (an id the
// loader chose) has its own ImGui context and WebGL2 context. Frames are drawn only when the
// loader asks (data, size or input changed); sandik_frame() says whether ImGui needs another one.
#include <emscripten.h>
#include <malloc.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "adapters/agency.h"
#include "core/format.h"
#include "core/json.h"
#include "core/table_model.h"
#include "core/tally.h"
#include "font_atlas.h"
#include "gl_renderer.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "requests.h"
#include "sandik_constants.h"
#include "ui/present.h"
#include "ui/widget.h"

extern "C" int sandik_js_create_context(int id);
extern "C" void sandik_js_delete_context(int handle);
extern "C" int sandik_js_context_is_lost(int handle);

namespace {

namespace input = sandik::protocol::input;  // move, down, up, leave (protocol.json)
struct PointerEvent {
  int type;
  float x, y;  // device pixels
};

struct Instance {
  int id = 0;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  ImGuiContext* imgui = nullptr;
  sandik::ui::Widget widget;
  const sandik::web::FontSet* fonts = nullptr;  // the shared atlas for `dpr` (font_atlas.h)
  sandik::web::GlRenderer renderer;             // this WebGL context's program, buffers, texture
  int fb_w = 0, fb_h = 0;
  float dpr = 1;
  std::deque<PointerEvent> pending;
  int frames_wanted = 2;  // ImGui lays out popups and sizes on the frame after a change
  double last_time = 0;
  unsigned drawn_version = 0;                   // the widget's state last drawn
  unsigned mirror_sent = ~0u;                   // the mirror version the loader was last given
  bool lost = false;                            // the WebGL context is lost (given back, or taken by the browser)
  std::vector<sandik::ui::WantedImage> images;  // photos and logos drawn frames need, for the loader to load
  bool said = false;                            // the live region: what it knows the reader has heard
  std::string said_leader;
  int said_tenth = -1;
};

std::map<int, std::unique_ptr<Instance>> g_instances;

Instance* find(int id) {
  const auto it = g_instances.find(id);
  return it == g_instances.end() ? nullptr : it->second.get();
}

void apply_style() {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(0, 0);
  s.WindowBorderSize = 0;
  s.WindowRounding = 0;
  s.ItemSpacing = ImVec2(0, 0);
  s.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
}

bool make_current(Instance& in) {
  if (!in.gl || !in.imgui || in.lost) return false;
  if (sandik_js_context_is_lost(in.gl)) {  // lost, its event not yet delivered
    in.lost = true;
    in.renderer.forget();
    return false;
  }
  if (emscripten_webgl_make_context_current(in.gl) != EMSCRIPTEN_RESULT_SUCCESS) return false;
  ImGui::SetCurrentContext(in.imgui);
  return true;
}

// Text comes from one atlas per device pixel ratio, shared by all widgets: looked up again
// only when the widget's DPR changes, not on every frame.
void pick_fonts(Instance& in) {
  if (!in.fonts || in.fonts->dpr != in.dpr) in.fonts = &sandik::web::font_set(in.dpr);
  ImGui::GetIO().Fonts = in.fonts->atlas;
}

void ensure_device(Instance& in) {
  if (!in.renderer.ready()) in.renderer.create();  // first use, or after the context was lost and restored
  // Each WebGL context holds its own texture of the shared atlas (its pixels: GlRenderer::render).
  in.fonts->atlas->TexID = reinterpret_cast<ImTextureID>(in.renderer.texture());
}

}  // namespace

namespace {

using sandik::json::Value;
using sandik::web::field;
using sandik::web::number;
using sandik::web::problems_json;
using sandik::web::yes;

// ---- each request: reads its message, says what it did (JSON, without the outer braces) ----

// A new feed: its letters beyond the base glyphs (the Turkish ones are in; U+0150, U+0141 are not) are drawn first.
void require_feed_glyphs(const sandik::Feed& f) {
  for (const auto& t : f.election.title.by_lang) sandik::web::require_glyphs(t.second);
  for (const sandik::Source& x : f.sources) sandik::web::require_glyphs(x.name);
  for (const sandik::Party& x : f.parties) sandik::web::require_glyphs(x.name + x.short_name);
  for (const sandik::Area& x : f.areas) sandik::web::require_glyphs(x.name);
  for (const sandik::Race& r : f.races) {
    for (const auto& t : r.title.by_lang) sandik::web::require_glyphs(t.second);
    for (const sandik::Candidate& x : r.candidates) sandik::web::require_glyphs(x.name);
  }
  sandik::web::draw_new_glyphs();
}

std::string create(int id) {
  if (find(id)) return "\"ok\":true";
  auto in = std::make_unique<Instance>();
  in->id = id;
  ImGuiContext* previous = ImGui::GetCurrentContext();
  static ImFontAtlas none;  // contexts own no atlas: they use the shared ones (font_atlas.h)
  in->imgui = ImGui::CreateContext(&none);
  ImGui::SetCurrentContext(in->imgui);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  apply_style();
  if (previous) ImGui::SetCurrentContext(previous);
  g_instances[id] = std::move(in);
  return "\"ok\":true";
}

// The WebGL context comes when the widget nears the screen: a page with many widgets never
// holds more than it shows. false: no WebGL2 here.
std::string attach(Instance& in) {
  if (!in.gl) {
    in.gl = sandik_js_create_context(in.id);
    if (!in.gl) return "\"ok\":false";
    in.frames_wanted = 2;
  }
  return "\"ok\":true";
}

std::string destroy(int id) {
  Instance* in = find(id);
  if (!in) return "\"ok\":false";
  if (in->imgui) {
    ImGui::SetCurrentContext(in->imgui);
    if (in->gl && !in->lost) {  // (a lost context has no objects left to delete)
      emscripten_webgl_make_context_current(in->gl);
      in->renderer.destroy();
    }
    ImGui::DestroyContext(in->imgui);
    ImGui::SetCurrentContext(nullptr);
  }
  if (in->gl) sandik_js_delete_context(in->gl);
  g_instances.erase(id);
  return "\"ok\":true";
}

// A feed is read in slices of `ms` milliseconds (0: at once): "more" until it is read, then
// whether it was taken and its problems. The loader asks for the next slice after the page had
// its turn ("feed-more").
std::string fed(Instance& in, const std::optional<sandik::ui::FeedUpdate>& update) {
  if (!update) return in.widget.reading() ? "\"more\":true" : "\"superseded\":true";
  const sandik::ui::FeedUpdate& up = *update;
  if (up.accepted && in.widget.model().feed) require_feed_glyphs(*in.widget.model().feed);
  in.frames_wanted = 2;
  return "\"accepted\":" + yes(up.accepted) + ",\"problems\":" + problems_json(up.problems);
}

std::string set_options(Instance& in, const Value* options) {
  if (!options || !options->is_object()) return "\"error\":\"no options\"";
  const Value& o = *options;
  sandik::ui::WidgetOptions w;
  w.race = field(o, "race");
  w.source = field(o, "source");
  w.view = field(o, "view");
  w.area = field(o, "area");
  w.search = field(o, "search");
  w.lang = sandik::lang_from_code(field(o, "lang"));
  w.dark = field(o, "theme") == "dark";
  std::uint32_t accent = 0;
  if (sandik::parse_hex_color(field(o, "accent"), accent)) w.accent = accent;
  const Value* rm = o.find("reducedMotion");
  w.reduced_motion = rm && rm->boolean();
  in.widget.set_options(w);
  in.frames_wanted = 2;
  return "\"ok\":true";
}

std::string set_size(Instance& in, const Value& m) {
  const int w = static_cast<int>(number(m, "width")), h = static_cast<int>(number(m, "height"));
  const float dpr = static_cast<float>(number(m, "dpr"));
  if (w != in.fb_w || h != in.fb_h || dpr != in.dpr) in.frames_wanted = 2;
  in.fb_w = w;
  in.fb_h = h;
  in.dpr = dpr > 0.25f && dpr < 8 ? dpr : 1;
  return "\"ok\":true";
}

// The keyboard: next, previous, first, last move the focus; enter does what a tap on it does.
std::string key(Instance& in, const std::string& k) {
  using Key = sandik::ui::Widget::Key;
  bool used = false;
  if (k == "enter")
    used = in.widget.activate();
  else if (k == "back")
    used = in.widget.navigate_back();
  else if (k == "next")
    used = in.widget.key(Key::Next);
  else if (k == "previous")
    used = in.widget.key(Key::Previous);
  else if (k == "first")
    used = in.widget.key(Key::First);
  else if (k == "last")
    used = in.widget.key(Key::Last);
  else if (k == "blur")
    used = in.widget.key(Key::Blur);
  else if (k == "left" || k == "right" || k == "up" || k == "down")
    used = in.widget.key(k == "left" ? Key::Left : k == "right" ? Key::Right : k == "up" ? Key::Up : Key::Down);
  if (used) in.frames_wanted = std::max(in.frames_wanted, 2);
  return "\"used\":" + yes(used);
}

std::string region_json(const Instance& in, const sandik::ui::Region& r) {
  return "{\"name\":" + sandik::json::quote(r.name) + ",\"x\":" + sandik::json::number_text(r.x0 / in.dpr) +
         ",\"y\":" + sandik::json::number_text(r.y0 / in.dpr) +
         ",\"w\":" + sandik::json::number_text((r.x1 - r.x0) / in.dpr) +
         ",\"h\":" + sandik::json::number_text((r.y1 - r.y0) / in.dpr) + "}";
}

// Where a reader can tap, in CSS pixels from the canvas (the keyboard's ring, tests that tap).
std::string regions(const Instance& in) {
  std::string out = "\"regions\":[";
  for (const auto& r : in.widget.regions()) out += (out.back() == '[' ? "" : ",") + region_json(in, r);
  const sandik::ui::Region* f = in.widget.focused();
  return out + "],\"focus\":" + (f ? region_json(in, *f) : "null");
}

// The accessible mirror, when it changed since `version`.
std::string mirror(Instance& in, unsigned version) {
  const unsigned now = in.widget.mirror_version();
  in.mirror_sent = now;
  std::string out = "\"version\":" + std::to_string(now);
  if (now != version) out += ",\"mirror\":" + in.widget.accessible_json();
  return out;
}

// Where the reader is (the loader keeps the page's scroll and, with data-history, the URL's
// hash in step with it): {"tab", "area", "depth", "table"}.
std::string place(Instance& in) {
  const sandik::ui::Widget::Place p = in.widget.place();
  return "\"tab\":" + sandik::json::quote(sandik::ui::view_name(p.tab)) + ",\"area\":" + sandik::json::quote(p.area) +
         ",\"depth\":" + std::to_string(p.depth) + ",\"table\":" + yes(p.table);
}

// The photos and logos drawn frames need: {"images": [{"url", "photo"}]}, each asked for once.
std::string images(Instance& in) {
  std::string out = "\"images\":[";
  for (std::size_t i = 0; i < in.images.size(); ++i)
    out += (i ? ",{\"url\":" : "{\"url\":") + sandik::json::quote(in.images[i].url) +
           ",\"photo\":" + yes(in.images[i].photo) + "}";
  in.images.clear();
  return out + "]";
}

// A split index's parts the widget shows (src/ui/widget.h): {"parts": [url, …]}, relative to the
// feed's URL; the loader fetches and polls each. And the maps it shows and has not been given:
// "maps": [{"id", "file"}], the file relative to the script (dist/maps/ID.bin).
std::string parts(Instance& in) {
  std::string out = "\"parts\":[";
  for (const std::string& url : in.widget.parts_wanted()) out += (out.back() == '[' ? "" : ",") + sandik::json::quote(url);
  out += "],\"maps\":[";
  for (const auto& w : in.widget.maps_wanted())
    out += (out.back() == '[' ? "{\"id\":" : ",{\"id\":") + sandik::json::quote(w.id) +
           ",\"file\":" + sandik::json::quote("maps/" + w.id + ".bin") + "}";  // (tools/map_binary.py)
  return out + "]";
}

// A map file the loader fetched (op "map", `map`: its id): read once a page, given to every
// widget that wants it ("widgets": their ids). A file that is not a map is refused by the
// offset of its first bad byte; nothing changes. Without bytes: the one read before.
std::vector<std::pair<std::string, std::shared_ptr<const sandik::MapAsset>>> g_maps;
std::string map_given(const std::string& id, std::string_view bytes) {
  auto it = std::find_if(g_maps.begin(), g_maps.end(), [&](const auto& m) { return m.first == id; });
  if (it == g_maps.end()) {
    if (bytes.empty()) return "\"ok\":false,\"message\":" + sandik::json::quote(id + ": not read yet");
    sandik::ParsedMap parsed = sandik::read_map_binary(bytes);
    if (!parsed.ok()) return "\"ok\":false,\"message\":" + sandik::json::quote(id + ".bin: " + parsed.error);
    g_maps.emplace_back(id, std::make_shared<const sandik::MapAsset>(std::move(*parsed.map)));
    it = g_maps.end() - 1;
    const sandik::MapAsset& map = *it->second;  // (its words: the credit's ©, a shape no feed names)
    sandik::web::require_glyphs(map.credit);
    for (const sandik::MapShape& s : map.shapes) sandik::web::require_glyphs(s.name + s.short_name);
    sandik::web::draw_new_glyphs();
  }
  std::string given;  // the widgets that took it: only they draw again
  for (auto& entry : g_instances) {
    Instance& in = *entry.second;
    for (const auto& w : in.widget.maps_wanted())
      if (w.id == id) {
        in.widget.set_map(id, it->second);
        in.frames_wanted = std::max(in.frames_wanted, 2);
        given += (given.empty() ? "" : ",") + std::to_string(entry.first);
      }
  }
  return "\"ok\":true,\"widgets\":[" + given + "]";
}

// A part's bytes: taken (the widget shows it), or refused with its problems (the last good one stays).
std::string part(Instance& in, const std::string& url, std::string_view bytes) {
  const sandik::ui::FeedUpdate up = in.widget.set_part(url, bytes);
  if (up.accepted) in.frames_wanted = 2;
  return "\"accepted\":" + yes(up.accepted) + ",\"problems\":" + problems_json(up.problems);
}

// A photo or logo the loader has loaded: w × h RGBA pixels in the bytes (w = 0: it failed, the
// place stays empty).
std::string image(Instance& in, const Value& m, std::string_view bytes) {
  const int w = static_cast<int>(number(m, "w")), h = static_cast<int>(number(m, "h"));
  std::uintptr_t texture = 0;
  if (w > 0 && h > 0 && w <= 512 && h <= 512 && bytes.size() == static_cast<std::size_t>(w) * h * 4 && !in.lost &&
      in.renderer.ready() && make_current(in))
    texture = in.renderer.picture(w, h, reinterpret_cast<const std::uint8_t*>(bytes.data()));
  in.widget.set_image(field(m, "url"), texture);
  in.frames_wanted = std::max(in.frames_wanted, 2);
  return "\"ok\":" + yes(texture != 0);
}

// What the loader shows around the canvas, in the reader's words: the "last updated" line (stale
// once a live feed is `staleMinutes` old), and after new results the live region's sentence.
std::string status(Instance& in, const Value& m, bool news) {
  bool stale = false;
  const std::string line = in.widget.updated_line(static_cast<std::int64_t>(number(m, "now")),
                                                  static_cast<int>(number(m, "staleMinutes")), stale);
  return "\"line\":" + sandik::json::quote(line) + ",\"alert\":" + yes(stale) +
         ",\"announce\":" + sandik::json::quote(news ? in.widget.news() : "");
}

// While the feed is on its way: the WebGL context's shaders and the glyphs, so the first frame
// with results is only a frame.
std::string prepare(Instance& in) {
  if (!make_current(in)) return "\"ok\":false";
  pick_fonts(in);
  ensure_device(in);
  in.renderer.prepare(*in.fonts);
  return "\"ok\":true";
}

// The glyphs no frame has shown yet, `most` of them; once all are drawn every texture takes them.
std::string more_glyphs(int most) {
  const std::size_t left = sandik::web::draw_more_glyphs(static_cast<std::size_t>(std::max(most, 1)));
  if (left == 0)
    for (auto& entry : g_instances) {
      Instance& in = *entry.second;
      if (in.fonts && in.renderer.ready() && make_current(in)) in.renderer.use_fonts(*in.fonts);
    }
  return "\"left\":" + std::to_string(left);
}

std::string context(Instance& in, bool lost) {
  in.renderer.forget();
  in.widget.forget_images();  // (their textures went with the context)
  in.images.clear();
  in.lost = lost;  // while lost, frames only lay out
  if (!lost) in.frames_wanted = 2;
  return "\"ok\":true";
}

std::string answer(const Value& m, std::string_view bytes) {
  const std::string op = field(m, "op");
  if (op == "words") return sandik::web::words(m);
  if (op == "failure") return sandik::web::failure(m);
  if (op == "check") return sandik::web::check(m, bytes);
  if (op == "check-more") return sandik::web::check_more(m);
  if (op == "glyphs") return more_glyphs(static_cast<int>(number(m, "most")));
  if (op == "map") return map_given(field(m, "map"), bytes);
  if (op == "heap")
    return "\"used\":" + sandik::json::number_text(
                             static_cast<double>(mallinfo().uordblks));  // bytes in use
  const int id = static_cast<int>(number(m, "id"));
  if (op == "create") return create(id);
  if (op == "destroy") return destroy(id);
  Instance* in = find(id);
  if (!in) return "\"error\":\"no widget " + std::to_string(id) + "\"";
  if (op == "attach") return attach(*in);
  sandik::Budget budget = sandik::web::budget_of(m);
  if (op == "feed") return fed(*in, in->widget.read_feed(std::string(bytes), budget));
  if (op == "feed-more") return fed(*in, in->widget.read_more(budget));
  if (op == "options") return set_options(*in, m.find("options"));
  if (op == "size") return set_size(*in, m);
  if (op == "key") return key(*in, field(m, "key"));
  if (op == "regions") return regions(*in);
  if (op == "mirror") return mirror(*in, static_cast<unsigned>(number(m, "version")));
  if (op == "place") return place(*in);
  if (op == "unknown") {  // data-race, data-source, data-area the feed does not have, in the reader's words
    std::string list;
    for (const auto& [option, value] : in->widget.unknown_options())
      list += (list.empty() ? "data-" : " data-") + option + "=\"" + value + "\"";
    return "\"unknown\":" + sandik::json::quote(list) + ",\"message\":" +
           sandik::json::quote(
               list.empty() ? "" : sandik::ui::failure_message("option", list, in->widget.options().lang, true));
  }
  if (op == "images") return images(*in);
  if (op == "parts") return parts(*in);
  if (op == "part") return part(*in, field(m, "url"), bytes);
  if (op == "image") return image(*in, m, bytes);
  if (op == "go") {
    in->widget.go(field(m, "tab"), field(m, "area"));
    in->frames_wanted = std::max(in->frames_wanted, 2);
    return place(*in);
  }
  if (op == "status") return status(*in, m, false);
  if (op == "news") return status(*in, m, true);
  if (op == "prepare") return prepare(*in);
  if (op == "lost") return context(*in, true);
  if (op == "restored") return context(*in, false);
  return "\"error\":" + sandik::json::quote("unknown op " + op);
}

std::string g_answer;

}  // namespace

extern "C" {

// The one door: a message {"v": 1, "op": …, "id": …, …} (src/web/protocol.json, loader core.js)
// and the bytes it carries (a feed, an agency payload); answers {"v": 1, …} as JSON, valid until
// the next request.
EMSCRIPTEN_KEEPALIVE const char* sandik_request(const char* message, int length, const char* bytes, int bytes_length) {
  const sandik::json::Document doc =
      sandik::json::parse(std::string_view(message, static_cast<std::size_t>(length)), sandik::json::Limits{});
  const std::string v = "{\"v\":" + std::to_string(sandik::protocol::version) + ",";
  if (!doc.ok() || !doc.root->is_object()) {
    g_answer = v + "\"error\":\"the message is not a JSON object\"}";
  } else if (number(*doc.root, "v") != sandik::protocol::version) {
    g_answer = v + "\"error\":\"protocol version " + std::to_string(sandik::protocol::version) + " expected\"}";
  } else {
    g_answer =
        v + answer(*doc.root, std::string_view(bytes, static_cast<std::size_t>(std::max(bytes_length, 0)))) + "}";
  }
  return g_answer.c_str();
}

// Lays the widget out and, with `mode` draw (or draw_if_fits and the canvas already has the
// content's height), draws it. Returns frame_result bits: more (ImGui wants another frame),
// resize (laid out, not drawn: the canvas must take the content's height first), and the
// content's height in CSS pixels above height_shift; mirror when the accessible mirror
// changed since the loader last asked for it (so it asks only then, not every frame); and moved
// when the tab, the area or the table's presence changed (the loader then asks for the place).
EMSCRIPTEN_KEEPALIVE int sandik_frame(int id, double now_ms, int mode) {
  using namespace sandik::protocol;
  Instance* in = find(id);
  if (!in || !in->imgui || in->fb_w <= 0 || in->fb_h <= 0) return 0;
  const int draw = mode;
  // Without a WebGL context (not yet near the screen) the frame lays out only: its height and
  // regions are right by the time the widget scrolls into view.
  const bool drawn = draw != frame_mode::layout && make_current(*in);
  if (!drawn) ImGui::SetCurrentContext(in->imgui);
  pick_fonts(*in);
  if (drawn) ensure_device(*in);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(in->fb_w), static_cast<float>(in->fb_h));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime =
      in->last_time > 0 && now_ms > in->last_time ? static_cast<float>((now_ms - in->last_time) / 1000.0) : 1.0f / 60;
  if (io.DeltaTime > 1.0f) io.DeltaTime = 1.0f / 60;  // after idle: don't fast-forward ImGui's timers
  in->last_time = now_ms;
  // ImGui 1.86 has no input queue: apply moves, and at most one button change per frame.
  const ImVec2 hovered_at = io.MousePos;  // where the last frame saw the pointer
  while (!in->pending.empty()) {
    const PointerEvent e = in->pending.front();
    // (ImGui floors the mouse position it is given; compare likewise.)
    if (e.type == input::down && (hovered_at.x != std::floor(e.x) || hovered_at.y != std::floor(e.y))) {
      // A tap lands where the pointer was not: hover there for one frame first, as a mouse
      // would, so ImGui items that check the previous frame's hover take the press.
      io.MousePos = ImVec2(e.x, e.y);
      break;
    }
    in->pending.pop_front();
    io.MousePos = e.type == input::leave ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(e.x, e.y);
    if (e.type == input::down || e.type == input::up) {
      io.MouseDown[0] = e.type == input::down;
      break;  // the next change waits for the next frame, so a quick tap is a press then a release
    }
    if (e.type == input::leave) io.MouseDown[0] = false;
  }
  in->widget.set_css_width(io.DisplaySize.x / in->dpr);
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##sandik", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  in->widget.draw(io.DisplaySize.x, in->dpr, in->fonts->fonts, now_ms);
  ImGui::End();
  ImGui::Render();
  const bool fits = draw != frame_mode::draw_if_fits || std::ceil(in->widget.content_height() / in->dpr) ==
                                                            std::round(static_cast<float>(in->fb_h) / in->dpr);
  if (drawn && fits) {
    // Glyphs this frame shows for the first time are drawn on the atlas's canvas now; the
    // renderer uploads them with the frame.
    sandik::web::draw_shown_glyphs(*in->fonts, *ImGui::GetDrawData());
    in->renderer.render(*ImGui::GetDrawData(), *in->fonts, in->fb_w, in->fb_h, in->widget.background());
    for (sandik::ui::WantedImage& w : in->widget.take_wanted_images()) in->images.push_back(std::move(w));
  }
  if (in->frames_wanted > 0) --in->frames_wanted;
  if (in->widget.animating()) in->frames_wanted = std::max(in->frames_wanted, 1);  // bars growing
  if (in->widget.mirror_version() != in->drawn_version) {  // the reader changed something: draw it
    in->drawn_version = in->widget.mirror_version();
    in->frames_wanted = std::max(in->frames_wanted, 3);  // tables settle their columns over frames
  }
  const int height = static_cast<int>(std::ceil(in->widget.content_height() / in->dpr));
  const bool wants = in->widget.take_new_parts() + in->widget.take_new_maps() > 0;  // (both taken)
  return (in->frames_wanted > 0 || !in->pending.empty() ? frame_result::more : 0) | (fits ? 0 : frame_result::resize) |
         (in->widget.mirror_version() != in->mirror_sent ? frame_result::mirror : 0) |
         (in->widget.take_moved() ? frame_result::moved : 0) | (!in->images.empty() ? frame_result::images : 0) |
         (wants ? frame_result::parts : 0) | (height << frame_result::height_shift);
}

// Pointer and wheel input, in CSS pixels from the canvas (protocol.json's input codes). For
// the wheel (dy in CSS pixels), 1 when the widget scrolls something under the pointer (the loader
// then cancels the page's scroll), else 0 and the page scrolls.
EMSCRIPTEN_KEEPALIVE int sandik_input(int id, int kind, float x, float y, float dy_css) {
  using namespace sandik::protocol;
  Instance* in = find(id);
  if (!in) return 0;
  if (kind == input::touch || kind == input::down) {  // a finger's press is a press; the map tells them apart
    in->widget.set_touch(kind == input::touch);
    kind = input::down;
  }
  if (kind != input::wheel) {
    if (in->pending.size() > 64) in->pending.pop_front();
    in->pending.push_back({kind, x * in->dpr, y * in->dpr});
    in->frames_wanted = 2;  // hover and press states settle on the frames after an event
    return 1;
  }
  if (!in->imgui) return 0;  // no GL: nothing drawn, nothing to scroll
  ImGuiContext& g = *in->imgui;
  const ImVec2 at(x * in->dpr, y * in->dpr);
  ImGuiWindow* hovered = nullptr;
  for (int i = g.Windows.Size - 1; i >= 0 && !hovered; --i) {
    ImGuiWindow* w = g.Windows[i];
    if (w->WasActive && !w->Hidden && w->OuterRectClipped.Contains(at)) hovered = w;
  }
  for (ImGuiWindow* w = hovered; w; w = w->ParentWindow) {
    const bool can = dy_css > 0 ? w->Scroll.y < w->ScrollMax.y - 0.5f : w->Scroll.y > 0.5f;
    if (w->ScrollMax.y > 0 && can && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) {
      ImGui::SetCurrentContext(in->imgui);
      ImGui::GetIO().MousePos = at;
      ImGui::GetIO().MouseWheel -= dy_css / 100.0f;
      in->frames_wanted = 2;
      return 1;
    }
  }
  return 0;
}

}  // extern "C"
