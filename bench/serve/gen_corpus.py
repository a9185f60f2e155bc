#!/usr/bin/env python3
"""Writes N JSONL articles replayed from the tgcontest article pairs under
$VEILLE_SHARED_DIR (or ../shared/data): each replay shifts the URL (a new id),
the publication time (by whole days per round, plus minutes within a round),
keeps a seeded random 80-100% of the sentences, so that replays are near
copies spread in time rather than byte-identical. Deterministic (seed 42).
Usage: gen_corpus.py N OUT.jsonl"""
import csv, json, random, re, sys, os, glob
from datetime import datetime, timedelta, timezone

n = int(sys.argv[1]); out = sys.argv[2]
shared = os.environ.get("VEILLE_SHARED_DIR", os.path.join(os.path.dirname(__file__), "../../../shared"))
csv.field_size_limit(1 << 30)
base = {}
for path in sorted(glob.glob(os.path.join(shared, "data/tgcontest_clustering_pairs/*.tsv"))):
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for u, t, ti in (("INPUT:first_url", "INPUT:first_text", "INPUT:first_title"),
                             ("INPUT:second_url", "INPUT:second_text", "INPUT:second_title")):
                if row.get(t) and row.get(u):
                    base[row[u]] = (row.get(ti) or "", row[t])
if not base:
    sys.exit("gen_corpus: no tgcontest data under " + shared)
docs = sorted(base.items())
rng = random.Random(42)
start = datetime(2020, 1, 1, tzinfo=timezone.utc)
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        rnd, k = divmod(i, len(docs))
        url, (title, text) = docs[k]
        sentences = re.split(r"(?<=[.!?])\s+", text)
        kept = [s for s in sentences if rng.random() < 0.9] or sentences[:1]
        when = start + timedelta(days=3 * rnd, minutes=rng.randrange(0, 3 * 24 * 60))
        host = re.sub(r"^https?://([^/]+).*", r"\1", url)
        f.write(json.dumps({
            "url": f"{url}{'&' if '?' in url else '?'}replay={rnd}",
            "title": title, "text": " ".join(kept), "site": host,
            "published": when.strftime("%Y-%m-%dT%H:%M:%SZ")}, ensure_ascii=False) + "\n")
