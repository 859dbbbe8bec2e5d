// sandik core — a read-only view of a run of values another object owns (a JSON document's
// items, a tally's counts in its one block): pointer and length, no allocation.
#pragma once

#include <cstddef>

namespace sandik {

template <typename T>
class Span {
 public:
  Span() = default;
  Span(const T* data, std::size_t size) : data_(data), size_(size) {}
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  const T& front() const { return data_[0]; }

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace sandik
