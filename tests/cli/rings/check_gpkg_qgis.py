#!/usr/bin/env python3
"""`cartes rings --out` on the grid base, then the GeoPackage checked by real
clients: GDAL's validate_gpkg.py, and QGIS opening each perimeter layer with
its default style from layer_styles (outline colour, labels on "name").

usage: check_gpkg_qgis.py CARTES GRID.gpkg CATALOGUE OUT_DIR   (run with /usr/bin/python3)
"""
import os
import subprocess
import sys

cartes, grid, catalogue, out_dir = sys.argv[1:5]
os.makedirs(out_dir, exist_ok=True)
out = os.path.join(out_dir, "rings-qgis.gpkg")
if os.path.exists(out):
    os.remove(out)
run = subprocess.run([cartes, "rings", "--base", grid, "--catalogue", catalogue, "--core", "290404000",
                      "--rings", "2", "--bands", "1", "--zonings", "aav,ze", "--compare", "ligne-du-milieu",
                      "--format", "json", "--out", out], capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"cartes rings failed ({run.returncode}): {run.stderr}")
subprocess.run([sys.executable, "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py", out], check=True)

probe = os.path.join(out_dir, "probe_rings.py")
result = os.path.join(out_dir, "probe_rings.txt")
with open(probe, "w") as f:
    f.write("""import sys, os
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
lines = []
for name in ["rings", "bands", "band_buffers", "zonings", "alliances"]:
    layer = QgsVectorLayer(sys.argv[1] + '|layername=' + name, name, 'ogr')
    sl = layer.renderer().symbol().symbolLayer(0)
    c = sl.strokeColor()
    lines.append('%s %d %d,%d,%d %s %d' % (name, layer.featureCount(), c.red(), c.green(), c.blue(),
                 layer.crs().authid(), 1 if layer.labelsEnabled() else 0))
open(sys.argv[2], 'w').write('\\n'.join(lines) + '\\n')
os._exit(0)  # QGIS 3.22 may crash while tearing down under Python
""")
env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
subprocess.run([sys.executable, probe, out, result], env=env, check=True, capture_output=True)
got = open(result).read().split("\n")
expected = [
    "rings 5 200,40,40 EPSG:2154 1",        # core, 2 rings, 2 cumulative
    "bands 1 30,90,200 EPSG:2154 1",
    "band_buffers 1 30,90,200 EPSG:2154 1",
    "zonings 4 40,140,60 EPSG:2154 1",      # AAV, pôle, couronne, ZE
    "alliances 1 130,50,160 EPSG:2154 1",
]
if got[:5] != expected:
    sys.exit("QGIS saw:\n" + "\n".join(got) + "\nexpected:\n" + "\n".join(expected))
print("validate_gpkg.py and QGIS: ok")
