"""The engine wheel the site ships is the runtime package alone (tooling/wheel.py: no tree data, no
build tooling), holds bytecode for Pyodide's Python, not source (tools/compile-wheel.mjs), so the
worker's import compiles nothing, and it is still a valid wheel. That the engine runs from it in
Pyodide is proven in test_shipped_stdlib.py (the drive installs exactly this wheel)."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import zipfile

import pytest

from tests.conftest import ROOT
from tooling import wheel as runtime_wheel


@pytest.fixture(scope="module")
def wheel(site_dir) -> zipfile.ZipFile:
    [path] = list((site_dir / "assets" / "beslutningstre").glob("*/*-py3-none-any.whl"))
    with zipfile.ZipFile(path) as z:
        yield z


@pytest.fixture(scope="module")
def pyodide_magic(site_dir) -> bytes:
    # The shipped stdlib was compiled inside Pyodide: its magic number is Pyodide's Python's.
    [stdlib] = list((site_dir / "assets" / "pyodide").glob("*/python_stdlib-*.zip"))
    with zipfile.ZipFile(stdlib) as z:
        return z.read("json/__init__.pyc")[:4]


def test_every_module_of_the_engine_ships_as_bytecode_for_pyodide_and_none_as_source(wheel, pyodide_magic):
    names = set(wheel.namelist())
    modules = {f"decision_tree/{p.name}" for p in (ROOT / "decision_tree").glob("*.py")}
    assert modules and {m + "c" for m in modules} <= names
    assert not [n for n in names if n.endswith(".py")]
    assert {wheel.read(m + "c")[:4] for m in modules} == {pyodide_magic}


def test_it_holds_the_runtime_package_and_nothing_else(wheel):
    runtime = {name.removesuffix(".py") + (".pyc" if name.endswith(".py") else "")
               for name in runtime_wheel.contents(ROOT / "decision_tree")}
    dist_info = {n for n in wheel.namelist() if n.startswith("decision_tree-") and ".dist-info/" in n}
    assert set(wheel.namelist()) - dist_info == runtime
    assert not [n for n in wheel.namelist() if n.endswith(".toml")]


def test_the_wheel_is_a_function_of_the_runtime_files_alone(tmp_path):
    """Byte-identical from the same runtime files, wherever and whenever it is built: a wording edit
    in a tree (content/, not an input) never changes the wheel or the folder it is served from."""
    first = runtime_wheel.build(ROOT / "decision_tree", tmp_path / "a").read_bytes()
    second = runtime_wheel.build(ROOT / "decision_tree", tmp_path / "b").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {n for n in z.namelist() if not n.startswith("decision_tree-")} == set(
            runtime_wheel.contents(ROOT / "decision_tree"))


def test_its_record_lists_every_file_with_its_hash_and_size(wheel):
    [record] = [n for n in wheel.namelist() if n.endswith(".dist-info/RECORD")]
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(wheel.read(record).decode()))}
    assert set(rows) == set(wheel.namelist())
    for name, (digest, size) in rows.items():
        if name == record:
            continue
        data = wheel.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert (digest, size) == (f"sha256={expected}", str(len(data))), name
