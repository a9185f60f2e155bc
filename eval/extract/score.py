"""eval/extract/run's body: runs `veille extract` over the benchmarks and prints
the scores (see metrics.py for the metrics and run for the usage)."""
import argparse
import codecs
import concurrent.futures
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics  # noqa: E402

W3M = ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "2000",
       "-o", "display_link_number=0"]
CHECK = {"trafilatura": (0.959, 0.942, 0.976), "readability_js": (0.945, 0.909, 0.983)}
TRAF_PUBLISHED = [("trafilatura 2.2.0", 0.906, 0.943, 0.924), ("justext (custom)", None, None, 0.862),
                  ("readability-lxml", None, None, 0.826), ("html_text", None, None, 0.691)]


def run_veille(veille, paths, fmt=None):
    """{input path: extract JSON} for every path, from one `veille extract` run."""
    cmd = [veille, "extract"] + (["--format", fmt] if fmt else []) + ["--"] + paths
    t0 = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout
    secs = time.perf_counter() - t0
    res = {}
    for line in out.decode("utf-8").split("\n"):
        if line.strip():
            j = json.loads(line)
            res[j["input"]] = j
    return res, secs


_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.I)


def decode_html(raw):
    """The page as text, decoded the way a browser would: BOM, then a <meta>
    charset, then UTF-8 if valid, else windows-1252."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, "replace")
    m = _META_CHARSET.search(raw[:8192])
    if m:
        label = m.group(1).decode("ascii", "ignore").lower()
        if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
            label = "cp1252"
        try:
            if codecs.lookup(label).name != "utf-8":
                return raw.decode(label, "replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def w3m_dump(job):
    src, dst = job
    if os.path.exists(dst):
        return
    with gzip.open(src, "rb") as f:
        html = decode_html(f.read())
    # The page is now UTF-8: say so to w3m, and drop the page's own label.
    html = re.sub(r"(<meta[^>]*?charset\s*=\s*[\"']?\s*)[A-Za-z0-9_:.\-]+", r"\1utf-8", html,
                  count=2, flags=re.I)
    out = subprocess.run(W3M, input=html.encode("utf-8"), stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, timeout=120).stdout
    tmp = dst + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, dst)


def make_dumps(cache, pages):
    """pages: {key: html.gz path}. Returns {key: dump path}, made in parallel."""
    tag = hashlib.sha1(" ".join(W3M).encode()).hexdigest()[:8]
    d = os.path.join(cache, "w3m-" + tag)
    os.makedirs(d, exist_ok=True)
    dumps = {k: os.path.join(d, hashlib.sha1(p.encode()).hexdigest()[:16] + ".txt")
             for k, p in pages.items()}
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        list(ex.map(w3m_dump, [(pages[k], dumps[k]) for k in pages]))
    return dumps


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


def row(name, p, r, f, extra=""):
    fmt = lambda x: "  -  " if x is None else f"{x:.3f}"  # noqa: E731
    print(f"  {name:<28} P {fmt(p)}  R {fmt(r)}  F1 {fmt(f)}{extra}")


def zyte(args, details):
    base = os.path.join(args.data, "zyte_article_extraction_benchmark")
    with open(os.path.join(base, "ground-truth.json"), encoding="utf-8") as f:
        gold = json.load(f)
    pages = {k: os.path.join(base, "html", k + ".html.gz") for k in gold}
    print(f"== Zyte article-extraction-benchmark: {len(gold)} pages, shingle metric (4-token shingles, \\w+)")
    res, secs = run_veille(args.veille, list(pages.values()))
    pred = {k: (res.get(p) or {}).get("text", "") for k, p in pages.items()}
    per = {k: metrics.zyte_page(gold[k]["articleBody"], pred[k]) for k in gold}
    row("veille", *metrics.zyte_scores(list(per.values())), f"   ({len(gold) / secs:.0f} pages/s incl. process start)")
    details["zyte"] = {k: {"tp_fp_fn": per[k], "file": pages[k]} for k in gold}
    scored = {}
    outdir = os.path.join(base, "output")
    for fn in sorted(os.listdir(outdir)):
        name = fn.split(".json")[0]
        with gzip.open(os.path.join(outdir, fn), "rt", encoding="utf-8") as f:
            out = json.load(f)
        out = out.get("output", out) if "output" in out and "version" in out else out
        tp = [metrics.zyte_page(gold[k]["articleBody"], (out.get(k) or {}).get("articleBody", "") or "")
              for k in gold]
        scored[name] = metrics.zyte_scores(tp)
    for name, s in sorted(scored.items(), key=lambda kv: -kv[1][2]):
        row(name + " (shipped output)", *s)
    ok = True
    for name, want in CHECK.items():
        got = scored.get(name)
        good = got is not None and all(abs(g - w) <= 0.002 for g, w in zip((got[2], got[0], got[1]), want))
        ok &= good
        print(f"  metric check: {name} F1/P/R {'%.3f/%.3f/%.3f' % (got[2], got[0], got[1]) if got else 'missing'}"
              f" expected {'%.3f/%.3f/%.3f' % want} ±0.002: {'OK' if good else 'FAILED'}")
    return gold, pages, ok


def traf(args, details):
    base = os.path.join(args.data, "trafilatura_eval")
    with open(os.path.join(base, "evaldata.json"), encoding="utf-8") as f:
        data = json.load(f)
    pages = {}
    for url, item in data.items():
        for sub in ("cache", "eval"):
            p = os.path.join(base, sub, item["file"] + ".gz")
            if os.path.isfile(p):
                pages[url] = p
                break
    nseg = sum(len(v["with"]) + len(v["without"]) for v in data.values())
    print(f"\n== trafilatura evaluation corpus: {len(data)} pages ({len(pages)} found), {nseg} segments,"
          " with/without segment metric")
    res, secs = run_veille(args.veille, list(pages.values()))
    got = {u: res.get(p) for u, p in pages.items()}
    counts = {u: metrics.traf_page(data[u], (got.get(u) or {}).get("text")) for u in data}
    row("veille", *metrics.traf_scores(list(counts.values())), f"   ({len(pages) / secs:.0f} pages/s incl. process start)")
    details["traf"] = {u: {"counts": counts[u], "file": pages.get(u)} for u in data}
    raw = {}
    for u, p in pages.items():
        with gzip.open(p, "rb") as f:
            raw[u] = decode_html(f.read())
    row("raw HTML (everything)", *metrics.traf_scores([metrics.traf_page(data[u], raw.get(u)) for u in data]))
    for name, p, r, f in TRAF_PUBLISHED:
        row(name + " (published, full set)", p, r, f)
    # Metadata, on the pages that label it (empty labels left out).
    def acc(field, same):
        n = hit = 0
        for u, item in data.items():
            want = item.get(field)
            if not want:
                continue
            n += 1
            hit += bool(same(want, (got.get(u) or {}).get({"date": "published"}.get(field, field)) or ""))
        return hit, n
    t = acc("title", lambda w, g: metrics.norm_title(w) == metrics.norm_title(g))
    d = acc("date", lambda w, g: g[:10] == w[:10])
    a = acc("author", metrics.author_exact)
    ap = acc("author", metrics.author_overlap)
    print(f"  metadata: title exact {t[0] / t[1]:.3f} ({t[0]}/{t[1]})  date same-day {d[0] / d[1]:.3f} ({d[0]}/{d[1]})"
          f"  author exact {a[0] / a[1]:.3f} ({a[0]}/{a[1]}), overlapping {ap[0] / ap[1]:.3f}")
    return data, pages


def flattened(args, zgold, zpages, tdata, tpages, details):
    print(f"\n== flattened pages: every page above through `{' '.join(W3M)}`, then `veille extract --format text`")
    dz = make_dumps(args.cache, zpages)
    dt = make_dumps(args.cache, tpages)
    rz, _ = run_veille(args.veille, list(dz.values()), "text")
    rt, secs = run_veille(args.veille, list(dt.values()), "text")
    z = [metrics.zyte_page(zgold[k]["articleBody"], (rz.get(dz[k]) or {}).get("text", "")) for k in zgold]
    zb = [metrics.zyte_page(zgold[k]["articleBody"], read_text(dz[k])) for k in zgold]
    t = [metrics.traf_page(tdata[u], (rt.get(dt[u]) or {}).get("text") if u in dt else None) for u in tdata]
    tb = [metrics.traf_page(tdata[u], read_text(dt[u]) if u in dt else None) for u in tdata]
    print("  Zyte (shingle metric)")
    row("veille --format text", *metrics.zyte_scores(z))
    row("whole w3m dump", *metrics.zyte_scores(zb))
    print("  trafilatura corpus (segment metric)")
    row("veille --format text", *metrics.traf_scores(t), f"   ({len(dt) / secs:.0f} pages/s)")
    row("whole w3m dump", *metrics.traf_scores(tb))
    details["flat"] = {"zyte": {k: (dz[k], s) for k, s in zip(zgold, z)},
                       "traf": {u: (dt.get(u), c) for u, c in zip(tdata, t)}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--veille", help="the veille binary (default: ROOT/build/release/veille)")
    ap.add_argument("--data", help="default: ROOT/../shared/data")
    ap.add_argument("--no-flat", action="store_true", help="skip the w3m flattened-page part")
    ap.add_argument("--details", help="write per-page scores as JSON to this file")
    args = ap.parse_args()
    args.veille = os.path.abspath(args.veille or os.path.join(args.root, "build/release/veille"))
    args.data = args.data or os.path.join(args.root, "..", "shared", "data")
    args.cache = os.environ.get("VEILLE_EVAL_CACHE") or os.path.join(args.root, "build", "eval-extract-cache")
    if not os.access(args.veille, os.X_OK):
        sys.exit(f"eval/extract: no veille binary at {args.veille} (run `make` or pass --veille)")
    details = {}
    zgold, zpages, ok = zyte(args, details)
    tdata, tpages = traf(args, details)
    if not args.no_flat:
        flattened(args, zgold, zpages, tdata, tpages, details)
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            json.dump(details, f, indent=1)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
