#!/usr/bin/python3
"""Makes a C++ header of the JSON files both sides read (src/ui/design.json, src/web/protocol.json):
one constexpr per leaf, named by its path (design::palette::light::background). Colours become
0xRRGGBB. tools/bundle.py puts the same files in dist/sandik.js for the loader."""
import json
import sys


def emit(out, name, value, depth):
    pad = "  " * depth
    if isinstance(value, dict):
        out.append(f"{pad}namespace {name} {{")
        for k, v in value.items():
            if k != "about":
                emit(out, k, v, depth + 1)
        out.append(f"{pad}}}  // namespace {name}")
    elif isinstance(value, str) and value.startswith("#") and len(value) == 7:
        out.append(f"{pad}inline constexpr std::uint32_t {name} = 0x{value[1:].upper()};")
    elif isinstance(value, bool):
        out.append(f"{pad}inline constexpr bool {name} = {'true' if value else 'false'};")
    elif isinstance(value, int):
        out.append(f"{pad}inline constexpr int {name} = {value};")
    else:
        raise SystemExit(f"constants.py: {name}: only colours, whole numbers and objects")


out_path, sources = sys.argv[1], sys.argv[2:]
lines = ["// Made by tools/constants.py from " + ", ".join(s.split("/src/")[-1] for s in sources) + ": do not edit.",
         "#pragma once", "", "#include <cstdint>", "", "namespace sandik {"]
for src in sources:
    name = src.rsplit("/", 1)[-1].split(".")[0]
    emit(lines, name, json.load(open(src, encoding="utf-8")), 0)
lines += ["}  // namespace sandik", ""]
text = "\n".join(lines)
try:
    if open(out_path, encoding="utf-8").read() == text:
        sys.exit(0)
except OSError:
    pass
open(out_path, "w", encoding="utf-8").write(text)
