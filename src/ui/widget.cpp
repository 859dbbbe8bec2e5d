#include "widget.h"
#include "core/order.h"

#include <algorithm>

#include "core/json.h"
#include "draw.h"
#include "imgui.h"
#include "strings.h"
#include "view_flips.h"
#include "view_sources.h"
#include "view_summary.h"
#include "view_table.h"
#include "view_seats.h"
#include "view_timeline.h"

namespace sandik::ui {

View view_from(std::string_view n) {
  if (n == "full") return View::Full;
  if (n == "table") return View::Table;
  if (n == "detail") return View::Detail;
  if (n == "sources") return View::Sources;
  if (n == "flips") return View::Flips;
  if (n == "timeline") return View::Timeline;
  if (n == "seats") return View::Seats;
  return View::Summary;
}

View Widget::view() const { return view_from(options_.view); }

namespace {

// The leading contestants' shares of one summary, as a moment of the timeline.
Moment moment_of(const Summary& s, std::int64_t at) {
  Moment m;
  m.source = s.source;
  m.at = at;
  m.reporting_pct = s.reporting_pct;
  for (std::size_t i = 0; i < s.standings.size() && i < 4; ++i)
    m.shares.emplace_back(s.standings[i].contestant, s.standings[i].share_pct);
  return m;
}

}  // namespace

FeedUpdate Widget::set_feed(std::string_view bytes) {
  FeedUpdate up;
  ParsedFeed parsed = parse_feed(bytes);
  up.problems = std::move(parsed.problems);
  if (!parsed.ok()) return up;
  if (model_.feed) {
    if (auto late = out_of_order(*model_.feed, *parsed.feed)) {
      up.problems.push_back(*late);
      return up;
    }
  }
  up.accepted = true;
  // A new feed for the same race keeps the reader where they were (area, tab, source).
  const bool same_race = model_.feed && model_.race && parsed.feed->find_race(model_.race->id) >= 0;
  std::string area_id = same_race && area_ >= 0 ? model_.feed->areas[static_cast<std::size_t>(area_)].id : "";
  std::string source_id = same_race && source_ >= 0 ? model_.feed->sources[static_cast<std::size_t>(source_)].id : "";
  // Bars grow from what they showed to the new count (not under prefers-reduced-motion).
  std::vector<std::pair<std::string, double>> before;
  if (model_.ready() && same_race && !options_.reduced_motion)
    for (const Standing& st : model_.current.standings)
      before.emplace_back(model_.feed->contestant_id(*model_.race, st.contestant), st.share_pct);
  model_.feed = std::move(parsed.feed);
  area_ = area_id.empty() ? -1 : model_.feed->find_area(area_id);
  source_ = source_id.empty() ? -1 : model_.feed->find_source(source_id);
  rebuild();  // its timeline already holds this feed's own moments
  // Remember this moment of every source for the timelines of later feeds (bounded: a night of polls).
  if (model_.ready()) {
    for (const Summary& s : model_.by_source) {
      const SourceResults* sr = model_.race->results_for(s.source);
      const std::int64_t at = sr ? sr->updated.epoch : model_.feed->updated.epoch;
      const bool known = std::any_of(seen_.begin(), seen_.end(), [&](const Moment& m) { return m.source == s.source && m.at == at; });
      if (!known && s.area == model_.race->area) seen_.push_back(moment_of(s, at));
    }
    if (seen_.size() > 2000) seen_.erase(seen_.begin(), seen_.begin() + static_cast<long>(seen_.size() - 2000));
    grow_from_.clear();
    for (const auto& [cid, share] : before) {
      const int c = model_.race->find_contestant(cid);
      if (c >= 0) grow_from_.emplace_back(c, share);
    }
    grow_start_ = -1;
    animating_ = !grow_from_.empty();
  }
  return up;
}

void Widget::set_options(const WidgetOptions& options) {
  const bool race_changed = options.race != options_.race;
  const bool area_changed = options.area != options_.area;
  options_ = options;
  if (race_changed) {
    area_ = -1;
    source_ = -1;
  }
  if (area_changed) area_ = -1;
  model_.query.search = options.search;
  ui_.tab = view() == View::Full ? ui_.tab : view();
  rebuild();
}

bool Widget::navigate_back() {
  if (!model_.ready() || model_.trail.size() < 2) return false;
  area_ = model_.trail[model_.trail.size() - 2];
  rebuild();
  return true;
}

bool Widget::key(Key k) {
  if (k == Key::Blur) {
    const bool had = !ui_.focus.empty();
    ui_.focus.clear();
    return had;
  }
  if (!model_.ready() || regions_.empty()) return false;
  // Table rows by the model's order: a long table draws only the rows in view.
  if (ui_.focus.rfind("row:", 0) == 0 && (k == Key::Next || k == Key::Previous)) {
    const auto& rows = model_.rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if ("row:" + model_.feed->areas[static_cast<std::size_t>(rows[i].area)].id != ui_.focus) continue;
      const std::size_t j = k == Key::Next ? i + 1 : i - 1;
      if (j < rows.size()) {  // (i - 1 wraps past the first row: handled below)
        ui_.focus = "row:" + model_.feed->areas[static_cast<std::size_t>(rows[j].area)].id;
        ui_.scroll_to_focus = true;
        return true;
      }
      break;
    }
  }
  // Everything else in the order it is drawn.
  long at = -1;
  for (std::size_t i = 0; i < regions_.size(); ++i)
    if (regions_[i].name == ui_.focus) at = static_cast<long>(i);
  const long last = static_cast<long>(regions_.size()) - 1;
  long to = 0;
  switch (k) {
    case Key::Next: to = at + 1; break;
    case Key::Previous: to = at < 0 ? last : at - 1; break;
    case Key::First: to = 0; break;
    case Key::Last: to = last; break;
    case Key::Blur: break;
  }
  if (to < 0 || to > last) return false;
  ui_.focus = regions_[static_cast<std::size_t>(to)].name;
  ui_.scroll_to_focus = true;
  return true;
}

