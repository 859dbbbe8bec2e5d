// sandik ui — one widget: a feed, its options, the model the views read, and the views.
//
// INDEX
//   WidgetOptions   plain options; empty or zero means the default, written beside each field
//   Model           computed once per feed or option change; the views only read it
//   ViewContext     what a view gets to draw: model, width, scale, palette, fonts, language
//   Widget          set_feed() / set_options() / draw() / accessible_json()
//
// USAGE (the platform layer, once per frame, inside an ImGui frame)
//   widget.set_feed(bytes);            // problems come back; the last good feed stays on error
//   widget.draw(width_px, dpr, fonts); // device pixels; fonts loaded at size × dpr
//   height = widget.content_height();
//
// Uses ImGui; never GL, the browser or emscripten.h (those live in src/web/platform.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/feed.h"
#include "core/format.h"
#include "core/tally.h"
#include "theme.h"

struct ImFont;

namespace sandik::ui {

struct WidgetOptions {
  std::string race;             // "" = the feed's first race
  std::string source;           // "" = the race's first source
  std::string view;             // "" = "summary"
  Lang lang = Lang::Tr;         // tr or en
  bool dark = false;            // the platform resolves "auto" from prefers-color-scheme
  std::uint32_t accent = 0;     // 0 = the theme's own accent
  bool reduced_motion = false;  // prefers-reduced-motion: no animation
};

struct Fonts {
  ImFont* body = nullptr;    // Regular 15
  ImFont* small = nullptr;   // Regular 13
  ImFont* strong = nullptr;  // Bold 15
  ImFont* title = nullptr;   // Bold 22
  ImFont* figure = nullptr;  // Bold 20, shares
};

struct Model {
  std::shared_ptr<const Feed> feed;
  const Race* race = nullptr;
  int source = -1;
  std::unique_ptr<RaceTally> tally;
  Summary root;  // the race's root area
  bool ready() const { return feed && race && tally; }
};

struct ViewContext {
  const Model& model;
  float width;    // device pixels available
  float scale;    // device pixels per CSS pixel
  const Palette& pal;
  const Fonts& fonts;
  Lang lang;
  float px(float css) const { return css * scale; }
};

struct FeedUpdate {
  bool accepted = false;  // false: the last good feed stays on screen
  Problems problems;      // errors first, then warnings
};

class Widget {
 public:
  FeedUpdate set_feed(std::string_view bytes);
  void set_options(const WidgetOptions& options);
  const WidgetOptions& options() const { return options_; }
  bool has_feed() const { return model_.ready(); }

  void draw(float width, float scale, const Fonts& fonts);  // device pixels
  float content_height() const { return content_height_; }  // device pixels, after draw()
  std::uint32_t background() const;                          // 0xRRGGBB of the current theme

  // The accessible mirror of what the canvas shows, as JSON for the platform to turn into DOM
  // with textContent only: {"lang","caption","sentence","columns":[…],"rows":[[…]…],"notice"}.
  std::string accessible_json() const;

 private:
  void rebuild();
  WidgetOptions options_;
  Model model_;
  float content_height_ = 0;
};

}  // namespace sandik::ui
