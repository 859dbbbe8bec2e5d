#include "view_table.h"

#include <algorithm>

#include "draw.h"

namespace sandik::ui {
namespace {

std::uint32_t ink(const Palette& pal, Ink k) {
  return k == Ink::Secondary ? pal.secondary : k == Ink::Accent ? pal.accent : pal.text;
}

// One cell in its column: the swatch, then the text (or its narrow form when the text does not
// fit), cut to the column; right-aligned columns end at `right`.
void draw_cell(const ViewContext& c, ImDrawList* dl, const Cell& cell, bool right_aligned, float x, float w, float ty) {
  if (cell.chip) {
    chip(dl, c.fonts.small, x, ty, cell.chip->color, cell.chip->text, c.px(5), c.px(2), c.px(3));
    return;
  }
  if (cell.text.empty()) return;
  ImFont* font = cell.strong ? c.fonts.strong : c.fonts.body;
  float lx = x;
  if (cell.swatch) {
    const float sw = c.px(10);
    dl->AddRectFilled(ImVec2(lx, ty + c.px(3)), ImVec2(lx + sw, ty + c.px(3) + sw), col(*cell.swatch), c.px(2));
    lx += sw + c.px(6);
  }
  const float room = x + w - lx;
  const std::string& s = !cell.narrow.empty() && text_width(font, cell.text) > room ? cell.narrow : cell.text;
  if (right_aligned)
    text_right(dl, font, x + w, ty, ink(c.pal, cell.ink), fit(font, s, room));
  else
    text(dl, font, lx, ty, ink(c.pal, cell.ink), fit(font, s, room));
}

}  // namespace

void draw_table(const ViewContext& c, const TableView& v) {
  const Model& m = c.model;
  const std::vector<std::size_t> shown = v.shown(c.css_width());
  // Columns share the width by weight; numbers are right-aligned under right-aligned headings.
  float total = 0;
  for (std::size_t i : shown) total += v.columns[i].weight;
  const float pad = c.px(6), row_h = c.px(34), head_h = c.px(34);
  if (!v.note.empty()) {  // why the rows are empty, above them
    const ImVec2 n = ImGui::GetCursorScreenPos();
    const float h =
        wrapped(ImGui::GetWindowDrawList(), c.fonts.small, n.x, n.y + c.px(4), c.width, c.pal.secondary, v.note);
    ImGui::SetCursorScreenPos(ImVec2(n.x, n.y + h + c.px(12)));
  }
  const ImVec2 o = ImGui::GetCursorScreenPos();
  // Every column needs its widest heading or cell (the first 300 rows: figures are alike): a
  // number whole, a name in its narrow form (the surname) at least. Number columns get what they
  // need; names and leaders get theirs and share what is left by weight. Where even that does
  // not fit, the names share what the numbers leave by need (cut with …), or at worst all go
  // by weight.
  const int glyphs = c.fonts.body->Glyphs.Size + c.fonts.strong->Glyphs.Size;  // (more glyphs: other widths)
  if (v.widest_scale != c.scale || v.widest_glyphs != glyphs || v.widest.size() != v.columns.size()) {
    v.widest.assign(v.columns.size(), 0);
    v.widest_scale = c.scale;
    v.widest_glyphs = glyphs;
    for (std::size_t k = 0; k < v.columns.size(); ++k) {
      float w = text_width(c.fonts.strong, v.columns[k].label);
      for (std::size_t r = 0; r < v.rows.size() && r < 300; ++r) {
        const Cell& cell = v.rows[r].cells[k];
        const std::string& least = cell.narrow.empty() ? cell.text : cell.narrow;
        w = std::max(w, text_width(cell.strong ? c.fonts.strong : c.fonts.body, least) + (cell.swatch ? c.px(16) : 0));
      }
      v.widest[k] = w;
    }
  }
  // Rows: short tables let the page scroll; long ones scroll inside, under the headings (the
  // columns then share what the scrollbar leaves).
  const bool scroll = v.rows.size() > 40;
  const float width = scroll ? c.width - ImGui::GetStyle().ScrollbarSize : c.width;
  std::vector<float> xs, need(shown.size(), 0), ws(shown.size(), 0);
  float numbers = 0, texts = 0, text_weight = 0;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const Column& col_ = v.columns[shown[k]];
    need[k] = v.widest[shown[k]] + 2 * pad + c.px(4);
    if (col_.right) {
      numbers += need[k];
    } else {
      texts += need[k];
      text_weight += col_.weight;
    }
  }
  const float rest = width - numbers - texts;
  const bool measured = text_weight > 0 && width - numbers >= width * 0.45f;
  float x = o.x;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const Column& col_ = v.columns[shown[k]];
    xs.push_back(x);
    if (!measured)
      ws[k] = width * col_.weight / total;
    else if (col_.right)
      ws[k] = need[k];
    else if (rest >= 0)
      ws[k] = need[k] + rest * col_.weight / text_weight;
    else
      ws[k] = (width - numbers) * need[k] / texts;
    x += ws[k];
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 rule = col(c.pal.rule), rule_light = col(c.pal.rule, 0.7f), zebra = col(c.pal.track, 0.35f);