const Region* Widget::focused() const {
  if (ui_.focus.empty()) return nullptr;
  for (const Region& r : regions_)
    if (r.name == ui_.focus) return &r;
  return nullptr;
}

void Widget::rebuild() {
  const std::shared_ptr<const Feed> feed = model_.feed;
  const TableQuery query = model_.query;
  model_ = Model{};
  model_.feed = feed;
  model_.query = query;
  ++mirror_version_;
  if (!feed || feed->races.empty()) return;
  const int race = options_.race.empty() ? 0 : feed->find_race(options_.race);
  if (race < 0) return;  // not in this feed (yet): the widget says so, and never shows another race
  const Race& r = feed->races[static_cast<std::size_t>(race)];
  model_.race = &r;

  // Source: the reader's choice, else the option, else the race's first with results.
  int source = source_;
  if (source < 0 || !r.results_for(source)) source = options_.source.empty() ? -1 : feed->find_source(options_.source);
  if (source < 0 || !r.results_for(source)) source = r.results.empty() ? 0 : r.results.front().source;
  model_.source = source;
  model_.tally = std::make_unique<RaceTally>(*feed, r, source);

  // Area: opened by the reader, else data-area, else the race's root.
  int area = area_;
  if (area < 0 && !options_.area.empty()) area = feed->find_area(options_.area);
  if (area < 0 || !model_.tally->in_race(area)) area = r.area;
  model_.area = area;
  for (int a = area; a >= 0; a = feed->areas[static_cast<std::size_t>(a)].parent) {
    model_.trail.insert(model_.trail.begin(), a);
    if (a == r.area) break;
  }
  model_.current = summarize(*model_.tally, area);
  model_.rows = table_rows(*model_.tally, area, model_.query);
  for (const SourceResults& sr : r.results) {
    const RaceTally t(*feed, r, sr.source);
    model_.by_source.push_back(summarize(t, area));
  }
  model_.flips = flipped_rows(*model_.tally, r.area);

  // The timeline: the feed's history, each source's current count, and what this page has seen.
  for (const auto& [src, points] : r.history) {
    for (const HistoryPoint& p : points) {
      Moment m;
      m.source = src;
      m.at = p.at.epoch;
      m.reporting_pct = p.reporting_pct;
      if (p.boxes_counted) {
        const auto boxes = model_.tally->boxes(r.area);
        if (boxes && *boxes > 0) m.reporting_pct = 100.0 * static_cast<double>(*p.boxes_counted) / static_cast<double>(*boxes);
      }
      if (!p.votes.empty()) {
        Count valid = 0;
        for (const auto& [c, v] : p.votes) valid += v;
        if (p.valid) valid = *p.valid;
        for (const auto& [c, v] : p.votes)
          if (valid > 0) m.shares.emplace_back(c, 100.0 * static_cast<double>(v) / static_cast<double>(valid));
      } else {
        m.shares = p.shares;
      }
      model_.moments.push_back(std::move(m));
    }
  }
  if (area == r.area) {
    for (const Summary& s : model_.by_source) {
      const SourceResults* sr = r.results_for(s.source);
      model_.moments.push_back(moment_of(s, sr ? sr->updated.epoch : feed->updated.epoch));
    }
    for (const Moment& m : seen_) {
      const bool known = std::any_of(model_.moments.begin(), model_.moments.end(),
                                     [&](const Moment& k) { return k.source == m.source && k.at == m.at; });
      if (!known) model_.moments.push_back(m);
    }
  }
  sandik::stable_sort(model_.moments, [](const Moment& a, const Moment& b) { return a.at < b.at; });
}

