// sandik — the command line for data desks.
//
//   sandik validate FEED                      errors and warnings; "ok" and exit 0 when valid
//   sandik summary FEED [--race ID] [--source ID] [--area ID] [--lang tr|en] [--json]
//   sandik table FEED [--race ID] [--source ID] [--area ID] [--sort KEY] [--desc] [--search TEXT] [--json]
//   sandik maps FEED [--maps DIR] [--json]      the feed's areas against the widget's maps
//   sandik import (--election DESC | --into FEED) --race ID --source ID [options] FILE.csv
//   sandik import --from anka|aa|ap [--updated TIME] FILE... [--from … FILE...] [--election DESC | --into FEED]
//   sandik serve [--root DIR] [--port N] [--host ADDR]
//
// Exit codes: 0 ok; 1 the feed (or the CSV) is invalid, the problems on stderr, one per line,
// "PATH: message"; 2 usage or I/O error.
// Each command lives in a file of its own (common.h says which).
#include <cstdio>
#include <filesystem>
#include <string>

#include "common.h"
#include "replay.h"
#include "serve.h"

namespace sandik::cli {
namespace {

const char* kUsageText =
    "usage: sandik COMMAND [options]\n"
    "  validate FEED [--after SHOWN]        check a feed; prints ok or every problem as PATH: message;\n"
    "                                       --after: warn when FEED is older than SHOWN (out of order)\n"
    "  summary FEED [--race ID] [--source ID] [--area ID] [--lang tr|en] [--json]\n"
    "                                       the aggregated result of one race in one area\n"
    "  table FEED [--race ID] [--source ID] [--area ID] [--sort name|leader|margin|reporting|turnout|swing]\n"
    "             [--desc] [--search TEXT] [--lang tr|en] [--json]\n"
    "                                       the district table: one row per child area\n"
    "  scoreboard FEED [--source ID] [--lang tr|en] [--json]\n"
    "                                       mayoralties won and leading per party and office level\n"
    "                                       (metropolitan, province, district, belde), against before\n"
    "  maps FEED [--maps DIR] [--json]     which of the widget's maps (DIR: assets/maps) show the feed's areas;\n"
    "                                       every area without a shape and shape without an area\n"
    "  split FEED --out DIR                 a whole country's feed for a CDN: DIR/index.json (the country and\n"
    "                                       its provinces, the scoreboard) and a part per province\n"
    "  import (--election DESC.json | --into FEED.json) [--race ID] --source ID [--source-name NAME]\n"
    "         [--source-kind agency|authority|party]\n"
    "         [--as results|history|previous|declare] [--where COLUMN=VALUE]... [--map FIELD=COLUMN]...\n"
    "         [--area ID] [--label TEXT] [--status live|test|final] [--share CONTESTANT=COLUMN]... FILE.csv\n"
    "                                       a results table into a sandik/1 feed, on stdout\n"
    "  import --from anka|aa|ap [--updated TIME] FILE... [--from FORMAT [--updated TIME] FILE...]...\n"
    "         [--election DESC.json | --into FEED.json] [--province PLATE|NAME] [--status live|test|final]\n"
    "         [--verbose]                   (many warnings are counted by kind; --verbose lists them all)\n"
    "                                       the agencies' own payloads into one sandik/1 feed, a source\n"
    "                                       per agency; --updated: when the next files were published\n"
    "                                       (default: each file's modification time; AP has its own)\n"
    "  replay [SNAPSHOTS_DIR] [--speed 60] [--port 8000] [--host 127.0.0.1] [--root DIR] [--path URL_PATH] [--split]\n"
    "         [--max-age 5] [--fail-rate 0.1] [--slow-ms 2000] [--malformed-at N] [--out-of-order]\n"
    "         [--national DIR [--national-path /feeds/turkiye/index.json]]\n"
    "                                       election night again: a feed that changes as the night's clock runs;\n"
    "                                       --split: each moment served as `split` cuts it (index + parts);\n"
    "                                       --national: a whole country's night besides, split\n"
    "                                       (default: ROOT/assets/feeds/turkiye, the demo's)\n"
    "  serve [--root DIR] [--port 8000] [--host 127.0.0.1]\n"
    "                                       serve the demo page (web/), dist/ and assets/feeds/\n"
    "exit codes: 0 ok, 1 invalid input, 2 usage or I/O error\n";

}  // namespace

int usage(const std::string& why) {
  if (!why.empty()) std::fprintf(stderr, "sandik: %s\n", why.c_str());
  std::fputs(kUsageText, stderr);
  return kUsage;
}

namespace {

int cmd_replay(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2,
                  {"speed", "port", "host", "root", "path", "max-age", "fail-rate", "slow-ms", "malformed-at", "seed",
                   "national", "national-path"},
                  {"out-of-order", "split"}, args, err))
    return usage(err);
  sandik::ReplayOptions o;
  o.root = args.get("root", ".");
  o.snapshots = args.positional.empty() ? o.root + "/assets/feeds/night" : args.positional[0];
  o.host = args.get("host", o.host);
  o.path = args.get("path", o.path);
  o.out_of_order = args.flag("out-of-order");
  o.split = args.flag("split");
  // The demo's national night comes with the demo page (its section reads it), unless told otherwise.
  const std::string demo_national = o.root + "/assets/feeds/turkiye";
  o.national = args.get("national", std::filesystem::is_directory(demo_national) ? demo_national : "");
  o.national_path = args.get("national-path", o.national_path);
  try {
    o.port = std::stoi(args.get("port", "8000"));
    o.speed = std::stod(args.get("speed", "60"));
    o.max_age = std::stoi(args.get("max-age", "5"));
    o.fail_rate = std::stod(args.get("fail-rate", "0"));
    o.slow_ms = std::stoi(args.get("slow-ms", "0"));
    o.malformed_at = std::stol(args.get("malformed-at", "0"));
    o.seed = static_cast<unsigned>(std::stoul(args.get("seed", "31032024")));
  } catch (...) {
    return usage("replay: a numeric option is not a number");
  }
  if (o.port <= 0 || o.port > 65535 || o.speed <= 0 || o.fail_rate < 0 || o.fail_rate > 1 || o.slow_ms < 0)
    return usage("replay: an option is out of range");
  return sandik::replay(o) ? kOk : kUsage;
}

