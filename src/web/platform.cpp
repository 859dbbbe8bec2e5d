// sandik web platform — the one place that knows about the browser: WebGL2 contexts, ImGui
// contexts and their renderer (gl_renderer.h), input from the loader, frames on demand. The loader
// (src/web/loader.js) owns the DOM side: canvases, events, fetch, timers, the accessible mirror.
//
// Every function here takes a widget id the loader chose; each widget has its own ImGui context
// and WebGL2 context. Frames are drawn only when the loader asks (data, size or input changed);
// sandik_frame() says whether ImGui needs another one.
#include <emscripten.h>
#include <emscripten/emmalloc.h>
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
#include "ui/widget.h"

extern "C" int sandik_js_create_context(int id);
extern "C" void sandik_js_delete_context(int handle);
extern "C" int sandik_js_context_is_lost(int handle);

namespace {

enum PointerType { kMove = 0, kDown = 1, kUp = 2, kLeave = 3 };
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
  std::string out;             // the last string handed to JS (valid until the next call)
  unsigned drawn_version = 0;  // the widget's state last drawn
  bool lost = false;           // the WebGL context is lost (given back, or taken by the browser)
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

// [{"severity","path","message","text"}…], the first 200.
std::string problems_json(const sandik::Problems& problems) {
  std::string out = "[";
  for (std::size_t i = 0; i < problems.size() && i < 200; ++i) {
    const sandik::Problem& p = problems[i];
    if (i) out += ",";
    out += std::string("{\"severity\":") + (p.severity == sandik::Severity::Error ? "\"error\"" : "\"warning\"") +
           ",\"path\":" + sandik::json::quote(p.path) + ",\"message\":" + sandik::json::quote(p.message) +
           ",\"text\":" + sandik::json::quote(p.to_string()) + "}";
  }
  return out + "]";
}

const char* hand_out(Instance& in, std::string s) {
  in.out = std::move(s);
  return in.out.c_str();
}

}  // namespace

