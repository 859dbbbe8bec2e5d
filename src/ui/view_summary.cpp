#include "view_summary.h"

#include <algorithm>
#include <cstdio>

#include "draw.h"
#include "strings.h"

namespace sandik::ui {

std::vector<SummaryRow> summary_rows(const Model& m, bool all, int max_shown) {
  std::vector<SummaryRow> rows;
  if (!m.ready()) return rows;
  const Summary& s = m.current;
  int n = static_cast<int>(s.standings.size());
  if (all || s.shares_only) {  // everyone who got a vote (a source's shares name only some)
    while (n > 0 && s.standings[static_cast<std::size_t>(n - 1)].votes == 0 && s.standings[static_cast<std::size_t>(n - 1)].share_pct == 0) --n;
  }
  const int shown = all ? n : std::min(n, max_shown + (n == max_shown + 1 ? 1 : 0));  // never "others (1)"
  if (s.shares_only) n = std::min(n, shown);
  for (int i = 0; i < shown; ++i) {
    const Standing& st = s.standings[static_cast<std::size_t>(i)];
    SummaryRow r;
    r.contestant = st.contestant;
    r.party = m.race->contestant_party(st.contestant);
    r.votes = st.votes;
    r.share_pct = st.share_pct;
    r.leader = st.contestant == s.leader;
    r.winner = st.contestant == s.winner;
    rows.push_back(r);
  }
  if (static_cast<int>(s.standings.size()) > shown && !all && !s.shares_only) {
    SummaryRow others;
    others.grouped = static_cast<int>(s.standings.size()) - shown;
    for (std::size_t i = static_cast<std::size_t>(shown); i < s.standings.size(); ++i) {
      others.votes += s.standings[i].votes;
      others.share_pct += s.standings[i].share_pct;
    }
    rows.push_back(others);
  }
  return rows;
}

std::string summary_margin_sentence(const Model& m, Lang lang) {
  if (!m.ready()) return "";
  const Summary& s = m.current;
  if (s.outcome == Outcome::NoResults) return str(Str::NoResults, lang);
  if (s.tied) return str(Str::Tied, lang);
  if (s.leader < 0) return "";
  const std::string who = surname(m.feed->contestant_name(*m.race, s.leader));
  char buf[256];
  if (s.shares_only) {
    std::snprintf(buf, sizeof buf, "%s %s", who.c_str(), lang == Lang::Tr ? "önde" : "leads");
    return buf;
  }
  // Points from the shares as shown (%51,15 − %39,59 = 11,56), so the sentence agrees with the bars.
  const double points =
      shown_share(s.standings[0].share_pct) - shown_share(s.standings.size() > 1 ? s.standings[1].share_pct : 0);
  std::snprintf(buf, sizeof buf, str(Str::AheadBy, lang), who.c_str(), format_count(s.margin_votes, lang).c_str(),
                format_decimal(points, lang).c_str());
  return buf;
}

namespace {
std::string as_of(const Model& m, Lang lang) {
  const SourceResults* sr = m.race->results_for(m.source);
  const Time& t = sr ? sr->updated : m.feed->updated;
  char buf[96];
  std::snprintf(buf, sizeof buf, str(Str::AsOf, lang), format_clock(t.epoch, display_offset(*m.feed, t), lang).c_str());
  return buf;
}
}  // namespace

std::string summary_sentence(const Model& m, Lang lang) {
  if (!m.ready()) return "";
  const Summary& s = m.current;
  const Feed& f = *m.feed;
  std::string out = m.race->title.get(lang_code(lang)) + ", " + f.areas[static_cast<std::size_t>(s.area)].name + ". ";
  if (s.leader >= 0) {
    out += f.contestant_name(*m.race, s.leader) + " " +
           (s.outcome == Outcome::Won ? (lang == Lang::Tr ? "kazandı" : "won") : (lang == Lang::Tr ? "önde" : "leads")) +
           ", " + format_percent(s.standings.front().share_pct, lang) + ". ";
  }
  out += summary_margin_sentence(m, lang) + ". ";
  if (s.reporting_pct) out += boxes_opened_sentence(*s.reporting_pct, lang) + ". ";
  out += f.sources[static_cast<std::size_t>(m.source)].name + ", " + as_of(m, lang) + ".";
  return out;
}

AccessibleSection describe_summary(const Model& m, const UiState& ui, Lang lang) {
  AccessibleSection sec;
  const Feed& f = *m.feed;
  sec.caption = m.race->title.get(lang_code(lang)) + " — " + f.areas[static_cast<std::size_t>(m.current.area)].name;
  sec.sentence = summary_sentence(m, lang);
  sec.columns = {str(Str::Candidate, lang), str(Str::Party, lang), str(Str::Count_, lang), str(Str::Share, lang)};
  if (m.race->kind == RaceKind::Party) sec.columns = {str(Str::Party, lang), "", str(Str::Count_, lang), str(Str::Share, lang)};
  for (const SummaryRow& r : summary_rows(m, ui.others_open)) {
    const std::string name = r.contestant >= 0 ? f.contestant_name(*m.race, r.contestant)
                                               : std::string(str(Str::Others, lang)) + " (" + std::to_string(r.grouped) + ")";
    sec.rows.push_back({name, m.race->kind == RaceKind::Candidate ? party_short(f, r.party) : "",
                        m.current.shares_only ? "" : format_count(r.votes, lang), format_percent(r.share_pct, lang)});
  }
  return sec;
}

void draw_summary(const ViewContext& c) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float x0 = origin.x, w = c.width - c.px(2);
  float y = origin.y;
  const Model& m = c.model;
  const Feed& feed = *m.feed;
  const Summary& s = m.current;
  const Palette& pal = c.pal;

