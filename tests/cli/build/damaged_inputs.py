#!/usr/bin/env python3
"""Damaged sources and damaged bases are refused (issue 10, points 3 and 4;
issue 9, point 1).

    damaged_inputs.py CARTES FIXTURES

Each case damages a copy of the mini sources (tests/fixtures/mini-sources) or
of the base built from them, runs cartes, and asserts the exit code, the key
words of the message, and that the previous output file is byte-identical.
A renamed copy of the base keeps its scope (stored in the base, not read from
its file name).
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

cartes, fixtures = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="cartes-damaged-")
env = dict(os.environ, CARTES_LOCK_WAIT="2")
env.pop("CARTES_SOURCES", None)
env.pop("CARTES_DATA", None)
# The build reads the mini project tables; the other commands the project's vocabularies.
build_env = dict(env, CARTES_DATA=os.path.join(fixtures, "mini-project-data"))
failures = []

CATALOGUE = """format = 1

[[alliance]]
id = "alpha"
name = "Alliance d’Alpha"
status = "a_loeuvre"
themes = ["mobilite"]
finalites = ["service_habitants"]
temporalite = "10_ans"
intensite = "forte"
tendance = "stable"
since = 2015
scope = "loire-bretagne"
confidence = "sourced"
sources = ["https://example.org/alpha"]

[alliance.portage]
kind = "chef_de_file"
lead = "200000001"

[[alliance.members]]
level = "epci"
code = "200000001"
name = "CA Alpha Métropole"

[[alliance.members]]
level = "commune"
code = "61001"
name = "Zêta"
"""


def run(args):
    p = subprocess.run([cartes] + args, env=build_env if args[0] == "build" else env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def expect(name, args, rc, words, kept=None):
    before = digest(kept) if kept else None
    got, out = run(args)
    last = out.strip().splitlines()[-1] if out.strip() else ""
    problems = []
    if got != rc:
        problems.append(f"exit {got}, expected {rc}")
    problems += [f"no '{w}' in the message" for w in words if w not in out]
    if kept and digest(kept) != before:
        problems.append(f"{kept} changed")
    if kept and any(n.startswith(".") and ".tmp" in n for n in os.listdir(os.path.dirname(kept))):
        problems.append("a temporary file was left")
    if problems:
        failures.append(name)
        print(f"FAIL {name}: {'; '.join(problems)}\n{out}")
    else:
        print(f"ok   {name}: {last}")


sources = os.path.join(tmp, "sources")
shutil.copytree(os.path.join(fixtures, "mini-sources"), sources)
base = os.path.join(tmp, "base.gpkg")
rc, out = run(["build", "--sources", sources, "--out", base])
if rc != 0:
    sys.exit(f"the mini build failed: {out}")
catalogue = os.path.join(tmp, "mini.toml")
with open(catalogue, "w", encoding="utf-8") as f:
    f.write(CATALOGUE)
expect("check on the mini base", ["check", catalogue, "--base", base], 0, ["1 alliance"])

# --- sources (point 3): each damage on a copy, the previous base kept.
dep35 = os.path.join(sources, "raw/mathieulebasic-france-geojson-2024/communes/dep35.geojson")
zonings = os.path.join(sources, "raw/cogugaison-supracom/table_supracom_2024.csv")
pays = os.path.join(sources, "derived/pays_bretagne_epci.csv")


def damaged_source(name, path, change, words):
    with open(path, encoding="utf-8") as f:
        original = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(change(original))
    try:
        expect(name, ["build", "--sources", sources, "--out", base], 4, [os.path.basename(path)] + words, kept=base)
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)


def drop_column(column):
    def change(text):
        rows = [line.split(",") for line in text.splitlines()]
        i = rows[0].index(column)
        return "\n".join(",".join(r[:i] + r[i + 1:]) for r in rows) + "\n"
    return change


def geojson(edit):
    def change(text):
        doc = json.loads(text)
        edit(doc)
        return json.dumps(doc)
    return change


def coordinates(fn):
    def walk(c):
        return fn(c) if isinstance(c[0], (int, float)) else [walk(x) for x in c]
    def edit(doc):
        for feat in doc["features"]:
            feat["geometry"]["coordinates"] = walk(feat["geometry"]["coordinates"])
    return edit


def first_as_point(doc):
    doc["features"][0]["geometry"] = {"type": "Point", "coordinates": [-1.7, 48.1]}


def shift_first(doc):
    def walk(c):
        return [c[0] + 6, c[1]] if isinstance(c[0], (int, float)) else [walk(x) for x in c]
    g = doc["features"][0]["geometry"]
    g["coordinates"] = walk(g["coordinates"])


def declared_lambert93(doc):
    doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}


damaged_source("zoning table without AAV2020", zonings, drop_column("AAV2020"), ["AAV2020", "no field"])
damaged_source("pays table without pays_code_geo", pays, drop_column("pays_code_geo"), ["pays_code_geo", "no field"])
damaged_source("a Point among commune polygons", dep35, geojson(first_as_point), ["feature 1", "Point", "Polygon"])
damaged_source("an empty commune file", dep35, geojson(lambda d: d.update(features=[])), ["no features"])
damaged_source("latitude and longitude swapped", dep35, geojson(coordinates(lambda c: [c[1], c[0]])),
               ["outside metropolitan France", "swapped"])
damaged_source("degrees declared as Lambert-93", dep35, geojson(declared_lambert93),
               ["outside metropolitan France", "coordinate reference system"])
damaged_source("one commune 6 degrees away", dep35, geojson(shift_first), ["feature 1", "km from the middle"])

# --- bases (point 4 and issue 9 point 1): damaged copies, checked.
output = os.path.join(tmp, "export.gpkg")
expect("export from the good base", ["export", "--catalogue", catalogue, "--base", base, "--out", output], 0, [])


def sql_on(gpkg, statement):
    """Through GDAL, which provides the GeoPackage's SQL functions and keeps its tables consistent."""
    p = subprocess.run(["ogrinfo", "-q", gpkg, "-sql", statement], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"ogrinfo {statement}: {p.stderr}")