extern "C" {

// Creates widget `id`: its ImGui context, which lays the widget out (content height, the
// accessible mirror) whether or not it is drawn. The WebGL context comes with sandik_attach,
// when the widget nears the screen: a page with many widgets never holds more than it shows.
EMSCRIPTEN_KEEPALIVE int sandik_create(int id) {
  if (find(id)) return 1;
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
  return 1;
}

// The WebGL2 context of the widget's canvas (the loader makes it: Module.sandikWebGL(id)), registered.
// Returns 1 with one, 0 without: the loader then shows the accessible mirror as the results table.
EMSCRIPTEN_KEEPALIVE int sandik_attach(int id) {
  Instance* in = find(id);
  if (!in) return 0;
  if (in->gl) return 1;
  in->gl = sandik_js_create_context(id);
  if (!in->gl) return 0;
  in->frames_wanted = 2;
  return 1;
}

EMSCRIPTEN_KEEPALIVE void sandik_destroy(int id) {
  Instance* in = find(id);
  if (!in) return;
  if (in->imgui) {
    ImGui::SetCurrentContext(in->imgui);
    if (in->gl && !in->lost) {  // (a lost context has no objects left to delete)
      emscripten_webgl_make_context_current(in->gl);
      in->renderer.destroy();
    }
    ImGui::DestroyContext(in->imgui);
  }
  if (in->gl) sandik_js_delete_context(in->gl);
  g_instances.erase(id);
}

// Feed bytes in; returns {"accepted":bool,"problems":[{"severity","path","message","text"}]}.
EMSCRIPTEN_KEEPALIVE const char* sandik_set_feed(int id, const char* bytes, int len) {
  Instance* in = find(id);
  if (!in) return "{\"accepted\":false,\"problems\":[]}";
  const sandik::ui::FeedUpdate up = in->widget.set_feed(std::string_view(bytes, static_cast<std::size_t>(len)));
  if (up.accepted && in->widget.model().feed) {  // names with letters beyond the base glyphs (Ç is in; Ő, Ł are not)
    const sandik::Feed& f = *in->widget.model().feed;
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
  in->frames_wanted = 2;
  return hand_out(*in, std::string("{\"accepted\":") + (up.accepted ? "true" : "false") +
                           ",\"problems\":" + problems_json(up.problems) + "}");
}

// Options as JSON: {"race","source","view","lang","theme":"light|dark","accent":"#RRGGBB","reducedMotion":bool}
EMSCRIPTEN_KEEPALIVE void sandik_set_options(int id, const char* options_json) {
  Instance* in = find(id);
  if (!in) return;
  sandik::json::Document doc = sandik::json::parse(options_json, sandik::json::Limits{});
  sandik::ui::WidgetOptions o;
  if (doc.ok() && doc.root->is_object()) {
    auto get = [&](const char* key) -> std::string {
      const sandik::json::Value* v = doc.root->find(key);
      return v && v->is_string() ? std::string(v->str()) : std::string();
    };
    o.race = get("race");
    o.source = get("source");
    o.view = get("view");
    o.area = get("area");
    o.search = get("search");
    o.lang = sandik::lang_from_code(get("lang"));
    o.dark = get("theme") == "dark";
    std::uint32_t accent = 0;
    if (sandik::parse_hex_color(get("accent"), accent)) o.accent = accent;
    const sandik::json::Value* rm = doc.root->find("reducedMotion");
    o.reduced_motion = rm && rm->type() == sandik::json::Value::Type::Bool && rm->boolean();
  }
  in->widget.set_options(o);
  in->frames_wanted = 2;
}

// The canvas's backing store in device pixels and the device pixel ratio.
EMSCRIPTEN_KEEPALIVE void sandik_set_size(int id, int fb_w, int fb_h, float dpr) {
  Instance* in = find(id);
  if (!in) return;
  if (fb_w != in->fb_w || fb_h != in->fb_h || dpr != in->dpr) in->frames_wanted = 2;
  in->fb_w = fb_w;
  in->fb_h = fb_h;
  in->dpr = dpr > 0.25f && dpr < 8 ? dpr : 1;
}

// Pointer input in CSS pixels relative to the canvas: type 0 move, 1 down, 2 up, 3 leave.
EMSCRIPTEN_KEEPALIVE void sandik_pointer(int id, int type, float x, float y) {
  Instance* in = find(id);
  if (!in) return;
  if (in->pending.size() > 64) in->pending.pop_front();
  in->pending.push_back({type, x * in->dpr, y * in->dpr});
  in->frames_wanted = 2;  // hover and press states settle on the frames after an event
}

// Wheel over the canvas. Returns 1 when the widget scrolls (the loader then cancels the page's
// scroll), 0 when the page should scroll.
EMSCRIPTEN_KEEPALIVE int sandik_wheel(int id, float x, float y, float dy_css) {
  Instance* in = find(id);
  if (!in || !in->imgui) return 0;  // no GL: nothing drawn, nothing to scroll
  ImGuiContext& g = *in->imgui;
  // The window under the point, topmost first (children are drawn over their parents): a touch
  // has no hover before it, so the last frame's HoveredWindow would not do.
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
      ImGui::GetIO().MousePos = ImVec2(x * in->dpr, y * in->dpr);
      ImGui::GetIO().MouseWheel -= dy_css / 100.0f;
      in->frames_wanted = 2;
      return 1;
    }
  }
  return 0;
}

// Escape: back up one area. Returns 1 when the widget went back (the loader then keeps the key).
EMSCRIPTEN_KEEPALIVE int sandik_back(int id) {
  Instance* in = find(id);
  if (!in || !in->widget.navigate_back()) return 0;
  in->frames_wanted = 2;
  return 1;
}

// The keyboard on the focused canvas: 1 next, 2 previous, 3 first, 4 last (arrows, Home, End),
// 5 activate (Enter, Space: a tap on the focused item), 6 blur. Returns 1 when the widget used
// the key (the loader then keeps it from the page), 0 when the page should have it.
EMSCRIPTEN_KEEPALIVE int sandik_key(int id, int code) {
  Instance* in = find(id);
  if (!in || !in->imgui) return 0;
  using Key = sandik::ui::Widget::Key;
  bool used = false;
  if (code == 5) {
    used = in->widget.activate();
  } else if (code >= 1 && code <= 6) {
    static const Key kKeys[] = {Key::Next, Key::Previous, Key::First, Key::Last, Key::Next, Key::Blur};
    used = in->widget.key(kKeys[code - 1]);
  }
  if (used) in->frames_wanted = std::max(in->frames_wanted, 2);
  return used ? 1 : 0;
}

