// sandik command line — what every command shares: exit codes, usage, arguments, reading files
// and feeds, printing problems, choosing race/source/area. main.cpp dispatches to the commands
// (inspect.cpp: validate, summary, table; import.cpp: import; main.cpp: serve, replay).
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../core/feed.h"
#include "../core/scoreboard.h"

namespace sandik::cli {

using ojson = nlohmann::ordered_json;
constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

int usage(const std::string& why);  // the usage text on stderr, after `why`; returns kUsage
// Text from a feed, safe for a terminal: control characters (C0, DEL, C1: ESC, BEL, NUL…)
// written as \u001b, so a name can neither retitle nor clear the reader's terminal, nor cut a
// line short.
std::string for_terminal(std::string_view text);
void print_line(std::FILE* to, const std::string& text);  // for_terminal(text) and a newline
bool read_file(const std::string& path, std::string& out);

struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  // --name value (or "" for flags)
  bool flag(const std::string& name) const {
    for (const auto& [k, v] : options)
      if (k == name) return true;
    return false;
  }
  std::string get(const std::string& name, const std::string& def = "") const {
    for (const auto& [k, v] : options)
      if (k == name) return v;
    return def;
  }
  std::vector<std::string> all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : options)
      if (k == name) out.push_back(v);
    return out;
  }
};

bool parse_args(int argc, char** argv, int from, const std::vector<std::string>& with_value,
                const std::vector<std::string>& flags, Args& args, std::string& error);
void print_problems(const sandik::Problems& problems);
// Every error; the warnings in full when few (or `verbose`), else counted by kind with examples.
void print_summarised(const sandik::Problems& problems, bool verbose);
// Reads, validates, prints problems; `text`, when given, gets the file's text.
int load_feed(const std::string& path, sandik::ParsedFeed& out, std::string* text = nullptr);

// The scoreboard as JSON (`sandik scoreboard --json`; in a split index without the parties'
// names, `names` false; the core reads it back, Feed::scoreboards).
ojson scoreboard_json(const sandik::Feed& feed, const std::vector<sandik::ScoreLevel>& levels, int source, bool names);

ojson opt_count(const std::optional<sandik::Count>& v);
ojson opt_double(const std::optional<double>& v);

// --race, --source, --area: defaults are the first race, its first source, the race's root.
struct Selection {
  const sandik::Race* race = nullptr;
  int source = -1, area = -1;
};
int select(const sandik::Feed& feed, const Args& args, Selection& sel);

// The commands.
int cmd_validate(int argc, char** argv);
int cmd_summary(int argc, char** argv);
int cmd_table(int argc, char** argv);
int cmd_scoreboard(int argc, char** argv);
int cmd_maps(int argc, char** argv);  // maps.cpp
// A whole country's feed (`doc` its JSON) as a split night's files, parts first and index.json
// last: {name, text}. false with `error` when it has not one root with areas under it.
bool split_files(const sandik::Feed& feed, const ojson& doc, std::vector<std::pair<std::string, std::string>>& files,
                 std::string& error);
int cmd_split(int argc, char** argv);
int cmd_import(int argc, char** argv);

}  // namespace sandik::cli