int cmd_serve(int argc, char** argv) {
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2, {"root", "port", "host"}, {}, args, err)) return usage(err);
  sandik::ServeOptions opt;
  opt.root = args.get("root", ".");
  opt.host = args.get("host", "127.0.0.1");
  const std::string port = args.get("port", "8000");
  opt.port = std::atoi(port.c_str());
  if (opt.port <= 0 || opt.port > 65535) return usage("--port takes 1 to 65535, got " + port);
  return sandik::serve(opt) ? kOk : kUsage;
}

}  // namespace
}  // namespace sandik::cli

using namespace sandik::cli;

int main(int argc, char** argv) {
  if (argc < 2) return usage("");
  const std::string cmd = argv[1];
  if (cmd == "validate") return cmd_validate(argc, argv);
  if (cmd == "summary") return cmd_summary(argc, argv);
  if (cmd == "table") return cmd_table(argc, argv);
  if (cmd == "scoreboard") return cmd_scoreboard(argc, argv);
  if (cmd == "maps") return cmd_maps(argc, argv);
  if (cmd == "split") return cmd_split(argc, argv);
  if (cmd == "import") return cmd_import(argc, argv);
  if (cmd == "serve") return cmd_serve(argc, argv);
  if (cmd == "replay") return cmd_replay(argc, argv);
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::fputs(kUsageText, stdout);
    return kOk;
  }
  return usage("unknown command \"" + cmd + "\"");
}