// The focused item's rectangle in CSS pixels from the canvas's top-left, "null" when none is drawn.
EMSCRIPTEN_KEEPALIVE const char* sandik_focus_json(int id) {
  Instance* in = find(id);
  const sandik::ui::Region* r = in ? in->widget.focused() : nullptr;
  if (!r) return "null";
  return hand_out(*in, "{\"name\":" + sandik::json::quote(r->name) +
                           ",\"x\":" + sandik::json::number_text(r->x0 / in->dpr) +
                           ",\"y\":" + sandik::json::number_text(r->y0 / in->dpr) +
                           ",\"w\":" + sandik::json::number_text((r->x1 - r->x0) / in->dpr) +
                           ",\"h\":" + sandik::json::number_text((r->y1 - r->y0) / in->dpr) + "}");
}

// What the loader needs to know of the feed shown: {"updated": epoch seconds, "status": "live"|"final"|"test"}.
EMSCRIPTEN_KEEPALIVE const char* sandik_feed_info(int id) {
  Instance* in = find(id);
  if (!in || !in->widget.model().feed) return "{}";
  const sandik::Feed& f = *in->widget.model().feed;
  const char* status = f.status == sandik::FeedStatus::Final  ? "final"
                       : f.status == sandik::FeedStatus::Test ? "test"
                                                              : "live";
  // For the live region: who leads the race (at its root) and how much is counted.
  std::string leader = "null", reporting = "null";
  const sandik::ui::Model& m = in->widget.model();
  if (m.ready()) {
    const sandik::Summary s = m.area == m.race->area ? m.current : sandik::summarize(*m.tally, m.race->area);
    if (s.leader >= 0) leader = sandik::json::quote(f.contestant_name(*m.race, s.leader));
    if (s.reporting_pct) reporting = sandik::json::number_text(*s.reporting_pct);
  }
  return hand_out(*in, "{\"updated\":" + std::to_string(f.updated.epoch) + ",\"status\":\"" + status +
                           "\",\"leader\":" + leader + ",\"reporting\":" + reporting + "}");
}

// Where a reader can tap, in CSS pixels from the canvas's top left: [{"name","x","y","w","h"}…].
EMSCRIPTEN_KEEPALIVE const char* sandik_regions(int id) {
  Instance* in = find(id);
  if (!in) return "[]";
  std::string out = "[";
  for (const auto& r : in->widget.regions()) {
    if (out.size() > 1) out += ",";
    out += "{\"name\":" + sandik::json::quote(r.name) + ",\"x\":" + sandik::json::number_text(r.x0 / in->dpr) +
           ",\"y\":" + sandik::json::number_text(r.y0 / in->dpr) +
           ",\"w\":" + sandik::json::number_text((r.x1 - r.x0) / in->dpr) +
           ",\"h\":" + sandik::json::number_text((r.y1 - r.y0) / in->dpr) + "}";
  }
  return hand_out(*in, out + "]");
}

// Changes whenever the accessible mirror would say something else.
EMSCRIPTEN_KEEPALIVE int sandik_mirror_version(int id) {
  Instance* in = find(id);
  return in ? static_cast<int>(in->widget.mirror_version()) : 0;
}