  // Status chip and "as of" line.
  const char* status = feed.status == FeedStatus::Final ? str(Str::Final, c.lang)
                       : feed.status == FeedStatus::Test ? str(Str::Test, c.lang)
                                                         : str(Str::Live, c.lang);
  const std::uint32_t chip_bg = feed.status == FeedStatus::Final ? pal.final_ : feed.status == FeedStatus::Test ? pal.test : pal.live;
  const float chip_w = chip(dl, c.fonts.small, x0, y, chip_bg, status, c.px(6), c.px(3), c.px(3));
  const float chip_h = c.fonts.small->FontSize + c.px(6);
  const Source& src = feed.sources[static_cast<std::size_t>(m.source)];
  std::string line = src.name + " · " + as_of(m, c.lang);
  if (text_width(c.fonts.small, line) > w - chip_w - c.px(12)) line = src.id + " · " + as_of(m, c.lang);  // narrow: "ANKA"
  line = fit(c.fonts.small, line, w - chip_w - c.px(12));
  text_right(dl, c.fonts.small, x0 + w, y + c.px(3), pal.secondary, line);
  y += chip_h + c.px(10);
  if (feed.status == FeedStatus::Test) {
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + c.fonts.strong->FontSize + c.px(10)), col(pal.test, 0.18f), c.px(3));
    text(dl, c.fonts.strong, x0 + c.px(8), y + c.px(5), pal.text, fit(c.fonts.strong, str(Str::TestBanner, c.lang), w - c.px(16)));
    y += c.fonts.strong->FontSize + c.px(18);
  }

  // Title: the race, then the area and the election.
  text(dl, c.fonts.title, x0, y, pal.text, fit(c.fonts.title, m.race->title.get(lang_code(c.lang)), w));
  y += c.fonts.title->FontSize + c.px(2);
  text(dl, c.fonts.small, x0, y, pal.secondary,
       fit(c.fonts.small, feed.areas[static_cast<std::size_t>(s.area)].name + " · " + feed.election.title.get(lang_code(c.lang)), w));
  y += c.fonts.small->FontSize + c.px(12);

  // Ballot boxes opened.
  if (s.reporting_pct) {
    text(dl, c.fonts.body, x0, y, pal.text, boxes_opened_sentence(*s.reporting_pct, c.lang));
    y += c.fonts.body->FontSize + c.px(4);
    const float h = c.px(6);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + h), col(pal.track), h / 2);
    const float fill = static_cast<float>(std::clamp(*s.reporting_pct, 0.0, 100.0) / 100.0) * w;
    if (fill > 0) dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + std::max(fill, h), y + h), col(pal.accent), h / 2);
    y += h + c.px(16);
  }

  // One bar per leading contestant; the rest grouped, and opened with a tap.
  int index = 0;
  for (const SummaryRow& r : summary_rows(m, c.ui.others_open)) {
    const std::uint32_t color = party_color(feed, r.party);
    std::string name, party;
    if (r.contestant >= 0) {
      name = feed.contestant_name(*m.race, r.contestant);
      if (m.race->kind == RaceKind::Candidate) party = party_short(feed, r.party);
    } else {
      name = std::string(str(Str::Others, c.lang)) + " (" + std::to_string(r.grouped) + ") — " + str(Str::ShowAll, c.lang);
    }
    const float row_top = y;
    const std::string share = format_percent(r.share_pct, c.lang);
    const std::string votes = s.shares_only ? "" : format_count(r.votes, c.lang) + " " + str(Str::Votes, c.lang);
    const float share_w = text_width(c.fonts.figure, share);
    const float stripe = c.px(4);
    const float tx = x0 + stripe + c.px(8);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + stripe, y + c.fonts.strong->FontSize + c.fonts.small->FontSize + c.px(4)), col(color));
    const std::string tag = r.winner ? str(Str::Won, c.lang) : r.leader ? str(Str::Leading, c.lang) : "";
    const float check = r.winner ? c.fonts.small->FontSize * 0.7f + c.px(4) : 0;
    const float tag_w = tag.empty() ? 0 : text_width(c.fonts.small, tag) + c.px(10) + check;
    // The tag sits after the name, or under it beside the party when the name needs the room.
    const float name_room = w - (tx - x0) - share_w - c.px(16);
    const bool tag_below = !tag.empty() && text_width(c.fonts.strong, name) + tag_w + c.px(8) > name_room;
    const std::string shown_name = fit(c.fonts.strong, name, name_room - (tag_below || tag.empty() ? 0 : tag_w + c.px(8)));
    text(dl, c.fonts.strong, tx, y, r.contestant >= 0 ? pal.text : pal.accent, shown_name);
    if (!tag.empty()) {
      const float gx = tag_below ? tx + (party.empty() ? 0 : text_width(c.fonts.small, party) + c.px(8))
                                 : tx + text_width(c.fonts.strong, shown_name) + c.px(8);
      const float gy = tag_below ? y + c.fonts.strong->FontSize + c.px(2) : y;
      const std::uint32_t tag_bg = r.winner ? color : pal.track;
      const std::uint32_t fg = r.winner ? text_on(tag_bg) : pal.text;
      dl->AddRectFilled(ImVec2(gx, gy + c.px(1)), ImVec2(gx + tag_w, gy + c.fonts.small->FontSize + c.px(4)), col(tag_bg), c.px(3));
      if (r.winner) draw_check(dl, gx + c.px(5), gy + c.px(1) + c.fonts.small->FontSize * 0.25f, c.fonts.small->FontSize * 0.6f, col(fg));
      text(dl, c.fonts.small, gx + c.px(5) + check, gy + c.px(2), fg, tag);
    }
    text_right(dl, c.fonts.figure, x0 + w, y - c.px(2), pal.text, share);
    y += c.fonts.strong->FontSize + c.px(2);
    if (!party.empty()) text(dl, c.fonts.small, tx, y, pal.secondary, fit(c.fonts.small, party, w * 0.55f));
    if (!votes.empty()) text_right(dl, c.fonts.small, x0 + w, y + c.px(2), pal.secondary, votes);
    y += c.fonts.small->FontSize + c.px(8);
    const float h = c.px(10);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + h), col(pal.track), c.px(2));
    const double shown = r.contestant >= 0 ? c.bar_share(r.contestant, r.share_pct) : r.share_pct;
    const float fill = static_cast<float>(std::clamp(shown, 0.0, 100.0) / 100.0) * w;
    if (fill > 0.5f) dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + fill, y + h), col(color), c.px(2));
    y += h + c.px(16);
    if (r.contestant < 0) {  // the grouped row opens the full list
      ImGui::SetCursorScreenPos(ImVec2(x0, row_top));
      ImGui::PushID(index);
      if (ImGui::InvisibleButton("others", ImVec2(w, y - row_top - c.px(8)))) c.act.toggle_others = true;
      c.region("others");
      ImGui::PopID();
    }
    ++index;
  }
  if (c.ui.others_open) {
    const std::string fewer = std::string("‹ ") + str(Str::ShowFewer, c.lang);
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (ImGui::InvisibleButton("fewer", ImVec2(text_width(c.fonts.strong, fewer), c.fonts.strong->FontSize + c.px(6))))
      c.act.toggle_others = true;
    text(dl, c.fonts.strong, x0, y, pal.accent, fewer);
    y += c.fonts.strong->FontSize + c.px(14);
  }

  // The margin in words.
  const std::string margin = summary_margin_sentence(m, c.lang);
  if (!margin.empty()) {
    dl->AddLine(ImVec2(x0, y), ImVec2(x0 + w, y), col(pal.rule), c.px(1));
    y += c.px(10);
    y += wrapped(dl, c.fonts.strong, x0, y, w, pal.text, margin) + c.px(4);
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
