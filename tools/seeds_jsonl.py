#!/usr/bin/env python3
"""Writes the seed pages as a JSONL stream with their publication dates.

The flattened seed pages (data/sample/seeds/NNN_*.txt) lost their dates; the
project's users gave them (data/sample/seed_dates.tsv). Each output record is
{"text": <the page's lines>, "published": <date>, "input": <file name>}, so
that `veille ingest` extracts the page as it would the text file and resolves
"jeudi" or "l'an dernier" against the right day.
Usage: tools/seeds_jsonl.py SEEDS_DIR DATES_TSV OUT.jsonl
"""
import json
import os
import sys


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    seeds_dir, dates_path, out_path = sys.argv[1:]
    dates = {}
    with open(dates_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, date = line.split("\t")
            dates[key] = date
    with open(out_path, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(seeds_dir)):
            key = name[:3]
            if not name.endswith(".txt") or key not in dates:
                continue
            with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
                text = f.read()
            out.write(json.dumps({"text": text, "published": dates[key], "input": name},
                                 ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
