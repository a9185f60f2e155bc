"""The two benchmarks' own metrics, re-implemented from their descriptions.

Zyte article-extraction-benchmark (evaluate.py upstream): the text is cut into
tokens by the regular expression \\w+ (Python's Unicode word characters, no
lower-casing), tokens into overlapping shingles of 4 (a text shorter than 4
tokens gives one shorter shingle; an empty text none). Per page, the shingle
multisets of gold and prediction give TP = sum of min counts, FP and FN the
surpluses; the three are divided by their sum so that every page weighs the
same. Precision is averaged over pages with TP+FP > 0, recall over pages with
TP+FN > 0 (a page with FP = FN = 0 scores 1 on both); F1 is the harmonic mean
of the two averages.

Trafilatura corpus (tests/eval_common.py upstream): gold and output are
whitespace-normalised (runs of white space to one space, stripped); each
"with" segment contained in the output is a TP, else a FN; each "without"
segment contained is a FP, else a TN; P, R and F over the summed counts of all
pages.
"""
import re
from collections import Counter

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text, n=4):
    tokens = _TOKEN_RE.findall(text or "")
    out = []
    for i in range(0, max(1, len(tokens) - n + 1)):
        s = tuple(tokens[i:i + n])
        if s:
            out.append(s)
    return Counter(out)


def zyte_page(true, pred):
    """(tp, fp, fn) of one page, normalised to sum to 1 (or all 0)."""
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def zyte_scores(pages):
    """pages: list of (tp, fp, fn). Returns (precision, recall, f1)."""
    ps = [_precision(*x) for x in pages if x[0] + x[1] > 0]
    rs = [_recall(*x) for x in pages if x[0] + x[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def traf_page(item, result):
    """(tp, fp, fn, tn) of one page; result None counts as a full miss."""
    if isinstance(result, str):
        resn = norm(result)
        tp = sum(1 for w in item["with"] if norm(w) in resn)
        fp = sum(1 for w in item["without"] if norm(w) in resn)
    else:
        tp = fp = 0
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def traf_scores(counts):
    """counts: list of (tp, fp, fn, tn). Returns (precision, recall, f)."""
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return p, r, f


def norm_title(s):
    return norm(s or "").casefold()


_AUTHOR_SEP = re.compile(r"\s*(?:;|\||&|\band\b|\bund\b|\bet\b|\by\b)\s*|,\s+(?!(?:phd|md|jr)\b)", re.I)


def _names(s):
    names = s if isinstance(s, list) else _AUTHOR_SEP.split(s or "")
    return {norm_title(n) for n in names if n and n.strip()}


def author_exact(gold, pred):
    """Same set of names (a gold list, or names joined by , ; & and/und/et/y)."""
    return bool(pred) and _names(gold) == _names(pred)


def author_overlap(gold, pred):
    """Every gold name inside the prediction, or the prediction inside the gold."""
    p = norm_title(pred)
    if not p:
        return False
    g = _names(gold)
    return all(n in p for n in g) or p in norm_title(", ".join(sorted(g)))