// Lays out and draws one frame (`draw` 0: lays out only; 2: draws only if the content is as tall
// as the canvas, the first results usually fill the space held for them). Returns bit 1 when
// another frame is needed (pending input, layout settling), bit 2 when `draw` 2 did not draw.
EMSCRIPTEN_KEEPALIVE int sandik_frame(int id, double now_ms, int draw) {
  Instance* in = find(id);
  if (!in || !in->imgui || in->fb_w <= 0 || in->fb_h <= 0) return 0;
  // Without a WebGL context (not yet near the screen) the frame lays out only: its height and
  // regions are right by the time the widget scrolls into view.
  const bool drawn = draw && make_current(*in);
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
    if (e.type == kDown && (hovered_at.x != std::floor(e.x) || hovered_at.y != std::floor(e.y))) {
      // A tap lands where the pointer was not: hover there for one frame first, as a mouse
      // would, so ImGui items that check the previous frame's hover take the press.
      io.MousePos = ImVec2(e.x, e.y);
      break;
    }
    in->pending.pop_front();
    io.MousePos = e.type == kLeave ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(e.x, e.y);
    if (e.type == kDown || e.type == kUp) {
      io.MouseDown[0] = e.type == kDown;
      break;  // the next change waits for the next frame, so a quick tap is a press then a release
    }
    if (e.type == kLeave) io.MouseDown[0] = false;
  }
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
  const bool fits = draw != 2 || std::ceil(in->widget.content_height() / in->dpr) ==
                                     std::round(static_cast<float>(in->fb_h) / in->dpr);
  if (drawn && fits) {
    // Glyphs this frame shows for the first time are drawn on the atlas's canvas now; the
    // renderer uploads them with the frame.
    sandik::web::draw_shown_glyphs(*in->fonts, *ImGui::GetDrawData());
    in->renderer.render(*ImGui::GetDrawData(), *in->fonts, in->fb_w, in->fb_h, in->widget.background());
  }
  if (in->frames_wanted > 0) --in->frames_wanted;
  if (in->widget.animating()) in->frames_wanted = std::max(in->frames_wanted, 1);  // bars growing
  if (in->widget.mirror_version() != in->drawn_version) {  // the reader changed something: draw it
    in->drawn_version = in->widget.mirror_version();
    in->frames_wanted = std::max(in->frames_wanted, 3);  // tables settle their columns over frames
  }
  return (in->frames_wanted > 0 || !in->pending.empty() ? 1 : 0) | (fits ? 0 : 2);
}

EMSCRIPTEN_KEEPALIVE int sandik_wants_frame(int id) {
  Instance* in = find(id);
  return in && (in->frames_wanted > 0 || !in->pending.empty());
}

// Height the content needs, in CSS pixels (after a frame).
EMSCRIPTEN_KEEPALIVE float sandik_content_height(int id) {
  Instance* in = find(id);
  return in ? in->widget.content_height() / in->dpr : 0;
}

EMSCRIPTEN_KEEPALIVE const char* sandik_a11y_json(int id) {
  Instance* in = find(id);
  if (!in) return "{}";
  return hand_out(*in, in->widget.accessible_json());
}

// Parses, validates and aggregates a feed without a widget (Sandik.check, benchmarks). Returns
// {"ok":bool,"ms":parse+validate+aggregate,"problems":[…]}; problems as in sandik_set_feed.
EMSCRIPTEN_KEEPALIVE const char* sandik_check_feed(const char* bytes, int len) {
  static std::string out;
  const double t0 = emscripten_get_now();
  const sandik::ParsedFeed p = sandik::parse_feed(std::string_view(bytes, static_cast<std::size_t>(len)));
  if (p.ok()) {
    for (const sandik::Race& race : p.feed->races) {
      if (race.results.empty()) continue;
      const sandik::RaceTally tally(*p.feed, race, race.results.front().source);
      (void)sandik::summarize(tally, race.area);
      (void)sandik::table_rows(tally, race.area);
    }
  }
  const double ms = emscripten_get_now() - t0;
  out = std::string("{\"ok\":") + (p.ok() ? "true" : "false") + ",\"ms\":" + sandik::json::number_text(ms) +
        ",\"problems\":" + problems_json(p.problems) + "}";
  return out.c_str();
}

// The agencies' own payloads (data-format="anka|aa|ap") into a sandik/1 feed, with the same
// adapter code as `sandik import --from`. `files_json` describes the files laid out one after
// another in `blob`: {"files":[{"format":"aa","name":URL,"fetched":LAST_MODIFIED,"length":N}…],
// "province":""}. Returns {"ok":bool,"problems":[…]}; the feed is then at sandik_converted_feed()
// (sandik_converted_length() bytes) until the next conversion.
namespace {
std::string g_converted;
}

