#include "tally.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "order.h"

namespace sandik {
namespace {

inline void add(std::optional<Count>& sum, const std::optional<Count>& v) {
  if (v) sum = sum.value_or(0) + *v;
}

const Tally kNone{};  // an area outside the race

}  // namespace

const Tally& RaceTally::none() { return kNone; }

RaceTally::RaceTally(const Feed& feed, const Race& race, int source) : feed_(feed), race_(race), source_(source) {
  count_ = race.contestant_count(feed);
  if (race.area < 0) return;
  const SourceResults* results = race.results_for(source);
  if (race.kind == RaceKind::Party) {  // only the parties the source lists get a column
    // The listed ones collected as met, then put in the feed's order: a country's feed has 1,083
    // parties and a province's race lists a dozen (a pass over all of them for each of its 261
    // party races was a quarter of the tallying).
    col_of_.assign(static_cast<std::size_t>(count_), -1);
    cols_.reserve(std::min<std::size_t>(col_of_.size(), 64));  // (a province's race: a dozen or two)
    const auto list = [&](int c) {
      int& col = col_of_[static_cast<std::size_t>(c)];
      if (col < 0) {
        col = 0;
        cols_.push_back(c);
      }
    };
    if (results)
      for (const auto& [a, r] : results->areas) {
        for (const auto& v : r.votes) list(v.first);
        for (const auto& v : r.shares) list(v.first);
      }
    sandik::stable_sort(cols_, [](int a, int b) { return a < b; });
    for (std::size_t k = 0; k < cols_.size(); ++k) col_of_[static_cast<std::size_t>(cols_[k])] = static_cast<int>(k);
  }
  const std::size_t contestants = columns();
  bool any_shares = false;
  if (results)
    for (const auto& [a, r] : results->areas) any_shares = any_shares || !r.shares.empty();
  // The race's subtree, each area before its children (breadth first, without recursion: area
  // trees can be deep), then summed from the last back: an area's children before it.
  std::vector<int> order;
  order.reserve(feed.areas.size());  // (grown from one, its copies were a tenth of the allocations)
  order.push_back(race.area);
  for (std::size_t i = 0; i < order.size(); ++i)
    for (const int c : feed.areas[static_cast<std::size_t>(order[i])].children) order.push_back(c);
  const auto [lowest, highest] = std::minmax_element(order.begin(), order.end());
  slot_first_ = *lowest;
  slot_.assign(static_cast<std::size_t>(*highest - *lowest + 1), -1);
  for (std::size_t i = 0; i < order.size(); ++i)
    slot_[static_cast<std::size_t>(order[i] - slot_first_)] = static_cast<int>(i);
  tallies_ = std::vector<Tally>(order.size());
  votes_.assign(order.size() * contestants, 0);
  if (any_shares) shares_.assign(order.size() * contestants, 0.0);
  boxes_.assign(order.size(), std::nullopt);
  registered_.assign(order.size(), std::nullopt);
  for (auto next = order.rbegin(); next != order.rend(); ++next) {
    const int a = *next;
    const std::size_t ai = static_cast<std::size_t>(a);
    const Area& area = feed.areas[ai];
    const std::size_t si = static_cast<std::size_t>(slot(a));
    const Result* own = nullptr;
    if (results) {
      const auto it = results->areas.find(a);
      if (it != results->areas.end()) own = &it->second;
    }
    // Boxes and registered voters: this race's own boxes there (a result's `boxes`), else the
    // area's declared ones, else the sum over children.
    const std::optional<Count> declared = own && own->boxes ? own->boxes : area.boxes;
    if (declared) boxes_[si] = declared;
    if (area.registered) registered_[si] = area.registered;
    if (!area.children.empty() && (!declared || !area.registered)) {
      std::optional<Count> b, r;
      for (int c : area.children) {
        add(b, boxes(c));
        add(r, registered(c));
      }
      if (!declared) boxes_[si] = b;
      if (!area.registered) registered_[si] = r;
    }
    // Rule 1: the area's own result, else the sum of its children's.
    Tally& t = tallies_[si];
    Count* votes = contestants ? votes_.data() + si * contestants : nullptr;  // (no offset on null)
    double* shares = any_shares && contestants ? shares_.data() + si * contestants : nullptr;
    t.votes = Span<Count>(votes, contestants);
    const auto shares_given = [&](const Result& r) {
      t.shares_only = true;
      t.shares = Span<double>(shares, contestants);
      for (const auto& [c, v] : r.shares) shares[static_cast<std::size_t>(column(c))] = v;
    };
    if (own && (!own->votes.empty() || own->valid || own->boxes_counted || own->cast || own->shares.empty())) {
      t.has_counts = true;
      t.boxes_counted = own->boxes_counted;
      t.cast = own->cast;
      t.registered_counted = own->registered_counted;
      Count sum = 0;
      for (const auto& [c, v] : own->votes) {
        votes[static_cast<std::size_t>(column(c))] += v;
        sum += v;
      }
      t.valid = own->valid ? *own->valid : sum;
      if (own->votes.empty() && !own->shares.empty()) shares_given(*own);  // counts of boxes, shares of votes
    } else if (own) {  // shares only: display, never summed upwards
      t.reporting_pct = own->reporting_pct;
      shares_given(*own);
    } else {
      for (int c : area.children) {
        const Tally& ct = at(c);
        if (!ct.has_counts || ct.shares_only) continue;
        t.has_counts = true;
        add(t.boxes_counted, ct.boxes_counted);
        add(t.cast, ct.cast);
        add(t.registered_counted, ct.registered_counted);
        t.valid += ct.valid;
        for (std::size_t k = 0; k < contestants; ++k) votes[k] += ct.votes[k];
      }
    }
  }
}

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::NoResults:
      return "no results";
    case Outcome::Leading:
      return "leading";
    case Outcome::Tied:
      return "tied";
    case Outcome::Won:
      return "won";
    case Outcome::Carried:
      return "carried";
  }
  return "?";
}

