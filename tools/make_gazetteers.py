#!/usr/bin/env python3
"""Builds data/gazetteers/ from Debian data files (see data/gazetteers/README.md).

Sources (Debian 12 packages; install with scripts/install-deps):
  iso-codes          /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json
                     (subdivisions: regions, provinces, départements) and the
                     translations /usr/share/locale/*/LC_MESSAGES/iso_3166-1.mo
  unicode-cldr-core  /usr/share/unicode/cldr/common/main/<lang>.xml: territory
                     names and time-zone exemplar cities
  hunspell-fr        /usr/share/hunspell/fr_FR.dic: morphological tags
                     po:prn (first name), po:patr (surname), po:npr (proper noun)

Outputs (UTF-8, one entry a line, sorted, '#' comment header):
  places.tsv         name<TAB>kind<TAB>id<TAB>lang   kind: country | city | region
                     id is language independent (country:RU, city:Europe/Moscow),
                     so "Moscou" and "Moscow" share one id.
  first_names.txt    French-dictionary first names
  surnames.txt       French-dictionary surnames
  proper_nouns.txt   other proper nouns of the French dictionary (places, brands,
                     organisations; untyped), minus those already in places.tsv
  common_words.txt   lowercase dictionary stems (nouns, adjectives, verbs,
                     adverbs, grammatical words): a capitalised word found here
                     is a common word, not a name, unless other evidence says so

Usage: tools/make_gazetteers.py [OUT_DIR]   (default: data/gazetteers)
"""
import gettext
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO2_JSON = "/usr/share/iso-codes/json/iso_3166-2.json"
LOCALE_DIR = "/usr/share/locale"
CLDR_MAIN = "/usr/share/unicode/cldr/common/main"
HUNSPELL_FR = "/usr/share/hunspell/fr_FR.dic"
LANGS = ["en", "fr", "de", "es", "it", "pt", "nl", "ru"]


def clean(name):
    name = name.strip()
    # iso-codes sorts some names as "Korea, Republic of": not a text form.
    if "," in name or "(" in name or not name:
        return None
    return name


def countries():
    rows = set()
    data = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    for lang in LANGS:
        tr = None
        if lang != "en":
            try:
                tr = gettext.translation("iso_3166-1", localedir=LOCALE_DIR, languages=[lang])
            except OSError:
                tr = None
        for c in data:
            for field in ("name", "common_name", "official_name"):
                if field not in c:
                    continue
                name = c[field] if tr is None else tr.gettext(c[field])
                if lang != "en" and tr is not None and name == c[field]:
                    continue  # untranslated
                name = clean(name)
                if name:
                    rows.add((name, "country", "country:" + c["alpha_2"], lang))
    # CLDR gives the common short forms ("Corée du Nord", "Russie").
    iso2 = {c["alpha_2"] for c in data}
    for lang in LANGS:
        path = os.path.join(CLDR_MAIN, lang + ".xml")
        root = ET.parse(path).getroot()
        for t in root.iter("territory"):
            code = t.get("type")
            if code in iso2 and t.text and clean(t.text):
                rows.add((clean(t.text), "country", "country:" + code, lang))
        for z in root.iter("zone"):
            city = z.find("exemplarCity")
            if city is not None and city.text and clean(city.text):
                rows.add((clean(city.text), "city", "city:" + z.get("type"), lang))
    # English exemplar cities are mostly implied by the zone id itself.
    root = ET.parse(os.path.join(CLDR_MAIN, "fr.xml")).getroot()
    for z in root.iter("zone"):
        zid = z.get("type")
        if zid and "/" in zid and not zid.startswith("Etc/"):
            rows.add((zid.rsplit("/", 1)[1].replace("_", " "), "city", "city:" + zid, "en"))
    # Subdivisions (regions, provinces, French départements), in their own
    # language as iso-codes gives them ("Aisne", "Haute-Saône", "Bayern").
    for sub in json.load(open(ISO2_JSON, encoding="utf-8"))["3166-2"]:
        name = clean(sub["name"])
        if name:
            rows.add((name, "region", "region:" + sub["code"], "local"))
    return rows


def hunspell():
    first, sur, proper, common = set(), set(), set(), set()
    with open(HUNSPELL_FR, encoding="utf-8") as f:
        next(f)  # entry count
        for line in f:
            m = re.match(r"([^/\s]+)(?:/\S*)?\s*(.*)", line.rstrip("\n"))
            if not m:
                continue
            word, tags = m.group(1), m.group(2)
            if "po:prn" in tags:
                first.add(word)
            elif "po:patr" in tags:
                sur.add(word)
            elif "po:npr" in tags:
                proper.add(word)
            elif word[:1].islower() and "po:" in tags:
                common.add(word)
    return first, sur, proper, common


def write(path, header, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for line in sorted(lines):
            f.write(line + "\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "data/gazetteers"
    os.makedirs(out, exist_ok=True)
    places = countries()
    write(os.path.join(out, "places.tsv"),
          "# name\tkind\tid\tlang -- generated by tools/make_gazetteers.py from iso-codes "
          "and unicode-cldr-core; see README.md\n",
          ["\t".join(r) for r in places])
    first, sur, proper, common = hunspell()
    place_names = {r[0] for r in places}
    note = " -- generated by tools/make_gazetteers.py from hunspell-fr fr_FR.dic (MPL-2.0)\n"
    write(os.path.join(out, "first_names.txt"), "# first names (po:prn)" + note, first)
    write(os.path.join(out, "surnames.txt"), "# surnames (po:patr)" + note, sur)
    write(os.path.join(out, "proper_nouns.txt"), "# proper nouns (po:npr)" + note,
          proper - place_names)
    write(os.path.join(out, "common_words.txt"), "# common words (lowercase stems)" + note,
          common)
    print(f"places {len(places)}, first names {len(first)}, surnames {len(sur)}, "
          f"proper nouns {len(proper - place_names)}, common words {len(common)}")


if __name__ == "__main__":
    main()
