#!/usr/bin/env python3
"""`cartes alliances add|set|remove|members` and `export --format csv|import`
on a copy of the synthetic catalogue and base (issue 11, points 6 and 7).

usage: edit_commands.py CARTES SYNTHETIC_GPKG SYNTHETIC_TOML

Every successful edit leaves a catalogue that `cartes check` passes; every
refusal exits with its code, says what is wrong (the option, or the row and
column of the spreadsheet), and leaves the file byte for byte as it was.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

cartes, base, source = sys.argv[1:]
work = tempfile.mkdtemp(prefix="cartes-edit-")
catalogue = os.path.join(work, "c.toml")
shutil.copy(source, catalogue)
failures = []


def run(*args, expect=0):
    r = subprocess.run([cartes, *args], capture_output=True, text=True, cwd=work)
    if r.returncode != expect:
        failures.append(f"{' '.join(args)}: exit {r.returncode}, expected {expect}\n{r.stdout}{r.stderr}")
    return r


def edit(*args, expect=0):
    return run(*args, "--catalogue", catalogue, "--base", base, expect=expect)


def read(path, mode="rb"):
    with open(path, mode) as f:
        return f.read()


def refused(args, expect, message):
    """The edit is refused: exit code, message, file untouched."""
    before = read(catalogue)
    r = edit(*args, expect=expect)
    if message not in r.stderr:
        failures.append(f"{' '.join(args)}: stderr lacks {message!r}:\n{r.stderr}")
    if read(catalogue) != before:
        failures.append(f"{' '.join(args)}: the catalogue changed although the edit was refused")


def show(alliance_id):
    r = run("alliances", "show", alliance_id, "--format", "json", "--catalogue", catalogue, "--base", base)
    return json.loads(r.stdout) if r.returncode == 0 else {}


def check(what):
    r = run("check", catalogue, "--base", base)
    if r.returncode != 0:
        failures.append(f"after {what}: cartes check fails\n{r.stderr}")


# The canonical form of the copy is the reference: edits and their inverses give it back.
run("check", catalogue, "--format", "--base", base)
canonical = read(catalogue)

# Spreadsheet round trip: BOM, CRLF, one row per alliance; importing it changes nothing.
spreadsheet = os.path.join(work, "c.csv")
run("alliances", "export", "--format", "csv", "--out", spreadsheet, "--catalogue", catalogue)
csv_bytes = read(spreadsheet)
assert csv_bytes.startswith(b"\xef\xbb\xbf"), "the spreadsheet starts with a UTF-8 BOM"
assert b"\r\n" in csv_bytes and csv_bytes.decode("utf-8-sig").startswith("id,name,"), csv_bytes[:80]
r = edit("alliances", "import", spreadsheet)
alliances = canonical.count(b"\n[[alliance]]\n")
if f"0 added, 0 updated, {alliances} unchanged" not in r.stdout or csv_bytes.count(b"\r\n") < alliances + 1:
    failures.append("round trip: " + r.stdout)
if read(catalogue) != canonical:
    failures.append("export then import changed the catalogue")

# add: labels accepted for values, names of members taken from the base.
edit("alliances", "add", "nouvelle", "--name", "Nouvelle coopération", "--themes", "Santé", "mobilite",
     "--finalites", "mise_en_reseau", "--portage", "informel", "--members", "epci:200000002", "99005",
     "--partners", "etablissement_sante:CHU de Gamma")
check("add")
a = show("nouvelle")
if [(m["level"], m["code"], m["name"]) for m in a.get("members", [])] != [
        ("epci", "200000002", "CC Gamma Delta"), ("commune", "99005", "Epsilon")]:
    failures.append("add: members " + json.dumps(a.get("members")))
if a.get("themes") != ["sante", "mobilite"]:
    failures.append("add: themes " + json.dumps(a.get("themes")))

r = edit("alliances", "set", "nouvelle", "--intensite", "forte", "--since", "2021")
if "intensite, since" not in r.stdout:
    failures.append("set: " + r.stdout)
if show("nouvelle").get("intensite") != "forte":
    failures.append("set: intensite not saved")
edit("alliances", "members", "add", "nouvelle", "99001", "pays:PX01")
edit("alliances", "members", "remove", "nouvelle", "99001")
a = show("nouvelle")
if [m["code"] for m in a.get("members", [])] != ["200000002", "99005", "PX01"]:
    failures.append("members add/remove: " + json.dumps(a.get("members")))
check("members")

# Refusals: exit 4 (the edit would make the catalogue invalid), exit 2 (usage).
refused(["alliances", "add", "mixte", "--name", "x"], 4, "alliance id 'mixte' is already taken")
refused(["alliances", "add", "Pas Un Slug", "--name", "x", "--themes", "sante", "--finalites", "promotion",
         "--portage", "informel", "--members", "99001"], 4, "is not a slug")
refused(["alliances", "add", "autre", "--themes", "mobility"], 4, "--themes: unknown themes value 'mobility'")
refused(["alliances", "add", "autre", "--members", "epci:200000009"], 4,
        "--members: unknown epci code '200000009' in the synthetic base (did you mean")
refused(["alliances", "add", "autre", "--name", "x"], 4, "no members")
refused(["alliances", "members", "add", "mixt", "99001"], 4, "unknown alliance id 'mixt' (did you mean mixte")
refused(["alliances", "members", "add", "mixte", "canton:12"], 4, "unknown level 'canton'")
refused(["alliances", "members", "add", "mixte", "99002"], 4, "every member given is already a member")
refused(["alliances", "members", "remove", "mixte", "99007"], 4, "99007 is not a member")
refused(["alliances", "members", "remove", "mixte", "200000001", "99002", "99003"], 4, "no members")
refused(["alliances", "set", "mixte", "--portage-lead", "99007"], 4, "portage lead '99007' is not the code of one of the members")
refused(["alliances", "set", "mixte", "--since", "vers 2015"], 4, "--since: since: 'vers 2015' is not a year")
refused(["alliances", "set", "mixte", "--confidence", "approximate"], 4, "'approximate' confidence needs a 'confidence_note'")
refused(["alliances", "set", "mixte", "--intensite", "forte", "faible"], 2, "")
refused(["alliances", "set", "mixte"], 2, "give at least one field to change")
refused(["alliances", "remove", "nope"], 4, "unknown alliance id 'nope'")

edit("alliances", "remove", "nouvelle")
if read(catalogue) != canonical:
    failures.append("add, edits, then remove did not give the catalogue back")


def spreadsheet_with(name, text):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# Import: one update and one new row, with French labels, from a ';' spreadsheet
# (a French LibreOffice's choice), lists quoted, notes on two lines.
sheet = spreadsheet_with("import.csv", (
    "id;name;themes;finalites;portage;intensite;members;notes\n"
    "mixte;Alliance de niveaux mêlés;\"Mobilité;Santé\";Service aux habitants et usagers;Chef de file;Moyenne;"
    "\"epci:200000001;99002;99003\";\"Deux lignes\nde notes\"\n"
    "importee;Alliance importée;energie;mutualisation;contrat;faible;99006;\n"))
before = read(catalogue)
r = edit("alliances", "import", sheet, "--dry-run")
if r.stdout.splitlines()[:2] != ["update  mixte: intensite, notes", "add     importee"] or read(catalogue) != before:
    failures.append("import --dry-run: " + r.stdout)
r = edit("alliances", "import", sheet)
check("import")
if show("importee").get("members", [{}])[0].get("name") != "Zêta" or show("mixte").get("intensite") != "moyenne":
    failures.append("import: " + r.stdout)

# Import refusals name the file, line, row and column; nothing is written.
bad = [
    ("id,theme\nmixte,sante\n", "bad.csv:1: row 1: unknown column 'theme' (did you mean themes"),
    ("name,themes\nx,sante\n", "row 1: no 'id' column"),
    ("id,themes\nmixte,\"sante\nmobility\"\nest,mobility\n", "bad.csv:4: row 3, column 'themes': unknown themes value 'mobility'"),
    ("id,members\nmixte,epci:200000009\n", "bad.csv:2: row 2, column 'members': unknown epci code '200000009'"),
    ("id,themes\nmixte,sante\nmixte,energie\n", "bad.csv:3: row 3, column 'id': 'mixte' is also on row 2"),
    ("id,themes\nmixte,sante,energie\n", "bad.csv:2: row 2: 3 cells, the header has 2"),
    ("id,name\nnouvelle,Nouvelle\n", "bad.csv:2: row 2: alliance 'nouvelle': no members"),
    ("id,notes\nmixte,\"jamais fermé\n", "bad.csv: line 2: a quoted field is never closed"),
]
for text, message in bad:
    path = spreadsheet_with("bad.csv", text)
    before = read(catalogue)
    r = edit("alliances", "import", path, expect=4)
    if message not in r.stderr:
        failures.append(f"import {text!r}: stderr lacks {message!r}:\n{r.stderr}")
    if read(catalogue) != before:
        failures.append(f"import {text!r} changed the catalogue")

shutil.rmtree(work)
if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print("edit commands: every edit checked, every refusal said and harmless")
