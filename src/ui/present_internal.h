// sandik ui — what the present_*.cpp files share: small lookups and number words. Internal.
#pragma once

#include <optional>
#include <string>

#include "model.h"
#include "present.h"
#include "strings.h"

namespace sandik::ui::detail {

inline const Area& area_of(const Model& m, int a) { return m.feed->areas[static_cast<std::size_t>(a)]; }
inline const std::string& race_title(const Model& m, Lang lang) { return m.race->title.get(lang_code(lang)); }

// The word for the children of the area shown: "İlçe", "İl", "Mahalle", "Sandık", else "Yer".
inline Str area_column(const Model& m) {
  const auto& children = area_of(m, m.area).children;
  const std::string& level = children.empty() ? std::string() : area_of(m, children[0]).level;
  if (level == "district") return Str::ColDistrict;
  if (level == "city") return Str::ColProvince;
  if (level == "neighbourhood" || level == "mahalle") return Str::ColNeighbourhood;
  if (level == "ballot box" || level == "box" || level == "sandik") return Str::ColBox;
  return Str::ColArea;
}

inline std::string as_of(const Model& m, Lang lang) {
  const SourceResults* sr = m.race->results_for(m.source);
  const Time& t = sr ? sr->updated : m.feed->updated;
  return say(Str::AsOf, lang, {moment_clock(*m.feed, t.epoch, lang)});
}

inline std::string points(double v, Lang lang, int decimals = 2) {
  return say(Str::PointsN, lang, {format_decimal(v, lang, decimals)});
}

inline std::string signed_decimal(double v, Lang lang, int decimals) {
  return (v > 0 ? "+" : "") + format_decimal(v, lang, decimals);
}

inline std::string opt_pct(const std::optional<double>& v, Lang lang) { return v ? format_percent(*v, lang, 1) : "–"; }

// Whether `source` gives this race any figures below its root (a district, a box), or only the total.
inline bool has_figures_below_root(const Model& m, int source) {
  const SourceResults* sr = m.race->results_for(source);
  if (!sr) return false;
  for (const auto& [area, result] : sr->areas)
    if (area != m.race->area) return true;
  return false;
}

// What a source says of an area it gives nothing for: "no results yet" where it counts areas
// like this one, "ANKA gives no figures for this area" where it gives only the race's total.
inline std::string no_figures_sentence(const Model& m, int source, int area, Lang lang) {
  if (area == m.race->area || has_figures_below_root(m, source)) return str(Str::NoResults, lang);
  return say(Str::NoFiguresHere, lang, {m.feed->sources[static_cast<std::size_t>(source)].name});
}

inline double share_of(const Summary& s, int contestant) {
  for (const Standing& st : s.standings)
    if (st.contestant == contestant) return st.share_pct;
  return 0;
}

}  // namespace sandik::ui::detail
