#!/usr/bin/env python3
"""Writes a catalogue of N overlapping alliances on the Loire-Bretagne EPCI,
for measuring memory and time with many alliances (issue 10, point 6).

usage: many_alliances.py N BASE.gpkg OUT.toml
Each alliance takes 3 to 12 neighbouring-by-code EPCI, so that every EPCI
is in many alliances (about N * 7.5 / 130 each).
"""
import random
import sqlite3
import sys

n, base, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
db = sqlite3.connect(base)
epci = db.execute("select code, name from epci order by code").fetchall()
themes = ["mobilite", "sante", "economie", "tourisme", "alimentation", "energie", "numerique", "habitat"]
rng = random.Random(42)
with open(out, "w", encoding="utf-8") as f:
    f.write("format = 1\n")
    for i in range(n):
        start = rng.randrange(len(epci))
        members = [epci[(start + k) % len(epci)] for k in range(rng.randint(3, 12))]
        f.write(f'\n[[alliance]]\nid = "a{i:05d}"\nname = "Alliance {i}"\nstatus = "a_loeuvre"\n')
        f.write(f'themes = ["{rng.choice(themes)}"]\nfinalites = ["service_habitants"]\n')
        f.write('temporalite = "10_ans"\nintensite = "moyenne"\ntendance = "stable"\n')
        f.write('scope = "loire-bretagne"\nconfidence = "sourced"\nsources = ["https://example.org"]\n')
        f.write('\n[alliance.portage]\nkind = "informel"\n')
        for code, name in members:
            name = name.replace('"', '\\"')
            f.write(f'\n[[alliance.members]]\nlevel = "epci"\ncode = "{code}"\nname = "{name}"\n')
