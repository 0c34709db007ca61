"""The browser runtime is the `decision_tree` package alone: the standard library only, no tree data,
no build tooling, and in the browser not even all of the standard library.

The browser's wheel (tooling/wheel.py) holds exactly this package, so a wording edit in a tree never
changes it.
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


def imports(source: Path):
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield node, [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node, [node.module]


def test_the_runtime_imports_only_the_standard_library_and_itself():
    offenders = [
        f"{source.name}:{node.lineno}: {name}"
        for source in PACKAGE.glob("*.py")
        for node, names in imports(source)
        for name in names
        if name.split(".")[0] not in (*sys.stdlib_module_names, "__future__", "decision_tree")
    ]
    assert offenders == []


@pytest.mark.skipif(IN_PYODIDE, reason="needs a fresh interpreter")
def test_the_browsers_engine_loads_no_toml_reader_no_jinja_and_no_hashing():
    probe = ("import sys, json; from decision_tree import api, bundle, catalog; "
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('decision_tree', 'guideline', 'tooling', 'tomllib', 'jinja2', 'hashlib') or m == 'html.parser')))")
    result = subprocess.run([sys.executable, "-I", "-c", probe], cwd=PACKAGE.parent, capture_output=True, text=True,
                            check=True)
    loaded = set(json.loads(result.stdout))
    assert loaded == {m for m in loaded if m.startswith("decision_tree")}, loaded


def test_the_runtime_package_holds_no_tree_data():
    files = {p.name for p in PACKAGE.iterdir() if p.is_file()}
    assert {name for name in files if not name.endswith(".py")} == {"legacy-v1.json"}
    assert not (PACKAGE / "trees").exists()
