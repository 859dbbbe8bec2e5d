// sandik ui — what the present_*.cpp files share: small lookups and number words. Internal.
#pragma once

#include <optional>
#include <string>

#include "model.h"
#include "strings.h"

namespace sandik::ui::detail {

inline const Area& area_of(const Model& m, int a) { return m.feed->areas[static_cast<std::size_t>(a)]; }
inline const std::string& race_title(const Model& m, Lang lang) { return m.race->title.get(lang_code(lang)); }

inline std::string as_of(const Model& m, Lang lang) {
  const SourceResults* sr = m.race->results_for(m.source);
  const Time& t = sr ? sr->updated : m.feed->updated;
  return say(Str::AsOf, lang, {format_clock(t.epoch, display_offset(*m.feed, t), lang)});
}

inline std::string points(double v, Lang lang, int decimals = 2) {
  return say(Str::PointsN, lang, {format_decimal(v, lang, decimals)});
}

inline std::string signed_decimal(double v, Lang lang, int decimals) {
  return (v > 0 ? "+" : "") + format_decimal(v, lang, decimals);
}

inline std::string opt_pct(const std::optional<double>& v, Lang lang) { return v ? format_percent(*v, lang, 1) : "–"; }

inline double share_of(const Summary& s, int contestant) {
  for (const Standing& st : s.standings)
    if (st.contestant == contestant) return st.share_pct;
  return 0;
}

}  // namespace sandik::ui::detail