double margin_points(double first_pct, double second_pct) {
  const auto shown = [](double v) { return std::round(v * 100.0) / 100.0; };
  return shown(shown(first_pct) - shown(second_pct));
}

namespace {
// summarize() and summarize_top(): all standings sorted, or only the first two found.
void summary_of(const RaceTally& tally, int area, bool top_two, Summary& s) {
  const Feed& feed = tally.feed();
  const Race& race = tally.race();
  const Tally& t = tally.at(area);
  {  // a fresh summary, keeping the storage of its lists
    std::vector<Standing> standings = std::move(s.standings);
    std::vector<std::pair<int, int>> seats = std::move(s.seats);
    standings.clear();
    seats.clear();
    s = Summary{};
    s.standings = std::move(standings);
    s.seats = std::move(seats);
  }
  s.race = static_cast<int>(&race - feed.races.data());
  s.source = tally.source();
  s.area = area;
  s.boxes = tally.boxes(area);
  s.registered = tally.registered(area);
  s.boxes_counted = t.boxes_counted;
  s.cast = t.cast;
  s.registered_counted = t.registered_counted;
  s.valid = t.valid;
  s.shares_only = t.shares_only;
  if (s.boxes_counted && s.boxes && *s.boxes > 0)
    s.reporting_pct = 100.0 * static_cast<double>(*s.boxes_counted) / static_cast<double>(*s.boxes);
  else if (t.reporting_pct)
    s.reporting_pct = t.reporting_pct;
  // Rule 3: turnout against the registered voters of the boxes counted, when given.
  const std::optional<Count> reg = s.registered_counted ? s.registered_counted : s.registered;
  if (s.cast && reg && *reg > 0) s.turnout_pct = 100.0 * static_cast<double>(*s.cast) / static_cast<double>(*reg);

  const std::size_t n = tally.columns();
  const auto standing = [&](std::size_t k) {
    Standing st;
    st.contestant = tally.contestant_at(k);
    if (t.shares_only) {
      st.share_pct = t.shares.empty() ? 0 : t.shares[k];
    } else if (!t.votes.empty()) {
      st.votes = t.votes[k];
      st.share_pct = t.valid > 0 ? 100.0 * static_cast<double>(st.votes) / static_cast<double>(t.valid) : 0;
    }
    return st;
  };
  const auto ahead = [&](const Standing& a, const Standing& b) {
    return t.shares_only ? a.share_pct > b.share_pct : a.votes > b.votes;
  };
  if (top_two) {  // the first of the most, then the first of the most of the rest: a stable sort's two
    // Found by comparing the counts alone; only those two are made into standings (a table of a
    // country's races has 4,000 rows of up to 90 columns).
    const auto ahead_k = [&](std::size_t a, std::size_t b) {
      if (t.shares_only) return !t.shares.empty() && t.shares[a] > t.shares[b];
      return !t.votes.empty() && t.votes[a] > t.votes[b];
    };
    std::size_t first = n, second = n;
    for (std::size_t k = 0; k < n; ++k) {
      if (first == n || ahead_k(k, first)) {
        second = first;
        first = k;
      } else if (second == n || ahead_k(k, second)) {
        second = k;
      }
    }
    s.standings.reserve(2);
    if (first < n) s.standings.push_back(standing(first));
    if (second < n) s.standings.push_back(standing(second));
  } else {
    s.standings.reserve(n);
    for (std::size_t k = 0; k < n; ++k) s.standings.push_back(standing(k));
    sandik::stable_sort(s.standings, ahead);
  }

  // Rule 4: leader, tie, margin.
  const bool any = !s.standings.empty() && (t.shares_only ? s.standings[0].share_pct > 0 : s.standings[0].votes > 0);
  if (any) {
    const Standing& first = s.standings[0];
    const Standing* second = s.standings.size() > 1 ? &s.standings[1] : nullptr;
    s.tied = second && (t.shares_only ? second->share_pct == first.share_pct : second->votes == first.votes);
    if (!s.tied) s.leader = first.contestant;
    s.margin_votes = t.shares_only ? 0 : first.votes - (second ? second->votes : 0);
    // The margin in points is the difference of the two shares as printed (2 decimals), so the
    // figures a reader sees always subtract: %51,15 − %39,59 = 11,56 (docs/presentation.md).
    s.margin_pct_points = margin_points(first.share_pct, second ? second->share_pct : 0);
  }

  // Rule 6: won only by a call, or when the feed is final. A candidate race is one office for
  // its root area: below it (a district of a city-wide race) the final leader carried the area,
  // nobody won it — unless a call names that area.
  for (const Call& call : race.calls)
    if (call.source == tally.source() && call.area == area) s.winner = call.winner;
  const bool part_of_one_office = race.kind == RaceKind::Candidate && area != race.area;
  const bool final_lead = s.winner < 0 && feed.status == FeedStatus::Final && s.leader >= 0;
  if (final_lead && !part_of_one_office) s.winner = s.leader;
  s.outcome = s.winner >= 0                      ? Outcome::Won
              : final_lead && part_of_one_office ? Outcome::Carried
              : !any                             ? Outcome::NoResults
              : s.tied                           ? Outcome::Tied
                                                 : Outcome::Leading;

  // Rule 5: against the previous election.
  if (race.previous) {
    const auto it = race.previous->areas.find(area);
    if (it != race.previous->areas.end()) {
      s.previous_winner = it->second.winner;
      const int now = s.winner >= 0 ? s.winner : s.leader;
      if (now >= 0 && s.previous_winner >= 0) s.flipped = race.contestant_party(now) != s.previous_winner;
    }
  }

  // Rule 7: seats, projected at the race root.
  if (race.seats && area == race.area && race.kind == RaceKind::Party && !t.shares_only && t.valid > 0) {
    const std::vector<int> seats = allocate_seats(std::vector<Count>(t.votes.begin(), t.votes.end()), t.valid,
                                                  race.seats->total, race.seats->method, race.seats->threshold);
    for (std::size_t p = 0; p < seats.size(); ++p)
      if (seats[p] > 0) s.seats.emplace_back(static_cast<int>(p), seats[p]);
    sandik::stable_sort(s.seats, [](auto& a, auto& b) { return a.second > b.second; });
  }
}
}  // namespace

