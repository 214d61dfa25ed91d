#!/usr/bin/env python3
"""Faults of the shared store (issue 12): a connection killed with
pg_terminate_backend, and the server stopped, in the middle of a save. Each
gives a clear error and a non-zero exit, and the store still holds the
catalogue of before, whole: an edit is one transaction.

usage: faults.py CARTES CATALOGUE SYNTHETIC_TOML

Runs its own cluster (tools/pg in a temporary folder), since it stops it.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

cartes, catalogue, synthetic = sys.argv[1:]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pg = os.path.join(root, "tools", "pg")
work = tempfile.mkdtemp(prefix="cartes-pg-faults-")
cluster = os.path.join(work, "pg")
url = subprocess.run([pg, "start", cluster], check=True, capture_output=True, text=True).stdout.strip()
store = "PG:" + url
failures = []


def psql(sql):
    return subprocess.run(["psql", url, "-tAc", sql], capture_output=True, text=True).stdout.strip()


# A big catalogue, so that a push takes long enough to be cut: 3,000 copies
# of the synthetic alliances (their codes need no base to be pushed).
text = open(synthetic, encoding="utf-8").read()
body = text[text.index("[[alliance]]"):]
blocks = ["[[alliance]]" + b for b in body.split("[[alliance]]")[1:]]
big = os.path.join(work, "big.toml")
with open(big, "w", encoding="utf-8") as f:
    f.write("format = 1\n\n")
    for n in range(3000 // len(blocks)):
        for b in blocks:
            f.write(re.sub(r'^id = "([^"]+)"', lambda m: f'id = "{m.group(1)}-{n}"', b, count=1, flags=re.M))

subprocess.run([cartes, "db", "init", "--db", store], check=True, capture_output=True)
subprocess.run([cartes, "db", "push", catalogue, "--db", store], check=True, capture_output=True)
before = psql("SELECT count(*), (SELECT revision FROM cartes.catalogue) FROM cartes.alliances")


def still_whole(what):
    pulled = os.path.join(work, "pulled.toml")
    r = subprocess.run([cartes, "db", "pull", "--out", pulled, "--db", store], capture_output=True, text=True)
    if r.returncode != 0 or open(pulled, "rb").read() != open(catalogue, "rb").read():
        failures.append(f"{what}: the store does not hold the catalogue of before: {r.stderr}")


def cut_push(cut, what, expect_in_message):
    """Starts a push of the big catalogue, cuts it after a delay, retries with
    shorter delays until the cut lands inside the save."""
    for delay in (0.6, 0.4, 0.25, 0.15, 0.08):
        p = subprocess.Popen([cartes, "db", "push", big, "--db", store], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        cut()
        out, err = p.communicate(timeout=120)
        if p.returncode == 0:
            # Too late: the push went through; put the catalogue back and retry sooner.
            subprocess.run([cartes, "db", "push", catalogue, "--db", store], check=True, capture_output=True)
            continue
        if not any(m in err for m in expect_in_message) or "nothing of it was kept" not in err:
            failures.append(f"{what}: unclear error (exit {p.returncode}): {err[-400:]}")
        return True
    failures.append(f"{what}: every push finished before the cut (too fast to test here)")
    return False


def terminate():
    psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
         "WHERE datname = 'cartes' AND pid <> pg_backend_pid()")


if cut_push(terminate, "pg_terminate_backend", ["terminat", "server closed the connection", "connection"]):
    still_whole("after pg_terminate_backend")
    if psql("SELECT count(*), (SELECT revision FROM cartes.catalogue) FROM cartes.alliances") != before:
        failures.append("after pg_terminate_backend: the revision moved although nothing was saved")


def stop_server():
    subprocess.run([pg, "stop", cluster], check=True, capture_output=True)


cut = cut_push(stop_server, "server stopped", ["server closed the connection", "terminat", "connection", "shut"])
subprocess.run([pg, "start", cluster], check=True, capture_output=True)
url = subprocess.run([pg, "url", cluster], check=True, capture_output=True, text=True).stdout.strip()
store = "PG:" + url
if cut:
    still_whole("after the server stopped")

# A server that is not there any more: exit 3, saying where it tried.
subprocess.run([pg, "stop", cluster], check=True, capture_output=True)
r = subprocess.run([cartes, "alliances", "list", "--catalogue", store], capture_output=True, text=True)
if r.returncode != 3 or "cannot connect to PG:" not in r.stderr:
    failures.append(f"stopped server: exit {r.returncode}: {r.stderr}")
subprocess.run([pg, "destroy", cluster], capture_output=True)
subprocess.run(["rm", "-rf", work])
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("faults: a killed connection and a stopped server mid-save leave the catalogue as it was, and say so")
