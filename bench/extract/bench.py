"""bench/extract/run's body (see run for what it measures)."""
import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "eval", "extract"))
from score import decode_html  # noqa: E402


def corpus(data):
    base = os.path.join(data, "trafilatura_eval")
    with open(os.path.join(base, "evaldata.json"), encoding="utf-8") as f:
        items = json.load(f)
    paths = []
    for item in items.values():
        for sub in ("cache", "eval"):
            p = os.path.join(base, sub, item["file"] + ".gz")
            if os.path.isfile(p):
                paths.append(p)
                break
    return paths


def run_veille(veille, shares):
    """Runs one `veille extract` per share at once; (wall seconds, max peak RSS KiB)."""
    procs = []
    t0 = time.perf_counter()
    for share in shares:
        procs.append(subprocess.Popen(["/usr/bin/time", "-f", "%M", veille, "extract", "--"] + share,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    rss = 0
    for p in procs:
        err = p.communicate()[1].decode().strip().splitlines()
        if p.returncode not in (0, 3):
            sys.exit(f"bench/extract: veille exited {p.returncode}: {err[-3:]}")
        rss = max(rss, int(err[-1]))
    return time.perf_counter() - t0, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--veille")
    ap.add_argument("--repeat", type=int, default=3, help="veille runs per setting; the best is kept")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    veille = os.path.abspath(args.veille or os.path.join(args.root, "build/release/veille"))
    paths = corpus(os.path.join(args.root, "..", "shared", "data"))
    mb = sum(len(gzip.open(p).read()) for p in paths) / 1e6
    n, cores = len(paths), os.cpu_count() or 1
    print(f"trafilatura corpus: {n} pages, {mb:.1f} MB of HTML; {cores} cores; veille = {veille}")
    results = {}
    for label, k in (("1 core", 1), (f"{cores} cores", cores)):
        shares = [paths[i::k] for i in range(k)]
        best = min(run_veille(veille, shares) for _ in range(args.repeat))
        secs, rss = best
        results[label] = n / secs
        print(f"  veille extract, {label:<8} {n / secs:7.0f} pages/s  {mb / secs:6.1f} MB/s"
              f"  peak RSS {rss / 1024:.0f} MiB per process  ({secs:.2f} s, best of {args.repeat})")
    if args.no_baseline:
        return
    from readability import Document
    pages = []
    for p in paths:
        with gzip.open(p, "rb") as f:
            pages.append(f.read())
    t0 = time.perf_counter()
    failed = 0
    for raw in pages:
        try:
            Document(decode_html(raw)).summary()
        except Exception:  # noqa: BLE001 -- a failing page still costs its time
            failed += 1
    secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rl = n / secs
    print(f"  readability-lxml, 1 core {rl:7.1f} pages/s  {mb / secs:6.2f} MB/s  peak RSS {rss / 1024:.0f} MiB"
          f"  ({secs:.1f} s, {failed} pages failed; decode + Document().summary())")
    print(f"  ratio veille/readability-lxml on 1 core: {results['1 core'] / rl:.1f}x")


if __name__ == "__main__":
    main()
