#!/usr/bin/python3
"""Makes dist/: sandik.js = the Emscripten glue and the loader in one closure (the page gets one
global, `Sandik`), sandik.wasm beside it.

The glue's CommonJS/AMD export lines are removed: on a page with RequireJS an anonymous
define() would throw."""
import argparse
import os
import re
import shutil

p = argparse.ArgumentParser()
p.add_argument("--glue", required=True)
p.add_argument("--wasm", required=True)
p.add_argument("--loader", required=True)
p.add_argument("--out", required=True)
a = p.parse_args()

glue = open(a.glue, encoding="utf-8").read()
glue, n = re.subn(r"\nif \(typeof exports === 'object' && typeof module === 'object'\)\n.*?\n(?:else if .*?\n  exports\[.*?\n)",
                  "\n", glue, flags=re.S)
if n != 1:
    raise SystemExit("bundle.py: the glue's export block was not found; check the Emscripten version")
loader = open(a.loader, encoding="utf-8").read()
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
with open(os.path.join(a.out, "sandik.js"), "w", encoding="utf-8") as f:
    f.write("/* sandik — live election results widget. https://example.org/sandik — MIT licence.\n"
            "   Includes Dear ImGui (MIT), nlohmann/json (MIT), Noto Sans (SIL OFL 1.1). */\n")
    f.write("(function () {\n'use strict';\n")
    f.write(glue)
    f.write("\n")
    f.write(loader)
    f.write("\n})();\n")
shutil.copyfile(a.wasm, os.path.join(a.out, "sandik.wasm"))
