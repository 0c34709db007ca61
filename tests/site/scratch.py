"""A complete copy of the project in a scratch folder, to build with one thing changed.

Everything the build reads is copied (so a test may edit it) or linked (read-only, large:
node_modules, the build caches, tools). A scratch build that fails must fail for the reason the
test gives it, never because a piece was missing: tests check a clean scratch build passes.

Scratch builds only check (HJEMMEKONTOR_ASSETS=0: the pages and every check, without the Pyodide
steps and the compression, tooling/build.py). Where a browser test runs the widget on a scratch
site, `with_runtime` gives it the runtime of the site's own full build (site/): the same Pyodide
and engine wheel a full build of the scratch project would ship (the wheel is built from
decision_tree/ alone), with the scratch project's trees as the engine's data.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from decision_tree import bundle
from tests.content import ROOT
from tooling import registry
from tooling.build import ASSETS
from tooling.project import Project

COPIED = ("docs", "overrides", "hooks", "content", "kilde")
FILES = ("mkdocs.yml", "pyproject.toml", "package.json", "README.md", "SKRIVEVEILEDNING.md",
         "tests/search/queries.toml")  # HR's search queries: the check says what they must cover
LINKED = ("node_modules", ".cache", "tools")
CHECK_ONLY = {ASSETS: "0"}
_DATA_URL = re.compile(r'dataURL: new URL\("\.\./(beslutningstre/[0-9a-f]+/trees\.json)"')


def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in FILES:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, target / name)
    for name in LINKED:
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    return target


def build(project_dir: Path, out: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, check-only (pass "--no-strict" in `args` to see a site with warnings)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out), *args],
        cwd=project_dir, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **CHECK_ONLY, **(env or {})},
    )


@contextlib.contextmanager
def _environment(env: dict):
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def with_runtime(out: Path, project_dir: Path, full: Path, env: dict | None = None) -> None:
    """Give the check-only build in `out` the decision trees' runtime of the full build `full`: its
    Pyodide and engine folders, and a runtime module whose data is `project_dir`'s trees, read as the
    build reads them (`env`: the build's settings, e.g. its date)."""
    runtime = (full / "assets" / "javascripts" / "tree-runtime.js").read_text(encoding="utf-8")
    data_url = _DATA_URL.search(runtime).group(1)
    for folder in ("pyodide", *(p.parent.name for p in (full / "assets" / "beslutningstre").glob("*/*.whl"))):
        where = f"assets/{folder}" if folder == "pyodide" else f"assets/beslutningstre/{folder}"
        shutil.copytree(full / where, out / where, ignore=shutil.ignore_patterns("*.gz", "*.br"))
    with _environment(env or {}):
        content = registry.load(Project(project_dir.resolve()))
    data = json.dumps(bundle.dump(content.catalog), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    ours = f"beslutningstre/{hashlib.sha256(data.encode()).hexdigest()[:16]}/trees.json"
    (out / "assets" / ours).parent.mkdir(parents=True)
    (out / "assets" / ours).write_text(data, encoding="utf-8")
    (out / "assets" / "javascripts" / "tree-runtime.js").write_text(
        runtime.replace(data_url, ours), encoding="utf-8")