Summary summarize(const RaceTally& tally, int area) {
  Summary s;
  summary_of(tally, area, false, s);
  return s;
}
Summary summarize_top(const RaceTally& tally, int area) {
  Summary s;
  summary_of(tally, area, true, s);
  return s;
}
void summarize_top(const RaceTally& tally, int area, Summary& out) { summary_of(tally, area, true, out); }

namespace {
// Exact arithmetic on counts without 128-bit integers or long double (their software routines
// were 4 KB of the wasm for this one function).
struct Wide {  // a × b as two 64-bit halves
  std::uint64_t hi, lo;
  bool operator>(const Wide& o) const { return hi != o.hi ? hi > o.hi : lo > o.lo; }
  bool operator==(const Wide& o) const { return hi == o.hi && lo == o.lo; }
};
Wide times(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
  const std::uint64_t low = a0 * b0, mid1 = a1 * b0, mid2 = a0 * b1;
  const std::uint64_t carry = ((low >> 32) + (mid1 & 0xFFFFFFFFu) + (mid2 & 0xFFFFFFFFu)) >> 32;
  return {a1 * b1 + (mid1 >> 32) + (mid2 >> 32) + carry, a * b};
}
// v × s = quotient × total + remainder, for v ≤ total < 2^62: the bits of s from the highest,
// doubling and adding with the remainder kept below total.
void divide_product(std::uint64_t v, std::uint64_t s, std::uint64_t total, std::uint64_t& quotient,
                    std::uint64_t& remainder) {
  quotient = remainder = 0;
  for (int bit = 63; bit >= 0; --bit) {
    quotient <<= 1;
    remainder <<= 1;
    if (remainder >= total) remainder -= total, ++quotient;
    if ((s >> bit) & 1u) {
      remainder += v;
      if (remainder >= total) remainder -= total, ++quotient;
    }
  }
}
// votes ≥ threshold × valid, less 1e-9 (a threshold of 0.10 is a hair above a tenth as a double):
// the product's rounding error recovered exactly (Dekker's product), so large counts decide as
// small ones do.
bool reaches(Count votes, Count valid, double threshold) {
  const double a = threshold, b = static_cast<double>(valid), p = a * b;
  const auto split = [](double x, double& hi, double& lo) {
    const double c = 134217729.0 * x;  // 2^27 + 1
    hi = c - (c - x);
    lo = x - hi;
  };
  double ah, al, bh, bl;
  split(a, ah, al);
  split(b, bh, bl);
  const double error = ((ah * bh - p) + ah * bl + al * bh) + al * bl;  // a × b = p + error exactly
  return (static_cast<double>(votes) - p) - error >= -1e-9;
}
}  // namespace

