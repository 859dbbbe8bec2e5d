// sandik ui — every word the widget shows, one table per language.
#pragma once

#include "core/format.h"

namespace sandik::ui {

enum class Str {
  Live, Final, Test, TestBanner, BoxesOpened,  // "Sandıkların %s'%s açıldı" takes the percent
  AsOf,                                        // "%s itibarıyla"
  Votes, Others, AheadBy,                      // "%s %s oy önde (%s puan)"
  Tied, NoResults, Leading, Won, Source, Turnout, Candidate, Party, Share, Count_,
  TabSummary, TabTable, TabSources, TabFlips, TabTimeline,
  ColArea, ColDistrict, ColNeighbourhood, ColBox, ColLeader, ColLeaderShare, ColRunnerUp, ColMargin, ColReporting,
  ColTurnout, ColSwing, ColPrevious, Points, Flipped, NoFlips, NoPrevious, Sources, Difference, BoxesShort, AsOfShort,
  TabSeats, TimelineTitle, TimelineEmpty, SourcesTitle, FlipsTitle, ShowAll, ShowFewer, Updated, Held
};

const char* str(Str id, Lang lang);

// Turkish attaches a suffix with an apostrophe that follows vowel harmony: %74,93'ü, %50'si.
std::string boxes_opened_sentence(double pct, Lang lang);

}  // namespace sandik::ui