  // Headings: a tap sorts by the column (again: the other way); the sorted one shows ▲ or ▼.
  ImGui::PushID("head");
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const Column& col_ = v.columns[shown[k]];
    ImGui::SetCursorScreenPos(ImVec2(xs[k], o.y));
    ImGui::PushID(static_cast<int>(k));
    const bool clicked = ImGui::InvisibleButton("h", ImVec2(ws[k], head_h));
    const bool hovered = col_.sort && ImGui::IsItemHovered();
    c.region("header:" + col_.key);
    ImGui::PopID();
    if (clicked && col_.sort) {
      const bool same = *col_.sort == m.query.sort;
      c.act.sort = std::make_pair(*col_.sort, same ? !m.query.desc : col_.prefer_desc);
    }
    const float ty = o.y + (head_h - c.fonts.strong->FontSize) / 2;
    const std::uint32_t fg = hovered ? c.pal.accent : c.pal.text;
    const std::string label = fit(c.fonts.strong, col_.label, ws[k] - 2 * pad);
    if (col_.right)
      text_right(dl, c.fonts.strong, xs[k] + ws[k] - pad, ty, fg, label);
    else
      text(dl, c.fonts.strong, xs[k] + pad, ty, fg, label);
  }
  ImGui::PopID();
  dl->AddLine(ImVec2(o.x, o.y + head_h - c.px(1)), ImVec2(o.x + c.width, o.y + head_h - c.px(1)), rule, c.px(1));

  if (!scroll) c.act.table_scroll = 0;
  ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + head_h));
  if (scroll) {
    ImGui::BeginChild("rows", ImVec2(c.width, c.px(560) - head_h), false, ImGuiWindowFlags_NoBackground);
    dl = ImGui::GetWindowDrawList();
    if (c.ui.table_scroll >= 0) ImGui::SetScrollY(c.px(c.ui.table_scroll));  // back where the reader was
    c.act.table_scroll = ImGui::GetScrollY() / c.scale;
    if (c.ui.scroll_to_focus) {  // the keyboard moved to a row: bring it into view
      for (std::size_t i = 0; i < v.rows.size(); ++i) {
        if ("row:" + v.rows[i].id != c.ui.focus) continue;
        const float top = static_cast<float>(i) * row_h, view = ImGui::GetWindowHeight();
        if (top < ImGui::GetScrollY())
          ImGui::SetScrollY(top);
        else if (top + row_h > ImGui::GetScrollY() + view)
          ImGui::SetScrollY(top + row_h - view);
      }
    }
  }
  const float rows_x = ImGui::GetCursorScreenPos().x;
  const float rows_w = scroll ? ImGui::GetContentRegionAvail().x : c.width;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.rows.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const TableRowView& r = v.rows[static_cast<std::size_t>(i)];
      const float y = ImGui::GetCursorScreenPos().y;
      ImGui::PushID(i);
      if (ImGui::InvisibleButton("row", ImVec2(rows_w, row_h))) c.act.open_area = r.area;
      const bool hovered = ImGui::IsItemHovered();
      c.region("row:" + r.id);
      ImGui::PopID();
      if (hovered)
        dl->AddRectFilled(ImVec2(rows_x, y), ImVec2(rows_x + rows_w, y + row_h), col(c.pal.track, 0.8f));
      else if (i % 2 == 1)
        dl->AddRectFilled(ImVec2(rows_x, y), ImVec2(rows_x + rows_w, y + row_h), zebra);
      dl->AddLine(ImVec2(rows_x, y + row_h - c.px(1)), ImVec2(rows_x + rows_w, y + row_h - c.px(1)), rule_light,
                  c.px(1));
      const float ty = y + (row_h - c.fonts.body->FontSize) / 2;
      for (std::size_t k = 0; k < shown.size(); ++k) {
        const float cx = xs[k] - o.x + rows_x + pad,
                    cw = std::min(ws[k], rows_x + rows_w - (xs[k] - o.x + rows_x)) - 2 * pad;
        draw_cell(c, dl, r.cells[shown[k]], v.columns[shown[k]].right, cx, cw, ty);
      }
    }
  }
  clipper.End();
  if (scroll) ImGui::EndChild();
  for (const std::string* line : {&v.more_note, &v.key}) {  // rows not shown; what the figures are
    if (line->empty()) continue;
    const ImVec2 k = ImGui::GetCursorScreenPos();
    const float h =
        wrapped(ImGui::GetWindowDrawList(), c.fonts.small, o.x, k.y + c.px(8), c.width, c.pal.secondary, *line);
    ImGui::SetCursorScreenPos(ImVec2(k.x, k.y + h + c.px(8)));
    ImGui::Dummy(ImVec2(0, 0));
  }
}

}  // namespace sandik::ui
