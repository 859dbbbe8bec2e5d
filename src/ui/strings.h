// sandik ui — every word a reader sees, in one table per language: the canvas, the accessible
// text, the live region, the loader's notices and the command line all take them from here.
//
//   str(Str::Won, Lang::Tr)                                  "Kazandı"
//   say(Str::AheadBy, Lang::Tr, {"İmamoğlu", "1.001.426", "11,56"})
//                                                            "İmamoğlu 1.001.426 oy önde (11,56 puan)"
//   boxes_opened_sentence(74.93, Lang::Tr)                   "Sandıkların %74,93'ü açıldı"
//
// Placeholders are {1}, {2}, …: each language puts them where its grammar wants them.
#pragma once

#include <initializer_list>
#include <string>

#include "core/format.h"

namespace sandik::ui {

enum class Str {
  // status and summary
  Live,
  Final,
  Test,
  TestBanner,
  BoxesOpened,
  AsOf,
  Votes,
  VoteOne,
  OthersN,
  AheadBy,
  AheadByOne,
  LeadsShares,
  CalledTrailing,
  Tied,
  NoResults,
  Leading,
  Won,
  Carried,
  LeadsWord,
  WonWord,
  CarriedWord,
  NoFiguresHere,
  NoRowFigures,
  ShowAll,
  ShowFewer,
  // tables and their columns
  Source,
  Candidate,
  Party,
  Share,
  Count_,
  ColArea,
  ColDistrict,
  ColNeighbourhood,
  ColBox,
  ColLeader,
  ColLeaderShare,
  ColRunnerUp,
  ColMargin,
  ColReporting,
  ColTurnout,
  ColSwing,
  ColPrevious,
  ColTime,
  PointsN,
  Flipped,
  Rows,
  RowsOne,
  SortedBy,
  Descending,
  // tabs and view titles
  TabSummary,
  TabTable,
  TabSources,
  TabFlips,
  TabTimeline,
  TabSeats,
  TimelineTitle,
  TimelineEmpty,
  Moments,
  SourcesTitle,
  FlipsTitle,
  FlipsCount,
  FlipsCountOne,
  NoFlips,
  NoPrevious,
  Difference,
  NotComparable,
  NoMatch,
  MarginKey,
  Unofficial,
  NotAllowed,
  UnknownOption,
  MoreRows,
  MoreRowsSearch,
  NoSeats,
  NoFiguresCell,
  SeatsWord,
  SeatsHeading,
  MajorityFor,
  MajorityShort,
  Months,
  DayMonthClock,
  DayMonthYearClock,
  // the widget's notices and the loader's words
  Loading,
  NoRace,
  CanvasLabel,
  SearchPlaceholder,
  NoWebGL,
  NewLeader,
  LeadingColon,
  TooLarge,
  Unreadable,
  NoAnswer,
  UpdateFailed,
  LoadFailed,
  NoConnection,
  JustNow,
  MinutesAgo,
  HoursAgo,
  OnDate,
  LastUpdated,
  LastUpdatedStale,
  // mayoralties won (the scoreboard)
  ScoreMetropolitan,
  ScoreProvince,
  ScoreDistrict,
  ScoreBelde,
  ScoreOf,
  ScoreTied,
  ScoreLine,
  ScoreTitle,
  // the overview
  ColProvince,
  Mayors,
  // the map and the tile grid
  TabMap,
  MapCaption,
  MapShade,
  MapPartial,
  MapUncounted,
  MapFlippedKey,
  MapLeadsList,
  MapMissing,
  MapNone,
  MapCloser,
  MapTapAgain,
  MapCredit,
  // the command line
  CliBoxes,
  CliTurnout,
};

const char* str(Str id, Lang lang);
// The word with {1}, {2}, … replaced by `args` in order of their numbers.
std::string say(Str id, Lang lang, std::initializer_list<std::string> args);

// Turkish attaches a suffix with an apostrophe that follows vowel harmony: %74,93'ü, %50'si.
std::string boxes_opened_sentence(double pct, Lang lang, int decimals = 2);
std::string percent_with_suffix(double pct, Lang lang, int decimals = 2);  // "%74,93'ü" / "74.93%"

}  // namespace sandik::ui
