#include "gl_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstring>

#include <emscripten/console.h>

#include "font_atlas.h"
#include "imgui.h"

// platform_lib.js: the loader's glyph canvas into the bound texture at (0, 0).
extern "C" void sandik_js_upload_glyphs(int canvas);

namespace sandik::web {
namespace {

// Attribute locations are fixed in the shader: no lookups after linking.
constexpr const char* kVertexShader = R"(#version 300 es
layout(location = 0) in vec2 pos;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;
uniform vec4 transform;
out vec2 v_uv;
out vec4 v_color;
void main() {
  v_uv = uv;
  v_color = color;
  gl_Position = vec4(pos * transform.xy + transform.zw, 0.0, 1.0);
})";

// The atlas holds coverage only (one channel): ImGui's white pixel is 1, glyphs their alpha.
// A photo or logo (picture = 1) is RGBA, straight alpha.
constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
uniform float picture;
in vec2 v_uv;
in vec4 v_color;
out vec4 out_color;
void main() {
  vec4 t = texture(atlas, v_uv);
  out_color = picture > 0.5 ? t * v_color : vec4(v_color.rgb, v_color.a * t.r);
})";

unsigned compile(GLenum type, const char* source) {
  const unsigned shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

// A texture, bound: linear, clamped to its edges.
unsigned new_texture() {
  unsigned t = 0;
  glGenTextures(1, &t);
  glBindTexture(GL_TEXTURE_2D, t);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return t;
}

}  // namespace

void GlRenderer::create() {
  *this = GlRenderer();
  const unsigned vs = compile(GL_VERTEX_SHADER, kVertexShader);
  const unsigned fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);  // (kept until the program goes)
  glDeleteShader(fs);
  // (Used and its uniform looked up by linked(), at the first render: either would wait here for
  // the link, which the GPU process does meanwhile.)

  glGenVertexArrays(1, &vao_);
  glBindVertexArray(vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);  // (part of the VAO)
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));

  // Straight alpha over an opaque canvas; ImGui clips with the scissor.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_SCISSOR_TEST);
  glActiveTexture(GL_TEXTURE0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);

  texture_ = new_texture();  // the atlas (its pixels come with use_fonts())
}

void GlRenderer::prepare(const FontSet& fonts) {
  use_fonts(fonts);
  glFlush();  // the GPU process compiles, links and uploads now, not when the first frame asks
}

std::uintptr_t GlRenderer::picture(int w, int h, const std::uint8_t* rgba) {
  const unsigned t = new_texture();
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  glBindTexture(GL_TEXTURE_2D, texture_);
  return t;
}

void GlRenderer::destroy() {
  if (texture_) glDeleteTextures(1, &texture_);
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (ibo_) glDeleteBuffers(1, &ibo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (program_) glDeleteProgram(program_);
  forget();
}

void GlRenderer::use_fonts(const FontSet& fonts) {
  const bool same = fonts_ == &fonts && fonts_generation_ == fonts.generation;
  if (same && fonts_drawn_ == fonts.drawn) return;
  glBindTexture(GL_TEXTURE_2D, texture_);
  if (!same) {  // another atlas, or made again: ImGui's own pixels, the glyphs' rows still empty
    const ImFontAtlas& atlas = *fonts.atlas;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas.TexPixelsAlpha8);
    fonts_drawn_ = 0;
  }
  if (fonts.canvas && fonts.drawn != fonts_drawn_) sandik_js_upload_glyphs(fonts.canvas);  // the glyphs drawn so far
  fonts_ = &fonts;
  fonts_generation_ = fonts.generation;
  fonts_drawn_ = fonts.drawn;
}

bool GlRenderer::linked() {
  if (!program_ || checked_) return ok_;
  checked_ = true;
  GLint linked = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &linked);
  ok_ = linked != 0;
  if (ok_) {
    glUseProgram(program_);
    transform_ = glGetUniformLocation(program_, "transform");  // the sampler stays at unit 0
    picture_ = glGetUniformLocation(program_, "picture");
  } else {
    char log[512] = "the widget's shaders did not link: ";
    const std::size_t said = std::strlen(log);
    glGetProgramInfoLog(program_, static_cast<GLsizei>(sizeof log - said), nullptr, log + said);
    emscripten_console_error(log);  // (no stdio in the wasm: 1 KB of it for this one line)
  }
  return ok_;
}

void GlRenderer::render(const ImDrawData& data, const FontSet& fonts, int fb_w, int fb_h, std::uint32_t rgb) {
  if (!program_ || fb_w <= 0 || fb_h <= 0) return;
  // The link status before anything this frame queues: else the first frame's one round trip
  // would also wait for its glyph upload (15–35 ms).
  const bool ok = linked();
  glDisable(GL_SCISSOR_TEST);
  glClearColor(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
               static_cast<float>(rgb & 0xFF) / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);
  if (!ok) return;
  glUniform1f(picture_, 0);  // (the atlas first)
  // The atlas, if this context does not hold it yet, and the glyphs drawn since the last upload.
  use_fonts(fonts);
  if (fb_w != view_w_ || fb_h != view_h_) {  // ImGui's pixels (top-left origin) to clip space
    view_w_ = fb_w;
    view_h_ = fb_h;
    glViewport(0, 0, fb_w, fb_h);
    glUniform4f(transform_, 2.0f / static_cast<float>(fb_w), -2.0f / static_cast<float>(fb_h), -1.0f, 1.0f);
  }
  std::uintptr_t bound = 0;
  bool pictures = false;  // the uniform as set
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    const long vtx = static_cast<long>(list.VtxBuffer.Size) * static_cast<long>(sizeof(ImDrawVert));
    const long idx = static_cast<long>(list.IdxBuffer.Size) * static_cast<long>(sizeof(ImDrawIdx));
    if (vtx > vbo_size_) glBufferData(GL_ARRAY_BUFFER, vbo_size_ = vtx * 2, nullptr, GL_STREAM_DRAW);
    if (idx > ibo_size_) glBufferData(GL_ELEMENT_ARRAY_BUFFER, ibo_size_ = idx * 2, nullptr, GL_STREAM_DRAW);
    glBufferSubData(GL_ARRAY_BUFFER, 0, vtx, list.VtxBuffer.Data);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, idx, list.IdxBuffer.Data);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback || cmd.ElemCount == 0) continue;  // (the widget adds no callbacks)
      const ImVec4 clip(cmd.ClipRect.x - data.DisplayPos.x, cmd.ClipRect.y - data.DisplayPos.y,
                        cmd.ClipRect.z - data.DisplayPos.x, cmd.ClipRect.w - data.DisplayPos.y);
      if (clip.z <= clip.x || clip.w <= clip.y) continue;
      glScissor(static_cast<int>(clip.x), static_cast<int>(static_cast<float>(fb_h) - clip.w),
                static_cast<int>(clip.z - clip.x), static_cast<int>(clip.w - clip.y));
      const auto texture = reinterpret_cast<std::uintptr_t>(cmd.GetTexID());
      if (texture != bound) {
        if ((texture != texture_) != pictures) glUniform1f(picture_, (pictures = texture != texture_) ? 1.0f : 0.0f);
        glBindTexture(GL_TEXTURE_2D, static_cast<unsigned>(bound = texture));
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
  }
}

}  // namespace sandik::web
