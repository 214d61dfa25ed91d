#!/usr/bin/env python3
"""Concurrent editors on the PostgreSQL store lose nothing (issue 12, point 4).

usage: concurrent_edits.py CARTES PG_DIR CATALOGUE BASE [EDITORS] [EDITS]

EDITORS processes (default 5) each make EDITS edits (default 40) with
`cartes alliances set ID --notes "editor k edit j"`, most of them on the same
three alliances. Afterwards:
- every accepted edit (exit 0) is in cartes.history, once;
- every refused one exited with 4 and said who changed the alliance, and is
  not in the history;
- each alliance's final notes are those of its last accepted edit in
  history order (the replay of the accepted edits).
Prints the throughput, for BENCHMARKS.md.
"""
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

cartes, pg_dir, catalogue, base = sys.argv[1:5]
editors = int(sys.argv[5]) if len(sys.argv) > 5 else 5
edits = int(sys.argv[6]) if len(sys.argv) > 6 else 40
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
admin = subprocess.run([os.path.join(root, "tools", "pg"), "url", pg_dir], check=True, capture_output=True,
                       text=True).stdout.strip()
url = admin.replace("dbname=cartes", "dbname=cartes_load")


def psql(sql, conninfo):
    return subprocess.run(["psql", conninfo, "-tAc", sql], capture_output=True, text=True).stdout.strip()


psql("DROP DATABASE IF EXISTS cartes_load WITH (FORCE)", admin)
psql("CREATE DATABASE cartes_load", admin)
store = "PG:" + url
subprocess.run([cartes, "db", "init", "--db", store], check=True, capture_output=True)
subprocess.run([cartes, "db", "push", catalogue, "--db", store], check=True, capture_output=True)
ids = [line.split("|")[0] for line in psql("SELECT id FROM cartes.alliances ORDER BY position", url).splitlines()]
hot = ids[:3]
results = []  # (editor, value, alliance, exit code, stderr)
lock = threading.Lock()


def editor(k):
    rng = random.Random(k)
    for j in range(edits):
        alliance = rng.choice(hot) if rng.random() < 0.8 else rng.choice(ids)
        value = f"editor {k} edit {j}"
        r = subprocess.run([cartes, "alliances", "set", alliance, "--notes", value, "--catalogue", store, "--base", base],
                           capture_output=True, text=True)
        with lock:
            results.append((k, value, alliance, r.returncode, r.stderr))


t0 = time.time()
threads = [threading.Thread(target=editor, args=(k,)) for k in range(editors)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t0

failures = []
accepted = [r for r in results if r[3] == 0]
refused = [r for r in results if r[3] != 0]
for r in refused:
    if r[3] != 4 or "changed by someone else since it was loaded" not in r[4] or r[2] not in r[4]:
        failures.append(f"refused edit not reported as a conflict on {r[2]}: exit {r[3]}: {r[4][-300:]}")
rows = psql("SELECT alliance_id, after->>'notes' FROM cartes.history WHERE operation = 'update' ORDER BY id", url)
history = [tuple(line.split("|", 1)) for line in rows.splitlines() if line]
in_history = {}
for alliance, notes in history:
    in_history[notes] = in_history.get(notes, 0) + 1
for k, value, alliance, code, _ in accepted:
    if in_history.get(value) != 1:
        failures.append(f"accepted edit '{value}' on {alliance} is {in_history.get(value, 0)} times in the history")
for k, value, alliance, code, _ in refused:
    if value in in_history:
        failures.append(f"refused edit '{value}' is in the history")
last = {}
for alliance, notes in history:
    last[alliance] = notes
for alliance, notes in last.items():
    now = psql(f"SELECT notes FROM cartes.alliances WHERE id = '{alliance}'", url)
    if now != notes:
        failures.append(f"{alliance}: final notes {now!r}, the replay of accepted edits gives {notes!r}")
psql("DROP DATABASE IF EXISTS cartes_load WITH (FORCE)", admin)
print(f"{editors} editors x {edits} edits in {elapsed:.1f} s: {len(accepted)} accepted, {len(refused)} refused as "
      f"conflicts, {len(accepted) / elapsed:.1f} accepted edits/s; history and final state agree")
if failures:
    print("\n".join(failures[:20]))
    sys.exit(1)
