#!/usr/bin/env python3
"""The shared catalogue store on a real PostgreSQL/PostGIS server (issue 12),
started for the tests by tools/pg (CTest fixture pg_server) and stopped after.

usage: pg_store.py CARTES PG_DIR CATALOGUE BASE

- db status / init / init again / upgrade;
- push of the shipped catalogue, then pull: the same file byte for byte;
- check, alliances list|show, stats, export and render give the same output
  on the PG: catalogue as on the file;
- db publish: QGIS opens the PostGIS layers styled as the GeoPackage's;
- an edit through the store: one history row naming who, before and after;
- names with quotes and SQL in them stored and read back unchanged;
- faults: no server there, a wrong password (never printed), a database
  without the schema; a cartes_reader write refused by the server.
"""
import json
import os
import subprocess
import sys
import tempfile

cartes, pg_dir, catalogue, base = sys.argv[1:]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
url = subprocess.run([os.path.join(root, "tools", "pg"), "url", pg_dir], check=True, capture_output=True,
                     text=True).stdout.strip()
store = "PG:" + url
work = tempfile.mkdtemp(prefix="cartes-pg-")
failures = []


def run(*args, expect=0):
    r = subprocess.run([cartes, *args], capture_output=True, text=True, cwd=work)
    if r.returncode != expect:
        failures.append(f"{' '.join(args)}: exit {r.returncode}, expected {expect}\n{r.stdout}{r.stderr}")
    return r


def psql(sql, conninfo=url):
    return subprocess.run(["psql", conninfo, "-tAc", sql], capture_output=True, text=True)


# A fresh database for this run: the fixture's server may serve other tests.
psql("DROP DATABASE IF EXISTS cartes_test WITH (FORCE)")
psql("CREATE DATABASE cartes_test")
url = url.replace("dbname=cartes", "dbname=cartes_test")
store = "PG:" + url

r = run("db", "status", "--db", store)
if "no Cartes schema" not in r.stdout:
    failures.append("status before init: " + r.stdout)
r = run("alliances", "list", "--catalogue", store, "--base", base, expect=4)
if "has no Cartes schema: cartes db init creates it" not in r.stderr:
    failures.append("a database without the schema: " + r.stderr)
r = run("db", "init", "--db", store)
if "schema version 1" not in r.stdout:
    failures.append("init: " + r.stdout)
r = run("db", "init", "--db", store, expect=4)
if "already holds the Cartes schema" not in r.stderr:
    failures.append("init twice: " + r.stderr)
run("db", "upgrade", "--db", store)

# Push, pull: byte for byte.
run("db", "push", catalogue, "--db", store)
pulled = os.path.join(work, "pulled.toml")
run("db", "pull", "--out", pulled, "--db", store)
if open(pulled, "rb").read() != open(catalogue, "rb").read():
    failures.append("pull after push does not give the catalogue back byte for byte")

# The same output from the file and from the store.
for args in (["alliances", "list"], ["alliances", "list", "--format", "json"], ["alliances", "list", "--format", "csv"],
             ["alliances", "show", "reciprocite-brest-cob"], ["stats", "--by", "theme"],
             ["stats", "--by", "levels", "--format", "csv"]):
    extra = ["--base", base] if args[0] == "alliances" else []
    a = run(*args, "--catalogue", catalogue, *extra)
    b = run(*args, "--catalogue", store, *extra)
    if a.stdout != b.stdout:
        failures.append(f"{' '.join(args)}: the store's output differs from the file's")
a = run("check", catalogue, "--base", base)
b = run("check", store, "--base", base)
if a.stdout.split(": ", 1)[1] != b.stdout.split(": ", 1)[1]:
    failures.append("check: " + a.stdout + b.stdout)
for source, out in ((catalogue, "file.gpkg"), (store, "store.gpkg")):
    run("export", "--out", os.path.join(work, out), "--catalogue", source, "--base", base)
counts = [subprocess.run(["ogrinfo", "-ro", "-so", "-al", os.path.join(work, o)], capture_output=True, text=True).stdout
          .count("Feature Count") for o in ("file.gpkg", "store.gpkg")]
sizes = [subprocess.run(["ogrinfo", "-ro", "-q", "-sql", "SELECT count(*) FROM alliances", os.path.join(work, o)],
                        capture_output=True, text=True).stdout for o in ("file.gpkg", "store.gpkg")]
if counts[0] != counts[1] or sizes[0] != sizes[1] or counts[0] == 0:
    failures.append(f"export: layers {counts}, alliances {sizes}")

# Published to PostGIS, the layers open in QGIS as styled as the GeoPackage
# export's: same renderers, categories and per-feature colours and outlines.
r = run("db", "publish", "--db", store, "--base", base)
if "published 10 layers and 9 QGIS styles" not in r.stdout:
    failures.append("db publish: " + r.stdout + r.stderr)
