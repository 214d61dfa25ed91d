#!/usr/bin/python3
"""Baseline for tools/bench/render.sh: QGIS renders the communes layer of a
territory base to a 1920x1080 image with QgsMapRendererSequentialJob, N
times; prints the median seconds per render.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 render_qgis.py BASE.gpkg [N] [WxH]
"""
import os
import statistics
import sys
import time

from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor


def main():
    gpkg = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    w, h = (int(v) for v in (sys.argv[3] if len(sys.argv) > 3 else "1920x1080").split("x"))
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(f"{gpkg}|layername=communes", "communes", "ogr")
    if not layer.isValid():
        sys.exit(f"render_qgis: cannot open the communes layer of {gpkg}")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(w, h))
    settings.setBackgroundColor(QColor("#d9e6ee"))
    settings.setExtent(layer.extent())
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    times = []
    for i in range(n + 1):
        t0 = time.perf_counter()
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        if i:  # the first render warms the caches
            times.append(time.perf_counter() - t0)
    if image.isNull():
        sys.exit("render_qgis: empty image")
    print(f"qgis_features={layer.featureCount()}")
    print(f"qgis_median_s={statistics.median(times):.4f}", flush=True)
    # QGIS 3.22 crashes in exitQgis() when the layer is still alive in
    # Python: leave without the teardown, the figures are printed.
    os._exit(0)


if __name__ == "__main__":
    main()
