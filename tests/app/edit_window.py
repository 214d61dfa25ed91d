#!/usr/bin/env python3
"""The edit mode driven in a real window with input events (xdotool), as a
planner would (issue 11): create an alliance, add two EPCI by clicking them
on the map, tick its theme, save with Ctrl+S. `cartes check` then passes on
the saved file and `cartes alliances show` lists the two EPCI.

usage: edit_window.py CARTES CATALOGUE BASE   (needs DISPLAY: run under xvfb-run)

The viewer's probe (CARTES_VIEW_PROBE, src/app/test_probe.hpp) says where
the buttons and the EPCI are on screen and what the editor holds.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

cartes, source, base = sys.argv[1:]
work = tempfile.mkdtemp(prefix="cartes-edit-window-")
catalogue = os.path.join(work, "c.toml")
shutil.copy(source, catalogue)
probe_file = os.path.join(work, "probe.json")
env = dict(os.environ, CARTES_VIEW_PROBE=probe_file)


def start_viewer():
    if os.path.exists(probe_file):
        os.remove(probe_file)
    return subprocess.Popen([cartes, "view", "--catalogue", catalogue, "--base", base, "--edit", "--size", "1600x900"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


viewer = start_viewer()


def fail(message):
    viewer.kill()
    out = viewer.communicate()[0].decode(errors="replace")
    print(message, "\nviewer output:\n" + out)
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1)


def probe():
    try:
        with open(probe_file) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def wait_for(what, test, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if viewer.poll() is not None:
            fail(f"the viewer exited (code {viewer.returncode}) while waiting for {what}")
        p = probe()
        if p and test(p):
            return p
        time.sleep(0.1)
    last = {k: v for k, v in probe().items() if k not in ("epci", "items")}
    fail(f"timed out waiting for {what}; last probe: {json.dumps(last)}")


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, capture_output=True)


def click(x, y):
    xdotool("mousemove", "--sync", str(int(x)), str(int(y)))
    time.sleep(0.15)  # a frame sees the cursor there before the button goes down
    xdotool("click", "1")


def click_item(p, name):
    # The form moves when the perimeter's figures come in: click once they have.
    p = wait_for("the perimeter's refresh", lambda p: not p.get("refreshing") and name in p.get("items", {}))
    time.sleep(0.2)  # and the frame after it has laid the form out
    x0, y0, x1, y1 = probe()["items"][name]
    click((x0 + x1) / 2, (y0 + y1) / 2)


def focus():
    window = subprocess.run(["xdotool", "search", "--sync", "--name", "Cartes"], capture_output=True, text=True).stdout.split()
    if not window:
        fail("no window named Cartes")
    xdotool("windowfocus", "--sync", window[-1])


p = wait_for("the data", lambda p: p.get("loaded") and "editor.new" in p.get("items", {}))
focus()

click_item(p, "editor.new")
p = wait_for("a new alliance", lambda p: p.get("selected", "").startswith("nouvelle-alliance"))
alliance = p["selected"]

# Two EPCI in the free middle of the map (not under a panel), far enough apart.
width, height = p["window"]
editor_left = p["items"]["editor.new"][0] - 20


def free(xy):
    return 360 < xy[0] < editor_left and 40 < xy[1] < height * 0.6


wanted = [code for code in ("243500139", "244400404", "242900314", "245600465") if free(p["epci"].get(code, [-1, -1]))]
if len(wanted) < 2:
    fail("fewer than two of the test EPCI in the free map area: " + json.dumps({c: p["epci"].get(c) for c in p["epci"]})[:500])
picked = wanted[:2]
for n, code in enumerate(picked, 1):
    click(*p["epci"][code])
    p = wait_for(f"EPCI {code} as member", lambda p, n=n: len(p.get("members", [])) == n)
if p["members"] != [f"epci:{c}" for c in picked]:
    fail("members after the clicks: " + json.dumps(p["members"]))



def keys(combo):
    # Held for a few frames: ImGui 1.86 reads keys as "down" states once a
    # frame, so a press and release within one frame (xdotool key) is missed.
    xdotool("keydown", combo)
    time.sleep(0.3)
    xdotool("keyup", combo)
    time.sleep(0.3)  # and a frame sees them up before the next keys go down


# Undo and redo of the second pick, from the keyboard.
keys("ctrl+z")
p = wait_for("undo of the second pick", lambda p: len(p.get("members", [])) == 1)
keys("ctrl+shift+z")
p = wait_for("redo of the second pick", lambda p: len(p.get("members", [])) == 2)

# Shift + drag: a rectangle around a third EPCI adds it; undo takes it back.
third = next((c for c in wanted[2:] if free(p["epci"][c])), None)
if third:
    x, y = p["epci"][third]
    # Each event a frame apart, as a hand would do it.
    xdotool("mousemove", "--sync", str(int(x - 12)), str(int(y - 12)))
    time.sleep(0.2)
    xdotool("keydown", "shift")
    time.sleep(0.2)
    xdotool("mousedown", "1")
    time.sleep(0.2)
    for step in range(1, 6):
        xdotool("mousemove", "--sync", str(int(x - 12 + step * 5)), str(int(y - 12 + step * 5)))
        time.sleep(0.1)
    xdotool("mouseup", "1")
    time.sleep(0.2)
    xdotool("keyup", "shift")
    p = wait_for("the rectangle's EPCI", lambda p: f"epci:{third}" in p.get("members", []))
    keys("ctrl+z")
    p = wait_for("undo of the rectangle", lambda p: len(p.get("members", [])) == 2)

click_item(p, "editor.themes.mobilite")
p = wait_for("the theme", lambda p: p.get("themes") == ["mobilite"])
if p.get("issues"):
    fail("the new alliance still has problems: " + json.dumps(p["issues"]))
keys("ctrl+s")
p = wait_for("the save", lambda p: not p.get("modified"), timeout=10)
viewer.terminate()
viewer.wait(timeout=20)

check = subprocess.run([cartes, "check", catalogue, "--base", base], capture_output=True, text=True)
if check.returncode != 0:
    fail("cartes check on the saved file:\n" + check.stdout + check.stderr)
show = subprocess.run([cartes, "alliances", "show", alliance, "--catalogue", catalogue, "--base", base, "--format", "json"],
                      capture_output=True, text=True)
shown = json.loads(show.stdout) if show.returncode == 0 else {}
codes = [m["code"] for m in shown.get("members", [])]
if codes != picked or shown.get("themes") != ["mobilite"]:
    fail("alliances show: " + show.stdout + show.stderr)

# A kill -9 while editing loses no edit: a second alliance, one EPCI, its
# theme; the viewer killed; the next start offers the edits back.
viewer = start_viewer()
p = wait_for("the data again", lambda p: p.get("loaded") and "editor.new" in p.get("items", {}))
focus()
click_item(p, "editor.new")
p = wait_for("a second alliance", lambda p: p.get("selected", "") not in ("", alliance))
second = p["selected"]
click(*p["epci"][picked[0]])
p = wait_for("its member", lambda p: len(p.get("members", [])) == 1)
click_item(p, "editor.themes.mobilite")
p = wait_for("its theme", lambda p: p.get("themes") == ["mobilite"])
viewer.kill()
viewer.wait()
viewer = start_viewer()
p = wait_for("the offer to restore", lambda p: p.get("restore_offer", 0) > 0 and "restore.accept" in p.get("items", {}))
focus()
click_item(p, "restore.accept")
p = wait_for("the restored edits", lambda p: second in p.get("ids", []) and p.get("modified"))
keys("ctrl+s")
p = wait_for("the save of the restored edits", lambda p: not p.get("modified"), timeout=10)
viewer.terminate()
viewer.wait(timeout=20)
show = subprocess.run([cartes, "alliances", "show", second, "--catalogue", catalogue, "--base", base, "--format", "json"],
                      capture_output=True, text=True)
shown = json.loads(show.stdout) if show.returncode == 0 else {}
if [m["code"] for m in shown.get("members", [])] != [picked[0]] or shown.get("themes") != ["mobilite"]:
    fail("after kill -9 and restore: " + show.stdout + show.stderr)

shutil.rmtree(work, ignore_errors=True)
print(f"edit window: {alliance} created with {', '.join(picked)} by clicks (undo, redo"
      f"{', rectangle of ' + third if third else ''}), theme ticked, saved with Ctrl+S, checked; "
      f"{second} edited, kill -9, restored at the next start and saved")
