// sandik adapters — the agencies' payloads into one sandik/1 feed: the base, then each file by
// its format (anka.cpp, aa.cpp, ap.cpp), all into one Builder (builder.h).
#include "agency.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>

#include "../core/format.h"
#include "../core/time.h"
#include "payload.h"
#include "sandik_party_registry.h"

namespace sandik {
namespace adapters {
namespace {

// ---- the base: an election description or an earlier feed ----------------------------------------
void read_base(Builder& b, std::string_view text, Problems& problems) {
  AgencyFile file{AgencyFormat::Anka, text, "base", ""};
  Reader in(file, problems);
  const json::Document doc = json::parse(text, json::Limits{});
  const Path top;
  if (!doc.ok()) return in.error(top, doc.error_path.empty() ? doc.error : doc.error_path + ": " + doc.error);
  const Value& root = *doc.root;
  if (const Value* e = in.object(root, top, "election", false)) {
    const Path ep = top / "election";
    b.election_id = in.text(*e, ep, "id", true);
    b.date = in.text(*e, ep, "date", true);
    b.timezone = in.text(*e, ep, "timezone", true);
    if (const Value* t = e->find("title")) {
      if (t->is_string()) b.title = {{"", std::string(t->str())}};
      for (const auto& m : t->members())
        if (m.value.is_string()) b.title.emplace_back(std::string(m.key), std::string(m.value.str()));
    }
    if (b.title.empty()) b.title = {{"", b.election_id}};
  }
  const json::Span<Value> sources = in.array(root, top, "sources", false);
  const Path sources_at = top / "sources";
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Path sp = sources_at[i];
    b.add_base_source(in.text(sources[i], sp, "id", true), in.text(sources[i], sp, "name", true),
                      in.text(sources[i], sp, "kind", false));
  }
  const json::Span<Value> parties = in.array(root, top, "parties", false);
  const Path parties_at = top / "parties";
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const Path pp = parties_at[i];
    const Value& pv = parties[i];
    const std::string id = in.text(pv, pp, "id", true);
    if (id.empty()) continue;
    std::vector<std::string> aliases;
    for (const Value& a : in.array(pv, pp, "aliases", false))
      if (a.is_string()) aliases.emplace_back(a.str());
    b.add_base_party(id, in.text(pv, pp, "name", true), in.text(pv, pp, "short", false), in.color(pv, pp, "color"),
                     aliases);
  }
}

}  // namespace
}  // namespace adapters

using namespace adapters;

std::optional<AgencyFormat> parse_agency_format(std::string_view name) {
  if (name == "anka") return AgencyFormat::Anka;
  if (name == "aa") return AgencyFormat::Aa;
  if (name == "ap") return AgencyFormat::Ap;
  return std::nullopt;
}

std::optional<Time> parse_http_date(std::string_view s) {
  // "Sun, 06 Nov 1994 08:49:37 GMT"
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s.substr(26) != "GMT") return std::nullopt;
  const std::string_view mon = s.substr(8, 3);
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (mon == kMonths[i]) month = i + 1;
  if (!month) return std::nullopt;
  return parse_rfc3339(std::string(s.substr(12, 4)) + "-" + two_digits(month) + "-" + std::string(s.substr(5, 2)) +
                       "T" + std::string(s.substr(17, 8)) + "Z");
}

// ---- in slices: the base, each file (its JSON read in slices, then converted), the feed written
struct AgencyConvert::Work {
  std::vector<AgencyFile> files;
  AgencyOptions options;
  AgencyConversion out;
  Builder b;
  bool failed = false, started = false, done = false;
  std::size_t file = 0;                  // the file being read
  std::unique_ptr<json::Parser> parser;  // its JSON, read in slices
  std::optional<Reader> reader;          // then converted: AA's a province a slice
  std::optional<Moment> moment;
  AaProgress aa;
};

AgencyConvert::AgencyConvert(std::vector<AgencyFile> files, const AgencyOptions& options)
    : work_(std::make_unique<Work>()) {
  work_->files = std::move(files);
  work_->options = options;
}
AgencyConvert::~AgencyConvert() = default;

bool AgencyConvert::step(Budget& budget) {
  Work& w = *work_;
  if (w.done) return true;
  Builder& b = w.b;
  if (!w.started) {
    w.started = true;
    b.status = w.options.status;
    if (!w.options.base.empty()) {
      read_base(b, w.options.base, w.out.problems);
    } else if (std::any_of(w.files.begin(), w.files.end(),
                           [](const AgencyFile& f) { return f.format != AgencyFormat::Ap; })) {
      // No description: the agencies' shared party codes, so AK Parti is orange and İYİ blue
      // whichever agency sent the numbers (AA sends no colours).
      read_base(b, kPartyRegistry, w.out.problems);
    }
    w.failed = !w.out.problems.empty() && w.out.problems.front().severity == Severity::Error;
    if (w.files.empty()) {
      w.out.problems.push_back({Severity::Error, "", "no agency files given", "", "usage"});
      w.failed = true;
    }
  }
  for (; w.file < w.files.size(); ++w.file) {
    const AgencyFile& file = w.files[w.file];
    if (!w.parser) w.parser = std::make_unique<json::Parser>(file.text, json::Limits{});
    if (!w.parser->step(budget)) return false;
    const json::Document& doc = w.parser->document();
    const Path top;
    if (!w.reader) {
      w.reader.emplace(file, w.out.problems);
      w.moment.reset();
      w.aa = AaProgress();
      if (!doc.ok()) {
        w.out.problems.push_back({Severity::Error, doc.error_path, doc.error, file.name, "syntax"});
        w.failed = true;
      } else if (file.format == AgencyFormat::Ap) {
        convert_ap(b, *w.reader, *doc.root);
      } else if ((w.moment = published(file, *w.reader, top))) {
        turkish_election(b, *w.moment);
        b.touch(w.moment->epoch, w.moment->text);
        if (file.format == AgencyFormat::Anka) {
          convert_anka(b, *w.reader, *doc.root, *w.moment);
          w.moment.reset();
        }
      }
    }
    if (w.moment && !convert_aa(b, *w.reader, *doc.root, *w.moment, w.options.province, w.aa, budget)) return false;
    Reader& in = *w.reader;
    w.failed = w.failed || in.failed();
    w.reader.reset();
    w.moment.reset();
    w.parser.reset();
    if (w.file + 1 < w.files.size() && budget.expired()) return ++w.file, false;
  }
  w.done = true;
  if (!w.options.status.empty()) b.status = w.options.status;
  if (b.provinces() > 1) b.nationalize();  // (AA's whole-country file, or ANKA's files of two provinces)
  std::stable_partition(w.out.problems.begin(), w.out.problems.end(),
                        [](const Problem& p) { return p.severity == Severity::Error; });
  if (w.failed) return true;
  std::string feed = b.write();
  if (w.options.check) {
    // The last line of defence: what the adapter wrote must pass the feed's own validation.
    const ParsedFeed check = parse_feed(feed);
    for (const Problem& p : check.problems)
      if (p.severity == Severity::Error)
        w.out.problems.push_back({Severity::Error, p.path, p.message, "(converted feed)", "adapter"});
    if (!check.ok()) return true;
  }
  w.out.feed = std::move(feed);
  return true;
}

AgencyConversion AgencyConvert::take() { return std::move(work_->out); }

AgencyConversion convert_agency(const std::vector<AgencyFile>& files, const AgencyOptions& options) {
  AgencyConvert convert(files, options);
  Budget all;
  convert.step(all);
  return convert.take();
}

}  // namespace sandik
