#!/usr/bin/python3
"""docs/feed.schema.json and `sandik validate` agree: both accept tests/data/schema/valid-*.json
and both reject tests/data/schema/invalid-*.json.   schema_check.py path/to/sandik REPO"""
import glob
import json
import os
import subprocess
import sys

import jsonschema

sandik, root = sys.argv[1], sys.argv[2]
schema = json.load(open(os.path.join(root, "docs/feed.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0
for path in sorted(glob.glob(os.path.join(root, "tests/data/schema/*.json"))):
    name = os.path.basename(path)
    want_valid = name.startswith("valid-")
    doc = json.load(open(path, encoding="utf-8"))
    schema_ok = not list(validator.iter_errors(doc))
    cli = subprocess.run([sandik, "validate", path], capture_output=True, text=True)
    cli_ok = cli.returncode == 0
    if schema_ok == want_valid and cli_ok == want_valid and cli.returncode in (0, 1):
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: schema {'accepts' if schema_ok else 'rejects'}, "
              f"sandik validate exits {cli.returncode}: {cli.stderr.strip()[:200]}")
print(f"schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