void Widget::apply(const Actions& act) {
  bool changed = false;
  if (act.open_area) {
    area_ = *act.open_area;
    if (view() == View::Full) ui_.tab = View::Summary;
    changed = true;
  }
  if (act.source) {
    source_ = *act.source;
    changed = true;
  }
  if (act.sort) {
    model_.query.sort = act.sort->first;
    model_.query.desc = act.sort->second;
    changed = true;
  }
  if (act.tab && *act.tab != ui_.tab) {
    ui_.tab = *act.tab;
    ++mirror_version_;
  }
  if (act.toggle_others) {
    ui_.others_open = !ui_.others_open;
    ++mirror_version_;
  }
  if (act.hover_moment && *act.hover_moment != ui_.hover_moment) {
    ui_.hover_moment = *act.hover_moment;
    ++mirror_version_;
  }
  if (changed) rebuild();
}

std::uint32_t Widget::background() const { return palette(options_.dark, options_.accent).background; }

namespace {

void style_from(const Palette& pal) {
  ImGuiStyle& s = ImGui::GetStyle();
  s.Colors[ImGuiCol_Text] = col4(pal.text);
  s.Colors[ImGuiCol_TextDisabled] = col4(pal.secondary);
  s.Colors[ImGuiCol_WindowBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_ChildBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_PopupBg] = col4(pal.background);
  s.Colors[ImGuiCol_Border] = col4(pal.rule);
  s.Colors[ImGuiCol_Header] = col4(pal.track, 0.8f);
  s.Colors[ImGuiCol_HeaderHovered] = col4(pal.track);
  s.Colors[ImGuiCol_HeaderActive] = col4(pal.rule);
  s.Colors[ImGuiCol_TableHeaderBg] = col4(pal.background);
  s.Colors[ImGuiCol_TableBorderLight] = col4(pal.rule, 0.7f);
  s.Colors[ImGuiCol_TableBorderStrong] = col4(pal.rule);
  s.Colors[ImGuiCol_TableRowBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_TableRowBgAlt] = col4(pal.track, 0.35f);
  s.Colors[ImGuiCol_ScrollbarBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_ScrollbarGrab] = col4(pal.rule);
  s.Colors[ImGuiCol_ScrollbarGrabHovered] = col4(pal.secondary);
  s.Colors[ImGuiCol_ScrollbarGrabActive] = col4(pal.secondary);
  s.Colors[ImGuiCol_NavHighlight] = col4(pal.accent);
}

// "İstanbul › Sarıyer": each step but the last goes back to it.
void draw_breadcrumb(const ViewContext& c) {
  const Model& m = c.model;
  if (m.trail.size() < 2) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float x = o.x;
  const float h = c.fonts.strong->FontSize + c.px(8);
  for (std::size_t i = 0; i < m.trail.size(); ++i) {
    const std::string& name = m.feed->areas[static_cast<std::size_t>(m.trail[i])].name;
    const bool last = i + 1 == m.trail.size();
    const std::string label = i == 0 ? std::string("‹ ") + name : name;
    const float w = text_width(c.fonts.strong, label);
    if (!last) {
      ImGui::SetCursorScreenPos(ImVec2(x, o.y));
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::InvisibleButton("crumb", ImVec2(w, h))) c.act.open_area = m.trail[i];
      c.region("crumb:" + m.feed->areas[static_cast<std::size_t>(m.trail[i])].id);
      const bool hov = ImGui::IsItemHovered();
      ImGui::PopID();
      text(dl, c.fonts.strong, x, o.y + c.px(4), c.pal.accent, label);
      if (hov) dl->AddLine(ImVec2(x, o.y + h - c.px(2)), ImVec2(x + w, o.y + h - c.px(2)), col(c.pal.accent), c.px(1));
      x += w;
      text(dl, c.fonts.strong, x + c.px(6), o.y + c.px(4), c.pal.secondary, "›");
      x += c.px(18);
    } else {
      text(dl, c.fonts.strong, x, o.y + c.px(4), c.pal.text, label);
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + h + c.px(8)));
  ImGui::Dummy(ImVec2(0, 0));
}

