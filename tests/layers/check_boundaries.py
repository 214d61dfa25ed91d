#!/usr/bin/env python3
"""Fails when a C API header is reachable outside its layer.

usage: check_boundaries.py SRC_DIR
       check_boundaries.py --self-test   (a made-up tree with leaks must fail)

Each C library is included in one place only (DESIGN.md, "Keep C APIs behind
one boundary"): GDAL/GEOS/PROJ in src/geo, OpenGL in src/render, GLFW and
ImGui's platform backends in the viewer's backend file, libpq in src/store_pg,
Cairo in src/print. A project header that includes one of them counts as that
header for whoever includes it (transitively), so a leak through a header is
caught too. Prints every violation as file: header (via chain).
"""
import os
import re
import sys

# (pattern of the C header, folders or files of src/ that may reach it)
RULES = [
    (r"^(gdal|gdal_priv|ogr_\w+|ogrsf_frmts|cpl_\w+)\.h$", ["geo/"]),
    (r"^geos_c\.h$", ["geo/"]),
    (r"^proj\.h$", ["geo/"]),
    (r"^GL/", ["render/", "app/backend_glfw.cpp"]),
    (r"^GLFW/", ["app/backend_glfw.cpp"]),
    (r"^backends/imgui_impl_", ["app/backend_glfw.cpp"]),
    (r"^(libpq-fe|pqxx/)", ["store_pg/"]),
    (r"^cairo", ["print/"]),
]
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def main(src):
    files = {}
    for root, _, names in os.walk(src):
        for n in names:
            if n.endswith((".cpp", ".hpp", ".h")):
                rel = os.path.relpath(os.path.join(root, n), src)
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    files[rel] = [m.groups() for m in map(INCLUDE.match, f) if m]
    reach = {}

    def reached(rel, stack=()):
        """System headers reachable from rel: {header: chain of project headers}."""
        if rel in reach:
            return reach[rel]
        reach[rel] = {}
        out = {}
        for kind, name in files.get(rel, []):
            if name in files:  # a project header, "layer/file.hpp"
                for h, chain in reached(name, stack + (rel,)).items():
                    out.setdefault(h, (name,) + chain)
            else:
                out.setdefault(name, ())
        reach[rel] = out
        return out

    violations = []
    for rel in sorted(files):
        for header, chain in reached(rel).items():
            for pattern, allowed in RULES:
                if re.search(pattern, header) and not any(
                        rel == a or (a.endswith("/") and rel.startswith(a)) for a in allowed):
                    via = f" (via {' -> '.join(chain)})" if chain else ""
                    violations.append(f"src/{rel}: <{header}>{via}: allowed only in {', '.join(allowed)}")
    for v in violations:
        print(v)
    print(f"{len(files)} files checked, {len(violations)} boundary violations")
    return 1 if violations else 0


def self_test():
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        tree = {
            "geo/handle.hpp": "#include <geos_c.h>\n",
            "geo/ok.cpp": "#include <gdal_priv.h>\n#include \"geo/handle.hpp\"\n",
            "model/leak.cpp": "#include \"geo/handle.hpp\"\n",
            "analysis/direct.cpp": "#include <proj.h>\n",
        }
        for rel, text in tree.items():
            os.makedirs(os.path.join(tmp, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), "w") as f:
                f.write(text)
        import io
        import contextlib
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = main(tmp)
        text = out.getvalue()
        ok = (rc == 1 and "src/model/leak.cpp: <geos_c.h> (via geo/handle.hpp)" in text
              and "src/analysis/direct.cpp: <proj.h>" in text and "geo/ok.cpp" not in text)
        print(text + ("self-test: ok" if ok else "self-test: FAILED"))
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(self_test() if sys.argv[1] == "--self-test" else main(sys.argv[1]))
