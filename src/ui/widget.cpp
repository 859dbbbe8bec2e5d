#include "widget.h"

#include "core/json.h"
#include "imgui.h"
#include "strings.h"
#include "view_summary.h"

namespace sandik::ui {

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
  model_.feed = std::move(parsed.feed);
  rebuild();
  return up;
}

void Widget::set_options(const WidgetOptions& options) {
  options_ = options;
  rebuild();
}

void Widget::rebuild() {
  const std::shared_ptr<const Feed> feed = model_.feed;
  model_ = Model{};
  model_.feed = feed;
  if (!feed || feed->races.empty()) return;
  int race = options_.race.empty() ? 0 : feed->find_race(options_.race);
  if (race < 0) race = 0;  // an unknown race id falls back to the first race, never to nothing
  model_.race = &feed->races[static_cast<std::size_t>(race)];
  int source = options_.source.empty() ? -1 : feed->find_source(options_.source);
  if (source < 0 || !model_.race->results_for(source))
    source = model_.race->results.empty() ? 0 : model_.race->results.front().source;
  model_.source = source;
  model_.tally = std::make_unique<RaceTally>(*feed, *model_.race, source);
  model_.root = summarize(*model_.tally, model_.race->area);
}

std::uint32_t Widget::background() const { return palette(options_.dark, options_.accent).background; }

void Widget::draw(float width, float scale, const Fonts& fonts) {
  const Palette pal = palette(options_.dark, options_.accent);
  const float pad = 16 * scale;
  ImGui::SetCursorPos(ImVec2(pad, pad));
  const float start = ImGui::GetCursorPosY();
  if (!model_.ready()) {
    ImGui::PushFont(fonts.body);
    ImGui::TextColored(ImVec4(0.4f, 0.4f, 0.4f, 1), "%s", options_.lang == Lang::Tr ? "Sonuçlar yükleniyor…" : "Loading results…");
    ImGui::PopFont();
  } else {
    const ViewContext ctx{model_, width - 2 * pad, scale, pal, fonts, options_.lang};
    draw_summary(ctx);
  }
  content_height_ = ImGui::GetCursorPosY() - start + 2 * pad;
}

std::string Widget::accessible_json() const {
  const Lang lang = options_.lang;
  std::string out = "{\"lang\":";
  out += json::quote(lang_code(lang));
  if (!model_.ready()) return out + "}";
  const Feed& f = *model_.feed;
  const Race& race = *model_.race;
  out += ",\"caption\":" + json::quote(race.title.get(lang_code(lang)) + " — " +
                                       f.areas[static_cast<std::size_t>(model_.root.area)].name);
  out += ",\"sentence\":" + json::quote(summary_sentence(model_, lang));
  out += ",\"columns\":[" + json::quote(str(Str::Candidate, lang)) + "," + json::quote(str(Str::Party, lang)) + "," +
         json::quote(str(Str::Count_, lang)) + "," + json::quote(str(Str::Share, lang)) + "]";
  out += ",\"rows\":[";
  bool first = true;
  for (const SummaryRow& r : summary_rows(model_)) {
    if (!first) out += ",";
    first = false;
    const std::string name = r.contestant >= 0 ? f.contestant_name(race, r.contestant)
                                               : std::string(str(Str::Others, lang)) + " (" + std::to_string(r.grouped) + ")";
    const std::string party = r.party >= 0 ? f.parties[static_cast<std::size_t>(r.party)].short_name : "";
    out += "[" + json::quote(name) + "," + json::quote(party) + "," +
           json::quote(model_.root.shares_only ? "" : format_count(r.votes, lang)) + "," +
           json::quote(format_percent(r.share_pct, lang)) + "]";
  }
  out += "]}";
  return out;
}

}  // namespace sandik::ui
