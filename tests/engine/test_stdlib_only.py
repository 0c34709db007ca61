"""The engine runs in Pyodide as it is: the standard library only, and in the browser not even all of that.

Module-level imports are the standard library (or the package itself). What the browser's engine
imports (decision_tree.api and everything it pulls in) stays clear of the TOML reader, the checks and
the CLI's receipt renderer, which are imported only where the build, the CLI and the tests need them.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import decision_tree

from .conftest import IN_PYODIDE

PACKAGE = Path(decision_tree.__file__).parent
# The only imports from outside the standard library, each inside the one function that needs it:
# the CLI's and the build's receipt renderer, and the repository's guideline package where the
# trees are read from files (the browser gets a bundle) and where the CLI checks quotes.
ALLOWED_OUTSIDE = {("receipt.py", "jinja2"), ("registry.py", "guideline"), ("__main__.py", "guideline")}


def imports(source: Path):
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield node, [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node, [node.module]


def test_engine_imports_only_the_standard_library():
    offenders = []
    for source in PACKAGE.glob("*.py"):
        for node, names in imports(source):
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("__future__", "decision_tree"):
                    continue
                if (source.name, top) not in ALLOWED_OUTSIDE or node.col_offset == 0:
                    offenders.append(f"{source.name}:{node.lineno}: {name}")
    assert offenders == []


@pytest.mark.skipif(IN_PYODIDE, reason="needs a fresh interpreter")
def test_the_browsers_engine_does_not_load_the_toml_reader_the_checks_or_jinja():
    probe = ("import sys, json; from decision_tree import api, bundle, registry; "
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('decision_tree') or m in "
             "('tomllib', 'jinja2', 'html.parser', 'hashlib'))))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=PACKAGE.parent, capture_output=True, text=True, check=True)
    loaded = set(json.loads(result.stdout))
    assert not loaded & {"tomllib", "jinja2", "decision_tree.load", "decision_tree.check", "decision_tree.receipt",
                         "decision_tree.paths", "html.parser", "hashlib"}, loaded


def test_tree_data_ships_inside_the_package():
    assert (PACKAGE / "common.toml").is_file() and (PACKAGE / "legacy-v1.json").is_file()
    assert {p.stem for p in (PACKAGE / "trees").glob("*.toml")} >= {"hjemmearbeid", "yrkesskade", "reise"}