float bottom() { return ImGui::GetCursorScreenPos().y; }

}  // namespace

void Widget::draw(float width, float scale, const Fonts& fonts, double now_ms) {
  const Palette pal = palette(options_.dark, options_.accent);
  style_from(pal);
  const float pad = 16 * scale;
  ImGui::SetCursorPos(ImVec2(pad, pad));
  ImGui::Indent(pad);  // every new line starts inside the padding
  const float start = ImGui::GetCursorPosY();
  ImGui::PushFont(fonts.body);
  if (!model_.ready()) {
    const bool waiting = model_.feed != nullptr;  // a feed, but not the race asked for
    ImGui::TextColored(col4(pal.secondary), "%s",
                       waiting ? (options_.lang == Lang::Tr ? "Bu seçim için henüz sonuç yok." : "No results for this race yet.")
                               : (options_.lang == Lang::Tr ? "Sonuçlar yükleniyor…" : "Loading results…"));
  } else {
    Actions act;
    regions_.clear();
    const float inner = width - 2 * pad;
    ViewContext ctx{model_, ui_, act, inner, scale, pal, fonts, options_.lang, &regions_};
    if (animating_) {  // ease-out over 400 ms
      if (grow_start_ < 0) grow_start_ = now_ms;
      const double t = std::clamp((now_ms - grow_start_) / 400.0, 0.0, 1.0);
      ctx.grow_from = &grow_from_;
      ctx.grow = static_cast<float>(1 - (1 - t) * (1 - t) * (1 - t));
      if (t >= 1) animating_ = false;
    }
    const View v = view();
    View tab = v == View::Full ? ui_.tab : v;
    if (v == View::Full) {
      std::vector<std::pair<View, Str>> tabs = {{View::Summary, Str::TabSummary}, {View::Table, Str::TabTable}};
      if (model_.race->seats) tabs.emplace_back(View::Seats, Str::TabSeats);
      tabs.insert(tabs.end(), {{View::Sources, Str::TabSources}, {View::Flips, Str::TabFlips}, {View::Timeline, Str::TabTimeline}});
      std::vector<std::string> labels;
      int selected = 0;
      for (std::size_t i = 0; i < tabs.size(); ++i) {
        labels.push_back(str(tabs[i].second, options_.lang));
        if (tabs[i].first == tab) selected = static_cast<int>(i);
      }
      const int clicked = segmented(ctx, "tabs", labels, selected);
      if (clicked >= 0) act.tab = tabs[static_cast<std::size_t>(clicked)].first;
    }
    switch (tab) {
      case View::Summary:
      case View::Detail: {
        draw_breadcrumb(ctx);
        const bool wide = ctx.css_width() >= 900 && (v == View::Full || v == View::Detail) && !model_.rows.empty();
        if (wide) {  // summary and table side by side
          const ImVec2 o = ImGui::GetCursorScreenPos();
          const float left = std::min(inner * 0.42f, 440 * scale), gap = 32 * scale;
          ViewContext lc = ctx;
          lc.width = left;
          draw_summary(lc);
          const float y1 = bottom();
          ImGui::SetCursorScreenPos(ImVec2(o.x + left + gap, o.y));
          ViewContext rc = ctx;
          rc.width = inner - left - gap;
          draw_table(rc);
          const float y2 = bottom();
          ImGui::SetCursorScreenPos(ImVec2(o.x, std::max(y1, y2)));
          ImGui::Dummy(ImVec2(0, 0));
        } else {
          draw_summary(ctx);
          if (v == View::Detail && !model_.rows.empty()) {
            ImGui::Dummy(ImVec2(0, 12 * scale));
            draw_table(ctx);
          }
        }
        break;
      }
      case View::Table:
        draw_breadcrumb(ctx);
        draw_table(ctx);
        break;
      case View::Sources: draw_sources(ctx); break;
      case View::Flips: draw_flips(ctx); break;
      case View::Timeline: draw_timeline(ctx); break;
      case View::Seats: draw_seats(ctx); break;
      case View::Full: break;
    }
    ui_.scroll_to_focus = false;  // the table has brought the focused row into view
    // The keyboard's place: a ring in the accent colour over whatever is drawn there.
    if (const Region* f = focused()) {
      const Region& r = *f;
      ImDrawList* fg = ImGui::GetForegroundDrawList();
      const float t = 2 * scale;
      fg->PushClipRect(ImVec2(r.cx0, r.cy0), ImVec2(r.cx1, r.cy1), true);
      fg->AddRect(ImVec2(r.x0 + t / 2, r.y0 + t / 2), ImVec2(r.x1 - t / 2, r.y1 - t / 2), col(pal.accent), 4 * scale, 0, t);
      fg->PopClipRect();
    }
    apply(act);
  }
  ImGui::PopFont();
  ImGui::Unindent(pad);
  content_height_ = ImGui::GetCursorPosY() - start + 2 * pad;
}

