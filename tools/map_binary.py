#!/usr/bin/python3
"""Writes a map asset (assets/maps/ID.json, docs/maps.md) as the widget fetches it: the same
content in a flat binary (dist/maps/ID.bin) that the wasm reads with a few lines of code instead
of a JSON schema reader (src/core/map.cpp, read_map_binary). Little-endian:

  "SDKMAP1\\0"
  str id, title tr, title en, parent name, parent code, credit, license, source
  f32 width, height; u16 tile columns, tile rows, shapes
  each shape: str name, code, short; f32 label x, y; i16 tile column, row;
              u16 neighbours, u16 × neighbours;
              u32 n, u16 × n: the points' x, y (whole map units);
              u16 n, u16 × n: the rings' first point and count;
              u32 n, u16 × n: the triangles' point indices
  str: u16 length, UTF-8 bytes

  map_binary.py IN.json OUT.bin
"""
import json
import struct
import sys


def text(s):
    b = (s or "").encode("utf-8")
    return struct.pack("<H", len(b)) + b


def whole(v, what):
    if v != int(v) or not 0 <= v < 65536:
        raise SystemExit(f"map_binary.py: {what}: {v} is not a whole number of map units below 65,536")
    return int(v)


def main(src, out):
    m = json.load(open(src, encoding="utf-8"))
    title = m.get("title") or {}
    if isinstance(title, str):
        title = {"tr": title, "en": title}
    b = bytearray(b"SDKMAP1\0")
    for s in (m["id"], title.get("tr"), title.get("en"), m["parent"]["name"], m["parent"].get("code"),
              m["credit"], m.get("license"), m.get("source")):
        b += text(s)
    tiles = m.get("tiles") or [0, 0]
    b += struct.pack("<ffHHH", m["size"][0], m["size"][1], tiles[0], tiles[1], len(m["shapes"]))
    for i, s in enumerate(m["shapes"]):
        b += text(s["name"]) + text(s.get("code")) + text(s.get("short"))
        tile = s.get("tile") or [-1, -1]
        b += struct.pack("<ffhh", s["label"][0], s["label"][1], tile[0], tile[1])
        b += struct.pack("<H", len(s["neighbors"])) + struct.pack(f"<{len(s['neighbors'])}H", *s["neighbors"])
        v = [whole(x, f"shapes[{i}].vertices") for x in s["vertices"]]
        b += struct.pack("<I", len(v)) + struct.pack(f"<{len(v)}H", *v)
        b += struct.pack("<H", 2 * len(s["rings"]))
        for first, count in s["rings"]:
            b += struct.pack("<HH", first, count)
        b += struct.pack("<I", len(s["triangles"])) + struct.pack(f"<{len(s['triangles'])}H", *s["triangles"])
    open(out, "wb").write(bytes(b))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
