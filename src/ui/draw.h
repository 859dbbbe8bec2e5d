// sandik ui — drawing helpers every view shares: colours, text that fits, chips, clickable areas.
#pragma once

#include <cstdint>
#include <string>

#include "imgui.h"
#include "widget.h"

namespace sandik::ui {

ImU32 col(std::uint32_t rgb, float alpha = 1.0f);
ImVec4 col4(std::uint32_t rgb, float alpha = 1.0f);
float text_width(ImFont* f, const std::string& s);
void text(ImDrawList* dl, ImFont* f, float x, float y, std::uint32_t rgb, const std::string& s);
void text_right(ImDrawList* dl, ImFont* f, float right, float y, std::uint32_t rgb, const std::string& s);
std::string fit(ImFont* f, const std::string& s, float max);  // cuts to `max` pixels with "…"
float wrapped(ImDrawList* dl, ImFont* f, float x, float y, float width, std::uint32_t rgb,
              const std::string& s);  // -> height
// A rounded chip with text on a colour, the text black or white for contrast; returns its width.
float chip(ImDrawList* dl, ImFont* f, float x, float y, std::uint32_t bg, const std::string& s, float pad_x,
           float pad_y, float rounding);
void draw_check(ImDrawList* dl, float x, float y, float size, ImU32 color);

// A row of segments (tabs, sources); returns the index clicked, or -1.
int segmented(const ViewContext& c, const char* id, const std::vector<std::string>& labels, int selected);

}  // namespace sandik::ui
