#!/usr/bin/env python3
"""The golden-output runner of the command tests of check, alliances, stats,
export and rings (`cartes build` has its own, tests/cli/build/golden_build.sh,
which damages a copy of the sources per case; both read CARTES_UPDATE_GOLDEN).


usage: golden.py CARTES GOLDEN_DIR WORK_DIR NAME EXPECTED_EXIT [args...]

Runs `CARTES args...` in WORK_DIR. stdout must equal GOLDEN_DIR/NAME.out;
stderr, without the progress lines ("step... done"), must equal
GOLDEN_DIR/NAME.err (no such file: stderr must be empty), so an unexpected
warning fails the test. The source root and WORK_DIR are written <src> and
<work> in both, so the files hold no machine paths. The exit code must be
EXPECTED_EXIT. CARTES_UPDATE_GOLDEN=1 rewrites the golden files.
"""
import os
import re
import subprocess
import sys

cartes, golden_dir, work_dir, name, expected_exit, *args = sys.argv[1:]
source_root = os.path.abspath(os.path.join(golden_dir, "..", "..", ".."))
run = subprocess.run([cartes, *args], capture_output=True, text=True, cwd=work_dir)


def normalise(text):
    return text.replace(os.path.abspath(work_dir), "<work>").replace(source_root, "<src>")


stdout = normalise(run.stdout)
stderr = normalise("".join(l for l in run.stderr.splitlines(keepends=True)
                           if not re.match(r"^.*\.\.\. (done|\d+%)$", l.rstrip("\n"))))
out_file = os.path.join(golden_dir, name + ".out")
err_file = os.path.join(golden_dir, name + ".err")
if os.environ.get("CARTES_UPDATE_GOLDEN") == "1":
    with open(out_file, "w") as f:
        f.write(stdout)
    if stderr:
        with open(err_file, "w") as f:
            f.write(stderr)
    elif os.path.exists(err_file):
        os.remove(err_file)
failures = []
if run.returncode != int(expected_exit):
    failures.append(f"exit code {run.returncode}, expected {expected_exit}")
want_out = open(out_file).read() if os.path.exists(out_file) else ""
want_err = open(err_file).read() if os.path.exists(err_file) else ""
if stdout != want_out:
    failures.append(f"stdout differs from {out_file}:\n{stdout}")
if stderr != want_err:
    failures.append(f"stderr differs from {err_file if want_err else '(empty)'}:\n{stderr}")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"{name}: ok")
