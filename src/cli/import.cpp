// sandik command line — import: a results table (CSV) or the agencies' own payloads into a
// sandik/1 feed on stdout.
#include <algorithm>
#include <cstdio>

#include <sys/stat.h>

#include "../adapters/agency.h"
#include "../adapters/csv_import.h"
#include "../core/csv.h"
#include "../core/format.h"
#include "../core/time.h"
#include "common.h"

namespace sandik::cli {
namespace {

// sandik import --from FORMAT FILE...: each --from and --updated applies to the files after it.
int cmd_import_agency(int argc, char** argv) {
  std::vector<std::string> texts;
  std::vector<sandik::AgencyFile> files;
  sandik::AgencyOptions opt;
  std::string base_path, updated;
  std::optional<sandik::AgencyFormat> format;
  bool verbose = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--from" && has_value) {
      format = sandik::parse_agency_format(argv[++i]);
      if (!format) return usage(std::string("--from takes anka, aa or ap, got ") + argv[i]);
    } else if (a == "--updated" && has_value) {
      updated = argv[++i];
      if (!sandik::parse_rfc3339(updated))
        return usage("--updated takes an RFC 3339 time (2024-03-31T22:35:00+03:00), got \"" + for_terminal(updated) +
                     "\"");
    } else if ((a == "--election" || a == "--into") && has_value) {
      base_path = argv[++i];
    } else if (a == "--province" && has_value) {
      opt.province = argv[++i];
    } else if (a == "--verbose") {
      verbose = true;
    } else if (a == "--status" && has_value) {
      opt.status = argv[++i];
      if (opt.status != "live" && opt.status != "test" && opt.status != "final")
        return usage("--status takes live, test or final");
    } else if (a.rfind("--", 0) == 0) {
      return usage("import --from does not take " + a + (has_value ? "" : " without a value"));
    } else {
      if (!format) return usage("give the format before the file: --from anka|aa|ap " + a);
      files.push_back({*format, {}, a, updated});
      if (updated.empty()) {  // the file's own time, as a web server would send it in Last-Modified
        struct stat st {};
        if (stat(a.c_str(), &st) == 0) {
          const sandik::Civil c = sandik::to_civil(static_cast<std::int64_t>(st.st_mtime), 0);
          files.back().fetched = std::to_string(c.year) + "-" + sandik::two_digits(c.month) + "-" +
                                 sandik::two_digits(c.day) + "T" + sandik::two_digits(c.hour) + ":" +
                                 sandik::two_digits(c.minute) + ":" + sandik::two_digits(c.second) + "Z";
        }
      }
    }
  }
  if (files.empty()) return usage("import --from needs at least one file");
  texts.resize(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!read_file(files[i].name, texts[i]))
      return std::fprintf(stderr, "sandik: cannot read %s\n", files[i].name.c_str()), kUsage;
    files[i].text = texts[i];
  }
  std::string base;
  if (!base_path.empty() && !read_file(base_path, base))
    return std::fprintf(stderr, "sandik: cannot read %s\n", base_path.c_str()), kUsage;
  opt.base = base;
  const sandik::AgencyConversion c = sandik::convert_agency(files, opt);
  print_summarised(c.problems, verbose);
  if (!c.ok()) return kInvalid;
  const ojson pretty = ojson::parse(c.feed, nullptr, false);
  const std::string out =
      pretty.is_discarded() ? c.feed : pretty.dump(1, '\t', false, ojson::error_handler_t::replace) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

}  // namespace

int cmd_import(int argc, char** argv) {
  for (int i = 2; i < argc; ++i)
    if (std::strcmp(argv[i], "--from") == 0) return cmd_import_agency(argc, argv);
  Args args;
  std::string err;
  if (!parse_args(argc, argv, 2,
                  {"election", "into", "race", "source", "source-name", "source-kind", "as", "where", "map", "area",
                   "label", "status", "area-level", "share"},
                  {}, args, err))
    return usage(err);
  if (args.positional.size() != 1) return usage("import takes one CSV file");
  if (args.flag("election") == args.flag("into")) return usage("import needs --election DESC.json or --into FEED.json");
  const std::string base_path = args.flag("election") ? args.get("election") : args.get("into");
  std::string base_text, csv_text;
  if (!read_file(base_path, base_text))
    return std::fprintf(stderr, "sandik: cannot read %s\n", base_path.c_str()), kUsage;
  if (!read_file(args.positional[0], csv_text))
    return std::fprintf(stderr, "sandik: cannot read %s\n", args.positional[0].c_str()), kUsage;
  sandik::adapters::Builder feed;
  sandik::Problems problems;
  sandik::adapters::load(feed, base_text, base_path, problems);
  if (!problems.empty()) print_problems(problems);
  if (std::any_of(problems.begin(), problems.end(),
                  [](const auto& p) { return p.severity == sandik::Severity::Error; }))
    return kInvalid;

  sandik::CsvImportOptions opt;
  opt.race = args.get("race");
  opt.source = args.get("source");
  opt.source_name = args.get("source-name");
  opt.source_kind = args.get("source-kind");
  if (!opt.source_kind.empty() && opt.source_kind != "agency" && opt.source_kind != "authority" &&
      opt.source_kind != "party")
    return usage("--source-kind takes agency, authority or party");
  opt.area = args.get("area");
  opt.area_level = args.get("area-level");
  opt.label = args.get("label");
  opt.status = args.get("status");
  const std::string as = args.get("as", "results");
  if (as == "results")
    opt.target = sandik::ImportTarget::Results;
  else if (as == "history")
    opt.target = sandik::ImportTarget::History;
  else if (as == "previous")
    opt.target = sandik::ImportTarget::Previous;
  else if (as == "declare")
    opt.target = sandik::ImportTarget::Declare;
  else
    return usage("--as takes results, history, previous or declare");
  if (!opt.status.empty() && opt.status != "live" && opt.status != "test" && opt.status != "final")
    return usage("--status takes live, test or final");
  for (const auto& [name, list] :
       {std::pair{"where", &opt.where}, std::pair{"map", &opt.map}, std::pair{"share", &opt.shares}}) {
    for (const std::string& kv : args.all(name)) {
      const std::size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) return usage(std::string("--") + name + " takes NAME=VALUE, got " + kv);
      list->emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    }
  }
  std::string csv_error;
  const auto table = sandik::parse_csv(csv_text, csv_error);
  if (!table) return print_line(stderr, args.positional[0] + ": " + csv_error), kInvalid;
  const sandik::ImportReport report = sandik::import_csv(feed, *table, opt);
  if (!report.ok) return print_line(stderr, args.positional[0] + ": " + report.error), kInvalid;
  if (report.rows_skipped > 0)
    std::fprintf(stderr, "%s: note: %zu rows without a candidate (\"others\") left out; their votes stay in valid\n",
                 args.positional[0].c_str(), report.rows_skipped);

  const std::string out = feed.write();
  sandik::ParseOptions popt;
  popt.max_bytes = 512u << 20;
  const sandik::ParsedFeed check = sandik::parse_feed(out, popt);
  print_problems(check.problems);  // the result must itself be a valid feed
  if (!check.ok()) return kInvalid;
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

}  // namespace sandik::cli
