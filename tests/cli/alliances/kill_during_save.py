#!/usr/bin/env python3
"""A `kill -9` during a save leaves the old catalogue or the new one, never
a partial file (issue 11): `cartes alliances set` on a catalogue of 3,000
alliances, killed with SIGKILL at random moments, 40 times. After each
kill the file is byte for byte the old or the new canonical text, and no
temporary is left once a later run has cleaned up.

usage: kill_during_save.py CARTES SYNTHETIC_GPKG SYNTHETIC_TOML
"""
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

cartes, base, source = sys.argv[1:]
work = tempfile.mkdtemp(prefix="cartes-kill-save-")
catalogue = os.path.join(work, "big.toml")

# 3,000 copies of the synthetic alliances, ids made unique.
text = open(source, encoding="utf-8").read()
body = text[text.index("[[alliance]]"):]
blocks = ["[[alliance]]" + b for b in body.split("[[alliance]]")[1:]]
with open(catalogue, "w", encoding="utf-8") as f:
    f.write("format = 1\n\n")
    for n in range(3000 // len(blocks)):
        for b in blocks:
            f.write(re.sub(r'^id = "([^"]+)"', lambda m: f'id = "{m.group(1)}-{n}"', b, count=1, flags=re.M))
subprocess.run([cartes, "check", catalogue, "--format", "--base", base], check=True, capture_output=True)


def read():
    with open(catalogue, "rb") as f:
        return f.read()


rng = random.Random(11)
failures, kills, saves = [], 0, 0
for i in range(40):
    old = read()
    name = f"Nom {i}"
    p = subprocess.Popen([cartes, "alliances", "set", "mixte-0", "--name", name, "--catalogue", catalogue,
                          "--base", base], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.0, 0.6))  # a run takes about 0.3 s: some kills land in the save
    p.send_signal(signal.SIGKILL)
    p.wait()
    now = read()
    if p.returncode == -signal.SIGKILL:
        kills += 1
    if now == old:
        continue
    saves += 1
    if f'name = "{name}"'.encode() not in now or len(now) < len(old) - 100:
        failures.append(f"run {i}: the catalogue is neither the old nor the new one ({len(now)} bytes, {len(old)} before)")
    # The new file must be canonical and complete: check passes.
    r = subprocess.run([cartes, "check", catalogue, "--base", base], capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f"run {i}: cartes check fails after the kill:\n{r.stderr[:500]}")

# A run that completes removes the temporaries of killed ones.
subprocess.run([cartes, "alliances", "set", "mixte-0", "--name", "Fin", "--catalogue", catalogue, "--base", base],
               check=True, capture_output=True)
left = [f for f in os.listdir(work) if ".tmp" in f]
if left:
    failures.append("temporaries left: " + ", ".join(left))
for f in os.listdir(work):
    os.remove(os.path.join(work, f))
os.rmdir(work)
if kills < 10 or saves == 0:
    failures.append(f"the kills did not land inside runs ({kills} kills, {saves} saves): timing too coarse")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"kill -9 during save: {kills} kills, {saves} completed saves, never a partial file")
