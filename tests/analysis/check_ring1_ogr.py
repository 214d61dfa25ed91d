#!/usr/bin/env python3
"""Independent check of `cartes rings` ring 1 with OGR (GDAL's own GEOS
bindings, not the project's code): the EPCI sharing more than 1 m of boundary
with the core (boundaries within 5 cm, as cartes' default tolerance).

usage: check_ring1_ogr.py CARTES BASE.gpkg CORE_SIREN
"""
import json
import subprocess
import sys

from osgeo import ogr

cartes, base, core = sys.argv[1:4]
ds = ogr.Open(base)
layer = ds.GetLayerByName("epci")
feats = {f.GetField("code"): f.GetGeometryRef().Clone() for f in layer}
core_geom = feats[core]
band = core_geom.Boundary().Buffer(0.05)
expected = set()
for code, g in feats.items():
    if code == core or not g.Intersects(band):
        continue
    if g.Boundary().Intersection(band).Length() > 1.0:
        expected.add(code)
run = subprocess.run([cartes, "rings", "--base", base, "--core", core, "--rings", "1", "--format", "json"],
                     capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"cartes rings failed: {run.stderr}")
got = set(json.loads(run.stdout)["rings"][0]["members"])
if got != expected:
    sys.exit(f"ring 1 of {core}: cartes {sorted(got)}\n  OGR {sorted(expected)}\n"
             f"  only cartes: {sorted(got - expected)}; only OGR: {sorted(expected - got)}")
print(f"ring 1 of {core}: {len(got)} EPCI, same as OGR")
