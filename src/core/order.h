// sandik core — a stable sort that costs little code per use.
//
//   sandik::stable_sort(rows, [](const Row& a, const Row& b) { return a.votes > b.votes; });
//
// std::stable_sort instantiates its merge machinery for every element type and comparator
// (~2.5 KB of wasm each; the widget sorts in a dozen places). Here one merge sort of indices is
// shared by all, and each use adds only its comparison and a move into place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace sandik {
namespace detail {
using IndexLess = bool (*)(const void* context, std::uint32_t a, std::uint32_t b);
// The order of 0..n-1 that sorts them by `less`, equal ones keeping their order.
std::vector<std::uint32_t> stable_order(std::size_t n, IndexLess less, const void* context);
}  // namespace detail

template <typename T, typename Less>
void stable_sort(std::vector<T>& items, Less less) {
  if (items.size() < 2) return;
  // Up to a few dozen (a summary's standings, for every row of a table: a council race has 36
  // parties): insertion in place, nothing allocated, fewer steps than the merge's bookkeeping.
  if (items.size() <= 48) {
    for (std::size_t i = 1; i < items.size(); ++i)
      for (std::size_t j = i; j > 0 && less(items[j], items[j - 1]); --j) std::swap(items[j], items[j - 1]);
    return;
  }
  struct Context {
    const std::vector<T>& items;
    Less& less;
  } context{items, less};
  const std::vector<std::uint32_t> order = detail::stable_order(
      items.size(),
      [](const void* c, std::uint32_t a, std::uint32_t b) {
        const Context& ctx = *static_cast<const Context*>(c);
        return static_cast<bool>(ctx.less(ctx.items[a], ctx.items[b]));
      },
      &context);
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const std::uint32_t i : order) sorted.push_back(std::move(items[i]));
  items.swap(sorted);
}

}  // namespace sandik
