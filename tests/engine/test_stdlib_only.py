"""The engine imports nothing but the standard library (it runs in Pyodide as is),
and never MkDocs or markdown-it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import decision_tree

PACKAGE = Path(decision_tree.__file__).parent


def test_engine_imports_only_the_standard_library():
    offenders = []
    for source in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("__future__", "decision_tree"):
                    offenders.append(f"{source.name}: {name}")
    assert offenders == []


def test_tree_data_ships_inside_the_package():
    assert (PACKAGE / "common.toml").is_file()
    assert {p.stem for p in (PACKAGE / "trees").glob("*.toml")} >= {"hjemmearbeid", "yrkesskade", "reise"}
