#!/usr/bin/env python3
"""gis + data: `cartes export` of the real catalogue on the Loire-Bretagne base,
checked by GDAL's validate_gpkg.py and opened by QGIS (tests/fixtures/qgis/probe_export.py).

usage: check_real_export.py CARTES CATALOGUE BASE WORK_DIR
"""
import json
import os
import subprocess
import sys
import tomllib

cartes, catalogue, base, work = sys.argv[1:]
out = os.path.join(work, "real-export.gpkg")
probe_out = os.path.join(work, "real-export-probe.json")
here = os.path.dirname(os.path.abspath(__file__))
probe = os.path.join(here, "..", "..", "fixtures", "qgis", "probe_export.py")
failures = []

run = subprocess.run([cartes, "export", "--out", out, "--catalogue", catalogue, "--base", base],
                     capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"cartes export failed ({run.returncode}):\n{run.stderr}")
validate = subprocess.run(["/usr/bin/python3", "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
                           out], capture_output=True, text=True)
if validate.returncode != 0:
    failures.append("validate_gpkg.py: " + validate.stdout + validate.stderr)
subprocess.run(["/usr/bin/python3", probe, out, probe_out], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
               capture_output=True, check=True)
with open(probe_out) as f:
    layers = json.load(f)
with open(catalogue, "rb") as f:
    alliances = tomllib.load(f)["alliance"]

def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: {got!r}, expected {want!r}")

expect("alliances features", layers["alliances"]["count"], len(alliances))
expect("alliances renderer", layers["alliances"]["renderer"], "categorizedSymbol")
expect("alliances CRS", layers["alliances"]["crs"], "EPSG:2154")
expect("alliance_members features", layers["alliance_members"]["count"], sum(len(a["members"]) for a in alliances))
expect("alliance_partners features", layers["alliance_partners"]["count"],
       sum(len(a.get("partners", [])) for a in alliances))
expect("cooperation_density features = communes", layers["cooperation_density"]["count"], layers["communes"]["count"])
expect("cooperation_density renderer", layers["cooperation_density"]["renderer"], "graduatedSymbol")
if layers["overlaps"]["count"] < 1:
    failures.append("no overlaps")
# Every alliance got its palette colour and an intensity alpha from QGIS's own evaluation.
alphas = {"faible": 64, "moyenne": 128, "forte": 191}
for a in alliances:
    ev = layers["alliances"]["evaluated"][a["id"]]
    expect(a["id"] + " alpha", ev["rgba"][3], alphas[a["intensite"]])
    expect(a["id"] + " outline", ev["outline"], "dash" if a["status"] == "imaginee" else "solid")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"real export: {len(alliances)} alliances, {layers['overlaps']['count']} overlaps, "
      f"{layers['cooperation_density']['count']} communes: ok")
