"""The standard library the site ships is exactly what the browser needs: traced from the engine's
use, stored for the server to compress, and proven sufficient by the build itself (tools/compile-stdlib.mjs
runs tools/prove-stdlib.mjs on it, and a zip that fails stops the build); a zip missing one module the
engine needs is refused, with the module's name."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROVE = ROOT / "tools" / "prove-stdlib.mjs"


@pytest.fixture(scope="module")
def shipped(site_dir) -> Path:
    [zip_path] = list((site_dir / "assets" / "pyodide").glob("*/python_stdlib-*.zip"))
    return zip_path


@pytest.fixture(scope="module")
def options(site_dir, tmp_path_factory) -> str:
    [wheel] = list((site_dir / "assets" / "beslutningstre").glob("*/*.whl"))
    [trees] = list((site_dir / "assets" / "beslutningstre").glob("*/trees.json"))
    legacy = ROOT / "decision_tree" / "legacy-v1.json"
    return json.dumps({"wheel": str(wheel), "bundle": str(trees), "legacy": str(legacy)})


def prove(zip_path: Path, options: str) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "Node.js mangler"
    return subprocess.run([node, str(PROVE), str(ROOT / "node_modules" / "pyodide"), str(zip_path), options],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_the_zip_holds_compiled_modules_stored_for_the_server_to_compress(shipped, site_dir):
    with zipfile.ZipFile(shipped) as z:
        infos = z.infolist()
    names = {i.filename for i in infos}
    assert infos and all(i.compress_type == zipfile.ZIP_STORED for i in infos)
    assert all(n.endswith(".pyc") for n in names)
    # What the engine and Pyodide's boot use is there; what a browser never runs is not.
    assert {"json/__init__.pyc", "fractions.pyc", "dataclasses.pyc", "re/__init__.pyc"} <= names
    assert not {n for n in names if n.split("/")[0].removesuffix(".pyc") in
                {"unittest", "sqlite3", "multiprocessing", "tomllib", "difflib", "html", "hashlib", "pydoc", "doctest"}}
    # The server sends it compressed: a precompressed copy sits beside it.
    assert shipped.with_name(shipped.name + ".gz").stat().st_size < shipped.stat().st_size * 0.5


def test_a_zip_missing_a_module_the_engine_needs_is_refused_by_name(shipped, options, tmp_path):
    smaller = tmp_path / "python_stdlib-smaller.zip"
    with zipfile.ZipFile(shipped) as src, zipfile.ZipFile(smaller, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            if info.filename != "fractions.pyc":
                out.writestr(info, src.read(info))
    result = prove(smaller, options)
    assert result.returncode == 1
    assert "Standardbiblioteket mangler noe motoren trenger" in result.stderr
    assert "No module named 'fractions'" in result.stderr