std::vector<int> allocate_seats(const std::vector<Count>& votes, Count valid, int total, SeatMethod method,
                                double threshold) {
  const std::size_t n = votes.size();
  std::vector<int> seats(n, 0);
  std::vector<char> eligible(n, 0);
  std::uint64_t eligible_votes = 0;
  for (std::size_t i = 0; i < n; ++i) {
    eligible[i] = votes[i] > 0 && reaches(votes[i], valid, threshold);
    if (eligible[i]) eligible_votes += static_cast<std::uint64_t>(votes[i]);
  }
  if (eligible_votes == 0 || total <= 0) return seats;
  const auto vote = [&](std::size_t i) { return static_cast<std::uint64_t>(votes[i]); };

  if (method == SeatMethod::Hare) {
    // quota = V / S; seats_i = floor(v_i × S / V); remainders r_i = v_i × S mod V, largest first.
    int given = 0;
    std::vector<std::uint64_t> rem(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (!eligible[i]) continue;
      std::uint64_t q;
      divide_product(vote(i), static_cast<std::uint64_t>(total), eligible_votes, q, rem[i]);
      seats[i] = static_cast<int>(q);
      given += seats[i];
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i)
      if (eligible[i]) order.push_back(i);
    sandik::stable_sort(
        order, [&](std::size_t a, std::size_t b) { return rem[a] != rem[b] ? rem[a] > rem[b] : votes[a] > votes[b]; });
    for (std::size_t k = 0; given < total && !order.empty(); k = (k + 1) % order.size(), ++given) ++seats[order[k]];
    return seats;
  }

  // Highest averages: the next seat goes to the largest votes / divisor(seats).
  const auto divisor = [&](int s) -> std::uint64_t {
    return method == SeatMethod::DHondt ? std::uint64_t(s) + 1 : 2 * std::uint64_t(s) + 1;
  };
  for (int seat = 0; seat < total; ++seat) {
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (!eligible[i]) continue;
      if (best == n) {
        best = i;
        continue;
      }
      // votes[i] / d_i > votes[best] / d_best  <=>  votes[i] × d_best > votes[best] × d_i
      const Wide lhs = times(vote(i), divisor(seats[best]));
      const Wide rhs = times(vote(best), divisor(seats[i]));
      if (lhs > rhs || (lhs == rhs && votes[i] > votes[best])) best = i;
    }
    ++seats[best];
  }
  return seats;
}

}  // namespace sandik
