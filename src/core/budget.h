// sandik core — how much work one slice may do. A very large feed is read in slices so that the
// page's main thread is never held for long (issue #17): the JSON reader and the validator ask
// spent() before each unit of work (a value, an area, a result) and stop where they are when it
// says so; the next slice goes on from there. A budget is a deadline on the steady clock (the
// widget: a few milliseconds per slice), a number of units (tests: slices as small as one unit),
// or unlimited (the command line).
#pragma once

#include <chrono>
#include <cstddef>

namespace sandik {

class Budget {
 public:
  Budget() = default;  // unlimited
  static Budget milliseconds(double ms) {
    Budget b;
    b.timed_ = true;
    b.left_ = kCheckEvery;
    b.deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(ms));
    return b;
  }
  static Budget units(std::size_t n) {  // at least one: every slice gets on
    Budget b;
    b.left_ = n > 0 ? n : 1;
    return b;
  }
  // Counts one unit; true once the budget is used up (and from then on).
  bool spent() {
    if (left_ > 0) {
      --left_;
      return false;
    }
    if (timed_ && !over_ && Clock::now() < deadline_) {
      left_ = kCheckEvery - 1;
      return false;
    }
    over_ = true;
    return true;
  }
  bool over() const { return over_; }
  // Used up, by the clock or the count, without counting a unit: whether to leave the next
  // stage of work to the next slice.
  bool expired() const { return over_ || (timed_ ? Clock::now() >= deadline_ : left_ == 0); }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t kCheckEvery = 64;  // units between looks at the clock
  static constexpr std::size_t kUnlimited = static_cast<std::size_t>(-1);
  std::size_t left_ = kUnlimited;
  bool timed_ = false, over_ = false;
  Clock::time_point deadline_{};
};

}  // namespace sandik
