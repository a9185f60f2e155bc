#!/usr/bin/env python3
"""Builds data/sample/vladivostok.warc.gz: a small WARC/1.1 crawl of two
pages about the April 2019 Kim Jong-un / Vladimir Putin summit, written for
Veille by its developers (no third-party text), as a crawler would store
them: warcinfo, request/response pairs (one body chunked and gzipped), a
robots.txt, a 404, a metadata and a revisit record; one gzip member per
record. Deterministic (fixed dates, record ids and gzip mtime).
Usage: tools/make_sample_warc.py [OUTPUT]"""
import gzip
import io
import sys
import uuid

PAGE_A = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Vladivostok : premier sommet entre Kim Jong-un et Vladimir Poutine - La Gazette de Primorié</title>
<meta property="og:site_name" content="La Gazette de Primorié">
<meta name="author" content="Igor Lebedev">
<meta property="article:published_time" content="2019-04-25T20:00:00+10:00">
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/region">Région</a> <a href="/monde">Monde</a></nav></header>
<article>
<h1>Vladivostok : premier sommet entre Kim Jong-un et Vladimir Poutine</h1>
<p class="byline">Par Igor Lebedev, le 25 avril 2019</p>
<p>Les deux dirigeants se sont retrouvés jeudi matin sur l'île Rousski, dans les bâtiments de l'université fédérale d'Extrême-Orient. Après une poignée de main devant les photographes, ils ont parlé près de deux heures en tête-à-tête, puis ont poursuivi avec leurs délégations.</p>
<p>Au centre des discussions figurait le programme nucléaire nord-coréen, au point mort depuis l'échec de la rencontre de Hanoï entre Kim Jong-un et Donald Trump, en février. Le président russe a expliqué que Pyongyang attendait des garanties de sécurité avant tout désarmement.</p>
<p>Dans les rues de Vladivostok, la visite a surtout été vécue comme une curiosité. Des habitants se sont postés le long de l'itinéraire du cortège pour apercevoir la limousine du dirigeant nord-coréen.</p>
</article>
<aside><h2>À lire aussi</h2><ul><li><a href="/port">Le port de commerce bat un record</a></li><li><a href="/meteo">Printemps tardif dans le Primorié</a></li></ul></aside>
<footer><p>© La Gazette de Primorié. Tous droits réservés.</p></footer>
</body></html>
"""

PAGE_B = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Fin de visite pour Kim Jong-un - La Gazette de Primorié</title>
<meta name="author" content="Igor Lebedev">
<meta property="article:published_time" content="2019-04-26T17:00:00+10:00">
</head><body>
<nav><a href="/">Accueil</a> <a href="/region">Région</a></nav>
<main><article>
<h1>Fin de visite pour Kim Jong-un</h1>
<p>Le dirigeant nord-coréen a consacré sa dernière journée en Russie à une cérémonie au mémorial de la flotte du Pacifique, où il a déposé une gerbe, avant de visiter une église orthodoxe du centre-ville.</p>
<p>Son train a quitté Vladivostok en fin d'après-midi en direction de la frontière. La délégation nord-coréenne n'a fait aucune déclaration publique sur les suites concrètes du sommet.</p>
<p>Côté russe, on insiste sur le caractère « constructif » des entretiens et sur l'invitation adressée à Vladimir Poutine pour une visite à Pyongyang, sans date fixée.</p>
</article></main>
<div class="newsletter">Recevez notre lettre d'information chaque matin.</div>
</body></html>
"""


def record_id(n):
    return "<urn:uuid:%s>" % uuid.UUID(int=0x5E11E000 + n)


def record(n, warc_type, date, block, content_type, uri=None, extra=()):
    head = ["WARC/1.1", "WARC-Type: " + warc_type, "WARC-Record-ID: " + record_id(n),
            "WARC-Date: " + date]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head.extend(extra)
    head.append("Content-Type: " + content_type)
    head.append("Content-Length: %d" % len(block))
    data = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
        gz.write(data)
    return out.getvalue()


def http_response(status, reason, headers, body):
    lines = ["HTTP/1.1 %d %s" % (status, reason)] + ["%s: %s" % h for h in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def http_request(path):
    return ("GET %s HTTP/1.1\r\nHost: gazette-primorie.example\r\n"
            "User-Agent: Veille-sample-crawler/1.0\r\n\r\n" % path).encode()


def chunked(data, size=300):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "data/sample/vladivostok.warc.gz"
    site = "https://gazette-primorie.example"
    records = []
    n = 0

    def add(*args, **kwargs):
        nonlocal n
        n += 1
        records.append(record(n, *args, **kwargs))

    add("warcinfo", "2019-04-26T10:00:00Z",
        b"software: tools/make_sample_warc.py\r\nformat: WARC File Format 1.1\r\n"
        b"description: Veille sample crawl (written by the Veille developers)\r\n",
        "application/warc-fields")
    add("request", "2019-04-26T10:00:01Z", http_request("/robots.txt"),
        "application/http; msgtype=request", site + "/robots.txt")
    add("response", "2019-04-26T10:00:01Z",
        http_response(200, "OK", [("Content-Type", "text/plain")], b"User-agent: *\nAllow: /\n"),
        "application/http; msgtype=response", site + "/robots.txt")
    add("request", "2019-04-26T10:00:02Z", http_request("/2019/04/25/premier-sommet"),
        "application/http; msgtype=request", site + "/2019/04/25/premier-sommet")
    add("response", "2019-04-26T10:00:02Z",
        http_response(200, "OK", [("Content-Type", "text/html; charset=utf-8"),
                                  ("Last-Modified", "Thu, 25 Apr 2019 10:00:00 GMT")],
                      PAGE_A.encode()),
        "application/http; msgtype=response", site + "/2019/04/25/premier-sommet")
    add("metadata", "2019-04-26T10:00:02Z", b"outlink: %s/port\r\n" % site.encode(),
        "application/warc-fields", site + "/2019/04/25/premier-sommet")
    body_b = io.BytesIO()
    with gzip.GzipFile(fileobj=body_b, mode="wb", mtime=0) as gz:
        gz.write(PAGE_B.encode())
    add("response", "2019-04-26T10:00:03Z",
        http_response(200, "OK", [("Content-Type", "text/html; charset=utf-8"),
                                  ("Content-Encoding", "gzip"),
                                  ("Transfer-Encoding", "chunked")],
                      chunked(body_b.getvalue())),
        "application/http; msgtype=response", site + "/2019/04/26/fin-de-visite")
    add("response", "2019-04-26T10:00:04Z",
        http_response(404, "Not Found", [("Content-Type", "text/html")],
                      b"<html><body><p>Page introuvable</p></body></html>"),
        "application/http; msgtype=response", site + "/2019/04/26/absente")
    add("revisit", "2019-04-26T11:00:00Z",
        http_response(200, "OK", [("Content-Type", "text/html; charset=utf-8")], b""),
        "application/http; msgtype=response", site + "/2019/04/25/premier-sommet",
        extra=("WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
               "WARC-Refers-To: " + record_id(5)))
    with open(output, "wb") as f:
        f.write(b"".join(records))


if __name__ == "__main__":
    main()