EMSCRIPTEN_KEEPALIVE const char* sandik_convert_agency(const char* files_json, const char* blob, int blob_len) {
  static std::string out;
  g_converted.clear();
  sandik::Problems problems;
  std::vector<sandik::AgencyFile> files;
  sandik::AgencyOptions options;
  const sandik::json::Document doc = sandik::json::parse(files_json, sandik::json::Limits{});
  const sandik::json::Value* list = doc.ok() ? doc.root->find("files") : nullptr;
  std::size_t at = 0;
  const std::size_t size = static_cast<std::size_t>(blob_len);
  for (const sandik::json::Value& f : list ? list->items() : sandik::json::Span<sandik::json::Value>()) {
    const sandik::json::Value* format = f.find("format");
    const sandik::json::Value* name = f.find("name");
    const sandik::json::Value* fetched = f.find("fetched");
    const sandik::json::Value* length = f.find("length");
    const std::uint64_t n = length ? length->count() : 0;
    const auto fmt = sandik::parse_agency_format(format ? format->str() : "");
    if (!fmt || n > size - at) {
      problems.push_back(
          {sandik::Severity::Error, name ? std::string(name->str()) : "",
           fmt ? "the payload is cut short"
               : "data-format takes sandik, anka, aa or ap, got " + sandik::json::quote(format ? format->str() : "")});
      break;
    }
    files.push_back({*fmt, std::string_view(blob + at, static_cast<std::size_t>(n)),
                     name ? std::string(name->str()) : "", fetched ? std::string(fetched->str()) : ""});
    at += static_cast<std::size_t>(n);
  }
  if (const sandik::json::Value* province = doc.ok() ? doc.root->find("province") : nullptr)
    options.province = std::string(province->str());
  if (problems.empty()) {
    sandik::AgencyConversion c = sandik::convert_agency(files, options);
    problems = std::move(c.problems);
    g_converted = std::move(c.feed);
  }
  out = std::string("{\"ok\":") + (g_converted.empty() ? "false" : "true") +
        ",\"problems\":" + problems_json(problems) + "}";
  return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sandik_converted_feed() { return g_converted.data(); }
EMSCRIPTEN_KEEPALIVE int sandik_converted_length() { return static_cast<int>(g_converted.size()); }

// Gets a widget on screen ready to draw before its results arrive: the glyph atlas, the shaders
// and the atlas texture (the main thread is otherwise idle while the feed is on its way).
EMSCRIPTEN_KEEPALIVE void sandik_prepare(int id) {
  Instance* in = find(id);
  if (!in || !make_current(*in)) return;
  pick_fonts(*in);
  ensure_device(*in);
  in->renderer.prepare(*in->fonts);
}

// The page is idle after the first results: up to `most` glyphs not drawn yet are drawn. Once
// none are left, each context's texture takes them all (no frame is drawn; later frames upload
// nothing). Returns how many are left.
EMSCRIPTEN_KEEPALIVE int sandik_draw_more_glyphs(int most) {
  const std::size_t left = sandik::web::draw_more_glyphs(static_cast<std::size_t>(std::max(most, 1)));
  if (left == 0)
    for (auto& entry : g_instances) {
      Instance& in = *entry.second;
      if (in.fonts && in.renderer.ready() && make_current(in)) in.renderer.use_fonts(*in.fonts);
    }
  return static_cast<int>(left);
}

// Bytes of the wasm heap in use (allocated, not freed), for the memory benchmark.
EMSCRIPTEN_KEEPALIVE double sandik_heap_used() {
  return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory());
}

// WebGL context loss: GL objects are gone; forget them. Restored: make them again on the next frame.
EMSCRIPTEN_KEEPALIVE void sandik_context_lost(int id) {
  Instance* in = find(id);
  if (!in) return;
  in->renderer.forget();
  in->lost = true;  // frames lay out only until it is restored
}

EMSCRIPTEN_KEEPALIVE void sandik_context_restored(int id) {
  Instance* in = find(id);
  if (!in) return;
  in->renderer.forget();
  in->lost = false;
  in->frames_wanted = 2;
}

}  // extern "C"