def damaged_base(name, sql, words, filename="damaged.gpkg"):
    copy = os.path.join(tmp, filename)
    shutil.copyfile(base, copy)
    for statement in sql:
        sql_on(copy, statement)
    expect(name, ["export", "--catalogue", catalogue, "--base", copy, "--out", output], 4, words, kept=output)
    os.remove(copy)


damaged_base("base without population_municipale", ["ALTER TABLE communes DROP COLUMN population_municipale"],
             ["layer 'communes'", "population_municipale"])
damaged_base("base with a null population", ["UPDATE communes SET population_totale = NULL WHERE code = '35001'"],
             ["layer 'communes'", "population_totale", "null"])
damaged_base("base with a duplicate commune code", ["UPDATE communes SET code = '35001' WHERE code = '35002'"],
             ["layer 'communes'", "35001", "twice"])
damaged_base("base with a text area", ["ALTER TABLE epci DROP COLUMN area_km2", "ALTER TABLE epci ADD COLUMN area_km2 TEXT"],
             ["layer 'epci'", "area_km2", "expected a number"])
damaged_base("base without its epci layer", ["DROP TABLE epci"],
             ["no layer 'epci'"])

# A renamed copy keeps its scope: france.gpkg still says loire-bretagne.
renamed = os.path.join(tmp, "france.gpkg")
shutil.copyfile(base, renamed)
expect("a renamed copy of the base keeps its scope", ["check", catalogue, "--base", renamed], 0, ["1 alliance"])
# A base written before the metadata table: its scope from its name, said as a note.
sql_on(renamed, "DROP TABLE metadata")
expect("a base without metadata says where its scope came from", ["check", catalogue, "--base", renamed], 0,
       ["no metadata table", "taken from the file name"])

# A base locked by another writer: said so after a bounded wait (CARTES_LOCK_WAIT=2 s).
locked = sqlite3.connect(base, isolation_level=None)
locked.execute("BEGIN EXCLUSIVE")
expect("a base locked by another writer", ["check", catalogue, "--base", base], 4, ["locked", "waited"])
locked.execute("ROLLBACK")
locked.close()

shutil.rmtree(tmp)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
