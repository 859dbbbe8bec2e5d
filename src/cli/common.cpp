// sandik command line — the parts every command shares (common.h).
#include "common.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "../core/format.h"

namespace sandik::cli {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Options listed in `with_value` take the next argument; others are flags.
bool parse_args(int argc, char** argv, int from, const std::vector<std::string>& with_value,
                const std::vector<std::string>& flags, Args& args, std::string& error) {
  for (int i = from; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      args.positional.push_back(a);
      continue;
    }
    std::string value;
    const std::size_t eq = a.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
    }
    const std::string name = a.substr(2);
    if (std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
      if (!inline_value) {
        if (i + 1 >= argc) {
          error = "--" + name + " needs a value";
          return false;
        }
        value = argv[++i];
      }
    } else if (std::find(flags.begin(), flags.end(), name) == flags.end()) {
      error = "unknown option --" + name;
      return false;
    }
    args.options.emplace_back(name, value);
  }
  return true;
}

std::string for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1) {
      const unsigned code = c1 ? static_cast<unsigned char>(text[++i]) : c;
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", code);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void print_line(std::FILE* to, const std::string& text) {
  const std::string safe = for_terminal(text);
  std::fwrite(safe.data(), 1, safe.size(), to);
  std::fputc('\n', to);
}

void print_problems(const sandik::Problems& problems) {
  for (const auto& p : problems) print_line(stderr, p.to_string());
}

// Every error; the warnings in full when there are few (or with --verbose), else counted by
// kind with the first three of each and their paths (a national import has hundreds).
void print_summarised(const sandik::Problems& problems, bool verbose) {
  constexpr std::size_t kFew = 20, kExamples = 3;
  std::vector<const sandik::Problem*> warnings;
  for (const auto& p : problems) {
    if (p.severity == sandik::Severity::Error)
      print_line(stderr, p.to_string());
    else
      warnings.push_back(&p);
  }
  if (verbose || warnings.size() <= kFew) {
    for (const auto* p : warnings) print_line(stderr, p->to_string());
    return;
  }
  std::vector<std::pair<std::string, std::vector<const sandik::Problem*>>> kinds;  // in order of first appearance
  for (const auto* p : warnings) {
    const std::string kind = p->code.empty() ? "other" : p->code;
    auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == kind; });
    if (it == kinds.end()) it = kinds.insert(kinds.end(), {kind, {}});
    it->second.push_back(p);
  }
  std::fprintf(stderr, "%zu warnings (--verbose lists them all):\n", warnings.size());
  for (const auto& [kind, list] : kinds) {
    std::fprintf(stderr, "  %zu %s, the first:\n", list.size(), kind.c_str());
    for (std::size_t i = 0; i < list.size() && i < kExamples; ++i) print_line(stderr, "    " + list[i]->to_string());
  }
}

// Reads and validates a feed; prints its problems. Returns exit code, kOk with `out` set.
int load_feed(const std::string& path, sandik::ParsedFeed& out, std::string* text_out) {
  std::string own;
  std::string& text = text_out ? *text_out : own;
  if (!read_file(path, text)) {
    std::fprintf(stderr, "sandik: cannot read %s\n", path.c_str());
    return kUsage;
  }
  sandik::ParseOptions opt;
  opt.max_bytes = 512u << 20;  // the command line checks large files; the widget keeps 20 MiB
  out = sandik::parse_feed(text, opt);
  print_problems(out.problems);  // errors first, then warnings
  if (out.errors || out.warnings)
    std::fprintf(stderr, "%s: %s, %s\n", path.c_str(), sandik::counted(out.errors, "error").c_str(),
                 sandik::counted(out.warnings, "warning").c_str());
  return out.ok() ? kOk : kInvalid;
}

ojson scoreboard_json(const sandik::Feed& feed, const std::vector<sandik::ScoreLevel>& levels, int source, bool names) {
  ojson j;
  j["source"] = source >= 0 ? ojson(feed.sources[static_cast<std::size_t>(source)].id) : ojson(nullptr);
  j["levels"] = ojson::array();
  for (const sandik::ScoreLevel& level : levels) {
    ojson l;
    l["level"] = level.level;
    l["total"] = level.total;
    l["tied"] = level.tied;
    l["parties"] = ojson::array();
    for (const sandik::ScoreParty& p : level.parties) {
      const sandik::Party& party = feed.parties[static_cast<std::size_t>(p.party)];
      ojson e;
      e["party"] = party.id;
      if (names) {
        e["name"] = party.name;
        e["short"] = party.short_name;
      }
      e["leading"] = p.leading;
      e["won"] = p.won;
      e["previous"] = p.previous;
      l["parties"].push_back(std::move(e));
    }
    j["levels"].push_back(std::move(l));
  }
  return j;
}

ojson opt_count(const std::optional<sandik::Count>& v) { return v ? ojson(*v) : ojson(nullptr); }
ojson opt_double(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }

int select(const sandik::Feed& feed, const Args& args, Selection& sel) {
  const int race_i = args.flag("race") ? feed.find_race(args.get("race")) : 0;
  if (race_i < 0) return usage("no race \"" + args.get("race") + "\" in the feed");
  sel.race = &feed.races[static_cast<std::size_t>(race_i)];
  if (args.flag("source")) {
    sel.source = feed.find_source(args.get("source"));
    if (sel.source < 0) return usage("no source \"" + args.get("source") + "\" in the feed");
  } else {
    sel.source = sel.race->freshest_source();  // as the widget shows it
  }
  sel.area = sel.race->area;
  if (args.flag("area")) {
    sel.area = feed.find_area(args.get("area"));
    if (sel.area < 0) return usage("no area \"" + args.get("area") + "\" in the feed");
  }
  return kOk;
}

}  // namespace sandik::cli