std::string Widget::accessible_json() const {
  const Lang lang = options_.lang;
  std::string out = "{\"lang\":" + json::quote(lang_code(lang)) + ",\"sections\":[";
  if (!model_.ready() && model_.feed) {
    out += "{\"caption\":\"\",\"sentence\":" +
           json::quote(lang == Lang::Tr ? "Bu seçim için henüz sonuç yok." : "No results for this race yet.") +
           ",\"columns\":[],\"rows\":[]}";
  }
  if (model_.ready()) {
    std::vector<AccessibleSection> sections;
    const View v = view();
    if (v == View::Full || v == View::Summary || v == View::Detail) sections.push_back(describe_summary(model_, ui_, lang));
    if ((v == View::Full || v == View::Table || v == View::Detail) && !model_.rows.empty())
      sections.push_back(describe_table(model_, lang));
    if (v == View::Full || v == View::Sources) sections.push_back(describe_sources(model_, lang));
    if ((v == View::Full && model_.race->previous) || v == View::Flips) sections.push_back(describe_flips(model_, lang));
    if ((v == View::Full && model_.moments.size() > 1) || v == View::Timeline) sections.push_back(describe_timeline(model_, lang));
    if ((v == View::Full || v == View::Seats) && model_.race->seats) sections.push_back(describe_seats(model_, lang));
    for (std::size_t i = 0; i < sections.size(); ++i) {
      const AccessibleSection& s = sections[i];
      if (i) out += ",";
      out += "{\"caption\":" + json::quote(s.caption) + ",\"sentence\":" + json::quote(s.sentence) + ",\"columns\":[";
      for (std::size_t k = 0; k < s.columns.size(); ++k) out += (k ? "," : "") + json::quote(s.columns[k]);
      out += "],\"rows\":[";
      for (std::size_t r = 0; r < s.rows.size(); ++r) {
        out += r ? ",[" : "[";
        for (std::size_t k = 0; k < s.rows[r].size(); ++k) out += (k ? "," : "") + json::quote(s.rows[r][k]);
        out += "]";
      }
      out += "]}";
    }
  }
  return out + "]}";
}

}  // namespace sandik::ui
