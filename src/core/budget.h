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
  // A deadline `ms` from now on a steady clock in milliseconds: std::chrono's unless the platform
  // gives its own (the widget: the browser's performance clock, without std::chrono in the wasm).
  using Clock = double (*)();
  static double steady_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  static Budget milliseconds(double ms, Clock now = &steady_ms) {
    Budget b;
    b.now_ = now;
    b.left_ = kCheckEvery;
    b.deadline_ = now() + ms;
    return b;
  }
  static Budget units(std::size_t n) {  // at least one: every slice gets on
    Budget b;
    b.left_ = n > 0 ? n : 1;
    return b;
  }
  // Counts `units` (a JSON value is one; the validator's result or area, a few dozen values,
  // counts kUnitsPerItem); true once the budget is used up (and from then on). The work it is
  // asked before always gets on while any unit is left.
  bool spent(std::size_t units = 1) {
    if (left_ > 0) {
      left_ = left_ > units ? left_ - units : 0;
      return false;
    }
    if (now_ && !over_ && now_() < deadline_) {
      left_ = kCheckEvery > units ? kCheckEvery - units : 0;
      return false;
    }
    over_ = true;
    return true;
  }
  bool over() const { return over_; }
  // Used up, by the clock or the count, without counting a unit: whether to leave the next
  // stage of work to the next slice.
  bool expired() const { return over_ || (now_ ? now_() >= deadline_ : left_ == 0); }

  // Units between looks at the clock. A unit (a JSON value) takes some 30 ns in the wasm; a look
  // is a call out of it to performance.now(), some 1.5 µs in Chromium: every 64 units, the looks
  // took 5 % of reading a feed. 4,096 units are ~0.1 ms of reading, or ~128 results validated.
  static constexpr std::size_t kCheckEvery = 4096;
  static constexpr std::size_t kUnitsPerItem = 32;

 private:
  static constexpr std::size_t kUnlimited = static_cast<std::size_t>(-1);
  std::size_t left_ = kUnlimited;
  bool over_ = false;
  Clock now_ = nullptr;  // timed when set
  double deadline_ = 0;
};

}  // namespace sandik
