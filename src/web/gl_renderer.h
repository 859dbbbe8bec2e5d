// sandik web platform — ImGui's draw lists on a WebGL2 context.
//
// Each widget has a context of its own, so nothing here saves or restores GL state the way a
// renderer sharing somebody else's context must (ImGui's OpenGL3 backend asks the context for
// ~20 values per frame, each a round trip to the GPU process): state is set once when the GL
// objects are made, and a frame only uploads vertices and draws. The glyph atlas is uploaded
// as one 8-bit channel (no RGBA copy), its glyphs straight from the canvas the browser drew them on.
#pragma once

#include <cstddef>
#include <cstdint>

struct ImDrawData;

namespace sandik::web {

struct FontSet;

class GlRenderer {
 public:
  // Program, buffers and fixed state on the current context. Shaders compile in the GPU
  // process meanwhile; linked() waits for them (and reports a failure once).
  void create();
  // The current context's objects go (nothing to do on a lost context: they are gone already).
  void destroy();
  // The context was lost: the objects are gone; create() again once it is restored.
  void forget() { *this = GlRenderer(); }
  bool ready() const { return program_ != 0; }
  // The atlas texture, for ImGui's draw commands (made by create()).
  std::uintptr_t texture() const { return texture_; }

  // The font set's atlas as this context's texture, uploaded when it is not the one held (first
  // use, another DPR, made again with more glyphs): its own alpha pixels, then the loader's
  // glyph canvas over the top rows, again whenever more glyphs were drawn on it.
  void use_fonts(const FontSet& fonts);
  // Before the first frame: use_fonts(), and the GPU process gets on with it and the shaders.
  void prepare(const FontSet& fonts);

  // A photo or logo (w × h RGBA, straight alpha) as a texture of this context, for ImGui's
  // images; it goes with the context.
  std::uintptr_t picture(int w, int h, const std::uint8_t* rgba);

  // Clears to `rgb` (0xRRGGBB) and draws `data` on a framebuffer of fb_w × fb_h pixels, the
  // glyphs drawn on `fonts`' canvas since the last upload uploaded first.
  void render(const ImDrawData& data, const FontSet& fonts, int fb_w, int fb_h, std::uint32_t rgb);

 private:
  // Whether the shaders linked: asked once (a round trip to the GPU process, which waits for
  // every command queued before it, so asked before a frame queues its uploads), then known.
  bool linked();

  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, texture_ = 0;
  int transform_ = -1;                 // the vec4 uniform: scale x, y, offset x, y
  int picture_ = -1;                   // the float uniform: 1 while drawing a photo or logo
  bool checked_ = false, ok_ = false;  // link status, asked once
  long vbo_size_ = 0, ibo_size_ = 0;
  const FontSet* fonts_ = nullptr;  // the atlas the texture holds…
  unsigned fonts_generation_ = 0;   // …as it was made then…
  std::size_t fonts_drawn_ = 0;     // …with this many glyphs drawn
  int view_w_ = 0, view_h_ = 0;
};

}  // namespace sandik::web