run("db", "publish", "--db", store, "--base", base)  # again: replaces its own tables only
if psql("SELECT count(*) FROM cartes.alliances", url).stdout.strip() != "37":
    failures.append("db publish touched the catalogue's own tables")
probe = os.path.join(root, "tests", "fixtures", "qgis", "probe_export.py")
env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
probes = []
for source, out in ((os.path.join(work, "file.gpkg"), "probe-file.json"), (store, "probe-store.json")):
    subprocess.run(["/usr/bin/python3", probe, source, os.path.join(work, out)], env=env, capture_output=True)
    try:
        probes.append(json.load(open(os.path.join(work, out))))
    except (OSError, ValueError):
        probes.append({})
if not probes[0] or probes[0] != probes[1] or probes[1].get("alliances", {}).get("renderer") != "categorizedSymbol":
    diff = [k for k in probes[0] if probes[0].get(k) != probes[1].get(k)] if probes[0] else "no probe"
    failures.append(f"QGIS sees the published layers differently from the GeoPackage's: {diff}")

# The map drawn from the store is the map drawn from the file (under Xvfb in
# the test run; skipped without a display).
if os.environ.get("DISPLAY"):
    for source, out in ((catalogue, "file.png"), (store, "store.png")):
        run("render", "--out", os.path.join(work, out), "--size", "640x480", "--catalogue", source, "--base", base)
    if open(os.path.join(work, "file.png"), "rb").read() != open(os.path.join(work, "store.png"), "rb").read():
        failures.append("render: the store's map differs from the file's")

# An edit through the store: saved, versioned, in the history.
run("alliances", "set", "energiv", "--intensite", "faible", "--catalogue", store, "--base", base)
history = psql("SELECT operation, changed_by, before->>'intensite', after->>'intensite', after->>'version' "
               "FROM cartes.history WHERE alliance_id = 'energiv' ORDER BY id DESC LIMIT 1", url).stdout.strip()
if history != "update|cartes|forte|faible|2":
    failures.append("history of the edit: " + repr(history))

# Quotes and SQL in names are values, nothing else.
evil = "L'alliance \"test\"'); DROP TABLE cartes.alliances; --"
run("alliances", "set", "energiv", "--name", evil, "--catalogue", store, "--base", base)
shown = run("alliances", "show", "energiv", "--format", "json", "--catalogue", store, "--base", base)
if json.loads(shown.stdout or "{}").get("name") != evil or psql("SELECT count(*) FROM cartes.alliances", url).stdout.strip() != "37":
    failures.append("a name holding SQL was not kept as it was: " + shown.stdout[:200])

# Faults.
r = run("alliances", "list", "--catalogue", "PG:host=127.0.0.1 port=1 dbname=cartes user=cartes connect_timeout=3",
        "--base", base, expect=3)
if "cannot connect to PG:" not in r.stderr:
    failures.append("no server: " + r.stderr)
port = [w.split("=")[1] for w in url.split() if w.startswith("port=")][0]
r = run("alliances", "list", "--catalogue", f"PG:host=127.0.0.1 port={port} dbname=cartes_test user=cartes password=s3cr3t-wrong",
        "--base", base, expect=3)
if "password authentication failed" not in r.stderr or "s3cr3t-wrong" in r.stderr + r.stdout:
    failures.append("wrong password (and it must never be printed): " + r.stderr)
psql("DROP ROLE IF EXISTS lecteur", url)
r = run("db", "grant", "lecteur", "reader", "--db", store)
if "lecteur is now a Cartes reader" not in r.stdout:
    failures.append("db grant: " + r.stdout + r.stderr)
r = run("db", "grant", "x\"; DROP TABLE cartes.alliances; --", "editor", "--db", store)
if psql("SELECT count(*) FROM cartes.alliances", url).stdout.strip() != "37":
    failures.append("db grant with SQL in the login name ran it")
reader = url.replace("user=cartes", "user=lecteur")
r = run("alliances", "list", "--catalogue", "PG:" + reader, "--base", base)
r = run("alliances", "set", "energiv", "--intensite", "forte", "--catalogue", "PG:" + reader, "--base", base, expect=5)
if "permission denied" not in r.stderr:
    failures.append("a reader's write: " + r.stderr)
if psql("SELECT intensite FROM cartes.alliances WHERE id = 'energiv'", url).stdout.strip() != "faible":
    failures.append("a refused write changed the alliance")

psql("DROP DATABASE IF EXISTS cartes_test WITH (FORCE)", url.replace("dbname=cartes_test", "dbname=cartes"))
for f in os.listdir(work):
    os.remove(os.path.join(work, f))
os.rmdir(work)
if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print("PostgreSQL store: init, push/pull byte for byte, same outputs as the file, history, quotes, faults and roles")
