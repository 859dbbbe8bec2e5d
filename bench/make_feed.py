#!/usr/bin/env python3
"""A large, valid sandik/1 feed for benchmarks: make_feed.py AREAS CONTESTANTS [DISTRICTS] > feed.json
(the areas spread over DISTRICTS districts — default one per 250 areas — under one city;
deterministic numbers)."""
import json
import random
import sys

areas_n, cands_n = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(31032024)
parties = [{"id": f"P{i}", "name": f"Parti {i}", "short": f"P{i}", "color": "#%06X" % rnd.randrange(1 << 24)}
           for i in range(cands_n)]
cands = [{"id": f"c{i}", "name": f"Aday {i}", "party": f"P{i}"} for i in range(cands_n)]
districts = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, areas_n // 250)
areas = [{"id": "city", "name": "Şehir", "parent": None, "level": "city"}]
areas += [{"id": f"d{d}", "name": f"İlçe {d}", "parent": "city", "level": "district"} for d in range(districts)]
results = {}
for i in range(areas_n):
    aid = f"m{i}"
    boxes = rnd.randrange(5, 60)
    reg = boxes * rnd.randrange(250, 400)
    areas.append({"id": aid, "name": f"Mahalle {i}", "parent": f"d{i % districts}", "level": "neighbourhood",
                  "boxes": boxes, "registered": reg})
    votes = {f"c{k}": rnd.randrange(0, reg // (k + 2) + 1) for k in range(cands_n)}
    valid = sum(votes.values())
    results[aid] = {"boxes_counted": rnd.randrange(0, boxes + 1), "cast": valid + rnd.randrange(0, 50),
                    "valid": valid, "votes": votes}
feed = {"format": "sandik/1", "updated": "2024-03-31T22:35:00+03:00", "status": "live",
        "election": {"id": "bench", "title": "Benchmark", "date": "2024-03-31", "timezone": "Europe/Istanbul"},
        "sources": [{"id": "AA", "name": "Anadolu Ajansı"}], "parties": parties, "areas": areas,
        "races": [{"id": "r", "title": "Başkanlık", "kind": "candidate", "area": "city", "candidates": cands,
                   "results": {"AA": {"updated": "2024-03-31T22:35:00+03:00", "areas": results}}}]}
json.dump(feed, sys.stdout, ensure_ascii=False, separators=(",", ":"))
