#!/usr/bin/python3
"""Makes dist/: sandik.js = the Emscripten glue, the JSON both sides read (design.json as DESIGN,
protocol.json as PROTOCOL) and the loader's modules in one closure (the page gets one global,
`Sandik`), sandik.wasm beside it.

The glue's CommonJS/AMD export lines are removed: on a page with RequireJS an anonymous
define() would throw. With --terser (npm's terser, from package.json), the whole script is
minified: every reader downloads it, and the loader is written to be read by people."""
import argparse
import json
import os
import re
import shutil
import subprocess

p = argparse.ArgumentParser()
p.add_argument("--glue", required=True)
p.add_argument("--wasm", required=True)
p.add_argument("--convert", help="the agencies' converter module, copied to dist/sandik-convert.wasm")
p.add_argument("--loader", required=True, nargs="+", help="the loader's modules, in order (src/web/loader/*.js)")
p.add_argument("--json", nargs="*", default=[], metavar="NAME=FILE",
               help="JSON both sides read, as `var NAME = …;` before the loader (DESIGN, PROTOCOL)")
p.add_argument("--embed", help="the iframe page, copied to dist/embed.html")
p.add_argument("--out", required=True)
p.add_argument("--terser", help="terser's bin/terser; the script is minified when given and present")
a = p.parse_args()

glue = open(a.glue, encoding="utf-8").read()
glue, n = re.subn(r"\nif \(typeof exports === 'object' && typeof module === 'object'\)\n.*?\n(?:else if .*?\n  exports\[.*?\n)",
                  "\n", glue, flags=re.S)
if n != 1:
    raise SystemExit("bundle.py: the glue's export block was not found; check the Emscripten version")
shared = ""
for spec in a.json:
    name, path = spec.split("=", 1)
    value = json.load(open(path, encoding="utf-8"))
    value.pop("about", None)
    shared += "var %s = %s;\n" % (name, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
loader = shared + "\n".join(open(f, encoding="utf-8").read() for f in a.loader)
os.makedirs(a.out, exist_ok=True)


def ascii_only(text):
    """Non-ASCII as \\uXXXX: the script reads right even from a server that sends no charset."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 128:
            out.append(ch)
        elif code < 0x10000:
            out.append("\\u%04x" % code)
        else:
            code -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
    return "".join(out)


glue, loader = ascii_only(glue), ascii_only(loader)
header = ("/*! sandik: live election results widget - MIT licence.\n"
          "    Includes Dear ImGui (MIT). Text is drawn in the reader's own fonts. */\n")
body = "(function () {\n'use strict';\n" + glue + "\n" + loader + "\n})();\n"
if a.terser and os.path.exists(a.terser):
    body = subprocess.run(["node", a.terser, "--compress", "passes=2", "--mangle", "--format", "ascii_only=true"],
                          input=body, capture_output=True, text=True, check=True).stdout
with open(os.path.join(a.out, "sandik.js"), "w", encoding="utf-8") as f:
    f.write(header)
    f.write(body)
shutil.copyfile(a.wasm, os.path.join(a.out, "sandik.wasm"))
if a.convert:
    shutil.copyfile(a.convert, os.path.join(a.out, "sandik-convert.wasm"))
if a.embed:
    shutil.copyfile(a.embed, os.path.join(a.out, "embed.html"))
    # The feeds embed.html may show besides its own origin's: none until the newsroom lists them
    # (a list already there is the newsroom's and stays).
    allow = os.path.join(a.out, "embed-feeds.json")
    if not os.path.exists(allow):
        with open(allow, "w", encoding="utf-8") as f:
            f.write('{"feeds": []}\n')
